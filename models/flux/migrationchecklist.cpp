#include "migrationchecklist.h"

#include "flux/fluxobjectstatus.h"
#include "flux/fluxreadiness.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace Fluxdesk {

namespace {

// Gives lupdate and the runtime the same context for the strings below.
class ChecklistText
{
    Q_DECLARE_TR_FUNCTIONS(MigrationChecklist)
};

const QString fluxSystem = QStringLiteral("flux-system");

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

QString keyOf(const QString &kind, const QString &ns, const QString &name)
{
    return kind + QLatin1Char('/') + ns + QLatin1Char('/') + name;
}

bool available(const QJsonObject &deployment)
{
    const QJsonArray conditions =
        obj(deployment, "status").value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &value : conditions) {
        const QJsonObject condition = value.toObject();
        if (str(condition, "type") == QLatin1String("Available"))
            return str(condition, "status") == QLatin1String("True");
    }
    return false;
}

class Builder
{
public:
    explicit Builder(const ChecklistInput &input) : m_input(input)
    {
        for (const QJsonObject &object : input.live) {
            const QString kind = str(object, "kind");
            const QJsonObject metadata = obj(object, "metadata");
            m_objects.insert(keyOf(kind, str(metadata, "namespace"), str(metadata, "name")),
                             object);
            if (kind == QLatin1String("Namespace") && str(metadata, "name") == fluxSystem)
                m_fluxNamespace = true;
        }
    }

    QList<ChecklistItem> build()
    {
        controllers();
        fluxObject(QStringLiteral("source"), QStringLiteral("GitRepository"),
                   ChecklistText::tr("The repository is Flux's source"));
        fluxObject(QStringLiteral("flux-system"), QStringLiteral("Kustomization"),
                   m_input.cluster.isEmpty()
                       ? ChecklistText::tr("Flux applies the repository")
                       : ChecklistText::tr("Flux applies clusters/%1").arg(m_input.cluster));
        for (const QString &name : m_input.entryPoints)
            entryPoint(name);
        if (m_input.takeover)
            takeover(*m_input.takeover);
        return m_items;
    }

private:
    const QJsonObject *find(const QString &kind, const QString &ns, const QString &name) const
    {
        const auto it = m_objects.constFind(keyOf(kind, ns, name));
        return it == m_objects.cend() ? nullptr : &*it;
    }

    void add(ChecklistItem item) { m_items.append(std::move(item)); }

    void controllers()
    {
        ChecklistItem item;
        item.step = 7;
        item.id = QStringLiteral("controllers");
        item.title = ChecklistText::tr("Flux's controllers run");
        if (!m_fluxNamespace) {
            item.state = ChecklistState::NotStarted;
            item.detail = ChecklistText::tr("Flux is not installed: bootstrap it");
            item.action = ChecklistAction::Bootstrap;
            add(item);
            return;
        }
        static const char *const names[] = {"source-controller", "kustomize-controller",
                                            "helm-controller", "notification-controller"};
        QStringList missing, waiting;
        int running = 0;
        for (const char *name : names) {
            const QJsonObject *deployment =
                find(QStringLiteral("Deployment"), fluxSystem, QLatin1String(name));
            if (!deployment)
                missing.append(QLatin1String(name));
            else if (!available(*deployment))
                waiting.append(QLatin1String(name));
            else
                ++running;
        }
        // notification-controller is optional (flux install --components may leave it out).
        missing.removeAll(QStringLiteral("notification-controller"));
        if (!missing.isEmpty()) {
            item.state = ChecklistState::Failed;
            item.detail =
                ChecklistText::tr("not installed: %1").arg(missing.join(QLatin1String(", ")));
            item.action = ChecklistAction::Bootstrap;
        } else if (!waiting.isEmpty()) {
            item.state = ChecklistState::Waiting;
            item.detail =
                ChecklistText::tr("not available yet: %1").arg(waiting.join(QLatin1String(", ")));
        } else {
            item.state = ChecklistState::Done;
            item.detail = ChecklistText::tr("%1 controllers available").arg(running);
        }
        add(item);
    }

    // The state of one Flux object as an item: Done when Ready, Failed with Flux's reason,
    // Waiting while reconciling, NotStarted when it is not there.
    static void fromStatus(ChecklistItem &item, const FluxObjectStatus &status)
    {
        item.targetKind = status.kind;
        item.targetNamespace = status.ns;
        item.targetName = status.name;
        const FluxReadinessVerdict &verdict = status.verdict;
        const QString why = verdict.message.isEmpty() ? verdict.reason : verdict.message;
        switch (verdict.readiness) {
        case FluxReadiness::Ready:
            item.state = ChecklistState::Done;
            item.detail = status.revision.isEmpty()
                              ? ChecklistText::tr("Ready")
                              : ChecklistText::tr("Ready at %1").arg(status.revision);
            return;
        case FluxReadiness::Failed:
        case FluxReadiness::Stalled:
            item.state = ChecklistState::Failed;
            item.detail = why;
            item.action = ChecklistAction::Reconcile;
            return;
        case FluxReadiness::Suspended:
            item.state = ChecklistState::Waiting;
            item.detail = ChecklistText::tr("suspended");
            return;
        case FluxReadiness::Reconciling:
        case FluxReadiness::Unknown:
            item.state = ChecklistState::Waiting;
            item.detail = why.isEmpty() ? ChecklistText::tr("reconciling") : why;
            return;
        }
    }

    void fluxObject(const QString &id, const QString &kind, const QString &title)
    {
        ChecklistItem item;
        item.step = 7;
        item.id = id;
        item.title = title;
        const QJsonObject *object = find(kind, fluxSystem, fluxSystem);
        if (!object) {
            item.state = ChecklistState::NotStarted;
            item.detail = m_fluxNamespace
                              ? ChecklistText::tr("%1 flux-system/flux-system not in the cluster "
                                                  "yet")
                                    .arg(kind)
                              : ChecklistText::tr("comes with the bootstrap");
            add(item);
            return;
        }
        fromStatus(item, FluxObjectStatus::of(*object));
        m_ready.insert(keyOf(kind, fluxSystem, fluxSystem), item.state == ChecklistState::Done);
        add(item);
    }

    void entryPoint(const QString &name)
    {
        ChecklistItem item;
        item.step = 8;
        item.id = QStringLiteral("entry:") + name;
        item.title = ChecklistText::tr("Flux applies %1/").arg(name);
        const QJsonObject *object = find(QStringLiteral("Kustomization"), fluxSystem, name);
        if (!object) {
            item.state = ChecklistState::NotStarted;
            item.detail = ChecklistText::tr("Kustomization flux-system/%1 not in the cluster yet: "
                                            "flux-system applies clusters/%2/%1.yaml")
                              .arg(name, m_input.cluster);
            add(item);
            return;
        }
        const FluxObjectStatus status = FluxObjectStatus::of(*object);
        fromStatus(item, status);
        m_ready.insert(keyOf(QStringLiteral("Kustomization"), fluxSystem, name),
                       item.state == ChecklistState::Done);
        if (status.suspended) {
            // Taken over one side at a time: resumed in Git once what it depends on is Ready.
            QStringList notReady;
            for (const FluxRef &dependency : status.dependsOn)
                if (!m_ready.value(
                        keyOf(QStringLiteral("Kustomization"), dependency.ns, dependency.name)))
                    notReady.append(dependency.name);
            if (notReady.isEmpty()) {
                item.detail = ChecklistText::tr("suspended, and what it depends on is Ready: take "
                                                "it over (clear Suspended in Flux settings, "
                                                "commit and push)");
                item.action = ChecklistAction::ResumeInGit;
                item.targetName = name;
            } else {
                item.detail = ChecklistText::tr("suspended until %1 is Ready")
                                  .arg(notReady.join(QLatin1String(", ")));
            }
        }
        add(item);
    }

    void takeover(const TakeoverReport &report)
    {
        int objects = 0, adopted = 0, danger = 0, waiting = 0;
        bool anyReleaseAdopted = false;
        for (const TakeoverItem &verdict : report.items) {
            if (verdict.subject == TakeoverItem::Subject::Release) {
                ChecklistItem item;
                item.step = 9;
                item.id = QStringLiteral("release:") + verdict.release;
                item.title = ChecklistText::tr("Helm release %1 adopted").arg(verdict.release);
                item.detail = verdict.detail;
                item.targetKind = verdict.key.kind;
                item.targetNamespace = verdict.key.ns;
                item.targetName = verdict.key.name;
                switch (verdict.severity) {
                case TakeoverSeverity::Ok:
                    item.state = ChecklistState::Done;
                    anyReleaseAdopted = true;
                    break;
                case TakeoverSeverity::Waiting:
                    item.state = ChecklistState::Waiting;
                    break;
                case TakeoverSeverity::Warning:
                    item.state = ChecklistState::Failed;
                    item.action = ChecklistAction::Reconcile;
                    break;
                case TakeoverSeverity::Danger:
                    item.state = ChecklistState::Danger;
                    item.action = ChecklistAction::ShowTakeoverReport;
                    break;
                }
                add(item);
                continue;
            }
            ++objects;
            adopted += verdict.severity == TakeoverSeverity::Ok;
            danger += verdict.severity == TakeoverSeverity::Danger;
            waiting += verdict.severity == TakeoverSeverity::Waiting;
        }
        ChecklistItem item;
        item.step = 9;
        item.id = QStringLiteral("objects");
        item.title = ChecklistText::tr("Objects adopted in place");
        item.detail = ChecklistText::tr("%1 of %2 adopted in place").arg(adopted).arg(objects);
        item.state = danger > 0                     ? ChecklistState::Danger
                     : adopted == objects           ? ChecklistState::Done
                     : waiting + adopted == objects ? ChecklistState::Waiting
                                                    : ChecklistState::Failed;
        if (danger > 0)
            item.detail += ChecklistText::tr("; %1 recreated or lost").arg(danger);
        if (item.state != ChecklistState::Done)
            item.action = ChecklistAction::ShowTakeoverReport;
        add(item);

        // The roadmap's step 9.2 once said to `helm uninstall` the old release: after the
        // takeover that deletes the very workloads Flux now manages.
        if (anyReleaseAdopted) {
            ChecklistItem advice;
            advice.step = 9;
            advice.id = QStringLiteral("no-helm-uninstall");
            advice.state = ChecklistState::Advice;
            advice.title = ChecklistText::tr("Leave the Helm releases installed");
            advice.detail = ChecklistText::tr(
                "Never run `helm uninstall` on an adopted release: Flux manages that very "
                "release now, and uninstalling it deletes its running workloads. Change it in "
                "Git instead.");
            add(advice);
        }
    }

    const ChecklistInput &m_input;
    QHash<QString, QJsonObject> m_objects; // kind/ns/name
    QHash<QString, bool> m_ready;
    bool m_fluxNamespace = false;
    QList<ChecklistItem> m_items;
};

} // namespace

QList<ChecklistItem> migrationChecklist(const ChecklistInput &input)
{
    return Builder(input).build();
}

QString checklistStateId(ChecklistState state)
{
    switch (state) {
    case ChecklistState::Done:
        return QStringLiteral("done");
    case ChecklistState::Waiting:
        return QStringLiteral("waiting");
    case ChecklistState::NotStarted:
        return QStringLiteral("not-started");
    case ChecklistState::Failed:
        return QStringLiteral("failed");
    case ChecklistState::Danger:
        return QStringLiteral("danger");
    case ChecklistState::Advice:
        return QStringLiteral("advice");
    }
    return {};
}

} // namespace Fluxdesk
