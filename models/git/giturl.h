#pragma once

#include <QString>

namespace Fluxdesk {

// A remote URL as people may see it (messages, logs, the window, the CLI's output): the password
// of its userinfo removed, the user name too when it looks like a token ("ghp_...",
// "glpat-...", a long run of letters and digits), control characters percent-encoded. Anything
// else (scp-like "git@host:path", a local path) is returned as it is, but for control
// characters. The one place that decides what of a URL is safe to show.
QString displayUrl(const QString &url);

// text with every secret of url replaced: the URL itself by displayUrl(url), and its password
// (and a token-like user name), encoded or decoded, by "***". For messages that may quote the URL
// (libgit2's, the server's).
QString redactUrlSecrets(const QString &text, const QString &url);

} // namespace Fluxdesk
