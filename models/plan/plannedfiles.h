#pragma once

#include "plan/existinglayout.h"
#include "plan/plan.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Fluxdesk {

// The plan's files while they are being placed. Where a file lands: the user's placement wins,
// then the place its object already has in the checkout (when the kustomize roots reach it), then
// the default; paths stay unique (a clash gets "-2", "-3" before ".yaml").
class PlannedFiles
{
public:
    PlannedFiles(ExistingLayout existing, QHash<ObjectKey, QString> placements);

    const ExistingLayout &existing() const { return m_existing; }

    // Adds object rendered as YAML; keys: the live objects the file carries. Returns the path.
    QString add(const QString &wantedPath, PlannedFileKind kind, const QJsonObject &object,
                QList<ObjectKey> keys);
    // own: the key of the object the file holds; text: that object rendered.
    QString add(const QString &wantedPath, PlannedFileKind kind, const ObjectKey &own,
                const QString &text, QList<ObjectKey> keys);
    // An included Secret (own, rendered as text): SOPS-encrypted when encrypt, else plain text
    // with a "plan-plain-text-secret" warning in plan. Returns the path.
    QString addSecret(Plan &plan, bool encrypt, const QString &wantedPath, const ObjectKey &own,
                      const QString &text, QList<ObjectKey> keys);

    // Renders a file again in place (an entry point once its health checks are known).
    void replace(const QString &path, const QJsonObject &object);

    QMap<QString, PlannedFile> &fileMap() { return m_files; }
    const QMap<QString, PlannedFile> &fileMap() const { return m_files; }
    QList<PlannedFile> files() const { return m_files.values(); }

private:
    ExistingLayout m_existing;
    QHash<ObjectKey, QString> m_placements;
    QMap<QString, PlannedFile> m_files;
};

} // namespace Fluxdesk
