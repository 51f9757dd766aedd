#include "bootstrapapply.h"

#include "readinesswaiter.h"

#include "kube/discovery.h"
#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QUrl>

#include <algorithm>

namespace Fluxdesk {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(BootstrapApply)
};

const char ApplyContentType[] = "application/apply-patch+yaml";
// Flux's CRDs run to a few hundred KiB each; the answer is the object again plus managedFields.
constexpr qint64 MaxResponseBytes = 16 * 1024 * 1024;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

bool isKind(const QJsonObject &o, const char *apiVersionPrefix, const char *kind)
{
    return str(o, "apiVersion").startsWith(QLatin1String(apiVersionPrefix)) &&
           str(o, "kind") == QLatin1String(kind);
}

bool isCrd(const QJsonObject &o)
{
    return isKind(o, "apiextensions.k8s.io/", "CustomResourceDefinition");
}

bool isNamespace(const QJsonObject &o)
{
    return str(o, "apiVersion") == QLatin1String("v1") &&
           str(o, "kind") == QLatin1String("Namespace");
}

// The values a Secret holds as they could appear in an error: the base64 text, what it decodes
// to, and stringData; longest first, so a value containing another is cut whole.
QStringList secretValues(const QJsonObject &secret)
{
    QStringList values;
    const auto add = [&values](const QString &v) {
        if (v.trimmed().size() >= 4 && !values.contains(v))
            values.append(v);
    };
    const QJsonObject data = secret.value(QLatin1String("data")).toObject();
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        add(it.value().toString());
        const QString decoded =
            QString::fromUtf8(QByteArray::fromBase64(it.value().toString().toLatin1()));
        add(decoded);
        // A multi-line value (a private key) may be quoted one line at a time.
        for (const QString &line : decoded.split(QLatin1Char('\n')))
            add(line);
    }
    const QJsonObject stringData = secret.value(QLatin1String("stringData")).toObject();
    for (auto it = stringData.constBegin(); it != stringData.constEnd(); ++it) {
        add(it.value().toString());
        for (const QString &line : it.value().toString().split(QLatin1Char('\n')))
            add(line);
    }
    std::sort(values.begin(), values.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return values;
}

} // namespace

QStringList BootstrapApplyReport::objectsIn(BootstrapObject::State state) const
{
    QStringList names;
    for (const BootstrapObject &o : objects) {
        if (o.state == state)
            names.append(o.object);
    }
    return names;
}

QString BootstrapApplyReport::account() const
{
    const QStringList applied = objectsIn(BootstrapObject::State::Applied);
    const QStringList failed = objectsIn(BootstrapObject::State::Failed);
    const QStringList uncertain = objectsIn(BootstrapObject::State::Uncertain);
    const QStringList notApplied = objectsIn(BootstrapObject::State::NotApplied);
    QStringList lines;
    if (ok) {
        lines.append(Text::tr("Applied every object (%1); Flux is running.").arg(applied.size()));
        return lines.join(QLatin1Char('\n'));
    }
    if (cancelled)
        lines.append(Text::tr("Cancelled."));
    else if (!error.isEmpty())
        lines.append(failedStep.isEmpty() ? error
                                          : Text::tr("%1 failed: %2").arg(failedStep, error));
    lines.append(
        Text::tr("Applied (%1, they stay in the cluster):").arg(applied.size()) +
        (applied.isEmpty() ? QString() : QLatin1Char(' ') + applied.join(QLatin1String(", "))));
    for (const QString &o : failed)
        lines.append(Text::tr("Refused: %1").arg(o));
    for (const QString &o : uncertain)
        lines.append(Text::tr("Sent when cancelled, may be in the cluster: %1").arg(o));
    lines.append(Text::tr("Not applied: %1").arg(notApplied.size()) +
                 (notApplied.isEmpty()
                      ? QString()
                      : QStringLiteral(": ") + notApplied.join(QLatin1String(", "))));
    if (!applied.isEmpty() && !notApplied.isEmpty())
        lines.append(
            Text::tr("Run the bootstrap again to apply the rest: applying is idempotent."));
    return lines.join(QLatin1Char('\n'));
}

struct BootstrapApply::Private
{
    explicit Private(const ConnectionSettings &s) : client(s)
    {
        client.setMaxBodyBytes(MaxResponseBytes);
    }

    struct Entry
    {
        QJsonObject object;
        QString group, version, kind, ns, name;
        bool secret = false;
        QString path; // of the apply, once discovery named the resource
    };
    enum class Wait
    {
        None,
        Crds,
        Controllers,
        Sources
    };

    QString groupVersion(const Entry &e) const
    {
        return e.group.isEmpty() ? e.version : e.group + QLatin1Char('/') + e.version;
    }

    KubeClient client;
    ReadinessWaiter *waiter = nullptr;
    Options options;
    int generation = 0;
    bool running = false;
    QList<Entry> entries;
    int crdCount = 0;
    int index = 0;
    bool crdsWaited = false, controllersWaited = false, sourcesWaited = false;
    Wait waiting = Wait::None;
    int step = 0, total = 0;
    QString stepText;
    QHash<QString, QList<ResourceType>> discovery;
    QPointer<QNetworkReply> reply;
    int sending = -1; // the entry whose PATCH is in flight
    QStringList secretValues;
    BootstrapApplyReport report;

    QString redact(QString text) const
    {
        for (const QString &v : secretValues)
            text.replace(v, Text::tr("[redacted]"));
        return text;
    }
    QList<ReadinessTarget> targets(Wait wait) const;
};

QList<ReadinessTarget> BootstrapApply::Private::targets(Wait wait) const
{
    QList<ReadinessTarget> list;
    for (int i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        if (report.objects.at(i).state != BootstrapObject::State::Applied)
            continue;
        ReadinessTarget t;
        t.object = report.objects.at(i).object;
        if (wait == Wait::Crds && isCrd(e.object)) {
            t.kind = ReadinessTarget::Kind::CrdEstablished;
            t.path = QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/") +
                     segment(e.name);
            const QJsonObject spec = e.object.value(QLatin1String("spec")).toObject();
            const QJsonArray versions = spec.value(QLatin1String("versions")).toArray();
            QString version;
            for (const QJsonValue &v : versions) {
                if (version.isEmpty() || v.toObject().value(QLatin1String("storage")).toBool())
                    version = str(v.toObject(), "name");
            }
            t.discoveryPath =
                QStringLiteral("/apis/") + str(spec, "group") + QLatin1Char('/') + version;
            t.servedKind = str(spec.value(QLatin1String("names")).toObject(), "kind");
            list.append(t);
        } else if (wait == Wait::Controllers && e.group == QLatin1String("apps") &&
                   e.kind == QLatin1String("Deployment")) {
            t.kind = ReadinessTarget::Kind::DeploymentAvailable;
            t.path = e.path.section(QLatin1Char('?'), 0, 0);
            list.append(t);
        } else if (wait == Wait::Sources && e.group == QLatin1String("source.toolkit.fluxcd.io") &&
                   e.kind == QLatin1String("GitRepository")) {
            t.kind = ReadinessTarget::Kind::FluxReady;
            t.path = e.path.section(QLatin1Char('?'), 0, 0);
            list.append(t);
        }
    }
    return list;
}

BootstrapApply::BootstrapApply(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), d(new Private(settings))
{
    qRegisterMetaType<Fluxdesk::BootstrapApplyReport>();
    setWaiter(new PollingReadinessWaiter(&d->client, d->options.pollIntervalMs, this));
}

BootstrapApply::~BootstrapApply()
{
    // Stops without a signal: nobody listens to a dying object.
    ++d->generation;
    d->running = false;
    if (d->reply)
        d->reply->abort();
    d->waiter->cancel();
}

void BootstrapApply::setWaiter(ReadinessWaiter *waiter)
{
    if (d->waiter) {
        d->waiter->cancel();
        d->waiter->disconnect(this);
        d->waiter->deleteLater();
    }
    d->waiter = waiter;
    waiter->setParent(this);
    connect(waiter, &ReadinessWaiter::progress, this,
            [this](int ready, int total, const QString &waitingFor) {
                if (!d->running || d->waiting == Private::Wait::None)
                    return;
                emit progress(d->step + 1, d->total,
                              waitingFor.isEmpty() ? d->stepText
                                                   : Text::tr("%1: %2 of %3 ready, waiting for %4")
                                                         .arg(d->stepText)
                                                         .arg(ready)
                                                         .arg(total)
                                                         .arg(waitingFor));
            });
    connect(waiter, &ReadinessWaiter::finished, this, &BootstrapApply::waited);
}

bool BootstrapApply::isRunning() const
{
    return d->running;
}

QString BootstrapApply::describe(const QJsonObject &object)
{
    const QJsonObject m = meta(object);
    const QString ns = str(m, "namespace");
    const QString name = str(m, "name");
    const QString kind = str(object, "kind");
    if (ns.isEmpty())
        return kind + QLatin1Char(' ') + name;
    return kind + QLatin1Char(' ') + ns + QLatin1Char('/') + name;
}

QList<QJsonObject> BootstrapApply::applyOrder(const Input &input)
{
    QList<QJsonObject> all = input.components;
    if (input.secret)
        all.append(*input.secret);
    all.append(input.moreSecrets);
    all.append(input.sync);
    QList<QJsonObject> ordered;
    for (const QJsonObject &o : std::as_const(all)) {
        if (isCrd(o))
            ordered.append(o);
    }
    for (const QJsonObject &o : std::as_const(all)) {
        if (isNamespace(o))
            ordered.append(o);
    }
    for (const QJsonObject &o : std::as_const(all)) {
        if (!isCrd(o) && !isNamespace(o))
            ordered.append(o);
    }
    return ordered;
}

void BootstrapApply::start(const Input &input, const Options &options)
{
    ++d->generation;
    if (d->reply)
        d->reply->abort();
    d->waiter->cancel();
    auto *polling = qobject_cast<PollingReadinessWaiter *>(d->waiter);
    if (polling && options.pollIntervalMs != d->options.pollIntervalMs)
        setWaiter(new PollingReadinessWaiter(&d->client, options.pollIntervalMs, this));
    d->options = options;
    d->running = true;
    d->entries.clear();
    d->report = BootstrapApplyReport();
    d->discovery.clear();
    d->index = 0;
    d->crdCount = 0;
    d->crdsWaited = d->controllersWaited = d->sourcesWaited = false;
    d->waiting = Private::Wait::None;
    d->sending = -1;
    d->step = 0;
    d->secretValues = input.secret ? secretValues(*input.secret) : QStringList();
    for (const QJsonObject &secret : input.moreSecrets)
        d->secretValues.append(secretValues(secret));
    std::sort(d->secretValues.begin(), d->secretValues.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });

    const QList<QJsonObject> ordered = applyOrder(input);
    bool deployments = false, sources = false;
    for (const QJsonObject &object : ordered) {
        Private::Entry e;
        e.object = object;
        const QString apiVersion = str(object, "apiVersion");
        const int slash = int(apiVersion.indexOf(QLatin1Char('/')));
        e.group = slash < 0 ? QString() : apiVersion.left(slash);
        e.version = slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
        e.kind = str(object, "kind");
        e.ns = str(meta(object), "namespace");
        e.name = str(meta(object), "name");
        e.secret = (input.secret && object == *input.secret) || input.moreSecrets.contains(object);
        d->crdCount += isCrd(object) ? 1 : 0;
        deployments = deployments ||
                      (e.group == QLatin1String("apps") && e.kind == QLatin1String("Deployment"));
        sources = sources || (e.group == QLatin1String("source.toolkit.fluxcd.io") &&
                              e.kind == QLatin1String("GitRepository"));
        d->entries.append(e);
        BootstrapObject o;
        o.object = describe(object);
        d->report.objects.append(o);
    }
    d->total = int(d->entries.size()) + (d->crdCount > 0 ? 1 : 0) +
               (options.waitForControllers && deployments ? 1 : 0) +
               (options.waitForSources && sources ? 1 : 0);
    d->controllersWaited = !(options.waitForControllers && deployments);
    d->sourcesWaited = !(options.waitForSources && sources);
    d->crdsWaited = d->crdCount == 0;

    // Asynchronous as always: nothing is signalled from inside start().
    const int generation = d->generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation]() {
            if (generation == d->generation)
                next();
        },
        Qt::QueuedConnection);
}

void BootstrapApply::cancel()
{
    if (!d->running)
        return;
    ++d->generation;
    if (d->sending >= 0)
        d->report.objects[d->sending].state = BootstrapObject::State::Uncertain;
    if (d->reply) {
        d->reply->abort();
        d->reply->deleteLater();
    }
    d->waiter->cancel();
    d->running = false;
    d->report.ok = false;
    d->report.cancelled = true;
    d->report.failedStep = d->stepText;
    emit finished(d->report);
}

void BootstrapApply::next()
{
    if (!d->running)
        return;
    if (d->index < d->crdCount) {
        applyCurrent();
    } else if (!d->crdsWaited) {
        startWait(int(Private::Wait::Crds));
    } else if (d->index < d->entries.size()) {
        applyCurrent();
    } else if (!d->controllersWaited) {
        startWait(int(Private::Wait::Controllers));
    } else if (!d->sourcesWaited) {
        startWait(int(Private::Wait::Sources));
    } else {
        d->running = false;
        d->report.ok = true;
        emit progress(d->total, d->total, Text::tr("Flux is running"));
        emit finished(d->report);
    }
}

void BootstrapApply::applyCurrent()
{
    const Private::Entry &e = d->entries.at(d->index);
    d->stepText = Text::tr("Applying %1").arg(d->report.objects.at(d->index).object);
    if (e.version.isEmpty() || e.kind.isEmpty() || e.name.isEmpty()) {
        d->report.objects[d->index].state = BootstrapObject::State::Failed;
        d->report.objects[d->index].message =
            Text::tr("The object has no apiVersion, kind or metadata.name");
        finish(d->report.objects.at(d->index).message, d->stepText);
        return;
    }
    const QString gv = d->groupVersion(e);
    if (d->discovery.contains(gv))
        send(d->index);
    else
        discover(gv);
}

void BootstrapApply::discover(const QString &groupVersion)
{
    const int generation = d->generation;
    const QString path = groupVersion.contains(QLatin1Char('/'))
                             ? QStringLiteral("/apis/") + groupVersion
                             : QStringLiteral("/api/") + groupVersion;
    QNetworkReply *reply = d->client.get(path);
    d->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, groupVersion, generation]() {
        reply->deleteLater();
        if (generation != d->generation)
            return;
        const QByteArray body = reply->readAll();
        int status = 0;
        const Error error = KubeClient::replyError(reply, body, &status);
        if (!error.message.isEmpty() && status != 404) {
            finish(Text::tr("discovery of %1 failed: %2").arg(groupVersion, error.message),
                   d->stepText);
            return;
        }
        QList<ResourceType> types;
        if (status != 404) {
            auto parsed = Discovery::parseResourceList(body, groupVersion);
            if (!parsed) {
                finish(parsed.error().message, d->stepText);
                return;
            }
            types = *parsed;
        }
        d->discovery.insert(groupVersion, types);
        send(d->index);
    });
}

void BootstrapApply::send(int index)
{
    Private::Entry &e = d->entries[index];
    BootstrapObject &outcome = d->report.objects[index];
    const QList<ResourceType> types = d->discovery.value(d->groupVersion(e));
    const auto type = std::find_if(types.cbegin(), types.cend(),
                                   [&e](const ResourceType &t) { return t.kind == e.kind; });
    if (type == types.cend()) {
        outcome.state = BootstrapObject::State::Failed;
        outcome.message = Text::tr("no matches for kind \"%1\" in version \"%2\": the cluster "
                                   "does not serve this type (is its CustomResourceDefinition "
                                   "installed?)")
                              .arg(e.kind, d->groupVersion(e));
        finish(outcome.message, d->stepText);
        return;
    }
    if (type->namespaced && e.ns.isEmpty()) {
        outcome.state = BootstrapObject::State::Failed;
        outcome.message =
            Text::tr("%1 %2 is namespaced but has no metadata.namespace").arg(e.kind, e.name);
        finish(outcome.message, d->stepText);
        return;
    }
    QJsonObject object = e.object;
    if (!type->namespaced && !e.ns.isEmpty()) {
        QJsonObject m = meta(object);
        m.remove(QStringLiteral("namespace"));
        object.insert(QStringLiteral("metadata"), m);
        e.ns.clear();
    }
    QString path = (e.group.isEmpty() ? QStringLiteral("/api/") : QStringLiteral("/apis/")) +
                   d->groupVersion(e);
    if (type->namespaced)
        path += QStringLiteral("/namespaces/") + segment(e.ns);
    path += QLatin1Char('/') + type->resource + QLatin1Char('/') + segment(e.name) +
            QStringLiteral("?fieldManager=") + segment(d->options.fieldManager) +
            QStringLiteral("&force=true");
    e.path = path;

    const int generation = d->generation;
    emit progress(d->step + 1, d->total, d->stepText);
    if (generation != d->generation)
        return; // cancelled by a slot of progress(): nothing is sent
    d->sending = index;
    QNetworkReply *reply =
        d->client.send(QByteArrayLiteral("PATCH"), path, QByteArray(ApplyContentType),
                       QJsonDocument(object).toJson(QJsonDocument::Compact));
    d->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, generation]() {
        reply->deleteLater();
        if (generation != d->generation)
            return;
        d->sending = -1;
        const QByteArray answer = reply->readAll();
        int status = 0;
        const Error error = KubeClient::replyError(reply, answer, &status);
        BootstrapObject &o = d->report.objects[index];
        o.httpStatus = status;
        if (!error.message.isEmpty()) {
            o.state =
                status == 0 ? BootstrapObject::State::Uncertain : BootstrapObject::State::Failed;
            o.message = d->redact(error.message);
            finish(o.message, d->stepText);
            return;
        }
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        o.httpStatus = code;
        o.state = BootstrapObject::State::Applied;
        o.created = code == 201;
        ++d->index;
        ++d->step;
        next();
    });
}

void BootstrapApply::startWait(int stage)
{
    const auto wait = Private::Wait(stage);
    d->waiting = wait;
    const QList<ReadinessTarget> targets = d->targets(wait);
    int timeout = d->options.readyTimeoutMs;
    switch (wait) {
    case Private::Wait::Crds:
        d->stepText = Text::tr("Waiting for the CustomResourceDefinitions to be established (%1)")
                          .arg(targets.size());
        timeout = d->options.crdTimeoutMs;
        break;
    case Private::Wait::Controllers:
        d->stepText =
            Text::tr("Waiting for the controllers to be available (%1)").arg(targets.size());
        break;
    case Private::Wait::Sources:
        d->stepText =
            Text::tr("Waiting for the GitRepository to be ready (%1)").arg(targets.size());
        break;
    case Private::Wait::None:
        break;
    }
    const int generation = d->generation;
    emit progress(d->step + 1, d->total, d->stepText);
    if (generation == d->generation)
        d->waiter->wait(targets, timeout);
}

void BootstrapApply::waited(bool ok, bool timedOut, const QString &message)
{
    if (!d->running || d->waiting == Private::Wait::None)
        return;
    const Private::Wait wait = d->waiting;
    d->waiting = Private::Wait::None;
    if (!ok) {
        finish(d->redact(message), d->stepText, timedOut);
        return;
    }
    if (wait == Private::Wait::Crds)
        d->crdsWaited = true;
    else if (wait == Private::Wait::Controllers)
        d->controllersWaited = true;
    else if (wait == Private::Wait::Sources)
        d->sourcesWaited = true;
    ++d->step;
    next();
}

void BootstrapApply::finish(const QString &error, const QString &step, bool timedOut)
{
    ++d->generation;
    d->running = false;
    d->waiting = Private::Wait::None;
    d->sending = -1;
    d->report.ok = false;
    d->report.error = d->redact(error);
    d->report.failedStep = step;
    d->report.timedOut = timedOut;
    emit finished(d->report);
}

} // namespace Fluxdesk
