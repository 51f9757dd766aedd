#include "bulkdecisions.h"

#include "plan/plan.h"
#include "plan/plandecisions.h"
#include "plan/planoptions.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Planner", text);
}

} // namespace

QString kindRuleName(const QString &group, const QString &kind)
{
    return group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
}

bool isKindRuleName(const QString &text)
{
    static const QRegularExpression rule(
        QStringLiteral("^[A-Za-z][A-Za-z0-9]*(\\.[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?)?$"));
    return rule.match(text).hasMatch();
}

bool kindRuleCovers(const QString &rule, const ObjectKey &key)
{
    return rule == kindRuleName(key.group, key.kind);
}

bool namespaceRuleCovers(const QString &ns, const ObjectKey &key)
{
    return key.ns == ns || (key.ns.isEmpty() && key.group.isEmpty() &&
                            key.kind == QLatin1String("Namespace") && key.name == ns);
}

QString ruleExclusionReason(const PlanOptions &options, const ObjectKey &key)
{
    if (options.includedSecrets.contains(key))
        return {};
    for (const QString &ns : options.excludedNamespaces) {
        if (namespaceRuleCovers(ns, key))
            return tr("Excluded with namespace %1 by your rule (%2).").arg(ns, planDecisionsPath());
    }
    const QString kind = kindRuleName(key.group, key.kind);
    if (options.excludedKinds.contains(kind))
        return tr("Excluded with every %1 by your rule (%2).").arg(kind, planDecisionsPath());
    return {};
}

QSet<ObjectKey> plannedObjects(const Plan &plan)
{
    QSet<ObjectKey> out;
    for (const PlannedFile &file : plan.files) {
        for (const ObjectKey &key : file.objects)
            out.insert(key);
    }
    return out;
}

} // namespace Fluxdesk
