#include "existinglayout.h"

#include "manifest/manifeststream.h"
#include "repo/kustomizationfile.h"
#include "repo/repopath.h"

namespace Fluxdesk {

namespace {

// A plain scalar or a simply quoted one; false for anything a YAML parser must decide.
bool simpleScalar(QByteArray value, QString *out)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.startsWith('"') || value.startsWith('\''))) {
        const char quote = value.at(0);
        if (!value.endsWith(quote))
            return false;
        value = value.mid(1, value.size() - 2);
        if (value.contains(quote) || value.contains('\\'))
            return false;
    } else if (value.isEmpty() || value.contains(" #") || value.contains(": ") ||
               QByteArrayLiteral("{[&*!|>%@`\"'#").contains(value.at(0))) {
        return false;
    }
    *out = QString::fromUtf8(value);
    return true;
}

} // namespace

bool quickObjectKey(const QByteArray &text, ObjectKey *key)
{
    QString apiVersion, kind, name, ns;
    bool inMetadata = false;
    int lineNumber = 0;
    // Line by line without splitting: no allocation per line of a file that is mostly spec.
    const qsizetype size = text.size();
    for (qsizetype start = 0; start < size;) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = size;
        const QByteArray line = QByteArray::fromRawData(text.constData() + start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.isEmpty())
            continue;
        if (line.startsWith("---")) {
            if (lineNumber == 1 && line.trimmed() == "---")
                continue;
            return false; // several documents, or a marker with content
        }
        if (line.startsWith('#') || line.startsWith('\t') || line.startsWith("..."))
            return false;
        if (line.at(0) != ' ') {
            inMetadata = false;
            if (line.startsWith("apiVersion:")) {
                if (!simpleScalar(line.mid(11), &apiVersion))
                    return false;
            } else if (line.startsWith("kind:")) {
                if (!simpleScalar(line.mid(5), &kind))
                    return false;
            } else if (line.trimmed() == "metadata:") {
                inMetadata = true;
            }
            continue;
        }
        if (inMetadata && line.startsWith("  ") && line.size() > 2 && line.at(2) != ' ') {
            if (line.startsWith("  name:")) {
                if (!simpleScalar(line.mid(7), &name))
                    return false;
            } else if (line.startsWith("  namespace:")) {
                if (!simpleScalar(line.mid(12), &ns))
                    return false;
            }
        }
    }
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty())
        return false;
    *key = ObjectKey{groupOfApiVersion(apiVersion), kind, ns, name};
    return true;
}

PlanCache::ExistingFile readExistingFile(const QString &path, const QByteArray &content)
{
    PlanCache::ExistingFile file;
    if (isKustomizationPath(path)) {
        file.kustomization = true;
        file.resources = kustomizationResources(content, path);
        return file;
    }
    if (quickObjectKey(content, &file.key)) {
        file.hasKey = true;
        return file;
    }
    const Result<QList<QJsonObject>> objects = parseManifestStream(content, path);
    if (objects && objects->size() == 1) {
        file.key = ObjectKey::of(objects->first());
        file.hasKey = true;
    }
    return file;
}

ExistingLayout readExistingLayout(const RepositoryFiles &files, PlanCache *cache)
{
    ExistingLayout layout;
    layout.files = files;
    layout.paths.reserve(files.size());
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        PlanCache::ExistingFile file;
        if (!cache || !cache->findExisting(it.key(), it.value(), &file)) {
            file = readExistingFile(it.key(), it.value());
            if (cache)
                cache->insertExisting(it.key(), it.value(), file);
        }
        if (file.kustomization) {
            if (!file.resources.isEmpty())
                layout.resources[RepoPath::folderOf(it.key())].append(file.resources);
        } else if (file.hasKey) {
            // Objects already in single-document files keep their place.
            layout.paths.insert(file.key, it.key());
        }
    }
    return layout;
}

bool ExistingLayout::existsOnDisk(const QString &relative) const
{
    if (files.contains(relative))
        return true;
    const auto next = files.lowerBound(relative + QLatin1Char('/'));
    return next != files.constEnd() && next.key().startsWith(relative + QLatin1Char('/'));
}

} // namespace Fluxdesk
