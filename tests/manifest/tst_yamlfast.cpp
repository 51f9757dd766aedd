// The fast YAML reader against the yaml-cpp reader: for every input, the fast reader either
// declines or gives exactly the documents (values and lines) yaml-cpp gives.
#include "manifest/cleaner.h"
#include "manifest/yamlfast.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

#include <cstdlib>
#include <functional>

using namespace Fluxdesk;

namespace {

// Documents as comparable text: values (with their JSON types) and lines.
QByteArray describe(const QList<YamlDocument> &documents)
{
    QJsonArray all;
    for (const YamlDocument &d : documents)
        all.append(QJsonArray{d.line, d.value.isUndefined() ? QJsonValue(QStringLiteral("<undef>"))
                                                            : d.value});
    return QJsonDocument(all).toJson(QJsonDocument::Compact);
}

enum class Outcome
{
    Declined,
    Same,
    Different,
};

// Compares both readers on bytes; on a difference, message says how.
Outcome compare(const QByteArray &bytes, QString *message = nullptr,
                const YamlParseOptions &options = {})
{
    const Result<QList<YamlDocument>> slow =
        YamlDetail::parseYamlDocumentsWithYamlCpp(bytes, QStringLiteral("t.yaml"), options);
    if (!slow.ok()) {
        // The fast reader must never accept what yaml-cpp refuses (a UTF-8 error is checked
        // before either reader runs).
        if (slow.error().message.contains(QLatin1String("UTF-8")) ||
            slow.error().message.contains(QLatin1String("NUL")))
            return Outcome::Declined;
        const std::optional<QList<YamlDocument>> fast = YamlDetail::parseYamlFast(bytes, options);
        if (!fast)
            return Outcome::Declined;
        if (message)
            *message = QStringLiteral("yaml-cpp: %1; fast: %2")
                           .arg(slow.error().toString(), QString::fromUtf8(describe(*fast)));
        return Outcome::Different;
    }
    const std::optional<QList<YamlDocument>> fast = YamlDetail::parseYamlFast(bytes, options);
    if (!fast)
        return Outcome::Declined;
    const QByteArray a = describe(*slow);
    const QByteArray b = describe(*fast);
    if (a == b)
        return Outcome::Same;
    if (message)
        *message = QStringLiteral("yaml-cpp: %1\nfast:     %2")
                       .arg(QString::fromUtf8(a), QString::fromUtf8(b));
    return Outcome::Different;
}

// One object of tests/benchmarks/clean-split-vs-peers.sh's export.
QByteArray exportObject(int i)
{
    static const char *const kinds[] = {"Deployment",     "Service",   "ConfigMap",
                                        "ServiceAccount", "ConfigMap", "Secret"};
    const QString kind = QString::fromLatin1(kinds[i % 6]);
    const QString ns = QStringLiteral("ns-%1").arg(i % 40);
    const QString name = QStringLiteral("app-%1").arg(i);
    const bool deployment = kind == QLatin1String("Deployment");
    const QString api = deployment ? QStringLiteral("apps/v1") : QStringLiteral("v1");
    QString statusManager;
    if (deployment)
        statusManager = QStringLiteral("  - apiVersion: %1\n"
                                       "    fieldsType: FieldsV1\n"
                                       "    fieldsV1:\n"
                                       "      f:status:\n"
                                       "        f:observedGeneration: {}\n"
                                       "    manager: kube-controller-manager\n"
                                       "    operation: Update\n"
                                       "    subresource: status\n"
                                       "    time: \"2025-01-01T10:00:05Z\"\n")
                            .arg(api);
    QString text =
        QStringLiteral("apiVersion: %1\nkind: %2\nmetadata:\n  annotations:\n"
                       "    kubectl.kubernetes.io/last-applied-configuration: "
                       "'{\"apiVersion\":\"%1\",\"kind\":\"%2\",\"metadata\":{\"name\":\"%3\","
                       "\"namespace\":\"%4\"}}'\n"
                       "  creationTimestamp: \"2025-01-%5T10:00:00Z\"\n  generation: 3\n"
                       "  labels:\n    app.kubernetes.io/name: %3\n  managedFields:\n"
                       "  - apiVersion: %1\n    fieldsType: FieldsV1\n    fieldsV1:\n"
                       "      f:metadata:\n        f:annotations:\n          .: {}\n"
                       "          f:kubectl.kubernetes.io/last-applied-configuration: {}\n"
                       "    manager: kubectl-client-side-apply\n    operation: Update\n"
                       "    time: \"2025-01-01T10:00:00Z\"\n")
            .arg(api, kind, name, ns)
            .arg(1 + i % 28, 2, 10, QLatin1Char('0'));
    text +=
        statusManager + QStringLiteral("  name: %1\n  namespace: %2\n  resourceVersion: \"%3\"\n"
                                       "  uid: 6f1c%4-0000-4000-8000-00000000%5\n")
                            .arg(name, ns)
                            .arg(100000 + i)
                            .arg(i, 8, 16, QLatin1Char('0'))
                            .arg(i % 10000, 4, 10, QLatin1Char('0'));
    if (deployment) {
        text += QStringLiteral(
                    "spec:\n  progressDeadlineSeconds: 600\n  replicas: 1\n"
                    "  revisionHistoryLimit: 10\n  selector:\n    matchLabels:\n"
                    "      app.kubernetes.io/name: %1\n  template:\n    metadata:\n"
                    "      creationTimestamp: null\n      labels:\n"
                    "        app.kubernetes.io/name: %1\n    spec:\n      containers:\n"
                    "      - image: ghcr.io/example/%1:1.%2.0\n"
                    "        imagePullPolicy: IfNotPresent\n        name: app\n        ports:\n"
                    "        - containerPort: 8080\n          protocol: TCP\n"
                    "        resources:\n          requests:\n            cpu: 10m\n"
                    "        terminationMessagePath: /dev/termination-log\n"
                    "        terminationMessagePolicy: File\n      dnsPolicy: ClusterFirst\n"
                    "      restartPolicy: Always\n      schedulerName: default-scheduler\n"
                    "      securityContext: {}\n      terminationGracePeriodSeconds: 30\n"
                    "status:\n  availableReplicas: 1\n  conditions:\n"
                    "  - lastTransitionTime: \"2025-01-01T10:00:05Z\"\n"
                    "    reason: MinimumReplicasAvailable\n    status: \"True\"\n"
                    "    type: Available\n  observedGeneration: 3\n  readyReplicas: 1\n"
                    "  replicas: 1\n  updatedReplicas: 1\n")
                    .arg(name)
                    .arg(i % 50);
    } else if (kind == QLatin1String("Service")) {
        const QString ip = QStringLiteral("10.43.%1.%2").arg(i % 250).arg(i % 200 + 1);
        text += QStringLiteral("spec:\n  clusterIP: %1\n  clusterIPs:\n  - %1\n"
                               "  internalTrafficPolicy: Cluster\n  ipFamilies:\n  - IPv4\n"
                               "  ipFamilyPolicy: SingleStack\n  ports:\n  - name: http\n"
                               "    port: 80\n    protocol: TCP\n    targetPort: 8080\n"
                               "  selector:\n    app.kubernetes.io/name: %2\n"
                               "  sessionAffinity: None\n  type: ClusterIP\n"
                               "status:\n  loadBalancer: {}\n")
                    .arg(ip, name);
    } else if (kind == QLatin1String("ConfigMap")) {
        text += QStringLiteral("data:\n  app.properties: |\n    feature.flag.%1=true\n").arg(i);
    } else if (kind == QLatin1String("Secret")) {
        text += QStringLiteral("data:\n  token: c2VjcmV0LXRva2VuLXZhbHVl\ntype: Opaque\n");
    }
    return text.toUtf8();
}

QByteArray exportStream(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += "---\n";
        out += exportObject(i);
    }
    return out;
}

QList<QByteArray> scalarTexts()
{
    return {"42",
            "-7",
            "+7",
            "010",
            "0123",
            "0x1F",
            "0xff",
            "0o17",
            "0o19",
            "0b101",
            "1e3",
            "1E3",
            "-1.5e-3",
            ".5",
            "5.",
            "1_000",
            ".inf",
            "-.inf",
            "+.INF",
            ".nan",
            ".NaN",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "false",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "n",
            "2025-01-01",
            "2025-01-01T10:00:00Z",
            "12:30:45",
            "1.2.3",
            "9007199254740993",
            "-9007199254740992",
            "123456789012345678901",
            "0x8000000000000000",
            "v1",
            "10m",
            "http://example.com:8080/path?q=1#frag",
            "a#b",
            "a, b",
            "[not flow]",
            "a [b] {c}",
            "-foo",
            "--port=8080",
            "a:b",
            "a::b",
            "key=value",
            "with 'single' and \"double\"",
            "100%",
            "@not-first",
            "ünïcödé ✓ 😀",
            "  "};
}

} // namespace

class TestYamlFast : public QObject
{
    Q_OBJECT

private:
    void check(const QByteArray &yaml, bool mustBeFast)
    {
        QString message;
        const Outcome outcome = compare(yaml, &message);
        if (outcome == Outcome::Different)
            QFAIL(qPrintable(QStringLiteral("readers differ on:\n%1\n%2")
                                 .arg(QString::fromUtf8(yaml), message)));
        if (mustBeFast && outcome != Outcome::Same)
            QFAIL(qPrintable(
                QStringLiteral("the fast reader declined:\n%1\n(yaml-cpp: %2)")
                    .arg(QString::fromUtf8(yaml),
                         YamlDetail::parseYamlDocumentsWithYamlCpp(yaml, QStringLiteral("t.yaml"))
                                 .ok()
                             ? QStringLiteral("ok")
                             : QStringLiteral("error"))));
    }

private slots:
    // Every YAML file of the repository's test data and resources.
    void repositoryFiles()
    {
        const QDir data(QStringLiteral(FLUXDESK_TEST_DATA));
        const QStringList roots{data.absolutePath(), QDir::cleanPath(data.absoluteFilePath(
                                                         QStringLiteral("../../resources")))};
        int files = 0;
        int handled = 0;
        for (const QString &root : roots) {
            QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                const QByteArray bytes = file.readAll();
                QString message;
                const Outcome outcome = compare(bytes, &message);
                QVERIFY2(outcome != Outcome::Different,
                         qPrintable(path + QLatin1Char('\n') + message));
                ++files;
                handled += outcome == Outcome::Same ? 1 : 0;
            }
        }
        QVERIFY(files >= 20);
        // Most of them are plain block style: the fast reader must not silently stop working.
        QVERIFY2(handled * 2 > files,
                 qPrintable(QStringLiteral("%1 of %2").arg(handled).arg(files)));
    }

    void documents_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("mustBeFast");
        const bool fast = true;
        const bool either = false;

        QTest::addRow("benchmark export") << exportStream(12) << fast;
        QTest::addRow("benchmark export, CRLF")
            << QByteArray(exportStream(6)).replace("\n", "\r\n") << fast;
        QTest::addRow("benchmark export, BOM")
            << QByteArray("\xEF\xBB\xBF") + exportStream(3) << fast;
        QTest::addRow("empty") << QByteArray() << fast;
        QTest::addRow("only comments") << QByteArray("# a\n  # b\n\n") << fast;
        QTest::addRow("only markers") << QByteArray("---\n---\n...\n") << fast;
        QTest::addRow("markers with comments")
            << QByteArray("--- # first\na: 1\n... # end\n--- \nb: 2\n") << fast;
        QTest::addRow("leading marker") << QByteArray("---\na: 1\n---\nb: 2\n---\n") << fast;
        QTest::addRow("document end then content") << QByteArray("a: 1\n...\nb: 2\n") << either;
        QTest::addRow("no final newline") << QByteArray("a: 1\nb:\n  c: x") << fast;
        QTest::addRow("indented root") << QByteArray("  a: 1\n  b: 2\n") << fast;
        QTest::addRow("root sequence")
            << QByteArray("- a\n- b: 1\n  c: 2\n-\n- - x\n  - y\n") << fast;
        QTest::addRow("root flow") << QByteArray("{a: 1, b: [x, 'y', \"z\"]}\n") << fast;
        QTest::addRow("root empty flow map") << QByteArray("{}\n---\n[]\n") << fast;
        QTest::addRow("root scalar") << QByteArray("hello\n") << either;
        QTest::addRow("root null") << QByteArray("~\n---\na: 1\n") << either;
        QTest::addRow("root block scalar") << QByteArray("--- |\n  text\n") << either;
        QTest::addRow("json document")
            << QByteArray("{\n  \"a\": 1,\n  \"b\": [true, null]\n}\n") << either;
        QTest::addRow("compact json") << QByteArray("{\"a\":1,\"b\":[true,null]}\n") << either;

        QTest::addRow("kubernetes sequences")
            << QByteArray("spec:\n  containers:\n  - name: a\n    args:\n    - --x\n    - -v\n"
                          "    env:\n    - name: A\n      value: \"1\"\n  - name: b\n"
                          "  volumes: []\nother: x\n")
            << fast;
        QTest::addRow("indented sequences")
            << QByteArray("a:\n    - 1\n    - 2\nb:\n  -   x: 1\n      y: 2\n") << fast;
        QTest::addRow("null values")
            << QByteArray("a:\nb: ~\nc: null\nd: # comment\ne:\n  # only a comment\nf: 1\n")
            << fast;
        QTest::addRow("null sequence items") << QByteArray("a:\n-\n- # c\n-   \n- x\n") << fast;
        QTest::addRow("comments in odd places")
            << QByteArray("# head\na: 1 # trailing\n# between\nb:   # after key\n  # inside\n"
                          "  c: 'x' # after quote\n      # deeper comment\n  d: [1, 2] # flow\n"
                          "#end")
            << fast;
        QTest::addRow("hash without space") << QByteArray("a: x#y\nb: 'q'#c\n") << either;
        QTest::addRow("keys with spaces and colons")
            << QByteArray("a b: 1\n\"c: d\": 2\n'e''f': 3\ng:h: 4\nhttp://x: 5\n\"\": 6\n"
                          "k  : 7\n\"q\" : 8\n")
            << fast;
        QTest::addRow("numeric and bool keys") << QByteArray("1: a\ntrue: b\n0x1F: c\n") << fast;
        QTest::addRow("null key") << QByteArray("~: a\n") << either;
        QTest::addRow("quoted null key") << QByteArray("'~': a\n\"null\": b\n") << fast;
        QTest::addRow("duplicate key") << QByteArray("a: 1\nb: 2\na: 3\n") << either;
        QTest::addRow("duplicate quoted key") << QByteArray("a: 1\n'a': 3\n") << either;

        QTest::addRow("double-quoted escapes")
            << QByteArray("a: \"tab\\tnl\\ncr\\rq\\\"bs\\\\sl\\/sp\\ \"\n"
                          "b: \"\\x41\\u00e9\\u263A\\U0001F600\\x7f\\x80\"\n"
                          "c: \"\\0\\a\\b\\v\\f\\e\"\n"
                          "d: \"\\L\\P\"\n"
                          "e: \"it\\'s\"\n"
                          "f: \"trailing\\n\\n\"\n"
                          "g: \"raw\ttab\"\n")
            << fast;
        QTest::addRow("nel and nbsp escapes") << QByteArray("a: \"\\N\\_\"\n") << either;
        QTest::addRow("bad escape") << QByteArray("a: \"\\q\"\n") << either;
        QTest::addRow("surrogate escape") << QByteArray("a: \"\\ud800\"\n") << either;
        QTest::addRow("short hex escape") << QByteArray("a: \"\\x4\"\n") << either;
        QTest::addRow("single quotes")
            << QByteArray("a: 'it''s'\nb: ''\nc: 'a \"b\" \\n'\nd: '  spaced  '\ne: ''''\n")
            << fast;
        QTest::addRow("unterminated double") << QByteArray("a: \"abc\nb: 1\n") << either;
        QTest::addRow("unterminated single") << QByteArray("a: 'abc\n") << either;
        QTest::addRow("multi-line double") << QByteArray("a: \"abc\n  def\"\nb: 1\n") << either;
        QTest::addRow("multi-line plain") << QByteArray("a: abc\n  def\nb: 1\n") << either;
        QTest::addRow("multi-line plain in sequence") << QByteArray("- abc\n  def\n") << either;
        QTest::addRow("plain after blank line") << QByteArray("a: abc\n\n  def\n") << either;
        QTest::addRow("text after quote") << QByteArray("a: 'x' y\n") << either;
        QTest::addRow("value with colon space") << QByteArray("a: b: c\n") << either;
        QTest::addRow("value ending in colon") << QByteArray("a: b:\n") << either;
        QTest::addRow("trailing spaces") << QByteArray("a: x   \nb: 'y'   \nc:   \n") << fast;

        QTest::addRow("tabs as indentation") << QByteArray("a:\n\tb: 1\n") << either;
        QTest::addRow("tab after colon") << QByteArray("a:\t1\n") << either;
        QTest::addRow("tab in plain") << QByteArray("a: x\ty\n") << either;
        QTest::addRow("anchors and aliases") << QByteArray("a: &x 1\nb: *x\n") << either;
        QTest::addRow("tags") << QByteArray("a: !!str 1\nb: !custom x\n") << either;
        QTest::addRow("complex key") << QByteArray("? a\n: b\n") << either;
        QTest::addRow("merge key") << QByteArray("base: &b {x: 1}\nd:\n  <<: *b\n") << either;
        QTest::addRow("directive") << QByteArray("%YAML 1.2\n---\na: 1\n") << either;
        QTest::addRow("bad indentation") << QByteArray("a:\n    b: 1\n  c: 2\n") << either;
        QTest::addRow("sequence after scalar") << QByteArray("a: 1\n- b\n") << either;
        QTest::addRow("less indented line") << QByteArray("  a: 1\nb: 2\n") << either;
        QTest::addRow("scalar in map") << QByteArray("a: 1\nb\n") << either;
        QTest::addRow("deep nesting") << [] {
            QByteArray y;
            for (int i = 0; i < 520; ++i)
                y += QByteArray(i, ' ') + "k:\n";
            return y;
        }() << either;
        QTest::addRow("lone carriage return") << QByteArray("a: x\ry\n") << either;
        QTest::addRow("nel") << QByteArray("a: x\xC2\x85y\n") << either;
        QTest::addRow("bom later") << QByteArray("a: \xEF\xBB\xBFx\n") << either;
        QTest::addRow("control character") << QByteArray("a: x\x01y\n") << either;

        QTest::addRow("flow collections")
            << QByteArray("a: {}\nb: []\nc: [a, b]\nd: {a: 1}\ne: [1, 0x1F, ~, true, 'q', \"r\"]\n"
                          "f: {k: [x, {y: z}], 'q k': v}\ng: [ a , b ]\nh: [http://x:1/y]\n"
                          "i: [a b c]\n")
            << fast;
        QTest::addRow("flow trailing comma") << QByteArray("a: [a, b, ]\n") << either;
        QTest::addRow("flow empty entry") << QByteArray("a: [a, , b]\n") << either;
        QTest::addRow("flow single pair") << QByteArray("a: [k: v]\n") << either;
        QTest::addRow("flow key without value") << QByteArray("a: {k, j: 1}\n") << either;
        QTest::addRow("flow json colon") << QByteArray("a: {\"k\":1}\n") << either;
        QTest::addRow("flow multi-line") << QByteArray("a: [1,\n  2]\n") << either;
        QTest::addRow("flow unterminated") << QByteArray("a: [1, 2\n") << either;
        QTest::addRow("flow duplicate key") << QByteArray("a: {k: 1, k: 2}\n") << either;
        QTest::addRow("flow question mark") << QByteArray("a: [a?b]\n") << either;
        QTest::addRow("flow comment") << QByteArray("a: [1, 2] # c\nb: {} #d\n") << fast;

        // Block scalars with every indicator.
        const QList<QByteArray> headers{"|",   "|-",  "|+", ">",   ">-",  ">+",    "|2",    "|-2",
                                        "|2-", "|+1", ">1", ">2-", "|1+", "| # c", ">- # c"};
        const QList<QByteArray> bodies{
            "  line one\n  line two\n",
            "  line one\n\n  line three\n\n\n",
            "  one\n    more indented\n  back\n",
            "    indented first\n  then less\n",
            "\n  after blank\n",
            "  \n  after spaces\n",
            "      \n  after more spaces\n",
            "  trailing spaces   \n  x\n",
            "  a\n  b\n\n  c\n    d\n    e\n\n\n  f\n",
            "  folded one\n  folded two\n   more\n  three\n",
            "",
            "\n\n",
            "  only\n",
            "  tab\tinside\n",
            "  # not a comment\n  x\n",
            "  ---\n  ...\n",
            "  a\n\n",
            "  a\n  \n  b\n",
        };
        int n = 0;
        for (const QByteArray &h : headers) {
            for (const QByteArray &b : bodies) {
                const QByteArray map = "key: " + h + "\n" + b + "next: 1\n";
                QTest::addRow("block %d map", n) << map << either;
                QTest::addRow("block %d map at end", n)
                    << QByteArray("key: " + h + "\n" + b) << either;
                QTest::addRow("block %d sequence", n)
                    << QByteArray("- " + h + "\n" + b + "- x\n") << either;
                QTest::addRow("block %d nested", n)
                    << QByteArray("a:\n  - k: " + h + "\n" +
                                  QByteArray(b).replace("\n  ", "\n      ") + "    j: 2\nz: 3\n")
                    << either;
                QTest::addRow("block %d crlf", n)
                    << QByteArray(map).replace("\n", "\r\n") << either;
                ++n;
            }
        }
        QTest::addRow("block scalar no break") << QByteArray("a: |") << either;
        QTest::addRow("block scalar zero indent") << QByteArray("a: |0\n  x\n") << either;
        QTest::addRow("block scalar bad header") << QByteArray("a: |x\n  x\n") << either;
        QTest::addRow("block scalar comment no space") << QByteArray("a: |#c\n  x\n") << either;
        QTest::addRow("block scalar tab indent") << QByteArray("a: |\n\tx\n") << either;
        QTest::addRow("block scalar then document")
            << QByteArray("a: |\n  x\n---\nb: |-\n  y\n...\n") << fast;
        QTest::addRow("block scalar then less indented comment")
            << QByteArray("a:\n  b: |\n    x\n # c\n  c: 1\n") << fast;
        QTest::addRow("block scalar text at parent indent") << QByteArray("a: |\nx\n") << either;
        QTest::addRow("configmap")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n"
                          "  nginx.conf: |\n    server {\n      listen 80;\n\n"
                          "      location / {\n        root /x;\n      }\n    }\n"
                          "  empty: \"\"\n  script.sh: |-\n    #!/bin/sh\n    echo \"$1\"\n")
            << fast;

        for (const QByteArray &s : scalarTexts()) {
            QTest::addRow("plain %s", s.constData()) << QByteArray("v: " + s + "\n") << either;
            QTest::addRow("item %s", s.constData()) << QByteArray("- " + s + "\n") << either;
            QTest::addRow("flow %s", s.constData()) << QByteArray("v: [" + s + "]\n") << either;
            QTest::addRow("key %s", s.constData()) << QByteArray(s + ": v\n") << either;
            QTest::addRow("single %s", s.constData())
                << QByteArray("v: '" + QByteArray(s).replace("'", "''") + "'\n") << either;
        }
    }

    void documents()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, mustBeFast);
        check(yaml, mustBeFast);
    }

    // What toYaml() writes must always take the fast path, and read back the same.
    void writerOutput()
    {
        QJsonObject strings;
        const QList<QByteArray> texts = scalarTexts();
        for (qsizetype i = 0; i < texts.size(); ++i)
            strings.insert(QStringLiteral("s%1").arg(i), QString::fromUtf8(texts.at(i)));
        const QStringList more{QStringLiteral("multi\nline\n"),
                               QStringLiteral("no final newline\nx"),
                               QStringLiteral("two final\n\n"),
                               QStringLiteral("  leading spaces\nx\n"),
                               QStringLiteral("\nleading newline"),
                               QStringLiteral("tab\there"),
                               QStringLiteral("control\x01"),
                               QStringLiteral("quote ' and \""),
                               QStringLiteral("a: b"),
                               QStringLiteral("a #b"),
                               QStringLiteral("ends:"),
                               QStringLiteral("---"),
                               QStringLiteral("- item"),
                               QStringLiteral("trailing "),
                               QStringLiteral(""),
                               QStringLiteral("line\n  indented\n\nblank\n"),
                               QStringLiteral("crlf\r\nline")};
        for (qsizetype i = 0; i < more.size(); ++i)
            strings.insert(QStringLiteral("m%1").arg(i), more.at(i));
        QJsonObject object{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                         {QStringLiteral("labels"), QJsonObject()},
                         {QStringLiteral("weird key: with # stuff"), QStringLiteral("v")}}},
            {QStringLiteral("data"), strings},
            {QStringLiteral("numbers"), QJsonArray{1, -2, 1.5, 1e300, 0.1, 9007199254740992.0, true,
                                                   false, QJsonValue(QJsonValue::Null)}},
            {QStringLiteral("nested"),
             QJsonArray{
                 QJsonArray{1, QJsonArray{2, 3}}, QJsonObject{{QStringLiteral("a"), 1}},
                 QJsonArray(), QJsonObject(),
                 QJsonObject{{QStringLiteral("l"),
                              QJsonArray{QJsonObject{{QStringLiteral("x"), 1},
                                                     {QStringLiteral("y"), QJsonArray{1}}}}}}}},
        };
        const QByteArray yaml = toYaml(object).toUtf8();
        check(yaml, true);
        const QByteArray many =
            toYamlDocuments({object, QJsonObject{{QStringLiteral("a"), 1}}, object}).toUtf8();
        check(many, true);
        const Result<QList<YamlDocument>> read = parseYamlDocuments(yaml, QStringLiteral("w"));
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->first().value.toObject(), object);
    }

    // Random edits of valid documents: the fast reader declines or agrees, never differs.
    void mutations()
    {
        QList<QByteArray> seeds{
            exportObject(0),
            exportObject(1),
            exportObject(2),
            QByteArray("a:\n  - k: |\n      text\n      more\n    j: >-\n      f\n      g\n"
                       "  - [1, {x: y}]\nb: \"q\\tr\" # c\nc: 'it''s'\n---\n- x\n- - y\n"),
        };
        const QByteArray alphabet = QByteArray(" \n:-#'\"|>[]{},?&*!~\t\r.0aZ") + "\xC3\xA9";
        QRandomGenerator rng(20251126);
        int same = 0;
        for (int round = 0; round < 4000; ++round) {
            QByteArray y = seeds.at(round % seeds.size());
            const int edits = 1 + int(rng.bounded(3));
            for (int e = 0; e < edits && !y.isEmpty(); ++e) {
                const int at = int(rng.bounded(y.size()));
                switch (rng.bounded(5)) {
                case 0:
                    y.remove(at, 1);
                    break;
                case 1:
                    y.insert(at, alphabet.at(int(rng.bounded(alphabet.size()))));
                    break;
                case 2:
                    y[at] = alphabet.at(int(rng.bounded(alphabet.size())));
                    break;
                case 3:
                    y.insert(at, "  ");
                    break;
                default: {
                    // Duplicate a line.
                    const qsizetype start = y.lastIndexOf('\n', at) + 1;
                    const qsizetype end = y.indexOf('\n', at);
                    if (end > start)
                        y.insert(start, y.mid(start, end - start + 1));
                    break;
                }
                }
            }
            QString message;
            const Outcome outcome = compare(y, &message);
            if (outcome == Outcome::Different)
                QFAIL(qPrintable(QStringLiteral("readers differ on:\n%1\n%2")
                                     .arg(QString::fromUtf8(y), message)));
            same += outcome == Outcome::Same ? 1 : 0;
        }
        // Most small edits keep the text in the fast reader's reach.
        QVERIFY2(same > 1000, qPrintable(QString::number(same)));
    }

    // Where the fast reader declines, parseYamlDocuments still reports yaml-cpp's errors and
    // enforces the node budget.
    void errorsStayYamlCpps_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addRow("duplicate key") << QByteArray("a: 1\nb:\n  c: 1\n  c: 2\n");
        QTest::addRow("unterminated quote") << QByteArray("a: 1\nb: \"abc\n");
        QTest::addRow("tab indentation") << QByteArray("a:\n\tb: 1\n");
        QTest::addRow("bad indentation") << QByteArray("a:\n    b: 1\n  c: 2\n");
        QTest::addRow("null key") << QByteArray("a: 1\n~: 2\n");
        QTest::addRow("unknown alias") << QByteArray("a: *nothing\n");
    }

    void errorsStayYamlCpps()
    {
        QFETCH(QByteArray, yaml);
        QVERIFY(!YamlDetail::parseYamlFast(yaml, {}));
        const Result<QList<YamlDocument>> publicResult =
            parseYamlDocuments(yaml, QStringLiteral("e.yaml"));
        const Result<QList<YamlDocument>> yamlCpp =
            YamlDetail::parseYamlDocumentsWithYamlCpp(yaml, QStringLiteral("e.yaml"));
        QVERIFY(!publicResult.ok());
        QVERIFY(!yamlCpp.ok());
        QCOMPARE(publicResult.error().toString(), yamlCpp.error().toString());
        QVERIFY(publicResult.error().line > 0);
    }

    // A large stream is read in parts on several threads: the same documents and lines, the
    // budget checked on the whole, a part that declines makes the whole decline.
    void largeStream()
    {
        QByteArray yaml = exportStream(2600);
        // Odd places for part boundaries: comments, "..." ends, empty documents, block scalars
        // whose text holds "---" further in.
        yaml.replace("---\napiVersion: v1\nkind: Secret",
                     "...\n# between\n---\n---   # empty\n---\napiVersion: v1\nkind: Secret");
        yaml.replace("app.properties: |\n", "app.properties: |\n    ---\n    x: y\n");
        QVERIFY(yaml.size() > 2 * 1024 * 1024);
        QString message;
        QCOMPARE(compare(yaml, &message), Outcome::Same);

        const std::optional<QList<YamlDocument>> all = YamlDetail::parseYamlFast(yaml, {});
        QVERIFY(all);
        QCOMPARE(all->size(), 2600);
        std::function<qsizetype(const QJsonValue &)> nodes = [&](const QJsonValue &v) {
            qsizetype n = 1;
            if (v.isObject()) {
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it)
                    n += nodes(it.value());
            } else if (v.isArray()) {
                for (const QJsonValue &item : v.toArray())
                    n += nodes(item);
            }
            return n;
        };
        qsizetype total = 0;
        for (const YamlDocument &d : *all)
            total += nodes(d.value);
        YamlParseOptions exact;
        exact.maxNodes = total;
        QVERIFY(YamlDetail::parseYamlFast(yaml, exact));
        YamlParseOptions oneShort;
        oneShort.maxNodes = total - 1;
        QVERIFY(!YamlDetail::parseYamlFast(yaml, oneShort));
        QVERIFY(!parseYamlDocuments(yaml, QStringLiteral("big.yaml"), oneShort).ok());

        // An alias in the last document: the whole stream goes to yaml-cpp, with its lines.
        QByteArray withAlias = yaml + "---\na: &x 1\nb: *x\n";
        QVERIFY(!YamlDetail::parseYamlFast(withAlias, {}));
        QCOMPARE(compare(withAlias, &message), Outcome::Declined);
        // An error near the end keeps yaml-cpp's message and position.
        const QByteArray broken = yaml + "---\na: 1\na: 2\n";
        const Result<QList<YamlDocument>> error = parseYamlDocuments(broken, QStringLiteral("b"));
        QVERIFY(!error.ok());
        QCOMPARE(error.error().toString(),
                 YamlDetail::parseYamlDocumentsWithYamlCpp(broken, QStringLiteral("b"))
                     .error()
                     .toString());
        QVERIFY(error.error().line > 60000);
    }

    // Cleaning and writing a large export runs on several threads: the result is the one of
    // cleaning and writing every object in turn.
    void largeCleanAndWrite()
    {
        const QByteArray yaml = exportStream(700);
        const CleanRules rules = CleanRules::defaults();
        const Result<CleanTextResult> cleaned =
            cleanYamlText(yaml, QStringLiteral("big.yaml"), rules);
        QVERIFY(cleaned.ok());
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, QStringLiteral("big"));
        QVERIFY(docs.ok());
        QList<QJsonObject> objects;
        for (const YamlDocument &d : *docs)
            objects.append(d.value.toObject());
        const CleanContext context = cleanContextFor(objects);
        QStringList texts;
        QStringList removals;
        for (const QJsonObject &o : objects) {
            const CleanResult r = cleanObject(o, rules, context);
            texts.append(toYaml(r.object));
            for (const Removal &removal : r.removals)
                removals.append(removal.path + QLatin1Char(' ') + removal.rule);
        }
        QCOMPARE(cleaned->text, texts.join(QLatin1String("---\n")));
        QStringList got;
        for (const Removal &removal : cleaned->removals)
            got.append(removal.path + QLatin1Char(' ') + removal.rule);
        QCOMPARE(got, removals);
        QVERIFY(removals.size() > 7000);
    }

    // The typing of plain scalars (shared by both readers) against the core schema's regular
    // expressions, on random number-like texts.
    void plainTyping()
    {
        const auto reference = [](const QString &text) -> QJsonValue {
            static const QRegularExpression nullRe(QStringLiteral("^(null|Null|NULL|~|)$"));
            static const QRegularExpression trueRe(QStringLiteral("^(true|True|TRUE)$"));
            static const QRegularExpression falseRe(QStringLiteral("^(false|False|FALSE)$"));
            static const QRegularExpression intRe(QStringLiteral("^[-+]?[0-9]+$"));
            static const QRegularExpression octRe(QStringLiteral("^0o[0-7]+$"));
            static const QRegularExpression hexRe(QStringLiteral("^0x[0-9a-fA-F]+$"));
            static const QRegularExpression floatRe(
                QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
            if (nullRe.match(text).hasMatch())
                return QJsonValue(QJsonValue::Null);
            if (trueRe.match(text).hasMatch())
                return QJsonValue(true);
            if (falseRe.match(text).hasMatch())
                return QJsonValue(false);
            bool ok = false;
            if (intRe.match(text).hasMatch()) {
                const qlonglong v = text.toLongLong(&ok);
                if (ok && std::llabs(v) <= (qlonglong(1) << 53))
                    return QJsonValue(double(v));
                return QJsonValue(text);
            }
            if (octRe.match(text).hasMatch()) {
                const qlonglong v = text.mid(2).toLongLong(&ok, 8);
                return ok ? QJsonValue(double(v)) : QJsonValue(text);
            }
            if (hexRe.match(text).hasMatch()) {
                const qlonglong v = text.mid(2).toLongLong(&ok, 16);
                return ok ? QJsonValue(double(v)) : QJsonValue(text);
            }
            if (floatRe.match(text).hasMatch()) {
                const double v = text.toDouble(&ok);
                return ok ? QJsonValue(v) : QJsonValue(text);
            }
            return QJsonValue(text);
        };
        const QString alphabet =
            QStringLiteral("0123456789+-._eExXoOabcdfABCDFinIN~tTrRuUlLsSm \n:");
        QRandomGenerator rng(7);
        for (int round = 0; round < 30000; ++round) {
            QString text;
            const int length = int(rng.bounded(9));
            for (int i = 0; i < length; ++i)
                text += alphabet.at(int(rng.bounded(alphabet.size())));
            const QJsonValue got = YamlDetail::plainScalarValue(text);
            const QJsonValue want = reference(text);
            QVERIFY2(got == want && got.type() == want.type(),
                     qPrintable(QLatin1Char('"') + text + QLatin1Char('"')));
        }
    }

    void budget()
    {
        const QByteArray yaml = exportStream(3);
        YamlParseOptions small;
        small.maxNodes = 20;
        QVERIFY(!YamlDetail::parseYamlFast(yaml, small));
        QVERIFY(!parseYamlDocuments(yaml, QStringLiteral("b.yaml"), small).ok());
        YamlParseOptions exact;
        const std::optional<QList<YamlDocument>> all = YamlDetail::parseYamlFast(yaml, exact);
        QVERIFY(all);
        // Positions are yaml-cpp's to record.
        YamlParseOptions positions;
        positions.recordPositions = true;
        QVERIFY(!YamlDetail::parseYamlFast(yaml, positions));
    }
};

QTEST_GUILESS_MAIN(TestYamlFast)
#include "tst_yamlfast.moc"
