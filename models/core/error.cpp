#include "error.h"

namespace Fluxdesk {

QString Error::toString() const
{
    QString where = file;
    if (!file.isEmpty() && line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    return where.isEmpty() ? message : where + QLatin1String(": ") + message;
}

} // namespace Fluxdesk
