// The Changes panel's reports: transfer progress, and what a commit, push, fetch, revert or clone
// did, in the user's words.
#include "changespanel.h"

#include "historypanel.h"

#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace Fluxdesk {

void ChangesPanel::onProgress(const GitProgress &progress)
{
    QString format;
    switch (progress.stage) {
    case GitProgress::Stage::Counting:
        format = tr("Counting objects: %v of %m");
        break;
    case GitProgress::Stage::Packing:
        format = tr("Compressing: %v of %m");
        break;
    case GitProgress::Stage::Sending:
        format = tr("Uploading: %v of %m objects");
        break;
    case GitProgress::Stage::Receiving:
        format = tr("Downloading: %v of %m objects");
        break;
    case GitProgress::Stage::Indexing:
        format = tr("Resolving: %v of %m");
        break;
    }
    // QProgressBar takes int: scale large counts down.
    const quint64 total = progress.total;
    const int max = total > 1000000 ? 1000000 : int(total);
    const int value = total == 0 ? 0 : int(progress.current * quint64(max) / total);
    setProgress(format, value, max);
}

QString ChangesPanel::explain(const GitError &error) const
{
    switch (error.kind) {
    case GitErrorKind::NonFastForward:
        return tr("The remote branch has commits this checkout does not have, so the push was "
                  "refused. Press Fetch to download them, then merge or rebase with your git tool "
                  "and push again. Fluxdesk never force-pushes.\n(%1)")
            .arg(error.message);
    case GitErrorKind::Rejected:
        return tr("The remote refused the push: %1").arg(error.message);
    case GitErrorKind::NothingToCommit:
        return tr("Nothing is staged: check the files to commit, or press Stage All.");
    case GitErrorKind::Cancelled:
        return tr("Cancelled.");
    default:
        return error.message;
    }
}

void ChangesPanel::onFinished(const GitOperationResult &result)
{
    using Op = GitOperationResult::Operation;
    if (result.operation == Op::Clone) {
        setBusy(false, false);
        if (!result.ok) {
            m_cloneStatus->setText(tr("Not cloned: %1").arg(explain(result.error)));
            m_cloneStatus->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
            Q_EMIT operationFinished(false);
            return;
        }
        setRepositoryPath(result.path);
        QString text = tr("Cloned into %1.").arg(QDir::toNativeSeparators(m_path));
        if (!result.warning.isEmpty())
            text += QLatin1Char(' ') + result.warning;
        setStatus(text, !result.warning.isEmpty());
        Q_EMIT repositoryChosen(m_path);
        Q_EMIT operationFinished(true);
        return;
    }

    setBusy(false, false);
    m_fetch->setDefault(false);
    const QString shortId = result.commitId.left(7);
    if (!result.commitId.isEmpty())
        m_messageEdited = false; // the next refresh proposes a message for what is left
    QString text;
    if (result.ok) {
        switch (result.operation) {
        case Op::Commit:
            text = result.pushed ? tr("Committed %1 and pushed %2 to %3.")
                                       .arg(shortId, result.push.branch,
                                            result.push.remote + QLatin1Char('/') +
                                                result.push.remoteRef.section(QLatin1Char('/'), 2))
                                 : tr("Committed %1.").arg(shortId);
            break;
        case Op::Push:
            text = tr("Pushed %1 to %2.")
                       .arg(result.push.branch,
                            result.push.remote + QLatin1Char('/') +
                                result.push.remoteRef.section(QLatin1Char('/'), 2));
            break;
        case Op::Fetch:
            text = tr("Fetched: %1 ahead, %2 behind.")
                       .arg(result.branch.ahead)
                       .arg(result.branch.behind);
            break;
        case Op::Revert:
            text = tr("Reverted %1 with the new commit %2 (not pushed yet).")
                       .arg(result.revertedId.left(7), shortId);
            break;
        default:
            break;
        }
        if (result.push.upstreamSet)
            text += QLatin1Char(' ') + tr("The branch now tracks it.");
        if (!result.warning.isEmpty())
            text += QLatin1Char(' ') + result.warning;
        setStatus(text, !result.warning.isEmpty());
    } else {
        const QString why = explain(result.error);
        if (result.operation == Op::Revert)
            text = tr("Not reverted: %1").arg(why);
        else if (!result.commitId.isEmpty())
            text =
                tr("Committed %1 (the commit is kept), but the push failed. %2").arg(shortId, why);
        else
            text = why;
        setStatus(text, true);
        if (result.error.kind == GitErrorKind::NonFastForward)
            m_fetch->setDefault(true); // the suggested next step
    }
    if (!result.branch.branch.isEmpty() || result.branch.detached)
        updateBranch(result.branch);
    // Commits, reverts, pushes and fetches all change what the history shows (or its remote).
    m_history->reload();
    Q_EMIT operationFinished(result.ok);
    m_refreshPending = false;
    refresh();
}

} // namespace Fluxdesk
