#include "fluxobjectstatus.h"

#include "flux/fluxkinds.h"
#include "manifest/apiversion.h"

#include <QJsonArray>

namespace Fluxdesk {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

FluxRef sourceRefOf(const QJsonObject &ref, const QString &defaultNs)
{
    FluxRef r;
    r.kind = str(ref, "kind");
    r.name = str(ref, "name");
    r.ns = str(ref, "namespace");
    if (r.ns.isEmpty())
        r.ns = defaultNs;
    const QString apiVersion = str(ref, "apiVersion");
    r.group = apiVersion.isEmpty() ? FluxKinds::sourceGroup(r.kind) : groupOfApiVersion(apiVersion);
    return r;
}

} // namespace

FluxRef FluxObjectStatus::ref() const
{
    return {group, kind, ns, name};
}

FluxObjectStatus FluxObjectStatus::of(const QJsonObject &object)
{
    FluxObjectStatus s;
    const QJsonObject meta = obj(object, "metadata");
    const QJsonObject spec = obj(object, "spec");
    const QJsonObject status = obj(object, "status");
    s.group = groupOfApiVersion(str(object, "apiVersion"));
    s.kind = str(object, "kind");
    s.ns = str(meta, "namespace");
    s.name = str(meta, "name");
    s.verdict = FluxReadinessRules::of(object);
    s.suspended = spec.value(QLatin1String("suspend")).toBool();
    s.conditions = FluxReadinessRules::conditions(object);
    s.lastHandledReconcileAt = str(status, "lastHandledReconcileAt");
    s.lastAttemptedRevision = str(status, "lastAttemptedRevision");

    const FluxKind *kind = FluxKinds::find(s.group, s.kind);
    const FluxKind::Category category = kind ? kind->category : FluxKind::Category::Source;

    for (const QJsonValue &v : spec.value(QLatin1String("dependsOn")).toArray()) {
        const QJsonObject d = v.toObject();
        FluxRef r{s.group, s.kind, str(d, "namespace"), str(d, "name")};
        if (r.ns.isEmpty())
            r.ns = s.ns;
        if (!r.name.isEmpty())
            s.dependsOn.append(r);
    }

    switch (category) {
    case FluxKind::Category::Source: {
        const QJsonObject artifact = obj(status, "artifact");
        s.revision = str(artifact, "revision");
        s.lastApplied = FluxReadinessRules::parseTime(str(artifact, "lastUpdateTime"));
        if (s.kind == QLatin1String("HelmChart"))
            s.sourceRef = sourceRefOf(obj(spec, "sourceRef"), s.ns);
        break;
    }
    case FluxKind::Category::Kustomization:
        s.revision = str(status, "lastAppliedRevision");
        s.sourceRef = sourceRefOf(obj(spec, "sourceRef"), s.ns);
        break;
    case FluxKind::Category::HelmRelease: {
        const QJsonArray history = status.value(QLatin1String("history")).toArray();
        if (!history.isEmpty()) {
            const QJsonObject latest = history.first().toObject();
            s.revision = str(latest, "chartVersion");
            s.releaseRevision = latest.value(QLatin1String("version")).toInt();
            s.lastApplied = FluxReadinessRules::parseTime(str(latest, "lastDeployed"));
        }
        if (s.revision.isEmpty())
            s.revision = str(status, "lastAppliedRevision"); // v2beta1
        if (s.revision.isEmpty())
            s.revision = s.lastAttemptedRevision;
        // helm-controller records the release it manages in history; before the first install,
        // spec.releaseName or "[<targetNamespace>-]<name>" as it names a new release.
        if (!history.isEmpty())
            s.releaseName = str(history.first().toObject(), "name");
        if (s.releaseName.isEmpty())
            s.releaseName = str(spec, "releaseName");
        if (s.releaseName.isEmpty()) {
            const QString target = str(spec, "targetNamespace");
            s.releaseName = target.isEmpty() ? s.name : target + QLatin1Char('-') + s.name;
        }
        s.storageNamespace = str(status, "storageNamespace");
        if (s.storageNamespace.isEmpty())
            s.storageNamespace = str(spec, "storageNamespace");
        if (s.storageNamespace.isEmpty())
            s.storageNamespace = s.ns;
        const QJsonObject chartRef = obj(spec, "chartRef");
        if (!chartRef.isEmpty()) {
            s.sourceRef = sourceRefOf(chartRef, s.ns);
        } else {
            s.sourceRef = sourceRefOf(obj(obj(obj(spec, "chart"), "spec"), "sourceRef"), s.ns);
            const QString chart = str(status, "helmChart");
            const qsizetype slash = chart.indexOf(QLatin1Char('/'));
            s.helmChart.group = FluxKinds::sourceGroup(QStringLiteral("HelmChart"));
            s.helmChart.kind = QStringLiteral("HelmChart");
            if (slash > 0) {
                s.helmChart.ns = chart.left(slash);
                s.helmChart.name = chart.mid(slash + 1);
            } else if (s.sourceRef.isValid()) {
                s.helmChart.ns = s.sourceRef.ns;
                s.helmChart.name = s.ns + QLatin1Char('-') + s.name;
            }
        }
        break;
    }
    case FluxKind::Category::Instance:
        s.revision = str(status, "lastAppliedRevision");
        break;
    }

    if (!s.lastApplied.isValid()) {
        for (const FluxCondition &c : s.conditions) {
            if (c.type == QLatin1String("Ready"))
                s.lastApplied = c.lastTransitionTime;
        }
    }
    return s;
}

} // namespace Fluxdesk
