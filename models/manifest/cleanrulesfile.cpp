#include "cleaner.h"

#include "core/resources.h"
#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

// Where cleaning rules come from: the built-in defaults, a rules file, a repository's
// .fluxdesk/clean-rules.yaml over the defaults. (CleanRules::build compiles them, in cleaner.cpp.)

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CleanRules", text);
}

} // namespace

Result<CleanRules> CleanRules::parse(const QByteArray &yaml, const QString &fileName)
{
    const Result<QJsonValue> value = parseYamlValue(yaml, fileName);
    if (!value)
        return value.error();
    const QJsonObject root = value->toObject();
    if (!value->isObject() || !root.value(QLatin1String("rules")).isArray())
        return Error(tr("a rules file needs a \"rules\" list"), fileName, 1, 1);
    QList<QJsonObject> raw;
    for (const QJsonValue &r : root.value(QLatin1String("rules")).toArray()) {
        if (!r.isObject())
            return Error(tr("every rule must be a map"), fileName);
        raw.append(r.toObject());
    }
    QStringList managers;
    for (const QJsonValue &m : root.value(QLatin1String("personManagers")).toArray())
        managers.append(m.toString());
    QStringList editing;
    for (const QJsonValue &m : root.value(QLatin1String("editingManagers")).toArray())
        editing.append(m.toString());
    return build(raw, managers, editing, fileName);
}

CleanRules CleanRules::defaults()
{
    static const CleanRules rules = [] {
        initResources();
        QFile file(QStringLiteral(":/rules/clean-rules.yaml"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("Fluxdesk: the built-in cleaning rules are missing");
        const Result<CleanRules> parsed = parse(file.readAll(), file.fileName());
        if (!parsed)
            qFatal("Fluxdesk: the built-in cleaning rules do not parse: %s",
                   qPrintable(parsed.error().toString()));
        return parsed.value();
    }();
    return rules;
}

Result<CleanRules> CleanRules::forRepository(const QString &repoDir)
{
    const CleanRules base = defaults();
    const QString path = QDir(repoDir).filePath(QStringLiteral(".fluxdesk/clean-rules.yaml"));
    if (!QFileInfo::exists(path))
        return base;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(tr("cannot read the file"), path);
    const Result<QJsonValue> value = parseYamlValue(file.readAll(), path);
    if (!value)
        return value.error();
    const QJsonObject root = value->toObject();
    QList<QJsonObject> raw = base.m_raw;
    QStringList managers = base.m_personManagers;
    for (const QJsonValue &m : root.value(QLatin1String("personManagers")).toArray()) {
        if (!managers.contains(m.toString()))
            managers.append(m.toString());
    }
    QStringList editing = base.m_editingManagers;
    for (const QJsonValue &m : root.value(QLatin1String("editingManagers")).toArray()) {
        if (!editing.contains(m.toString()))
            editing.append(m.toString());
    }
    for (const QJsonValue &r : root.value(QLatin1String("rules")).toArray()) {
        const QJsonObject override_ = r.toObject();
        const QString name = override_.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            return Error(tr("a rule without a name"), path);
        bool replaced = false;
        for (QJsonObject &existing : raw) {
            if (existing.value(QLatin1String("name")).toString() != name)
                continue;
            for (auto it = override_.constBegin(); it != override_.constEnd(); ++it)
                existing.insert(it.key(), it.value());
            replaced = true;
        }
        if (!replaced) {
            // New rules run before the trailing empty-* rules, so a map they empty goes too.
            qsizetype at = raw.size();
            while (at > 0 && raw.at(at - 1)
                                 .value(QLatin1String("name"))
                                 .toString()
                                 .startsWith(QLatin1String("empty-")))
                --at;
            raw.insert(at, override_);
        }
    }
    return build(raw, managers, editing, path);
}

} // namespace Fluxdesk
