#pragma once

#include "kube/resourcetype.h"
#include "plan/plan.h"
#include "plan/plancache.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// What the plan keeps of a checkout's existing layout: where objects already live (a
// single-document file keeps its object's place) and what each folder's kustomization lists (the
// user's additions stay listed while they exist).
struct ExistingLayout
{
    RepositoryFiles files;
    QHash<ObjectKey, QString> paths;       // object -> the one-document file holding it
    QHash<QString, QStringList> resources; // folder -> its kustomization's resources

    // True when the repository holds relative as a file or as a folder with files.
    bool existsOnDisk(const QString &relative) const;
};

// Reads every file of the checkout once (each reading cached by content when cache is given).
ExistingLayout readExistingLayout(const RepositoryFiles &files, PlanCache *cache = nullptr);

// What the plan needs of one file of the checkout (the same for the same content): a
// kustomization's resources, or the identity of the one object a manifest holds.
PlanCache::ExistingFile readExistingFile(const QString &path, const QByteArray &content);

// The identity of a one-document manifest in block style, read from its top-level apiVersion and
// kind and metadata's name and namespace without a YAML parse: re-planning a repository of
// thousands of files reads every one. False when unsure (the caller parses then).
bool quickObjectKey(const QByteArray &text, ObjectKey *key);

} // namespace Fluxdesk
