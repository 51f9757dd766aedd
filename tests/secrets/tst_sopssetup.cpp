#include "flux/fluxschema.h"
#include "manifest/yamljson.h"
#include "repo/repositorytree.h"
#include "secrets/age.h"
#include "secrets/sopsconfig.h"
#include "secrets/sopsfile.h"
#include "secrets/sopssetup.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk;

namespace {

QByteArray kustomization(const char *name, const char *path, const char *indent = "  ")
{
    const QByteArray in(indent);
    return "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
           "kind: Kustomization\n"
           "metadata:\n" +
           in + "name: " + name + "\n" + in +
           "namespace: flux-system\n"
           "spec:\n" +
           in + "interval: 10m\n" + in + "path: " + path + "\n" + in + "prune: true\n" + in +
           "sourceRef:\n" + in + in + "kind: GitRepository\n" + in + in + "name: flux-system\n";
}

const QByteArray PlainSecret = "apiVersion: v1\n"
                               "kind: Secret\n"
                               "metadata:\n"
                               "  name: db\n"
                               "  namespace: app\n"
                               "type: Opaque\n"
                               "stringData:\n"
                               "  password: hunter2-plain\n";

QJsonObject firstDocumentNamed(const QByteArray &yaml, const QString &kind)
{
    Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, QString());
    if (!docs)
        return {};
    for (const YamlDocument &doc : std::as_const(*docs)) {
        if (doc.value.toObject().value(QLatin1String("kind")).toString() == kind)
            return doc.value.toObject();
    }
    return {};
}

QJsonObject decryptionOf(const QByteArray &yaml)
{
    return firstDocumentNamed(yaml, QStringLiteral("Kustomization"))
        .value(QLatin1String("spec"))
        .toObject()
        .value(QLatin1String("decryption"))
        .toObject();
}

const QJsonObject ExpectedDecryption{
    {QStringLiteral("provider"), QStringLiteral("sops")},
    {QStringLiteral("secretRef"),
     QJsonObject{{QStringLiteral("name"), QStringLiteral("sops-age")}}}};

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

// The repository set-up for SOPS: decryption blocks written into Flux Kustomizations as text,
// which ones need them, and the whole set-up on a checkout (idempotent, kustomize still builds).
class TestSopsSetup : public QObject
{
    Q_OBJECT

    QString m_recipient = Age::Identity::generate().recipient();

private Q_SLOTS:
    void decryptionBlockKeepsTheText_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addRow("two spaces") << kustomization("apps", "./workloads");
        QTest::addRow("four spaces") << kustomization("apps", "./workloads", "    ");
        QTest::addRow("comments and another document")
            << QByteArray("# synced by Flux\n"
                          "apiVersion: source.toolkit.fluxcd.io/v1\n"
                          "kind: GitRepository\n"
                          "metadata:\n"
                          "  name: flux-system\n"
                          "spec:\n"
                          "  interval: 1m\n"
                          "---\n" +
                          kustomization("apps", "./workloads # the apps\n"));
    }

    void decryptionBlockKeepsTheText()
    {
        QFETCH(QByteArray, yaml);
        bool changed = false;
        Result<QByteArray> out = Sops::withDecryption(
            yaml, QStringLiteral("clusters/homelab/apps.yaml"),
            [](const QString &path) { return path == QLatin1String("./workloads"); }, &changed);
        QVERIFY2(out.ok(), qPrintable(out.error().toString()));
        QVERIFY(changed);
        QCOMPARE(decryptionOf(*out), ExpectedDecryption);
        // Every line that was there is still there, in order.
        const QList<QByteArray> before = yaml.split('\n');
        const QList<QByteArray> after = out->split('\n');
        QCOMPARE(after.size(), before.size() + 4);
        int at = 0;
        for (const QByteArray &line : before) {
            while (at < after.size() && after.at(at) != line)
                ++at;
            QVERIFY2(at < after.size(), line.constData());
        }
        // A GitRepository in the same file is left alone.
        QVERIFY(firstDocumentNamed(*out, QStringLiteral("GitRepository"))
                    .value(QLatin1String("spec"))
                    .toObject()
                    .value(QLatin1String("decryption"))
                    .isUndefined());
        // The Flux schema accepts the block.
        const QJsonObject object = firstDocumentNamed(*out, QStringLiteral("Kustomization"));
        QCOMPARE(SchemaSet::builtIn().validate(object), QStringList());
        // Done twice, it adds nothing.
        bool again = true;
        Result<QByteArray> second = Sops::withDecryption(
            *out, QString(), [](const QString &) { return true; }, &again);
        QVERIFY(second.ok());
        QVERIFY(!again);
        QCOMPARE(*second, *out);
    }

    void decryptionOnlyWhereWanted()
    {
        bool changed = true;
        const QByteArray yaml = kustomization("infra", "./infrastructure");
        Result<QByteArray> out = Sops::withDecryption(
            yaml, QString(), [](const QString &) { return false; }, &changed);
        QVERIFY(out.ok());
        QVERIFY(!changed);
        QCOMPARE(*out, yaml);
    }

    void flowStyleSpecIsAnErrorAtItsLine()
    {
        const QByteArray yaml = "apiVersion: kustomize.toolkit.fluxcd.io/v1\n"
                                "kind: Kustomization\n"
                                "metadata: {name: a, namespace: flux-system}\n"
                                "spec: {path: ./a, interval: 1m, prune: true}\n";
        Result<QByteArray> out = Sops::withDecryption(yaml, QStringLiteral("a.yaml"),
                                                      [](const QString &) { return true; });
        QVERIFY(!out.ok());
        QCOMPARE(out.error().file, QStringLiteral("a.yaml"));
        QCOMPARE(out.error().line, 4);
    }

    void pathHolds_data()
    {
        QTest::addColumn<QString>("specPath");
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("holds");
        QTest::addRow("dot slash") << "./workloads"
                                   << "workloads/a/b.yaml" << true;
        QTest::addRow("trailing slash") << "workloads/"
                                        << "workloads/b.yaml" << true;
        QTest::addRow("prefix only") << "./work"
                                     << "workloads/b.yaml" << false;
        QTest::addRow("root") << "./"
                              << "infrastructure/x.yaml" << true;
        QTest::addRow("empty") << ""
                               << "infrastructure/x.yaml" << true;
        QTest::addRow("other") << "./infrastructure"
                               << "workloads/b.yaml" << false;
    }

    void pathHolds()
    {
        QFETCH(QString, specPath);
        QFETCH(QString, file);
        QFETCH(bool, holds);
        QCOMPARE(Sops::pathHolds(specPath, file), holds);
    }

    void planFindsWhatNeedsDecryption()
    {
        Sops::EncryptOptions encrypt;
        encrypt.recipients = QStringList{m_recipient};
        encrypt.rules.encryptedRegex = QStringLiteral("^(data|stringData)$");
        Result<QByteArray> encrypted = Sops::encrypt(PlainSecret, encrypt);
        QVERIFY2(encrypted.ok(), qPrintable(encrypted.error().toString()));

        RepositoryFiles files;
        files.insert(QStringLiteral("clusters/homelab/infrastructure.yaml"),
                     kustomization("infrastructure", "./infrastructure"));
        files.insert(QStringLiteral("clusters/homelab/workloads.yaml"),
                     kustomization("workloads", "./workloads"));
        files.insert(QStringLiteral("clusters/homelab/storage.yaml"),
                     kustomization("storage", "./storage"));
        files.insert(QStringLiteral("workloads/app/db-secret.yaml"), PlainSecret);
        files.insert(QStringLiteral("storage/s3-secret.yaml"), *encrypted);
        files.insert(QStringLiteral("infrastructure/cm.yaml"),
                     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n");
        Result<Sops::SetupChanges> changes = Sops::planSetup(files, {}, {}, {m_recipient});
        QVERIFY2(changes.ok(), qPrintable(changes.error().toString()));
        QCOMPARE(changes->secretFiles, QStringList{QStringLiteral("workloads/app/db-secret.yaml")});
        QCOMPARE(changes->encryptedFiles, QStringList{QStringLiteral("storage/s3-secret.yaml")});
        QCOMPARE(changes->kustomizations.keys(),
                 (QStringList{QStringLiteral("clusters/homelab/storage.yaml"),
                              QStringLiteral("clusters/homelab/workloads.yaml")}));
        QVERIFY(changes->gitignore.contains("*.agekey"));
        QVERIFY(changes->sopsYaml.contains(m_recipient.toUtf8()));
        QVERIFY(!Sops::planSetup(files, {}, {}, {}).ok()); // no recipient, no set-up
    }

    void setsUpACheckoutThatStillBuilds()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root + QStringLiteral("/clusters/homelab/workloads.yaml"),
                          kustomization("workloads", "./workloads")));
        QVERIFY(writeFile(root + QStringLiteral("/clusters/homelab/kustomization.yaml"),
                          "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                          "resources:\n- workloads.yaml\n"));
        QVERIFY(writeFile(root + QStringLiteral("/workloads/app/db-secret.yaml"), PlainSecret));
        QVERIFY(writeFile(root + QStringLiteral("/.gitignore"), "build/\n"));

        Sops::SetupChanges changes;
        Result<QStringList> written = Sops::setUpRepository(root, {m_recipient}, &changes);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QCOMPARE(*written, (QStringList{QStringLiteral(".gitignore"), QStringLiteral(".sops.yaml"),
                                        QStringLiteral("clusters/homelab/workloads.yaml")}));
        QFile gitignore(root + QStringLiteral("/.gitignore"));
        QVERIFY(gitignore.open(QIODevice::ReadOnly));
        QVERIFY(gitignore.readAll().startsWith("build/\n"));

        // Again: nothing to write.
        Result<QStringList> again = Sops::setUpRepository(root, {m_recipient});
        QVERIFY(again.ok());
        QCOMPARE(*again, QStringList());

        // kubectl kustomize (what Flux builds with) reads the edited Kustomization.
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (kubectl.isEmpty())
            QFAIL("kubectl is not installed: run scripts/setup-deps.sh test");
        QProcess build;
        build.start(kubectl,
                    {QStringLiteral("kustomize"), root + QStringLiteral("/clusters/homelab")});
        QVERIFY(build.waitForFinished(60000));
        QVERIFY2(build.exitCode() == 0, build.readAllStandardError().constData());
        QCOMPARE(decryptionOf(build.readAllStandardOutput()), ExpectedDecryption);
    }

    void refusesAMissingFolder()
    {
        Result<QStringList> written =
            Sops::setUpRepository(QStringLiteral("/nonexistent/fluxdesk-repo"), {m_recipient});
        QVERIFY(!written.ok());
    }
};

QTEST_GUILESS_MAIN(TestSopsSetup)
#include "tst_sopssetup.moc"
