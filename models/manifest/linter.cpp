#include "linter.h"

#include "manifest/apiversion.h"
#include "manifest/manifestnaming.h"
#include "manifest/manifeststream.h"
#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace Fluxdesk {

namespace {

// Files larger than this are reported, not parsed: a repository holds manifests, not dumps.
constexpr qint64 maxLintBytes = 64 * 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("Linter", text);
}

// Removed API versions and what replaces them. kinds empty: every kind of that group/version.
struct Deprecation
{
    const char *apiVersion;
    const char *kinds; // comma-separated, "" for all
    const char *replacement;
};

// Every entry is removed from the versions Fluxdesk targets (Kubernetes 1.32, Flux 2.7+), so
// applying such an object fails: the finding is an error.
const Deprecation deprecations[] = {
    {"helm.toolkit.fluxcd.io/v2beta1", "", "helm.toolkit.fluxcd.io/v2"},
    {"helm.toolkit.fluxcd.io/v2beta2", "", "helm.toolkit.fluxcd.io/v2"},
    {"source.toolkit.fluxcd.io/v1beta1", "", "source.toolkit.fluxcd.io/v1"},
    {"source.toolkit.fluxcd.io/v1beta2", "", "source.toolkit.fluxcd.io/v1"},
    {"kustomize.toolkit.fluxcd.io/v1beta1", "", "kustomize.toolkit.fluxcd.io/v1"},
    {"kustomize.toolkit.fluxcd.io/v1beta2", "", "kustomize.toolkit.fluxcd.io/v1"},
    {"extensions/v1beta1", "Ingress,NetworkPolicy", "networking.k8s.io/v1"},
    {"extensions/v1beta1", "PodSecurityPolicy", ""},
    {"extensions/v1beta1", "", "apps/v1"},
    {"apps/v1beta1", "", "apps/v1"},
    {"apps/v1beta2", "", "apps/v1"},
    {"networking.k8s.io/v1beta1", "", "networking.k8s.io/v1"},
    {"policy/v1beta1", "PodSecurityPolicy", ""},
    {"policy/v1beta1", "", "policy/v1"},
    {"batch/v1beta1", "", "batch/v1"},
    {"batch/v2alpha1", "", "batch/v1"},
    {"autoscaling/v2beta1", "", "autoscaling/v2"},
    {"autoscaling/v2beta2", "", "autoscaling/v2"},
    {"rbac.authorization.k8s.io/v1beta1", "", "rbac.authorization.k8s.io/v1"},
    {"rbac.authorization.k8s.io/v1alpha1", "", "rbac.authorization.k8s.io/v1"},
    {"apiextensions.k8s.io/v1beta1", "", "apiextensions.k8s.io/v1"},
    {"admissionregistration.k8s.io/v1beta1", "", "admissionregistration.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "", "storage.k8s.io/v1"},
    {"scheduling.k8s.io/v1beta1", "", "scheduling.k8s.io/v1"},
    {"discovery.k8s.io/v1beta1", "", "discovery.k8s.io/v1"},
    {"node.k8s.io/v1beta1", "", "node.k8s.io/v1"},
    {"certificates.k8s.io/v1beta1", "", "certificates.k8s.io/v1"},
    {"coordination.k8s.io/v1beta1", "", "coordination.k8s.io/v1"},
    {"events.k8s.io/v1beta1", "", "events.k8s.io/v1"},
};

const Deprecation *deprecationFor(const QString &apiVersion, const QString &kind)
{
    for (const Deprecation &d : deprecations) {
        if (apiVersion != QLatin1String(d.apiVersion))
            continue;
        const QString kinds = QString::fromLatin1(d.kinds);
        if (kinds.isEmpty() || kinds.split(QLatin1Char(',')).contains(kind))
            return &d;
    }
    return nullptr;
}

// Where a workload keeps its pod spec, for the built-in workload kinds.
QStringList podSpecPath(const QString &apiVersion, const QString &kind)
{
    const QString group = groupOfApiVersion(apiVersion);
    if (kind == QLatin1String("Pod") && group.isEmpty())
        return {QStringLiteral("spec")};
    const bool builtIn = group.isEmpty() || group == QLatin1String("apps") ||
                         group == QLatin1String("batch") || group == QLatin1String("extensions");
    if (!builtIn)
        return {};
    if (kind == QLatin1String("Deployment") || kind == QLatin1String("StatefulSet") ||
        kind == QLatin1String("DaemonSet") || kind == QLatin1String("ReplicaSet") ||
        kind == QLatin1String("ReplicationController") || kind == QLatin1String("Job"))
        return {QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec")};
    if (kind == QLatin1String("CronJob"))
        return {QStringLiteral("spec"), QStringLiteral("jobTemplate"), QStringLiteral("spec"),
                QStringLiteral("template"), QStringLiteral("spec")};
    return {};
}

class DocumentLinter
{
public:
    DocumentLinter(const YamlDocument &document, const QString &fileName, bool kustomizationFile,
                   QList<Problem> &out)
        : m_document(document), m_file(fileName), m_kustomizationFile(kustomizationFile), m_out(out)
    {}

    void lint()
    {
        if (!m_document.value.isObject())
            return; // a scalar or list document is not a manifest (nor an error in YAML)
        lintObject(m_document.value.toObject(), QString());
    }

private:
    static QString join(const QString &prefix, const QString &key)
    {
        return yamlPathKey(prefix, key);
    }

    void add(Problem::Severity severity, const QString &rule, QPair<int, int> position,
             const QString &message)
    {
        Problem problem;
        problem.severity = severity;
        problem.file = m_file;
        problem.line = position.first > 0 ? position.first : m_document.line;
        problem.column = position.first > 0 ? position.second : 1;
        problem.message = message;
        problem.rule = rule;
        m_out.append(problem);
    }

    // Where the node at path starts (its value).
    QPair<int, int> nodeAt(const QString &path) const { return m_document.positionOf(path); }

    // Where path's key is written ("metadata:"), else its node.
    QPair<int, int> keyAt(const QString &path) const
    {
        const auto key = m_document.keyPositions.constFind(path);
        if (key != m_document.keyPositions.constEnd() && key->first > 0)
            return *key;
        return m_document.positionOf(path);
    }

    void lintObject(const QJsonObject &object, const QString &prefix)
    {
        const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
        const QString kind = object.value(QLatin1String("kind")).toString();
        const bool looksLikeManifest = object.contains(QLatin1String("apiVersion")) ||
                                       object.contains(QLatin1String("kind")) ||
                                       object.value(QLatin1String("metadata")).isObject();
        // Helm values, tool configuration and the like are YAML too, but not manifests.
        if (!looksLikeManifest)
            return;

        // Lists are unwrapped: their items are the objects.
        const QJsonValue items = object.value(QLatin1String("items"));
        if ((kind == QLatin1String("List") || kind.endsWith(QLatin1String("List"))) &&
            items.isArray()) {
            const QJsonArray array = items.toArray();
            for (int i = 0; i < array.size(); ++i) {
                // A typed list's items take their apiVersion and kind from the list.
                if (array.at(i).isObject())
                    lintObject(typedListItem(object, array.at(i).toObject()),
                               yamlPathIndex(join(prefix, QStringLiteral("items")), i));
            }
            return;
        }

        const bool kustomization =
            apiVersion.startsWith(QLatin1String("kustomize.config.k8s.io/")) ||
            (m_kustomizationFile && !object.contains(QLatin1String("metadata")));
        checkRequired(object, prefix, kustomization);
        checkApi(object, prefix, apiVersion, kind);
        checkWorkload(object, prefix, apiVersion, kind);
        checkSecret(object, prefix, apiVersion, kind);
    }

    void checkRequired(const QJsonObject &object, const QString &prefix, bool kustomization)
    {
        const QPair<int, int> root = nodeAt(prefix);
        if (object.value(QLatin1String("apiVersion")).toString().isEmpty())
            add(Problem::Severity::Error, QStringLiteral("missing-field"),
                object.contains(QLatin1String("apiVersion"))
                    ? keyAt(join(prefix, QStringLiteral("apiVersion")))
                    : root,
                tr("missing apiVersion"));
        if (object.value(QLatin1String("kind")).toString().isEmpty())
            add(Problem::Severity::Error, QStringLiteral("missing-field"),
                object.contains(QLatin1String("kind")) ? keyAt(join(prefix, QStringLiteral("kind")))
                                                       : root,
                tr("missing kind"));
        if (kustomization)
            return; // kustomize's own file has no metadata.name
        const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        const QString metadataPath = join(prefix, QStringLiteral("metadata"));
        if (!object.contains(QLatin1String("metadata")))
            add(Problem::Severity::Error, QStringLiteral("missing-field"), root,
                tr("missing metadata.name"));
        else if (metadata.value(QLatin1String("name")).toString().isEmpty() &&
                 metadata.value(QLatin1String("generateName")).toString().isEmpty())
            add(Problem::Severity::Error, QStringLiteral("missing-field"),
                metadata.contains(QLatin1String("name"))
                    ? keyAt(join(metadataPath, QStringLiteral("name")))
                    : keyAt(metadataPath),
                tr("missing metadata.name"));
    }

    void checkApi(const QJsonObject &object, const QString &prefix, const QString &apiVersion,
                  const QString &kind)
    {
        const QString apiPath = join(prefix, QStringLiteral("apiVersion"));
        if (const Deprecation *d = deprecationFor(apiVersion, kind)) {
            const QString replacement = QString::fromLatin1(d->replacement);
            const QString what = kind.isEmpty() ? apiVersion : apiVersion + QLatin1Char(' ') + kind;
            add(Problem::Severity::Error, QStringLiteral("deprecated-api"), nodeAt(apiPath),
                replacement.isEmpty() ? tr("%1 was removed and has no replacement").arg(what)
                                      : tr("%1 was removed; use %2").arg(what, replacement));
        }
        if (kind == QLatin1String("HelmRepository") &&
            groupOfApiVersion(apiVersion) == QLatin1String("source.toolkit.fluxcd.io")) {
            const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
            if (spec.value(QLatin1String("type")).toString() == QLatin1String("oci")) {
                const QString typePath =
                    join(join(prefix, QStringLiteral("spec")), QStringLiteral("type"));
                add(Problem::Severity::Warning, QStringLiteral("helmrepository-oci"),
                    nodeAt(typePath),
                    tr("HelmRepository of type oci is in maintenance mode; use an OCIRepository "
                       "(source.toolkit.fluxcd.io/v1) and the HelmRelease's chartRef"));
            }
        }
    }

    void checkImage(const QString &image, const QString &path)
    {
        if (image.isEmpty() || image.contains(QLatin1Char('@')))
            return; // digest-pinned images are as pinned as it gets
        const int slash = image.lastIndexOf(QLatin1Char('/'));
        const int colon = image.lastIndexOf(QLatin1Char(':'));
        const QString tag = colon > slash ? image.mid(colon + 1) : QString();
        if (tag.isEmpty())
            add(Problem::Severity::Warning, QStringLiteral("image-untagged"), nodeAt(path),
                tr("image \"%1\" has no tag; pin a version").arg(image));
        else if (tag == QLatin1String("latest"))
            add(Problem::Severity::Warning, QStringLiteral("image-latest"), nodeAt(path),
                tr("image \"%1\" uses the latest tag; pin a version").arg(image));
    }

    void checkWorkload(const QJsonObject &object, const QString &prefix, const QString &apiVersion,
                       const QString &kind)
    {
        const QStringList specPath = podSpecPath(apiVersion, kind);
        if (specPath.isEmpty())
            return;
        QJsonObject podSpec = object;
        QString path = prefix;
        for (const QString &key : specPath) {
            podSpec = podSpec.value(key).toObject();
            path = join(path, key);
        }
        for (const char *list : {"initContainers", "containers"}) {
            const QString listName = QString::fromLatin1(list);
            const QJsonArray containers = podSpec.value(listName).toArray();
            const QString listPath = join(path, listName);
            for (int i = 0; i < containers.size(); ++i) {
                const QJsonObject container = containers.at(i).toObject();
                const QString containerPath = yamlPathIndex(listPath, i);
                checkImage(container.value(QLatin1String("image")).toString(),
                           join(containerPath, QStringLiteral("image")));
                if (listName != QLatin1String("containers"))
                    continue; // init containers run briefly; the pod's limits cover them
                const QJsonObject resources =
                    container.value(QLatin1String("resources")).toObject();
                const bool hasAny =
                    !resources.value(QLatin1String("requests")).toObject().isEmpty() ||
                    !resources.value(QLatin1String("limits")).toObject().isEmpty();
                if (!hasAny) {
                    const QString resourcesPath = join(containerPath, QStringLiteral("resources"));
                    add(Problem::Severity::Warning, QStringLiteral("missing-resources"),
                        container.contains(QLatin1String("resources")) ? keyAt(resourcesPath)
                                                                       : nodeAt(containerPath),
                        tr("container \"%1\" has no resource requests or limits")
                            .arg(container.value(QLatin1String("name")).toString()));
                }
            }
        }
    }

    void checkSecret(const QJsonObject &object, const QString &prefix, const QString &apiVersion,
                     const QString &kind)
    {
        if (kind != QLatin1String("Secret") || apiVersion != QLatin1String("v1"))
            return;
        if (object.contains(QLatin1String("sops")))
            return; // encrypted by SOPS: the values are ciphertext
        for (const char *key : {"data", "stringData"}) {
            const QString name = QString::fromLatin1(key);
            if (object.value(name).toObject().isEmpty())
                continue;
            // Never quote the values: the message names the Secret only.
            const QString secretName = object.value(QLatin1String("metadata"))
                                           .toObject()
                                           .value(QLatin1String("name"))
                                           .toString();
            add(Problem::Severity::Warning, QStringLiteral("secret-plain-text"),
                keyAt(join(prefix, name)),
                tr("Secret \"%1\" in plain text; encrypt it (SOPS) before committing")
                    .arg(secretName));
            return;
        }
    }

    const YamlDocument &m_document;
    QString m_file;
    bool m_kustomizationFile;
    QList<Problem> &m_out;
};

bool isKustomizationFile(const QString &fileName)
{
    return isKustomizationFileName(QFileInfo(fileName).fileName());
}

void collectFiles(const QString &dir, QStringList &out, int depth)
{
    if (depth > 64)
        return;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().startsWith(QLatin1Char('.')))
            continue; // .git, .github, .sops.yaml and other hidden things
        if (entry.isDir()) {
            if (!entry.isSymLink()) // never loop through a link
                collectFiles(entry.filePath(), out, depth + 1);
            continue;
        }
        const QString suffix = entry.suffix().toLower();
        if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
            out.append(entry.filePath());
    }
}

} // namespace

QList<Problem> lintYaml(const QByteArray &yaml, const QString &fileName)
{
    QList<Problem> problems;
    YamlParseOptions options;
    options.recordPositions = true;
    const Result<QList<YamlDocument>> documents = parseYamlDocuments(yaml, fileName, options);
    if (!documents) {
        Problem problem;
        problem.severity = Problem::Severity::Error;
        problem.file = fileName;
        problem.line = documents.error().line;
        problem.column = documents.error().column;
        problem.message = documents.error().message;
        problem.rule = QStringLiteral("parse-error");
        problems.append(problem);
        return problems;
    }
    const bool kustomizationFile = isKustomizationFile(fileName);
    for (const YamlDocument &document : *documents)
        DocumentLinter(document, fileName, kustomizationFile, problems).lint();
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return problems;
}

QList<Problem> lintRepository(const QString &repoDir)
{
    QList<Problem> problems;
    QStringList files;
    collectFiles(repoDir, files, 0);
    const QDir root(repoDir);
    for (const QString &path : std::as_const(files)) {
        const QString relative = root.relativeFilePath(path);
        QFile file(path);
        Problem problem;
        problem.file = relative;
        if (file.size() > maxLintBytes) {
            problem.severity = Problem::Severity::Warning;
            problem.rule = QStringLiteral("file-too-large");
            problem.message = tr("file too large to lint (%1 MB)").arg(file.size() >> 20);
            problems.append(problem);
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            problem.severity = Problem::Severity::Error;
            problem.rule = QStringLiteral("read-error");
            problem.message = tr("cannot read: %1").arg(file.errorString());
            problems.append(problem);
            continue;
        }
        problems.append(lintYaml(file.readAll(), relative));
    }
    return problems;
}

} // namespace Fluxdesk
