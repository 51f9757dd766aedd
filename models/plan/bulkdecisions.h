#pragma once

#include "kube/resourcetype.h"

#include <QSet>
#include <QString>

namespace Fluxdesk {

struct Plan;
struct PlanOptions;

// Decisions about many objects at once: the exclusion rules of .fluxdesk/plan.yaml (every object
// of a kind, every object of a namespace) and what a bulk decision changed in the plan.

// A kind as an exclusion rule names it: "ConfigMap" for the core group, "Deployment.apps" or
// "Middleware.traefik.io" otherwise (a custom resource may reuse a built-in kind's name, so the
// group is part of it).
QString kindRuleName(const QString &group, const QString &kind);
// True for a well-formed kindRuleName() (a Kind, optionally ".group").
bool isKindRuleName(const QString &text);
// True when a kind rule of this name covers the object.
bool kindRuleCovers(const QString &rule, const ObjectKey &key);
// True when a namespace rule covers the object: it lives in the namespace, or is the Namespace.
bool namespaceRuleCovers(const QString &ns, const ObjectKey &key);

// Why one of the user's exclusion rules leaves this object out ("" when none does, or when the
// user included the object itself, which beats a rule). One sentence for the plan tree and the
// CLI, naming the rule and .fluxdesk/plan.yaml.
QString ruleExclusionReason(const PlanOptions &options, const ObjectKey &key);

// Every live object the plan's files carry (a HelmRelease's file carries its release's objects).
QSet<ObjectKey> plannedObjects(const Plan &plan);

} // namespace Fluxdesk
