#include "fluxinstance.h"

#include "manifest/yamlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Fluxdesk {

namespace {

// Double-quoted, as the operator's documentation writes versions, URLs and paths.
QString quoted(const QString &text)
{
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString plainOrQuoted(const QString &text)
{
    return isPlainSafe(text) ? text : quoted(text);
}

} // namespace

QStringList FluxInstanceSettings::defaultComponents()
{
    return {QStringLiteral("source-controller"), QStringLiteral("kustomize-controller"),
            QStringLiteral("helm-controller"), QStringLiteral("notification-controller")};
}

QString FluxInstanceSettings::syncPath() const
{
    BootstrapSettings s;
    s.cluster = cluster;
    s.path = path;
    return s.syncPath();
}

QString FluxInstanceSettings::folder() const
{
    return QStringLiteral("clusters/") + cluster + QStringLiteral("/flux-system");
}

QByteArray fluxInstanceYaml(const FluxInstanceSettings &s)
{
    QString text = QStringLiteral("apiVersion: fluxcd.controlplane.io/v1\n"
                                  "kind: FluxInstance\n"
                                  "metadata:\n"
                                  "  name: flux\n"
                                  "  namespace: flux-system\n"
                                  "spec:\n"
                                  "  distribution:\n"
                                  "    version: ") +
                   quoted(s.version) + QStringLiteral("\n    registry: ") + quoted(s.registry) +
                   QStringLiteral("\n  components:\n");
    for (const QString &c : s.components)
        text += QStringLiteral("    - ") + plainOrQuoted(c) + QLatin1Char('\n');
    text += QStringLiteral("  cluster:\n    type: ") + plainOrQuoted(s.clusterType) +
            QStringLiteral("\n  sync:\n    kind: GitRepository\n    url: ") + quoted(s.url) +
            QStringLiteral("\n    ref: ") + quoted(QStringLiteral("refs/heads/") + s.branch) +
            QStringLiteral("\n    path: ") + quoted(s.syncPath()) + QLatin1Char('\n');
    if (!s.pullSecret.isEmpty())
        text += QStringLiteral("    pullSecret: ") + quoted(s.pullSecret) + QLatin1Char('\n');
    return text.toUtf8();
}

QList<BootstrapFile> fluxInstanceFiles(const FluxInstanceSettings &settings)
{
    const QString folder = settings.folder() + QLatin1Char('/');
    return {
        {folder + QStringLiteral("flux-instance.yaml"), fluxInstanceYaml(settings)},
        {folder + QStringLiteral("kustomization.yaml"),
         fluxSystemKustomizationYaml({QStringLiteral("flux-instance.yaml")})},
    };
}

} // namespace Fluxdesk
