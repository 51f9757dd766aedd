// Every string the YAML writer emits must come back as the same string, and every number, bool
// and null as itself, from each reader Fluxdesk's output meets: `kubectl kustomize` (go-yaml v2
// through sigs.k8s.io/yaml, yaml.v3 through kyaml, as Flux's kustomize-controller reads it),
// PyYAML (YAML 1.1: timestamps, base 60, yes/no) and Fluxdesk's own parser (YAML 1.2).
//
// The objects: the tests' data files, the demo cluster, the HelmReleases generated from the demo
// cluster's Helm releases, and synthetic objects holding every tricky string as values and as
// keys. Each is cleaned and written with toYaml(), built with the machine's real kubectl
// kustomize, and compared per object (kustomize reorders) with the cleaned object:
//   A. PyYAML reading toYaml()'s output,
//   B. Fluxdesk's parser reading kustomize's output (kustomize retyped nothing),
//   C. PyYAML reading kustomize's output (where kustomize's own writer is YAML 1.1-safe).
#include "helm/chartsourceresolver.h"
#include "helm/helmreleasegenerator.h"
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "manifest/cleaner.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPair>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Reads each file named on the command line with PyYAML's safe loader and prints
// {path: [documents]} as JSON, or {path: {"error": ...}} when a file does not load. Values JSON
// cannot carry (dates, non-string keys, infinities) become "!type:repr" strings, so they show in
// a comparison instead of being converted silently (json.dumps would turn the key 1 into "1").
const char *const pyyamlScript = R"PY(
import json, math, sys, yaml
def conv(o):
    if isinstance(o, dict):
        return {(k if isinstance(k, str) else '!%s:%r' % (type(k).__name__, k)): conv(v)
                for k, v in o.items()}
    if isinstance(o, list):
        return [conv(v) for v in o]
    if o is None or isinstance(o, (bool, str)):
        return o
    if isinstance(o, int) and abs(o) <= 2 ** 53:
        return o
    if isinstance(o, float) and math.isfinite(o):
        return o
    return '!%s:%r' % (type(o).__name__, o)
out = {}
for path in sys.argv[1:]:
    try:
        with open(path, encoding='utf-8') as f:
            out[path] = [conv(d) for d in yaml.safe_load_all(f) if d is not None]
    except Exception as e:
        out[path] = {'error': '%s: %s' % (type(e).__name__, e)}
json.dump(out, sys.stdout)
)PY";

// The strings the writer must get right: the typed forms of YAML 1.1 and 1.2 and of go-yaml,
// look-alikes no reader types, and strings that need quoting for other reasons.
QStringList trickyStrings()
{
    QStringList out;
    for (const char *t :
         {// Timestamps: YAML 1.1's forms and go-yaml's layouts (one-digit fields too).
          "2024-04-01", "2002-12-14", "2001-12-14t21:59:43.10-05:00", "2024-4-1", "2006-1-2",
          "2006-1-2T15:4:5.999999999Z", "2006-1-2T15:4:5.999999999+07:00", "2006-1-2t15:4:5-07:00",
          "2006-1-2 15:4:5.999999999", "2006-1-2 15:4:5", "2006-1-2   15:4:5,5",
          "2024-04-01T00:00:00Z",
          // Base 60.
          "190:20:30", "-1:30", "+1:30", "1:30.5", "12:30", "0:30", "1_0:30", "-190:20:30.15",
          // null and bool words in any case.
          "yes", "Yes", "YES", "yEs", "no", "nO", "on", "oN", "off", "OfF", "y", "Y", "n", "N",
          "true", "tRUE", "false", "fAlSe", "null", "nuLL", "NULL", "~",
          // Integers in every base and sign, with underscores.
          "0x1F", "0X1F", "+0x1F", "-0x1f", "-0b101", "+0b101", "0B1", "0b1", "0o17", "0O17",
          "+0o17", "-0o17", "0755", "-0755", "09", "0", "123", "-1", "+1", "1_000", "0x_1F", "1__0",
          "1_", "0_", "-_1", "99999999999999999999",
          // Floats, infinities, NaN.
          "1e5", "1E+5", "1e-5", "6e13", ".5", "+.5", "-.5", "1.", "-1.", "+1.5e-3", "1_0.5",
          ".5e3", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN",
          // Look-alikes that stay plain.
          "10Mi", "500m", "1.2.3", "v1", "nginx:1.25", "--port=80", "-v", "1.0.0-rc1", "10.0.0.1",
          "8080:80", "1:60", "0x", "0b", "0o", "0b2", "0xG", "1e", "e5", "0a1b2c3d-e5f6", "inf",
          "nan", "Infinity", "+Inf", "2024-04", "2024-04-01x", "24-04-01", "2024-04-01T10:00",
          "2006-1-2T15:4:5.999999999Z07:00", "yess", "online", "o", "t", "f", "<", "<<<",
          "==", "=x", "a=b",
          // Quoted for other reasons.
          "", " ", "-", "- x", ": x", "a: b", "a:", "#x", "a #b", "a#b", "'quoted'", "\"dq\"",
          "it's", "back\\slash", "---", "...", "{braces}", "[brackets]", "*alias", "&anchor",
          "!tag", "%directive", "@at", "`tick", "|", ">", "?", "? x", "tab\there", "line1\nline2\n",
          "no newline\nat end", "\u00e9t\u00e9 \U0001F600"})
        out.append(s(t));
    return out;
}

// Strings kubectl kustomize (kustomize 5.5) reads as strings but writes back plain although
// YAML 1.1 types them, so PyYAML cannot read them from kustomize's output (C): "=" is YAML 1.1's
// value key, "0b_" a broken binary int, and the rest timestamps or floats go-yaml does not know
// (time.Parse needs a zone right after the seconds when a 'T' is used, knows no " -5" or " Z"
// zone and checks days; 1.0e+999 overflows strconv.ParseFloat). What toYaml() writes for them is
// checked by A and B. The merge key "<<" is written plain by kustomize too, where as a key it
// merges: it goes through kustomize as a value only.
QStringList kustomizeWritesPlain()
{
    QStringList out;
    for (const char *t :
         {"=", "0b_", "-0b_", "0x_", "2001-12-14T21:59:43.10", "2001-12-14 21:59:43.10 -5",
          "2001-12-14 21:59:43.10 Z", "2001-12-14T21:59:43.", "2024-02-30", "1.0e+999"})
        out.append(s(t));
    return out;
}

// Every string of up to three characters over the characters typed scalars are made of, and
// dates and numbers combined from their parts: far more shapes than a hand-made list holds.
QStringList generatedStrings()
{
    QStringList out;
    const QString alphabet = s("019-+._:eExXbo");
    QStringList level = {QString()};
    for (int length = 1; length <= 3; ++length) {
        QStringList next;
        for (const QString &prefix : level) {
            for (const QChar c : alphabet)
                next.append(prefix + c);
        }
        out += next;
        level = next;
    }
    for (const char *date : {"2024-04-01", "2024-4-1", "2024-04-1"}) {
        for (const char *sep : {"", "T", "t", " ", "   ", "x", "T "}) {
            for (const char *time :
                 {"", "1:2:3", "21:59:43", "21:59:43.10", "21:59:43,5", "21:59", "21:59:43."}) {
                for (const char *zone : {"", "Z", "-05:00", "+5", " -5", " Z", "+0700", "z"})
                    out.append(s(date) + s(sep) + s(time) + s(zone));
            }
        }
    }
    for (const char *sign : {"", "+", "-"}) {
        for (const char *body : {"0x1F",
                                 "0X1f",
                                 "0b101",
                                 "0B1",
                                 "0o17",
                                 "0O17",
                                 "0755",
                                 "0789",
                                 "1_000",
                                 "0x_1F",
                                 "1__0",
                                 "1e5",
                                 "1E+5",
                                 "1e-5",
                                 ".5",
                                 "1.",
                                 "1.5e-3",
                                 "1_0.5_5",
                                 ".inf",
                                 ".Inf",
                                 ".INF",
                                 ".iNf",
                                 ".nan",
                                 ".NaN",
                                 ".NAN",
                                 "190:20:30",
                                 "1:30",
                                 "1:30.5",
                                 "1:60",
                                 "99999999999999999999",
                                 "18446744073709551616",
                                 "0x8000000000000000",
                                 "1e400"})
            out.append(s(sign) + s(body));
    }
    out.removeDuplicates();
    return out;
}

// A map holding the strings as values and as keys, in lists and in nested maps.
QJsonObject stringsSpec(const QStringList &strings, bool asKeys)
{
    QJsonObject byValue;
    QJsonObject byKey;
    QJsonArray list;
    QJsonArray nested;
    for (int i = 0; i < strings.size(); ++i) {
        const QString index = QStringLiteral("v%1").arg(i, 4, 10, QLatin1Char('0'));
        byValue.insert(index, strings.at(i));
        list.append(strings.at(i));
        if (asKeys) {
            byKey.insert(strings.at(i), index);
            nested.append(QJsonObject{{s("name"), index}, {strings.at(i), strings.at(i)}});
        }
    }
    QJsonObject spec{{s("byValue"), byValue}, {s("list"), list}};
    if (asKeys) {
        spec.insert(s("byKey"), byKey);
        spec.insert(s("nested"), nested);
    }
    return spec;
}

// The same strings as a ConfigMap's data and annotations (where a retyped value breaks an apply)
// and as a custom object's spec (keys too, unless asKeys is false).
QList<QJsonObject> stringsObjects(const QString &name, const QStringList &strings,
                                  bool asKeys = true)
{
    QJsonObject data;
    QJsonObject annotations;
    for (int i = 0; i < strings.size(); ++i) {
        const QString index = QStringLiteral("v%1").arg(i, 4, 10, QLatin1Char('0'));
        data.insert(index, strings.at(i));
        annotations.insert(QStringLiteral("fluxdesk.test/") + index, strings.at(i));
    }
    const QJsonObject configMap{{s("apiVersion"), s("v1")},
                                {s("kind"), s("ConfigMap")},
                                {s("metadata"), QJsonObject{{s("name"), name},
                                                            {s("namespace"), s("typeroundtrip")},
                                                            {s("annotations"), annotations}}},
                                {s("data"), data}};
    const QJsonObject custom{
        {s("apiVersion"), s("fluxdesk.test/v1")},
        {s("kind"), s("TypeRoundTrip")},
        {s("metadata"), QJsonObject{{s("name"), name}, {s("namespace"), s("typeroundtrip")}}},
        {s("spec"), stringsSpec(strings, asKeys)}};
    return {configMap, custom};
}

// Loki's schema date as Helm values, and values of every JSON type beside strings.
QJsonObject valuesHelmRelease()
{
    const QJsonObject schema{
        {s("from"), s("2024-04-01")},
        {s("store"), s("tsdb")},
        {s("object_store"), s("filesystem")},
        {s("schema"), s("v13")},
        {s("index"), QJsonObject{{s("prefix"), s("index_")}, {s("period"), s("24h")}}}};
    const QJsonObject typed{{s("int"), 3},
                            {s("negative"), -2.5},
                            {s("zero"), 0},
                            {s("small"), 1.25e-7},
                            {s("fraction"), 0.1},
                            {s("maxSafe"), 9007199254740992.0},
                            {s("true"), true},
                            {s("false"), false},
                            {s("null"), QJsonValue(QJsonValue::Null)},
                            {s("emptyList"), QJsonArray()},
                            {s("emptyMap"), QJsonObject()}};
    return QJsonObject{
        {s("apiVersion"), s("helm.toolkit.fluxcd.io/v2")},
        {s("kind"), s("HelmRelease")},
        {s("metadata"), QJsonObject{{s("name"), s("loki")}, {s("namespace"), s("logging")}}},
        {s("spec"),
         QJsonObject{
             {s("interval"), s("10m")},
             {s("chart"), QJsonObject{{s("spec"), QJsonObject{{s("chart"), s("loki")},
                                                              {s("version"), s("6.21.0")}}}}},
             {s("values"),
              QJsonObject{
                  {s("loki"), QJsonObject{{s("schemaConfig"),
                                           QJsonObject{{s("configs"), QJsonArray{schema}}}}}},
                  {s("typed"), typed}}}}}};
}

QString objectKey(const QJsonObject &o)
{
    const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    return o.value(QLatin1String("apiVersion")).toString() + QLatin1Char('/') +
           o.value(QLatin1String("kind")).toString() + QLatin1Char('/') +
           meta.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
           meta.value(QLatin1String("name")).toString();
}

// What kustomize needs of a resource; empty when it takes the object.
QString whyKustomizeCannotTake(const QJsonObject &o)
{
    const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    if (o.value(QLatin1String("apiVersion")).toString().isEmpty())
        return s("no apiVersion");
    if (o.value(QLatin1String("kind")).toString().isEmpty())
        return s("no kind");
    if (meta.value(QLatin1String("name")).toString().isEmpty())
        return s("no metadata.name");
    return {};
}

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .chopped(1)
        .mid(1);
}

// Where two values first differ ("spec.values.from: "2024-04-01" != "2024-04-01T00:00:00Z"").
void differences(const QJsonValue &expected, const QJsonValue &actual, const QString &path,
                 QStringList &out)
{
    if (out.size() >= 8 || expected == actual)
        return;
    if (expected.isObject() && actual.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.constBegin(); it != e.constEnd(); ++it) {
            if (!a.contains(it.key()))
                out.append(path + QLatin1Char('.') + it.key() + QStringLiteral(": missing"));
            else
                differences(it.value(), a.value(it.key()), path + QLatin1Char('.') + it.key(), out);
        }
        for (auto it = a.constBegin(); it != a.constEnd(); ++it) {
            if (!e.contains(it.key()))
                out.append(path + QStringLiteral(": unexpected key ") + compact(it.key()) +
                           QStringLiteral(" = ") + compact(it.value()));
        }
        return;
    }
    if (expected.isArray() && actual.isArray() &&
        expected.toArray().size() == actual.toArray().size()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        for (qsizetype i = 0; i < e.size(); ++i)
            differences(e.at(i), a.at(i), path + QStringLiteral("[%1]").arg(i), out);
        return;
    }
    out.append(path + QStringLiteral(": wrote ") + compact(expected) + QStringLiteral(", read ") +
               compact(actual));
}

// A number go-yaml, and so kustomize, writes as 1e+20, which YAML 1.1 reads as a string; toYaml()
// writes 1.0e+20.
QJsonObject bigNumber()
{
    return QJsonObject{{s("apiVersion"), s("fluxdesk.test/v1")},
                       {s("kind"), s("TypeRoundTrip")},
                       {s("metadata"), QJsonObject{{s("name"), s("big-number")},
                                                   {s("namespace"), s("typeroundtrip")}}},
                       {s("spec"), QJsonObject{{s("big"), 1e20}, {s("negativeBig"), -3e25}}}};
}

// A set of objects checked together.
struct ObjectSet
{
    QList<QJsonObject> objects;
    bool kustomize = true; // false: read directly only (A and Fluxdesk's parser)
    // C: false where kustomize's own output is known not to be YAML 1.1-safe.
    bool pyyamlReadsKustomizeOutput = true;
    int minimumChecked = 1; // so a set cannot silently check nothing
};

} // namespace

class TestTypeRoundTrip : public QObject
{
    Q_OBJECT

    QString m_kubectl;
    QString m_python;
    int m_checked = 0;    // objects through kustomize and every reader
    int m_directOnly = 0; // objects kustomize cannot take, read by PyYAML and Fluxdesk only
    int m_rows = 0;
    QList<QPair<QString, ObjectSet>> m_sets;

    // Runs a program; its standard output. A failure is a warning with the end of its error
    // output (where kubectl says what it refused), named by what.
    QByteArray run(const QString &program, const QStringList &arguments, const QString &what,
                   bool *ok)
    {
        QProcess process;
        process.start(program, arguments);
        *ok = process.waitForFinished(180000) && process.exitStatus() == QProcess::NormalExit &&
              process.exitCode() == 0;
        const QByteArray out = process.readAllStandardOutput();
        if (!*ok)
            qWarning("%s failed: %s", qPrintable(what),
                     process.readAllStandardError().right(1500).constData());
        return out;
    }

    static QList<QJsonObject> objectsOf(const QJsonValue &documents)
    {
        QList<QJsonObject> out;
        const QJsonArray array = documents.toArray();
        for (const QJsonValue &v : array)
            out.append(v.toObject());
        return out;
    }

private slots:
    void initTestCase()
    {
        m_kubectl = QStandardPaths::findExecutable(s("kubectl"));
        if (m_kubectl.isEmpty())
            QSKIP("kubectl is not installed: the type round trip needs the real kubectl kustomize "
                  "(scripts/setup-deps.sh test)");
        // The python3 on PATH (a pyenv one may lack PyYAML), else Debian's with python3-yaml.
        bool ok = false;
        for (const QString &python :
             {QStandardPaths::findExecutable(s("python3")), s("/usr/bin/python3")}) {
            if (!ok && !python.isEmpty() && QFileInfo(python).isExecutable()) {
                run(python, {s("-c"), s("import yaml")}, python + s(" -c 'import yaml'"), &ok);
                m_python = python;
            }
        }
        if (!ok)
            QSKIP("python3 with PyYAML is not installed: the type round trip reads YAML 1.1 with "
                  "it (python3-yaml; scripts/setup-deps.sh test)");

        // The tests' data, one set per folder. Any YAML (a kubeconfig, a schema) is taken, Lists
        // unwrapped; what kustomize cannot take is read directly only.
        QMap<QString, ObjectSet> byFolder;
        QDirIterator files(s(FLUXDESK_TEST_DATA), {s("*.yaml")}, QDir::Files,
                           QDirIterator::Subdirectories);
        QStringList paths;
        while (files.hasNext())
            paths.append(files.next());
        paths.sort();
        for (const QString &path : std::as_const(paths)) {
            const Result<QList<YamlDocument>> docs = parseYamlDocuments(readFile(path), path);
            QVERIFY2(docs.ok(), qPrintable(docs.error().toString()));
            const QString folder =
                QDir(s(FLUXDESK_TEST_DATA)).relativeFilePath(QFileInfo(path).path());
            ObjectSet &set = byFolder[s("tests/data/") + folder];
            for (const YamlDocument &doc : *docs) {
                const QJsonObject object = doc.value.toObject();
                const QJsonValue items = object.value(QLatin1String("items"));
                if (object.value(QLatin1String("kind"))
                        .toString()
                        .endsWith(QLatin1String("List")) &&
                    items.isArray())
                    set.objects += objectsOf(items);
                else if (!object.isEmpty())
                    set.objects.append(object);
            }
        }
        QVERIFY(byFolder.size() >= 4);
        byFolder[s("tests/data/clean")].minimumChecked = 20;
        for (auto it = byFolder.cbegin(); it != byFolder.cend(); ++it)
            m_sets.append({it.key(), it.value()});

        ObjectSet demo;
        demo.objects = demoClusterObjects();
        demo.minimumChecked = 50;
        m_sets.append({s("demo cluster"), demo});

        // Every HelmRelease (and source) the demo cluster's releases convert to.
        Inventory inventory;
        inventory.addObjects(demoClusterObjects());
        ObjectSet helm;
        const QList<HelmRelease> releases = inventory.helmReleases();
        QVERIFY2(releases.size() >= 5, "the demo cluster lost its Helm releases");
        for (const HelmRelease &release : releases) {
            if (!release.installedByK3s.isEmpty())
                continue; // K3s's own (traefik): never converted, the HelmChartConfig is planned
            const Result<HelmConversion> c =
                convertHelmRelease(release, resolveChartSource(release, ChartSourceContext()));
            QVERIFY2(c.ok(), qPrintable(c.error().toString()));
            helm.objects += c->documents();
        }
        helm.minimumChecked = 5;
        m_sets.append({s("demo HelmReleases"), helm});

        ObjectSet tricky;
        tricky.objects = stringsObjects(s("tricky"), trickyStrings());
        tricky.objects.append(valuesHelmRelease());
        tricky.minimumChecked = 3;
        m_sets.append({s("tricky strings"), tricky});

        ObjectSet quirks;
        quirks.objects = stringsObjects(s("kustomize-writes-plain"), kustomizeWritesPlain());
        quirks.objects += stringsObjects(s("merge-key-value"), {s("<<")}, false);
        quirks.objects.append(bigNumber());
        quirks.pyyamlReadsKustomizeOutput = false;
        quirks.minimumChecked = 5;
        m_sets.append({s("what kustomize writes plain"), quirks});

        ObjectSet mergeKey;
        mergeKey.objects = stringsObjects(s("merge-key"), {s("<<")});
        mergeKey.kustomize = false;
        mergeKey.minimumChecked = 2;
        m_sets.append({s("merge key as a key, read directly"), mergeKey});

        // Generated shapes include the ones above that kustomize writes plain.
        ObjectSet generated;
        generated.objects = stringsObjects(s("generated"), generatedStrings());
        generated.pyyamlReadsKustomizeOutput = false;
        generated.minimumChecked = 2;
        m_sets.append({s("generated strings"), generated});
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_sets.size(); ++i)
            QTest::newRow(qPrintable(m_sets.at(i).first)) << i;
    }

    void roundTrip()
    {
        QFETCH(int, index);
        const ObjectSet &set = m_sets.at(index).second;
        ++m_rows;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // FLUXDESK_KEEP_TYPEROUNDTRIP=1 keeps the files (toYaml()'s and kustomize's) to look at.
        if (qEnvironmentVariableIsSet("FLUXDESK_KEEP_TYPEROUNDTRIP")) {
            dir.setAutoRemove(false);
            qInfo("files kept in %s", qPrintable(dir.path()));
        }

        const CleanRules rules = CleanRules::defaults();
        const CleanContext context = cleanContextFor(set.objects);

        // Cleaned and written, one file per object. kustomize refuses two objects with one id,
        // so each goes to the first folder that does not hold its id yet.
        QList<QJsonObject> expected;    // cleaned, in file order
        QList<QString> files;           // toYaml() of each
        QList<bool> throughKustomize;   // whether kustomize takes it
        QList<QSet<QString>> folderIds; // ids per kustomize folder
        QList<QStringList> folderFiles; // files per kustomize folder
        int skipped = 0;
        for (const QJsonObject &object : std::as_const(set.objects)) {
            const QJsonObject cleaned = cleanObject(object, rules, context).object;
            const QString path = dir.filePath(QStringLiteral("%1.yaml").arg(expected.size()));
            QVERIFY(writeFile(path, toYaml(cleaned).toUtf8()));
            expected.append(cleaned);
            files.append(path);
            const QString why =
                set.kustomize ? whyKustomizeCannotTake(cleaned) : s("the set is read directly");
            throughKustomize.append(why.isEmpty());
            if (!why.isEmpty()) {
                ++skipped;
                qInfo("not through kustomize (%s), read directly only: %s", qPrintable(why),
                      qPrintable(toYaml(cleaned).left(80).replace(QLatin1Char('\n'), u' ')));
                continue;
            }
            const QString id = objectKey(cleaned);
            qsizetype folder = 0;
            while (folder < folderIds.size() && folderIds.at(folder).contains(id))
                ++folder;
            if (folder == folderIds.size()) {
                folderIds.append(QSet<QString>());
                folderFiles.append(QStringList());
            }
            folderIds[folder].insert(id);
            folderFiles[folder].append(path);
        }

        // kubectl kustomize on each folder; its output read by Fluxdesk's parser.
        QStringList outputs;
        QList<QHash<QString, QJsonObject>> fluxdeskReads;
        for (qsizetype f = 0; f < folderFiles.size(); ++f) {
            const QString folder = dir.filePath(QStringLiteral("kustomize-%1").arg(f));
            QByteArray kustomization = "resources:\n";
            for (const QString &file : folderFiles.at(f)) {
                const QString name = QFileInfo(file).fileName();
                QVERIFY(QDir().mkpath(folder));
                QVERIFY(QFile::copy(file, folder + QLatin1Char('/') + name));
                kustomization += "- " + name.toUtf8() + '\n';
            }
            QVERIFY(writeFile(folder + s("/kustomization.yaml"), kustomization));
            bool ok = false;
            const QByteArray built =
                run(m_kubectl, {s("kustomize"), folder}, s("kubectl kustomize ") + folder, &ok);
            QVERIFY2(ok, "kubectl kustomize failed (see the warning above)");
            const QString output = dir.filePath(QStringLiteral("kustomize-%1.out.yaml").arg(f));
            QVERIFY(writeFile(output, built));
            outputs.append(output);

            const Result<QList<YamlDocument>> docs = parseYamlDocuments(built, output);
            QVERIFY2(docs.ok(), qPrintable(docs.error().toString()));
            QHash<QString, QJsonObject> byId;
            for (const YamlDocument &doc : *docs)
                byId.insert(objectKey(doc.value.toObject()), doc.value.toObject());
            QCOMPARE(byId.size(), folderFiles.at(f).size());
            fluxdeskReads.append(byId);
        }

        // PyYAML on toYaml()'s files and on kustomize's outputs, in one run.
        bool ok = false;
        const QByteArray json = run(
            m_python, QStringList{s("-c"), s(pyyamlScript)} + files + outputs, s("PyYAML"), &ok);
        QVERIFY(ok);
        QJsonParseError error;
        const QJsonObject pyyaml = QJsonDocument::fromJson(json, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QList<QHash<QString, QJsonObject>> pyyamlReads;
        for (const QString &output : std::as_const(outputs)) {
            const QJsonValue docs = pyyaml.value(output);
            if (set.pyyamlReadsKustomizeOutput)
                QVERIFY2(docs.isArray(),
                         qPrintable(s("PyYAML cannot read kustomize's output: ") +
                                    docs.toObject().value(QLatin1String("error")).toString()));
            QHash<QString, QJsonObject> byId;
            for (const QJsonObject &o : objectsOf(docs))
                byId.insert(objectKey(o), o);
            pyyamlReads.append(byId);
        }

        QStringList failures;
        const auto check = [&](const QString &reader, const QJsonObject &want,
                               const QJsonValue &got) {
            QStringList diff;
            differences(want, got, QString(), diff);
            if (!diff.isEmpty())
                failures.append(objectKey(want) + QStringLiteral(" (") + reader +
                                QStringLiteral("):\n    ") + diff.join(QStringLiteral("\n    ")));
        };
        int checked = 0;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject &want = expected.at(i);
            // Fluxdesk's parser on its own output, and A: PyYAML on it.
            const Result<QList<YamlDocument>> own =
                parseYamlDocuments(readFile(files.at(i)), files.at(i));
            QVERIFY2(own.ok() && own->size() == 1, qPrintable(files.at(i)));
            check(s("Fluxdesk reading toYaml()"), want, own->first().value);
            const QJsonValue direct = pyyaml.value(files.at(i));
            if (!direct.isArray() || direct.toArray().size() != 1)
                failures.append(objectKey(want) + QStringLiteral(" (PyYAML reading toYaml()): ") +
                                compact(direct));
            else
                check(s("PyYAML reading toYaml()"), want, direct.toArray().first());
            if (!throughKustomize.at(i)) {
                ++m_directOnly;
                continue;
            }
            // B and C: kustomize's output.
            const QString id = objectKey(want);
            qsizetype folder = 0;
            while (!folderFiles.at(folder).contains(files.at(i)))
                ++folder;
            check(s("Fluxdesk reading kustomize's output"), want,
                  fluxdeskReads.at(folder).value(id));
            if (set.pyyamlReadsKustomizeOutput)
                check(s("PyYAML reading kustomize's output"), want,
                      pyyamlReads.at(folder).value(id));
            ++checked;
        }
        m_checked += checked;
        qInfo("%d objects through kustomize and every reader, %d read directly only, %lld "
              "kustomize folders",
              checked, skipped, qlonglong(folderFiles.size()));
        // One message per object: QtTest cuts a long failure message short.
        for (const QString &failure : std::as_const(failures))
            qWarning("%s", qPrintable(failure));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 objects do not read back (warnings above)")
                                .arg(failures.size())));
        QVERIFY2(checked + skipped >= set.minimumChecked,
                 qPrintable(QStringLiteral("only %1 objects checked").arg(checked + skipped)));
    }

    // The rows together check many objects: a data folder that empties, or a demo cluster that
    // shrinks, cannot turn this into a test of nothing.
    void checkedEnough()
    {
        if (m_rows < m_sets.size() || m_rows == 0)
            QSKIP("runs after every roundTrip row");
        qInfo("%d objects checked through kustomize, %d directly", m_checked, m_directOnly);
        QVERIFY2(m_checked >= 120, qPrintable(QString::number(m_checked)));
    }
};

QTEST_GUILESS_MAIN(TestTypeRoundTrip)
#include "tst_typeroundtrip.moc"
