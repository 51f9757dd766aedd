#include "plandecisions.h"

#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlanDecisions", text);
}

const QLatin1String apiVersionValue("fluxdesk.io/v1alpha1");

QJsonObject keyJson(const ObjectKey &key)
{
    QJsonObject o{{QStringLiteral("kind"), key.kind}, {QStringLiteral("name"), key.name}};
    if (!key.group.isEmpty())
        o.insert(QStringLiteral("group"), key.group);
    if (!key.ns.isEmpty())
        o.insert(QStringLiteral("namespace"), key.ns);
    return o;
}

} // namespace

bool PlanDecisions::isEmpty() const
{
    return cluster.isEmpty() && included.isEmpty() && excluded.isEmpty() && placements.isEmpty() &&
           chartSources.isEmpty();
}

bool PlanDecisions::operator==(const PlanDecisions &other) const
{
    if (chartSources.size() != other.chartSources.size())
        return false;
    for (int i = 0; i < chartSources.size(); ++i) {
        if (chartSources.at(i).toJson() != other.chartSources.at(i).toJson())
            return false;
    }
    return cluster == other.cluster && included == other.included && excluded == other.excluded &&
           placements == other.placements;
}

void PlanDecisions::applyTo(PlanOptions &options) const
{
    if (!cluster.isEmpty())
        options.cluster = cluster;
    options.includedSecrets.unite(included);
    options.excludedObjects.unite(excluded);
    for (auto it = placements.constBegin(); it != placements.constEnd(); ++it)
        options.placements.insert(it.key(), it.value());
    options.chartSources.userChoices.append(chartSources);
}

QByteArray PlanDecisions::toYaml() const
{
    // One entry per object, sorted, so a change reads as a one-line diff in review.
    QMap<ObjectKey, QJsonObject> entries;
    for (const ObjectKey &key : included)
        entries[key] = keyJson(key);
    for (const ObjectKey &key : excluded)
        entries[key] = keyJson(key);
    for (auto it = placements.constBegin(); it != placements.constEnd(); ++it)
        entries[it.key()] = keyJson(it.key());
    QJsonArray objects;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        QJsonObject entry = it.value();
        if (included.contains(it.key()))
            entry.insert(QStringLiteral("decision"), QStringLiteral("include"));
        if (excluded.contains(it.key()))
            entry.insert(QStringLiteral("decision"), QStringLiteral("exclude"));
        if (placements.contains(it.key()))
            entry.insert(QStringLiteral("path"), placements.value(it.key()));
        objects.append(entry);
    }
    QJsonObject document{{QStringLiteral("apiVersion"), apiVersionValue},
                         {QStringLiteral("kind"), QStringLiteral("Plan")}};
    if (!cluster.isEmpty())
        document.insert(QStringLiteral("cluster"), cluster);
    if (!objects.isEmpty())
        document.insert(QStringLiteral("objects"), objects);
    if (!chartSources.isEmpty()) {
        QJsonArray sources;
        for (const ChartSourceChoice &c : chartSources)
            sources.append(c.toJson());
        document.insert(QStringLiteral("chartSources"), sources);
    }
    QString text = Fluxdesk::toYaml(document);
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text.toUtf8();
}

Result<PlanDecisions> PlanDecisions::parse(const QByteArray &yaml, const QString &fileName)
{
    const Result<QJsonValue> value = parseYamlValue(yaml, fileName);
    if (!value)
        return value.error();
    PlanDecisions d;
    if (value->isNull() || value->isUndefined())
        return d; // an empty file
    if (!value->isObject())
        return Error(tr("the plan file must be a map"), fileName);
    const QJsonObject root = value->toObject();
    const QString kind = root.value(QLatin1String("kind")).toString();
    if (!kind.isEmpty() && kind != QLatin1String("Plan"))
        return Error(tr("expected kind: Plan, found \"%1\"").arg(kind), fileName);
    d.cluster = root.value(QLatin1String("cluster")).toString();
    if (!d.cluster.isEmpty() && !isValidClusterName(d.cluster))
        return Error(tr("cluster \"%1\" is not a valid name").arg(d.cluster), fileName);
    const QJsonArray objects = root.value(QLatin1String("objects")).toArray();
    for (const QJsonValue &v : objects) {
        const QJsonObject o = v.toObject();
        ObjectKey key;
        key.group = o.value(QLatin1String("group")).toString();
        key.kind = o.value(QLatin1String("kind")).toString();
        key.ns = o.value(QLatin1String("namespace")).toString();
        key.name = o.value(QLatin1String("name")).toString();
        if (key.kind.isEmpty() || key.name.isEmpty())
            return Error(tr("every entry of objects needs kind and name"), fileName);
        const QString decision = o.value(QLatin1String("decision")).toString();
        if (decision == QLatin1String("include"))
            d.included.insert(key);
        else if (decision == QLatin1String("exclude"))
            d.excluded.insert(key);
        else if (!decision.isEmpty())
            return Error(tr("unknown decision \"%1\" (include or exclude)").arg(decision),
                         fileName);
        const QString path = o.value(QLatin1String("path")).toString();
        if (!path.isEmpty()) {
            if (!isPlaceablePath(path))
                return Error(tr("path \"%1\" must be a .yaml file under infrastructure/ or "
                                "workloads/")
                                 .arg(path),
                             fileName);
            d.placements.insert(key, path);
        }
    }
    const QJsonArray sources = root.value(QLatin1String("chartSources")).toArray();
    for (const QJsonValue &v : sources)
        d.chartSources.append(ChartSourceChoice::fromJson(v.toObject()));
    return d;
}

QString planDecisionsPath()
{
    return QStringLiteral(".fluxdesk/plan.yaml");
}

Result<PlanDecisions> loadPlanDecisions(const QString &repoDir)
{
    const QString path = QDir(repoDir).filePath(planDecisionsPath());
    QFile file(path);
    if (!file.exists())
        return PlanDecisions();
    if (!file.open(QIODevice::ReadOnly))
        return Error(tr("cannot read: %1").arg(file.errorString()), path);
    return PlanDecisions::parse(file.readAll(), path);
}

Result<bool> savePlanDecisions(const QString &repoDir, const PlanDecisions &decisions)
{
    const Result<QString> path = pathInsideRepository(repoDir, planDecisionsPath());
    if (!path)
        return path.error();
    if (!QDir().mkpath(QFileInfo(*path).absolutePath()))
        return Error(tr("cannot create the folder"), QFileInfo(*path).absolutePath());
    QSaveFile file(*path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(tr("cannot write: %1").arg(file.errorString()), *path);
    file.write(decisions.toYaml());
    if (!file.commit())
        return Error(tr("cannot write: %1").arg(file.errorString()), *path);
    return true;
}

} // namespace Fluxdesk
