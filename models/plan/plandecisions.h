#pragma once

#include "core/error.h"
#include "helm/chartsource.h"
#include "kube/resourcetype.h"
#include "plan/planner.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Fluxdesk {

// The user's decisions about the plan, saved in the repository (.fluxdesk/plan.yaml) so the plan
// is reproducible and reviewed like code:
//
//   apiVersion: fluxdesk.io/v1alpha1
//   kind: Plan
//   cluster: homelab
//   objects:
//   - {group: apps, kind: Deployment, namespace: llm, name: llama-cpp, path: workloads/ai/x.yaml}
//   - {kind: Secret, namespace: llm, name: token, decision: include}
//   - {kind: ConfigMap, namespace: llm, name: scratch, decision: exclude}
//   chartSources: [...]   (ChartSourceChoice::toJson)
struct PlanDecisions
{
    QString cluster;                      // empty: the default
    QSet<ObjectKey> included;             // Secrets written although they are plain text
    QSet<ObjectKey> excluded;             // objects the user leaves out
    QHash<ObjectKey, QString> placements; // object -> the file it goes to (relative path)
    QList<ChartSourceChoice> chartSources;
    // Flux Kustomization settings per entry point; empty: the defaults. Saved as
    //   entryPoints: [{name: workloads, interval: 10m, ..., healthChecks: true}]
    QList<EntryPointSettings> entryPoints;
    // Helm releases whose values the user edited or whose credentials moved to a Secret:
    //   releases: [{namespace: logging, name: grafana, values: {...}, moveCredentials: true}]
    QList<ReleaseEdit> releases;

    bool isEmpty() const;
    bool operator==(const PlanDecisions &other) const;
    bool operator!=(const PlanDecisions &other) const { return !(*this == other); }

    // Into options (cluster when set, included Secrets, exclusions, placements, chart sources).
    void applyTo(PlanOptions &options) const;

    // Stable text: objects sorted by key, one line each.
    QByteArray toYaml() const;
    static Result<PlanDecisions> parse(const QByteArray &yaml, const QString &fileName);
};

// ".fluxdesk/plan.yaml"
QString planDecisionsPath();

// The repository's decisions; a missing file is no decisions at all (not an error).
Result<PlanDecisions> loadPlanDecisions(const QString &repoDir);
// Written atomically, refusing a .fluxdesk that leads out of the repository.
Result<bool> savePlanDecisions(const QString &repoDir, const PlanDecisions &decisions);

} // namespace Fluxdesk
