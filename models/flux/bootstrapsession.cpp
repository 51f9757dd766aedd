#include "bootstrapsession.h"

#include "secrets/sopssetup.h"

#include "flux/bootstrapfiles.h"
#include "flux/componentssource.h"
#include "flux/fluxinstance.h"
#include "flux/fluxknownhosts.h"
#include "flux/fluxsecret.h"
#include "flux/gitremoteaddress.h"
#include "git/gitcommit.h"
#include "git/gitremote.h"
#include "git/gitrepository.h"
#include "git/gitstatus.h"
#include "git/gittransfer.h"
#include "git/gitupstreamcheck.h"
#include "manifest/yamljson.h"

#include <QDir>
#include <QFile>

namespace Fluxdesk {

namespace {

QList<QJsonObject> objectsOf(const QByteArray &yaml, const QString &name)
{
    QList<QJsonObject> out;
    const Result<QList<YamlDocument>> documents = parseYamlDocuments(yaml, name);
    if (documents)
        for (const YamlDocument &document : documents.value())
            if (document.value.isObject())
                out.append(document.value.toObject());
    return out;
}

struct Upstream
{
    QString error;
    QString branch;
    QString remoteUrl;
};

struct Pushed
{
    QString error;
    QString commit;
    bool pushed = false;
};

// Runs a transfer that stops when the job is superseded (libgit2 polls the progress callback).
void cancelWith(GitTransfer &transfer, const JobContext &context)
{
    transfer.setProgressHandler([&transfer, &context](const GitProgress &) {
        if (context.isCanceled())
            transfer.cancel();
    });
}

} // namespace

BootstrapSession::BootstrapSession(const ConnectionSettings &cluster, QObject *parent)
    : QObject(parent), m_cluster(cluster), m_jobs(this, JobRunner::Threads::Serial)
{
    qRegisterMetaType<Fluxdesk::BootstrapResult>();
}

BootstrapSession::~BootstrapSession()
{
    // A push still running uses the secret store and the settings it was given: stop it and wait
    // (its transfer polls the cancel flag) so nothing it holds is used after this returns.
    m_jobs.cancel();
    m_jobs.waitForDone();
}

QString BootstrapSession::stepTitle(Step step)
{
    switch (step) {
    case Step::ReadRepository:
        return tr("Reading the repository's remote");
    case Step::Components:
        return tr("Getting Flux's components");
    case Step::WriteFiles:
        return tr("Writing the flux-system files");
    case Step::CommitAndPush:
        return tr("Committing and pushing");
    case Step::Credentials:
        return tr("Making the credentials Flux reads the repository with");
    case Step::Apply:
        return tr("Applying Flux to the cluster");
    }
    return {};
}

void BootstrapSession::start(const BootstrapOptions &options)
{
    cancel();
    m_options = options;
    m_result = BootstrapResult();
    m_secret.reset();
    m_components.clear();
    m_running = true;
    ++m_generation;
    readRepository();
}

void BootstrapSession::cancel()
{
    if (!m_running)
        return;
    m_jobs.cancel();
    if (m_source)
        m_source->cancel();
    if (m_hostApi)
        m_hostApi->cancel();
    if (m_apply && m_apply->isRunning()) {
        m_apply->cancel(); // finished() brings the account of what was applied
        return;
    }
    m_result.cancelled = true;
    m_result.failedStep = stepTitle(m_step);
    finish();
}

void BootstrapSession::begin(Step step)
{
    m_step = step;
    emit stepStarted(step, stepTitle(step));
}

void BootstrapSession::fail(const QString &error)
{
    m_result.error = error;
    m_result.failedStep = stepTitle(m_step);
    finish();
}

void BootstrapSession::finish()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_result.ok = m_result.error.isEmpty() && !m_result.cancelled;
    emit finished(m_result);
}

void BootstrapSession::readRepository()
{
    begin(Step::ReadRepository);
    const QString dir = m_options.repoDir;
    const GitCredentialSettings settings = m_options.git;
    GitSecretStore *store = m_store;
    m_jobs.start(
        [dir, settings, store](const JobContext &context) {
            Upstream out;
            GitResult<GitRepository> repo = GitRepository::open(dir);
            if (!repo) {
                out.error = repo.error().message;
                return out;
            }
            GitTransfer transfer;
            transfer.setSettings(settings);
            transfer.setSecretStore(store);
            cancelWith(transfer, context);
            const GitResult<GitUpstreamState> upstream = gitCheckUpstream(*repo, transfer);
            if (!upstream) {
                out.error = upstream.error().message;
                return out;
            }
            out.branch = upstream->branch;
            out.remoteUrl = upstream->remoteUrl;
            return out;
        },
        [this](const Upstream &upstream) {
            if (!upstream.error.isEmpty())
                return fail(upstream.error);
            m_branch = upstream.branch;
            m_remoteUrl = upstream.remoteUrl;
            const Result<QString> sync =
                fluxSyncUrl(m_options.syncUrl.isEmpty() ? upstream.remoteUrl : m_options.syncUrl);
            if (!sync)
                return fail(sync.error().message);
            m_syncUrl = *sync;
            fetchComponents();
        });
}

void BootstrapSession::fetchComponents()
{
    if (m_options.useOperator)
        return writeFiles({});
    begin(Step::Components);
    m_source = std::make_unique<ComponentsSource>();
    if (!m_options.releaseBaseUrl.isEmpty())
        m_source->setReleaseBaseUrl(m_options.releaseBaseUrl);
    if (!m_options.fluxProgram.isEmpty())
        m_source->setFluxProgram(m_options.fluxProgram);
    connect(m_source.get(), &ComponentsSource::progress, this, &BootstrapSession::progress);
    const quint64 generation = m_generation;
    connect(m_source.get(), &ComponentsSource::finished, this, [this, generation](bool ok) {
        if (generation != m_generation)
            return;
        if (!ok)
            return m_source->wasCanceled() ? void() : fail(m_source->error().toString());
        writeFiles(m_source->manifest()->text);
    });
    switch (m_options.components) {
    case BootstrapOptions::Components::FluxCli:
        m_source->fromCli(m_options.fluxVersion, {});
        break;
    case BootstrapOptions::Components::Download:
        m_source->download(m_options.fluxVersion);
        break;
    case BootstrapOptions::Components::File:
        m_source->fromFile(m_options.componentsFile);
        break;
    }
}

void BootstrapSession::writeFiles(const QByteArray &components)
{
    begin(Step::WriteFiles);
    m_components = components;
    QList<BootstrapFile> files;
    if (m_options.useOperator) {
        FluxInstanceSettings settings;
        settings.cluster = m_options.cluster;
        settings.version = m_options.operatorDistribution;
        settings.url = m_syncUrl;
        settings.branch = m_branch;
        settings.pullSecret = m_options.credentials == BootstrapOptions::Credentials::Existing
                                  ? QString()
                                  : QStringLiteral("flux-system");
        files = fluxInstanceFiles(settings);
    } else {
        BootstrapSettings settings;
        settings.cluster = m_options.cluster;
        settings.url = m_syncUrl;
        settings.branch = m_branch;
        const QString version = m_source && m_source->manifest() ? m_source->manifest()->version
                                                                 : m_options.fluxVersion;
        const QStringList names =
            m_source && m_source->manifest() ? m_source->manifest()->components : QStringList();
        files = bootstrapFiles(settings, gotkComponentsYaml(components, version, names));
    }
    // What ran before Flux: kept when the checkout has one (a second bootstrap must not record
    // Flux's own objects as "before").
    if (m_options.baseline &&
        !QFile::exists(QDir(m_options.repoDir).filePath(takeoverBaselinePath())))
        files.append(BootstrapFile{takeoverBaselinePath(), m_options.baseline->toYaml()});
    const Result<QStringList> written = writeBootstrapFiles(m_options.repoDir, files);
    if (!written)
        return fail(written.error().toString());
    m_result.written = *written;
    // The apply reads the components and gotk-sync from what was written.
    m_components.clear();
    for (const BootstrapFile &file : files)
        if (!file.path.endsWith(takeoverBaselinePath()) &&
            !file.path.endsWith(QLatin1String("/kustomization.yaml")))
            m_components.append(file.text + "\n---\n");
    commitAndPush();
}

void BootstrapSession::commitAndPush()
{
    begin(Step::CommitAndPush);
    const QString dir = m_options.repoDir;
    const QStringList paths = m_result.written;
    const QString message = m_options.commitMessage;
    const GitCredentialSettings settings = m_options.git;
    GitSecretStore *store = m_store;
    m_jobs.start(
        [dir, paths, message, settings, store](const JobContext &context) {
            Pushed out;
            GitResult<GitRepository> repo = GitRepository::open(dir);
            if (!repo) {
                out.error = repo.error().message;
                return out;
            }
            if (!paths.isEmpty()) {
                const GitResult<GitDone> staged = stagePaths(*repo, paths);
                if (!staged) {
                    out.error = staged.error().message;
                    return out;
                }
                const GitResult<QString> id = commitIndex(*repo, message);
                if (!id && id.error().kind != GitErrorKind::NothingToCommit) {
                    out.error = id.error().message;
                    return out;
                }
                if (id)
                    out.commit = *id;
            }
            GitTransfer transfer;
            transfer.setSettings(settings);
            transfer.setSecretStore(store);
            cancelWith(transfer, context);
            const GitResult<GitPushResult> pushed = gitPush(*repo, transfer);
            if (!pushed) {
                out.error = out.commit.isEmpty()
                                ? pushed.error().message
                                : tr("commit %1 was made but not pushed: %2")
                                      .arg(out.commit.left(7), pushed.error().message);
                return out;
            }
            out.pushed = true;
            return out;
        },
        [this](const Pushed &pushed) {
            m_result.commit = pushed.commit;
            m_result.pushed = pushed.pushed;
            if (!pushed.error.isEmpty())
                return fail(pushed.error);
            makeCredentials();
        });
}

void BootstrapSession::makeCredentials()
{
    begin(Step::Credentials);
    switch (m_options.credentials) {
    case BootstrapOptions::Credentials::Existing:
        return applyToCluster();
    case BootstrapOptions::Credentials::HttpsToken:
        if (m_options.httpsToken.isEmpty())
            return fail(tr("HTTPS needs a token for Flux to read the repository with"));
        m_secret = fluxTokenSecret(m_options.httpsUsername, m_options.httpsToken);
        return applyToCluster();
    case BootstrapOptions::Credentials::SshDeployKey:
        break;
    }
    const Result<GitRemoteAddress> address = parseGitRemoteAddress(m_syncUrl);
    if (!address)
        return fail(address.error().message);
    if (!address->isSsh())
        return fail(tr("Flux reads %1 over HTTPS: give a token, or use an SSH remote for a deploy "
                       "key")
                        .arg(m_syncUrl));
    const Result<FluxKnownHosts> known =
        fluxKnownHosts(m_options.git.knownHostsPath(), address->host, address->effectivePort());
    if (!known)
        return fail(known.error().toString());
    Result<DeployKey> key =
        generateDeployKey(m_options.keyType, QStringLiteral("flux-%1").arg(m_options.cluster));
    if (!key)
        return fail(key.error().message);
    m_secret = fluxSshSecret(*key, *known);
    m_result.publicKey = key->publicKey;
    m_result.fingerprint = key->fingerprint;
    const GitHostKind kind = m_options.hostApi.value_or(GitHostKind::GitHub);
    m_result.deployKeysPage = GitHostApi::deployKeysPage(kind, *address);
    key->wipe();
    if (!m_options.hostApi) {
        emit deployKeyReady(m_result.publicKey, m_result.fingerprint, m_result.deployKeysPage);
        return applyToCluster();
    }
    m_hostApi = std::make_unique<GitHostApi>();
    DeployKeyRequest request;
    request.kind = kind;
    request.repository = *address;
    request.apiBase = m_options.hostApiBase;
    request.title = QStringLiteral("flux-%1").arg(m_options.cluster);
    request.publicKey = m_result.publicKey;
    request.token = m_options.hostToken;
    const quint64 generation = m_generation;
    m_hostApi->addDeployKey(request, [this, generation](Result<DeployKeyAdded> added) {
        if (generation != m_generation)
            return;
        if (!added)
            return fail(added.error().message);
        m_result.deployKeyAdded = true;
        if (added->keysPage.isValid())
            m_result.deployKeysPage = added->keysPage;
        applyToCluster();
    });
}

void BootstrapSession::applyToCluster()
{
    begin(Step::Apply);
    BootstrapApply::Input input;
    for (const QJsonObject &object : objectsOf(m_components, QStringLiteral("flux-system"))) {
        const QString kind = object.value(QLatin1String("kind")).toString();
        const QString group =
            object.value(QLatin1String("apiVersion")).toString().section(QLatin1Char('/'), 0, -2);
        // gotk-sync's GitRepository and Kustomization go last, after the Secret they read.
        const bool sync = (kind == QLatin1String("GitRepository") &&
                           group == QLatin1String("source.toolkit.fluxcd.io")) ||
                          (kind == QLatin1String("Kustomization") &&
                           group == QLatin1String("kustomize.toolkit.fluxcd.io")) ||
                          kind == QLatin1String("FluxInstance");
        (sync ? input.sync : input.components).append(object);
    }
    input.secret = m_secret;
    if (!m_options.sopsAgeKeys.isEmpty())
        input.moreSecrets.append(Sops::decryptionSecret(m_options.sopsAgeKeys));
    m_secret.reset();
    m_apply = std::make_unique<BootstrapApply>(m_cluster);
    connect(m_apply.get(), &BootstrapApply::progress, this,
            [this](int step, int total, const QString &what) { emit progress(step, total, what); });
    const quint64 generation = m_generation;
    connect(m_apply.get(), &BootstrapApply::finished, this,
            [this, generation](const BootstrapApplyReport &report) {
                if (generation != m_generation)
                    return;
                m_result.apply = report;
                if (report.cancelled) {
                    m_result.cancelled = true;
                    m_result.failedStep = stepTitle(Step::Apply);
                    return finish();
                }
                if (!report.ok)
                    return fail(report.error);
                finish();
            });
    m_apply->start(input, m_options.apply);
}

} // namespace Fluxdesk
