#include "kube/snapshot.h"
#include "manifest/splitter.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "repo/splitwriter.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &name,
                   const QString &ns = {})
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), ns);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), metadata}};
}

QJsonObject configMap(const QString &name)
{
    QJsonObject o = object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), name);
    o.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}});
    return o;
}

// Over 1.5 MB of Deployments and Secrets (every 7th name repeats an earlier one, so clashes
// across slices get "-2", "-3"...) with a List every 100 objects.
QByteArray largeStream()
{
    QByteArray yaml;
    for (int i = 0; yaml.size() < 1536 * 1024; ++i) {
        const QString name = QStringLiteral("app-%1").arg(i % 7 == 6 ? i / 50 : i);
        QJsonObject deployment = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                        name, QStringLiteral("web"));
        deployment.insert(
            QStringLiteral("spec"),
            QJsonObject{{QStringLiteral("replicas"), i % 3},
                        {QStringLiteral("note"), QStringLiteral("line one\nline two %1").arg(i)}});
        yaml += toYaml(deployment).toUtf8() + "---\n";
        yaml += toYaml(object(QStringLiteral("v1"), QStringLiteral("Secret"), name,
                              QStringLiteral("web")))
                    .toUtf8() +
                "---\n";
        if (i % 100 == 0) {
            // A List among the documents: its items are split too.
            QJsonObject list{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                             {QStringLiteral("kind"), QStringLiteral("List")},
                             {QStringLiteral("items"),
                              QJsonArray{configMap(name),
                                         object(QStringLiteral("v1"), QStringLiteral("Namespace"),
                                                QStringLiteral("ns-%1").arg(i))}}};
            yaml += toYaml(list).toUtf8() + "---\n";
        }
    }
    return yaml;
}

// The clean test inputs (tests/data/clean/*.in.yaml) as one stream, repeated until it holds at
// least minSize bytes; the PersistentVolume examples only when withVolumes.
QByteArray cleanInputs(qsizetype minSize, bool withVolumes)
{
    const QDir dir(QStringLiteral(FLUXDESK_TEST_DATA "/clean"));
    QByteArray round;
    for (const QString &name :
         dir.entryList({QStringLiteral("*.in.yaml")}, QDir::Files, QDir::Name)) {
        if (!withVolumes && name.startsWith(QLatin1String("volumes-")))
            continue;
        QByteArray text = readFile(dir.filePath(name));
        if (text.startsWith("---\n"))
            text = text.mid(4);
        if (!text.endsWith('\n'))
            text += '\n';
        round += (round.isEmpty() ? "" : "---\n") + text;
    }
    QByteArray yaml = round;
    while (yaml.size() < minSize)
        yaml += "---\n" + round;
    return yaml;
}

// Each file's relative path and text.
QList<QPair<QString, QByteArray>> contents(const QList<SplitFile> &files)
{
    QList<QPair<QString, QByteArray>> out;
    for (const SplitFile &f : files)
        out.append({f.relativePath, f.text.isEmpty() ? toYaml(f.object).toUtf8() : f.text});
    return out;
}

QStringList located(const QList<Problem> &problems)
{
    QStringList out;
    for (const Problem &p : problems)
        out.append(
            QStringLiteral("%1:%2:%3: %4").arg(p.file).arg(p.line).arg(p.column).arg(p.message));
    return out;
}

QStringList paths(const QList<SplitFile> &files)
{
    QStringList out;
    for (const SplitFile &f : files)
        out.append(f.relativePath);
    return out;
}

QStringList kinds(const QList<SplitFile> &files)
{
    QStringList out;
    for (const SplitFile &f : files)
        out.append(f.object.value(QLatin1String("kind")).toString());
    return out;
}

QStringList resourcesOf(const QString &kustomizationPath)
{
    const Result<QJsonValue> value = parseYamlValue(readFile(kustomizationPath), kustomizationPath);
    QStringList out;
    if (!value)
        return {QStringLiteral("<parse error: %1>").arg(value.error().toString())};
    const QJsonArray array = value->toObject().value(QLatin1String("resources")).toArray();
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

} // namespace

class TestSplitter : public QObject
{
    Q_OBJECT

private slots:
    // A YAML stream over 1 MB is read, named and written out in slices on several threads: the
    // same files, in the same order, with the same clash suffixes and text as reading it whole.
    // Helm's order and the filters hold; JSON, a small stream and one with an error to report
    // are read whole.
    void largeStreamInSlices_data()
    {
        QTest::addColumn<bool>("helmOrder");
        QTest::addColumn<QStringList>("excludeKinds");
        QTest::newRow("input order") << false << QStringList();
        QTest::newRow("helm order, no Secrets") << true << QStringList{QStringLiteral("Secret")};
    }

    void largeStreamInSlices()
    {
        QFETCH(bool, helmOrder);
        QFETCH(QStringList, excludeKinds);
        const QByteArray yaml = largeStream();
        SplitOptions options;
        options.helmInstallOrder = helmOrder;
        options.excludeKinds = excludeKinds;
        const std::optional<SplitPlan> plan =
            splitLargeYaml(yaml, QStringLiteral("big.yaml"), options);
        QVERIFY(plan);
        const QList<SplitFile> &sliced = plan->files;
        const Result<QList<QJsonObject>> whole =
            parseManifestStream(yaml, QStringLiteral("big.yaml"));
        QVERIFY(whole.ok());
        const QList<SplitFile> expected = splitObjects(*whole, options);
        QCOMPARE(paths(sliced), paths(expected));
        QVERIFY(paths(sliced).contains(QStringLiteral("app-0-deployment-3.yaml")));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QVERIFY(sliced.at(i).object.isEmpty());
            QCOMPARE(sliced.at(i).text, toYaml(expected.at(i).object).toUtf8());
        }

        // Written, the files hold that text.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<SplitWriteResult> written = writeSplit(dir.path(), sliced);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QFile first(dir.filePath(expected.constFirst().relativePath));
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(first.readAll(), toYaml(expected.constFirst().object).toUtf8());

        QVERIFY(!splitLargeYaml(yaml + "apiVersion: v1\nmetadata:\n  name: no-kind\n",
                                QStringLiteral("big.yaml"), options));
        QVERIFY(!splitLargeYaml(yaml.left(64 * 1024), QStringLiteral("small.yaml"), options));
        const QByteArray json = QJsonDocument(QJsonArray{configMap(QStringLiteral("a"))}).toJson();
        QVERIFY(!splitLargeYaml(json + QByteArray(1536 * 1024, ' '), QStringLiteral("a.json"),
                                options));
    }

    // A large stream split into a new or empty folder is written while it is read: the same
    // files, texts, order and kustomization as reading it all first. A template with folders makes
    // them. A folder with anything in it, or Helm's order, goes the usual way; a bad document near
    // the end leaves nothing behind.
    void largeStreamWrittenWhileRead()
    {
        const QByteArray yaml = largeStream();
        SplitOptions options;
        options.nameTemplate = QStringLiteral("{namespace}/{name}-{kind}.yaml");
        QTemporaryDir base;
        QVERIFY(base.isValid());
        const QString streamedDir = base.filePath(QStringLiteral("streamed"));
        const QString usualDir = base.filePath(QStringLiteral("usual"));
        const std::optional<Result<SplitWriteResult>> streamed =
            splitLargeYamlInto(streamedDir, yaml, QStringLiteral("big.yaml"), options);
        QVERIFY(streamed);
        QVERIFY2(streamed->ok(), qPrintable(streamed->error().toString()));
        const std::optional<SplitPlan> sliced =
            splitLargeYaml(yaml, QStringLiteral("big.yaml"), options);
        QVERIFY(sliced);
        const Result<SplitWriteResult> usual = writeSplit(usualDir, sliced->files);
        QVERIFY(usual.ok());
        auto relative = [](const QStringList &written, const QString &dir) {
            QStringList out;
            const QString root = QFileInfo(dir).canonicalFilePath() + QLatin1Char('/');
            for (const QString &path : written)
                out.append(path.startsWith(root) ? path.mid(root.size()) : path);
            return out;
        };
        const QStringList files = relative((*streamed)->written, streamedDir);
        QCOMPARE(files, relative(usual->written, usualDir));
        QVERIFY(files.contains(QStringLiteral("web/app-0-deployment-3.yaml")));
        QVERIFY(files.contains(QStringLiteral("ns-0-namespace.yaml")));
        for (const QString &file : files)
            QCOMPARE(readFile(streamedDir + QLatin1Char('/') + file),
                     readFile(usualDir + QLatin1Char('/') + file));
        QCOMPARE((*streamed)->kustomization,
                 QFileInfo(streamedDir).canonicalFilePath() + QLatin1String("/kustomization.yaml"));
        QCOMPARE(readFile((*streamed)->kustomization), readFile(usual->kustomization));

        const auto entries = [](const QString &dir) {
            return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                       QDir::NoDotAndDotDot);
        };
        // An empty folder that exists already is written into the same way.
        const QString emptyDir = base.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(emptyDir));
        const auto intoEmpty =
            splitLargeYamlInto(emptyDir, yaml, QStringLiteral("big.yaml"), options);
        QVERIFY(intoEmpty && intoEmpty->ok());
        QCOMPARE((*intoEmpty)->written.size(), files.size());

        // Anything in the folder, or Helm's order: not here (nothing written).
        const QString busyDir = base.filePath(QStringLiteral("busy"));
        QVERIFY(writeFile(busyDir + QLatin1String("/.keep"), QByteArray()));
        QVERIFY(!splitLargeYamlInto(busyDir, yaml, QStringLiteral("big.yaml"), options));
        QCOMPARE(entries(busyDir), QStringList{QStringLiteral(".keep")});
        SplitOptions helm = options;
        helm.helmInstallOrder = true;
        const QString helmDir = base.filePath(QStringLiteral("helm"));
        QVERIFY(!splitLargeYamlInto(helmDir, yaml, QStringLiteral("big.yaml"), helm));
        QVERIFY(!QFileInfo::exists(helmDir));

        // A document without a kind at the end: what was written is taken back, and a folder
        // made for the split goes too.
        const QByteArray bad = yaml + "apiVersion: v1\nmetadata:\n  name: no-kind\n";
        const QString badDir = base.filePath(QStringLiteral("bad"));
        QVERIFY(!splitLargeYamlInto(badDir, bad, QStringLiteral("big.yaml"), options));
        QVERIFY(!QFileInfo::exists(badDir));
        QVERIFY(QDir().mkpath(emptyDir + QLatin1String("-2")));
        QVERIFY(!splitLargeYamlInto(emptyDir + QLatin1String("-2"), bad, QStringLiteral("big.yaml"),
                                    options));
        QVERIFY(entries(emptyDir + QLatin1String("-2")).isEmpty());
    }

    // split --clean: the files hold what cleaning the whole text and splitting the result
    // writes, and the clean's problems are at their lines in the text, whether the text is read
    // whole, in slices, or written while read. A PersistentVolume anywhere sends a large text the
    // whole way, so every PVC is cleaned knowing which volumes were provisioned.
    void cleanedSplit_data()
    {
        QTest::addColumn<qsizetype>("minSize");
        QTest::addColumn<bool>("withVolumes");
        QTest::addColumn<bool>("sliced");
        QTest::newRow("small, whole") << qsizetype(0) << true << false;
        QTest::newRow("large, in slices") << qsizetype(1536 * 1024) << false << true;
        QTest::newRow("large with volumes, whole") << qsizetype(1536 * 1024) << true << false;
    }

    void cleanedSplit()
    {
        QFETCH(qsizetype, minSize);
        QFETCH(bool, withVolumes);
        QFETCH(bool, sliced);
        const QByteArray yaml = cleanInputs(minSize, withVolumes);
        const QString name = QStringLiteral("export.yaml");
        const Result<CleanTextResult> cleaned = cleanYamlText(yaml, name, CleanRules::defaults());
        QVERIFY2(cleaned.ok(), qPrintable(cleaned.error().toString()));
        QVERIFY(!cleaned->problems.isEmpty()); // the nodePort and clusterIP examples warn
        // The problems are at lines of the whole text, in its order (every round warns again).
        for (qsizetype i = 1; i < cleaned->problems.size(); ++i)
            QVERIFY(cleaned->problems.at(i).line >= cleaned->problems.at(i - 1).line);
        QVERIFY(cleaned->problems.constLast().line > yaml.count('\n') / 2);
        const Result<SplitPlan> expected = splitText(cleaned->text.toUtf8(), name);
        QVERIFY(expected.ok());
        QVERIFY(expected->files.size() > 10);

        SplitOptions options;
        options.cleanRules = CleanRules::defaults();
        QCOMPARE(bool(splitLargeYaml(yaml, name, options)), sliced);
        const Result<SplitPlan> plan = splitText(yaml, name, options);
        QVERIFY2(plan.ok(), qPrintable(plan.error().toString()));
        QCOMPARE(contents(plan->files), contents(expected->files));
        QCOMPARE(located(plan->problems), located(cleaned->problems));
        QCOMPARE(plan->hadComments, cleaned->hadComments);
        if (withVolumes) {
            // The dynamically provisioned claim lost its volumeName; the static one kept it.
            int volumeNames = 0;
            for (const auto &file : contents(plan->files))
                volumeNames += file.second.count("volumeName:");
            int expectedNames = 0;
            for (const auto &file : contents(expected->files))
                expectedNames += file.second.count("volumeName:");
            QCOMPARE(volumeNames, expectedNames);
            QVERIFY(yaml.count("volumeName:") > volumeNames);
        }

        // Written while read (a large text without volumes only): the same files and findings.
        QTemporaryDir base;
        QVERIFY(base.isValid());
        const QString dir = base.filePath(QStringLiteral("out"));
        const std::optional<Result<SplitWriteResult>> streamed =
            splitLargeYamlInto(dir, yaml, name, options);
        QCOMPARE(bool(streamed), sliced);
        if (!streamed)
            return;
        QVERIFY2(streamed->ok(), qPrintable(streamed->error().toString()));
        QCOMPARE((*streamed)->written.size(), expected->files.size());
        for (const auto &file : contents(expected->files))
            QCOMPARE(readFile(dir + QLatin1Char('/') + file.first), file.second);
        QCOMPARE(located((*streamed)->problems), located(cleaned->problems));
        QCOMPARE((*streamed)->hadComments, cleaned->hadComments);
    }

    // With skipSecrets the Secrets are left out and named in input order, whether the text is
    // read whole, in slices, written while read, or cleaned first.
    void skipsSecrets_data()
    {
        QTest::addColumn<bool>("clean");
        QTest::newRow("split") << false;
        QTest::newRow("split --clean") << true;
    }

    void skipsSecrets()
    {
        QFETCH(bool, clean);
        const QByteArray yaml = largeStream();
        const Result<QList<QJsonObject>> whole =
            parseManifestStream(yaml, QStringLiteral("big.yaml"));
        QVERIFY(whole.ok());
        QList<QJsonObject> kept;
        QStringList secrets;
        for (const QJsonObject &o : *whole) {
            if (isSecret(o))
                secrets.append(namespacedName(o));
            else
                kept.append(o);
        }
        QVERIFY(secrets.size() > 1000);
        QCOMPARE(secrets.first(), QStringLiteral("web/app-0"));
        SplitOptions options;
        options.skipSecrets = true;
        if (clean)
            options.cleanRules = CleanRules::defaults();
        SplitOptions keepAll = options;
        keepAll.skipSecrets = false;
        const QStringList expected = paths(splitObjects(kept, options));

        const std::optional<SplitPlan> sliced =
            splitLargeYaml(yaml, QStringLiteral("big.yaml"), options);
        QVERIFY(sliced);
        QCOMPARE(paths(sliced->files), expected);
        QCOMPARE(sliced->skippedSecrets, secrets);

        const Result<SplitPlan> all = splitText(yaml, QStringLiteral("big.yaml"), keepAll);
        QVERIFY(all.ok());
        QCOMPARE(all->files.size(), whole->size());
        QVERIFY(all->skippedSecrets.isEmpty());

        // A small text, read whole.
        const QByteArray small =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n"
            "apiVersion: v1\nkind: SecretList\nitems:\n- metadata:\n    name: s\n"
            "    namespace: n\n  data:\n    k: dg==\n---\napiVersion: v1\nkind: Secret\n"
            "metadata:\n  name: t\n";
        const Result<SplitPlan> plan = splitText(small, QStringLiteral("small.yaml"), options);
        QVERIFY2(plan.ok(), qPrintable(plan.error().toString()));
        QCOMPARE(paths(plan->files), QStringList{QStringLiteral("c-config-map.yaml")});
        QCOMPARE(plan->skippedSecrets, (QStringList{QStringLiteral("n/s"), QStringLiteral("t")}));

        // Written while read.
        QTemporaryDir base;
        QVERIFY(base.isValid());
        const QString dir = base.filePath(QStringLiteral("out"));
        const std::optional<Result<SplitWriteResult>> streamed =
            splitLargeYamlInto(dir, yaml, QStringLiteral("big.yaml"), options);
        QVERIFY(streamed);
        QVERIFY2(streamed->ok(), qPrintable(streamed->error().toString()));
        QCOMPARE((*streamed)->written.size(), expected.size());
        QCOMPARE((*streamed)->skippedSecrets, secrets);
        QVERIFY(!QFileInfo::exists(dir + QLatin1String("/app-0-secret.yaml")));
        QVERIFY(QFileInfo::exists(dir + QLatin1String("/app-0-deployment.yaml")));
    }

    // A typed list from the API (its items without apiVersion and kind) splits into files that
    // kubectl accepts: each item is of the list's apiVersion and kind. A plain List's items still
    // need their own.
    void typedLists()
    {
        const QByteArray json =
            R"({"apiVersion":"apps/v1","kind":"DeploymentList","metadata":{"resourceVersion":"7"},
                "items":[{"metadata":{"name":"web","namespace":"shop"},"spec":{"replicas":2}},
                         {"metadata":{"name":"cache","namespace":"shop"}}]})";
        const Result<SplitPlan> plan = splitText(json, QStringLiteral("deployments.json"));
        QVERIFY2(plan.ok(), qPrintable(plan.error().toString()));
        QCOMPARE(paths(plan->files), (QStringList{QStringLiteral("web-deployment.yaml"),
                                                  QStringLiteral("cache-deployment.yaml")}));
        for (const SplitFile &file : plan->files) {
            QCOMPARE(file.object.value(QLatin1String("apiVersion")),
                     QJsonValue(QStringLiteral("apps/v1")));
            QCOMPARE(file.object.value(QLatin1String("kind")),
                     QJsonValue(QStringLiteral("Deployment")));
        }
        const Result<SplitPlan> plain =
            splitText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n"
                      "apiVersion: v1\nkind: List\nitems:\n- metadata:\n    name: x\n",
                      QStringLiteral("plain.yaml"));
        QVERIFY(!plain.ok());
        QCOMPARE(plain.error().file, QStringLiteral("plain.yaml"));
        QCOMPARE(plain.error().line, 6);
        QVERIFY2(plain.error().message.contains(QLatin1String("has no apiVersion, kind")),
                 qPrintable(plain.error().message));
    }

    void kebab_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("camel") << QStringLiteral("Deployment") << QStringLiteral("deployment");
        QTest::addRow("two words")
            << QStringLiteral("HelmRelease") << QStringLiteral("helm-release");
        QTest::addRow("acronym") << QStringLiteral("APIService") << QStringLiteral("api-service");
        QTest::addRow("long") << QStringLiteral("CustomResourceDefinition")
                              << QStringLiteral("custom-resource-definition");
        QTest::addRow("dots") << QStringLiteral("llama.cpp") << QStringLiteral("llama-cpp");
        QTest::addRow("underscores") << QStringLiteral("my__app_v2") << QStringLiteral("my-app-v2");
        QTest::addRow("already kebab")
            << QStringLiteral("llama-cpp") << QStringLiteral("llama-cpp");
        QTest::addRow("unicode kept")
            << QStringLiteral("Caf\u00e9-Stra\u00dfe") << QStringLiteral("caf\u00e9-stra\u00dfe");
        QTest::addRow("only symbols") << QStringLiteral("../..") << QString();
    }

    void kebab()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(kebabCase(text), expected);
    }

    void naming_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<QString>("nameTemplate");
        QTest::addColumn<QString>("expected");
        const QJsonObject deploy = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                          QStringLiteral("llama-cpp"), QStringLiteral("llm"));
        const QJsonObject ns =
            object(QStringLiteral("v1"), QStringLiteral("Namespace"), QStringLiteral("llm"));
        const QJsonObject hr =
            object(QStringLiteral("helm.toolkit.fluxcd.io/v2"), QStringLiteral("HelmRelease"),
                   QStringLiteral("Loki_Stack"), QStringLiteral("monitoring"));
        QTest::addRow("default") << deploy << QString()
                                 << QStringLiteral("llama-cpp-deployment.yaml");
        QTest::addRow("default explicit") << deploy << QStringLiteral("{name}-{kind}.yaml")
                                          << QStringLiteral("llama-cpp-deployment.yaml");
        QTest::addRow("kubectl-slice")
            << deploy << kubectlSliceTemplate() << QStringLiteral("deployment-llama-cpp.yaml");
        QTest::addRow("namespace field") << deploy << QStringLiteral("{namespace}-{name}.yaml")
                                         << QStringLiteral("llm-llama-cpp.yaml");
        QTest::addRow("cluster-scoped empty namespace")
            << ns << QStringLiteral("{namespace}-{name}-{kind}.yaml")
            << QStringLiteral("llm-namespace.yaml");
        QTest::addRow("group") << hr << QStringLiteral("{group}-{kind}-{name}.yaml")
                               << QStringLiteral(
                                      "helm-toolkit-fluxcd-io-helm-release-loki-stack.yaml");
        QTest::addRow("core group")
            << ns << QStringLiteral("{group}/{name}.yaml") << QStringLiteral("core/llm.yaml");
        QTest::addRow("sub-folder per namespace")
            << deploy << QStringLiteral("{namespace}/{name}-{kind}.yaml")
            << QStringLiteral("llm/llama-cpp-deployment.yaml");
        QTest::addRow("unknown field kept literally")
            << deploy << QStringLiteral("{name}-{foo}.yaml")
            << QStringLiteral("llama-cpp-{foo}.yaml");
        QTest::addRow("traversal in name")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                      QStringLiteral("../../etc/passwd"))
            << QString() << QStringLiteral("etc-passwd-config-map.yaml");
        QTest::addRow("absolute name")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("/abs"))
            << QStringLiteral("{name}.yaml") << QStringLiteral("abs.yaml");
        QTest::addRow("slash in name")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("a/b"))
            << QStringLiteral("{name}.yaml") << QStringLiteral("a-b.yaml");
        QTest::addRow("backslash and control")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                      QStringLiteral("a\\b\x01\nc"))
            << QStringLiteral("{name}.yaml") << QStringLiteral("a-b-c.yaml");
        QTest::addRow("leading dot")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral(".hidden"))
            << QStringLiteral("{name}.yaml") << QStringLiteral("hidden.yaml");
        QTest::addRow("unicode name")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                      QStringLiteral("\u65e5\u672c-Config"))
            << QStringLiteral("{name}.yaml") << QStringLiteral("\u65e5\u672c-config.yaml");
        QTest::addRow("empty name")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QString())
            << QStringLiteral("{name}.yaml") << QStringLiteral("resource.yaml");
        QTest::addRow("hostile template")
            << deploy << QStringLiteral("../../{name}.yaml") << QStringLiteral("llama-cpp.yaml");
        QTest::addRow("absolute template")
            << deploy << QStringLiteral("/etc/{name}.yaml") << QStringLiteral("etc/llama-cpp.yaml");
        QTest::addRow("dot-dot segment in template")
            << deploy << QStringLiteral("a/../{name}.yaml") << QStringLiteral("a/llama-cpp.yaml");
        QTest::addRow("long name truncated")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                      QString(300, QLatin1Char('x')))
            << QStringLiteral("{name}.yaml")
            << QString(80, QLatin1Char('x')) + QStringLiteral(".yaml");
    }

    void naming()
    {
        QFETCH(QJsonObject, object);
        QFETCH(QString, nameTemplate);
        QFETCH(QString, expected);
        const QString name = fileNameFor(object, nameTemplate);
        QCOMPARE(name, expected);
        QVERIFY(!QDir::isAbsolutePath(name));
        QVERIFY(!name.split(QLatin1Char('/')).contains(QStringLiteral("..")));
        QVERIFY(!name.contains(QLatin1Char('\\')));
    }

    void clashes()
    {
        // Same name and kind in two namespaces: the default template clashes; input order wins.
        const QList<QJsonObject> objects{
            object(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("web"),
                   QStringLiteral("a")),
            object(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("web"),
                   QStringLiteral("b")),
            object(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("WEB"),
                   QStringLiteral("c")),
            // Would be the kustomization file itself.
            object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                   QStringLiteral("kustomization")),
        };
        SplitOptions options;
        const QList<SplitFile> files = splitObjects(objects, options);
        QCOMPARE(paths(files), QStringList({QStringLiteral("web-service.yaml"),
                                            QStringLiteral("web-service-2.yaml"),
                                            QStringLiteral("web-service-3.yaml"),
                                            QStringLiteral("kustomization-config-map.yaml")}));
        // Each object lands in its own file, unchanged.
        for (int i = 0; i < files.size(); ++i)
            QCOMPARE(files.at(i).object, objects.at(i));

        // A suffixed name never takes a later object's natural name, nor the kustomization's.
        options.nameTemplate = QStringLiteral("{name}.yaml");
        const QList<QJsonObject> byName{
            configMap(QStringLiteral("web")), configMap(QStringLiteral("web-2")),
            configMap(QStringLiteral("web")), configMap(QStringLiteral("kustomization"))};
        const QList<SplitFile> named = splitObjects(byName, options);
        QCOMPARE(
            paths(named),
            QStringList({QStringLiteral("web.yaml"), QStringLiteral("web-2.yaml"),
                         QStringLiteral("web-3.yaml"), QStringLiteral("kustomization-2.yaml")}));
        QCOMPARE(paths(splitObjects(byName, options)), paths(named)); // predictable
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("includeKinds");
        QTest::addColumn<QStringList>("excludeKinds");
        QTest::addColumn<QStringList>("includeNames");
        QTest::addColumn<QStringList>("excludeNames");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        QTest::addRow("all") << none << none << none << none
                             << QStringList({QStringLiteral("llm-namespace.yaml"),
                                             QStringLiteral("llama-cpp-deployment.yaml"),
                                             QStringLiteral("llama-cpp-service.yaml"),
                                             QStringLiteral("loki-config-config-map.yaml")});
        QTest::addRow("include kind, any case")
            << QStringList{QStringLiteral("deployment"), QStringLiteral("SERVICE")} << none << none
            << none
            << QStringList({QStringLiteral("llama-cpp-deployment.yaml"),
                            QStringLiteral("llama-cpp-service.yaml")});
        QTest::addRow("exclude kind")
            << none << QStringList{QStringLiteral("Namespace"), QStringLiteral("Config*")} << none
            << none
            << QStringList({QStringLiteral("llama-cpp-deployment.yaml"),
                            QStringLiteral("llama-cpp-service.yaml")});
        QTest::addRow("include name wildcard")
            << none << none << QStringList{QStringLiteral("llama-*")} << none
            << QStringList({QStringLiteral("llama-cpp-deployment.yaml"),
                            QStringLiteral("llama-cpp-service.yaml")});
        QTest::addRow("exclude name ?")
            << none << none << none
            << QStringList{QStringLiteral("ll?"), QStringLiteral("*-config")}
            << QStringList({QStringLiteral("llama-cpp-deployment.yaml"),
                            QStringLiteral("llama-cpp-service.yaml")});
        QTest::addRow("names are case-sensitive")
            << none << none << QStringList{QStringLiteral("LLAMA-*")} << none << QStringList();
        QTest::addRow("include and exclude")
            << QStringList{QStringLiteral("Service"), QStringLiteral("Deployment")}
            << QStringList{QStringLiteral("Service")} << none << none
            << QStringList({QStringLiteral("llama-cpp-deployment.yaml")});
    }

    void filters()
    {
        QFETCH(QStringList, includeKinds);
        QFETCH(QStringList, excludeKinds);
        QFETCH(QStringList, includeNames);
        QFETCH(QStringList, excludeNames);
        QFETCH(QStringList, expected);
        const QList<QJsonObject> objects{
            object(QStringLiteral("v1"), QStringLiteral("Namespace"), QStringLiteral("llm")),
            object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                   QStringLiteral("llama-cpp"), QStringLiteral("llm")),
            object(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("llama-cpp"),
                   QStringLiteral("llm")),
            configMap(QStringLiteral("loki-config")),
        };
        SplitOptions options;
        options.includeKinds = includeKinds;
        options.excludeKinds = excludeKinds;
        options.includeNames = includeNames;
        options.excludeNames = excludeNames;
        QCOMPARE(paths(splitObjects(objects, options)), expected);
    }

    void helmOrder()
    {
        const QList<QJsonObject> objects{
            object(QStringLiteral("example.com/v1"), QStringLiteral("Zebra"), QStringLiteral("z")),
            object(QStringLiteral("networking.k8s.io/v1"), QStringLiteral("Ingress"),
                   QStringLiteral("web")),
            object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"), QStringLiteral("web")),
            object(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("web")),
            object(QStringLiteral("example.com/v1"), QStringLiteral("Apple"), QStringLiteral("a")),
            object(QStringLiteral("apiextensions.k8s.io/v1"),
                   QStringLiteral("CustomResourceDefinition"),
                   QStringLiteral("zebras.example.com")),
            object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("b")),
            object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("a")),
            object(QStringLiteral("v1"), QStringLiteral("Namespace"), QStringLiteral("web")),
            object(QStringLiteral("v1"), QStringLiteral("Secret"), QStringLiteral("s")),
            object(QStringLiteral("v1"), QStringLiteral("ServiceAccount"), QStringLiteral("sa")),
            object(QStringLiteral("batch/v1"), QStringLiteral("CronJob"), QStringLiteral("c")),
        };
        SplitOptions options;
        QCOMPARE(kinds(splitObjects(objects, options)).first(), QStringLiteral("Zebra"));
        options.helmInstallOrder = true;
        const QList<SplitFile> files = splitObjects(objects, options);
        QCOMPARE(
            kinds(files),
            QStringList({QStringLiteral("Namespace"), QStringLiteral("ServiceAccount"),
                         QStringLiteral("Secret"), QStringLiteral("ConfigMap"),
                         QStringLiteral("ConfigMap"), QStringLiteral("CustomResourceDefinition"),
                         QStringLiteral("Service"), QStringLiteral("Deployment"),
                         QStringLiteral("CronJob"), QStringLiteral("Ingress"),
                         QStringLiteral("Apple"), QStringLiteral("Zebra")}));
        // Stable within a kind: input order kept.
        QCOMPARE(files.at(3).relativePath, QStringLiteral("b-config-map.yaml"));
        QCOMPARE(files.at(4).relativePath, QStringLiteral("a-config-map.yaml"));
    }

    void writeAndKustomize()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(QStringLiteral("apps"));
        QVERIFY(QDir().mkpath(dir));
        // An existing kustomization with other keys and the file being split.
        QVERIFY(writeFile(dir + QStringLiteral("/kustomization.yaml"),
                          "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                          "kind: Kustomization\n"
                          "namespace: llm\n"
                          "commonLabels:\n  team: ai\n"
                          "resources:\n  - all.yaml\n  - keep.yaml\n"));
        QVERIFY(writeFile(dir + QStringLiteral("/keep.yaml"),
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n"));
        QVERIFY(writeFile(dir + QStringLiteral("/all.yaml"), "# the split source\n"));

        QJsonObject deploy = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                    QStringLiteral("llama-cpp"));
        deploy.insert(
            QStringLiteral("spec"),
            QJsonObject{
                {QStringLiteral("selector"),
                 QJsonObject{{QStringLiteral("matchLabels"),
                              QJsonObject{{QStringLiteral("app"), QStringLiteral("llama")}}}}},
                {QStringLiteral("template"),
                 QJsonObject{
                     {QStringLiteral("metadata"),
                      QJsonObject{{QStringLiteral("labels"),
                                   QJsonObject{{QStringLiteral("app"), QStringLiteral("llama")}}}}},
                     {QStringLiteral("spec"),
                      QJsonObject{
                          {QStringLiteral("containers"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("name"), QStringLiteral("server")},
                               {QStringLiteral("image"),
                                QStringLiteral("ghcr.io/ggml-org/llama.cpp:server")}}}}}}}}});
        const QList<QJsonObject> objects{
            deploy, configMap(QStringLiteral("../../etc/passwd")), configMap(QStringLiteral("web")),
            object(QStringLiteral("v1"), QStringLiteral("Service"), QStringLiteral("web"))};
        SplitOptions options;
        options.nameTemplate = QStringLiteral("{kind}/{name}.yaml");
        const QList<SplitFile> files = splitObjects(objects, options);
        const Result<SplitWriteResult> written = writeSplit(dir, files, QStringLiteral("all.yaml"));
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        const QString root = QFileInfo(dir).canonicalFilePath();
        QCOMPARE(written->written,
                 QStringList({root + QStringLiteral("/deployment/llama-cpp.yaml"),
                              root + QStringLiteral("/config-map/etc-passwd.yaml"),
                              root + QStringLiteral("/config-map/web.yaml"),
                              root + QStringLiteral("/service/web.yaml")}));
        QCOMPARE(written->kustomization, root + QStringLiteral("/kustomization.yaml"));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("etc/passwd"))));

        // Each file round-trips to its object.
        for (int i = 0; i < files.size(); ++i) {
            const Result<QJsonValue> back =
                parseYamlValue(readFile(written->written.at(i)), written->written.at(i));
            QVERIFY(back.ok());
            QCOMPARE(back->toObject(), objects.at(i));
        }
        QCOMPARE(resourcesOf(written->kustomization),
                 QStringList({QStringLiteral("config-map/etc-passwd.yaml"),
                              QStringLiteral("config-map/web.yaml"),
                              QStringLiteral("deployment/llama-cpp.yaml"),
                              QStringLiteral("keep.yaml"), QStringLiteral("service/web.yaml")}));
        const Result<QJsonValue> k =
            parseYamlValue(readFile(written->kustomization), written->kustomization);
        QVERIFY(k.ok());
        QCOMPARE(k->toObject().value(QLatin1String("namespace")).toString(), QStringLiteral("llm"));
        QCOMPARE(k->toObject().value(QLatin1String("commonLabels")).toObject(),
                 QJsonObject({{QStringLiteral("team"), QStringLiteral("ai")}}));

        // The real kustomize (kubectl's) accepts the folder and sees every object once.
        QProcess kubectl;
        kubectl.start(QStringLiteral("/usr/bin/kubectl"), {QStringLiteral("kustomize"), dir});
        QVERIFY(kubectl.waitForFinished(60000));
        const QByteArray out = kubectl.readAllStandardOutput();
        QVERIFY2(kubectl.exitStatus() == QProcess::NormalExit && kubectl.exitCode() == 0,
                 kubectl.readAllStandardError().constData());
        const Result<QList<YamlDocument>> docs =
            parseYamlDocuments(out, QStringLiteral("kustomize"));
        QVERIFY(docs.ok());
        QCOMPARE(docs->size(), 5); // four split objects + keep
        QVERIFY(out.contains("namespace: llm"));
        QVERIFY(out.contains("name: ../../etc/passwd"));

        // A second split into the same folder updates the list again (no duplicates).
        const Result<SplitWriteResult> again = writeSplit(dir, files.mid(0, 1));
        QVERIFY(again.ok());
        QCOMPARE(resourcesOf(again->kustomization).size(), 5);
    }

    void newKustomization()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(QStringLiteral("new/folder"));
        const QList<SplitFile> files =
            splitObjects({configMap(QStringLiteral("b")), configMap(QStringLiteral("a"))});
        const Result<SplitWriteResult> written = writeSplit(dir, files);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QCOMPARE(readFile(written->kustomization),
                 QByteArray("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                            "kind: Kustomization\n"
                            "resources:\n"
                            "- a-config-map.yaml\n"
                            "- b-config-map.yaml\n"));
    }

    void refusesEscapes_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::addRow("dot-dot") << QStringLiteral("../x.yaml");
        QTest::addRow("inner dot-dot") << QStringLiteral("a/../../x.yaml");
        QTest::addRow("absolute") << QStringLiteral("/tmp/x.yaml");
        QTest::addRow("backslash") << QStringLiteral("..\\x.yaml");
        QTest::addRow("empty") << QString();
        QTest::addRow("through symlink") << QStringLiteral("link/x.yaml");
        QTest::addRow("symlinked file") << QStringLiteral("filelink.yaml");
        QTest::addRow("kustomization itself") << QStringLiteral("kustomization.yaml");
    }

    void refusesEscapes()
    {
        QFETCH(QString, relativePath);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(QStringLiteral("out"));
        const QString outside = tmp.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, dir + QStringLiteral("/link")));
        QVERIFY(QFile::link(outside + QStringLiteral("/target.yaml"),
                            dir + QStringLiteral("/filelink.yaml")));
        const QList<SplitFile> files{{QStringLiteral("ok.yaml"), configMap(QStringLiteral("ok"))},
                                     {relativePath, configMap(QStringLiteral("bad"))}};
        const Result<SplitWriteResult> written = writeSplit(dir, files);
        QVERIFY(!written.ok());
        QVERIFY(!written.error().message.isEmpty());
        // Nothing at all was written: paths are checked before the first file.
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/ok.yaml")));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/kustomization.yaml")));
        QCOMPARE(QDir(outside).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("x.yaml"))));
    }
};

QTEST_GUILESS_MAIN(TestSplitter)
#include "tst_splitter.moc"
