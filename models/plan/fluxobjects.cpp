#include "fluxobjects.h"

#include "kube/inventory.h"
#include "manifest/yamlwriter.h"
#include "secrets/sopssetup.h"

#include <algorithm>
#include <tuple>

namespace Fluxdesk {

namespace {

bool isWorkload(const ObjectKey &key)
{
    return key.group == QLatin1String("apps") &&
           (key.kind == QLatin1String("Deployment") || key.kind == QLatin1String("StatefulSet"));
}

} // namespace

QString renderedYaml(const QJsonObject &object)
{
    QString text = toYaml(object);
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

QJsonObject fluxKustomization(const EntryPointSettings &settings, const QString &path,
                              const QJsonArray &healthChecks, bool decryption)
{
    QJsonObject spec{{QStringLiteral("interval"), settings.interval},
                     {QStringLiteral("retryInterval"), settings.retryInterval},
                     {QStringLiteral("timeout"), settings.timeout},
                     {QStringLiteral("sourceRef"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                  {QStringLiteral("name"), QStringLiteral("flux-system")}}},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("prune"), settings.prune},
                     {QStringLiteral("wait"), settings.wait}};
    if (!settings.dependsOn.isEmpty()) {
        QJsonArray dependsOn;
        for (const QString &name : settings.dependsOn)
            dependsOn.append(QJsonObject{{QStringLiteral("name"), name}});
        spec.insert(QStringLiteral("dependsOn"), dependsOn);
    }
    if (settings.healthChecks && !healthChecks.isEmpty())
        spec.insert(QStringLiteral("healthChecks"), healthChecks);
    if (settings.suspend)
        spec.insert(QStringLiteral("suspend"), true);
    if (decryption)
        spec.insert(
            QStringLiteral("decryption"),
            QJsonObject{{QStringLiteral("provider"), QStringLiteral("sops")},
                        {QStringLiteral("secretRef"),
                         QJsonObject{{QStringLiteral("name"), Sops::decryptionSecretName()}}}});
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("Kustomization")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), settings.name},
                     {QStringLiteral("namespace"), QStringLiteral("flux-system")}}},
        {QStringLiteral("spec"), spec}};
}

QJsonObject minimalNamespace(const QString &name)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
}

QJsonObject folderKustomization(const QStringList &entries)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("kustomize.config.k8s.io/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("Kustomization")},
        {QStringLiteral("resources"), QJsonArray::fromStringList(entries)}};
}

QJsonArray healthChecksUnder(const QMap<QString, PlannedFile> &files, const QString &root,
                             const Inventory &inventory,
                             const QHash<QString, ObjectKey> &helmReleaseKeys)
{
    QMap<std::tuple<QString, QString, QString, QString>, bool> checks; // sorted, unique
    const QString prefix = root + QLatin1Char('/');
    for (auto it = files.lowerBound(prefix); it != files.constEnd() && it.key().startsWith(prefix);
         ++it) {
        const PlannedFile &f = it.value();
        if (f.kind == PlannedFileKind::Manifest) {
            for (const ObjectKey &key : f.objects) {
                const InventoryEntry *entry = isWorkload(key) ? inventory.find(key) : nullptr;
                if (entry)
                    checks.insert({entry->apiVersion, key.kind, key.ns, key.name}, true);
            }
        } else if (f.kind == PlannedFileKind::HelmRelease) {
            const bool carriesWorkload =
                std::any_of(f.objects.cbegin(), f.objects.cend(), isWorkload);
            const ObjectKey release = helmReleaseKeys.value(f.path);
            if (carriesWorkload && !release.name.isEmpty())
                checks.insert({QStringLiteral("helm.toolkit.fluxcd.io/v2"), release.kind,
                               release.ns, release.name},
                              true);
        }
    }
    QJsonArray out;
    for (auto it = checks.constBegin(); it != checks.constEnd(); ++it) {
        QJsonObject check{{QStringLiteral("apiVersion"), std::get<0>(it.key())},
                          {QStringLiteral("kind"), std::get<1>(it.key())},
                          {QStringLiteral("name"), std::get<3>(it.key())}};
        if (!std::get<2>(it.key()).isEmpty())
            check.insert(QStringLiteral("namespace"), std::get<2>(it.key()));
        out.append(check);
    }
    return out;
}

} // namespace Fluxdesk
