#include "fluxlivestate.h"

#include "manifest/apiversion.h"

#include <QSet>

namespace Fluxdesk {

namespace {

QString resourceVersion(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("resourceVersion"))
        .toString();
}

// The identity alone, without reading the status (remove() and the change lists need no more).
FluxRef refOf(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    return {groupOfApiVersion(object.value(QLatin1String("apiVersion")).toString()),
            object.value(QLatin1String("kind")).toString(),
            meta.value(QLatin1String("namespace")).toString(),
            meta.value(QLatin1String("name")).toString()};
}

} // namespace

FluxLiveState::FluxLiveState(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<FluxRef>();
    qRegisterMetaType<QList<FluxRef>>();
}

int FluxLiveState::store(const QJsonObject &object)
{
    if (!FluxKinds::of(object))
        return 0;
    FluxObjectStatus status = FluxObjectStatus::of(object);
    if (status.name.isEmpty())
        return 0;
    const QString key = keyOf(status.ref());
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        const QString version = resourceVersion(object);
        if ((!version.isEmpty() && version == resourceVersion(it->object)) || it->object == object)
            return 0;
        it->object = object;
        it->status = std::move(status);
        return 2;
    }
    m_entries.insert(key, Entry{object, std::move(status)});
    return 1;
}

void FluxLiveState::replaceAll(const QString &kindKey, const QList<QJsonObject> &objects)
{
    const FluxKind *kind = FluxKinds::byKey(kindKey);
    if (!kind)
        return;
    QList<FluxRef> added, updated, removed;
    QSet<QString> listed;
    for (const QJsonObject &object : objects) {
        const FluxKind *k = FluxKinds::of(object);
        if (k != kind)
            continue;
        const FluxRef ref = refOf(object);
        listed.insert(keyOf(ref));
        switch (store(object)) {
        case 1:
            added.append(ref);
            break;
        case 2:
            updated.append(ref);
            break;
        default:
            break;
        }
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->status.kind == kind->kind && it->status.group == kind->group &&
            !listed.contains(it.key())) {
            removed.append(it->status.ref());
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    if (!added.isEmpty() || !updated.isEmpty() || !removed.isEmpty())
        emit changed(added, updated, removed);
}

void FluxLiveState::upsert(const QJsonObject &object)
{
    switch (store(object)) {
    case 1:
        emit changed({refOf(object)}, {}, {});
        break;
    case 2:
        emit changed({}, {refOf(object)}, {});
        break;
    default:
        break;
    }
}

void FluxLiveState::remove(const QJsonObject &object)
{
    if (!FluxKinds::of(object))
        return;
    const FluxRef ref = refOf(object);
    auto it = m_entries.find(keyOf(ref));
    if (it == m_entries.end())
        return;
    const FluxRef stored = it->status.ref();
    m_entries.erase(it);
    emit changed({}, {}, {stored});
}

void FluxLiveState::clear()
{
    if (m_entries.isEmpty())
        return;
    QList<FluxRef> removed;
    for (const Entry &e : std::as_const(m_entries))
        removed.append(e.status.ref());
    m_entries.clear();
    emit changed({}, {}, removed);
}

std::optional<QJsonObject> FluxLiveState::object(const FluxRef &ref) const
{
    const auto it = m_entries.constFind(keyOf(ref));
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->object;
}

const FluxObjectStatus *FluxLiveState::status(const FluxRef &ref) const
{
    const auto it = m_entries.constFind(keyOf(ref));
    return it == m_entries.constEnd() ? nullptr : &it->status;
}

QList<FluxRef> FluxLiveState::refs() const
{
    QList<FluxRef> out;
    out.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        out.append(e.status.ref());
    return out;
}

QList<FluxLiveState::Dependency> FluxLiveState::dependencies(const FluxRef &ref) const
{
    QList<Dependency> out;
    const FluxObjectStatus *s = status(ref);
    if (!s)
        return out;
    for (const FluxRef &d : s->dependsOn)
        out.append({d, Dependency::Kind::DependsOn, contains(d)});
    if (s->sourceRef.isValid())
        out.append({s->sourceRef, Dependency::Kind::Source, contains(s->sourceRef)});
    if (s->helmChart.isValid())
        out.append({s->helmChart, Dependency::Kind::HelmChart, contains(s->helmChart)});
    return out;
}

QList<FluxRef> FluxLiveState::dependents(const FluxRef &ref) const
{
    QList<FluxRef> out;
    const QString key = keyOf(ref);
    for (const Entry &e : m_entries) {
        bool uses = keyOf(e.status.sourceRef) == key || keyOf(e.status.helmChart) == key;
        for (const FluxRef &d : e.status.dependsOn)
            uses = uses || keyOf(d) == key;
        if (uses)
            out.append(e.status.ref());
    }
    return out;
}

bool FluxLiveState::inDependencyCycle(const FluxRef &ref) const
{
    const QString start = keyOf(ref);
    QSet<QString> seen;
    QList<QString> todo{start};
    while (!todo.isEmpty()) {
        const QString key = todo.takeLast();
        const auto it = m_entries.constFind(key);
        if (it == m_entries.constEnd())
            continue;
        for (const FluxRef &d : it->status.dependsOn) {
            const QString next = keyOf(d);
            if (next == start)
                return true;
            if (!seen.contains(next)) {
                seen.insert(next);
                todo.append(next);
            }
        }
    }
    return false;
}

} // namespace Fluxdesk
