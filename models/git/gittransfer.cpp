#include "gittransfer.h"

#include "githandles.h"
#include "gittext.h"
#include "gittls.h"
#include "giturl.h"
#include "knownhosts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace Fluxdesk {

using namespace GitTls;

namespace {

GitTransfer *self(void *payload)
{
    return static_cast<GitTransfer *>(payload);
}

int credentialCb(git_credential **out, const char *url, const char *user, unsigned int allowed,
                 void *payload)
{
    return self(payload)->credential(reinterpret_cast<void **>(out), url, user, allowed);
}

int certificateCb(git_cert *cert, int valid, const char *host, void *payload)
{
    return self(payload)->certificateCheck(cert, valid, host);
}

int indexerCb(const git_indexer_progress *stats, void *payload)
{
    GitProgress p;
    const bool indexing = stats->received_objects == stats->total_objects && stats->total_deltas;
    p.stage = indexing ? GitProgress::Stage::Indexing : GitProgress::Stage::Receiving;
    p.current = indexing ? stats->indexed_deltas : stats->received_objects;
    p.total = indexing ? stats->total_deltas : stats->total_objects;
    p.bytes = stats->received_bytes;
    return self(payload)->progress(p);
}

int packCb(int stage, uint32_t current, uint32_t total, void *payload)
{
    GitProgress p;
    p.stage = stage == GIT_PACKBUILDER_ADDING_OBJECTS ? GitProgress::Stage::Counting
                                                      : GitProgress::Stage::Packing;
    p.current = current;
    p.total = total;
    return self(payload)->progress(p);
}

int pushTransferCb(unsigned int current, unsigned int total, size_t bytes, void *payload)
{
    GitProgress p;
    p.stage = GitProgress::Stage::Sending;
    p.current = current;
    p.total = total;
    p.bytes = bytes;
    return self(payload)->progress(p);
}

int sidebandCb(const char *text, int length, void *payload)
{
    return self(payload)->sideband(text, length);
}

int updateReferenceCb(const char *refname, const char *status, void *payload)
{
    if (status)
        self(payload)->setRejection(QString::fromUtf8(refname), QString::fromUtf8(status));
    return 0;
}

QString localUserName()
{
    QString name = QString::fromLocal8Bit(qgetenv("USER"));
    if (name.isEmpty())
        name = QString::fromLocal8Bit(qgetenv("LOGNAME"));
#ifdef Q_OS_UNIX
    if (name.isEmpty()) {
        if (const passwd *entry = ::getpwuid(::geteuid()))
            name = QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    return name;
}

// The URL credentials are stored under: the one libgit2 asks for, with the username the remote
// URL names (libgit2 passes it separately), never with a password the URL may hold.
QString credentialUrl(const QString &url, const QString &usernameFromUrl)
{
    QUrl parsed(url);
    if (!usernameFromUrl.isEmpty())
        parsed.setUserName(usernameFromUrl, QUrl::DecodedMode);
    parsed.setPassword(QString());
    return parsed.toString(QUrl::FullyEncoded);
}

bool isHttps(const QString &url)
{
    return url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

// git treats these variables as set when they have any value (GIT_SSL_NO_VERIFY=0 turns
// verification off too).
bool envSet(const char *name)
{
    return !qEnvironmentVariableIsEmpty(name);
}

} // namespace

GitTransfer::~GitTransfer()
{
    finish();
}

void GitTransfer::begin(const QString &url, git_repository *repo)
{
    m_url = url;
    m_rejection.clear();
    m_remoteText.clear();
    m_failure.clear();
    m_failureKind = GitErrorKind::Failed;
    m_agentTried = false;
    m_nextKey = 0;
    m_helperTried = false;
    m_promptTried = false;
    m_userDeclined = false;
    m_usernameCalls = 0;
    m_helperCredentials.reset();
    m_storeTried = false;
    m_storedCredentials.reset();
    m_toRemember.reset();
    m_credentialUrl.clear();
    m_helperUrl.clear();
    m_askedUrl.clear();
    m_storeWarning.clear();
    m_triedKeys.clear();
    finish(); // a transfer object reused without an end
    m_caFile.clear();
    m_caSource.clear();
    m_tlsError.reset();
    m_rejectedCertHost.clear();
    if (!isHttps(url))
        return;

    // git's order: the environment overrides the config, SSL_CERT_FILE is OpenSSL's default.
    const TlsConfig config = readTlsConfig(repo);
    if (config.error) {
        m_tlsError = config.error;
        return;
    }
    if (envSet("GIT_SSL_NO_VERIFY") || !config.verify) {
        m_tlsError = GitError(
            GitErrorKind::InsecureTls,
            GitText::tr("%1 turns off the verification of HTTPS certificates: Fluxdesk does not "
                        "connect without it. Remove it and add the server's CA with git config "
                        "http.sslCAInfo FILE instead.")
                .arg(envSet("GIT_SSL_NO_VERIFY") ? QStringLiteral("GIT_SSL_NO_VERIFY")
                                                 : QStringLiteral("http.sslVerify=false")));
        return;
    }
    if (envSet("GIT_SSL_CAINFO")) {
        m_caFile = qEnvironmentVariable("GIT_SSL_CAINFO");
        m_caSource = QStringLiteral("GIT_SSL_CAINFO");
    } else if (!config.caInfo.isEmpty()) {
        m_caFile = config.caInfo;
        m_caSource = QStringLiteral("http.sslCAInfo");
    } else if (envSet("SSL_CERT_FILE")) {
        m_caFile = qEnvironmentVariable("SSL_CERT_FILE");
        m_caSource = QStringLiteral("SSL_CERT_FILE");
    }

    if (!acquireTlsGate(m_cancel)) {
        m_tlsError = GitError(GitErrorKind::Cancelled, GitText::tr("cancelled"));
        return;
    }
    m_holdsTlsLock = true;
    if (m_caFile.isEmpty())
        return; // the system's CAs, as libgit2 loaded them (finish() keeps it that way)
    if (!QFileInfo(m_caFile).isFile()) {
        m_tlsError = GitError(GitErrorKind::CertificateUntrusted,
                              GitText::tr("the CA certificate file %1 (from %2) does not exist")
                                  .arg(QDir::toNativeSeparators(m_caFile), m_caSource));
        return;
    }
    m_customCa = true;
    const QByteArray native = QFile::encodeName(m_caFile);
    const int rc = git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, native.constData(), nullptr);
    if (rc < 0) {
        // The list may now be empty: refusing every certificate is the safe state.
        m_tlsError = lastGitError(rc,
                                  GitText::tr("cannot use the CA certificates in %1 (from %2)")
                                      .arg(QDir::toNativeSeparators(m_caFile), m_caSource),
                                  GitErrorKind::CertificateUntrusted);
    }
}

void GitTransfer::finish()
{
    if (m_customCa) {
        m_customCa = false;
        restoreDefaultCertificates();
    }
    if (m_holdsTlsLock) {
        m_holdsTlsLock = false;
        releaseTlsGate();
    }
}

void GitTransfer::fillCallbacks(git_remote_callbacks *callbacks)
{
    callbacks->credentials = credentialCb;
    callbacks->certificate_check = certificateCb;
    callbacks->transfer_progress = indexerCb;
    callbacks->pack_progress = packCb;
    callbacks->push_transfer_progress = pushTransferCb;
    callbacks->sideband_progress = sidebandCb;
    callbacks->push_update_reference = updateReferenceCb;
    callbacks->payload = this;
}

int GitTransfer::progress(const GitProgress &p)
{
    if (m_progress)
        m_progress(p);
    // A non-zero return makes libgit2 stop the transfer with GIT_EUSER.
    return m_cancel.load() ? -1 : 0;
}

int GitTransfer::sideband(const char *text, int length)
{
    // Progress lines end in '\r' and are redrawn; keep only finished lines, and not too many.
    if (m_remoteText.size() < 4096) {
        const QString chunk = QString::fromUtf8(text, length);
        const QStringList lines = chunk.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QString line = lines.at(i).section(QLatin1Char('\r'), -1).trimmed();
            if (!line.isEmpty())
                m_remoteText += line + QLatin1Char('\n');
        }
    }
    return m_cancel.load() ? -1 : 0;
}

void GitTransfer::setRejection(const QString &reference, const QString &status)
{
    m_rejection = QStringLiteral("%1: %2").arg(reference, status);
}

int GitTransfer::credential(void **outPtr, const char *url, const char *usernameFromUrl,
                            unsigned allowed)
{
    auto **out = reinterpret_cast<git_credential **>(outPtr);
    if (m_cancel.load())
        return GIT_EUSER;
    const QString fromUrl = usernameFromUrl ? QString::fromUtf8(usernameFromUrl) : QString();
    const QString urlText = url ? QString::fromUtf8(url) : m_url;

    if (allowed & GIT_CREDENTIAL_USERNAME) {
        if (++m_usernameCalls > 2)
            return GIT_EAUTH;
        const QByteArray user = (fromUrl.isEmpty() ? localUserName() : fromUrl).toUtf8();
        return git_credential_username_new(out, user.constData());
    }

    if (allowed & GIT_CREDENTIAL_SSH_KEY) {
        const QByteArray user = (fromUrl.isEmpty() ? localUserName() : fromUrl).toUtf8();
        if (!m_agentTried && m_settings.useSshAgent &&
            !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            m_agentTried = true;
            m_triedKeys.append(GitText::tr("the SSH agent"));
            return git_credential_ssh_key_from_agent(out, user.constData());
        }
        m_agentTried = true;
        const QString dir = m_settings.resolvedSshDir();
        while (m_nextKey < m_settings.sshKeyNames.size()) {
            const QString keyPath = dir + QLatin1Char('/') + m_settings.sshKeyNames.at(m_nextKey++);
            if (!QFileInfo::exists(keyPath))
                continue;
            QString passphrase;
            if (isEncryptedPrivateKey(keyPath)) {
                const std::optional<QString> answer =
                    m_prompter ? m_prompter->askPassphrase(keyPath) : std::nullopt;
                if (!answer)
                    continue; // no passphrase given: try the next key
                passphrase = *answer;
            }
            m_triedKeys.append(QDir::toNativeSeparators(keyPath));
            const QString pub = keyPath + QStringLiteral(".pub");
            const QByteArray pubNative = QFile::encodeName(pub);
            const QByteArray keyNative = QFile::encodeName(keyPath);
            const QByteArray pass = passphrase.toUtf8();
            return git_credential_ssh_key_new(
                out, user.constData(), QFileInfo::exists(pub) ? pubNative.constData() : nullptr,
                keyNative.constData(), passphrase.isEmpty() ? nullptr : pass.constData());
        }
        m_failureKind = GitErrorKind::AuthenticationFailed;
        m_failure = m_triedKeys.isEmpty()
                        ? GitText::tr("SSH authentication failed: no SSH agent and no key in %1")
                              .arg(QDir::toNativeSeparators(dir))
                        : GitText::tr("SSH authentication failed: the server accepted none of %1")
                              .arg(m_triedKeys.join(QLatin1String(", ")));
        return GIT_EAUTH;
    }

    if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
        m_askedUrl = urlText;
        m_credentialUrl = credentialUrl(urlText, fromUrl);
        // A URL whose parts would add lines to a helper's request is hostile: no helper, no
        // keychain entry and no prompt for it.
        const Result<QByteArray> request = credentialRequestText(QUrl(m_credentialUrl));
        if (!request) {
            m_failureKind = GitErrorKind::Failed;
            m_failure = request.error().message;
            return GIT_EUSER;
        }
        // Called again: the answer we gave last time was refused.
        if (m_helperCredentials) {
            GitCredentialHelper::reject(m_settings.gitProgram, m_helperUrl, *m_helperCredentials);
            m_helperCredentials.reset();
        }
        QString refusedUser = fromUrl;
        if (m_storedCredentials) {
            if (refusedUser.isEmpty())
                refusedUser = m_storedCredentials->username;
            forgetStoredCredentials();
        }
        m_toRemember.reset(); // refused: never kept
        if (!m_helperTried && m_settings.useGitCredentialHelper) {
            m_helperTried = true;
            m_helperUrl = urlText; // approved or rejected for this URL, the one libgit2 uses
            m_helperCredentials =
                GitCredentialHelper::fill(m_settings.gitProgram, urlText, fromUrl);
            if (m_helperCredentials) {
                const QByteArray user = m_helperCredentials->username.toUtf8();
                const QByteArray pass = m_helperCredentials->password.toUtf8();
                return git_credential_userpass_plaintext_new(out, user.constData(),
                                                             pass.constData());
            }
        }
        if (!m_storeTried && m_store) {
            m_storeTried = true;
            m_storedCredentials = m_store->find(m_credentialUrl);
            if (m_cancel.load())
                return GIT_EUSER;
            if (m_storedCredentials) {
                const QByteArray user = m_storedCredentials->username.toUtf8();
                const QByteArray pass = m_storedCredentials->password.toUtf8();
                return git_credential_userpass_plaintext_new(out, user.constData(),
                                                             pass.constData());
            }
        }
        if (!m_promptTried && m_prompter) {
            m_promptTried = true;
            const std::optional<GitUserPass> answer =
                m_prompter->askUserPass(displayUrl(urlText), refusedUser);
            if (!answer) {
                m_userDeclined = true;
                m_cancel.store(true);
                return GIT_EUSER;
            }
            if (answer->remember && m_store)
                m_toRemember = answer;
            const QByteArray user = answer->username.toUtf8();
            const QByteArray pass = answer->password.toUtf8();
            return git_credential_userpass_plaintext_new(out, user.constData(), pass.constData());
        }
        m_failureKind = GitErrorKind::AuthenticationFailed;
        m_failure =
            m_helperTried || m_storeTried || m_promptTried
                ? GitText::tr("authentication failed: the server refused the user name and "
                              "password or token")
                : GitText::tr("authentication required: no credential helper answered and there "
                              "is nobody to ask");
        return GIT_EAUTH;
    }
    m_failureKind = GitErrorKind::AuthenticationFailed;
    m_failure =
        GitText::tr("the server asks for an authentication method Fluxdesk does not support");
    return GIT_EAUTH;
}

int GitTransfer::certificateCheck(void *certPtr, int valid, const char *hostPtr)
{
    auto *cert = static_cast<git_cert *>(certPtr);
    if (cert->cert_type != GIT_CERT_HOSTKEY_LIBSSH2) {
        // TLS. A configuration we could not apply (or refuse) fails whatever libgit2 thinks: the
        // CA list may not be the one the user asked for.
        if (m_tlsError) {
            m_failureKind = m_tlsError->kind;
            m_failure = m_tlsError->message;
            return GIT_ECERTIFICATE;
        }
        if (valid)
            return 0;
        // libgit2's own verification failed: never overridden. Passing through keeps its
        // reason (which it hides from us during this callback) for errorFor().
        m_rejectedCertHost = QString::fromUtf8(hostPtr);
        return GIT_PASSTHROUGH;
    }
    return checkSshHostKey(cert, QString::fromUtf8(hostPtr));
}

GitError GitTransfer::errorFor(int rc, const QString &context)
{
    GitError error = describeFailure(rc, context);
    // libgit2 and servers may quote the URL: its password never reaches a message.
    error.message = redactUrlSecrets(redactUrlSecrets(error.message, m_url), m_askedUrl);
    return error;
}

GitError GitTransfer::describeFailure(int rc, const QString &context)
{
    // Read libgit2's message before anything else can replace it (finish() calls libgit2).
    GitError error = lastGitError(rc, context);
    const git_error *last = git_error_last();
    const QString libgit2Text =
        last && last->message ? QString::fromUtf8(last->message) : error.message;
    finish();
    if (m_helperCredentials &&
        (rc == GIT_EAUTH || m_failureKind == GitErrorKind::AuthenticationFailed)) {
        GitCredentialHelper::reject(m_settings.gitProgram, m_helperUrl, *m_helperCredentials);
        m_helperCredentials.reset();
    }
    if (m_storedCredentials &&
        (rc == GIT_EAUTH || m_failureKind == GitErrorKind::AuthenticationFailed))
        forgetStoredCredentials();
    m_storedCredentials.reset();
    m_toRemember.reset();
    if (!m_failure.isEmpty())
        return GitError(m_failureKind, m_failure, rc);
    if (std::optional<GitError> hostKeys = keyExchangeFailure(libgit2Text, rc))
        return *hostKeys;
    if (!m_rejectedCertHost.isEmpty()) {
        const QString reason = certificateReason(libgit2Text);
        const QString text =
            m_caFile.isEmpty()
                ? GitText::tr("The server's certificate for %1 is not trusted (%2). Add its CA "
                              "with git config http.sslCAInfo FILE.")
                      .arg(m_rejectedCertHost, reason)
                : GitText::tr("The server's certificate for %1 is not trusted (%2), checked "
                              "against %3 from %4.")
                      .arg(m_rejectedCertHost, reason, QDir::toNativeSeparators(m_caFile),
                           m_caSource);
        return GitError(GitErrorKind::CertificateUntrusted, text, rc);
    }
    if (m_cancel.load() || m_userDeclined)
        return GitError(GitErrorKind::Cancelled, GitText::tr("cancelled"), rc);
    if (rc == GIT_EAUTH ||
        error.message.contains(QLatin1String("authentication"), Qt::CaseInsensitive) ||
        error.message.contains(QLatin1String("401"))) {
        error.kind = GitErrorKind::AuthenticationFailed;
    }
    return error;
}

void GitTransfer::succeeded()
{
    finish();
    if (m_helperCredentials) {
        GitCredentialHelper::approve(m_settings.gitProgram, m_helperUrl, *m_helperCredentials);
        m_helperCredentials.reset();
    }
    m_storedCredentials.reset(); // accepted: it stays in the store
    if (m_toRemember && m_store) {
        const GitResult<GitDone> stored = m_store->store(m_credentialUrl, *m_toRemember);
        if (!stored) {
            m_storeWarning = GitText::tr("The username and token were not remembered (%1).")
                                 .arg(stored.error().message);
        }
    }
    m_toRemember.reset();
}

void GitTransfer::forgetStoredCredentials()
{
    m_storedCredentials.reset();
    if (m_store)
        m_store->erase(m_credentialUrl); // a failure here only means it is asked for again
}

} // namespace Fluxdesk
