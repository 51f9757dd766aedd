#include "manifestrenderer.h"

#include "kube/inventory.h"
#include "manifest/splitter.h"
#include "plan/fluxobjects.h"

namespace Fluxdesk {

ManifestRenderer::ManifestRenderer(const Inventory &inventory, const PlanOptions &options)
    : m_rules(options.cleanRules), m_cache(options.cache)
{
    // The clean's context comes from PersistentVolumes alone: no need to hand it every object.
    QList<QJsonObject> volumes;
    for (const InventoryEntry *e :
         inventory.entriesOfKind(QString(), QStringLiteral("PersistentVolume")))
        volumes.append(e->object);
    m_context = cleanContextFor(volumes);
    m_context.recordRemovals = false; // the plan keeps the cleaned objects alone
    if (m_cache)
        m_cleanFingerprint = PlanCache::cleanFingerprint(m_rules, m_context);
}

PlanCache::Rendered ManifestRenderer::render(const InventoryEntry &entry) const
{
    const QJsonObject &object = entry.object;
    PlanCache::Rendered out;
    QByteArray fingerprint;
    if (m_cache) {
        fingerprint = PlanCache::objectFingerprint(object, entry.apiVersion, entry.key);
        if (m_cache->find(m_cleanFingerprint, fingerprint, &out))
            return out;
    }
    const CleanResult cleaned = cleanObject(object, m_rules, m_context);
    out.key = ObjectKey::of(cleaned.object);
    out.fileName = fileNameFor(cleaned.object, QStringLiteral("{name}-{kind}.yaml"));
    out.text = renderedYaml(cleaned.object);
    if (m_cache)
        m_cache->insert(m_cleanFingerprint, fingerprint, out);
    return out;
}

} // namespace Fluxdesk
