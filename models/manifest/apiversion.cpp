#include "apiversion.h"

namespace Fluxdesk {

QString groupOfApiVersion(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : apiVersion.left(slash);
}

} // namespace Fluxdesk
