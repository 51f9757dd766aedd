// Kubeconfig loading and merging, checked against fixtures and the machine's kubectl.
#include "kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(FLUXDESK_TEST_DATA "/kubeconfig/") + name;
}

QStringList fixtures(const QStringList &names)
{
    QStringList out;
    for (const QString &n : names)
        out.append(fixture(n));
    return out;
}

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data();
    void merge();
    void firstFileWinsPerKey();
    void relativePaths();
    void typedScalars();
    void badInput_data();
    void badInput();
    void unreadableAndMissing();
    void defaultFiles();
    void matchesKubectl_data();
    void matchesKubectl();
};

void TestKubeconfig::merge_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("contexts");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QStringList>("loaded");

    QTest::addRow("one file") << QStringList{QStringLiteral("a.yaml")}
                              << QStringList{QStringLiteral("alpha"), QStringLiteral("shared")}
                              << QStringLiteral("alpha") << QStringList{QStringLiteral("a.yaml")};
    QTest::addRow("two files, first wins")
        << QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")}
        << QStringList{QStringLiteral("alpha"), QStringLiteral("shared"), QStringLiteral("beta"),
                       QStringLiteral("zeta")}
        << QStringLiteral("alpha")
        << QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")};
    QTest::addRow("reversed") << QStringList{QStringLiteral("b.yaml"), QStringLiteral("a.yaml")}
                              << QStringList{QStringLiteral("shared"), QStringLiteral("beta"),
                                             QStringLiteral("zeta"), QStringLiteral("alpha")}
                              << QStringLiteral("beta")
                              << QStringList{QStringLiteral("b.yaml"), QStringLiteral("a.yaml")};
    QTest::addRow("current-context from the first file that sets it")
        << QStringList{QStringLiteral("c.yaml"), QStringLiteral("b.yaml")}
        << QStringList{QStringLiteral("default"), QStringLiteral("shared"), QStringLiteral("beta"),
                       QStringLiteral("zeta")}
        << QStringLiteral("beta")
        << QStringList{QStringLiteral("c.yaml"), QStringLiteral("b.yaml")};
    QTest::addRow("missing files skipped")
        << QStringList{QStringLiteral("missing.yaml"), QStringLiteral("a.yaml"),
                       QStringLiteral("also-missing.yaml")}
        << QStringList{QStringLiteral("alpha"), QStringLiteral("shared")} << QStringLiteral("alpha")
        << QStringList{QStringLiteral("a.yaml")};
    QTest::addRow("empty file first")
        << QStringList{QStringLiteral("empty.yaml"), QStringLiteral("c.yaml"),
                       QStringLiteral("a.yaml")}
        << QStringList{QStringLiteral("default"), QStringLiteral("alpha"), QStringLiteral("shared")}
        << QStringLiteral("alpha")
        << QStringList{QStringLiteral("empty.yaml"), QStringLiteral("c.yaml"),
                       QStringLiteral("a.yaml")};
    QTest::addRow("no current-context anywhere")
        << QStringList{QStringLiteral("c.yaml")} << QStringList{QStringLiteral("default")}
        << QString() << QStringList{QStringLiteral("c.yaml")};
}

void TestKubeconfig::merge()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, contexts);
    QFETCH(QString, current);
    QFETCH(QStringList, loaded);

    const Result<Kubeconfig> config = Kubeconfig::load(fixtures(files));
    QVERIFY2(config.ok(), qPrintable(config.error().toString()));
    QCOMPARE(config->contextNames(), contexts);
    QCOMPARE(config->currentContext(), current);
    QCOMPARE(config->files(), fixtures(loaded));
}

void TestKubeconfig::firstFileWinsPerKey()
{
    const Result<Kubeconfig> ab =
        Kubeconfig::load(fixtures({QStringLiteral("a.yaml"), QStringLiteral("b.yaml")}));
    QVERIFY(ab.ok());
    // Context "shared", cluster "shared" and user "shared-user" are in both: a.yaml's win.
    QCOMPARE(ab->context(QStringLiteral("shared"))->cluster, QStringLiteral("shared"));
    QCOMPARE(ab->context(QStringLiteral("shared"))->sourceFile, fixture(QStringLiteral("a.yaml")));
    QCOMPARE(ab->cluster(QStringLiteral("shared"))->server,
             QStringLiteral("https://a.example:6443"));
    QCOMPARE(ab->user(QStringLiteral("shared-user"))->token, QStringLiteral("from-a"));
    // Entries only b.yaml has are still merged, and remember where they came from.
    QCOMPARE(ab->context(QStringLiteral("zeta"))->sourceFile, fixture(QStringLiteral("b.yaml")));
    QVERIFY(ab->cluster(QStringLiteral("beta-cluster"))->insecureSkipTlsVerify);
    QCOMPARE(ab->user(QStringLiteral("beta-user"))->username, QStringLiteral("admin"));
    QCOMPARE(ab->context(QStringLiteral("alpha"))->ns, QStringLiteral("apps"));

    const Result<Kubeconfig> ba =
        Kubeconfig::load(fixtures({QStringLiteral("b.yaml"), QStringLiteral("a.yaml")}));
    QVERIFY(ba.ok());
    QCOMPARE(ba->context(QStringLiteral("shared"))->cluster, QStringLiteral("beta-cluster"));
    QCOMPARE(ba->cluster(QStringLiteral("shared"))->server,
             QStringLiteral("https://b.example:6443"));
    QCOMPARE(ba->user(QStringLiteral("shared-user"))->token, QStringLiteral("from-b"));
    QCOMPARE(ba->context(QStringLiteral("nope")), nullptr);
}

void TestKubeconfig::relativePaths()
{
    const Result<Kubeconfig> config =
        Kubeconfig::load({fixture(QStringLiteral("sub/relative.yaml"))});
    QVERIFY2(config.ok(), qPrintable(config.error().toString()));
    const QString dir = QDir::cleanPath(fixture(QStringLiteral("sub")));
    const KubeCluster *cluster = config->cluster(QStringLiteral("rel"));
    QVERIFY(cluster);
    QCOMPARE(cluster->certificateAuthorityFile, dir + QLatin1String("/ca.crt"));
    const KubeUser *user = config->user(QStringLiteral("rel"));
    QVERIFY(user);
    QCOMPARE(user->clientCertificateFile,
             QDir::cleanPath(fixture(QStringLiteral("certs/client.crt"))));
    QCOMPARE(user->clientKeyFile, QStringLiteral("/abs/client.key"));
    QCOMPARE(user->tokenFile, dir + QLatin1String("/token"));
    QVERIFY(user->hasExec);
    QCOMPARE(user->exec.command, dir + QLatin1String("/bin/plugin"));
    QCOMPARE(user->exec.args, (QStringList{QStringLiteral("get-token"), QStringLiteral("--x")}));
    QCOMPARE(user->exec.env.size(), 1);
    QCOMPARE(user->exec.env.first().first, QStringLiteral("FOO"));
    QCOMPARE(user->exec.env.first().second, QStringLiteral("bar"));
    QCOMPARE(user->exec.apiVersion, QStringLiteral("client.authentication.k8s.io/v1"));
    QCOMPARE(user->exec.installHint, QStringLiteral("hint"));
    QVERIFY(user->exec.provideClusterInfo);
    QCOMPARE(user->exec.interactiveMode, QStringLiteral("Never"));
    // A bare command name is looked up on $PATH, not next to the file.
    QCOMPARE(config->user(QStringLiteral("bare"))->exec.command, QStringLiteral("kubelogin"));
}

void TestKubeconfig::typedScalars()
{
    // YAML types plain scalars; kubeconfig strings must survive that (a numeric token, a bool).
    const QByteArray yaml = "clusters:\n- name: 42\n  cluster:\n    server: https://x:1\n"
                            "    insecure-skip-tls-verify: true\n"
                            "    certificate-authority-data: aGVsbG8=\n"
                            "users:\n- name: u\n  user:\n    token: 12345\n    password: 'true'\n"
                            "contexts:\n- name: c\n  context: {cluster: '42', user: u}\n";
    const Result<Kubeconfig> config = Kubeconfig::loadFromData(yaml, QStringLiteral("typed.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.error().toString()));
    QVERIFY(config->cluster(QStringLiteral("42")));
    QVERIFY(config->cluster(QStringLiteral("42"))->insecureSkipTlsVerify);
    QCOMPARE(config->cluster(QStringLiteral("42"))->certificateAuthorityData, QByteArray("hello"));
    QCOMPARE(config->user(QStringLiteral("u"))->token, QStringLiteral("12345"));
    QCOMPARE(config->user(QStringLiteral("u"))->password, QStringLiteral("true"));
}

void TestKubeconfig::badInput_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message"); // a part of the message
    QTest::addColumn<int>("line");        // 0: not checked

    QTest::addRow("malformed YAML")
        << QByteArray("clusters:\n- name: a\n  cluster: [unclosed\n") << QString() << 4;
    QTest::addRow("bad indentation")
        << QByteArray("contexts:\n  - name: a\n bad: x\n") << QString() << 3;
    QTest::addRow("not a mapping")
        << QByteArray("- a\n- b\n") << QStringLiteral("must be a mapping") << 0;
    QTest::addRow("scalar document")
        << QByteArray("hello\n") << QStringLiteral("must be a mapping") << 0;
    QTest::addRow("clusters not a list")
        << QByteArray("clusters: {a: 1}\n") << QStringLiteral("\"clusters\" must be a list") << 0;
    QTest::addRow("entry not a mapping")
        << QByteArray("users: [x]\n") << QStringLiteral("not a mapping") << 0;
    QTest::addRow("entry without name")
        << QByteArray("contexts:\n- context: {cluster: a}\n") << QStringLiteral("has no name") << 0;
    QTest::addRow("duplicate name in one file")
        << QByteArray("contexts:\n- name: a\n  context: {}\n- name: a\n  context: {}\n")
        << QStringLiteral("duplicate name \"a\"") << 0;
    QTest::addRow("invalid base64")
        << QByteArray("clusters:\n- name: c\n  cluster:\n    certificate-authority-data: '%%%'\n")
        << QStringLiteral("not valid base64") << 0;
    QTest::addRow("exec without command")
        << QByteArray("users:\n- name: u\n  user:\n    exec: {apiVersion: "
                      "client.authentication.k8s.io/v1}\n")
        << QStringLiteral("has no command") << 0;
    QTest::addRow("duplicate key") << QByteArray("current-context: a\ncurrent-context: b\n")
                                   << QStringLiteral("duplicate key") << 2;
}

void TestKubeconfig::badInput()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);
    QFETCH(int, line);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(yaml);
    f.close();

    // Through load() (a good file first: one bad file fails the whole merge, as in kubectl).
    const Result<Kubeconfig> config = Kubeconfig::load({fixture(QStringLiteral("a.yaml")), path});
    QVERIFY(!config.ok());
    const Error &e = config.error();
    QCOMPARE(e.file, path);
    QVERIFY2(e.toString().startsWith(path), qPrintable(e.toString()));
    QVERIFY2(e.message.contains(message), qPrintable(e.message));
    if (line > 0) {
        QCOMPARE(e.line, line);
        QVERIFY(e.column > 0);
    }
}

void TestKubeconfig::unreadableAndMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder cannot be read as a file (chmod 000 would not stop root).
    const QString folder = dir.filePath(QStringLiteral("folder"));
    QVERIFY(QDir().mkdir(folder));
    Result<Kubeconfig> config = Kubeconfig::load({folder});
    QVERIFY(!config.ok());
    QCOMPARE(config.error().file, folder);
    QVERIFY(config.error().message.contains(QLatin1String("cannot read")));

    const QString missing = dir.filePath(QStringLiteral("missing"));
    config = Kubeconfig::load({missing});
    QVERIFY(!config.ok());
    QCOMPARE(config.error().file, missing);
    QVERIFY(config.error().message.contains(QLatin1String("not found")));

    const QString missing2 = dir.filePath(QStringLiteral("missing2"));
    config = Kubeconfig::load({missing, missing2});
    QVERIFY(!config.ok());
    QVERIFY(config.error().message.contains(missing));
    QVERIFY(config.error().message.contains(missing2));
}

void TestKubeconfig::defaultFiles()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldKubeconfig = qgetenv("KUBECONFIG");
    qputenv("HOME", home.path().toLocal8Bit());

    qputenv("KUBECONFIG", "/x/a::/x/b:/x/a:");
    QCOMPARE(Kubeconfig::defaultFiles(),
             (QStringList{QStringLiteral("/x/a"), QStringLiteral("/x/b")}));
    QCOMPARE(Kubeconfig::defaultFiles(QStringLiteral("/explicit")),
             QStringList{QStringLiteral("/explicit")});

    qunsetenv("KUBECONFIG");
    const QString homeConfig = home.path() + QLatin1String("/.kube/config");
    const QString k3s = QStringLiteral("/etc/rancher/k3s/k3s.yaml");
    QCOMPARE(Kubeconfig::defaultFiles(), QStringList{QFileInfo::exists(k3s) ? k3s : homeConfig});
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".kube")));
    QFile f(homeConfig);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QCOMPARE(Kubeconfig::defaultFiles(), QStringList{homeConfig});

    qputenv("HOME", oldHome);
    if (!oldKubeconfig.isNull())
        qputenv("KUBECONFIG", oldKubeconfig);
}

void TestKubeconfig::matchesKubectl_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addRow("a") << QStringList{QStringLiteral("a.yaml")};
    QTest::addRow("a:b") << QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")};
    QTest::addRow("b:a") << QStringList{QStringLiteral("b.yaml"), QStringLiteral("a.yaml")};
    QTest::addRow("c:b:a") << QStringList{QStringLiteral("c.yaml"), QStringLiteral("b.yaml"),
                                          QStringLiteral("a.yaml")};
    QTest::addRow("c alone") << QStringList{QStringLiteral("c.yaml")};
    QTest::addRow("missing:empty:c:a")
        << QStringList{QStringLiteral("missing.yaml"), QStringLiteral("empty.yaml"),
                       QStringLiteral("c.yaml"), QStringLiteral("a.yaml")};
    QTest::addRow("relative") << QStringList{QStringLiteral("sub/relative.yaml"),
                                             QStringLiteral("b.yaml")};
}

void TestKubeconfig::matchesKubectl()
{
    QFETCH(QStringList, files);
    const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    QTemporaryDir home;
    QVERIFY(home.isValid());

    const QStringList paths = fixtures(files);
    QProcessEnvironment env;
    env.insert(QStringLiteral("KUBECONFIG"), paths.join(QLatin1Char(':')));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("PATH"),
               QProcessEnvironment::systemEnvironment().value(QStringLiteral("PATH")));
    auto run = [&](const QStringList &args, int *exitCode) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(kubectl, args);
        if (!p.waitForFinished(60000))
            return QString();
        *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    };

    int exitCode = -1;
    const QString names = run({QStringLiteral("config"), QStringLiteral("get-contexts"),
                               QStringLiteral("-o"), QStringLiteral("name")},
                              &exitCode);
    QCOMPARE(exitCode, 0);
    QStringList kubectlNames = names.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    kubectlNames.sort();

    const Result<Kubeconfig> config = Kubeconfig::load(paths);
    QVERIFY2(config.ok(), qPrintable(config.error().toString()));
    QStringList ours = config->contextNames();
    ours.sort();
    QVERIFY(!ours.isEmpty());
    QCOMPARE(ours, kubectlNames);

    // kubectl exits 1 ("current-context is not set") when no file sets one.
    const QString current =
        run({QStringLiteral("config"), QStringLiteral("current-context")}, &exitCode);
    QCOMPARE(config->currentContext(), exitCode == 0 ? current : QString());
    QCOMPARE(exitCode == 0, !config->currentContext().isEmpty());
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
