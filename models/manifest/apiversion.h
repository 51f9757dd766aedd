#pragma once

#include <QString>

namespace Fluxdesk {

// The API group of an apiVersion: "apps/v1" -> "apps", "v1" (the core group) -> "".
QString groupOfApiVersion(const QString &apiVersion);

} // namespace Fluxdesk
