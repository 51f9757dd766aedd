#include "readinesswaiter.h"

#include "kube/discovery.h"
#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace Fluxdesk {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(BootstrapApply)
};

QJsonObject condition(const QJsonObject &object, const QString &type)
{
    const QJsonArray conditions = object.value(QLatin1String("status"))
                                      .toObject()
                                      .value(QLatin1String("conditions"))
                                      .toArray();
    for (const QJsonValue &v : conditions) {
        if (v.toObject().value(QLatin1String("type")).toString() == type)
            return v.toObject();
    }
    return {};
}

// "Ready=False (GitOperationFailed): failed to checkout ..." or "no Ready condition yet".
std::optional<QString> conditionTrue(const QJsonObject &object, const QString &type)
{
    const QJsonObject c = condition(object, type);
    if (c.isEmpty())
        return Text::tr("no %1 condition yet").arg(type);
    const QString status = c.value(QLatin1String("status")).toString();
    if (status == QLatin1String("True"))
        return std::nullopt;
    const QString reason = c.value(QLatin1String("reason")).toString();
    const QString message = c.value(QLatin1String("message")).toString();
    QString text = type + QLatin1Char('=') + status;
    if (!reason.isEmpty())
        text += QStringLiteral(" (") + reason + QLatin1Char(')');
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

} // namespace

std::optional<QString> notReadyReason(const ReadinessTarget &target, const QJsonObject &object)
{
    const qint64 generation = object.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("generation"))
                                  .toVariant()
                                  .toLongLong();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    const qint64 observed =
        status.value(QLatin1String("observedGeneration")).toVariant().toLongLong();
    switch (target.kind) {
    case ReadinessTarget::Kind::CrdEstablished:
        return conditionTrue(object, QStringLiteral("Established"));
    case ReadinessTarget::Kind::DeploymentAvailable:
        if (generation > 0 && status.contains(QLatin1String("observedGeneration")) &&
            observed < generation)
            return Text::tr("the controller has not seen generation %1 yet").arg(generation);
        return conditionTrue(object, QStringLiteral("Available"));
    case ReadinessTarget::Kind::FluxReady: {
        std::optional<QString> ready = conditionTrue(object, QStringLiteral("Ready"));
        if (ready)
            return ready;
        // Flux stamps observedGeneration once it reconciled the current spec.
        if (generation > 0 && status.contains(QLatin1String("observedGeneration")) &&
            observed < generation)
            return Text::tr("Ready is for an older generation (%1 of %2)")
                .arg(observed)
                .arg(generation);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

struct PollingReadinessWaiter::Private
{
    KubeClient *client = nullptr;
    int intervalMs = 2000;
    int timeoutMs = 0;
    int generation = 0;
    bool running = false;
    QList<ReadinessTarget> targets;
    QList<bool> ready;
    QStringList reasons;
    int inFlight = 0;
    QElapsedTimer clock;
    QTimer timer;
    QList<QPointer<QNetworkReply>> replies;
};

PollingReadinessWaiter::PollingReadinessWaiter(KubeClient *client, int intervalMs, QObject *parent)
    : ReadinessWaiter(parent), d(new Private)
{
    d->client = client;
    d->intervalMs = intervalMs;
    d->timer.setSingleShot(true);
    connect(&d->timer, &QTimer::timeout, this, &PollingReadinessWaiter::poll);
}

PollingReadinessWaiter::~PollingReadinessWaiter()
{
    cancel();
}

void PollingReadinessWaiter::cancel()
{
    ++d->generation;
    d->running = false;
    d->timer.stop();
    const QList<QPointer<QNetworkReply>> replies = d->replies;
    d->replies.clear();
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->abort();
            reply->deleteLater();
        }
    }
    d->inFlight = 0;
}

void PollingReadinessWaiter::wait(const QList<ReadinessTarget> &targets, int timeoutMs)
{
    cancel();
    d->running = true;
    d->targets = targets;
    d->ready.clear();
    d->reasons.clear();
    for (int i = 0; i < targets.size(); ++i) {
        d->ready.append(false);
        d->reasons.append(Text::tr("not checked yet"));
    }
    d->timeoutMs = timeoutMs;
    d->clock.start();
    d->timer.start(0); // asynchronous: finished() never comes from inside wait()
}

void PollingReadinessWaiter::poll()
{
    if (!d->running)
        return;
    const int generation = d->generation;
    // Counted as one request until every GET is sent: an answer in between finishes nothing, and
    // a wait for nothing finishes at once.
    ++d->inFlight;
    for (int i = 0; i < d->targets.size(); ++i) {
        if (d->ready.at(i))
            continue;
        const ReadinessTarget target = d->targets.at(i);
        ++d->inFlight;
        QNetworkReply *reply = d->client->get(target.path);
        d->replies.append(reply);
        connect(reply, &QNetworkReply::finished, this, [this, reply, i, generation]() {
            reply->deleteLater();
            if (generation != d->generation)
                return;
            d->replies.removeAll(reply);
            const QByteArray body = reply->readAll();
            int status = 0;
            const Error error = KubeClient::replyError(reply, body, &status);
            const ReadinessTarget &t = d->targets.at(i);
            if (status == 404) {
                d->reasons[i] = Text::tr("not found");
            } else if (!error.message.isEmpty()) {
                d->reasons[i] = error.message;
            } else {
                const std::optional<QString> why =
                    notReadyReason(t, QJsonDocument::fromJson(body).object());
                if (why) {
                    d->reasons[i] = *why;
                } else if (t.kind == ReadinessTarget::Kind::CrdEstablished) {
                    // Established, yet clients can use the type only once discovery lists it.
                    ++d->inFlight;
                    QNetworkReply *served = d->client->get(t.discoveryPath);
                    d->replies.append(served);
                    connect(
                        served, &QNetworkReply::finished, this, [this, served, i, generation]() {
                            served->deleteLater();
                            if (generation != d->generation)
                                return;
                            d->replies.removeAll(served);
                            const QByteArray list = served->readAll();
                            int code = 0;
                            const Error e = KubeClient::replyError(served, list, &code);
                            const ReadinessTarget &crd = d->targets.at(i);
                            bool listed = false;
                            if (e.message.isEmpty()) {
                                const QString gv = crd.discoveryPath.section(QLatin1Char('/'), 2);
                                const auto types = Discovery::parseResourceList(list, gv);
                                if (types) {
                                    for (const ResourceType &type : *types)
                                        listed = listed || type.kind == crd.servedKind;
                                }
                            }
                            if (listed)
                                d->ready[i] = true;
                            else
                                d->reasons[i] = Text::tr("established, but %1 does not list %2 yet")
                                                    .arg(crd.discoveryPath, crd.servedKind);
                            answered();
                        });
                } else {
                    d->ready[i] = true;
                }
            }
            answered();
        });
    }
    answered();
}

void PollingReadinessWaiter::answered()
{
    if (--d->inFlight > 0 || !d->running)
        return;
    const int total = int(d->targets.size());
    const int done = int(std::count(d->ready.cbegin(), d->ready.cend(), true));
    QString first;
    QStringList waiting;
    for (int i = 0; i < total; ++i) {
        if (d->ready.at(i))
            continue;
        if (first.isEmpty())
            first = d->targets.at(i).object;
        waiting.append(Text::tr("%1: %2").arg(d->targets.at(i).object, d->reasons.at(i)));
    }
    emit progress(done, total, first);
    if (done == total) {
        d->running = false;
        emit finished(true, false, QString());
        return;
    }
    if (d->clock.elapsed() >= d->timeoutMs) {
        d->running = false;
        emit finished(false, true,
                      Text::tr("Not ready after %1 s: %2")
                          .arg((d->timeoutMs + 999) / 1000)
                          .arg(waiting.join(QLatin1String("; "))));
        return;
    }
    d->timer.start(int(std::min<qint64>(d->intervalMs, d->timeoutMs - d->clock.elapsed())));
}

} // namespace Fluxdesk
