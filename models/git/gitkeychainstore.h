#pragma once

#include "gitsecretstore.h"

namespace Fluxdesk {

// The system keychain through QtKeychain (the Secret Service, e.g. GNOME Keyring, or KWallet;
// the macOS Keychain; Windows' Credential Manager). Never falls back to a plain-text file: without
// a keychain, store() fails and says why.
//
// QtKeychain's jobs are asynchronous and queued by one process-wide executor that lives on the
// thread of the first job, so every job of the process runs on one keychain thread with its own
// event loop; the calling thread waits for the answer.
class GitKeychainStore : public GitSecretStore
{
public:
    explicit GitKeychainStore(const QString &service = QStringLiteral("Fluxdesk git"));

    std::optional<GitUserPass> find(const QString &url) override;
    GitResult<GitDone> store(const QString &url, const GitUserPass &credentials) override;
    GitResult<GitDone> erase(const QString &url) override;

    QString service() const { return m_service; }
    // How long a call waits for the keychain (it may be asking the user to unlock it).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

private:
    QString m_service;
    int m_timeoutMs = 120000;
};

} // namespace Fluxdesk
