#include "textdiff.h"

#include "libgit2init.h"

#include <QCoreApplication>

#include <git2.h>

namespace Fluxdesk {

namespace {

struct Collector
{
    QList<DiffLine> lines;
    QList<int> noNewlineAfter; // lines followed by "\ No newline at end of file"
};

QString lineText(const char *content, size_t length)
{
    QString text = QString::fromUtf8(content, int(length));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

int onHunk(const git_diff_delta *, const git_diff_hunk *hunk, void *payload)
{
    auto *collector = static_cast<Collector *>(payload);
    DiffLine line;
    line.kind = DiffLine::Kind::HunkHeader;
    line.text = lineText(hunk->header, hunk->header_len);
    collector->lines.append(line);
    return 0;
}

int onLine(const git_diff_delta *, const git_diff_hunk *, const git_diff_line *line, void *payload)
{
    auto *collector = static_cast<Collector *>(payload);
    DiffLine out;
    switch (line->origin) {
    case GIT_DIFF_LINE_CONTEXT:
        out.kind = DiffLine::Kind::Context;
        break;
    case GIT_DIFF_LINE_ADDITION:
        out.kind = DiffLine::Kind::Added;
        break;
    case GIT_DIFF_LINE_DELETION:
        out.kind = DiffLine::Kind::Removed;
        break;
    case GIT_DIFF_LINE_CONTEXT_EOFNL:
    case GIT_DIFF_LINE_ADD_EOFNL:
    case GIT_DIFF_LINE_DEL_EOFNL:
        // The previous line had no final newline: the unified form says so.
        if (!collector->lines.isEmpty())
            collector->noNewlineAfter.append(int(collector->lines.size() - 1));
        return 0;
    default:
        return 0;
    }
    out.text = lineText(line->content, line->content_len);
    out.oldLine = line->old_lineno > 0 ? line->old_lineno : 0;
    out.newLine = line->new_lineno > 0 ? line->new_lineno : 0;
    collector->lines.append(out);
    return 0;
}

Result<Collector> runDiff(const QString &oldText, const QString &newText, int contextLines)
{
    ensureLibgit2();
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    // Manifests may hold odd bytes; never let libgit2 call them binary and drop the lines.
    options.flags = GIT_DIFF_FORCE_TEXT;
    options.context_lines = quint32(qMax(0, contextLines));
    const QByteArray oldBytes = oldText.toUtf8();
    const QByteArray newBytes = newText.toUtf8();
    Collector collector;
    const int rc = git_diff_buffers(oldBytes.constData(), size_t(oldBytes.size()), nullptr,
                                    newBytes.constData(), size_t(newBytes.size()), nullptr,
                                    &options, nullptr, nullptr, onHunk, onLine, &collector);
    if (rc < 0) {
        // git_error_last() is thread-local and overwritten by the next call: read it now.
        const git_error *last = git_error_last();
        const QString detail = last && last->message ? QString::fromUtf8(last->message).trimmed()
                                                     : QString::number(rc);
        return Error(
            QCoreApplication::translate("TextDiff", "cannot compute the diff: %1").arg(detail));
    }
    return collector;
}

} // namespace

Result<QList<DiffLine>> diffTexts(const QString &oldText, const QString &newText, int contextLines)
{
    Result<Collector> collected = runDiff(oldText, newText, contextLines);
    if (!collected)
        return collected.error();
    return collected->lines;
}

Result<QString> unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName,
                            const QString &newName, int contextLines)
{
    Result<Collector> collected = runDiff(oldText, newText, contextLines);
    if (!collected)
        return collected.error();
    if (collected->lines.isEmpty())
        return QString();
    QString out =
        QLatin1String("--- a/") + oldName + QLatin1String("\n+++ b/") + newName + QLatin1Char('\n');
    const QList<DiffLine> &lines = collected->lines;
    for (int i = 0; i < lines.size(); ++i) {
        const DiffLine &line = lines.at(i);
        switch (line.kind) {
        case DiffLine::Kind::HunkHeader:
            out += line.text;
            break;
        case DiffLine::Kind::Context:
            out += QLatin1Char(' ') + line.text;
            break;
        case DiffLine::Kind::Added:
            out += QLatin1Char('+') + line.text;
            break;
        case DiffLine::Kind::Removed:
            out += QLatin1Char('-') + line.text;
            break;
        }
        out += QLatin1Char('\n');
        if (collected->noNewlineAfter.contains(i))
            out += QLatin1String("\\ No newline at end of file\n");
    }
    return out;
}

} // namespace Fluxdesk
