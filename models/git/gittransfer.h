#pragma once

#include "gitcredentials.h"
#include "gitresult.h"
#include "gitsecretstore.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>

struct git_remote_callbacks;
struct git_repository;

namespace Fluxdesk {

// One progress report of a clone, fetch or push.
struct GitProgress
{
    enum class Stage
    {
        Counting,  // push: counting objects to send
        Packing,   // push: compressing
        Sending,   // push: uploading
        Receiving, // fetch/clone: downloading
        Indexing   // fetch/clone: resolving deltas
    };
    Stage stage = Stage::Counting;
    quint64 current = 0;
    quint64 total = 0;
    quint64 bytes = 0;
};

// The state of one remote operation: credentials (SSH agent, ~/.ssh keys, git credential
// helpers, the secret store, the prompter), the SSH host key check against known_hosts, progress
// and cancel.
// Its callbacks run on the thread that runs the operation; cancel() may be called from any.
//
// HTTPS is verified the way git configures it: GIT_SSL_CAINFO, else http.sslCAInfo (the
// repository's config, then the global one), else SSL_CERT_FILE, else the system's CAs. libgit2
// keeps its CA list process-wide, so an HTTPS operation holds a process-wide lock from begin()
// to finish() and puts the system default back afterwards. Turning verification off
// (http.sslVerify=false, GIT_SSL_NO_VERIFY) is refused, never honoured silently.
class GitTransfer
{
public:
    GitTransfer() = default;
    ~GitTransfer();
    GitTransfer(const GitTransfer &) = delete;
    GitTransfer &operator=(const GitTransfer &) = delete;

    void setPrompter(GitCredentialPrompter *prompter) { m_prompter = prompter; }
    // Usernames and tokens kept in the system keychain: asked after the git credential helpers and
    // before the prompter; a refused entry is erased, and an answer the user asked to remember is
    // stored once the operation succeeded.
    void setSecretStore(GitSecretStore *store) { m_store = store; }
    void setSettings(const GitCredentialSettings &settings) { m_settings = settings; }
    const GitCredentialSettings &settings() const { return m_settings; }
    // Called on the operation's thread; must be quick (forward it, do not block).
    void setProgressHandler(std::function<void(const GitProgress &)> handler)
    {
        m_progress = std::move(handler);
    }

    void cancel() { m_cancel.store(true); }
    bool isCancelled() const { return m_cancel.load(); }

    // Used by the operations (clone, fetch, push). url is the one the operation connects to (a
    // push: the remote's pushurl where it has one). begin() reads the TLS configuration of repo
    // (or the global one when repo is null, e.g. for a clone) for an https URL; a problem with it
    // is returned by tlsError() and also makes the certificate check fail, so an operation that
    // does not ask still cannot connect.
    void begin(const QString &url, git_repository *repo = nullptr);
    std::optional<GitError> tlsError() const { return m_tlsError; }
    // The CA file used for this operation (empty: the system's CAs), and where it came from
    // ("http.sslCAInfo", "GIT_SSL_CAINFO", "SSL_CERT_FILE").
    QString caFile() const { return m_caFile; }
    QString caSource() const { return m_caSource; }
    void fillCallbacks(git_remote_callbacks *callbacks);
    // Both end the operation (finish()). errorFor's message never holds the URL's password.
    GitError errorFor(int rc, const QString &context);
    void succeeded();
    // Releases the TLS lock and restores libgit2's default CAs; idempotent, any thread.
    void finish();
    // The remote's own words when it refused a reference update (push_update_reference).
    QString rejection() const { return m_rejection; }
    // What the remote printed ("remote: ..." lines, e.g. a hook's reason), trimmed.
    QString remoteMessages() const { return m_remoteText.trimmed(); }
    // Why a username and token the user asked to remember were not kept (the operation itself
    // succeeded); empty when they were, or nothing was to be kept.
    QString secretStoreWarning() const { return m_storeWarning; }

    // The libgit2 callbacks reach these through the payload.
    int credential(void **out, const char *url, const char *usernameFromUrl, unsigned allowed);
    int certificateCheck(void *cert, int valid, const char *host);
    int progress(const GitProgress &progress);
    void setRejection(const QString &reference, const QString &status);
    int sideband(const char *text, int length);

private:
    void forgetStoredCredentials();
    GitError describeFailure(int rc, const QString &context);
    // gittransferhostkey.cpp: cert is a git_cert_hostkey.
    int checkSshHostKey(const void *cert, const QString &host);
    std::optional<GitError> keyExchangeFailure(const QString &libgit2Text, int rc) const;

    GitCredentialPrompter *m_prompter = nullptr;
    GitSecretStore *m_store = nullptr;
    GitCredentialSettings m_settings;
    std::function<void(const GitProgress &)> m_progress;
    std::atomic_bool m_cancel{false};

    QString m_url;
    QString m_rejection;
    QString m_remoteText;
    QString m_failure; // our own explanation, preferred over libgit2's
    GitErrorKind m_failureKind = GitErrorKind::Failed;
    // Each method is tried once: libgit2 calls back again after every failed attempt.
    bool m_agentTried = false;
    int m_nextKey = 0;
    bool m_helperTried = false;
    bool m_promptTried = false;
    bool m_userDeclined = false;
    int m_usernameCalls = 0;
    std::optional<GitUserPass> m_helperCredentials;
    bool m_storeTried = false;
    std::optional<GitUserPass> m_storedCredentials; // given from the store, not yet accepted
    std::optional<GitUserPass> m_toRemember;        // prompted with "remember": stored on success
    QString m_credentialUrl; // the URL libgit2 asked credentials for, with user, no password
    QString m_helperUrl;     // the URL the git credential helpers were asked for
    QString m_askedUrl;      // the URL libgit2 last asked credentials for, as it gave it
    QString m_storeWarning;
    QStringList m_triedKeys;

    // HTTPS
    bool m_holdsTlsLock = false;
    bool m_customCa = false; // we pointed libgit2 at m_caFile: restore the default in finish()
    QString m_caFile;
    QString m_caSource;
    std::optional<GitError> m_tlsError;
    QString m_rejectedCertHost; // libgit2 found the certificate invalid; its reason follows
};

} // namespace Fluxdesk
