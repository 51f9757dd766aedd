#pragma once

#include "core/error.h"

#include <QString>

namespace Fluxdesk {

// Where a Git remote lives, as Flux's bootstrap needs it: the SSH host and port whose key goes
// into known_hosts, and the owner and repository a Git host's API names.
struct GitRemoteAddress
{
    enum class Scheme
    {
        Ssh, // ssh://, ssh+git://, git+ssh:// and scp-like user@host:path
        Https,
        Http
    };
    Scheme scheme = Scheme::Ssh;
    QString user; // "git" in git@github.com:owner/repo.git; never a password
    QString host;
    int port = -1;      // -1: the scheme's default
    QString basePath;   // what precedes owner/repo ("gitea" for https://host/gitea/owner/repo)
    QString owner;      // may hold '/' for GitLab-style groups ("group/sub")
    QString repository; // without ".git"

    int effectivePort() const;
    bool isSsh() const { return scheme == Scheme::Ssh; }
    // "owner/repository".
    QString fullName() const { return owner + QLatin1Char('/') + repository; }
};

// Parses a remote URL. Refuses local paths, file:// and URLs without an owner and a repository,
// saying which form is expected. Messages never quote a password the URL may hold.
Result<GitRemoteAddress> parseGitRemoteAddress(const QString &url);

} // namespace Fluxdesk
