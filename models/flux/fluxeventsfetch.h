#pragma once

#include "flux/fluxevents.h"
#include "flux/fluxobjectstatus.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkReply;

namespace Fluxdesk {

class KubeClient;

// The Events about one Flux object, for a detail view: two GETs in the object's namespace, each
// with a fieldSelector on the object's name and kind (core/v1 involvedObject.*, events.k8s.io/v1
// regarding.*), merged by FluxEvents::forObject. Asynchronous on KubeClient; a new fetch()
// supersedes the one running (its replies are aborted and anything they bring is dropped). An
// API the cluster does not serve (404) counts as no events.
class FluxEventsFetch : public QObject
{
    Q_OBJECT
public:
    explicit FluxEventsFetch(KubeClient *client, QObject *parent = nullptr);
    ~FluxEventsFetch() override;

    void fetch(const QJsonObject &object);
    void cancel();
    bool isRunning() const { return m_pending > 0; }

    // The two request paths for an object (tests).
    static QString corePath(const FluxRef &ref);
    static QString eventsApiPath(const FluxRef &ref);

signals:
    // The object's events, newest first.
    void fetched(const Fluxdesk::FluxRef &ref, const QList<Fluxdesk::FluxEvent> &events);
    // Neither API answered: the server's words (or the transport's).
    void failed(const Fluxdesk::FluxRef &ref, const QString &message);

private:
    void onReply(quint64 generation, QNetworkReply *reply);

    QPointer<KubeClient> m_client;
    quint64 m_generation = 0;
    QJsonObject m_object;
    FluxRef m_ref;
    QList<QJsonObject> m_items;
    QList<QPointer<QNetworkReply>> m_replies;
    QString m_error;
    int m_pending = 0;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::FluxEvent)
