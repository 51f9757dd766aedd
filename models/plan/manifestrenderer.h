#pragma once

#include "manifest/cleaner.h"
#include "plan/plancache.h"
#include "plan/planoptions.h"

#include <QByteArray>

namespace Fluxdesk {

class Inventory;
struct InventoryEntry;

// Cleans a live object with the plan's rules and renders it as the plan writes it: most of a
// plan's work, so answered from the plan's cache when it has one.
class ManifestRenderer
{
public:
    ManifestRenderer(const Inventory &inventory, const PlanOptions &options);

    PlanCache::Rendered render(const InventoryEntry &entry) const;

private:
    const CleanRules &m_rules; // the options outlive the renderer
    CleanContext m_context;
    PlanCache *m_cache = nullptr;
    QByteArray m_cleanFingerprint;
};

} // namespace Fluxdesk
