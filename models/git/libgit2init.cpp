#include "libgit2init.h"

#include <git2.h>

#include <cstdlib>
#include <mutex>

namespace Fluxdesk {

void ensureLibgit2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        // Balanced at exit so sanitizer runs see libgit2's global state released.
        std::atexit([] { git_libgit2_shutdown(); });
    });
}

} // namespace Fluxdesk
