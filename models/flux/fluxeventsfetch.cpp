#include "fluxeventsfetch.h"

#include "kube/kubeclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrl>

#include <utility>

namespace Fluxdesk {

namespace {

QString selector(const char *prefix, const FluxRef &ref)
{
    const QString p = QLatin1String(prefix);
    const QString terms = p + QLatin1String(".name=") + ref.name + QLatin1Char(',') + p +
                          QLatin1String(".kind=") + ref.kind;
    return QString::fromLatin1(QUrl::toPercentEncoding(terms));
}

} // namespace

FluxEventsFetch::FluxEventsFetch(KubeClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    // Queued connections and QSignalSpy carry them (Qt 5 needs them registered).
    qRegisterMetaType<FluxEvent>();
    qRegisterMetaType<QList<FluxEvent>>();
}

FluxEventsFetch::~FluxEventsFetch()
{
    cancel();
}

QString FluxEventsFetch::corePath(const FluxRef &ref)
{
    return QLatin1String("/api/v1/namespaces/") + ref.ns + QLatin1String("/events?fieldSelector=") +
           selector("involvedObject", ref);
}

QString FluxEventsFetch::eventsApiPath(const FluxRef &ref)
{
    return QLatin1String("/apis/events.k8s.io/v1/namespaces/") + ref.ns +
           QLatin1String("/events?fieldSelector=") + selector("regarding", ref);
}

void FluxEventsFetch::cancel()
{
    ++m_generation;
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_replies.clear();
    m_items.clear();
    m_error.clear();
    m_pending = 0;
}

void FluxEventsFetch::fetch(const QJsonObject &object)
{
    cancel();
    m_object = object;
    m_ref = FluxObjectStatus::of(object).ref();
    if (!m_client || !m_ref.isValid() || m_ref.ns.isEmpty()) {
        emit fetched(m_ref, {});
        return;
    }
    const quint64 generation = m_generation;
    for (const QString &path : {corePath(m_ref), eventsApiPath(m_ref)}) {
        QNetworkReply *reply = m_client->get(path);
        m_replies.append(reply);
        ++m_pending;
        connect(reply, &QNetworkReply::finished, this,
                [this, generation, reply] { onReply(generation, reply); });
    }
}

void FluxEventsFetch::onReply(quint64 generation, QNetworkReply *reply)
{
    reply->deleteLater();
    if (generation != m_generation)
        return;
    const QByteArray body = reply->readAll();
    int httpStatus = 0;
    const Error error = KubeClient::replyError(reply, body, &httpStatus);
    if (!error.message.isEmpty()) {
        if (httpStatus != 404 && m_error.isEmpty())
            m_error = error.message;
    } else {
        const QJsonArray items =
            QJsonDocument::fromJson(body).object().value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            m_items.append(item.toObject());
    }
    if (--m_pending > 0)
        return;
    m_replies.clear();
    // One API failing while the other answered still shows what came.
    if (!m_error.isEmpty() && m_items.isEmpty())
        emit failed(m_ref, m_error);
    else
        emit fetched(m_ref, FluxEvents::forObject(m_items, m_object));
    m_items.clear();
    m_error.clear();
}

} // namespace Fluxdesk
