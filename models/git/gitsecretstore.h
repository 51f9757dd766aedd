#pragma once

#include "gitcredentials.h"
#include "gitresult.h"

#include <QString>

#include <memory>
#include <optional>

namespace Fluxdesk {

// Where HTTPS usernames and tokens are kept when the user asks Fluxdesk to remember them: the
// system keychain, never a plain-text file. Entries are keyed by scheme://host[:port], plus the
// username when the URL names one. The calls block until the keychain answered and may be made
// from any thread (GitTransfer calls them on the worker's).
class GitSecretStore
{
public:
    virtual ~GitSecretStore() = default;
    // nullopt when there is no entry or the keychain cannot be read.
    virtual std::optional<GitUserPass> find(const QString &url) = 0;
    virtual GitResult<GitDone> store(const QString &url, const GitUserPass &credentials) = 0;
    virtual GitResult<GitDone> erase(const QString &url) = 0; // no entry is no error

    // "https://host", "https://alice@host:8443": the URL's scheme, host, port and username.
    // Empty for a URL without a host.
    static QString keyFor(const QString &url);
};

// Reads another store and never changes it (fluxdesk-cli: no prompt, nothing to remember, and a
// refused entry is for the window to replace).
class ReadOnlySecretStore : public GitSecretStore
{
public:
    explicit ReadOnlySecretStore(GitSecretStore *store) : m_store(store) {}
    std::optional<GitUserPass> find(const QString &url) override;
    GitResult<GitDone> store(const QString &url, const GitUserPass &credentials) override;
    GitResult<GitDone> erase(const QString &url) override;

private:
    GitSecretStore *m_store;
};

// The system keychain through QtKeychain, or nullptr when Fluxdesk was built without it.
std::unique_ptr<GitSecretStore> createSystemSecretStore();

} // namespace Fluxdesk
