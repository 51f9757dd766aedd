#pragma once

namespace Fluxdesk {

// Initialises libgit2 once per process (thread-safe); call before any git_* function.
void ensureLibgit2();

} // namespace Fluxdesk
