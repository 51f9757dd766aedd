// Included Secrets written SOPS-encrypted (PlanOptions::encryptSecrets) from the K3s homelab: the
// owner's log-analyzer credentials and the Secret Grafana's admin password moves to. On disk
// every Secret is a SOPS file for .sops.yaml's recipients that decrypts to the planned Secret, no
// file holds a credential in the clear, the entry points holding them decrypt, kustomize keeps
// the ciphertext, and a write with nothing changed rewrites nothing.
#include "kube/inventory.h"
#include "kube/snapshot.h"
#include "kustomizeprobe.h"
#include "manifest/yamljson.h"
#include "plan/encryptedfiles.h"
#include "plan/plandecisions.h"
#include "plan/planner.h"
#include "plan/planwriter.h"
#include "secrets/age.h"
#include "secrets/sopsconfig.h"
#include "secrets/sopsfile.h"
#include "secrets/sopssetup.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const ObjectKey analyzerCredentials{{},
                                    QStringLiteral("Secret"),
                                    QStringLiteral("log-analyzer"),
                                    QStringLiteral("log-analyzer-credentials")};
const ObjectKey grafanaValues{
    {}, QStringLiteral("Secret"), QStringLiteral("logging"), QStringLiteral("grafana-values")};
const QString infrastructureEntry = QStringLiteral("clusters/homelab/infrastructure.yaml");
const QString workloadsEntry = QStringLiteral("clusters/homelab/workloads.yaml");

QJsonValue yamlValue(const QByteArray &text)
{
    const Result<QJsonValue> value = parseYamlValue(text, s("test"));
    return value ? *value : QJsonValue();
}

QJsonObject specOf(const PlannedFile *file)
{
    return file ? yamlValue(file->text.toUtf8()).toObject().value(s("spec")).toObject()
                : QJsonObject();
}

// Every file below dir (hidden ones too), relative, with its content.
QMap<QString, QByteArray> tree(const QString &dir)
{
    QMap<QString, QByteArray> files;
    const QDir root(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(root.relativeFilePath(path), readFile(path));
    }
    return files;
}

// The ENC[...] values of a SOPS file, in order.
QStringList encryptedValues(const QByteArray &text)
{
    static const QRegularExpression enc(QStringLiteral("ENC\\[AES256_GCM,[^\\]]*\\]"));
    QStringList out;
    QRegularExpressionMatchIterator it = enc.globalMatch(QString::fromUtf8(text));
    while (it.hasNext())
        out.append(it.next().captured(0));
    return out;
}

// The lines of a SOPS file above its "sops:" block: the manifest as Git shows it.
QList<QByteArray> manifestLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    const qsizetype sops = lines.indexOf(QByteArray("sops:"));
    return sops < 0 ? lines : lines.mid(0, sops);
}

QString kustomizeError(const QString &folder, QByteArray *output)
{
    QProcess kubectl;
    kubectl.start(s("kubectl"), {s("kustomize"), folder});
    if (!kubectl.waitForFinished(60000))
        return s("kubectl did not finish");
    *output = kubectl.readAllStandardOutput();
    if (kubectl.exitStatus() != QProcess::NormalExit || kubectl.exitCode() != 0)
        return QString::fromUtf8(kubectl.readAllStandardError());
    return {};
}

} // namespace

class TestPlanSecrets : public QObject
{
    Q_OBJECT

    Inventory m_inventory;
    Age::Identity m_identity;
    QByteArray m_sopsYaml;
    QStringList m_credentials; // the fixture's secret values, base64 and in the clear

    Plan plan(const QSet<ObjectKey> &included, bool encrypt,
              const QHash<ObjectKey, QString> &placements = {}) const
    {
        PlanOptions options;
        options.includedSecrets = included;
        options.encryptSecrets = encrypt;
        options.placements = placements;
        return planRepository(m_inventory, options);
    }

    Plan encryptedPlan() const { return plan({analyzerCredentials, grafanaValues}, true); }

    // A repository with .sops.yaml for m_identity (Fluxdesk's rule, as set-up writes it).
    void makeRepository(const QTemporaryDir &dir) const
    {
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(sopsConfigPath()), m_sopsYaml));
    }

    QList<Age::Identity> keys() const { return {m_identity}; }

private slots:
    void initTestCase()
    {
        const Result<QList<QJsonObject>> objects =
            loadSnapshot(s(FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml"));
        QVERIFY2(objects, qPrintable(objects.error().toString()));
        m_inventory.setTypes(typesOfObjects(*objects));
        m_inventory.addObjects(*objects);

        m_identity = Age::Identity::generate();
        const Result<QByteArray> config =
            Sops::withFluxSecretsRule({}, {m_identity.recipient()}, sopsConfigPath());
        QVERIFY2(config, qPrintable(config.error().toString()));
        m_sopsYaml = *config;

        // The credentials as the cluster holds them (base64) and as they are.
        const auto dataOf = [this](const ObjectKey &key) {
            const InventoryEntry *entry = m_inventory.find(key);
            return entry ? entry->object.toObject().value(s("data")).toObject() : QJsonObject();
        };
        const QJsonObject analyzer = dataOf(analyzerCredentials);
        const QJsonObject grafana = dataOf(ObjectKey{{}, s("Secret"), s("logging"), s("grafana")});
        for (const QJsonValue &value :
             {analyzer.value(s("LLM_API_KEY")), analyzer.value(s("LOKI_BASIC_AUTH")),
              grafana.value(s("admin-password"))}) {
            QVERIFY(!value.toString().isEmpty());
            m_credentials.append(value.toString());
            m_credentials.append(
                QString::fromUtf8(QByteArray::fromBase64(value.toString().toLatin1())));
        }
    }

    // Encrypted, a Secret is no plain-text problem, and its entry point decrypts; the other
    // entry point does not.
    void planned_data()
    {
        QTest::addColumn<QStringList>("secrets"); // namespace/name
        QTest::addColumn<bool>("encrypt");
        QTest::addColumn<bool>("infrastructureDecrypts");
        QTest::addColumn<bool>("workloadsDecrypts");
        const QString analyzer = s("log-analyzer/log-analyzer-credentials");
        const QString grafana = s("logging/grafana-values");
        QTest::addRow("both") << QStringList{analyzer, grafana} << true << true << true;
        QTest::addRow("log-analyzer") << QStringList{analyzer} << true << false << true;
        QTest::addRow("grafana") << QStringList{grafana} << true << true << false;
        QTest::addRow("plain text") << QStringList{analyzer, grafana} << false << false << false;
    }

    void planned()
    {
        QFETCH(QStringList, secrets);
        QFETCH(bool, encrypt);
        QFETCH(bool, infrastructureDecrypts);
        QFETCH(bool, workloadsDecrypts);
        QList<ObjectKey> included;
        for (const QString &id : std::as_const(secrets))
            included.append(ObjectKey{{},
                                      s("Secret"),
                                      id.section(QLatin1Char('/'), 0, 0),
                                      id.section(QLatin1Char('/'), 1)});
        const Plan p = plan(QSet<ObjectKey>(included.cbegin(), included.cend()), encrypt);
        for (const ObjectKey &key : included) {
            const QString path = p.pathOf(key);
            QVERIFY2(!path.isEmpty(), qPrintable(key.toString()));
            // Named as Fluxdesk's .sops.yaml rule expects.
            QVERIFY2(Sops::isSecretFileName(path), qPrintable(path));
            QCOMPARE(p.file(path)->encrypted, encrypt);
            QCOMPARE(p.file(path)->plainTextSecret, !encrypt);
            const bool warned =
                std::any_of(p.problems.cbegin(), p.problems.cend(), [&path](const Problem &x) {
                    return x.rule == QLatin1String("plan-plain-text-secret") && x.file == path;
                });
            QCOMPARE(warned, !encrypt);
        }
        if (included.contains(grafanaValues))
            QCOMPARE(p.pathOf(grafanaValues),
                     s("infrastructure/logging/grafana-values-secret.yaml"));
        const QJsonObject decryption{{s("provider"), s("sops")},
                                     {s("secretRef"), QJsonObject{{s("name"), s("sops-age")}}}};
        const QJsonObject infrastructure = specOf(p.file(infrastructureEntry));
        const QJsonObject workloads = specOf(p.file(workloadsEntry));
        QCOMPARE(infrastructure.contains(s("decryption")), infrastructureDecrypts);
        QCOMPARE(workloads.contains(s("decryption")), workloadsDecrypts);
        if (infrastructureDecrypts)
            QCOMPARE(infrastructure.value(s("decryption")).toObject(), decryption);
        if (workloadsDecrypts)
            QCOMPARE(workloads.value(s("decryption")).toObject(), decryption);
    }

    // A SOPS file the checkout already holds (the user's own) keeps its entry point decrypting,
    // with encryption off too.
    void checkoutsEncryptedFileKeepsDecryption()
    {
        const QString path = s("workloads/tools/mine-secret.yaml");
        Sops::EncryptOptions options;
        options.recipients = QStringList{m_identity.recipient()};
        const Result<QByteArray> sealed =
            Sops::encrypt("apiVersion: v1\nkind: Secret\nmetadata:\n  name: mine\n  namespace: "
                          "tools\nstringData:\n  token: t0k3n\n",
                          options, path);
        QVERIFY2(sealed, qPrintable(sealed.error().toString()));
        RepositoryFiles existing;
        existing.insert(path, *sealed);
        const Plan p = planRepository(m_inventory, PlanOptions(), existing);
        QVERIFY(specOf(p.file(workloadsEntry)).contains(s("decryption")));
        QVERIFY(!specOf(p.file(infrastructureEntry)).contains(s("decryption")));
    }

    // On disk: every Secret a SOPS file that decrypts to the planned Secret, no credential in
    // the clear anywhere (the plan file and the written record included), and kustomize builds
    // every root keeping the ciphertext as written.
    void writesEncrypted()
    {
        QTemporaryDir dir;
        makeRepository(dir);
        const Plan p = encryptedPlan();
        PlanDecisions decisions;
        decisions.included = {analyzerCredentials, grafanaValues};
        decisions.encryptSecrets = true;
        QVERIFY(savePlanDecisions(dir.path(), decisions));
        const Result<PlanWriteResult> written = writePlan(p, dir.path(), {}, {}, keys());
        QVERIFY2(written, qPrintable(written.error().toString()));
        QCOMPARE(written->created, p.paths());

        int secrets = 0;
        for (const PlannedFile &f : p.files) {
            const QByteArray onDisk = readFile(dir.filePath(f.path));
            if (yamlValue(onDisk).toObject().value(s("kind")).toString() != QLatin1String("Secret"))
                continue;
            ++secrets;
            QVERIFY2(f.encrypted, qPrintable(f.path));
            QVERIFY2(Sops::isEncrypted(onDisk), qPrintable(f.path));
            Sops::DecryptOptions options;
            options.identities = keys();
            const Result<Age::SecretBytes> plain = Sops::decrypt(onDisk, options, f.path);
            QVERIFY2(plain, qPrintable(plain.error().toString()));
            QCOMPARE(yamlValue(plain->bytes()), yamlValue(f.text.toUtf8()));
            const Result<Sops::Metadata> metadata = Sops::readMetadata(onDisk, f.path);
            QVERIFY(metadata);
            QCOMPARE(metadata->recipients, QStringList{m_identity.recipient()});
        }
        QCOMPARE(secrets, 2);

        const QMap<QString, QByteArray> files = tree(dir.path());
        QVERIFY(files.contains(s(".fluxdesk/plan.yaml")));
        QVERIFY(files.contains(writtenRecordPath()));
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            for (const QString &credential : std::as_const(m_credentials))
                QVERIFY2(!it.value().contains(credential.toUtf8()),
                         qPrintable(it.key() + s(" holds ") + credential));
        }

        if (!Testing::kubectlKustomizeReadsFolders())
            QSKIP("kubectl kustomize cannot build the planned repository here");
        // The cluster's folder has no kustomization.yaml: kustomize-controller makes one listing
        // its files, as here.
        QVERIFY(writeFile(dir.filePath(s("clusters/homelab/kustomization.yaml")),
                          "resources:\n- infrastructure.yaml\n- workloads.yaml\n"));
        for (const QString &folder : {s("clusters/homelab"), s("infrastructure"), s("workloads")}) {
            QByteArray built;
            const QString error = kustomizeError(dir.filePath(folder), &built);
            QVERIFY2(error.isEmpty(), qPrintable(folder + s(": ") + error));
            for (const PlannedFile &f : p.files) {
                if (!f.encrypted || !f.path.startsWith(folder + QLatin1Char('/')))
                    continue;
                const QStringList values = encryptedValues(files.value(f.path));
                QVERIFY(values.size() >= 1);
                for (const QString &value : values)
                    QVERIFY2(built.contains(value.toUtf8()), qPrintable(f.path + s(": ") + value));
            }
            if (folder == QLatin1String("clusters/homelab"))
                QCOMPARE(built.count("provider: sops"), 2);
        }
    }

    // Nothing changed: the Secrets are up to date (compared by what they decrypt to), and a write
    // leaves every byte. Without a key that opens them they differ, with a reason, and a write
    // keeps them.
    void unchangedIsNotRewritten()
    {
        QTemporaryDir dir;
        makeRepository(dir);
        const Plan p = encryptedPlan();
        QVERIFY(writePlan(p, dir.path(), {}, {}, keys()));
        const QMap<QString, QByteArray> before = tree(dir.path());
        const QStringList secretPaths{p.pathOf(grafanaValues), p.pathOf(analyzerCredentials)};

        const RepositoryFiles onDisk = readRepositoryFiles(dir.path());
        const EncryptedFiles opened(m_sopsYaml, keys());
        for (const FileState &state : compareWithRepository(p, onDisk, opened))
            QVERIFY2(state.status == FileStatus::UpToDate, qPrintable(state.path));
        QVERIFY(previewWrite(p, onDisk, loadWrittenRecord(dir.path()), opened).isEmpty());

        const Result<PlanWriteResult> again = writePlan(p, dir.path(), {}, {}, keys());
        QVERIFY2(again, qPrintable(again.error().toString()));
        QCOMPARE(again->unchanged, p.paths());
        QVERIFY(again->created.isEmpty() && again->updated.isEmpty() && again->kept.isEmpty());
        QCOMPARE(tree(dir.path()), before);

        // Someone without the key: the Secrets cannot be compared, so they differ, and are kept
        // (never outdated, though written.yaml says Fluxdesk wrote them).
        const EncryptedFiles locked(m_sopsYaml, {Age::Identity::generate()});
        for (const FileState &state : compareWithRepository(p, onDisk, locked)) {
            const bool secret = secretPaths.contains(state.path);
            QCOMPARE(state.status, secret ? FileStatus::Differs : FileStatus::UpToDate);
            QCOMPARE(state.unopened, secret);
            QCOMPARE(state.reason.isEmpty(), !secret);
        }
        const PlanWritePreview preview =
            previewWrite(p, onDisk, loadWrittenRecord(dir.path()), locked);
        QStringList sortedSecrets = secretPaths;
        sortedSecrets.sort();
        QCOMPARE(preview.differing, sortedSecrets);
        QVERIFY(preview.outdated.isEmpty());
        const Result<PlanWriteResult> withoutKey = writePlan(p, dir.path());
        QVERIFY2(withoutKey, qPrintable(withoutKey.error().toString()));
        QCOMPARE(withoutKey->kept, sortedSecrets);
        QCOMPARE(tree(dir.path()), before);
    }

    // One value changed: the file is rewritten (it was Fluxdesk's), and Git sees one line change
    // in the manifest: the others keep their ciphertext.
    void changedValueChangesOneLine()
    {
        QTemporaryDir dir;
        makeRepository(dir);
        const Plan p = encryptedPlan();
        QVERIFY(writePlan(p, dir.path(), {}, {}, keys()));
        const QString path = p.pathOf(analyzerCredentials);
        const QByteArray before = readFile(dir.filePath(path));

        Plan changed = p;
        PlannedFile *file = nullptr;
        for (PlannedFile &f : changed.files) {
            if (f.path == path)
                file = &f;
        }
        QVERIFY(file);
        const QString key = m_credentials.at(0); // LLM_API_KEY, base64
        QVERIFY(file->text.contains(key));
        file->text.replace(key, QString::fromLatin1(QByteArray("sk-rotated").toBase64()));

        const EncryptedFiles opened(m_sopsYaml, keys());
        const RepositoryFiles onDisk = readRepositoryFiles(dir.path());
        const PlanWritePreview preview =
            previewWrite(changed, onDisk, loadWrittenRecord(dir.path()), opened);
        QCOMPARE(preview.outdated, QStringList{path});

        const Result<PlanWriteResult> written = writePlan(changed, dir.path(), {}, {}, keys());
        QVERIFY2(written, qPrintable(written.error().toString()));
        QCOMPARE(written->updated, QStringList{path});
        const QByteArray after = readFile(dir.filePath(path));
        const QList<QByteArray> old = manifestLines(before);
        const QList<QByteArray> now = manifestLines(after);
        QCOMPARE(now.size(), old.size());
        QStringList changedLines;
        for (int i = 0; i < old.size(); ++i) {
            if (old.at(i) != now.at(i))
                changedLines.append(QString::fromUtf8(now.at(i)));
        }
        QCOMPARE(changedLines.size(), 1);
        QVERIFY2(changedLines.first().trimmed().startsWith(s("LLM_API_KEY: ENC[")),
                 qPrintable(changedLines.first()));
        Sops::DecryptOptions options;
        options.identities = keys();
        const Result<Age::SecretBytes> plain = Sops::decrypt(after, options, path);
        QVERIFY2(plain, qPrintable(plain.error().toString()));
        QCOMPARE(yamlValue(plain->bytes()), yamlValue(file->text.toUtf8()));
    }

    // A Secret the user placed under a name no rule matches is encrypted all the same, for
    // Fluxdesk's rule's recipients.
    void placedSecretIsEncrypted()
    {
        QTemporaryDir dir;
        makeRepository(dir);
        const QString placed = s("workloads/log-analyzer/credentials.yaml");
        QVERIFY(!Sops::isSecretFileName(placed));
        const Plan p = plan({analyzerCredentials}, true, {{analyzerCredentials, placed}});
        QCOMPARE(p.pathOf(analyzerCredentials), placed);
        QVERIFY(p.file(placed)->encrypted);
        QVERIFY2(writePlan(p, dir.path(), {}, {}, keys()), "write failed");
        const QByteArray onDisk = readFile(dir.filePath(placed));
        QVERIFY(Sops::isEncrypted(onDisk));
        QCOMPARE(Sops::readMetadata(onDisk, placed)->recipients,
                 QStringList{m_identity.recipient()});
    }

    // No .sops.yaml, or none of its rules for the Secrets: the write says to set up, and writes
    // nothing at all.
    void withoutSopsConfigNothingIsWritten_data()
    {
        QTest::addColumn<QByteArray>("sopsYaml");
        QTest::addRow("missing") << QByteArray();
        QTest::addRow("no rule for the Secrets")
            << QByteArray("creation_rules:\n  - path_regex: ^elsewhere/\n    age: ") +
                   m_identity.recipient().toLatin1() + '\n';
    }

    void withoutSopsConfigNothingIsWritten()
    {
        QFETCH(QByteArray, sopsYaml);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!sopsYaml.isEmpty())
            QVERIFY(writeFile(dir.filePath(sopsConfigPath()), sopsYaml));
        const QMap<QString, QByteArray> before = tree(dir.path());
        const Result<PlanWriteResult> written =
            writePlan(encryptedPlan(), dir.path(), {}, {}, keys());
        QVERIFY(!written);
        QVERIFY2(written.error().message.contains(s(".sops.yaml")) &&
                     written.error().message.contains(s("secrets setup")),
                 qPrintable(written.error().toString()));
        QCOMPARE(tree(dir.path()), before);
    }

    // secrets: {encrypt: true} in .fluxdesk/plan.yaml: saved, read back, applied; old files read
    // as off; a typo is an error at its place.
    void planFileKeepsTheChoice()
    {
        PlanDecisions decisions;
        decisions.included = {analyzerCredentials};
        QVERIFY(!decisions.toYaml().contains("secrets:"));
        decisions.encryptSecrets = true;
        QVERIFY(!decisions.isEmpty());
        const QByteArray yaml = decisions.toYaml();
        QVERIFY2(yaml.contains("secrets:\n  encrypt: true\n"), yaml.constData());
        const Result<PlanDecisions> read = PlanDecisions::parse(yaml, s("plan.yaml"));
        QVERIFY2(read, qPrintable(read.error().toString()));
        QVERIFY(read->encryptSecrets);
        QCOMPARE(*read, decisions);
        PlanOptions options;
        read->applyTo(options);
        QVERIFY(options.encryptSecrets);

        const Result<PlanDecisions> old =
            PlanDecisions::parse("apiVersion: fluxdesk.io/v1alpha1\nkind: Plan\n", s("plan.yaml"));
        QVERIFY(old);
        QVERIFY(!old->encryptSecrets);
        QVERIFY(old->isEmpty());
        QVERIFY(*old != decisions);
    }

    void planFileErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected"); // "line:col: part of the message"
        QTest::addRow("typo under secrets") << QByteArray("kind: Plan\nsecrets:\n  encrpyt: true\n")
                                            << s("3:3: unknown key \"encrpyt\" under secrets");
        QTest::addRow("not a flag") << QByteArray("kind: Plan\nsecrets: {encrypt: sure}\n")
                                    << s("2:20: secrets.encrypt must be true or false");
        QTest::addRow("not a map")
            << QByteArray("kind: Plan\nsecrets: encrypt\n") << s("2:10: secrets must be a map");
        QTest::addRow("typo at the top") << QByteArray("kind: Plan\nsecret:\n  encrypt: true\n")
                                         << s("2:1: unknown key \"secret\"");
    }

    void planFileErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const Result<PlanDecisions> d = PlanDecisions::parse(yaml, s("dir/plan.yaml"));
        QVERIFY(!d);
        const QString text = d.error().toString();
        QVERIFY2(text.startsWith(s("dir/plan.yaml:") + expected), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestPlanSecrets)
#include "tst_plansecrets.moc"
