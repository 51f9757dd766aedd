#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Evidence of what a person asked for: the union of the FieldsV1 sets of metadata.managedFields
// entries written by a person's tools (or with operation Apply), and the object kubectl recorded
// in kubectl.kubernetes.io/last-applied-configuration. A cursor walks both alongside the object.
class FieldEvidence
{
public:
    // personManagers: manager names whose Update operations count as a person's.
    static FieldEvidence of(const QJsonObject &object, const QStringList &personManagers);

    bool hasManagedFields() const { return m_hasManaged; }
    bool hasLastApplied() const { return m_hasApplied; }

    class Cursor
    {
    public:
        Cursor() = default;
        Cursor(QJsonValue managed, QJsonValue applied)
            : m_managed(std::move(managed)), m_applied(std::move(applied))
        {}
        // True when either source names this field.
        bool isSet() const { return !m_managed.isUndefined() || !m_applied.isUndefined(); }
        bool inManagedFields() const { return !m_managed.isUndefined(); }
        bool inLastApplied() const { return !m_applied.isUndefined(); }
        Cursor key(const QString &name) const;
        // A list item: FieldsV1 "k:{...}" keys match on the item's fields, "v:..." on its value;
        // last-applied items match by name (or port, containerPort, mountPath), else by index.
        Cursor item(qsizetype index, const QJsonValue &value) const;

    private:
        QJsonValue m_managed{
            QJsonValue::Undefined}; // the FieldsV1 node (an object), undefined when absent
        QJsonValue m_applied{
            QJsonValue::Undefined}; // the last-applied value, undefined when absent
    };

    Cursor root() const;

    // The merged FieldsV1 tree, for tests.
    QJsonObject managedTree() const { return m_managed; }

private:
    QJsonObject m_managed;
    QJsonObject m_applied;
    bool m_hasManaged = false;
    bool m_hasApplied = false;
};

// Union of two FieldsV1 trees.
QJsonObject mergeFieldsV1(const QJsonObject &a, const QJsonObject &b);

} // namespace Fluxdesk
