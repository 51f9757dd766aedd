#include "plantreemodel.h"
#include "plantreemodelnode.h"

#include <QRegularExpression>

#include <algorithm>

// PlanTreeModel's live Flux state: what the Flux view reports of the objects the planned files
// hold, shown beside those files, each change touching only the rows of the files holding it.

namespace Fluxdesk {

namespace {

// "main@sha1:0123456789abcdef…" -> "main@sha1:0123456", an OCI digest likewise, the older
// "main/0123456789abcdef…" too; chart versions and tags stay as they are.
QString shortRevision(const QString &revision)
{
    static const QRegularExpression digest(
        QStringLiteral("((?:sha1|sha256|sha384|sha512):[0-9a-f]{7})[0-9a-f]+"));
    static const QRegularExpression legacy(QStringLiteral("^([^@/]+/[0-9a-f]{7})[0-9a-f]{33}$"));
    QString text = revision;
    text.replace(digest, QStringLiteral("\\1"));
    text.replace(legacy, QStringLiteral("\\1"));
    return text;
}

// "Kustomization flux-system/infrastructure"
QString refText(const FluxRef &ref)
{
    return ref.kind + QLatin1Char(' ') +
           (ref.ns.isEmpty() ? ref.name : ref.ns + QLatin1Char('/') + ref.name);
}

// Worst first, as FluxReadinessRules::severity() orders readiness, with "not in the cluster"
// between a failure and the rest: it needs a look, but a commit and a reconcile may settle it.
int rank(FluxReadiness readiness)
{
    return FluxReadinessRules::severity(readiness) * 2;
}
constexpr int missingRank = 3;

} // namespace

QList<FluxRef> PlanTreeModel::fluxRefsAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->fluxRefs : QList<FluxRef>();
}

PlanTreeModel::FluxSummary PlanTreeModel::fluxSummary(const Node &node) const
{
    FluxSummary summary;
    if (node.fluxRefs.isEmpty())
        return summary;
    int worstRank = -1;
    QStringList tips;
    for (const FluxRef &ref : node.fluxRefs) {
        const auto it = m_flux.constFind(ref.key());
        if (it == m_flux.constEnd()) {
            if (!m_fluxWatching)
                continue;
            summary.missing = true;
            tips.append(tr("%1 is not in the cluster yet: Flux creates it once the plan is "
                           "committed and reconciled.")
                            .arg(refText(ref)));
            if (worstRank < 0 || missingRank < worstRank) {
                worstRank = missingRank;
                summary.text = tr("not in the cluster");
            }
            continue;
        }
        const FluxLive &live = it.value();
        const QString state = FluxReadinessRules::text(live.readiness);
        QString tip = tr("%1 in the cluster: %2").arg(refText(ref), state);
        if (!live.revision.isEmpty())
            tip += QLatin1Char('\n') + tr("Revision: %1").arg(live.revision);
        if (!live.message.isEmpty())
            tip += QLatin1Char('\n') + live.message;
        tips.append(tip);
        const int r = rank(live.readiness);
        if (!summary.any || r < rank(summary.worst))
            summary.worst = live.readiness;
        summary.any = true;
        if (worstRank < 0 || r < worstRank) {
            worstRank = r;
            // The revision says what a Ready object applied; for the others the state is the
            // news, and the tooltip says why.
            summary.text =
                live.readiness == FluxReadiness::Ready && !live.revision.isEmpty()
                    ? tr("%1 · %2", "readiness · revision").arg(state, shortRevision(live.revision))
                    : state;
        }
    }
    summary.toolTip = tips.join(QLatin1Char('\n'));
    return summary;
}

void PlanTreeModel::indexFluxRefs(int id)
{
    for (const FluxRef &ref : m_nodes[size_t(id)].fluxRefs)
        m_byFluxRef[ref.key()].append(id);
}

void PlanTreeModel::emitFluxRowsChanged(const QList<int> &ids)
{
    std::vector<int> rows(ids.cbegin(), ids.cend());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int id : rows)
        emit dataChanged(indexOfNode(id, 0), indexOfNode(id, ColumnCount - 1));
}

void PlanTreeModel::emitFluxShown(bool before)
{
    if (showsFluxStatus() != before)
        emit fluxStatusShownChanged(!before);
}

void PlanTreeModel::updateFluxStatus(const QList<FluxObjectStatus> &statuses,
                                     const QList<FluxRef> &removed)
{
    const bool before = showsFluxStatus();
    QList<int> touched;
    for (const FluxObjectStatus &status : statuses) {
        const QString key = status.ref().key();
        const FluxLive live{status.readiness(), status.revision, status.verdict.reason,
                            status.verdict.message};
        const auto it = m_flux.constFind(key);
        if (it != m_flux.constEnd() && it.value() == live)
            continue;
        m_flux.insert(key, live);
        touched += m_byFluxRef.value(key);
    }
    for (const FluxRef &ref : removed) {
        const QString key = ref.key();
        if (m_flux.remove(key) > 0)
            touched += m_byFluxRef.value(key);
    }
    emitFluxRowsChanged(touched);
    emitFluxShown(before);
}

void PlanTreeModel::setFluxWatching(bool watching)
{
    if (m_fluxWatching == watching)
        return;
    const bool before = showsFluxStatus();
    m_fluxWatching = watching;
    // Only files whose objects the cluster lacks read differently.
    QList<int> touched;
    for (auto it = m_byFluxRef.constBegin(); it != m_byFluxRef.constEnd(); ++it) {
        if (!m_flux.contains(it.key()))
            touched += it.value();
    }
    emitFluxRowsChanged(touched);
    emitFluxShown(before);
}

void PlanTreeModel::clearFluxStatus()
{
    const bool before = showsFluxStatus();
    QList<int> touched;
    for (auto it = m_byFluxRef.constBegin(); it != m_byFluxRef.constEnd(); ++it) {
        if (m_fluxWatching || m_flux.contains(it.key()))
            touched += it.value();
    }
    m_flux.clear();
    m_fluxWatching = false;
    emitFluxRowsChanged(touched);
    emitFluxShown(before);
}

} // namespace Fluxdesk
