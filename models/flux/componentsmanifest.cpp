#include "componentsmanifest.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ComponentsManifest", text);
}

const QLatin1String fluxNamespace("flux-system");

// The CRDs each controller needs to do its work (older CRDs such as OCIRepository are left out,
// so that a Flux 2.0 manifest passes).
const QHash<QString, QStringList> &crdsOf()
{
    static const QHash<QString, QStringList> crds{
        {QStringLiteral("source-controller"),
         {QStringLiteral("gitrepositories.source.toolkit.fluxcd.io"),
          QStringLiteral("helmrepositories.source.toolkit.fluxcd.io"),
          QStringLiteral("helmcharts.source.toolkit.fluxcd.io"),
          QStringLiteral("buckets.source.toolkit.fluxcd.io")}},
        {QStringLiteral("kustomize-controller"),
         {QStringLiteral("kustomizations.kustomize.toolkit.fluxcd.io")}},
        {QStringLiteral("helm-controller"),
         {QStringLiteral("helmreleases.helm.toolkit.fluxcd.io")}},
        {QStringLiteral("notification-controller"),
         {QStringLiteral("alerts.notification.toolkit.fluxcd.io"),
          QStringLiteral("providers.notification.toolkit.fluxcd.io"),
          QStringLiteral("receivers.notification.toolkit.fluxcd.io")}},
        {QStringLiteral("image-reflector-controller"),
         {QStringLiteral("imagerepositories.image.toolkit.fluxcd.io"),
          QStringLiteral("imagepolicies.image.toolkit.fluxcd.io")}},
        {QStringLiteral("image-automation-controller"),
         {QStringLiteral("imageupdateautomations.image.toolkit.fluxcd.io")}},
    };
    return crds;
}

// The header `flux install --export` writes: "# Flux Version: v2.4.0", and its line.
QString headerVersion(const QByteArray &text, int *line)
{
    static const QRegularExpression header(QStringLiteral("^# Flux Version: *(\\S+)"),
                                           QRegularExpression::MultilineOption |
                                               QRegularExpression::CaseInsensitiveOption);
    const QString head = QString::fromUtf8(text.left(4096));
    const QRegularExpressionMatch m = header.match(head);
    if (!m.hasMatch())
        return {};
    *line = int(head.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
    return m.captured(1);
}

} // namespace

QString normalizedFluxVersion(const QString &version)
{
    static const QRegularExpression release(
        QStringLiteral("^v?(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)$"));
    const QRegularExpressionMatch m = release.match(version.trimmed());
    return m.hasMatch() ? QLatin1Char('v') + m.captured(1) : QString();
}

Result<ComponentsManifest> checkComponentsManifest(const QByteArray &text, const QString &origin,
                                                   const QString &expectedVersion)
{
    const auto notFlux = [&](const QString &why, int line = 0, int column = 0) {
        //: %1 says what is missing or wrong
        return Error(tr("not a Flux components manifest: %1").arg(why), origin, line, column);
    };
    if (text.size() > maxComponentsManifestBytes)
        return notFlux(tr("it is %1 MB, larger than any Flux release's (%2 MB at most)")
                           .arg(text.size() / (1024 * 1024))
                           .arg(maxComponentsManifestBytes / (1024 * 1024)));
    if (text.trimmed().isEmpty())
        return notFlux(tr("it is empty"));

    ComponentsManifest manifest;
    manifest.text = text;
    manifest.origin = origin;
    Result<QList<YamlDocument>> docs = parseYamlDocuments(text, origin);
    if (!docs)
        return docs.error();

    bool hasNamespace = false;
    QSet<QString> crds;
    QString labelVersion;
    int labelLine = 0;
    for (const YamlDocument &doc : *docs) {
        const QJsonObject object = doc.value.toObject();
        const QString kind = object.value(QLatin1String("kind")).toString();
        if (!doc.value.isObject() || kind.isEmpty() ||
            object.value(QLatin1String("apiVersion")).toString().isEmpty())
            return notFlux(tr("this document is not a Kubernetes object (no apiVersion and kind)"),
                           doc.line, 1);
        const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        const QString name = metadata.value(QLatin1String("name")).toString();
        if (kind == QLatin1String("Namespace") && name == fluxNamespace) {
            hasNamespace = true;
            labelVersion = metadata.value(QLatin1String("labels"))
                               .toObject()
                               .value(QLatin1String("app.kubernetes.io/version"))
                               .toString();
            labelLine = doc.line;
        } else if (kind == QLatin1String("CustomResourceDefinition")) {
            crds.insert(name);
        } else if (kind == QLatin1String("Deployment") &&
                   metadata.value(QLatin1String("namespace")).toString() == fluxNamespace) {
            manifest.components.append(name);
        }
    }
    if (!hasNamespace)
        return notFlux(tr("it has no Namespace flux-system"));
    for (const char *required : {"source-controller", "kustomize-controller"}) {
        if (!manifest.components.contains(QLatin1String(required)))
            return notFlux(
                tr("it has no Deployment %1 in flux-system").arg(QLatin1String(required)));
    }
    for (const QString &component : std::as_const(manifest.components)) {
        for (const QString &crd : crdsOf().value(component)) {
            if (!crds.contains(crd))
                return notFlux(tr("it installs %1 but not its CustomResourceDefinition %2")
                                   .arg(component, crd));
        }
    }

    int line = 0;
    QString said = headerVersion(text, &line);
    if (said.isEmpty() && !labelVersion.isEmpty()) {
        said = labelVersion;
        line = labelLine;
    }
    manifest.version = said.isEmpty() ? QString() : normalizedFluxVersion(said);
    if (!said.isEmpty() && manifest.version.isEmpty())
        return notFlux(tr("its version \"%1\" is not a Flux release version").arg(said), line, 1);
    const QString expected = normalizedFluxVersion(expectedVersion);
    if (!expected.isEmpty() && !manifest.version.isEmpty() && manifest.version != expected)
        return Error(tr("this is the components manifest of Flux %1, not of %2 as asked: choose "
                        "the manifest of %2, or ask for %1")
                         .arg(manifest.version, expected),
                     origin, line, 1);
    if (manifest.version.isEmpty())
        manifest.version = expected;
    manifest.documents = std::move(*docs);
    return manifest;
}

} // namespace Fluxdesk
