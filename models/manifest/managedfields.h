#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Evidence of what a person asked for: the object kubectl recorded in
// kubectl.kubernetes.io/last-applied-configuration (the declared intent where it exists), and the
// union of the FieldsV1 sets of metadata.managedFields entries that show intent: every Apply
// (server-side apply sends exactly what its author declared) and the Update entries of tools that
// change an existing object (kubectl edit, patch, scale, ...: their entry lists what that change
// touched). The Update that created an object (kubectl create, client-side kubectl apply, Helm)
// also lists every field the API server defaulted or allocated at that request, so the creating
// tools' entries prove nothing by themselves: the same object exported without managedFields must
// clean to the same text. Entries of the status subresource are a controller reporting. An Update
// of another subresource (kubectl scale's "scale") never created the object, so a person's tool
// counts there whatever its name (kubectl before 1.22 called itself plain "kubectl"); a
// controller's (an autoscaler's) does not. A cursor walks the evidence alongside the object.
class FieldEvidence
{
public:
    // editingManagers: managers whose Update entries count (CleanRules::editingManagers());
    // personManagers: a person's tools, whose Update entries of a subresource other than status
    // count too (CleanRules::personManagers()).
    static FieldEvidence of(const QJsonObject &object, const QStringList &editingManagers,
                            const QStringList &personManagers = {});

    // Whether the object has managedFields at all (whether or not an entry counts).
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

    // The merged FieldsV1 tree of the entries that count, for tests.
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
