// The fake API server's protocol: HTTP/1.1 connections, auth, discovery, lists and gets, faults,
// and the routing of server-side apply (whose rules live in fakeapply.cpp). Over 600 lines
// because it is one protocol over one mutex-guarded state; split further, each part would need
// that state's internals.
#include "fakeapiserver.h"

#include "fakeapply.h"
#include "kube/discovery.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Fluxdesk::Testing {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;

const QStringList &listVerbs()
{
    static const QStringList verbs = QStringList{
        QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
        QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
        QStringLiteral("update"), QStringLiteral("watch")};
    return verbs;
}

// What the read-only APIs serve: metrics-server's metrics.k8s.io, ComponentStatus.
const QStringList &readOnlyVerbs()
{
    static const QStringList verbs = QStringList{QStringLiteral("get"), QStringLiteral("list")};
    return verbs;
}

// Aggregated APIs that compute their objects on each request (metrics-server and the custom and
// external metrics adapters): get and list only, no status subresource.
bool readOnlyGroup(const QString &group)
{
    return group == QLatin1String("metrics.k8s.io") ||
           group == QLatin1String("custom.metrics.k8s.io") ||
           group == QLatin1String("external.metrics.k8s.io");
}

// A subresource line of an APIResourceList ("pods/log"); clients must not list these.
struct SubResource
{
    QString name;           // "log"
    QString kind;           // "Pod", or "Scale"
    QString group, version; // set for subresources of another group (autoscaling/v1 Scale)
    QStringList verbs;
};

struct Item
{
    QString ns;
    QString name;
    QByteArray json; // compact serialization, built once in setObjects()
    QJsonObject labels;
};

struct TypeEntry
{
    QString group, version, resource, kind, singular;
    QStringList shortNames, verbs, categories;
    bool namespaced = true;
    QList<SubResource> subresources;
    QVector<Item> items; // sorted by namespace, then name

    QString groupVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    bool listable() const { return verbs.contains(QLatin1String("list")); }
};

TypeEntry makeType(const QString &group, const QString &version, const QString &resource,
                   const QString &kind, bool namespaced, const QStringList &shortNames = {},
                   const QStringList &subresourceNames = {}, bool all = false)
{
    TypeEntry t;
    t.group = group;
    t.version = version;
    t.resource = resource;
    t.kind = kind;
    t.singular = kind.toLower();
    t.namespaced = namespaced;
    t.shortNames = shortNames;
    t.verbs = listVerbs();
    if (all)
        t.categories = QStringList{QStringLiteral("all")};
    for (const QString &sub : subresourceNames) {
        SubResource s;
        s.name = sub;
        s.kind = kind;
        if (sub == QLatin1String("log")) {
            s.verbs = QStringList{QStringLiteral("get")};
        } else if (sub == QLatin1String("scale")) {
            s.kind = QStringLiteral("Scale");
            s.group = QStringLiteral("autoscaling");
            s.version = QStringLiteral("v1");
            s.verbs = QStringList{QStringLiteral("get"), QStringLiteral("patch"),
                                  QStringLiteral("update")};
        } else if (sub == QLatin1String("exec")) {
            s.kind = QStringLiteral("PodExecOptions");
            s.verbs = QStringList{QStringLiteral("create"), QStringLiteral("get")};
        } else {
            s.verbs = QStringList{QStringLiteral("get"), QStringLiteral("patch"),
                                  QStringLiteral("update")};
        }
        t.subresources.append(s);
    }
    return t;
}

// The types every server serves, whether or not objects of them exist.
QVector<TypeEntry> builtinTypes()
{
    const QString core;
    const QString v1 = QStringLiteral("v1");
    const QString apps = QStringLiteral("apps");
    auto S = [](const char *s) { return QString::fromLatin1(s); };
    QVector<TypeEntry> types;
    TypeEntry bindings = makeType(core, v1, S("bindings"), S("Binding"), true);
    bindings.verbs = QStringList{S("create")}; // present in discovery, not listable
    types << bindings;
    TypeEntry componentStatuses =
        makeType(core, v1, S("componentstatuses"), S("ComponentStatus"), false, {S("cs")});
    componentStatuses.verbs = readOnlyVerbs(); // health readings, computed on each request
    types << componentStatuses;
    types << makeType(core, v1, S("configmaps"), S("ConfigMap"), true, {S("cm")});
    types << makeType(core, v1, S("endpoints"), S("Endpoints"), true, {S("ep")});
    types << makeType(core, v1, S("events"), S("Event"), true, {S("ev")});
    types << makeType(core, v1, S("namespaces"), S("Namespace"), false, {S("ns")},
                      {S("finalize"), S("status")});
    types << makeType(core, v1, S("nodes"), S("Node"), false, {S("no")}, {S("status")});
    types << makeType(core, v1, S("persistentvolumeclaims"), S("PersistentVolumeClaim"), true,
                      {S("pvc")}, {S("status")});
    types << makeType(core, v1, S("persistentvolumes"), S("PersistentVolume"), false, {S("pv")},
                      {S("status")});
    types << makeType(core, v1, S("pods"), S("Pod"), true, {S("po")},
                      {S("exec"), S("log"), S("status")}, true);
    types << makeType(core, v1, S("secrets"), S("Secret"), true);
    types << makeType(core, v1, S("serviceaccounts"), S("ServiceAccount"), true, {S("sa")});
    types << makeType(core, v1, S("services"), S("Service"), true, {S("svc")}, {S("status")}, true);
    types << makeType(apps, v1, S("controllerrevisions"), S("ControllerRevision"), true);
    types << makeType(apps, v1, S("daemonsets"), S("DaemonSet"), true, {S("ds")}, {S("status")},
                      true);
    types << makeType(apps, v1, S("deployments"), S("Deployment"), true, {S("deploy")},
                      {S("scale"), S("status")}, true);
    types << makeType(apps, v1, S("replicasets"), S("ReplicaSet"), true, {S("rs")},
                      {S("scale"), S("status")}, true);
    types << makeType(apps, v1, S("statefulsets"), S("StatefulSet"), true, {S("sts")},
                      {S("scale"), S("status")}, true);
    TypeEntry reviews =
        makeType(S("authentication.k8s.io"), v1, S("tokenreviews"), S("TokenReview"), false);
    reviews.verbs = QStringList{S("create")};
    types << reviews;
    return types;
}

// "group/kind" ("/Endpoints" for the core group): the tables below key a type by its group too,
// since a custom resource may reuse a built-in kind's name in its own group.
QString groupKind(const QString &group, const QString &kind)
{
    return group + QLatin1Char('/') + kind;
}

// kubectl's guess for an unknown kind, with the plurals a guess gets wrong exact.
QString pluralOf(const QString &group, const QString &kind)
{
    static const QHash<QString, QString> irregular = {
        {QStringLiteral("/Endpoints"), QStringLiteral("endpoints")},
        // metrics-server names its resources after what they measure.
        {QStringLiteral("metrics.k8s.io/PodMetrics"), QStringLiteral("pods")},
        {QStringLiteral("metrics.k8s.io/NodeMetrics"), QStringLiteral("nodes")},
    };
    const auto it = irregular.constFind(groupKind(group, kind));
    if (it != irregular.constEnd())
        return it.value();
    const QString lower = kind.toLower();
    if (lower.endsWith(QLatin1Char('s')) || lower.endsWith(QLatin1Char('x')) ||
        lower.endsWith(QLatin1String("ch")) || lower.endsWith(QLatin1String("sh")))
        return lower + QLatin1String("es");
    if (lower.endsWith(QLatin1Char('y')) && lower.size() > 1 &&
        !QStringLiteral("aeiou").contains(lower.at(lower.size() - 2)))
        return lower.left(lower.size() - 1) + QLatin1String("ies");
    return lower + QLatin1Char('s');
}

bool knownClusterScoped(const QString &group, const QString &kind)
{
    static const QStringList types = {
        QStringLiteral("/Namespace"),
        QStringLiteral("/Node"),
        QStringLiteral("/PersistentVolume"),
        QStringLiteral("rbac.authorization.k8s.io/ClusterRole"),
        QStringLiteral("rbac.authorization.k8s.io/ClusterRoleBinding"),
        QStringLiteral("storage.k8s.io/StorageClass"),
        QStringLiteral("apiextensions.k8s.io/CustomResourceDefinition"),
        QStringLiteral("scheduling.k8s.io/PriorityClass"),
        QStringLiteral("networking.k8s.io/IngressClass"),
        QStringLiteral("apiregistration.k8s.io/APIService"),
        QStringLiteral("admissionregistration.k8s.io/MutatingWebhookConfiguration"),
        QStringLiteral("admissionregistration.k8s.io/ValidatingWebhookConfiguration"),
        QStringLiteral("storage.k8s.io/CSIDriver"),
        QStringLiteral("storage.k8s.io/CSINode"),
        QStringLiteral("storage.k8s.io/VolumeAttachment"),
        QStringLiteral("node.k8s.io/RuntimeClass"),
        QStringLiteral("cert-manager.io/ClusterIssuer"),
        QStringLiteral("metrics.k8s.io/NodeMetrics"),
    };
    return types.contains(groupKind(group, kind));
}

QStringList knownShortNames(const QString &group, const QString &kind)
{
    static const QHash<QString, QStringList> names = {
        {QStringLiteral("networking.k8s.io/Ingress"), {QStringLiteral("ing")}},
        {QStringLiteral("networking.k8s.io/NetworkPolicy"), {QStringLiteral("netpol")}},
        {QStringLiteral("storage.k8s.io/StorageClass"), {QStringLiteral("sc")}},
        {QStringLiteral("helm.toolkit.fluxcd.io/HelmRelease"), {QStringLiteral("hr")}},
        {QStringLiteral("kustomize.toolkit.fluxcd.io/Kustomization"), {QStringLiteral("ks")}},
        {QStringLiteral("batch/CronJob"), {QStringLiteral("cj")}},
        {QStringLiteral("autoscaling/HorizontalPodAutoscaler"), {QStringLiteral("hpa")}},
        {QStringLiteral("policy/PodDisruptionBudget"), {QStringLiteral("pdb")}},
        {QStringLiteral("apiextensions.k8s.io/CustomResourceDefinition"),
         {QStringLiteral("crd"), QStringLiteral("crds")}},
    };
    return names.value(groupKind(group, kind));
}

// The type a server serves for objects of a group and kind it has no built-in type for: a CRD
// (with a status subresource), or a read-only aggregated API's type.
TypeEntry derivedType(const QString &group, const QString &version, const QString &kind,
                      const QString &ns)
{
    const bool readOnly = readOnlyGroup(group);
    TypeEntry t =
        makeType(group, version, pluralOf(group, kind), kind,
                 !knownClusterScoped(group, kind) && !ns.isEmpty(), knownShortNames(group, kind),
                 readOnly ? QStringList() : QStringList{QStringLiteral("status")});
    if (readOnly)
        t.verbs = readOnlyVerbs();
    return t;
}

QByteArray jsonString(const QString &s)
{
    // QJsonDocument does the escaping; strip the surrounding array brackets.
    const QByteArray doc = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return doc.mid(1, doc.size() - 2);
}

QByteArray httpReason(int code)
{
    switch (code) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

QString statusReason(int code)
{
    switch (code) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Expired");
    case 413:
        return QStringLiteral("RequestEntityTooLarge");
    case 415:
        return QStringLiteral("UnsupportedMediaType");
    case 422:
        return QStringLiteral("Invalid");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("Timeout");
    default:
        return code >= 500 ? QStringLiteral("InternalError") : QString();
    }
}

struct StatusDetails
{
    QString name, group, kind;
    QString reason;                                // when not the code's usual one
    QString causeReason, causeMessage, causeField; // one entry of details.causes, when set
};

// A metav1.Status body with the fields in the order the real server writes them.
QByteArray statusBody(int code, const QString &message, const StatusDetails &details = {})
{
    QByteArray out = QByteArrayLiteral(
        R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":)");
    out += jsonString(message);
    const QString reason = details.reason.isEmpty() ? statusReason(code) : details.reason;
    if (!reason.isEmpty())
        out += QByteArrayLiteral(",\"reason\":") + jsonString(reason);
    if (!details.name.isEmpty() || !details.group.isEmpty() || !details.kind.isEmpty()) {
        QByteArray d;
        auto add = [&d](const char *key, const QString &value) {
            if (value.isEmpty())
                return;
            if (!d.isEmpty())
                d += ',';
            d += '"' + QByteArray(key) + "\":" + jsonString(value);
        };
        add("name", details.name);
        add("group", details.group);
        add("kind", details.kind);
        if (!details.causeMessage.isEmpty()) {
            const QJsonObject cause{{QStringLiteral("reason"), details.causeReason},
                                    {QStringLiteral("message"), details.causeMessage},
                                    {QStringLiteral("field"), details.causeField}};
            d += ",\"causes\":[" + QJsonDocument(cause).toJson(QJsonDocument::Compact) + ']';
        }
        out += ",\"details\":{" + d + '}';
    } else if (code != 401) {
        out += ",\"details\":{}";
    }
    out += ",\"code\":" + QByteArray::number(code) + '}';
    return out;
}

struct Response
{
    int code = 200;
    QByteArray body;
    FakeApiServer::Fault fault = FakeApiServer::Fault::None;
    int delayMs = 0;
    bool withoutContentLength = false; // the body ends when the connection closes
    int intervalMs = 0;                // Fault::Trickle: between two bytes
};

Response status(int code, const QString &message, const StatusDetails &details = {})
{
    return Response{code, statusBody(code, message, details)};
}

class TcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    std::function<void(qintptr)> onIncoming;

protected:
    void incomingConnection(qintptr descriptor) override { onIncoming(descriptor); }
};

} // namespace

namespace detail {

// The server's state and request handling; Connection objects share it.
struct ServerCore
{
    FakeApiServer::Options options;
    TcpServer *tcp = nullptr;
    QSslConfiguration sslConfig;
    std::atomic<quint16> port{0};

    mutable QMutex mutex; // guards everything below; tests call in from other threads
    QVector<TypeEntry> types;
    QHash<QString, int> typeByPath; // "v1/pods", "apps/v1/deployments"
    QList<FakeApiServer::FaultRule> faults;
    QList<int> faultHits; // per rule: how many requests it applied to
    QStringList log;
    int requestCount = 0;
    qint64 resourceVersion = 1000;
    QList<QJsonObject> source; // the objects served, as rebuild() completed them
    QList<AdmissionRule> admission;

    void rebuild(const QList<QJsonObject> &objects);
    Response handle(const QByteArray &method, const QByteArray &target,
                    const QHash<QByteArray, QByteArray> &headers, bool authorized,
                    bool applyFaults = true, const QByteArray &body = {});
    Response apply(const TypeEntry &type, const QString &ns, const QString &name,
                   const QUrlQuery &query, const QByteArray &contentType, const QByteArray &body);
    std::optional<QJsonObject> find(const TypeEntry &type, const QString &ns,
                                    const QString &name) const;
    Response discovery(const QStringList &segments, bool *handled) const;
    Response resourceRequest(const TypeEntry &type, const QString &ns, const QString &name,
                             const QUrlQuery &query) const;
    QByteArray groupJson(const QString &group) const;
};

} // namespace detail

struct FakeApiServer::Private : detail::ServerCore
{};

namespace {

// One client connection: parses HTTP/1.1 requests, answers them in order (keep-alive).
class Connection : public QObject
{
public:
    Connection(detail::ServerCore *d, QTcpSocket *socket, QObject *parent)
        : QObject(parent), m_d(d), m_socket(socket)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this] { processBuffer(); });
        connect(socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
        if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
            connect(ssl, &QSslSocket::encrypted, this, [this, ssl] {
                // QueryPeer: a certificate is optional, but when given it must verify against the
                // client CA; handshake errors are recorded instead of aborting the handshake.
                m_certificateOk = !ssl->peerCertificate().isNull() &&
                                  ssl->sslHandshakeErrors().isEmpty() &&
                                  !m_d->options.clientCaFile.isEmpty();
                processBuffer();
            });
        }
    }

private:
    void processBuffer()
    {
        m_buffer += m_socket->readAll();
        while (!m_busy && !m_closing) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                if (m_buffer.size() > MaxHeaderBytes)
                    sendAndClose(431, statusBody(431, QStringLiteral("request header too large")));
                return;
            }
            const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
                sendAndClose(400, statusBody(400, QStringLiteral("malformed request line")));
                return;
            }
            QHash<QByteArray, QByteArray> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
            }
            bool numberOk = true;
            const qsizetype contentLength =
                headers.contains("content-length")
                    ? headers.value("content-length").toLongLong(&numberOk)
                    : 0;
            if (!numberOk || contentLength < 0 || contentLength > MaxBodyBytes) {
                sendAndClose(413, statusBody(413, QStringLiteral("request body too large")));
                return;
            }
            if (m_buffer.size() < headerEnd + 4 + contentLength)
                return; // wait for the rest of the body
            const QByteArray body = m_buffer.mid(headerEnd + 4, contentLength);
            m_buffer.remove(0, headerEnd + 4 + contentLength);

            const bool http10 = requestLine.at(2) == "HTTP/1.0";
            const QByteArray connectionHeader = headers.value("connection").toLower();
            const bool close = connectionHeader.contains("close") ||
                               (http10 && !connectionHeader.contains("keep-alive"));

            bool authorized = m_certificateOk;
            const QByteArray authorization = headers.value("authorization");
            if (!authorized && !m_d->options.token.isEmpty() &&
                authorization.startsWith("Bearer ")) {
                authorized = authorization.mid(7).trimmed() == m_d->options.token.toUtf8();
            }
            Response response =
                m_d->handle(requestLine.at(0), requestLine.at(1), headers, authorized, true, body);
            const int delay = m_d->options.latencyMs + response.delayMs;
            m_busy = true;
            if (delay > 0) {
                QTimer::singleShot(delay, this, [this, response, close] { send(response, close); });
            } else {
                send(response, close);
            }
        }
    }

    // length < 0: no Content-Length (the body ends when the connection closes).
    QByteArray head(int code, qsizetype length, bool close) const
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(code) + ' ' + httpReason(code) +
                         "\r\nAudit-Id: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
                         "\r\nCache-Control: no-cache, private"
                         "\r\nContent-Type: application/json"
                         "\r\nX-Kubernetes-Pf-Flowschema-Uid: fake"
                         "\r\nDate: " +
                         QDateTime::currentDateTimeUtc()
                             .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                             .toLatin1() +
                         "\r\n";
        if (length >= 0)
            out += "Content-Length: " + QByteArray::number(length) + "\r\n";
        if (close)
            out += "Connection: close\r\n";
        return out + "\r\n";
    }

    void send(const Response &response, bool close)
    {
        m_busy = false;
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (response.fault == FakeApiServer::Fault::ResetMidBody) {
            m_closing = true;
            m_socket->write(head(response.code, response.body.size(), false));
            m_socket->write(response.body.left(response.body.size() / 2));
            abortWhenFlushed(0);
            return;
        }
        if (response.fault == FakeApiServer::Fault::Trickle) {
            m_busy = true; // the next request waits until this body is out
            m_socket->write(head(response.code,
                                 response.withoutContentLength ? -1 : response.body.size(),
                                 close || response.withoutContentLength));
            trickle(response.body, 0, response.intervalMs, close || response.withoutContentLength);
            return;
        }
        if (response.withoutContentLength) {
            m_socket->write(head(response.code, -1, true));
            m_socket->write(response.body);
            sendAndClose(0, {});
            return;
        }
        QByteArray body = response.body;
        if (response.fault == FakeApiServer::Fault::MalformedJson) {
            // Cut in the middle and append a stray token, so no JSON parser accepts it.
            body = body.left(qMax<qsizetype>(1, body.size() / 2)) + "\",:}{";
        }
        m_socket->write(head(response.code, body.size(), close));
        m_socket->write(body);
        if (close) {
            sendAndClose(0, {});
            return;
        }
        if (!m_buffer.isEmpty())
            QTimer::singleShot(0, this, [this] { processBuffer(); });
    }

    // One byte of body now, the next after intervalMs, until the client goes away.
    void trickle(const QByteArray &body, qsizetype at, int intervalMs, bool close)
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (at >= body.size()) {
            m_busy = false;
            if (close)
                sendAndClose(0, {});
            else if (!m_buffer.isEmpty())
                QTimer::singleShot(0, this, [this] { processBuffer(); });
            return;
        }
        m_socket->write(body.mid(at, 1));
        m_socket->flush();
        QTimer::singleShot(intervalMs, this, [this, body, at, intervalMs, close] {
            trickle(body, at + 1, intervalMs, close);
        });
    }

    // Answers (when code != 0) and closes gracefully once everything is written.
    void sendAndClose(int code, const QByteArray &body)
    {
        m_closing = true;
        if (code != 0) {
            m_socket->write(head(code, body.size(), true));
            m_socket->write(body);
        }
        m_socket->disconnectFromHost();
    }

    // Aborts (TCP reset, no TLS close_notify) after the partial body reached the kernel.
    void abortWhenFlushed(int attempt)
    {
        m_socket->flush();
        auto *ssl = qobject_cast<QSslSocket *>(m_socket);
        const bool pending =
            m_socket->bytesToWrite() > 0 || (ssl && ssl->encryptedBytesToWrite() > 0);
        if (pending && attempt < 400) {
            QTimer::singleShot(5, this, [this, attempt] { abortWhenFlushed(attempt + 1); });
            return;
        }
        // Give the kernel a moment to put the bytes on the wire before the reset.
        QTimer::singleShot(20, this, [this] {
#ifdef Q_OS_UNIX
            // SO_LINGER 0: close() sends a TCP RST instead of a FIN, like a crashed peer.
            const struct linger hard = {1, 0};
            ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                         sizeof hard);
#endif
            m_socket->abort();
            deleteLater();
        });
    }

    detail::ServerCore *m_d;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closing = false;
    bool m_certificateOk = false;
};

} // namespace

void detail::ServerCore::rebuild(const QList<QJsonObject> &objects)
{
    types = builtinTypes();
    QHash<QString, int> byGvk;              // "apps/v1/Deployment"
    QHash<QString, QList<int>> byGroupKind; // "apps/Deployment": its type in every version
    for (int i = 0; i < types.size(); ++i) {
        byGvk.insert(types.at(i).groupVersion() + QLatin1Char('/') + types.at(i).kind, i);
        byGroupKind[groupKind(types.at(i).group, types.at(i).kind)].append(i);
    }
    // A kind's objects by (namespace, name), whichever version they were given in: a real
    // server stores each object once and serves it in every version of its group. The same key
    // given twice is one object, the later one (as a second apply would leave it).
    QHash<QString, QMap<QPair<QString, QString>, QJsonObject>> stored; // by "group/kind"

    const QUuid uidNamespace(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}"));
    QList<QJsonObject> completed;
    completed.reserve(objects.size());
    for (QJsonObject object : objects) {
        const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
        const QString kind = object.value(QLatin1String("kind")).toString();
        if (apiVersion.isEmpty() || kind.isEmpty())
            continue;
        QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        const QString ns = metadata.value(QLatin1String("namespace")).toString();
        const QString name = metadata.value(QLatin1String("name")).toString();
        if (!metadata.contains(QLatin1String("resourceVersion")))
            metadata.insert(QLatin1String("resourceVersion"), QString::number(++resourceVersion));
        if (!metadata.contains(QLatin1String("uid"))) {
            const QString key = apiVersion + QLatin1Char('/') + kind + QLatin1Char('/') + ns +
                                QLatin1Char('/') + name;
            metadata.insert(QLatin1String("uid"),
                            QUuid::createUuidV5(uidNamespace, key).toString(QUuid::WithoutBraces));
        }
        if (!metadata.contains(QLatin1String("creationTimestamp")))
            metadata.insert(QLatin1String("creationTimestamp"),
                            QStringLiteral("2025-01-01T00:00:00Z"));
        object.insert(QLatin1String("metadata"), metadata);
        completed.append(object);

        const int slash = apiVersion.indexOf(QLatin1Char('/'));
        const QString group = slash < 0 ? QString() : apiVersion.left(slash);
        const QString version = slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
        const QString gk = groupKind(group, kind);
        const QString gvk = apiVersion + QLatin1Char('/') + kind;
        int index = byGvk.value(gvk, -1);
        if (index < 0) {
            // Another version of a kind already served keeps its resource, scope and verbs.
            const QList<int> &siblings = byGroupKind[gk];
            TypeEntry t = siblings.isEmpty() ? derivedType(group, version, kind, ns)
                                             : types.at(siblings.first());
            t.version = version;
            types.append(t);
            index = int(types.size()) - 1;
            byGvk.insert(gvk, index);
            byGroupKind[gk].append(index);
        }
        const QString itemNs = types.at(index).namespaced ? ns : QString();
        stored[gk].insert(qMakePair(itemNs, name), object);
    }
    ++resourceVersion; // the list resourceVersion; bumping it expires old continue tokens
    source = completed;

    for (auto kind = stored.cbegin(); kind != stored.cend(); ++kind) {
        for (const int index : byGroupKind.value(kind.key())) {
            TypeEntry &type = types[index];
            const QString apiVersion = type.groupVersion();
            type.items.reserve(kind->size());
            // QMap's order is the namespace, then the name: the order lists are served in.
            for (auto it = kind->cbegin(); it != kind->cend(); ++it) {
                QJsonObject object = it.value();
                object.insert(QLatin1String("apiVersion"), apiVersion);
                Item item;
                item.ns = it.key().first;
                item.name = it.key().second;
                item.labels = object.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("labels"))
                                  .toObject();
                item.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
                type.items.append(item);
            }
        }
    }
    typeByPath.clear();
    for (int i = 0; i < types.size(); ++i)
        typeByPath.insert(types.at(i).groupVersion() + QLatin1Char('/') + types.at(i).resource, i);
}

QByteArray detail::ServerCore::groupJson(const QString &group) const
{
    QStringList versions;
    for (const TypeEntry &t : types) {
        if (t.group == group && !versions.contains(t.version))
            versions.append(t.version);
    }
    // Listed in the server's order of preference, the preferred version first (what the real
    // server does): the version a client lists a group's objects in, and it holds them all.
    std::sort(versions.begin(), versions.end(), Discovery::versionPrecedes);
    QJsonArray versionArray;
    for (const QString &v : versions)
        versionArray.append(QJsonObject{
            {QStringLiteral("groupVersion"), QString(group + QLatin1Char('/') + v)},
            {QStringLiteral("version"), v},
        });
    QJsonObject out{
        {QStringLiteral("name"), group},
        {QStringLiteral("versions"), versionArray},
        {QStringLiteral("preferredVersion"), versionArray.first()},
    };
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

Response detail::ServerCore::discovery(const QStringList &segments, bool *handled) const
{
    *handled = true;
    const QString address = QStringLiteral("127.0.0.1:") + QString::number(port.load());
    if (segments == QStringList{QStringLiteral("version")}) {
        const QJsonObject v{
            {QStringLiteral("major"), QStringLiteral("1")},
            {QStringLiteral("minor"), QStringLiteral("32")},
            {QStringLiteral("gitVersion"), QStringLiteral("v1.32.0+fake")},
            {QStringLiteral("gitCommit"),
             QStringLiteral("0000000000000000000000000000000000000000")},
            {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
            {QStringLiteral("buildDate"), QStringLiteral("2025-01-01T00:00:00Z")},
            {QStringLiteral("goVersion"), QStringLiteral("go1.23.0")},
            {QStringLiteral("compiler"), QStringLiteral("gc")},
            {QStringLiteral("platform"), QStringLiteral("linux/amd64")},
        };
        return Response{200, QJsonDocument(v).toJson(QJsonDocument::Compact)};
    }
    if (segments == QStringList{QStringLiteral("api")}) {
        const QJsonObject v{
            {QStringLiteral("kind"), QStringLiteral("APIVersions")},
            {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
            {QStringLiteral("serverAddressByClientCIDRs"),
             QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                    {QStringLiteral("serverAddress"), address}}}},
        };
        return Response{200, QJsonDocument(v).toJson(QJsonDocument::Compact)};
    }
    if (segments == QStringList{QStringLiteral("apis")}) {
        QStringList groups;
        for (const TypeEntry &t : types) {
            if (!t.group.isEmpty() && !groups.contains(t.group))
                groups.append(t.group);
        }
        QByteArray out = R"({"kind":"APIGroupList","apiVersion":"v1","groups":[)";
        for (int i = 0; i < groups.size(); ++i) {
            if (i > 0)
                out += ',';
            out += groupJson(groups.at(i));
        }
        return Response{200, out + "]}"};
    }
    if (segments.size() == 2 && segments.at(0) == QLatin1String("apis")) {
        for (const TypeEntry &t : types) {
            if (t.group == segments.at(1)) {
                QByteArray g = groupJson(t.group);
                g.insert(1, R"("kind":"APIGroup","apiVersion":"v1",)");
                return Response{200, g};
            }
        }
        return status(404, QStringLiteral("the server could not find the requested resource"));
    }
    const bool coreList = segments.size() == 2 && segments.at(0) == QLatin1String("api");
    const bool groupList = segments.size() == 3 && segments.at(0) == QLatin1String("apis");
    if (coreList || groupList) {
        const QString group = coreList ? QString() : segments.at(1);
        const QString version = segments.last();
        QJsonArray resources;
        for (const TypeEntry &t : types) {
            if (t.group != group || t.version != version)
                continue;
            QJsonObject r{
                {QStringLiteral("name"), t.resource},
                {QStringLiteral("singularName"), t.singular},
                {QStringLiteral("namespaced"), t.namespaced},
                {QStringLiteral("kind"), t.kind},
                {QStringLiteral("verbs"), QJsonArray::fromStringList(t.verbs)},
            };
            if (!t.shortNames.isEmpty())
                r.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(t.shortNames));
            if (!t.categories.isEmpty())
                r.insert(QStringLiteral("categories"), QJsonArray::fromStringList(t.categories));
            resources.append(r);
            for (const SubResource &s : t.subresources) {
                QJsonObject sub{
                    {QStringLiteral("name"), QString(t.resource + QLatin1Char('/') + s.name)},
                    {QStringLiteral("singularName"), QString()},
                    {QStringLiteral("namespaced"), t.namespaced},
                    {QStringLiteral("kind"), s.kind},
                    {QStringLiteral("verbs"), QJsonArray::fromStringList(s.verbs)},
                };
                if (!s.group.isEmpty()) {
                    sub.insert(QStringLiteral("group"), s.group);
                    sub.insert(QStringLiteral("version"), s.version);
                }
                resources.append(sub);
            }
        }
        if (resources.isEmpty())
            return status(404, QStringLiteral("the server could not find the requested resource"));
        const QJsonObject list{
            {QStringLiteral("kind"), QStringLiteral("APIResourceList")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("groupVersion"),
             coreList ? version : group + QLatin1Char('/') + version},
            {QStringLiteral("resources"), resources},
        };
        return Response{200, QJsonDocument(list).toJson(QJsonDocument::Compact)};
    }
    *handled = false;
    return {};
}

namespace {

// "a=b,c!=d,e==f" equality selectors; set-based ones ("in", "notin") are not supported.
bool matchesLabels(const QJsonObject &labels, const QString &selector)
{
    const QStringList terms = selector.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &term : terms) {
        const bool negate = term.contains(QLatin1String("!="));
        QString key =
            term.section(negate ? QStringLiteral("!=") : QStringLiteral("="), 0, 0).trimmed();
        QString value = term.mid(term.indexOf(QLatin1Char('=')) + 1);
        if (value.startsWith(QLatin1Char('=')))
            value.remove(0, 1);
        value = value.trimmed();
        if (!term.contains(QLatin1Char('='))) { // existence: "key" or "!key"
            const bool absent = key.startsWith(QLatin1Char('!'));
            if (absent)
                key.remove(0, 1);
            if (labels.contains(key) == absent)
                return false;
            continue;
        }
        const bool equal = labels.value(key).toString() == value && labels.contains(key);
        if (equal == negate)
            return false;
    }
    return true;
}

// The continue token of a LIST: the list's resourceVersion and where the next page starts.
QByteArray makeContinueToken(qint64 resourceVersion, qsizetype offset)
{
    const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("rv"), QString::number(resourceVersion)},
                            {QStringLiteral("offset"), double(offset)}};
    return QJsonDocument(token)
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

const char ContinueTooOld[] =
    "The provided continue parameter is too old to display a consistent list result. You can "
    "start a new list without the continue parameter, or use the continue token in this response "
    "to retrieve the remainder of the results. Continuing with the provided token results in an "
    "inconsistent list - objects that were created, modified, or deleted between the time the "
    "first chunk was returned and now may show up in the list.";

} // namespace

std::optional<QJsonObject> detail::ServerCore::find(const TypeEntry &type, const QString &ns,
                                                    const QString &name) const
{
    auto it = std::lower_bound(type.items.cbegin(), type.items.cend(), qMakePair(ns, name),
                               [](const Item &item, const QPair<QString, QString> &key) {
                                   return item.ns != key.first ? item.ns < key.first
                                                               : item.name < key.second;
                               });
    if (it == type.items.cend() || it->ns != ns || it->name != name)
        return std::nullopt;
    return QJsonDocument::fromJson(it->json).object();
}

Response detail::ServerCore::apply(const TypeEntry &type, const QString &ns, const QString &name,
                                   const QUrlQuery &query, const QByteArray &contentType,
                                   const QByteArray &body)
{
    FakeApply::Target target;
    target.group = type.group;
    target.version = type.version;
    target.resource = type.resource;
    target.kind = type.kind;
    target.namespaced = type.namespaced;
    target.hasStatus =
        std::any_of(type.subresources.cbegin(), type.subresources.cend(),
                    [](const SubResource &s) { return s.name == QLatin1String("status"); });
    target.verbs = type.verbs;
    target.ns = ns;
    target.name = name;

    FakeApply::Context context;
    context.existing = find(type, ns, name);
    static const QStringList builtinNamespaces = {
        QStringLiteral("default"), QStringLiteral("kube-system"), QStringLiteral("kube-public"),
        QStringLiteral("kube-node-lease")};
    const int namespaces = typeByPath.value(QStringLiteral("v1/namespaces"), -1);
    context.namespaceExists = ns.isEmpty() || builtinNamespaces.contains(ns) ||
                              (namespaces >= 0 && find(types.at(namespaces), QString(), ns));
    context.admission = admission;
    context.resourceVersion = resourceVersion + 1;
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    context.now = now;

    const FakeApply::Answer answer = FakeApply::apply(target, query, contentType, body, context);
    if (answer.code >= 300)
        return status(answer.code, answer.message,
                      StatusDetails{answer.detailsName, answer.detailsGroup, answer.detailsKind,
                                    answer.reason, answer.causeReason, answer.causeMessage,
                                    answer.causeField});
    if (answer.store) {
        // Stored once per group and kind, whichever version it came in (rebuild() serves it in
        // every version of the group).
        QList<QJsonObject> objects = source;
        const auto same = [&](const QJsonObject &o) {
            const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
            return groupOfApiVersion(o.value(QLatin1String("apiVersion")).toString()) ==
                       type.group &&
                   o.value(QLatin1String("kind")).toString() == type.kind &&
                   meta.value(QLatin1String("name")).toString() == name &&
                   (!type.namespaced || meta.value(QLatin1String("namespace")).toString() == ns);
        };
        const auto it = std::find_if(objects.begin(), objects.end(), same);
        if (it != objects.end())
            *it = answer.object;
        else
            objects.append(answer.object);
        resourceVersion = context.resourceVersion;
        rebuild(objects);
    }
    return Response{answer.code, QJsonDocument(answer.object).toJson(QJsonDocument::Compact)};
}

Response detail::ServerCore::resourceRequest(const TypeEntry &type, const QString &ns,
                                             const QString &name, const QUrlQuery &query) const
{
    const StatusDetails details{name, type.group, type.resource, {}, {}, {}, {}};
    if (!name.isEmpty()) {
        if (!type.verbs.contains(QLatin1String("get")))
            return status(405,
                          QStringLiteral("the server does not allow this method on the "
                                         "requested resource"),
                          details);
        auto it = std::lower_bound(type.items.cbegin(), type.items.cend(), qMakePair(ns, name),
                                   [](const Item &item, const QPair<QString, QString> &key) {
                                       return item.ns != key.first ? item.ns < key.first
                                                                   : item.name < key.second;
                                   });
        if (it != type.items.cend() && it->ns == ns && it->name == name)
            return Response{200, it->json};
        const QString qualified =
            type.group.isEmpty() ? type.resource : type.resource + QLatin1Char('.') + type.group;
        return status(404,
                      qualified + QStringLiteral(" \"") + name + QStringLiteral("\" not found"),
                      details);
    }
    if (!type.listable())
        return status(405,
                      QStringLiteral("the server does not allow this method on the requested "
                                     "resource"),
                      details);
    if (query.queryItemValue(QStringLiteral("watch")) == QLatin1String("true") ||
        query.queryItemValue(QStringLiteral("watch")) == QLatin1String("1"))
        return status(501, QStringLiteral("watch is not supported by the fake API server"),
                      details);

    // The namespace's objects are one contiguous run of the sorted items.
    auto begin = type.items.cbegin();
    auto end = type.items.cend();
    if (!ns.isEmpty()) {
        begin = std::lower_bound(begin, end, ns,
                                 [](const Item &item, const QString &n) { return item.ns < n; });
        end = std::upper_bound(begin, end, ns,
                               [](const QString &n, const Item &item) { return n < item.ns; });
    }
    const QString labelSelector =
        query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded);
    QString fieldName, fieldNamespace;
    const QStringList fieldTerms =
        query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded)
            .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &term : fieldTerms) {
        const QString key = term.section(QLatin1Char('='), 0, 0);
        const QString value = term.section(QLatin1Char('='), -1);
        if (key == QLatin1String("metadata.name"))
            fieldName = value;
        else if (key == QLatin1String("metadata.namespace"))
            fieldNamespace = value;
        else
            return status(400, QStringLiteral("\"") + key +
                                   QStringLiteral("\" is not a known field selector: only "
                                                  "\"metadata.name\", \"metadata.namespace\""));
    }
    QVector<const Item *> selected;
    selected.reserve(end - begin);
    for (auto it = begin; it != end; ++it) {
        if (!labelSelector.isEmpty() && !matchesLabels(it->labels, labelSelector))
            continue;
        if (!fieldName.isEmpty() && it->name != fieldName)
            continue;
        if (!fieldNamespace.isEmpty() && it->ns != fieldNamespace)
            continue;
        selected.append(&*it);
    }

    qsizetype offset = 0;
    const QString continueToken =
        query.queryItemValue(QStringLiteral("continue"), QUrl::FullyDecoded);
    if (!continueToken.isEmpty()) {
        const QByteArray raw =
            QByteArray::fromBase64(continueToken.toLatin1(),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QJsonObject token = QJsonDocument::fromJson(raw).object();
        if (!token.contains(QLatin1String("offset")) || !token.contains(QLatin1String("rv")) ||
            token.value(QLatin1String("offset")).toDouble() < 0)
            return status(400, QStringLiteral("continue key is not valid: incorrect encoded start "
                                              "resourceVersion (version meta.k8s.io/v1)"));
        if (token.value(QLatin1String("rv")).toString() != QString::number(resourceVersion))
            return status(410, QString::fromLatin1(ContinueTooOld));
        offset = qsizetype(token.value(QLatin1String("offset")).toDouble());
    }
    const qsizetype limit = query.queryItemValue(QStringLiteral("limit")).toLongLong();
    const qsizetype total = selected.size();
    const qsizetype first = qMin(offset, total);
    const qsizetype last = limit > 0 ? qMin(total, first + limit) : total;

    qsizetype bytes = 256;
    for (qsizetype i = first; i < last; ++i)
        bytes += selected.at(i)->json.size() + 1;
    QByteArray out;
    out.reserve(bytes);
    out += "{\"kind\":" + jsonString(type.kind + QLatin1String("List")) +
           ",\"apiVersion\":" + jsonString(type.groupVersion()) +
           ",\"metadata\":{\"resourceVersion\":\"" + QByteArray::number(resourceVersion) + '"';
    if (last < total) {
        out += ",\"continue\":\"" + makeContinueToken(resourceVersion, last) +
               "\",\"remainingItemCount\":" + QByteArray::number(total - last);
    }
    out += "},\"items\":[";
    for (qsizetype i = first; i < last; ++i) {
        if (i > first)
            out += ',';
        out += selected.at(i)->json;
    }
    out += "]}";
    return Response{200, out};
}

Response detail::ServerCore::handle(const QByteArray &method, const QByteArray &target,
                                    const QHash<QByteArray, QByteArray> &headers, bool authorized,
                                    bool applyFaults, const QByteArray &body)
{
    QMutexLocker locker(&mutex);
    if (applyFaults) {
        ++requestCount;
        log.append(QString::fromLatin1(method) + QLatin1Char(' ') + QString::fromLatin1(target));
    }

    const qsizetype questionMark = target.indexOf('?');
    const QString path =
        QString::fromLatin1(target.left(questionMark < 0 ? target.size() : questionMark));
    const QUrlQuery query(questionMark < 0 ? QString()
                                           : QString::fromLatin1(target.mid(questionMark + 1)));
    if (!authorized)
        return status(401, QStringLiteral("Unauthorized"));

    int delayMs = 0;
    const QList<FakeApiServer::FaultRule> rules =
        applyFaults ? faults : QList<FakeApiServer::FaultRule>();
    const QString continueParameter =
        query.queryItemValue(QStringLiteral("continue"), QUrl::FullyDecoded);
    for (int i = 0; i < rules.size(); ++i) {
        const FakeApiServer::FaultRule &rule = rules.at(i);
        if (!path.startsWith(rule.pathPrefix))
            continue;
        if (rule.fault == FakeApiServer::Fault::ExpiredContinue && continueParameter.isEmpty())
            continue; // only a request that continues a list can carry an expired token
        if (rule.times > 0 && faultHits.value(i) >= rule.times)
            continue;
        if (i < faultHits.size())
            ++faultHits[i];
        if (rule.fault == FakeApiServer::Fault::ExpiredContinue) {
            // What the API server sends: 410, reason Expired, and in the Status's list metadata
            // a token for the rest of the list at the current revision (an inconsistent list;
            // a client that wants a consistent one starts over without it).
            const QJsonObject token =
                QJsonDocument::fromJson(QByteArray::fromBase64(continueParameter.toLatin1(),
                                                               QByteArray::Base64UrlEncoding |
                                                                   QByteArray::OmitTrailingEquals))
                    .object();
            const qsizetype offset =
                qsizetype(qMax(0.0, token.value(QLatin1String("offset")).toDouble()));
            Response r = status(410, QString::fromLatin1(ContinueTooOld));
            const QByteArray metadata = "\"metadata\":{\"continue\":\"" +
                                        makeContinueToken(resourceVersion, offset) + "\"}";
            r.body.replace(QByteArrayLiteral("\"metadata\":{}"), metadata);
            r.delayMs = delayMs;
            return r;
        }
        if (rule.fault == FakeApiServer::Fault::RepeatContinue) {
            // Always the first page: its token leads back to the first page, for ever.
            QUrlQuery first = query;
            first.removeAllQueryItems(QStringLiteral("continue"));
            const QString firstQuery = first.query(QUrl::FullyEncoded);
            QByteArray firstTarget = path.toLatin1();
            if (!firstQuery.isEmpty())
                firstTarget += '?' + firstQuery.toLatin1();
            locker.unlock();
            Response r = handle(method, firstTarget, headers, authorized, false, body);
            locker.relock();
            r.delayMs += delayMs;
            return r;
        }
        if (rule.fault == FakeApiServer::Fault::Delay) {
            delayMs += rule.delayMs;
            continue;
        }
        if (rule.fault == FakeApiServer::Fault::Status) {
            StatusDetails details;
            const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            const int resourceAt = parts.value(0) == QLatin1String("api") ? 2 : 3;
            int at = resourceAt;
            if (parts.value(at) == QLatin1String("namespaces") && parts.size() > at + 2)
                at += 2;
            details.kind = parts.value(at);
            details.name = parts.value(at + 1);
            Response r = status(rule.status, rule.message, details);
            r.delayMs = delayMs;
            return r;
        }
        if (rule.fault != FakeApiServer::Fault::None) {
            // The body is produced normally below and mangled when it is sent.
            locker.unlock();
            Response r = handle(method, target, headers, authorized, false, body);
            locker.relock();
            r.fault = rule.fault;
            r.delayMs += delayMs;
            if (rule.fault == FakeApiServer::Fault::Oversized && r.body.startsWith('{'))
                r.body.insert(1, QByteArray(rule.padBytes, ' ')); // whitespace: still valid JSON
            if (rule.fault == FakeApiServer::Fault::Oversized ||
                rule.fault == FakeApiServer::Fault::Trickle) {
                r.withoutContentLength = rule.withoutContentLength;
                r.intervalMs = qMax(1, rule.intervalMs);
            }
            return r;
        }
    }

    Response response = [&]() -> Response {
        if (method != "GET" && method != "PATCH")
            return status(405, QStringLiteral("the fake API server only serves GET and PATCH "
                                              "(server-side apply)"));
        QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (QString &s : segments)
            s = QUrl::fromPercentEncoding(s.toLatin1());
        bool handled = false;
        Response r = discovery(segments, &handled);
        if (handled)
            return r;
        qsizetype base = 0;
        QString groupVersion;
        if (segments.value(0) == QLatin1String("api") && segments.size() >= 3) {
            groupVersion = segments.at(1);
            base = 2;
        } else if (segments.value(0) == QLatin1String("apis") && segments.size() >= 4) {
            groupVersion = segments.at(1) + QLatin1Char('/') + segments.at(2);
            base = 3;
        } else {
            return status(404, QStringLiteral("the server could not find the requested resource"));
        }
        const QStringList rest = segments.mid(base);
        QString ns, resource, name;
        if (rest.size() >= 3 && rest.at(0) == QLatin1String("namespaces")) {
            ns = rest.at(1);
            resource = rest.at(2);
            name = rest.value(3);
            if (rest.size() > 4)
                return status(404,
                              QStringLiteral("the server could not find the requested resource"));
        } else if (rest.size() <= 2) {
            resource = rest.at(0);
            name = rest.value(1);
        } else {
            return status(404, QStringLiteral("the server could not find the requested resource"));
        }
        const int index = typeByPath.value(groupVersion + QLatin1Char('/') + resource, -1);
        if (index < 0)
            return status(404, QStringLiteral("the server could not find the requested resource"));
        const TypeEntry &type = types.at(index);
        if (!ns.isEmpty() && !type.namespaced)
            return status(404, QStringLiteral("the server could not find the requested resource"));
        if (method == "PATCH") {
            if (name.isEmpty() || (type.namespaced && ns.isEmpty()))
                return status(405, QStringLiteral("the server does not allow this method on the "
                                                  "requested resource"));
            return apply(type, ns, name, query, headers.value("content-type"), body);
        }
        return resourceRequest(type, ns, name, query);
    }();
    response.delayMs += delayMs;
    return response;
}

FakeApiServer::FakeApiServer(const Options &options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->options = options;
    d->rebuild({});
    d->tcp = new TcpServer(this);
    d->tcp->onIncoming = [this](qintptr descriptor) {
        QTcpSocket *socket = nullptr;
        if (d->options.tls) {
            auto *ssl = new QSslSocket;
            if (!ssl->setSocketDescriptor(descriptor)) {
                delete ssl;
                return;
            }
            ssl->setSslConfiguration(d->sslConfig);
            socket = ssl;
            new Connection(d.get(), socket, this);
            ssl->startServerEncryption();
        } else {
            socket = new QTcpSocket;
            if (!socket->setSocketDescriptor(descriptor)) {
                delete socket;
                return;
            }
            new Connection(d.get(), socket, this);
        }
    };
}

FakeApiServer::~FakeApiServer() = default;

bool FakeApiServer::listen(quint16 port)
{
    if (d->options.tls) {
        QFile certFile(d->options.certFile);
        QFile keyFile(d->options.keyFile);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        const QSslCertificate cert(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (cert.isNull() || key.isNull())
            return false;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert);
        config.setPrivateKey(key);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        config.setAllowedNextProtocols({}); // no "h2": clients must speak HTTP/1.1
        if (!d->options.clientCaFile.isEmpty()) {
            config.setCaCertificates(QSslCertificate::fromPath(d->options.clientCaFile));
            config.setPeerVerifyMode(QSslSocket::QueryPeer);
        } else {
            config.setCaCertificates({});
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
        }
        d->sslConfig = config;
    }
    if (!d->tcp->listen(QHostAddress::LocalHost, port))
        return false;
    d->port = d->tcp->serverPort();
    return true;
}

quint16 FakeApiServer::port() const
{
    return d->port.load();
}

QUrl FakeApiServer::url() const
{
    QUrl u;
    u.setScheme(d->options.tls ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port());
    return u;
}

void FakeApiServer::setObjects(const QList<QJsonObject> &objects)
{
    QMutexLocker locker(&d->mutex);
    d->rebuild(objects);
}

void FakeApiServer::addFault(const FaultRule &rule)
{
    QMutexLocker locker(&d->mutex);
    d->faults.append(rule);
    d->faultHits.append(0);
}

void FakeApiServer::addAdmissionRule(const AdmissionRule &rule)
{
    QMutexLocker locker(&d->mutex);
    d->admission.append(rule);
}

QList<QJsonObject> FakeApiServer::objects() const
{
    QMutexLocker locker(&d->mutex);
    return d->source;
}

void FakeApiServer::clearFaults()
{
    QMutexLocker locker(&d->mutex);
    d->faults.clear();
    d->faultHits.clear();
}

QStringList FakeApiServer::requestLog() const
{
    QMutexLocker locker(&d->mutex);
    return d->log;
}

int FakeApiServer::requestCount() const
{
    QMutexLocker locker(&d->mutex);
    return d->requestCount;
}

bool FakeApiServer::writeKubeconfig(const QString &path, const TestPki &pki,
                                    Credentials credentials) const
{
    auto q = [](const QString &s) { return jsonString(s); }; // a JSON string is a YAML scalar
    QByteArray yaml = "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n"
                      "    server: " +
                      q(url().toString()) + '\n';
    if (d->options.tls)
        yaml += "    certificate-authority: " + q(pki.caCert) + '\n';
    yaml += "contexts:\n- name: fake\n  context:\n    cluster: fake\n    user: fake-user\n"
            "current-context: fake\npreferences: {}\nusers:\n- name: fake-user\n  user:\n";
    if (credentials == Credentials::Token) {
        yaml += "    token: " + q(d->options.token) + '\n';
    } else {
        yaml += "    client-certificate: " + q(pki.clientCert) + '\n';
        yaml += "    client-key: " + q(pki.clientKey) + '\n';
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(yaml);
    if (!file.commit())
        return false;
    // Kubeconfigs hold credentials; keep them private like kubectl does.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

// ---------------------------------------------------------------------------------------------

FakeApiServerThread::FakeApiServerThread(const FakeApiServer::Options &options)
    : m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("FakeApiServer"));
    m_server = new FakeApiServer(options);
    m_server->moveToThread(m_thread.get());
    m_thread->start();
}

FakeApiServerThread::~FakeApiServerThread()
{
    // Delete the server (and its sockets) in its own thread, then stop that thread.
    FakeApiServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool FakeApiServerThread::start(const QList<QJsonObject> &objects)
{
    bool ok = false;
    FakeApiServer *server = m_server;
    QMetaObject::invokeMethod(
        server,
        [server, objects, &ok] {
            server->setObjects(objects);
            ok = server->listen(0);
        },
        Qt::BlockingQueuedConnection);
    if (ok)
        m_url = m_server->url();
    return ok;
}

FakeApiServer *FakeApiServerThread::server() const
{
    return m_server;
}

QUrl FakeApiServerThread::url() const
{
    return m_url;
}

} // namespace Fluxdesk::Testing
