#include "plandecisions.h"

#include "helm/valuescredentials.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "plan/bulkdecisions.h"
#include "plan/planner.h"
#include "repo/atomicfile.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <utility>

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

// The entry points in effect: the defaults, each replaced by the saved one of its name (an empty
// list, or one naming only workloads, still plans both).
QList<EntryPointSettings> effectiveEntryPoints(const QList<EntryPointSettings> &saved)
{
    QList<EntryPointSettings> out = defaultEntryPoints();
    for (EntryPointSettings &e : out) {
        for (const EntryPointSettings &s : saved) {
            if (s.name == e.name) {
                e = s;
                break;
            }
        }
    }
    return out;
}

QJsonObject entryPointJson(const EntryPointSettings &e)
{
    return QJsonObject{{QStringLiteral("name"), e.name},
                       {QStringLiteral("interval"), e.interval},
                       {QStringLiteral("retryInterval"), e.retryInterval},
                       {QStringLiteral("timeout"), e.timeout},
                       {QStringLiteral("prune"), e.prune},
                       {QStringLiteral("wait"), e.wait},
                       {QStringLiteral("dependsOn"), QJsonArray::fromStringList(e.dependsOn)},
                       {QStringLiteral("healthChecks"), e.healthChecks},
                       {QStringLiteral("suspend"), e.suspend}};
}

QJsonArray sortedArray(const QSet<QString> &set)
{
    QStringList list = set.values();
    list.sort();
    return QJsonArray::fromStringList(list);
}

// One list of the exclude: map; its entries checked with `valid`.
Result<QSet<QString>> ruleList(const YamlDocument &document, const QString &fileName,
                               const QJsonObject &rules, const QString &key,
                               bool (*valid)(const QString &), const QString &expected)
{
    QSet<QString> out;
    const QString at = yamlPathKey(QStringLiteral("exclude"), key);
    const QJsonValue value = rules.value(key);
    if (value.isUndefined() || value.isNull())
        return out;
    const auto errorAt = [&document, &fileName](const QString &message, const QString &path) {
        const QPair<int, int> position = document.positionOf(path);
        return Error(message, fileName, position.first, position.second);
    };
    if (!value.isArray())
        return errorAt(tr("exclude.%1 must be a list, such as [%2]").arg(key, expected), at);
    const QJsonArray list = value.toArray();
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isString() || !valid(list.at(i).toString()))
            return errorAt(tr("exclude.%1: \"%2\" is not a valid entry (such as %3)")
                               .arg(key,
                                    list.at(i).isString() ? list.at(i).toString()
                                                          : Fluxdesk::toYaml(list.at(i)).trimmed(),
                                    expected),
                           yamlPathIndex(at, i));
        out.insert(list.at(i).toString());
    }
    return out;
}

} // namespace

bool PlanDecisions::excludesByRule(const ObjectKey &key) const
{
    PlanOptions options;
    options.includedSecrets = included;
    options.excludedKinds = excludedKinds;
    options.excludedNamespaces = excludedNamespaces;
    return !ruleExclusionReason(options, key).isEmpty();
}

void PlanDecisions::excludeKind(const QString &kindRule)
{
    excludedKinds.insert(kindRule);
    for (auto it = included.begin(); it != included.end();) {
        if (kindRuleCovers(kindRule, *it))
            it = included.erase(it);
        else
            ++it;
    }
}

void PlanDecisions::includeKind(const QString &kindRule)
{
    excludedKinds.remove(kindRule);
    for (auto it = excluded.begin(); it != excluded.end();) {
        if (kindRuleCovers(kindRule, *it))
            it = excluded.erase(it);
        else
            ++it;
    }
}

void PlanDecisions::excludeNamespace(const QString &ns)
{
    excludedNamespaces.insert(ns);
    for (auto it = included.begin(); it != included.end();) {
        if (namespaceRuleCovers(ns, *it))
            it = included.erase(it);
        else
            ++it;
    }
}

void PlanDecisions::includeNamespace(const QString &ns)
{
    excludedNamespaces.remove(ns);
    for (auto it = excluded.begin(); it != excluded.end();) {
        if (namespaceRuleCovers(ns, *it))
            it = excluded.erase(it);
        else
            ++it;
    }
}

bool PlanDecisions::isEmpty() const
{
    return cluster.isEmpty() && included.isEmpty() && excluded.isEmpty() && placements.isEmpty() &&
           excludedKinds.isEmpty() && excludedNamespaces.isEmpty() && chartSources.isEmpty() &&
           releases.isEmpty() && !encryptSecrets &&
           effectiveEntryPoints(entryPoints) == defaultEntryPoints();
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
           placements == other.placements && excludedKinds == other.excludedKinds &&
           excludedNamespaces == other.excludedNamespaces && releases == other.releases &&
           encryptSecrets == other.encryptSecrets &&
           effectiveEntryPoints(entryPoints) == effectiveEntryPoints(other.entryPoints);
}

void PlanDecisions::applyTo(PlanOptions &options) const
{
    if (!cluster.isEmpty())
        options.cluster = cluster;
    options.includedSecrets.unite(included);
    options.excludedObjects.unite(excluded);
    options.excludedKinds.unite(excludedKinds);
    options.excludedNamespaces.unite(excludedNamespaces);
    for (auto it = placements.constBegin(); it != placements.constEnd(); ++it)
        options.placements.insert(it.key(), it.value());
    options.chartSources.userChoices.append(chartSources);
    options.releaseEdits.append(releases);
    if (!entryPoints.isEmpty())
        options.entryPoints = effectiveEntryPoints(entryPoints);
    if (encryptSecrets)
        options.encryptSecrets = true;
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
    if (!excludedKinds.isEmpty() || !excludedNamespaces.isEmpty()) {
        QJsonObject rules;
        if (!excludedKinds.isEmpty())
            rules.insert(QStringLiteral("kinds"), sortedArray(excludedKinds));
        if (!excludedNamespaces.isEmpty())
            rules.insert(QStringLiteral("namespaces"), sortedArray(excludedNamespaces));
        document.insert(QStringLiteral("exclude"), rules);
    }
    if (!chartSources.isEmpty()) {
        QJsonArray sources;
        for (const ChartSourceChoice &c : chartSources)
            sources.append(c.toJson());
        document.insert(QStringLiteral("chartSources"), sources);
    }
    if (!releases.isEmpty()) {
        QJsonArray edits;
        for (const ReleaseEdit &edit : releases) {
            // Whoever built the edit, no credential value of a Secret release is written.
            const ReleaseEdit e = releaseEditForPlanFile(edit);
            QJsonObject o{{QStringLiteral("namespace"), e.ns}, {QStringLiteral("name"), e.name}};
            if (e.hasValues)
                o.insert(QStringLiteral("values"), e.values);
            if (!e.credentialsInSecret.isEmpty())
                o.insert(QStringLiteral("credentialsInSecret"),
                         QJsonArray::fromStringList(e.credentialsInSecret));
            if (e.credentials == CredentialHandling::Inline)
                o.insert(QStringLiteral("credentials"), QStringLiteral("inline"));
            edits.append(o);
        }
        document.insert(QStringLiteral("releases"), edits);
    }
    if (encryptSecrets)
        document.insert(QStringLiteral("secrets"), QJsonObject{{QStringLiteral("encrypt"), true}});
    // Only settings that differ from the defaults are worth a review; then all of them, so the
    // file says what Flux gets.
    const QList<EntryPointSettings> effective = effectiveEntryPoints(entryPoints);
    if (effective != defaultEntryPoints()) {
        QJsonArray points;
        for (const EntryPointSettings &e : effective)
            points.append(entryPointJson(e));
        document.insert(QStringLiteral("entryPoints"), points);
    }
    QString text = Fluxdesk::toYaml(document);
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text.toUtf8();
}

Result<PlanDecisions> PlanDecisions::parse(const QByteArray &yaml, const QString &fileName)
{
    YamlParseOptions parseOptions;
    parseOptions.recordPositions = true; // errors point at the line to fix
    const Result<QList<YamlDocument>> documents = parseYamlDocuments(yaml, fileName, parseOptions);
    if (!documents)
        return documents.error();
    PlanDecisions d;
    if (documents->isEmpty())
        return d; // an empty file
    const YamlDocument &document = documents->first();
    const auto errorAt = [&document, &fileName](const QString &message, const QString &path) {
        const QPair<int, int> at = document.positionOf(path);
        return Error(message, fileName, at.first, at.second);
    };
    // An unknown key is pointed at where it is written, not where its value starts.
    const auto keyErrorAt = [&document, &fileName](const QString &message, const QString &path) {
        const QPair<int, int> at = document.keyPositions.value(path, document.positionOf(path));
        return Error(message, fileName, at.first, at.second);
    };
    const QJsonValue *value = &document.value;
    if (value->isNull() || value->isUndefined())
        return d;
    if (!value->isObject())
        return errorAt(tr("the plan file must be a map"), QString());
    const QJsonObject root = value->toObject();
    static const QStringList knownKeys{
        QStringLiteral("apiVersion"), QStringLiteral("kind"),    QStringLiteral("cluster"),
        QStringLiteral("objects"),    QStringLiteral("exclude"), QStringLiteral("chartSources"),
        QStringLiteral("releases"),   QStringLiteral("secrets"), QStringLiteral("entryPoints")};
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (!knownKeys.contains(it.key()))
            return keyErrorAt(tr("unknown key \"%1\" (known: %2)")
                                  .arg(it.key(), knownKeys.join(QLatin1String(", "))),
                              yamlPathKey(QString(), it.key()));
    }
    const QString kind = root.value(QLatin1String("kind")).toString();
    if (!kind.isEmpty() && kind != QLatin1String("Plan"))
        return errorAt(tr("expected kind: Plan, found \"%1\"").arg(kind), QStringLiteral("kind"));
    d.cluster = root.value(QLatin1String("cluster")).toString();
    if (!d.cluster.isEmpty() && !isValidClusterName(d.cluster))
        return errorAt(tr("cluster \"%1\" is not a valid name").arg(d.cluster),
                       QStringLiteral("cluster"));
    const QJsonArray objects = root.value(QLatin1String("objects")).toArray();
    for (int i = 0; i < objects.size(); ++i) {
        const QJsonObject o = objects.at(i).toObject();
        const QString at = yamlPathIndex(QStringLiteral("objects"), i);
        ObjectKey key;
        key.group = o.value(QLatin1String("group")).toString();
        key.kind = o.value(QLatin1String("kind")).toString();
        key.ns = o.value(QLatin1String("namespace")).toString();
        key.name = o.value(QLatin1String("name")).toString();
        if (key.kind.isEmpty() || key.name.isEmpty())
            return errorAt(tr("every entry of objects needs kind and name"), at);
        const QString decision = o.value(QLatin1String("decision")).toString();
        if (decision == QLatin1String("include"))
            d.included.insert(key);
        else if (decision == QLatin1String("exclude"))
            d.excluded.insert(key);
        else if (!decision.isEmpty())
            return errorAt(tr("unknown decision \"%1\" (include or exclude)").arg(decision),
                           yamlPathKey(at, QStringLiteral("decision")));
        const QString path = o.value(QLatin1String("path")).toString();
        if (!path.isEmpty()) {
            if (!isPlaceablePath(path))
                return errorAt(tr("path \"%1\" must be a .yaml file under infrastructure/ or "
                                  "workloads/")
                                   .arg(path),
                               yamlPathKey(at, QStringLiteral("path")));
            d.placements.insert(key, path);
        }
    }
    const QJsonValue rules = root.value(QLatin1String("exclude"));
    if (!rules.isUndefined() && !rules.isNull()) {
        if (!rules.isObject())
            return errorAt(tr("exclude must be a map with kinds and namespaces, such as "
                              "{kinds: [ConfigMap], namespaces: [kube-system]}"),
                           QStringLiteral("exclude"));
        const QJsonObject map = rules.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (it.key() != QLatin1String("kinds") && it.key() != QLatin1String("namespaces"))
                return keyErrorAt(
                    tr("unknown key \"%1\" under exclude (kinds or namespaces)").arg(it.key()),
                    yamlPathKey(QStringLiteral("exclude"), it.key()));
        }
        Result<QSet<QString>> kinds =
            ruleList(document, fileName, map, QStringLiteral("kinds"), &isKindRuleName,
                     QStringLiteral("ConfigMap, Deployment.apps"));
        if (!kinds)
            return kinds.error();
        Result<QSet<QString>> namespaces =
            ruleList(document, fileName, map, QStringLiteral("namespaces"), &isValidClusterName,
                     QStringLiteral("kube-system"));
        if (!namespaces)
            return namespaces.error();
        d.excludedKinds = std::move(kinds).value();
        d.excludedNamespaces = std::move(namespaces).value();
    }
    const QJsonValue secrets = root.value(QLatin1String("secrets"));
    if (!secrets.isUndefined() && !secrets.isNull()) {
        if (!secrets.isObject())
            return errorAt(tr("secrets must be a map, such as {encrypt: true}"),
                           QStringLiteral("secrets"));
        const QJsonObject map = secrets.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (it.key() != QLatin1String("encrypt"))
                return keyErrorAt(tr("unknown key \"%1\" under secrets (encrypt)").arg(it.key()),
                                  yamlPathKey(QStringLiteral("secrets"), it.key()));
        }
        const QJsonValue encrypt = map.value(QLatin1String("encrypt"));
        if (!encrypt.isUndefined() && !encrypt.isBool())
            return errorAt(tr("secrets.encrypt must be true or false"),
                           yamlPathKey(QStringLiteral("secrets"), QStringLiteral("encrypt")));
        d.encryptSecrets = encrypt.toBool();
    }
    const QJsonArray sources = root.value(QLatin1String("chartSources")).toArray();
    for (const QJsonValue &v : sources)
        d.chartSources.append(ChartSourceChoice::fromJson(v.toObject()));

    const QJsonArray edits = root.value(QLatin1String("releases")).toArray();
    for (int i = 0; i < edits.size(); ++i) {
        const QString at = yamlPathIndex(QStringLiteral("releases"), i);
        const QJsonObject o = edits.at(i).toObject();
        ReleaseEdit e;
        e.ns = o.value(QLatin1String("namespace")).toString();
        e.name = o.value(QLatin1String("name")).toString();
        if (!edits.at(i).isObject() || e.ns.isEmpty() || e.name.isEmpty())
            return errorAt(tr("every entry of releases needs a namespace and a name"), at);
        const QJsonValue values = o.value(QLatin1String("values"));
        if (!values.isUndefined() && !values.isNull() && !values.isObject())
            return errorAt(tr("values must be a map"), yamlPathKey(at, QStringLiteral("values")));
        e.hasValues = values.isObject();
        e.values = values.toObject();
        // Moving credentials to a Secret is the default now; an old moveCredentials: true says
        // the same.
        const QJsonValue credentials = o.value(QLatin1String("credentials"));
        if (credentials == QJsonValue(QStringLiteral("inline")))
            e.credentials = CredentialHandling::Inline;
        else if (!credentials.isUndefined() && credentials != QJsonValue(QStringLiteral("secret")))
            return errorAt(tr("credentials must be secret or inline"),
                           yamlPathKey(at, QStringLiteral("credentials")));
        const QJsonValue inSecret = o.value(QLatin1String("credentialsInSecret"));
        const QString inSecretAt = yamlPathKey(at, QStringLiteral("credentialsInSecret"));
        if (!inSecret.isUndefined() && !inSecret.isArray())
            return errorAt(tr("credentialsInSecret must be a list of paths into values"),
                           inSecretAt);
        const QJsonArray paths = inSecret.toArray();
        for (int n = 0; n < paths.size(); ++n) {
            QList<ValuesPathSegment> segments;
            if (!paths.at(n).isString() || !parseValuesPath(paths.at(n).toString(), &segments))
                return errorAt(tr("credentialsInSecret must be a list of paths into values"),
                               yamlPathIndex(inSecretAt, n));
            e.credentialsInSecret.append(paths.at(n).toString());
        }
        d.releases.append(e);
    }

    const QList<EntryPointSettings> defaults = defaultEntryPoints();
    QStringList known;
    for (const EntryPointSettings &e : defaults)
        known.append(e.name);
    const QJsonArray points = root.value(QLatin1String("entryPoints")).toArray();
    for (int i = 0; i < points.size(); ++i) {
        const QString at = yamlPathIndex(QStringLiteral("entryPoints"), i);
        if (!points.at(i).isObject())
            return errorAt(tr("every entry of entryPoints must be a map"), at);
        const QJsonObject o = points.at(i).toObject();
        EntryPointSettings e;
        e.name = o.value(QLatin1String("name")).toString();
        if (!known.contains(e.name))
            return errorAt(
                tr("unknown entry point \"%1\" (%2)").arg(e.name, known.join(QLatin1String(", "))),
                yamlPathKey(at, QStringLiteral("name")));
        for (const EntryPointSettings &seen : std::as_const(d.entryPoints)) {
            if (seen.name == e.name)
                return errorAt(tr("entry point \"%1\" is listed twice").arg(e.name),
                               yamlPathKey(at, QStringLiteral("name")));
        }
        // A field left out keeps its default.
        for (const EntryPointSettings &def : defaults) {
            if (def.name == e.name)
                e = def;
        }
        const struct
        {
            const char *key;
            QString *value;
        } durations[] = {{"interval", &e.interval},
                         {"retryInterval", &e.retryInterval},
                         {"timeout", &e.timeout}};
        for (const auto &field : durations) {
            const QLatin1String key(field.key);
            if (!o.contains(key))
                continue;
            const QJsonValue v = o.value(key);
            if (!v.isString() || !isValidFluxDuration(v.toString()))
                return errorAt(tr("%1 \"%2\" is not a duration such as 30s, 10m or 1h30m")
                                   .arg(QString(key), v.isString() ? v.toString()
                                                                   : QString::number(v.toDouble())),
                               yamlPathKey(at, key));
            *field.value = v.toString();
        }
        const struct
        {
            const char *key;
            bool *value;
        } flags[] = {{"prune", &e.prune},
                     {"wait", &e.wait},
                     {"healthChecks", &e.healthChecks},
                     {"suspend", &e.suspend}};
        for (const auto &field : flags) {
            const QLatin1String key(field.key);
            if (!o.contains(key))
                continue;
            if (!o.value(key).isBool())
                return errorAt(tr("%1 must be true or false").arg(key), yamlPathKey(at, key));
            *field.value = o.value(key).toBool();
        }
        if (o.contains(QLatin1String("dependsOn"))) {
            const QString dependsAt = yamlPathKey(at, QStringLiteral("dependsOn"));
            if (!o.value(QLatin1String("dependsOn")).isArray())
                return errorAt(tr("dependsOn must be a list of entry point names"), dependsAt);
            const QJsonArray names = o.value(QLatin1String("dependsOn")).toArray();
            e.dependsOn.clear();
            for (int n = 0; n < names.size(); ++n) {
                // Flux's own spelling, {name: infrastructure}, reads too.
                const QString name =
                    names.at(n).isObject()
                        ? names.at(n).toObject().value(QLatin1String("name")).toString()
                        : names.at(n).toString();
                if (!known.contains(name) || name == e.name || e.dependsOn.contains(name))
                    return errorAt(tr("dependsOn \"%1\" must name another entry point (%2)")
                                       .arg(name, known.join(QLatin1String(", "))),
                                   yamlPathIndex(dependsAt, n));
                e.dependsOn.append(name);
            }
        }
        d.entryPoints.append(e);
    }
    // Two entry points waiting for each other would never apply.
    const QList<EntryPointSettings> effective = effectiveEntryPoints(d.entryPoints);
    for (const EntryPointSettings &a : effective) {
        for (const EntryPointSettings &b : effective) {
            if (a.dependsOn.contains(b.name) && b.dependsOn.contains(a.name))
                return errorAt(
                    tr("entry points \"%1\" and \"%2\" depend on each other").arg(a.name, b.name),
                    QStringLiteral("entryPoints"));
        }
    }
    return d;
}

ReleaseEdit releaseEditForPlanFile(const ReleaseEdit &edit)
{
    if (!edit.hasValues || edit.credentials != CredentialHandling::Secret)
        return edit;
    ReleaseEdit out = edit;
    const ValuesWithoutCredentials stripped = withoutCredentialValues(edit.values);
    out.values = stripped.values;
    for (const QString &path : stripped.paths) {
        if (!out.credentialsInSecret.contains(path))
            out.credentialsInSecret.append(path);
    }
    return out;
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
    return replaceFile(*path, decisions.toYaml());
}

} // namespace Fluxdesk
