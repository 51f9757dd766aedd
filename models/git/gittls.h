#pragma once

// HTTPS helpers private to models/git's transfers (gittransfer.cpp).

#include "gitresult.h"

#include <QString>

#include <atomic>
#include <optional>

struct git_repository;

namespace Fluxdesk::GitTls {

// libgit2's CA list is process-wide (GIT_OPT_SET_SSL_CERT_LOCATIONS): one HTTPS operation at a
// time may own it. Waits for it; false when the transfer was cancelled meanwhile.
bool acquireTlsGate(const std::atomic_bool &cancelled);
void releaseTlsGate();
// Puts back libgit2's default CAs after an operation that used its own CA file.
void restoreDefaultCertificates();

// What a git config says about verification, from the repository's config (all levels) or the
// default (global, XDG, system) when there is no repository yet.
struct TlsConfig
{
    bool verify = true;
    QString caInfo;
    std::optional<GitError> error;
};

TlsConfig readTlsConfig(git_repository *repo);
// "the SSL certificate is invalid: 0x08 - The certificate is not correctly signed by the
// trusted CA" -> "the certificate is not correctly signed by the trusted CA"; other texts as
// libgit2 wrote them.
QString certificateReason(const QString &libgit2Text);

} // namespace Fluxdesk::GitTls
