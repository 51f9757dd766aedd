#include "splitter.h"

#include "manifest/manifeststream.h"
#include "manifest/parallel.h"
#include "manifest/yamljson.h"
#include "manifest/yamlslices.h"
#include "manifest/yamlwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Fluxdesk {

namespace {

// Longest field value kept in a file name, so a hostile name cannot exceed NAME_MAX (255 bytes).
constexpr int maxFieldLength = 80;

QString translate(const char *text)
{
    return QCoreApplication::translate("Splitter", text);
}

QString groupOf(const QString &apiVersion)
{
    const int slash = apiVersion.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : apiVersion.left(slash);
}

// '*' any run, '?' one character; case-insensitive when asked.
bool wildcardMatch(const QString &pattern, const QString &text, Qt::CaseSensitivity cs)
{
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (p < pattern.size() &&
                   (pattern.at(p) == QLatin1Char('?') ||
                    QString::compare(QString(pattern.at(p)), QString(text.at(t)), cs) == 0)) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool matchesAny(const QStringList &patterns, const QString &text, Qt::CaseSensitivity cs)
{
    return std::any_of(patterns.cbegin(), patterns.cend(),
                       [&](const QString &pattern) { return wildcardMatch(pattern, text, cs); });
}

// One path segment made safe: no control characters or separators, no leading dot (so never "."
// or ".." and never hidden), no empty result.
QString sanitiseSegment(const QString &segment)
{
    QString out;
    out.reserve(segment.size());
    for (const QChar c : segment) {
        const bool bad = c.category() == QChar::Other_Control || c == QLatin1Char('\\') ||
                         c == QLatin1Char('/') || c == QLatin1Char(':') || c == QLatin1Char('*') ||
                         c == QLatin1Char('?') || c == QLatin1Char('"') || c == QLatin1Char('<') ||
                         c == QLatin1Char('>') || c == QLatin1Char('|') || c.isSpace() ||
                         c.category() == QChar::Other_Format;
        out += bad ? QLatin1Char('-') : c;
    }
    // An empty field leaves "--", "-." or a leading '-': tidy so "{namespace}-{name}" of a
    // cluster-scoped object reads "name", not "-name".
    while (out.contains(QLatin1String("--")))
        out.replace(QLatin1String("--"), QLatin1String("-"));
    out.replace(QLatin1String("-."), QLatin1String("."));
    out.replace(QLatin1String(".-"), QLatin1String("."));
    while (out.contains(QLatin1String("..")))
        out.replace(QLatin1String(".."), QLatin1String("."));
    while (!out.isEmpty() && out.front() == QLatin1Char('-'))
        out.remove(0, 1);
    // ".yaml" from an empty {name}: never a hidden file, never "." or "..".
    if (out.startsWith(QLatin1Char('.')))
        out.prepend(QLatin1String("resource"));
    while (!out.isEmpty() && (out.back() == QLatin1Char('.') || out.back() == QLatin1Char('-')))
        out.chop(1);
    if (out.isEmpty() || out.startsWith(QLatin1Char('.')))
        out = QStringLiteral("resource");
    return out;
}

// A relative path whose every segment is sanitised; '/' only from the template (sub-folders).
QString sanitisePath(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    QStringList out;
    for (const QString &part : parts) {
        // Empty, "." and ".." segments (from a template such as "../{name}.yaml") are dropped.
        if (std::all_of(part.cbegin(), part.cend(), [](QChar c) { return c == QLatin1Char('.'); }))
            continue;
        out.append(sanitiseSegment(part));
    }
    if (out.isEmpty())
        out.append(QStringLiteral("resource.yaml"));
    return out.join(QLatin1Char('/'));
}

// "name.yaml" + n -> "name-n.yaml" (the suffix goes before the extension).
QString withSuffix(const QString &path, int n)
{
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    const int dot = int(path.lastIndexOf(QLatin1Char('.')));
    const QString suffix = QLatin1Char('-') + QString::number(n);
    if (dot > slash + 1)
        return path.left(dot) + suffix + path.mid(dot);
    return path + suffix;
}

int helmRank(const QString &kind)
{
    // Helm's InstallOrder (pkg/releaseutil/kind_sorter.go).
    static const QHash<QString, int> ranks = [] {
        const char *const kinds[] = {"Namespace",
                                     "NetworkPolicy",
                                     "ResourceQuota",
                                     "LimitRange",
                                     "PodSecurityPolicy",
                                     "PodDisruptionBudget",
                                     "ServiceAccount",
                                     "Secret",
                                     "SecretList",
                                     "ConfigMap",
                                     "StorageClass",
                                     "PersistentVolume",
                                     "PersistentVolumeClaim",
                                     "CustomResourceDefinition",
                                     "ClusterRole",
                                     "ClusterRoleList",
                                     "ClusterRoleBinding",
                                     "ClusterRoleBindingList",
                                     "Role",
                                     "RoleList",
                                     "RoleBinding",
                                     "RoleBindingList",
                                     "Service",
                                     "DaemonSet",
                                     "Pod",
                                     "ReplicationController",
                                     "ReplicaSet",
                                     "Deployment",
                                     "HorizontalPodAutoscaler",
                                     "StatefulSet",
                                     "Job",
                                     "CronJob",
                                     "IngressClass",
                                     "Ingress",
                                     "APIService"};
        QHash<QString, int> h;
        int i = 0;
        for (const char *k : kinds)
            h.insert(QString::fromLatin1(k), i++);
        return h;
    }();
    return ranks.value(kind, -1);
}

bool isKustomizationLowerName(const QString &lower)
{
    return lower == QLatin1String("kustomization.yaml") ||
           lower == QLatin1String("kustomization.yml") || lower == QLatin1String("kustomization");
}

bool isKustomizationName(const QString &relativePath)
{
    return isKustomizationLowerName(relativePath.toLower());
}

bool isInside(const QString &canonicalDir, const QString &canonicalPath)
{
    return canonicalPath == canonicalDir ||
           canonicalPath.startsWith(canonicalDir.endsWith(QLatin1Char('/'))
                                        ? canonicalDir
                                        : canonicalDir + QLatin1Char('/'));
}

// The canonical form of path, resolving the deepest existing ancestor (the rest cannot be a link).
QString canonicalOf(const QString &path)
{
    QFileInfo info(path);
    QString rest;
    QString current = info.absoluteFilePath();
    while (!QFileInfo::exists(current) && !QFileInfo(current).isSymLink()) {
        const QFileInfo fi(current);
        rest = rest.isEmpty() ? fi.fileName() : fi.fileName() + QLatin1Char('/') + rest;
        const QString parent = fi.absolutePath();
        if (parent == current)
            break;
        current = parent;
    }
    const QString canonical = QFileInfo(current).canonicalFilePath();
    if (canonical.isEmpty())
        return QString(); // a dangling symlink: refuse
    return rest.isEmpty() ? canonical : QDir(canonical).filePath(rest);
}

Result<bool> saveFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(translate("cannot write: %1").arg(file.errorString()), path);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error(translate("cannot write: %1").arg(file.errorString()), path);
    return true;
}

#ifdef Q_OS_UNIX
// writeNew() of the file name in the folder open as dirFd (AT_FDCWD: name is a whole path).
Result<bool> writeNewAt(int dirFd, const QByteArray &name, const QString &path,
                        const QByteArray &bytes)
{
    // Straight system calls: QFile's engine costs more than the write for a small file.
    const int fd = ::openat(dirFd, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
        const char *p = bytes.constData();
        qsizetype left = bytes.size();
        int error = 0;
        while (left > 0) {
            const ssize_t n = ::write(fd, p, size_t(left));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                error = errno;
                break;
            }
            p += n;
            left -= n;
        }
        if (::close(fd) != 0 && !error && errno != EINTR)
            error = errno;
        if (error) {
            ::unlinkat(dirFd, name.constData(), 0);
            return Error(translate("cannot write: %1").arg(qt_error_string(error)), path);
        }
        return true;
    }
    const int openError = errno;
    if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink())
        return Error(translate("cannot write: %1").arg(qt_error_string(openError)), path);
    return false;
}

// The folders a split writes into, each opened once: files are created relative to them, which
// spares the kernel walking the whole path for every file.
class FolderHandles
{
public:
    FolderHandles() = default;
    FolderHandles(const FolderHandles &) = delete;
    FolderHandles &operator=(const FolderHandles &) = delete;
    ~FolderHandles()
    {
        for (const int fd : qAsConst(m_fds))
            ::close(fd);
    }

    // -1 when the folder cannot be opened.
    int handle(const QString &folder)
    {
        const auto known = m_fds.constFind(folder);
        if (known != m_fds.constEnd())
            return *known;
        const int fd = ::open(QFile::encodeName(folder).constData(),
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0)
            m_fds.insert(folder, fd);
        return fd;
    }

private:
    QHash<QString, int> m_fds;
};
#endif

// A file that does not exist yet holds no text to lose: it is created exclusively (O_EXCL, which
// also refuses a link planted meanwhile) and written without QSaveFile's per-file sync to disk,
// which dominates a split of thousands of objects. false: something is at path already.
Result<bool> writeNew(const QString &path, const QByteArray &bytes)
{
#ifdef Q_OS_UNIX
    return writeNewAt(AT_FDCWD, QFile::encodeName(path), path, bytes);
#else
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (file.write(bytes) != bytes.size() || !file.flush()) {
            const QString why = file.errorString();
            file.close();
            file.remove();
            return Error(translate("cannot write: %1").arg(why), path);
        }
        file.close();
        return true;
    }
    if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink())
        return Error(translate("cannot write: %1").arg(file.errorString()), path);
    return false;
#endif
}

// A new file as writeNew() makes it; an existing one is replaced atomically by QSaveFile, so a
// crash never leaves it half-written.
Result<bool> writeNewOrReplace(const QString &path, const QByteArray &bytes)
{
    const Result<bool> created = writeNew(path, bytes);
    if (!created || *created)
        return created;
    return saveFile(path, bytes);
}

} // namespace

QString kubectlSliceTemplate()
{
    return QStringLiteral("{kind}-{name}.yaml");
}

QString kebabCase(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isLetterOrNumber()) {
            if (c.isUpper() && i > 0 && !out.isEmpty() && out.back() != QLatin1Char('-')) {
                const QChar prev = text.at(i - 1);
                const bool nextLower = i + 1 < text.size() && text.at(i + 1).isLower();
                // "fooBar" -> "foo-bar", "APIService" -> "api-service", "v2Beta" -> "v2-beta".
                if (prev.isLower() || prev.isDigit() || (prev.isUpper() && nextLower))
                    out += QLatin1Char('-');
            }
            out += c.toLower();
        } else if (!out.isEmpty() && out.back() != QLatin1Char('-')) {
            out += QLatin1Char('-');
        }
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

QString fileNameFor(const QJsonObject &object, const QString &nameTemplate)
{
    // Fields are worked out only when the template names them (a split names thousands).
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    auto field = [](const QString &value) { return kebabCase(value).left(maxFieldLength); };
    auto fieldValue = [&](QStringView key, QString *value) {
        if (key == QLatin1String("namespace")) {
            *value = field(metadata.value(QLatin1String("namespace")).toString());
        } else if (key == QLatin1String("kind")) {
            *value = field(object.value(QLatin1String("kind")).toString());
        } else if (key == QLatin1String("name")) {
            *value = field(metadata.value(QLatin1String("name")).toString());
        } else if (key == QLatin1String("group")) {
            const QString group = groupOf(object.value(QLatin1String("apiVersion")).toString());
            *value = group.isEmpty() ? QStringLiteral("core") : field(group);
        } else {
            return false;
        }
        return true;
    };
    QString out;
    const QString tpl = nameTemplate.isEmpty() ? SplitOptions().nameTemplate : nameTemplate;
    QString value;
    for (qsizetype i = 0; i < tpl.size(); ++i) {
        if (tpl.at(i) == QLatin1Char('{')) {
            const qsizetype close = tpl.indexOf(QLatin1Char('}'), i);
            if (close > i && fieldValue(QStringView(tpl).mid(i + 1, close - i - 1), &value)) {
                out += value;
                i = close;
                continue;
            }
        }
        out += tpl.at(i);
    }
    return sanitisePath(out);
}

namespace {

// An object as the split names it, with the object or its text already written out.
struct SplitItem
{
    QString kind, name, base;
    QJsonObject object;
    QByteArray text;
};

SplitItem splitItemFor(const QJsonObject &object, const QString &nameTemplate)
{
    SplitItem item;
    item.kind = object.value(QLatin1String("kind")).toString();
    item.name =
        object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    item.base = fileNameFor(object, nameTemplate);
    return item;
}

// The filters, then clashes resolved in input order ("-2", "-3"): items are offered one by one
// in input order.
class NameChooser
{
public:
    // expected: about how many items will be offered (0: unknown).
    NameChooser(const SplitOptions &options, qsizetype expected) : m_options(options)
    {
        m_taken.reserve(expected);
    }

    // The item's relative path, or empty when a filter leaves it out.
    QString choose(const SplitItem &item)
    {
        const QString &kind = item.kind;
        const QString &name = item.name;
        if (!m_options.includeKinds.isEmpty() &&
            !matchesAny(m_options.includeKinds, kind, Qt::CaseInsensitive))
            return QString();
        if (matchesAny(m_options.excludeKinds, kind, Qt::CaseInsensitive))
            return QString();
        if (!m_options.includeNames.isEmpty() &&
            !matchesAny(m_options.includeNames, name, Qt::CaseSensitive))
            return QString();
        if (matchesAny(m_options.excludeNames, name, Qt::CaseSensitive))
            return QString();
        QString path = item.base;
        QString lower = path.toLower();
        for (int n = 2; m_taken.contains(lower) || isKustomizationLowerName(lower); ++n) {
            path = withSuffix(item.base, n);
            lower = path.toLower();
        }
        m_taken.insert(lower);
        return path;
    }

private:
    const SplitOptions &m_options;
    QSet<QString> m_taken; // lower-cased: case-insensitive file systems must not merge two files
};

// The chosen paths, then Helm's order if asked.
QList<SplitFile> splitItems(QVector<SplitItem> &items, const SplitOptions &options)
{
    struct Chosen
    {
        qsizetype item;
        QString path;
    };
    QVector<Chosen> chosen;
    NameChooser chooser(options, items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = chooser.choose(items.at(i));
        if (!path.isEmpty())
            chosen.append({i, path});
    }
    if (options.helmInstallOrder) {
        // Known kinds in Helm's order, then unknown kinds alphabetically (as Helm does); the input
        // order within a kind is kept.
        std::stable_sort(chosen.begin(), chosen.end(), [&](const Chosen &a, const Chosen &b) {
            const QString &ka = items.at(a.item).kind;
            const QString &kb = items.at(b.item).kind;
            const int ra = helmRank(ka);
            const int rb = helmRank(kb);
            if (ra >= 0 && rb >= 0)
                return ra < rb;
            if (ra >= 0 || rb >= 0)
                return ra >= 0;
            return ka < kb;
        });
    }
    QList<SplitFile> files;
    files.reserve(chosen.size());
    for (const Chosen &c : chosen) {
        SplitItem &item = items[c.item];
        files.append({c.path, std::move(item.object), std::move(item.text)});
    }
    return files;
}

// "a/b/c.yaml" -> "a/b"; "c.yaml" -> "".
QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : relativePath.left(slash);
}

// Relative, forward slashes only, no empty, "." or ".." part, not the kustomization itself.
bool isPlainRelativePath(const QString &rel)
{
    if (rel.isEmpty() || QDir::isAbsolutePath(rel) || rel.contains(QLatin1Char('\\')) ||
        isKustomizationName(rel))
        return false;
    const QStringList parts = rel.split(QLatin1Char('/'));
    return std::none_of(parts.cbegin(), parts.cend(), [](const QString &p) {
        return p.isEmpty() || p == QLatin1String(".") || p == QLatin1String("..");
    });
}

// root's kustomization.yaml (or .yml, Kustomization) keeps its other keys, lists the written
// files and no longer lists removedSource; created when there is none. Its path, or an error.
Result<QString> updateKustomization(const QString &root, const QString &dir,
                                    const QStringList &written, const QString &removedSource)
{
    QString kustomizationPath = root + QLatin1String("/kustomization.yaml");
    for (const char *alt : {"kustomization.yml", "Kustomization"}) {
        const QString candidate = root + QLatin1Char('/') + QLatin1String(alt);
        if (!QFileInfo::exists(kustomizationPath) && QFileInfo::exists(candidate))
            kustomizationPath = candidate;
    }
    QJsonObject kustomization;
    if (QFileInfo::exists(kustomizationPath)) {
        const QString canonical = canonicalOf(kustomizationPath);
        if (canonical.isEmpty() || !isInside(root, canonical))
            return Error(translate("refusing to write outside the folder: %1")
                             .arg(QFileInfo(kustomizationPath).fileName()),
                         dir);
        QFile in(kustomizationPath);
        if (!in.open(QIODevice::ReadOnly))
            return Error(translate("cannot read: %1").arg(in.errorString()), kustomizationPath);
        const Result<QJsonValue> parsed = parseYamlValue(in.readAll(), kustomizationPath);
        if (!parsed)
            return parsed.error();
        if (!parsed->isObject())
            return Error(translate("kustomization file is not a map"), kustomizationPath);
        kustomization = parsed->toObject();
    }
    if (!kustomization.contains(QLatin1String("apiVersion")))
        kustomization.insert(QStringLiteral("apiVersion"),
                             QStringLiteral("kustomize.config.k8s.io/v1beta1"));
    if (!kustomization.contains(QLatin1String("kind")))
        kustomization.insert(QStringLiteral("kind"), QStringLiteral("Kustomization"));
    QStringList resources;
    const QJsonArray existing = kustomization.value(QLatin1String("resources")).toArray();
    for (const QJsonValue &v : existing) {
        const QString entry = v.toString();
        if (entry.isEmpty())
            continue;
        const QString normalised = QDir::cleanPath(entry);
        if (!removedSource.isEmpty() && normalised == QDir::cleanPath(removedSource))
            continue;
        resources.append(entry);
    }
    resources += written;
    std::sort(resources.begin(), resources.end());
    resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
    kustomization.insert(QStringLiteral("resources"), QJsonArray::fromStringList(resources));
    const Result<bool> saved = saveFile(kustomizationPath, toYaml(kustomization).toUtf8());
    if (!saved)
        return saved.error();
    return kustomizationPath;
}

CleanContext splitCleanContext(const QList<QJsonObject> &objects)
{
    CleanContext context = cleanContextFor(objects);
    context.recordRemovals = false; // a split has no preview to show them in
    return context;
}

// Leaves out the Secrets SplitOptions::skipSecrets asks to skip (and their lines, when given),
// naming them in skipped.
void dropSecrets(const SplitOptions &options, QList<QJsonObject> &objects, QList<int> &lines,
                 QStringList &skipped)
{
    if (!options.skipSecrets)
        return;
    qsizetype kept = 0;
    for (qsizetype k = 0; k < objects.size(); ++k) {
        if (isSecret(objects.at(k))) {
            skipped.append(namespacedName(objects.at(k)));
            continue;
        }
        if (kept != k) {
            objects[kept] = std::move(objects[k]);
            if (!lines.isEmpty())
                lines[kept] = lines.at(k);
        }
        ++kept;
    }
    objects.erase(objects.begin() + kept, objects.end());
    if (!lines.isEmpty())
        lines.erase(lines.begin() + kept, lines.end());
}

// A part of a large stream read (Lists unwrapped, every object checked), each object cleaned if
// asked, named and written out as text, on one thread; false where the part does not read on its
// own (or holds a PersistentVolume a clean must know of first).
bool readSlice(const QByteArray &bytes, const QString &fileName, const SplitOptions &options,
               QVector<SplitItem> &items, CleanPartFindings &findings)
{
    const bool clean = options.cleanRules.has_value();
    QList<QJsonObject> objects;
    QList<int> lines;
    {
        const Result<QList<QJsonObject>> read =
            parseManifestStream(bytes, fileName, clean ? &lines : nullptr);
        if (!read)
            return false;
        objects = *read;
    }
    CleanContext context;
    if (clean) {
        context = splitCleanContext(objects);
        if (!context.dynamicVolumes.isEmpty())
            return false;
        findings = CleanPartFindings::of(bytes);
    }
    dropSecrets(options, objects, lines, findings.skippedSecrets);
    items.reserve(objects.size());
    for (qsizetype k = 0; k < objects.size(); ++k) {
        if (clean) {
            CleanResult cleaned =
                cleanObjectAt(objects.at(k), *options.cleanRules, context, fileName, lines.at(k));
            objects[k] = std::move(cleaned.object);
            findings.problems.append(std::move(cleaned.problems));
        }
        SplitItem item = splitItemFor(objects.at(k), options.nameTemplate);
        item.text = toYaml(objects.at(k)).toUtf8();
        objects[k] = QJsonObject(); // freed here, by the thread that read it
        items.append(std::move(item));
    }
    return true;
}

// The slices of a large stream that splitLargeYaml() and splitLargeYamlInto() read, or none.
std::vector<YamlSlice> largeSplitSlices(const QByteArray &yaml, const SplitOptions &options)
{
    std::vector<YamlSlice> parts = largeStreamSlices(yaml);
    if (parts.empty() || looksLikeJson(yaml) ||
        (options.cleanRules && mentionsPersistentVolume(yaml)))
        return {};
    return parts;
}

} // namespace

QList<SplitFile> splitObjects(const QList<QJsonObject> &objects, const SplitOptions &options)
{
    // Names are worked out on several threads for a large split; clashes are resolved in order.
    QVector<SplitItem> items(objects.size());
    SplitItem *const out = items.data();
    Detail::parallelFor(objects.size(), 256, [&](qsizetype i) {
        out[i] = splitItemFor(objects.at(i), options.nameTemplate);
        out[i].object = objects.at(i);
    });
    return splitItems(items, options);
}

std::optional<SplitPlan> splitLargeYaml(const QByteArray &yaml, const QString &fileName,
                                        const SplitOptions &options)
{
    const std::vector<YamlSlice> parts = largeSplitSlices(yaml, options);
    if (parts.empty())
        return std::nullopt;
    struct Slice
    {
        YamlSlice part;
        QVector<SplitItem> items;
        CleanPartFindings findings;
        bool ok = false;
    };
    std::vector<Slice> slices;
    for (const YamlSlice &part : parts)
        slices.push_back({part, {}, {}, false});
    Slice *const slice = slices.data();
    Detail::parallelFor(qsizetype(slices.size()), 1, [&](qsizetype i) {
        Slice &sl = slice[i];
        sl.ok = readSlice(sl.part.bytes(yaml), fileName, options, sl.items, sl.findings);
    });
    QVector<SplitItem> items;
    CleanFindingsInOrder findings;
    for (Slice &sl : slices) {
        if (!sl.ok)
            return std::nullopt;
        for (SplitItem &item : sl.items)
            items.append(std::move(item));
        findings.append(sl.findings);
    }
    SplitPlan plan;
    plan.files = splitItems(items, options);
    plan.problems = findings.problems();
    plan.hadComments = findings.hadComments();
    plan.skippedSecrets = findings.skippedSecrets();
    return plan;
}

Result<SplitPlan> splitText(const QByteArray &yaml, const QString &fileName,
                            const SplitOptions &options)
{
    if (std::optional<SplitPlan> sliced = splitLargeYaml(yaml, fileName, options))
        return std::move(*sliced);
    QList<QJsonObject> objects;
    QList<int> lines;
    {
        const Result<QList<QJsonObject>> read =
            parseManifestStream(yaml, fileName, options.cleanRules ? &lines : nullptr);
        if (!read)
            return read.error();
        objects = *read;
    }
    SplitPlan plan;
    dropSecrets(options, objects, lines, plan.skippedSecrets);
    if (options.cleanRules) {
        // Cleaned on several threads for a large text, the findings collected in order.
        const CleanContext context = splitCleanContext(objects);
        QVector<CleanResult> results(objects.size());
        CleanResult *const result = results.data();
        Detail::parallelFor(objects.size(), 256, [&](qsizetype i) {
            result[i] =
                cleanObjectAt(objects.at(i), *options.cleanRules, context, fileName, lines.at(i));
        });
        for (qsizetype i = 0; i < objects.size(); ++i) {
            objects[i] = std::move(results[i].object);
            plan.problems.append(std::move(results[i].problems));
        }
        plan.hadComments = yamlHasComments(yaml);
    }
    plan.files = splitObjects(objects, options);
    return plan;
}

std::optional<Result<SplitWriteResult>>
splitLargeYamlInto(const QString &dir, const QByteArray &yaml, const QString &fileName,
                   const SplitOptions &options, const QString &removedSource)
{
    if (dir.isEmpty() || options.helmInstallOrder)
        return std::nullopt;
    const std::vector<YamlSlice> parts = largeSplitSlices(yaml, options);
    if (parts.empty())
        return std::nullopt;
    const bool existed = QFileInfo::exists(dir);
    if (existed &&
        (!QFileInfo(dir).isDir() ||
         !QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)))
        return std::nullopt;
    if (!QDir().mkpath(dir))
        return Result<SplitWriteResult>(Error(translate("cannot create the folder"), dir));
    const QString root = QFileInfo(dir).canonicalFilePath();
    if (root.isEmpty())
        return Result<SplitWriteResult>(Error(translate("cannot resolve the folder"), dir));

    // Slices are read on the worker threads; one writer takes them in input order.
    enum State
    {
        Pending,
        Read,
        Unreadable
    };
    struct Slice
    {
        YamlSlice part;
        QVector<SplitItem> items;
        CleanPartFindings findings;
        State state = Pending;
    };
    std::vector<Slice> slices(parts.size());
    for (std::size_t k = 0; k < parts.size(); ++k)
        slices[k].part = parts[k];
    std::mutex mutex;
    std::condition_variable ready;
    std::atomic<bool> stop{false};

    QStringList written; // relative paths, in input order
    QStringList folders; // sub-folders made, each once
    CleanFindingsInOrder findings;
    std::optional<Error> failure;
    bool unreadable = false;
    auto refuse = [&](const QString &rel) {
        failure = Error(translate("refusing to write outside the folder: %1").arg(rel), dir);
    };
    // One file, written into a folder that held nothing; false (with failure set) to stop.
#ifdef Q_OS_UNIX
    FolderHandles handles;
#endif
    auto writeOne = [&](const QString &rel, const QByteArray &text) {
        if (!isPlainRelativePath(rel)) {
            refuse(rel);
            return false;
        }
        const QString relFolder = folderOf(rel);
        const QString folder = relFolder.isEmpty() ? root : root + QLatin1Char('/') + relFolder;
        if (!relFolder.isEmpty() && !folders.contains(relFolder)) {
            if (!QDir().mkpath(folder)) {
                failure = Error(translate("cannot create the folder"), folder);
                return false;
            }
            folders.append(relFolder);
            const QString canonical = QFileInfo(folder).canonicalFilePath();
            if (canonical.isEmpty() || !isInside(root, canonical)) {
                refuse(relFolder);
                return false;
            }
        }
        const QString target = root + QLatin1Char('/') + rel;
#ifdef Q_OS_UNIX
        const int dirFd = handles.handle(folder);
        if (dirFd < 0) {
            refuse(rel);
            return false;
        }
        const QString name = rel.mid(rel.lastIndexOf(QLatin1Char('/')) + 1);
        const Result<bool> saved = writeNewAt(dirFd, QFile::encodeName(name), target, text);
#else
        const Result<bool> saved = writeNew(target, text);
#endif
        if (!saved)
            failure = saved.error();
        else if (!*saved) // the folder was empty: something appeared meanwhile
            refuse(rel);
        return saved.ok() && *saved;
    };
    std::thread writer([&] {
        // About one object per 256 bytes of YAML: the set of names taken grows without rehashing.
        NameChooser chooser(options, std::min<qsizetype>(yaml.size() / 256, 1 << 20));
        for (Slice &slice : slices) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                ready.wait(lock, [&] { return slice.state != Pending; });
            }
            if (slice.state == Unreadable) {
                unreadable = true;
                break;
            }
            for (SplitItem &item : slice.items) {
                const QString rel = chooser.choose(item);
                if (rel.isEmpty())
                    continue; // left out by a filter
                if (!writeOne(rel, item.text))
                    break;
                item.text = QByteArray();
                written.append(rel);
            }
            slice.items = QVector<SplitItem>();
            findings.append(slice.findings);
            if (failure)
                break;
        }
        stop = true;
    });
    Slice *const slice = slices.data();
    auto readOne = [&](qsizetype i) {
        const bool read = !stop && readSlice(slice[i].part.bytes(yaml), fileName, options,
                                             slice[i].items, slice[i].findings);
        {
            std::lock_guard<std::mutex> lock(mutex);
            slice[i].state = read ? Read : Unreadable;
        }
        ready.notify_all();
    };
    // The writer, which creates the files one after another, keeps a core to itself, unless the
    // readers clean too: then reading is most of the work, and the writer waits for it anyway.
    const int writerThreads = options.cleanRules ? 0 : 1;
    Detail::parallelFor(qsizetype(slices.size()), 1, readOne, writerThreads);
    writer.join();

    if (unreadable || failure) {
        // The folder held nothing: take back what was written.
        for (const QString &rel : qAsConst(written))
            QFile::remove(root + QLatin1Char('/') + rel);
        std::sort(folders.begin(), folders.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &folder : qAsConst(folders))
            QDir(root).rmpath(folder);
        if (!existed)
            QDir().rmdir(root);
        if (failure)
            return Result<SplitWriteResult>(*failure);
        return std::nullopt; // the whole text is read again, and its error reported
    }
    const Result<QString> kustomization = updateKustomization(root, dir, written, removedSource);
    if (!kustomization)
        return Result<SplitWriteResult>(kustomization.error());
    SplitWriteResult result;
    for (const QString &rel : qAsConst(written))
        result.written.append(root + QLatin1Char('/') + rel);
    result.kustomization = *kustomization;
    result.problems = findings.problems();
    result.hadComments = findings.hadComments();
    result.skippedSecrets = findings.skippedSecrets();
    return Result<SplitWriteResult>(result);
}

Result<SplitWriteResult> writeSplit(const QString &dir, QList<SplitFile> files,
                                    const QString &removedSource)
{
    if (dir.isEmpty())
        return Error(translate("no folder given"));
    if (!QDir().mkpath(dir))
        return Error(translate("cannot create the folder"), dir);
    const QString root = QFileInfo(dir).canonicalFilePath();
    if (root.isEmpty())
        return Error(translate("cannot resolve the folder"), dir);

    // Check every path before writing any, so a hostile list writes nothing at all. Folders are
    // resolved once each (a split writes thousands of files into a handful of folders).
    QHash<QString, QString> folders; // relative folder -> canonical path ("" = outside)
    auto folderInside = [&](const QString &relFolder) {
        const auto known = folders.constFind(relFolder);
        if (known != folders.constEnd())
            return !known->isEmpty();
        const QString canonical =
            relFolder.isEmpty() ? root : canonicalOf(root + QLatin1Char('/') + relFolder);
        const bool inside = !canonical.isEmpty() && isInside(root, canonical);
        folders.insert(relFolder, inside ? canonical : QString());
        return inside;
    };
    // What each folder holds, read once: a name that is not there (compared case-insensitively,
    // for file systems that are) needs no look-up of its own.
    QHash<QString, QSet<QString>> listings;
    auto mayExist = [&](const QString &relFolder, const QString &name) {
        for (const QChar c : name) {
            if (c.unicode() >= 0x80)
                return true; // case folding and normalisation vary: look it up
        }
        auto listing = listings.find(relFolder);
        if (listing == listings.end()) {
            listing = listings.insert(relFolder, QSet<QString>());
            QDirIterator it(relFolder.isEmpty() ? root : root + QLatin1Char('/') + relFolder,
                            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
            while (it.hasNext()) {
                it.next();
                listing->insert(it.fileName().toLower());
            }
        }
        return listing->contains(name.toLower());
    };
    auto targetInside = [&](const QString &target) {
        // An existing link could point anywhere (QSaveFile writes through links): resolve it.
        const QFileInfo info(target);
        if (!info.isSymLink() && !info.isDir())
            return true;
        if (info.isDir())
            return false;
        const QString canonical = info.canonicalFilePath();
        return !canonical.isEmpty() && isInside(root, canonical) && canonical != root;
    };
    QStringList targets;
    for (const SplitFile &file : files) {
        const QString &rel = file.relativePath;
        const QString relFolder = folderOf(rel);
        const QString target = root + QLatin1Char('/') + rel;
        if (!isPlainRelativePath(rel) || !folderInside(relFolder) ||
            (mayExist(relFolder, rel.mid(rel.lastIndexOf(QLatin1Char('/')) + 1)) &&
             !targetInside(target)))
            return Error(translate("refusing to write outside the folder: %1").arg(rel), dir);
        targets.append(target);
    }
    for (auto it = folders.constBegin(); it != folders.constEnd(); ++it) {
        if (it.key().isEmpty())
            continue;
        const QString path = root + QLatin1Char('/') + it.key();
        if (!QDir().mkpath(path))
            return Error(translate("cannot create the folder"), path);
        // Re-check after mkpath: a link may have appeared in between.
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty() || !isInside(root, canonical))
            return Error(translate("refusing to write outside the folder: %1").arg(it.key()), dir);
    }

    // One after another: new files in one folder contend for its lock. Two threads were 1.1x
    // faster on tmpfs but 3.4x slower on ext4 (measured), and a repository lives on a disk; the
    // per-file sync is what made a large split slow.
    // The texts are written on several threads for a large split; the files one after another.
    // Each object is let go once written out, on the thread that wrote it; a file whose text
    // was written out already keeps it.
    QVector<QByteArray> texts(files.size());
    QByteArray *const text = texts.data();
    std::vector<QJsonObject> owned;
    owned.reserve(std::size_t(files.size()));
    for (qsizetype i = 0; i < files.size(); ++i) {
        SplitFile &f = files[i];
        owned.push_back(f.object);
        f.object = QJsonObject();
        text[i] = std::move(f.text);
    }
    QJsonObject *const object = owned.data();
    Detail::parallelFor(qsizetype(owned.size()), 256, [&](qsizetype i) {
        if (text[i].isEmpty())
            text[i] = toYaml(object[i]).toUtf8();
        object[i] = QJsonObject();
    });
    for (qsizetype i = 0; i < files.size(); ++i) {
        const Result<bool> saved = writeNewOrReplace(targets.at(i), texts.at(i));
        if (!saved)
            return saved.error();
    }
    SplitWriteResult result;
    result.written = targets;
    QStringList written;
    written.reserve(files.size());
    for (const SplitFile &file : files)
        written.append(file.relativePath);
    const Result<QString> kustomization = updateKustomization(root, dir, written, removedSource);
    if (!kustomization)
        return kustomization.error();
    result.kustomization = *kustomization;
    return result;
}

} // namespace Fluxdesk
