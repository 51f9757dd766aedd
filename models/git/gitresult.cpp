#include "gitresult.h"

#include <git2.h>

namespace Fluxdesk {

GitError lastGitError(int code, const QString &context, GitErrorKind kind)
{
    const git_error *last = git_error_last();
    QString detail = last && last->message ? QString::fromUtf8(last->message).trimmed()
                                           : QStringLiteral("libgit2 error %1").arg(code);
    if (kind == GitErrorKind::Failed) {
        if (code == GIT_ENONFASTFORWARD)
            kind = GitErrorKind::NonFastForward;
        else if (code == GIT_EAUTH)
            kind = GitErrorKind::AuthenticationFailed;
    }
    return GitError(kind, context.isEmpty() ? detail : context + QStringLiteral(": ") + detail,
                    code);
}

} // namespace Fluxdesk
