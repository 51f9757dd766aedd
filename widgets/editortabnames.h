#pragma once

#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Pure helpers for the editor's tabs: what a tab is called and what its document can do. No
// widgets: tests call them with plain strings.

// For each path (absolute, '/' separated; "" for a document not saved yet), the trailing parent
// folders that tell it apart from every other path with the same file name, as an IDE shows them:
// "apps/foo/kustomization.yaml" and "infra/bar/kustomization.yaml" give "foo" and "bar";
// "apps/foo/…" and "infra/foo/…" give "apps/foo" and "infra/foo". "" where the name is unique.
QStringList distinguishingFolders(const QStringList &paths);

// Why Clean and Split do not apply to the document named fileName ("" when they do). They work on
// Kubernetes manifests, so the name decides, cheaply on every tab switch: a file not named
// .yaml/.yml (README.md, notes.txt) is not YAML, and kustomization.yaml lists files, it holds no
// cluster objects to clean or split. The content is not parsed: a .yaml that fails to parse is
// still the user's manifest, and Clean or Split then says where it fails.
QString manifestActionsRefusal(const QString &fileName);

} // namespace Fluxdesk
