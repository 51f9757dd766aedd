#include "serverdryrun.h"

#include "kube/discovery.h"
#include "kube/kubeclient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QUrl>

namespace Fluxdesk {

namespace {

// What kustomize-controller sends: its field manager, forced (it owns what it applies), and
// nothing stored.
const char ApplyQuery[] = "?fieldManager=kustomize-controller&dryRun=All&force=true";
const char ApplyContentType[] = "application/apply-patch+yaml";
// The API server refuses larger requests (its 3 MiB limit); refused here without sending.
constexpr qint64 MaxRequestBytes = 3 * 1024 * 1024;
// An answer is the object again, plus managedFields: a cap well above any real object.
constexpr qint64 MaxResponseBytes = 16 * 1024 * 1024;
constexpr int Parallel = 4;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

// The values a Secret holds, as they could appear in a message: the stored base64 text, what
// it decodes to, and stringData. Short values are left alone (they would match everywhere).
QStringList secretValues(const QJsonObject &object)
{
    QStringList values;
    const auto add = [&values](const QString &v) {
        if (v.trimmed().size() >= 4)
            values.append(v);
    };
    const QJsonObject data = object.value(QLatin1String("data")).toObject();
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        add(it.value().toString());
        add(QString::fromUtf8(QByteArray::fromBase64(it.value().toString().toLatin1())));
    }
    const QJsonObject stringData = object.value(QLatin1String("stringData")).toObject();
    for (auto it = stringData.constBegin(); it != stringData.constEnd(); ++it)
        add(it.value().toString());
    // Longest first, so a value that contains another is redacted whole.
    std::sort(values.begin(), values.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return values;
}

} // namespace

struct ServerDryRun::Private
{
    struct Entry
    {
        QJsonObject object;
        QString group, version, kind, ns, name;
        QString path; // of the apply request, once discovery named the resource
        bool done = false;
    };

    explicit Private(const ConnectionSettings &s) : client(s)
    {
        client.setMaxBodyBytes(MaxResponseBytes);
    }

    KubeClient client;
    int generation = 0;
    bool running = false;
    QList<Entry> entries;
    QList<DryRunOutcome> outcomes;
    int done = 0;
    QList<int> queue; // entries ready to send, in input order
    int inFlight = 0;
    QList<QPointer<QNetworkReply>> replies;
    // group/kind -> versions that CustomResourceDefinitions of this same apply define
    QSet<QString> definedKinds;
    QSet<QString> createdNamespaces;
};

ServerDryRun::ServerDryRun(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), d(new Private(settings))
{
    qRegisterMetaType<Fluxdesk::DryRunOutcome>();
    qRegisterMetaType<QList<Fluxdesk::DryRunOutcome>>();
}

ServerDryRun::~ServerDryRun()
{
    cancel();
}

void ServerDryRun::cancel()
{
    ++d->generation;
    d->running = false;
    const QList<QPointer<QNetworkReply>> replies = d->replies;
    d->replies.clear();
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->abort();
            reply->deleteLater();
        }
    }
    d->queue.clear();
    d->inFlight = 0;
}

void ServerDryRun::start(const QList<QJsonObject> &objects)
{
    cancel();
    d->running = true;
    const int generation = d->generation;
    d->entries.clear();
    d->outcomes.clear();
    d->done = 0;
    d->definedKinds.clear();
    d->createdNamespaces.clear();

    QStringList groupVersions;
    for (const QJsonObject &object : objects) {
        Private::Entry e;
        e.object = object;
        const QString apiVersion = str(object, "apiVersion");
        const int slash = int(apiVersion.indexOf(QLatin1Char('/')));
        e.group = slash < 0 ? QString() : apiVersion.left(slash);
        e.version = slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
        e.kind = str(object, "kind");
        const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
        e.ns = str(meta, "namespace");
        e.name = str(meta, "name");
        DryRunOutcome outcome;
        outcome.object = e.ns.isEmpty()
                             ? QString(e.kind + QLatin1Char(' ') + e.name)
                             : e.kind + QLatin1Char(' ') + e.ns + QLatin1Char('/') + e.name;
        d->outcomes.append(outcome);
        d->entries.append(e);
        if (e.group == QLatin1String("apiextensions.k8s.io") &&
            e.kind == QLatin1String("CustomResourceDefinition")) {
            const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
            const QString kind = spec.value(QLatin1String("names"))
                                     .toObject()
                                     .value(QLatin1String("kind"))
                                     .toString();
            const QJsonArray versions = spec.value(QLatin1String("versions")).toArray();
            for (const QJsonValue &v : versions)
                d->definedKinds.insert(str(spec, "group") + QLatin1Char('/') +
                                       str(v.toObject(), "name") + QLatin1Char('/') + kind);
        }
        if (e.group.isEmpty() && e.kind == QLatin1String("Namespace"))
            d->createdNamespaces.insert(e.name);
    }

    // Objects that cannot be sent as they are answer at once; the others wait for discovery of
    // their group/version.
    for (int i = 0; i < d->entries.size(); ++i) {
        const Private::Entry &e = d->entries.at(i);
        if (e.version.isEmpty() || e.kind.isEmpty() || e.name.isEmpty()) {
            finishEntry(i, false, 0, tr("The object has no apiVersion, kind or metadata.name"));
            continue;
        }
        const QString gv = e.group.isEmpty() ? e.version : e.group + QLatin1Char('/') + e.version;
        if (!groupVersions.contains(gv))
            groupVersions.append(gv);
    }
    if (groupVersions.isEmpty()) {
        // Asynchronous as always: finished() never comes from inside start().
        QMetaObject::invokeMethod(
            this,
            [this, generation]() {
                if (generation == d->generation)
                    maybeFinish();
            },
            Qt::QueuedConnection);
        return;
    }
    d->inFlight += int(groupVersions.size());
    for (const QString &gv : std::as_const(groupVersions)) {
        const QString path = gv.contains(QLatin1Char('/')) ? QStringLiteral("/apis/") + gv
                                                           : QStringLiteral("/api/") + gv;
        QNetworkReply *reply = d->client.get(path);
        d->replies.append(reply);
        connect(reply, &QNetworkReply::finished, this, [this, reply, gv, generation]() {
            reply->deleteLater();
            if (generation != d->generation)
                return;
            d->replies.removeAll(reply);
            --d->inFlight;
            const QByteArray body = reply->readAll();
            int status = 0;
            const Error error = KubeClient::replyError(reply, body, &status);
            if (!error.message.isEmpty() && status != 404) {
                fail(tr("Discovery of %1 failed: %2").arg(gv, error.message));
                return;
            }
            QList<ResourceType> types;
            if (status != 404) {
                auto parsed = Discovery::parseResourceList(body, gv);
                if (!parsed) {
                    fail(parsed.error().message);
                    return;
                }
                types = *parsed;
            }
            discovered(gv, types);
        });
    }
}

void ServerDryRun::discovered(const QString &groupVersion, const QList<ResourceType> &types)
{
    for (int i = 0; i < d->entries.size(); ++i) {
        Private::Entry &e = d->entries[i];
        const QString gv = e.group.isEmpty() ? e.version : e.group + QLatin1Char('/') + e.version;
        if (e.done || gv != groupVersion)
            continue;
        const auto type = std::find_if(types.cbegin(), types.cend(),
                                       [&e](const ResourceType &t) { return t.kind == e.kind; });
        if (type == types.cend()) {
            if (d->definedKinds.contains(gv + QLatin1Char('/') + e.kind))
                finishEntry(i, true, 0,
                            tr("Not checked: its CustomResourceDefinition is applied with it "
                               "and is not in the cluster yet"));
            else
                finishEntry(i, false, 0,
                            tr("no matches for kind \"%1\" in version \"%2\"").arg(e.kind, gv));
            continue;
        }
        if (type->namespaced && e.ns.isEmpty()) {
            finishEntry(i, false, 0,
                        tr("%1 %2 is namespaced but has no metadata.namespace: set it, or a "
                           "targetNamespace in the Flux Kustomization that applies it")
                            .arg(e.kind, e.name));
            continue;
        }
        QJsonObject object = e.object;
        if (!type->namespaced && !e.ns.isEmpty()) {
            // As kubectl and Flux do: a cluster-scoped object's namespace means nothing.
            QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
            meta.remove(QStringLiteral("namespace"));
            object.insert(QStringLiteral("metadata"), meta);
            e.ns.clear();
            d->outcomes[i].object = e.kind + QLatin1Char(' ') + e.name;
        }
        e.object = object;
        QString path =
            (e.group.isEmpty() ? QStringLiteral("/api/") : QStringLiteral("/apis/")) + gv;
        if (type->namespaced)
            path += QStringLiteral("/namespaces/") + segment(e.ns);
        path += QLatin1Char('/') + type->resource + QLatin1Char('/') + segment(e.name) +
                QLatin1String(ApplyQuery);
        e.path = path;
        d->queue.append(i);
    }
    pump();
}

void ServerDryRun::pump()
{
    const int generation = d->generation;
    while (d->running && d->inFlight < Parallel && !d->queue.isEmpty()) {
        const int i = d->queue.takeFirst();
        Private::Entry &e = d->entries[i];
        const QByteArray body = QJsonDocument(e.object).toJson(QJsonDocument::Compact);
        if (body.size() > MaxRequestBytes) {
            finishEntry(
                i, false, 0,
                tr("The object is %1, more than the %2 the API server accepts in one "
                   "request")
                    .arg(KubeClient::sizeText(body.size()), KubeClient::sizeText(MaxRequestBytes)));
            continue;
        }
        ++d->inFlight;
        QNetworkReply *reply =
            d->client.send(QByteArrayLiteral("PATCH"), e.path, QByteArray(ApplyContentType), body);
        d->replies.append(reply);
        connect(reply, &QNetworkReply::finished, this, [this, reply, i, generation]() {
            reply->deleteLater();
            if (generation != d->generation)
                return;
            d->replies.removeAll(reply);
            --d->inFlight;
            const QByteArray answer = reply->readAll();
            int status = 0;
            const Error error = KubeClient::replyError(reply, answer, &status);
            if (!error.message.isEmpty() && status == 0) {
                fail(error.message);
                return;
            }
            if (error.message.isEmpty()) {
                const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                finishEntry(i, true, code,
                            code == 201 ? tr("would be created") : tr("would be configured"));
            } else {
                const Private::Entry &entry = d->entries.at(i);
                const QString message = QJsonDocument::fromJson(answer)
                                            .object()
                                            .value(QLatin1String("message"))
                                            .toString();
                const bool namespaceComes =
                    status == 404 && d->createdNamespaces.contains(entry.ns) &&
                    message == QStringLiteral("namespaces \"%1\" not found").arg(entry.ns);
                if (namespaceComes)
                    finishEntry(i, true, status,
                                tr("Not checked: its namespace \"%1\" is created by the same "
                                   "apply")
                                    .arg(entry.ns));
                else
                    finishEntry(i, false, status, message.isEmpty() ? error.message : message);
            }
            pump();
        });
    }
    maybeFinish();
}

void ServerDryRun::finishEntry(int index, bool ok, int httpStatus, const QString &message)
{
    Private::Entry &e = d->entries[index];
    if (e.done)
        return;
    e.done = true;
    DryRunOutcome &outcome = d->outcomes[index];
    outcome.ok = ok;
    outcome.httpStatus = httpStatus;
    outcome.message = message;
    // A webhook may quote what it refused; a Secret's values never reach a message.
    if (e.group.isEmpty() && e.kind == QLatin1String("Secret")) {
        const QStringList values = secretValues(e.object);
        for (const QString &v : values)
            outcome.message.replace(v, tr("[redacted]"));
    }
    ++d->done;
    emit progress(d->done, int(d->entries.size()));
}

void ServerDryRun::maybeFinish()
{
    if (!d->running || d->inFlight > 0 || !d->queue.isEmpty() || d->done < d->entries.size())
        return;
    d->running = false;
    emit finished(d->outcomes, QString());
}

void ServerDryRun::fail(const QString &error)
{
    const QList<DryRunOutcome> outcomes = [&] {
        QList<DryRunOutcome> out = d->outcomes;
        for (int i = 0; i < out.size(); ++i) {
            if (!d->entries.at(i).done) {
                // Not refused: the caller reports the error once, not once per object.
                out[i].ok = true;
                out[i].message = tr("Not checked: %1").arg(error);
            }
        }
        return out;
    }();
    cancel();
    emit finished(outcomes, error);
}

} // namespace Fluxdesk
