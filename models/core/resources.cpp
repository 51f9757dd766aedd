#include "resources.h"

#include <QtGlobal>

#include <mutex>

static void initFluxdeskResources()
{
    Q_INIT_RESOURCE(fluxdesk);
}

namespace Fluxdesk {

void initResources()
{
    static std::once_flag once;
    std::call_once(once, initFluxdeskResources);
}

} // namespace Fluxdesk
