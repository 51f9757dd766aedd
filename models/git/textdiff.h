#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

namespace Fluxdesk {

// A line-based diff of two texts, computed by libgit2 (git_diff_buffers).
struct DiffLine
{
    enum class Kind
    {
        Context,
        Added,
        Removed,
        HunkHeader
    };
    Kind kind = Kind::Context;
    QString text;    // without the trailing newline
    int oldLine = 0; // 1-based, 0 when not in the old text
    int newLine = 0; // 1-based, 0 when not in the new text
};

Result<QList<DiffLine>> diffTexts(const QString &oldText, const QString &newText,
                                  int contextLines = 3);
// The classic unified format ("--- a/x", "+++ b/x", "@@ ... @@").
Result<QString> unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName,
                            const QString &newName, int contextLines = 3);

} // namespace Fluxdesk
