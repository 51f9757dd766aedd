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
//   exclude:
//     kinds: [ConfigMap, Deployment.apps]   # every object of a kind, in every namespace
//     namespaces: [kube-system]             # every object of a namespace, and the Namespace
//   chartSources: [...]   (ChartSourceChoice::toJson)
//   secrets: {encrypt: true}                # included Secrets written SOPS-encrypted
//
// An unknown key (a typo such as "exlude:") is an error at its line, not silently ignored.
struct PlanDecisions
{
    QString cluster;                      // empty: the default
    QSet<ObjectKey> included;             // Secrets written although they are plain text
    QSet<ObjectKey> excluded;             // objects the user leaves out
    QHash<ObjectKey, QString> placements; // object -> the file it goes to (relative path)
    // Exclusion rules (plan/bulkdecisions.h): kinds as kindRuleName() ("ConfigMap",
    // "Deployment.apps"), namespaces by name. An object's own `decision: include` beats a rule.
    QSet<QString> excludedKinds;
    QSet<QString> excludedNamespaces;
    QList<ChartSourceChoice> chartSources;
    // Flux Kustomization settings per entry point; empty: the defaults. Saved as
    //   entryPoints: [{name: workloads, interval: 10m, ..., healthChecks: true}]
    QList<EntryPointSettings> entryPoints;
    // Helm releases whose values the user edited, or whose credentials the user keeps inline:
    //   releases:
    //   - namespace: logging
    //     name: grafana
    //     values: {replicas: 2}                  # the edited values, without credentials
    //     credentialsInSecret: [adminPassword]   # left out of values: see below
    //   - {namespace: apps, name: shop, values: {...}, credentials: inline}
    //
    // This file never holds a credential value of a release whose credentials go to a Secret
    // (the default, also written `credentials: secret`): every credential-like value
    // (findCredentialValues()) of its edited values is taken out (a map key removed, a list item
    // set to null) and its path listed under credentialsInSecret. Planning takes the value at
    // each listed path from the running release, so the plan is the same as before saving; the
    // value reaches Git only in the Secret, which is written only when included. A listed path
    // the running release has no value at is still read from the Secret where it can be (a
    // warning says to put it there).
    // `credentials: inline` is the user's explicit choice to keep the release's credentials in
    // the HelmRelease's spec.values as plain text; its values are then kept here whole, as the
    // credentials are in the HelmRelease (in Git) anyway.
    // Files of earlier versions said `moveCredentials: true`: read as `credentials: secret`.
    QList<ReleaseEdit> releases;
    // Included Secrets written SOPS-encrypted (PlanOptions::encryptSecrets); saved as
    // `secrets: {encrypt: true}`, left out when off (files without it read as off).
    bool encryptSecrets = false;

    bool isEmpty() const;
    bool operator==(const PlanDecisions &other) const;
    bool operator!=(const PlanDecisions &other) const { return !(*this == other); }

    // True when a rule leaves the object out and no include of its own keeps it.
    bool excludesByRule(const ObjectKey &key) const;
    // Bulk decisions. Excluding a kind or a namespace adds its rule and drops the includes of the
    // objects it covers (they are all left out now); including one drops its rule and the
    // exclusions of the objects it covers. A Secret stays out unless included by itself (its
    // data would land in Git as plain text).
    void excludeKind(const QString &kindRule);
    void includeKind(const QString &kindRule);
    void excludeNamespace(const QString &ns);
    void includeNamespace(const QString &ns);

    // Into options (cluster when set, included Secrets, exclusions, placements, chart sources,
    // encryption when on).
    void applyTo(PlanOptions &options) const;

    // Stable text: objects sorted by key, one line each.
    QByteArray toYaml() const;
    static Result<PlanDecisions> parse(const QByteArray &yaml, const QString &fileName);
};

// The edit as .fluxdesk/plan.yaml keeps it: with credentials to a Secret and edited values, the
// credential-like values taken out of values and their paths added to credentialsInSecret (see
// PlanDecisions::releases). Planning with either edit gives the same plan as long as the running
// release holds the credentials the edit had.
ReleaseEdit releaseEditForPlanFile(const ReleaseEdit &edit);

// ".fluxdesk/plan.yaml"
QString planDecisionsPath();

// The repository's decisions; a missing file is no decisions at all (not an error).
Result<PlanDecisions> loadPlanDecisions(const QString &repoDir);
// Written atomically, refusing a .fluxdesk that leads out of the repository.
Result<bool> savePlanDecisions(const QString &repoDir, const PlanDecisions &decisions);

} // namespace Fluxdesk
