#include "manifest/yamljson.h"
#include "secrets/age.h"
#include "secrets/sopsconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Fluxdesk;

// .sops.yaml as sops reads it (first matching rule, age as a comma list or a YAML list) and the
// rule Fluxdesk writes into it without disturbing the rest.
class TestSopsConfig : public QObject
{
    Q_OBJECT

    QString m_a = Age::Identity::generate().recipient();
    QString m_b = Age::Identity::generate().recipient();

private Q_SLOTS:
    void readsRulesAsSopsDoes()
    {
        const QByteArray text = "# keys\n"
                                "creation_rules:\n"
                                "  - path_regex: ^prod/.*\\.yaml$\n"
                                "    encrypted_regex: ^(data|stringData)$\n"
                                "    age: >-\n"
                                "      " +
                                m_a.toUtf8() + ",\n      " + m_b.toUtf8() +
                                "\n"
                                "  - path_regex: \\.env$\n"
                                "    age:\n"
                                "      - " +
                                m_b.toUtf8() +
                                "\n"
                                "    unencrypted_suffix: _plain\n"
                                "    mac_only_encrypted: true\n"
                                "  - pgp: ABCDEF\n";
        Result<Sops::Config> config = Sops::parseConfig(text, QStringLiteral(".sops.yaml"));
        QVERIFY2(config.ok(), qPrintable(config.error().toString()));
        QCOMPARE(config->creationRules.size(), 3);
        const Sops::CreationRule &first = config->creationRules.at(0);
        QCOMPARE(first.ageRecipients, (QStringList{m_a, m_b}));
        QCOMPARE(first.rules.encryptedRegex, QStringLiteral("^(data|stringData)$"));
        QCOMPARE(first.line, 3);
        const Sops::CreationRule &second = config->creationRules.at(1);
        QCOMPARE(second.ageRecipients, QStringList{m_b});
        QCOMPARE(second.rules.unencryptedSuffix, QStringLiteral("_plain"));
        QVERIFY(second.rules.macOnlyEncrypted);
        QVERIFY(!second.hasOtherKeys);
        QVERIFY(config->creationRules.at(2).hasOtherKeys);

        // First match wins; the rule without path_regex catches the rest.
        QCOMPARE(config->ruleFor(QStringLiteral("prod/db.yaml")), &first);
        QCOMPARE(config->ruleFor(QStringLiteral("dev/.env")), &second);
        QCOMPARE(config->ruleFor(QStringLiteral("dev/other.yaml")), &config->creationRules.at(2));
        // An absolute path is tried as well.
        QCOMPARE(config->ruleFor(QStringLiteral("x/prod/db.yaml"), QStringLiteral("/r/a.env")),
                 &second);
    }

    void refusesWithLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("not a mapping") << QByteArray("- a\n- b\n") << QStringLiteral("mapping");
        QTest::addRow("rules not a list")
            << QByteArray("creation_rules:\n  path_regex: x\n") << QStringLiteral("list");
        QTest::addRow("bad regex")
            << QByteArray("creation_rules:\n  - path_regex: '(unclosed'\n    age: x\n")
            << QStringLiteral(".sops.yaml:2:");
        QTest::addRow("bad recipient")
            << QByteArray("creation_rules:\n  - path_regex: a\n    age: age1notreally\n")
            << QStringLiteral(".sops.yaml:3:");
        QTest::addRow("bad YAML") << QByteArray("creation_rules: [\n")
                                  << QStringLiteral(".sops.yaml:");
    }

    void refusesWithLineAndColumn()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        Result<Sops::Config> config = Sops::parseConfig(text, QStringLiteral(".sops.yaml"));
        QVERIFY(!config.ok());
        QVERIFY2(config.error().toString().contains(expected),
                 qPrintable(config.error().toString()));
    }

    void fluxRuleMatchesThePlansSecretFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("secret");
        QTest::addRow("workload") << "workloads/app/db-secret.yaml" << true;
        QTest::addRow("infrastructure yml") << "infrastructure/x/grafana-values-secret.yml" << true;
        QTest::addRow("cluster") << "clusters/homelab/sops-secret.yaml" << true;
        QTest::addRow("configmap") << "workloads/app/db-configmap.yaml" << false;
        QTest::addRow("outside roots") << "docs/db-secret.yaml" << false;
        QTest::addRow("not yaml") << "workloads/app/db-secret.yaml.bak" << false;
    }

    void fluxRuleMatchesThePlansSecretFiles()
    {
        QFETCH(QString, path);
        QFETCH(bool, secret);
        QCOMPARE(Sops::isSecretFileName(path), secret);
        Sops::Config config;
        config.creationRules.append(Sops::fluxSecretsRule({m_a}));
        QCOMPARE(config.ruleFor(path) != nullptr, secret);
    }

    void writesTheRuleIntoAnEmptyFile()
    {
        Result<QByteArray> text = Sops::withFluxSecretsRule({}, {m_a, m_b});
        QVERIFY2(text.ok(), qPrintable(text.error().toString()));
        Result<Sops::Config> config = Sops::parseConfig(*text);
        QVERIFY2(config.ok(), text->constData());
        QCOMPARE(config->creationRules.size(), 1);
        QCOMPARE(config->creationRules.at(0).ageRecipients, (QStringList{m_a, m_b}));
        QCOMPARE(config->creationRules.at(0).rules.encryptedRegex,
                 QStringLiteral("^(data|stringData)$"));
        QCOMPARE(config->creationRules.at(0).pathRegex,
                 Sops::fluxSecretsRule({}).pathRegex); // the backslashes survive the quoting
        // Again: nothing changes.
        QCOMPARE(*Sops::withFluxSecretsRule(*text, {m_a, m_b}), *text);
    }

    void keepsTheUsersRulesAndComments()
    {
        const QByteArray before = "# my rules\n"
                                  "creation_rules:\n"
                                  "    # everything else\n"
                                  "    - age: " +
                                  m_b.toUtf8() +
                                  "\n"
                                  "stores:\n"
                                  "    yaml:\n"
                                  "        indent: 2\n";
        Result<QByteArray> text = Sops::withFluxSecretsRule(before, {m_a});
        QVERIFY2(text.ok(), qPrintable(text.error().toString()));
        QVERIFY(text->startsWith("# my rules\ncreation_rules:\n"));
        QVERIFY(text->contains(QByteArray("    # everything else\n    - age: " + m_b.toUtf8())));
        QVERIFY(text->contains("stores:\n    yaml:\n        indent: 2\n"));
        Result<Sops::Config> config = Sops::parseConfig(*text);
        QVERIFY2(config.ok(), text->constData());
        QCOMPARE(config->creationRules.size(), 2);
        // Ours comes first, so the catch-all does not win over it.
        QCOMPARE(config->creationRules.at(0).ageRecipients, QStringList{m_a});
        QVERIFY(config->ruleFor(QStringLiteral("workloads/a/b-secret.yaml")) ==
                &config->creationRules.at(0));

        // Setting up again with another key merges the recipients in place.
        Result<QByteArray> again = Sops::withFluxSecretsRule(*text, {m_b});
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        Result<Sops::Config> merged = Sops::parseConfig(*again);
        QVERIFY2(merged.ok(), again->constData());
        QCOMPARE(merged->creationRules.size(), 2);
        QCOMPARE(merged->creationRules.at(0).ageRecipients, (QStringList{m_a, m_b}));
        QVERIFY(again->contains("stores:\n    yaml:\n        indent: 2\n"));
        QVERIFY(again->contains("    # everything else\n"));
    }

    void ignoresKeyFiles()
    {
        const QByteArray out = Sops::withKeyIgnores("build/\n*.agekey");
        QVERIFY(out.startsWith("build/\n*.agekey\n"));
        QVERIFY(out.contains("\nkeys.txt\n"));
        QCOMPARE(out.count("*.agekey"), 1);
        QCOMPARE(Sops::withKeyIgnores(out), out);
        QVERIFY(Sops::withKeyIgnores({}).contains("*.agekey\nkeys.txt\n"));
    }
};

QTEST_GUILESS_MAIN(TestSopsConfig)
#include "tst_sopsconfig.moc"
