#include "chartcatalog.h"

#include "core/resources.h"
#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Fluxdesk {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Error catalogError(const QString &fileName, const QString &message)
{
    return Error(QCoreApplication::translate("ChartCatalog", "chart catalog: %1").arg(message),
                 fileName);
}

} // namespace

Result<ChartCatalog> ChartCatalog::fromYaml(const QByteArray &yaml, const QString &fileName)
{
    const Result<QJsonValue> parsed = parseYamlValue(yaml, fileName);
    if (!parsed)
        return parsed.error();
    const QJsonArray repositories =
        parsed->toObject().value(QLatin1String("repositories")).toArray();
    if (repositories.isEmpty())
        return catalogError(
            fileName, QCoreApplication::translate("ChartCatalog", "no \"repositories\" list"));
    ChartCatalog catalog;
    for (const QJsonValue &repoValue : repositories) {
        const QJsonObject repo = repoValue.toObject();
        ChartSource base;
        base.repositoryName = text(repo, "name");
        base.url = text(repo, "url");
        const QString type = text(repo, "type");
        if (type == QLatin1String("oci"))
            base.type = ChartSource::Type::Oci;
        else if (type != QLatin1String("http"))
            return catalogError(
                fileName, QCoreApplication::translate("ChartCatalog",
                                                      "repository \"%1\": type must be http or oci")
                              .arg(base.repositoryName));
        if (base.repositoryName.isEmpty() || base.url.isEmpty())
            return catalogError(fileName, QCoreApplication::translate(
                                              "ChartCatalog", "a repository lacks name or url"));
        const QJsonArray charts = repo.value(QLatin1String("charts")).toArray();
        for (const QJsonValue &chartValue : charts) {
            const QJsonObject c = chartValue.toObject();
            CatalogChart entry;
            entry.chart = text(c, "name");
            if (entry.chart.isEmpty())
                return catalogError(
                    fileName, QCoreApplication::translate(
                                  "ChartCatalog", "repository \"%1\" has a chart without name")
                                  .arg(base.repositoryName));
            entry.source = base;
            if (base.type == ChartSource::Type::Oci) {
                QString url = base.url;
                while (url.endsWith(QLatin1Char('/')))
                    url.chop(1);
                entry.source.url = url + QLatin1Char('/') + entry.chart;
            }
            const QString crds = text(c, "crds");
            if (crds == QLatin1String("folder"))
                entry.crds = ChartCrds::Folder;
            else if (crds == QLatin1String("templates"))
                entry.crds = ChartCrds::Templates;
            else if (!crds.isEmpty() && crds != QLatin1String("none"))
                return catalogError(
                    fileName,
                    QCoreApplication::translate(
                        "ChartCatalog", "chart \"%1\": crds must be none, folder or templates")
                        .arg(entry.chart));
            entry.crdsValue = text(c, "crdsValue");
            entry.versionPrefix = text(c, "versionPrefix");
            const QJsonArray formerly = c.value(QLatin1String("formerly")).toArray();
            for (const QJsonValue &url : formerly)
                entry.formerUrls.append(url.toString());
            entry.docs = text(repo, "docs");
            if (catalog.find(entry.chart))
                return catalogError(fileName, QCoreApplication::translate(
                                                  "ChartCatalog", "chart \"%1\" is listed twice")
                                                  .arg(entry.chart));
            catalog.m_charts.append(entry);
        }
    }
    return catalog;
}

const ChartCatalog &ChartCatalog::builtIn()
{
    static const ChartCatalog catalog = [] {
        initResources();
        const QString path = QStringLiteral(":/helm/chart-catalog.yaml");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return ChartCatalog();
        Result<ChartCatalog> parsed = fromYaml(file.readAll(), path);
        return parsed ? std::move(parsed).value() : ChartCatalog();
    }();
    return catalog;
}

std::optional<CatalogChart> ChartCatalog::find(const QString &chart) const
{
    for (const CatalogChart &entry : m_charts) {
        if (entry.chart == chart)
            return entry;
    }
    return std::nullopt;
}

} // namespace Fluxdesk
