#include "preflight.h"

#include "fluxversions.h"

#include "core/jobrunner.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"
#include "git/gitupstreamcheck.h"
#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>

#include <algorithm>

namespace Fluxdesk {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Preflight)
};

const char VersionLabel[] = "app.kubernetes.io/version";
const char FluxNamespace[] = "flux-system";

PreflightCheck make(PreflightCheck::Id id, PreflightCheck::Verdict verdict, const QString &found,
                    const QString &action = {})
{
    PreflightCheck c;
    c.id = id;
    c.verdict = verdict;
    c.title = PreflightChecks::title(id);
    c.found = found;
    c.action = action;
    return c;
}

QString shortId(const QString &id)
{
    return id.left(7);
}

// The resources bootstrap creates outside any namespace (and the namespace itself).
struct Resource
{
    const char *group;
    const char *resource;
};
constexpr Resource ClusterScoped[] = {
    {"apiextensions.k8s.io", "customresourcedefinitions"},
    {"", "namespaces"},
    {"rbac.authorization.k8s.io", "clusterroles"},
    {"rbac.authorization.k8s.io", "clusterrolebindings"},
};

} // namespace

QString PreflightCheck::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return Text::tr("pass");
    case Verdict::Warning:
        return Text::tr("warning");
    case Verdict::Fail:
        return Text::tr("fail");
    case Verdict::CouldNotCheck:
        return Text::tr("could not check");
    }
    return {};
}

namespace PreflightChecks {

QString title(PreflightCheck::Id id)
{
    switch (id) {
    case PreflightCheck::Id::KubernetesVersion:
        return Text::tr("Kubernetes version");
    case PreflightCheck::Id::Permissions:
        return Text::tr("Permission to create cluster-scoped objects");
    case PreflightCheck::Id::FluxInstalled:
        return Text::tr("Flux already installed");
    case PreflightCheck::Id::FluxOperator:
        return Text::tr("Flux Operator");
    case PreflightCheck::Id::Committed:
        return Text::tr("Repository committed");
    case PreflightCheck::Id::Pushed:
        return Text::tr("Repository pushed");
    case PreflightCheck::Id::RemoteReachable:
        return Text::tr("Remote reachable");
    }
    return {};
}

PreflightCheck couldNotCheck(PreflightCheck::Id id, const QString &words)
{
    return make(id, PreflightCheck::Verdict::CouldNotCheck, words,
                Text::tr("Check the connection and your permissions, then run the pre-flight "
                         "again."));
}

PreflightCheck kubernetesVersion(const QByteArray &versionBody, const QString &fluxVersion)
{
    using V = PreflightCheck::Verdict;
    const auto id = PreflightCheck::Id::KubernetesVersion;
    const QJsonObject o = QJsonDocument::fromJson(versionBody).object();
    const std::optional<KubernetesVersion> kube = KubernetesVersion::parse(
        o.value(QLatin1String("gitVersion")).toString(), o.value(QLatin1String("major")).toString(),
        o.value(QLatin1String("minor")).toString());
    if (!kube)
        return couldNotCheck(id, Text::tr("The API server's /version answer names no version."));
    const std::optional<FluxVersionSupport> row = FluxVersions::support(fluxVersion);
    if (!row)
        return make(id, V::Warning,
                    Text::tr("Kubernetes %1; Flux %2 is not in Fluxdesk's table of supported "
                             "versions (it knows Flux v2.0 to %3)")
                        .arg(kube->text, fluxVersion, FluxVersions::newestKnown()),
                    Text::tr("Check Flux %1's release notes for the Kubernetes versions it "
                             "supports.")
                        .arg(fluxVersion));
    const QString range = QStringLiteral("1.%1").arg(row->minimumKubeMinor);
    const QString newest = QStringLiteral("1.%1").arg(row->newestTestedMinor);
    switch (FluxVersions::fit(*row, *kube)) {
    case FluxVersions::Fit::TooOld:
        return make(id, V::Fail,
                    Text::tr("Kubernetes %1 is older than %2, the oldest Flux %3 runs on")
                        .arg(kube->text, range, fluxVersion),
                    Text::tr("Upgrade the cluster to Kubernetes %1 or newer, or choose an older "
                             "Flux version.")
                        .arg(range));
    case FluxVersions::Fit::NewerThanTested:
        return make(id, V::Warning,
                    Text::tr("Kubernetes %1 is newer than %2, the newest Flux %3 is tested on")
                        .arg(kube->text, newest, fluxVersion),
                    Text::tr("Flux will probably work; a newer Flux release is tested on this "
                             "Kubernetes."));
    case FluxVersions::Fit::Supported:
        break;
    }
    return make(id, V::Pass,
                Text::tr("Kubernetes %1, within Flux %2's range %3 to %4")
                    .arg(kube->text, fluxVersion, range, newest));
}

PreflightCheck permissions(const QList<AccessAnswer> &answers)
{
    QStringList denied;
    QStringList reasons;
    for (const AccessAnswer &a : answers) {
        if (a.allowed)
            continue;
        denied.append(a.resource);
        if (!a.reason.isEmpty() && !reasons.contains(a.reason))
            reasons.append(a.reason);
    }
    const auto id = PreflightCheck::Id::Permissions;
    if (denied.isEmpty()) {
        QStringList all;
        for (const AccessAnswer &a : answers)
            all.append(a.resource);
        return make(id, PreflightCheck::Verdict::Pass,
                    Text::tr("You may create %1").arg(all.join(QLatin1String(", "))));
    }
    const QString found =
        reasons.isEmpty()
            ? Text::tr("Not allowed to create %1").arg(denied.join(QLatin1String(", ")))
            : Text::tr("Not allowed to create %1: %2")
                  .arg(denied.join(QLatin1String(", ")), reasons.join(QLatin1String("; ")));
    return make(id, PreflightCheck::Verdict::Fail, found,
                Text::tr("Bootstrap installs cluster-wide objects: connect with a cluster-admin "
                         "kubeconfig (on K3s, /etc/rancher/k3s/k3s.yaml)."));
}

FluxInstallation readInstallation(bool namespaceExists, const QByteArray &crdListBody,
                                  const QByteArray &deploymentsBody)
{
    FluxInstallation found;
    found.namespaceExists = namespaceExists;
    const QJsonArray crds =
        QJsonDocument::fromJson(crdListBody).object().value(QLatin1String("items")).toArray();
    for (const QJsonValue &v : crds) {
        const QJsonObject meta = v.toObject().value(QLatin1String("metadata")).toObject();
        const QString name = meta.value(QLatin1String("name")).toString();
        const QString version = meta.value(QLatin1String("labels"))
                                    .toObject()
                                    .value(QLatin1String(VersionLabel))
                                    .toString();
        if (name.endsWith(QLatin1String(".toolkit.fluxcd.io"))) {
            found.crds.append(name);
            if (!version.isEmpty() && !found.versions.contains(version))
                found.versions.append(version);
        } else if (name == QLatin1String("fluxinstances.fluxcd.controlplane.io")) {
            found.operatorInstalled = true;
            found.operatorVersion = version;
        }
    }
    found.crds.sort();
    found.versions.sort();
    const QJsonArray deployments =
        QJsonDocument::fromJson(deploymentsBody).object().value(QLatin1String("items")).toArray();
    for (const QJsonValue &v : deployments) {
        const QJsonObject d = v.toObject();
        const QString name =
            d.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        const QJsonArray containers = d.value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("template"))
                                          .toObject()
                                          .value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("containers"))
                                          .toArray();
        QStringList images;
        for (const QJsonValue &c : containers)
            images.append(c.toObject().value(QLatin1String("image")).toString());
        found.controllers.append(name + QLatin1Char(' ') + images.join(QLatin1Char(',')));
    }
    found.controllers.sort();
    return found;
}

PreflightCheck fluxInstalled(const FluxInstallation &found, const QString &fluxVersion)
{
    const auto id = PreflightCheck::Id::FluxInstalled;
    if (!found.installed()) {
        if (found.namespaceExists)
            return make(id, PreflightCheck::Verdict::Pass,
                        Text::tr("The namespace flux-system exists but holds no Flux "
                                 "controllers, and no Flux CRDs are installed"));
        return make(id, PreflightCheck::Verdict::Pass, Text::tr("Flux is not installed"));
    }
    const QString versions = found.versions.isEmpty() ? Text::tr("an unknown version")
                                                      : found.versions.join(QLatin1String(", "));
    const QString controllers = found.controllers.isEmpty()
                                    ? Text::tr("no controllers in flux-system")
                                    : found.controllers.join(QLatin1String("; "));
    return make(id, PreflightCheck::Verdict::Warning,
                Text::tr("Flux %1 is installed: Flux CRDs: %2; controllers: %3")
                    .arg(versions)
                    .arg(found.crds.size())
                    .arg(controllers),
                Text::tr("Bootstrapping applies Flux %1 over it, as `flux bootstrap` does: its "
                         "controllers and CRDs are replaced in place. If another tool manages "
                         "this Flux, stop here.")
                    .arg(fluxVersion));
}

PreflightCheck fluxOperator(const FluxInstallation &found)
{
    const auto id = PreflightCheck::Id::FluxOperator;
    if (!found.operatorInstalled)
        return make(id, PreflightCheck::Verdict::Pass,
                    Text::tr("The Flux Operator is not installed"));
    const QString version = found.operatorVersion.isEmpty()
                                ? Text::tr("The Flux Operator is installed (CRD "
                                           "fluxinstances.fluxcd.controlplane.io)")
                                : Text::tr("The Flux Operator %1 is installed (CRD "
                                           "fluxinstances.fluxcd.controlplane.io)")
                                      .arg(found.operatorVersion);
    return make(id, PreflightCheck::Verdict::Warning, version,
                Text::tr("Bootstrap with the Operator (a FluxInstance) rather than the "
                         "flux-system files, or the Operator and the files will fight over the "
                         "controllers."));
}

QList<PreflightCheck> repository(const RepositoryFindings &f)
{
    using V = PreflightCheck::Verdict;
    using Id = PreflightCheck::Id;
    QList<PreflightCheck> checks;
    if (!f.openError.isEmpty()) {
        const PreflightCheck failed =
            make(Id::Committed, V::Fail, f.openError,
                 Text::tr("Open a git checkout of the repository Flux will read."));
        checks.append(failed);
        checks.append(couldNotCheck(Id::Pushed, f.openError));
        checks.append(couldNotCheck(Id::RemoteReachable, f.openError));
        return checks;
    }
    if (f.uncommitted.isEmpty()) {
        checks.append(make(Id::Committed, V::Pass, Text::tr("Nothing uncommitted")));
    } else {
        QStringList shown = f.uncommitted.mid(0, 5);
        if (f.uncommitted.size() > shown.size())
            shown.append(QStringLiteral("…"));
        checks.append(make(Id::Committed, V::Fail,
                           Text::tr("Uncommitted changes: %1 (%2)")
                               .arg(f.uncommitted.size())
                               .arg(shown.join(QLatin1String(", "))),
                           Text::tr("Commit (and push) them first: Flux reads only what is on "
                                    "the remote.")));
    }
    if (!f.upstreamChecked || !f.upstreamError.isEmpty()) {
        const QString why = f.upstreamError.isEmpty() ? Text::tr("not checked") : f.upstreamError;
        checks.append(couldNotCheck(Id::Pushed, why));
        checks.append(make(Id::RemoteReachable, V::Fail, why,
                           Text::tr("Check the remote's URL, your network and credentials "
                                    "(git push from a terminal shows the same problem).")));
        return checks;
    }
    if (f.remoteId.isEmpty())
        checks.append(make(Id::Pushed, V::Fail,
                           Text::tr("The branch %1 is not on %2 (no %3 there)")
                               .arg(f.branch, f.remoteUrl, f.remoteRef),
                           Text::tr("Push the branch.")));
    else if (!f.headOnRemote)
        checks.append(
            make(Id::Pushed, V::Fail,
                 Text::tr("HEAD %1 is not on %2's %3 (it has %4)")
                     .arg(shortId(f.headId), f.remoteUrl, f.remoteRef, shortId(f.remoteId)),
                 Text::tr("Push your commits (pull first if the remote has others).")));
    else
        checks.append(make(
            Id::Pushed, V::Pass,
            Text::tr("HEAD %1 is on %2's %3").arg(shortId(f.headId), f.remoteUrl, f.remoteRef)));
    checks.append(make(Id::RemoteReachable, V::Pass, Text::tr("%1 answers").arg(f.remoteUrl)));
    return checks;
}

RepositoryFindings readRepository(const QString &path, const GitCredentialSettings &settings,
                                  const std::atomic_bool *cancelled)
{
    RepositoryFindings f;
    GitResult<GitRepository> repo = GitRepository::open(path);
    if (!repo) {
        f.openError = repo.error().message;
        return f;
    }
    const GitResult<QList<GitFileStatus>> status = gitStatus(*repo);
    if (!status) {
        f.openError = status.error().message;
        return f;
    }
    for (const GitFileStatus &s : *status)
        f.uncommitted.append(s.path);
    if (cancelled && cancelled->load())
        return f;
    GitTransfer transfer;
    transfer.setSettings(settings);
    const GitResult<GitUpstreamState> upstream = gitCheckUpstream(*repo, transfer);
    f.upstreamChecked = true;
    if (!upstream) {
        f.upstreamError = upstream.error().message;
        return f;
    }
    f.branch = upstream->branch;
    f.remoteUrl = upstream->remoteUrl;
    f.remoteRef = upstream->remoteRef;
    f.headId = upstream->headId;
    f.remoteId = upstream->remoteId;
    f.headOnRemote = upstream->headOnRemote;
    return f;
}

} // namespace PreflightChecks

struct Preflight::Private
{
    explicit Private(const ConnectionSettings &s) : client(s) { client.setTimeout(15000); }

    KubeClient client;
    JobRunner *git = nullptr;
    int generation = 0;
    bool running = false;
    Options options;
    QList<QPointer<QNetworkReply>> replies;
    QList<PreflightCheck> checks;
    bool gitPending = false;

    // Answers gathered for the checks that need several requests.
    QList<AccessAnswer> access;
    QString accessError;
    int accessPending = 0;
    bool namespaceExists = false;
    QByteArray crdBody, deploymentsBody;
    QString installError;
    int installPending = 0;
};

Preflight::Preflight(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), d(new Private(settings))
{
    qRegisterMetaType<Fluxdesk::PreflightCheck>();
    qRegisterMetaType<QList<Fluxdesk::PreflightCheck>>();
    d->git = new JobRunner(this); // the global pool: destroying it never waits for a job
}

// The git job holds only copies (path, settings) and no prompter: it may finish after this
// object is gone, so closing a dialog never waits for a slow remote.
Preflight::~Preflight()
{
    cancel();
}

void Preflight::setTimeout(int milliseconds)
{
    d->client.setTimeout(milliseconds);
}

bool Preflight::isRunning() const
{
    return d->running;
}

void Preflight::cancel()
{
    ++d->generation;
    d->running = false;
    d->git->cancel();
    const QList<QPointer<QNetworkReply>> replies = d->replies;
    d->replies.clear();
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->abort();
            reply->deleteLater();
        }
    }
}

void Preflight::start(const Options &options)
{
    cancel();
    d->running = true;
    d->options = options;
    d->checks.clear();
    d->access.clear();
    d->accessError.clear();
    d->namespaceExists = false;
    d->crdBody.clear();
    d->deploymentsBody.clear();
    d->installError.clear();
    const int generation = d->generation;

    // Sends one request; answer(body, error, status) runs when it finished, while current.
    const auto send = [this, generation](QNetworkReply *reply, auto answer) {
        d->replies.append(reply);
        connect(reply, &QNetworkReply::finished, this, [this, reply, generation, answer]() {
            reply->deleteLater();
            if (generation != d->generation)
                return;
            d->replies.removeAll(reply);
            const QByteArray body = reply->readAll();
            int status = 0;
            const Error error = KubeClient::replyError(reply, body, &status);
            answer(body, error.message, status);
        });
    };

    send(d->client.get(QStringLiteral("/version")), [this](const QByteArray &body,
                                                           const QString &error, int) {
        decided(error.isEmpty()
                    ? PreflightChecks::kubernetesVersion(body, d->options.fluxVersion)
                    : PreflightChecks::couldNotCheck(PreflightCheck::Id::KubernetesVersion, error));
        clusterAnswered();
    });

    d->accessPending = int(std::size(ClusterScoped));
    for (const Resource &r : ClusterScoped) {
        const QJsonObject attributes{{QStringLiteral("verb"), QStringLiteral("create")},
                                     {QStringLiteral("group"), QLatin1String(r.group)},
                                     {QStringLiteral("resource"), QLatin1String(r.resource)}};
        const QJsonObject review{
            {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("resourceAttributes"), attributes}}}};
        const QString resource = QLatin1String(r.resource);
        send(
            d->client.send(QByteArrayLiteral("POST"),
                           QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"),
                           QByteArrayLiteral("application/json"),
                           QJsonDocument(review).toJson(QJsonDocument::Compact)),
            [this, resource](const QByteArray &body, const QString &error, int) {
                if (!error.isEmpty()) {
                    if (d->accessError.isEmpty())
                        d->accessError = error;
                } else {
                    const QJsonObject status = QJsonDocument::fromJson(body)
                                                   .object()
                                                   .value(QLatin1String("status"))
                                                   .toObject();
                    AccessAnswer a;
                    a.resource = resource;
                    a.allowed = status.value(QLatin1String("allowed")).toBool();
                    a.reason = status.value(QLatin1String("reason")).toString();
                    d->access.append(a);
                }
                if (--d->accessPending > 0)
                    return;
                // In the order asked, whatever order the answers came in.
                QList<AccessAnswer> ordered;
                for (const Resource &asked : ClusterScoped) {
                    for (const AccessAnswer &a : std::as_const(d->access)) {
                        if (a.resource == QLatin1String(asked.resource))
                            ordered.append(a);
                    }
                }
                decided(d->accessError.isEmpty()
                            ? PreflightChecks::permissions(ordered)
                            : PreflightChecks::couldNotCheck(PreflightCheck::Id::Permissions,
                                                             d->accessError));
                clusterAnswered();
            });
    }

    // Flux and the Operator: a 404 is "not there", anything else unanswered is CouldNotCheck.
    d->installPending = 3;
    const auto installAnswered = [this]() {
        if (--d->installPending > 0)
            return;
        if (!d->installError.isEmpty()) {
            decided(
                PreflightChecks::couldNotCheck(PreflightCheck::Id::FluxInstalled, d->installError));
            decided(
                PreflightChecks::couldNotCheck(PreflightCheck::Id::FluxOperator, d->installError));
        } else {
            const FluxInstallation found = PreflightChecks::readInstallation(
                d->namespaceExists, d->crdBody, d->deploymentsBody);
            decided(PreflightChecks::fluxInstalled(found, d->options.fluxVersion));
            decided(PreflightChecks::fluxOperator(found));
        }
        clusterAnswered();
    };
    const auto keep = [this, installAnswered](QByteArray *into, bool *exists) {
        return [this, installAnswered, into, exists](const QByteArray &body, const QString &error,
                                                     int status) {
            if (!error.isEmpty() && status != 404) {
                if (d->installError.isEmpty())
                    d->installError = error;
            } else if (error.isEmpty()) {
                if (into)
                    *into = body;
                if (exists)
                    *exists = true;
            }
            installAnswered();
        };
    };
    send(d->client.get(QStringLiteral("/api/v1/namespaces/") + QLatin1String(FluxNamespace)),
         keep(nullptr, &d->namespaceExists));
    send(d->client.get(QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")),
         keep(&d->crdBody, nullptr));
    send(d->client.get(QStringLiteral("/apis/apps/v1/namespaces/") + QLatin1String(FluxNamespace) +
                       QStringLiteral("/deployments")),
         keep(&d->deploymentsBody, nullptr));

    d->gitPending = !options.repositoryPath.isEmpty();
    if (d->gitPending) {
        const QString path = options.repositoryPath;
        const GitCredentialSettings settings = options.gitSettings;
        d->git->start(
            [path, settings](const JobContext &context) {
                return PreflightChecks::readRepository(path, settings, &context.canceledFlag());
            },
            [this, generation](const RepositoryFindings &findings) {
                if (generation != d->generation)
                    return;
                d->gitPending = false;
                decided(PreflightChecks::repository(findings));
                clusterAnswered();
            });
    }
}

void Preflight::decided(const PreflightCheck &check)
{
    d->checks.append(check);
    emit checkDone(check);
}

void Preflight::decided(const QList<PreflightCheck> &checks)
{
    for (const PreflightCheck &c : checks)
        decided(c);
}

void Preflight::clusterAnswered()
{
    // Called as each part finishes (version, permissions, installation, git); the last finishes.
    const bool clusterDone =
        std::count_if(d->checks.cbegin(), d->checks.cend(), [](const PreflightCheck &c) {
            return c.id <= PreflightCheck::Id::FluxOperator;
        }) == 4;
    if (!d->running || !clusterDone || d->gitPending)
        return;
    d->running = false;
    QList<PreflightCheck> ordered = d->checks;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const PreflightCheck &a, const PreflightCheck &b) { return a.id < b.id; });
    emit finished(ordered);
}

} // namespace Fluxdesk
