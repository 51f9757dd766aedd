#pragma once

#include "git/gitcredentials.h"
#include "kube/connectionsettings.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace Fluxdesk {

struct GitError;
struct GitUpstreamState;

// One line of the pre-flight, like a line of `flux check --pre`: its verdict, what was found and
// what to do about it.
struct PreflightCheck
{
    enum class Id
    {
        KubernetesVersion,
        Permissions,
        FluxInstalled,
        FluxOperator,
        Committed,
        Pushed,
        RemoteReachable,
    };
    enum class Verdict
    {
        Pass,
        Warning,
        Fail,
        // The check could not be made: the server refused to answer (403), could not be reached,
        // or answered nonsense. found holds the server's own words.
        CouldNotCheck,
    };
    Id id = Id::KubernetesVersion;
    Verdict verdict = Verdict::Pass;
    QString title;  // "Kubernetes version"
    QString found;  // "Kubernetes v1.31.4+k3s1, within Flux v2.6's range 1.31 to 1.33"
    QString action; // what to do; empty when nothing is to do

    // Fail and CouldNotCheck: bootstrap should not go ahead.
    bool blocks() const { return verdict == Verdict::Fail || verdict == Verdict::CouldNotCheck; }
    static QString verdictText(Verdict verdict); // "pass", "warning", "fail", "could not check"
};

// What the cluster answered to one SelfSubjectAccessReview for "create".
struct AccessAnswer
{
    QString resource; // "customresourcedefinitions"
    bool allowed = false;
    QString reason; // status.reason, the authorizer's words (may be empty)
};

// What the cluster holds of Flux, read from the CRD list and flux-system's Deployments.
struct FluxInstallation
{
    bool namespaceExists = false;   // flux-system
    QStringList crds;               // *.toolkit.fluxcd.io, sorted
    QStringList versions;           // their app.kubernetes.io/version labels, distinct
    QStringList controllers;        // "source-controller ghcr.io/fluxcd/source-controller:v1.5.0"
    bool operatorInstalled = false; // fluxinstances.fluxcd.controlplane.io
    QString operatorVersion;        // that CRD's app.kubernetes.io/version label
    bool installed() const { return !crds.isEmpty() || !controllers.isEmpty(); }
};

// What the checkout's git state says, as the pre-flight reads it off the UI thread.
struct RepositoryFindings
{
    QString openError;       // the checkout could not be opened or its status read
    QStringList uncommitted; // changed or untracked paths
    QString upstreamError;   // the remote could not be reached or listed (git's words)
    bool upstreamChecked = false;
    QString branch, remoteUrl, remoteRef, headId, remoteId;
    bool headOnRemote = false;
};

namespace PreflightChecks {

// Each check decided from what the server or git answered: pure functions, no I/O.
// versionBody: GET /version's body. fluxVersion: "v2.6.1" (the version to install).
PreflightCheck kubernetesVersion(const QByteArray &versionBody, const QString &fluxVersion);
PreflightCheck permissions(const QList<AccessAnswer> &answers);
// crdListBody: GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions (empty: none);
// deploymentsBody: GET /apis/apps/v1/namespaces/flux-system/deployments (empty: none).
FluxInstallation readInstallation(bool namespaceExists, const QByteArray &crdListBody,
                                  const QByteArray &deploymentsBody);
PreflightCheck fluxInstalled(const FluxInstallation &found, const QString &fluxVersion);
PreflightCheck fluxOperator(const FluxInstallation &found);
// Committed, Pushed and RemoteReachable, in that order.
QList<PreflightCheck> repository(const RepositoryFindings &findings);
// A check that could not be made, with the server's (or git's) words.
PreflightCheck couldNotCheck(PreflightCheck::Id id, const QString &words);
QString title(PreflightCheck::Id id);

// Reads the checkout at path: status, then the upstream's branch on the remote (a connection
// that checks host keys and TLS as a push does). Blocking: run it off the UI thread.
RepositoryFindings readRepository(const QString &path, const GitCredentialSettings &settings,
                                  const std::atomic_bool *cancelled = nullptr);

} // namespace PreflightChecks

// Runs every pre-flight check: the cluster's (GET /version, four SelfSubjectAccessReviews, the
// flux-system namespace, the CRDs and flux-system's Deployments, all at once, asynchronously on
// the caller's thread) and the repository's (through models/git on a job thread). checkDone()
// comes for each line as it is decided; finished() once with every line in Id order. A 403 or a
// network error makes that line CouldNotCheck with the server's words; nothing blocks the caller.
// cancel() stops (no signal after it).
class Preflight : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString fluxVersion;    // "v2.6.1": the version to install
        QString repositoryPath; // the checkout; empty: the repository lines are left out
        GitCredentialSettings gitSettings;
    };

    explicit Preflight(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~Preflight() override;

    // Idle timeout of each request (default 15 s).
    void setTimeout(int milliseconds);
    void start(const Options &options);
    void cancel();
    bool isRunning() const;

signals:
    void checkDone(const Fluxdesk::PreflightCheck &check);
    void finished(const QList<Fluxdesk::PreflightCheck> &checks);

private:
    void decided(const PreflightCheck &check);
    void decided(const QList<PreflightCheck> &checks);
    void clusterAnswered();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::PreflightCheck)
