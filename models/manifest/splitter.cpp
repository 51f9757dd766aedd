#include "splitter.h"

#include "manifest/manifestnaming.h"
#include "manifest/manifeststream.h"
#include "manifest/parallel.h"
#include "manifest/yamljson.h"
#include "manifest/yamlslices.h"
#include "manifest/yamlwriter.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace Fluxdesk {

namespace {

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
        for (int n = 2;
             m_taken.contains(lower) || isKustomizationFileName(lower, Qt::CaseInsensitive); ++n) {
            path = withNumberSuffix(item.base, n);
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

bool canStreamLargeYaml(const QByteArray &yaml, const SplitOptions &options)
{
    return !options.helmInstallOrder && !largeSplitSlices(yaml, options).empty();
}

std::optional<StreamedSplit> streamLargeYaml(const QByteArray &yaml, const QString &fileName,
                                             const SplitOptions &options, const SplitFileSink &sink)
{
    if (options.helmInstallOrder)
        return std::nullopt;
    const std::vector<YamlSlice> parts = largeSplitSlices(yaml, options);
    if (parts.empty())
        return std::nullopt;

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

    CleanFindingsInOrder findings;
    bool stopped = false;
    bool unreadable = false;
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
                if (!sink(rel, item.text)) {
                    stopped = true;
                    break;
                }
                item.text = QByteArray();
            }
            slice.items = QVector<SplitItem>();
            findings.append(slice.findings);
            if (stopped)
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

    if (unreadable)
        return std::nullopt;
    StreamedSplit result;
    result.stopped = stopped;
    result.problems = findings.problems();
    result.hadComments = findings.hadComments();
    result.skippedSecrets = findings.skippedSecrets();
    return result;
}

} // namespace Fluxdesk
