#include "fluxactionrunner.h"

#include "kube/kubeclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>

namespace Fluxdesk {

namespace {

QString describe(const FluxRef &ref)
{
    return ref.kind + QLatin1Char(' ') + ref.ns + QLatin1Char('/') + ref.name;
}

QString withoutQuery(const QString &path)
{
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    return question < 0 ? path : path.left(question);
}

} // namespace

FluxActionRunner::FluxActionRunner(KubeClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &FluxActionRunner::poll);
}

FluxActionRunner::~FluxActionRunner()
{
    // Going away is not finishing: the aborted reply must not call back into a half-destroyed
    // runner, nor tell listeners (a window closing) that the action failed.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void FluxActionRunner::setServedTypes(const QList<ResourceType> &discovered)
{
    m_versions.clear();
    for (const FluxKind &kind : FluxKinds::all()) {
        if (const std::optional<ResourceType> t = FluxKinds::servedType(kind, discovered))
            m_versions.insert(kind.key(), t->version);
    }
}

QString FluxActionRunner::servedVersion(const FluxKind &kind) const
{
    return m_versions.value(kind.key(), kind.gaVersion());
}

bool FluxActionRunner::start(FluxAction action, const QJsonObject &object)
{
    cancel();
    const FluxKind *helm =
        FluxKinds::find(QStringLiteral("helm.toolkit.fluxcd.io"), QStringLiteral("HelmRelease"));
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    Result<QList<FluxPatch>> planned = FluxActions::plan(
        action, object, now, m_lookup, [this](const FluxKind &k) { return servedVersion(k); },
        helm ? servedVersion(*helm) : QString());
    const FluxObjectStatus status = FluxObjectStatus::of(object);
    m_object = status.ref();
    m_action = action;
    if (!planned) {
        emit finished(false, planned.error().message);
        return false;
    }
    if (!m_client) {
        emit finished(false, tr("Not connected to a cluster"));
        return false;
    }
    m_patches = std::move(planned).value();
    m_step = 0;
    m_running = true;
    sendNext();
    return true;
}

void FluxActionRunner::cancel()
{
    ++m_generation;
    m_pollTimer.stop();
    m_running = false;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
}

void FluxActionRunner::sendNext()
{
    if (m_step >= m_patches.size()) {
        QString message;
        switch (m_action) {
        case FluxAction::Suspend:
            message = tr("%1 suspended").arg(describe(m_object));
            break;
        case FluxAction::Resume:
            message = tr("%1 resumed").arg(describe(m_object));
            break;
        default:
            message = tr("Reconciliation of %1 requested").arg(describe(m_object));
            break;
        }
        finish(true, message);
        return;
    }
    const FluxPatch &patch = m_patches.at(m_step);
    emit progress(tr("%1 %2…").arg(FluxActions::actionText(m_action), describe(patch.target)));
    QNetworkReply *reply =
        m_client->send("PATCH", patch.path, FluxActions::ContentType, patch.body);
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation]() {
        reply->deleteLater();
        if (generation != m_generation || !m_running)
            return;
        m_reply = nullptr;
        const QByteArray body = reply->readAll();
        const Error error = KubeClient::replyError(reply, body);
        const FluxPatch &sent = m_patches.at(m_step);
        if (!error.message.isEmpty()) {
            finish(false, tr("%1 of %2 failed: %3")
                              .arg(FluxActions::actionText(m_action), describe(sent.target),
                                   error.message));
            return;
        }
        if (sent.waitUntilHandled || waitsForItself()) {
            m_waitDeadline = QDateTime::currentMSecsSinceEpoch() + m_sourceTimeoutMs;
            emit progress(tr("Waiting for %1 to be reconciled…").arg(describe(sent.target)));
            m_pollTimer.start(0);
            return;
        }
        ++m_step;
        sendNext();
    });
}

void FluxActionRunner::poll()
{
    if (!m_running || m_step >= m_patches.size())
        return;
    const FluxPatch &patch = m_patches.at(m_step);
    QNetworkReply *reply = m_client->get(withoutQuery(patch.path));
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation]() {
        reply->deleteLater();
        if (generation != m_generation || !m_running)
            return;
        m_reply = nullptr;
        const QByteArray body = reply->readAll();
        const Error error = KubeClient::replyError(reply, body);
        const FluxPatch &polled = m_patches.at(m_step);
        if (!error.message.isEmpty()) {
            finish(false, tr("Reading %1 failed: %2").arg(describe(polled.target), error.message));
            return;
        }
        const FluxObjectStatus status =
            FluxObjectStatus::of(QJsonDocument::fromJson(body).object());
        // The object the user asked for is the last request; a source before it must be Ready
        // for the object to be reconciled at all.
        const bool itself = m_step == m_patches.size() - 1;
        if (status.lastHandledReconcileAt == polled.token) {
            switch (status.readiness()) {
            case FluxReadiness::Ready:
                if (itself) {
                    finish(true, status.revision.isEmpty()
                                     ? tr("%1 reconciled").arg(describe(m_object))
                                     : tr("%1 reconciled: revision %2")
                                           .arg(describe(m_object), status.revision));
                    return;
                }
                ++m_step;
                sendNext();
                return;
            case FluxReadiness::Failed:
            case FluxReadiness::Stalled:
                finish(false, itself ? tr("%1 failed to reconcile: %2")
                                           .arg(describe(polled.target), status.verdict.message)
                                     : tr("%1 failed to reconcile: %2; %3 was not reconciled")
                                           .arg(describe(polled.target), status.verdict.message,
                                                describe(m_object)));
                return;
            default:
                break;
            }
        }
        if (QDateTime::currentMSecsSinceEpoch() >= m_waitDeadline) {
            finish(false, itself ? tr("%1 did not finish reconciling within %2 seconds (is its "
                                      "controller running?)")
                                       .arg(describe(polled.target))
                                       .arg(m_sourceTimeoutMs / 1000)
                                 : tr("%1 did not finish reconciling within %2 seconds (is its "
                                      "controller running?); %3 was not reconciled")
                                       .arg(describe(polled.target))
                                       .arg(m_sourceTimeoutMs / 1000)
                                       .arg(describe(m_object)));
            return;
        }
        m_pollTimer.start(m_pollMs);
    });
}

bool FluxActionRunner::waitsForItself() const
{
    // Reconcile waits until the object's controller answered, as `flux reconcile` does; Suspend,
    // Resume, Force and Reset end with the server's yes.
    return m_waitForObject && m_step == m_patches.size() - 1 &&
           (m_action == FluxAction::Reconcile || m_action == FluxAction::ReconcileWithSource) &&
           !m_patches.at(m_step).token.isEmpty();
}

void FluxActionRunner::finish(bool ok, const QString &message)
{
    m_running = false;
    m_pollTimer.stop();
    ++m_generation;
    emit finished(ok, message);
}

} // namespace Fluxdesk
