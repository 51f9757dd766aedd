#include "problem.h"

#include <QCoreApplication>

namespace Fluxdesk {

QString severityName(Problem::Severity severity)
{
    // Stable, untranslated: scripts parse the CLI's lint lines.
    switch (severity) {
    case Problem::Severity::Error:
        return QStringLiteral("error");
    case Problem::Severity::Warning:
        return QStringLiteral("warning");
    case Problem::Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("warning");
}

QString Problem::toString() const
{
    QString where = file;
    if (!file.isEmpty() && line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    const QString text = severityName(severity) + QLatin1String(": ") + message;
    return where.isEmpty() ? text : where + QLatin1String(": ") + text;
}

} // namespace Fluxdesk
