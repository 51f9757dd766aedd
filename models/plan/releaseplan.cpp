#include "releaseplan.h"

#include "helm/helmreleasegenerator.h"
#include "helm/valuescredentials.h"
#include "kube/helmreleaserecord.h"
#include "kube/inventory.h"
#include "manifest/splitter.h"
#include "plan/bulkdecisions.h"
#include "plan/fluxobjects.h"
#include "plan/plannedfiles.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Planner", text);
}

// One release as the plan writes it.
struct ConvertedRelease
{
    QJsonObject helmRelease;
    QJsonObject valuesSecret; // the credentials moved out of spec.values; empty when none
    QJsonObject source;       // the chart's HelmRepository / OCIRepository; empty when none
    QString sourcePath;
    QList<Problem> problems;
};

ReleaseEdit editOf(const HelmRelease &release, const PlanOptions &options)
{
    const auto it = std::find_if(
        options.releaseEdits.cbegin(), options.releaseEdits.cend(),
        [&release](const ReleaseEdit &e) { return e.ns == release.ns && e.name == release.name; });
    return it == options.releaseEdits.cend() ? ReleaseEdit() : *it;
}

// values.<path> the user's edit keeps out of the plan file as a credential while the running
// release has no value there: said on the release's file.
Problem unknownCredentialProblem(const CredentialFinding &f, bool toSecret,
                                 const QJsonObject &valuesSecret)
{
    Problem p;
    p.severity = Problem::Severity::Warning;
    p.rule = QStringLiteral("plan-values-credential-unknown");
    const QString secretName = valuesSecret.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("name"))
                                   .toString();
    p.message = toSecret && f.movable()
                    ? tr("values.%1 is a credential .fluxdesk/plan.yaml does not keep, and "
                         "the running release has no value there: put it into Secret %2 "
                         "yourself (targetPath %3).")
                          .arg(f.path, secretName, f.targetPath)
                    : tr("values.%1 is a credential .fluxdesk/plan.yaml does not keep, and "
                         "the running release has no value there: it is left out of the "
                         "HelmRelease.")
                          .arg(f.path);
    return p;
}

// The release converted with the user's edit; an error when it cannot be.
Result<ConvertedRelease> convertRelease(const HelmRelease &release, const PlanOptions &options)
{
    const ReleaseEdit edit = editOf(release, options);
    HelmRelease edited = release;
    // The plan file keeps no credential value: those come from the running release.
    QStringList unknownCredentials;
    if (edit.hasValues)
        edited.values = withCredentialValuesFrom(edit.values, release.values,
                                                 edit.credentialsInSecret, &unknownCredentials);
    const Result<HelmConversion> conversion = convertHelmRelease(
        edited, resolveChartSource(edited, options.chartSources), HelmConversionOptions());
    if (!conversion)
        return conversion.error();
    ConvertedRelease out;
    out.helmRelease = conversion->helmRelease;
    out.source = conversion->source;
    out.sourcePath = conversion->sourcePath;
    out.problems = conversion->problems;
    const bool toSecret = edit.credentials == CredentialHandling::Secret;
    if (toSecret) {
        // Unless the user keeps them inline, as the release view does it: the values leave
        // spec.values for a Secret. So does every value the plan file keeps out as a credential,
        // even when the running release's (or none, when it has none) would not be flagged, so
        // the HelmRelease is the one the user saw.
        QList<CredentialFinding> credentials = conversion->credentials;
        for (const QString &credentialPath : std::as_const(edit.credentialsInSecret)) {
            const bool found = std::any_of(
                credentials.cbegin(), credentials.cend(),
                [&credentialPath](const CredentialFinding &f) { return f.path == credentialPath; });
            CredentialFinding f = credentialFindingForPath(credentialPath);
            f.value = valueAtPath(edited.values, f.segments);
            if (edit.hasValues && !found && f.movable())
                credentials.append(f);
        }
        const ValuesSecretMove move = moveCredentialsToSecret(out.helmRelease, credentials);
        out.helmRelease = move.helmRelease;
        out.valuesSecret = move.secret;
        out.problems.erase(std::remove_if(out.problems.begin(), out.problems.end(),
                                          [](const Problem &p) {
                                              return p.rule ==
                                                     QLatin1String("helm-values-credential");
                                          }),
                           out.problems.end());
        out.problems += credentialProblems(edited, move.kept);
    }
    for (const QString &credentialPath : std::as_const(unknownCredentials))
        out.problems.append(unknownCredentialProblem(credentialFindingForPath(credentialPath),
                                                     toSecret, out.valuesSecret));
    return out;
}

// The Secret a HelmRelease's moved credentials live in follows the plan's Secret rules: written
// beside the HelmRelease (encrypted, or as plain text and flagged) only when the user included
// it; otherwise listed as excluded, and the HelmRelease's file says the Secret must exist in the
// cluster.
void addValuesSecret(Plan &plan, PlannedFiles &files, const PlanOptions &options,
                     const QJsonObject &secret, const QString &helmReleasePath)
{
    const ObjectKey key = ObjectKey::of(secret);
    if (options.includedSecrets.contains(key) && !options.excludedObjects.contains(key)) {
        files.addSecret(plan, options.encryptSecrets,
                        RepoPath::folderOf(helmReleasePath) + QLatin1Char('/') +
                            fileNameFor(secret, QStringLiteral("{name}-{kind}.yaml")),
                        key, renderedYaml(secret), {key});
        return;
    }
    const QString id = key.ns + QLatin1Char('/') + key.name;
    plan.excluded.append({key, Ownership::UserManaged,
                          tr("Holds the credentials moved out of %1; Secrets are written only "
                             "when included.")
                              .arg(helmReleasePath)});
    Problem p;
    p.severity = Problem::Severity::Warning;
    p.file = helmReleasePath;
    p.rule = QStringLiteral("plan-values-secret");
    p.message = tr("Reads its credentials from Secret %1, which is not in the repository: "
                   "create it in the cluster before Flux applies this HelmRelease, or "
                   "include it.")
                    .arg(id);
    plan.problems.append(p);
}

} // namespace

ReleasePlacement planHelmReleases(const Inventory &inventory, const PlanOptions &options,
                                  PlannedFiles &files, Plan &plan)
{
    ReleasePlacement out;
    QMap<QString, QList<HelmRelease>> releasesByNs;
    for (const HelmRelease &r : inventory.helmReleases())
        releasesByNs[r.ns].append(r);
    QHash<QString, QList<ObjectKey>> releaseObjects; // "ns/name" -> Helm-managed objects + records
    for (const InventoryEntry *e : inventory.entries()) {
        if (!e->classification.helmRelease.isEmpty())
            releaseObjects[e->classification.helmRelease].append(e->key);
    }
    const QStringList controllers = controllerCharts();
    QSet<QString> writtenSources;
    for (auto it = releasesByNs.constBegin(); it != releasesByNs.constEnd(); ++it) {
        const QString &ns = it.key();
        out.releaseNamespaces.insert(ns);
        for (const HelmRelease &r : it.value()) {
            const QString id = r.ns + QLatin1Char('/') + r.name;
            if (!r.installedByK3s.isEmpty())
                continue; // K3s keeps it: its objects are excluded as K3s's
            const ObjectKey releaseKey{QStringLiteral("helm.toolkit.fluxcd.io"),
                                       QStringLiteral("HelmRelease"), r.ns, r.name};
            if (options.excludedObjects.contains(releaseKey) ||
                !ruleExclusionReason(options, releaseKey).isEmpty()) {
                out.excludedReleases.insert(id);
                continue;
            }
            const Result<ConvertedRelease> converted = convertRelease(r, options);
            if (!converted) {
                Problem p;
                p.severity = Problem::Severity::Warning;
                p.rule = QStringLiteral("plan-helm-release");
                p.message = converted.error().message;
                plan.problems.append(p);
                continue;
            }
            const QString path = defaultHelmReleasePath(r);
            // A namespace's objects follow its first controller release into its folder.
            if (controllers.contains(r.chartName) && !out.nsFolder.contains(ns))
                out.nsFolder.insert(ns, RepoPath::folderOf(path));
            const QString written = files.add(path, PlannedFileKind::HelmRelease,
                                              converted->helmRelease, releaseObjects.value(id));
            out.releasePath.insert(id, written);
            out.helmReleaseKeys.insert(written, ObjectKey::of(converted->helmRelease));
            // The release's problems (values that look like credentials...) belong to its file,
            // so the Problems list opens it.
            for (Problem p : converted->problems) {
                if (p.severity == Problem::Severity::Info)
                    continue;
                p.file = written;
                plan.problems.append(p);
            }
            if (!converted->valuesSecret.isEmpty())
                addValuesSecret(plan, files, options, converted->valuesSecret, written);
            if (!converted->source.isEmpty() && !writtenSources.contains(converted->sourcePath)) {
                writtenSources.insert(converted->sourcePath);
                files.add(converted->sourcePath, PlannedFileKind::Source, converted->source, {});
            }
        }
        if (!out.nsFolder.contains(ns))
            out.nsFolder.insert(ns, stackFolder(ns));
    }
    return out;
}

} // namespace Fluxdesk
