#pragma once

// InventoryModel's tree node, shared by inventorymodel.cpp and inventorymodelreleases.cpp;
// private to the model (include it nowhere else).

#include "inventorymodel.h"

namespace Fluxdesk {

// Siblings are kept sorted by sortKey, which is unique among them; a node's row is found by
// binary search, so inserting a run never renumbers stored rows.
struct InventoryModel::Node
{
    NodeType type = NamespaceNode;
    Node *parent = nullptr;
    QString sortKey;
    QString ns;
    QString group;
    QString kind;
    QString name;  // object name
    int count = 0; // objects below (namespace and kind nodes)
    Ownership ownership = Ownership::UserManaged;
    QString reason;
    QString helmRelease;
    QJsonObject labels;
    // Release rows (name and ns above hold the release's).
    QString chart;
    QString chartVersion;
    QString appVersion;
    QString status;
    int revision = 0;
    QString k3sChart; // the HelmChart K3s installs the release from
    NodeList children;
    QHash<QString, Node *> childByKey;

    Node *child(const QString &key) const { return childByKey.value(key); }
};

} // namespace Fluxdesk
