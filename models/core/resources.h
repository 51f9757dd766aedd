#pragma once

namespace Fluxdesk {

// Registers the resources compiled into the static core library (demo cluster, rules, icons).
// Idempotent; call before reading a ":/..." path.
void initResources();

} // namespace Fluxdesk
