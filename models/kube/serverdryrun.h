#pragma once

#include "kube/connectionsettings.h"
#include "kube/resourcetype.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace Fluxdesk {

// What the API server said of one object's server-side dry-run apply.
struct DryRunOutcome
{
    QString object;     // "Kind namespace/name" or "Kind name"
    bool ok = false;    // not refused: accepted, or not checked (message starts "Not checked: ")
    int httpStatus = 0; // 0: no request was sent (unknown kind, missing namespace) or transport
    QString message;    // the server's words (its Status message); never Secret data
};

// Asks the API server what applying objects would do, without changing anything, as Flux's
// kustomize-controller does before it applies: each object is sent as a server-side apply
// (PATCH, application/apply-patch+yaml, fieldManager=kustomize-controller, force=true) with
// dryRun=All, so admission webhooks, immutable fields and unknown kinds answer before a push.
// Runs asynchronously on the caller's thread (QNetworkAccessManager); finished() delivers one
// outcome per object in input order; cancel() stops (no finished() after cancel).
// Discovery of each object's apiVersion names its resource: a kind the server does not serve is
// "no matches for kind ..." without a request, and so is a namespaced object without a
// namespace. Four applies are in flight at once; an object over the API server's 3 MiB request
// limit is not sent. As Flux applies Namespaces and CustomResourceDefinitions first, an object
// whose namespace or kind is created by the same set is ok, "Not checked: ...". When the server
// cannot be reached (or discovery fails) error says why and the objects not yet answered are
// ok, "Not checked: <error>" (the error is reported once, not as a refusal of each object). A
// Secret's values are redacted from every message.
class ServerDryRun : public QObject
{
    Q_OBJECT
public:
    explicit ServerDryRun(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~ServerDryRun() override;

    void start(const QList<QJsonObject> &objects);
    void cancel();

signals:
    void progress(int done, int total);
    // error: connection-level error (discovery failed, unreachable); empty when the server
    // answered.
    void finished(const QList<Fluxdesk::DryRunOutcome> &outcomes, const QString &error);

private:
    void discovered(const QString &groupVersion, const QList<ResourceType> &types);
    void pump();
    void finishEntry(int index, bool ok, int httpStatus, const QString &message);
    void maybeFinish();
    void fail(const QString &error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::DryRunOutcome)
