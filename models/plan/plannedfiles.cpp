#include "plannedfiles.h"

#include "plan/fluxobjects.h"
#include "plan/placement.h"
#include "repo/kustomizationfile.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

namespace Fluxdesk {

PlannedFiles::PlannedFiles(ExistingLayout existing, QHash<ObjectKey, QString> placements)
    : m_existing(std::move(existing)), m_placements(std::move(placements))
{}

QString PlannedFiles::add(const QString &wantedPath, PlannedFileKind kind,
                          const QJsonObject &object, QList<ObjectKey> keys)
{
    return add(wantedPath, kind, ObjectKey::of(object), renderedYaml(object), std::move(keys));
}

QString PlannedFiles::add(const QString &wantedPath, PlannedFileKind kind, const ObjectKey &own,
                          const QString &text, QList<ObjectKey> keys)
{
    QString path = wantedPath;
    const QString placed = m_placements.value(own);
    const QString existing = m_existing.paths.value(own);
    // Only a place the kustomize roots reach counts; elsewhere it would never be applied.
    if (!existing.isEmpty() && !m_files.contains(existing) && isUnderPlanRoots(existing) &&
        !isKustomizationPath(existing))
        path = existing;
    if (!placed.isEmpty() && isPlaceablePath(placed) && !m_files.contains(placed))
        path = placed; // the user's word wins over the defaults and the old place
    if (m_files.contains(path)) {
        const QString stem = path.left(path.size() - 5); // ".yaml"
        for (int n = 2;; ++n) {
            const QString candidate =
                stem + QLatin1Char('-') + QString::number(n) + QLatin1String(".yaml");
            if (!m_files.contains(candidate)) {
                path = candidate;
                break;
            }
        }
    }
    std::sort(keys.begin(), keys.end());
    PlannedFile file;
    file.path = path;
    file.text = text;
    file.kind = kind;
    file.objects = keys;
    m_files.insert(path, file);
    return path;
}

QString PlannedFiles::addSecret(Plan &plan, bool encrypt, const QString &wantedPath,
                                const ObjectKey &own, const QString &text, QList<ObjectKey> keys)
{
    const QString path = add(wantedPath, PlannedFileKind::Manifest, own, text, std::move(keys));
    PlannedFile &file = m_files[path];
    file.encrypted = encrypt;
    file.plainTextSecret = !encrypt;
    if (!encrypt) {
        Problem p;
        p.severity = Problem::Severity::Warning;
        p.file = path;
        p.rule = QStringLiteral("plan-plain-text-secret");
        p.message =
            QCoreApplication::translate("Planner", "Secret %1 is written as plain text; encrypt it "
                                                   "(SOPS) or keep it out of Git.")
                .arg(own.ns + QLatin1Char('/') + own.name);
        plan.problems.append(p);
    }
    return path;
}

void PlannedFiles::replace(const QString &path, const QJsonObject &object)
{
    const auto it = m_files.find(path);
    if (it != m_files.end())
        it->text = renderedYaml(object);
}

} // namespace Fluxdesk
