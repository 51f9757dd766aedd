// Validation before commit: what Flux will read, built and checked before it is pushed.
#include "flux/validation.h"

#include "core/jobrunner.h"
#include "flux/fluxschema.h"
#include "kube/serverdryrun.h"
#include "manifest/linter.h"
#include "manifest/manifeststream.h"
#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Fluxdesk {

namespace {

// Gives lupdate and the runtime the same context ("Validation") for the strings below.
class ValidationText
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};

const QString origin = QStringLiteral("validate");

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString groupOf(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : apiVersion.left(slash);
}

bool isFluxGroup(const QString &group)
{
    return group.endsWith(QLatin1String(".toolkit.fluxcd.io"));
}

// The objects the schemas speak for: Flux's, and the core Secret and ConfigMap.
bool isChecked(const QJsonObject &object)
{
    const QString apiVersion = str(object, "apiVersion");
    const QString kind = str(object, "kind");
    return isFluxGroup(groupOf(apiVersion)) ||
           (apiVersion == QLatin1String("v1") &&
            (kind == QLatin1String("ConfigMap") || kind == QLatin1String("Secret")));
}

bool isFluxKustomization(const QJsonObject &object)
{
    return str(object, "kind") == QLatin1String("Kustomization") &&
           groupOf(str(object, "apiVersion")) == QLatin1String("kustomize.toolkit.fluxcd.io");
}

QString nameOf(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const QString ns = str(meta, "namespace");
    const QString name = str(meta, "name");
    return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
}

// "ConfigMap app/settings"
QString objectText(const QJsonObject &object)
{
    return str(object, "kind") + QLatin1Char(' ') + nameOf(object);
}

QString identity(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    return str(object, "kind") + QLatin1Char('/') + str(meta, "name");
}

// SOPS-encrypted files carry a top-level sops: block that Flux removes when it decrypts.
QJsonObject withoutSops(QJsonObject object)
{
    object.remove(QLatin1String("sops"));
    return object;
}

Problem problem(Problem::Severity severity, const QString &file, int line, int column,
                const QString &message, const QString &rule)
{
    Problem p;
    p.severity = severity;
    p.file = file;
    p.line = line;
    p.column = column;
    p.message = message;
    p.rule = rule;
    p.origin = origin;
    return p;
}

QString removedApiText(const QString &apiVersion, const QString &kind)
{
    const QStringList current = SchemaSet::builtIn().apiVersionsOf(kind);
    if (current.isEmpty())
        return ValidationText::tr("%1 %2 is not a kind the current Flux controllers serve")
            .arg(apiVersion, kind);
    return ValidationText::tr(
               "%1 %2 is not served by the current Flux controllers (Flux 2.7 and 2.8 removed "
               "the beta APIs); use %3")
        .arg(apiVersion, kind, current.join(QStringLiteral(" or ")));
}

// YAML 1.1 timestamps: kustomize reads an unquoted one as a date and writes it back as
// "2024-04-01T00:00:00Z".
bool looksLikeTimestamp(const QString &text)
{
    static const QRegularExpression timestamp(QStringLiteral(
        R"(^\d{4}-\d{1,2}-\d{1,2}(([Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(\.\d*)?([ \t]*(Z|[-+]\d{1,2}(:\d{2})?))?)?$)"));
    return timestamp.match(text).hasMatch();
}

// Where a Flux Kustomization of the repository's files is written, to point at its spec.path.
struct Located
{
    QString file;
    int line = 0;
    int column = 0;
};

void collectYamlFiles(const QString &dir, QStringList &out, int depth)
{
    if (depth > 64)
        return;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().startsWith(QLatin1Char('.')))
            continue;
        if (entry.isDir()) {
            if (!entry.isSymLink())
                collectYamlFiles(entry.filePath(), out, depth + 1);
            continue;
        }
        const QString suffix = entry.suffix().toLower();
        if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
            out.append(entry.filePath());
    }
}

bool hasKustomizationFile(const QDir &dir)
{
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        if (QFileInfo(dir.filePath(QLatin1String(name))).isFile())
            return true;
    }
    return false;
}

QString kustomizationFileIn(const QString &repoDir, const QString &folder)
{
    const QDir dir(QDir(repoDir).filePath(folder.isEmpty() ? QStringLiteral(".") : folder));
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        if (QFileInfo(dir.filePath(QLatin1String(name))).isFile())
            return QDir::cleanPath(folder + QLatin1Char('/') + QLatin1String(name));
    }
    return folder;
}

class Validator
{
public:
    Validator(const ValidationOptions &options, const JobContext *context)
        : m_options(options), m_context(context), m_repo(options.repoDir)
    {}

    ValidationReport run();

private:
    bool canceled() const { return m_context && m_context->isCanceled(); }
    void scanFiles();
    QStringList clusterFolders();
    void buildFolder(const QString &folder, QList<QJsonObject> &objects);
    void generatedBuild(const QString &folder, QList<QJsonObject> &objects, int depth);
    void checkBuilt(const QJsonObject &object, const QString &folder);

    struct Pending
    {
        QString folder;
        QString appliedBy;
        Located reference; // the spec.path that names the folder (none for a cluster folder)
    };
    void follow(const QJsonObject &kustomization, const QString &builtFrom);

    const ValidationOptions &m_options;
    const JobContext *m_context;
    QDir m_repo;
    ValidationReport m_report;
    QHash<QString, Located> m_objects;   // identity() -> where the repository writes it
    QHash<QString, Located> m_specPaths; // "ns/name" of a Flux Kustomization -> its spec.path
    QSet<QString> m_reported;            // identity|path|message found in the files already
    QList<Pending> m_queue;
    QSet<QString> m_visited;
};

void Validator::scanFiles()
{
    QStringList files;
    collectYamlFiles(m_options.repoDir, files, 0);
    for (const QString &path : std::as_const(files)) {
        if (canceled())
            return;
        QFile file(path);
        if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue; // lint says so
        const QString relative = m_repo.relativeFilePath(path);
        const QByteArray text = file.readAll();
        const QList<Problem> found = checkFluxFile(text, relative);
        m_report.problems.append(found);
        // Remember where objects and Flux Kustomizations' paths are written, and what was said.
        YamlParseOptions parse;
        parse.recordPositions = true;
        const Result<QList<YamlDocument>> documents = parseYamlDocuments(text, relative, parse);
        if (!documents)
            continue;
        for (const YamlDocument &document : *documents) {
            const QJsonObject object = document.value.toObject();
            if (!object.contains(QLatin1String("kind")))
                continue;
            m_objects.insert(identity(object), {relative, document.line, 1});
            m_report.objectFiles.insert(identity(object), relative);
            if (!isChecked(object))
                continue;
            if (isFluxKustomization(object)) {
                const QPair<int, int> at = document.positionOf(QStringLiteral("spec.path"));
                m_specPaths.insert(nameOf(object), {relative, at.first, at.second});
            }
            for (const SchemaViolation &violation :
                 SchemaSet::builtIn().violations(withoutSops(object)))
                m_reported.insert(identity(object) + QLatin1Char('|') + violation.toString());
        }
    }
}

QStringList Validator::clusterFolders()
{
    const QDir clusters(m_repo.filePath(QStringLiteral("clusters")));
    if (!m_options.cluster.isEmpty()) {
        const QString folder = QStringLiteral("clusters/") + m_options.cluster;
        if (!QFileInfo(m_repo.filePath(folder)).isDir()) {
            m_report.problems.append(problem(
                Problem::Severity::Error, folder, 0, 0,
                ValidationText::tr(
                    "The repository has no folder %1: Flux's flux-system Kustomization of cluster "
                    "%2 reads it. Write the plan first, or name another cluster.")
                    .arg(folder, m_options.cluster),
                QStringLiteral("no-cluster")));
            return {};
        }
        return {folder};
    }
    QStringList out;
    const QStringList names =
        clusters.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name);
    for (const QString &name : names) {
        if (!name.startsWith(QLatin1Char('.')))
            out.append(QStringLiteral("clusters/") + name);
    }
    if (out.isEmpty())
        m_report.problems.append(
            problem(Problem::Severity::Error, QStringLiteral("clusters"), 0, 0,
                    ValidationText::tr(
                        "The repository has no clusters/<cluster>/ folder, so Flux has nothing to "
                        "read. Write the plan first (Plan > Write Plan, or fluxdesk-cli plan "
                        "--write)."),
                    QStringLiteral("no-cluster")));
    return out;
}

void Validator::generatedBuild(const QString &folder, QList<QJsonObject> &objects, int depth)
{
    // As kustomize-controller does for a folder without a kustomization.yaml: every manifest in
    // it and below, and a sub-folder with its own kustomization built as one.
    if (depth > 32)
        return;
    const QDir dir(m_repo.filePath(folder.isEmpty() ? QStringLiteral(".") : folder));
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().startsWith(QLatin1Char('.')) || canceled())
            continue;
        const QString relative = QDir::cleanPath(folder + QLatin1Char('/') + entry.fileName());
        if (entry.isDir()) {
            if (entry.isSymLink())
                continue;
            if (hasKustomizationFile(QDir(entry.filePath())))
                buildFolder(relative, objects);
            else
                generatedBuild(relative, objects, depth + 1);
            continue;
        }
        const QString suffix = entry.suffix().toLower();
        if (suffix != QLatin1String("yaml") && suffix != QLatin1String("yml"))
            continue;
        QFile file(entry.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const Result<QList<QJsonObject>> parsed = parseManifestStream(file.readAll(), relative);
        if (parsed) // a file that does not read is lint's to report
            objects.append(*parsed);
    }
}

void Validator::buildFolder(const QString &folder, QList<QJsonObject> &objects)
{
    const QDir dir(m_repo.filePath(folder.isEmpty() ? QStringLiteral(".") : folder));
    if (!hasKustomizationFile(dir)) {
        generatedBuild(folder, objects, 0);
        return;
    }
    if (!m_options.tool.isValid())
        return; // said once
    const Result<QByteArray> output =
        kustomizeBuild(m_options.tool, m_options.repoDir, folder, m_options.timeoutMs,
                       m_context ? &m_context->canceledFlag() : nullptr);
    if (canceled())
        return;
    if (!output) {
        const Error &error = output.error();
        m_report.problems.append(problem(Problem::Severity::Error, error.file, error.line,
                                         error.column, error.message,
                                         QStringLiteral("kustomize-build")));
        return;
    }
    const Result<QList<QJsonObject>> parsed = parseManifestStream(*output, folder);
    if (!parsed) {
        m_report.problems.append(
            problem(Problem::Severity::Error, kustomizationFileIn(m_options.repoDir, folder), 0, 0,
                    ValidationText::tr("The output of kustomize build %1 does not read: %2")
                        .arg(folder, parsed.error().toString()),
                    QStringLiteral("kustomize-build")));
        return;
    }
    objects.append(*parsed);
}

void Validator::checkBuilt(const QJsonObject &object, const QString &folder)
{
    if (!isChecked(object))
        return;
    const QString apiVersion = str(object, "apiVersion");
    const QString kind = str(object, "kind");
    const Located written = m_objects.value(identity(object));
    const QString file =
        written.file.isEmpty() ? kustomizationFileIn(m_options.repoDir, folder) : written.file;
    const int line = written.file.isEmpty() ? 0 : written.line;
    const SchemaSet &schemas = SchemaSet::builtIn();
    if (isFluxGroup(groupOf(apiVersion)) && !schemas.covers(apiVersion, kind)) {
        if (written.file.isEmpty()) // lint reports the files' removed APIs
            m_report.problems.append(problem(Problem::Severity::Error, file, line, 0,
                                             objectText(object) + QStringLiteral(": ") +
                                                 removedApiText(apiVersion, kind),
                                             QStringLiteral("flux-removed-api")));
        return;
    }
    for (const SchemaViolation &violation : schemas.violations(withoutSops(object))) {
        const QString key = identity(object) + QLatin1Char('|') + violation.toString();
        if (m_reported.contains(key))
            continue;
        m_reported.insert(key);
        m_report.problems.append(
            problem(Problem::Severity::Error, file, line, 0,
                    ValidationText::tr("%1 as kustomize builds %2: %3")
                        .arg(objectText(object), folder.isEmpty() ? QStringLiteral(".") : folder,
                             violation.toString()),
                    QStringLiteral("flux-schema")));
    }
}

void Validator::follow(const QJsonObject &kustomization, const QString &builtFrom)
{
    const QJsonObject spec = kustomization.value(QLatin1String("spec")).toObject();
    const QJsonObject source = spec.value(QLatin1String("sourceRef")).toObject();
    Located reference = m_specPaths.value(nameOf(kustomization));
    if (reference.file.isEmpty())
        reference.file = kustomizationFileIn(m_options.repoDir, builtFrom);
    const QString sourceName = str(source, "name");
    if (str(source, "kind") != QLatin1String("GitRepository") ||
        sourceName != QLatin1String("flux-system")) {
        m_report.problems.append(problem(
            Problem::Severity::Info, reference.file, reference.line, reference.column,
            ValidationText::tr("Kustomization %1 reads %2 %3, not this repository: not built here")
                .arg(nameOf(kustomization), str(source, "kind"), sourceName),
            QStringLiteral("other-source")));
        return;
    }
    const QString path = str(spec, "path");
    QString folder = QDir::cleanPath(QStringLiteral("/") + path).mid(1);
    if (path.contains(QLatin1String(".."))) {
        m_report.problems.append(
            problem(Problem::Severity::Error, reference.file, reference.line, reference.column,
                    ValidationText::tr("spec.path %1 of Kustomization %2 leaves the repository")
                        .arg(path, nameOf(kustomization)),
                    QStringLiteral("flux-path")));
        return;
    }
    if (!QFileInfo(m_repo.filePath(folder.isEmpty() ? QStringLiteral(".") : folder)).isDir()) {
        m_report.problems.append(problem(
            Problem::Severity::Error, reference.file, reference.line, reference.column,
            ValidationText::tr(
                "spec.path %1 of Kustomization %2 is not a folder of the repository: Flux would "
                "fail to apply it. Create the folder or correct the path.")
                .arg(path, nameOf(kustomization)),
            QStringLiteral("flux-path")));
        return;
    }
    m_queue.append(
        {folder, ValidationText::tr("Kustomization %1").arg(nameOf(kustomization)), reference});
}

ValidationReport Validator::run()
{
    if (!m_options.tool.isValid())
        m_report.problems.append(problem(Problem::Severity::Error, QString(), 0, 0,
                                         kustomizeMissingText(),
                                         QStringLiteral("kustomize-missing")));
    if (m_context)
        m_context->setProgress(0, 1, ValidationText::tr("Reading the repository's files"));
    scanFiles();
    m_report.clusters = clusterFolders();
    for (const QString &cluster : std::as_const(m_report.clusters))
        m_queue.append(
            {cluster, ValidationText::tr("the flux-system Kustomization of %1").arg(cluster), {}});
    int done = 0;
    while (!m_queue.isEmpty() && !canceled()) {
        const Pending pending = m_queue.takeFirst();
        if (m_visited.contains(pending.folder))
            continue;
        m_visited.insert(pending.folder);
        if (m_context)
            m_context->setProgress(done, done + m_queue.size() + 1,
                                   ValidationText::tr("Building %1").arg(pending.folder));
        BuiltFolder built{pending.folder, pending.appliedBy, {}};
        buildFolder(pending.folder, built.objects);
        for (const QJsonObject &object : std::as_const(built.objects)) {
            checkBuilt(object, pending.folder);
            if (isFluxKustomization(object))
                follow(object, pending.folder);
        }
        m_report.built.append(built);
        ++done;
    }
    if (m_options.lint && !canceled()) {
        if (m_context)
            m_context->setProgress(done, done + 1, ValidationText::tr("Linting"));
        QList<Problem> lint = lintRepository(m_options.repoDir);
        for (Problem &p : lint)
            p.origin = origin;
        m_report.problems.append(lint);
    }
    m_report.canceled = canceled();
    std::stable_sort(m_report.problems.begin(), m_report.problems.end(),
                     [](const Problem &a, const Problem &b) { return a.severity < b.severity; });
    return m_report;
}

} // namespace

QList<Problem> checkFluxFile(const QByteArray &text, const QString &fileName)
{
    QList<Problem> out;
    YamlParseOptions options;
    options.recordPositions = true;
    const Result<QList<YamlDocument>> documents = parseYamlDocuments(text, fileName, options);
    if (!documents)
        return out; // lint reports it
    QStringList lines;
    const SchemaSet &schemas = SchemaSet::builtIn();
    for (const YamlDocument &document : *documents) {
        const QJsonObject object = document.value.toObject();
        if (!isChecked(object))
            continue;
        const QString apiVersion = str(object, "apiVersion");
        const QString kind = str(object, "kind");
        if (!schemas.covers(apiVersion, kind))
            continue; // a removed Flux API: lint names its replacement
        for (const SchemaViolation &violation : schemas.violations(withoutSops(object))) {
            // An unknown field at its key; a missing one at the key of the map that lacks it.
            const bool missing = violation.message == QLatin1String("missing required field");
            const QString path = missing ? yamlPathParent(violation.path) : violation.path;
            const QPair<int, int> at =
                (missing || violation.message == QLatin1String("unknown field")) &&
                        document.keyPositions.contains(path)
                    ? document.keyPositions.value(path)
                    : document.positionOf(path);
            out.append(problem(Problem::Severity::Error, fileName, at.first, at.second,
                               objectText(object) + QStringLiteral(": ") + violation.toString(),
                               QStringLiteral("flux-schema")));
        }
        if (kind != QLatin1String("ConfigMap"))
            continue;
        const QJsonObject data = object.value(QLatin1String("data")).toObject();
        for (auto it = data.begin(); it != data.end(); ++it) {
            if (!it.value().isString() || !looksLikeTimestamp(it.value().toString()))
                continue;
            const QString path = yamlPathKey(QStringLiteral("data"), it.key());
            const QPair<int, int> at = document.positionOf(path);
            if (lines.isEmpty())
                lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
            const QString line =
                at.first > 0 && at.first <= lines.size() ? lines.at(at.first - 1) : QString();
            const QChar first =
                at.second > 0 && at.second <= line.size() ? line.at(at.second - 1) : QChar();
            if (first == QLatin1Char('"') || first == QLatin1Char('\'') ||
                first == QLatin1Char('|') || first == QLatin1Char('>'))
                continue; // quoted: stays a string
            out.append(problem(
                Problem::Severity::Error, fileName, at.first, at.second,
                QCoreApplication::translate(
                    "Validation",
                    "ConfigMap %1: %2: %3 is read as a date by kustomize, which Flux applies as "
                    "\"%3T00:00:00Z\" (or refuses); quote it: \"%3\"")
                    .arg(nameOf(object), path, it.value().toString()),
                QStringLiteral("yaml-timestamp")));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Problem &a, const Problem &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

ValidationReport validateRepository(const ValidationOptions &options, const JobContext *context)
{
    return Validator(options, context).run();
}

int ValidationReport::count(Problem::Severity severity) const
{
    return int(std::count_if(problems.cbegin(), problems.cend(),
                             [severity](const Problem &p) { return p.severity == severity; }));
}

QList<QJsonObject> ValidationReport::builtObjects() const
{
    QList<QJsonObject> out;
    for (const BuiltFolder &folder : built) {
        for (const QJsonObject &object : folder.objects) {
            if (!object.contains(QLatin1String("sops")))
                out.append(object);
        }
    }
    return out;
}

void ValidationReport::addDryRun(const QList<QJsonObject> &objects,
                                 const QList<DryRunOutcome> &outcomes, const QString &error)
{
    if (!error.isEmpty()) {
        problems.append(
            problem(Problem::Severity::Warning, QString(), 0, 0,
                    QCoreApplication::translate("Validation", "The server dry-run did not run: %1")
                        .arg(error),
                    QStringLiteral("dry-run")));
    }
    for (int i = 0; i < outcomes.size(); ++i) {
        const DryRunOutcome &outcome = outcomes.at(i);
        if (outcome.ok)
            continue;
        const QString file =
            i < objects.size() ? objectFiles.value(identity(objects.at(i))) : QString();
        problems.append(problem(
            Problem::Severity::Error, file, 0, 0,
            QCoreApplication::translate("Validation", "%1: the API server refuses it (dry-run): %2")
                .arg(outcome.object, outcome.message),
            QStringLiteral("dry-run")));
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem &a, const Problem &b) { return a.severity < b.severity; });
}

QString ValidationReport::countsText() const
{
    const int errors = count(Problem::Severity::Error);
    const int warnings = count(Problem::Severity::Warning);
    if (errors == 0 && warnings == 0)
        return QCoreApplication::translate("Validation", "no problems");
    // Singular and plural spelled out: no English translation supplies %n's forms.
    const QString e = errors == 1
                          ? QCoreApplication::translate("Validation", "1 error")
                          : QCoreApplication::translate("Validation", "%1 errors").arg(errors);
    const QString w = warnings == 1
                          ? QCoreApplication::translate("Validation", "1 warning")
                          : QCoreApplication::translate("Validation", "%1 warnings").arg(warnings);
    if (warnings == 0)
        return e;
    if (errors == 0)
        return w;
    return QCoreApplication::translate("Validation", "%1, %2").arg(e, w);
}

QString ValidationReport::firstProblemText() const
{
    for (const Problem &p : problems) { // sorted: errors first
        if (p.severity != Problem::Severity::Info)
            return p.toString();
    }
    return {};
}

} // namespace Fluxdesk
