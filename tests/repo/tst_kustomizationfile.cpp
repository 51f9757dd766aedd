#include "manifest/yamljson.h"
#include "repo/kustomizationfile.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

class TestKustomizationFile : public QObject
{
    Q_OBJECT

private slots:
    void names()
    {
        QCOMPARE(kustomizationFileNames(), QStringList({QStringLiteral("kustomization.yaml"),
                                                        QStringLiteral("kustomization.yml"),
                                                        QStringLiteral("Kustomization")}));
        QVERIFY(isKustomizationPath(QStringLiteral("a/b/kustomization.yml")));
        QVERIFY(isKustomizationPath(QStringLiteral("Kustomization")));
        QVERIFY(!isKustomizationPath(QStringLiteral("a/my-kustomization.yaml")));
        QVERIFY(!isKustomizationPath(QStringLiteral("a/KUSTOMIZATION.YAML")));
        QVERIFY(isKustomizationPath(QStringLiteral("a/KUSTOMIZATION.YAML"), Qt::CaseInsensitive));
        const QSet<QString> there{QStringLiteral("apps/kustomization.yml"),
                                  QStringLiteral("apps/Kustomization")};
        const auto exists = [&](const QString &p) { return there.contains(p); };
        QCOMPARE(kustomizationPathIn(QStringLiteral("apps"), exists),
                 QStringLiteral("apps/kustomization.yml"));
        QCOMPARE(kustomizationPathIn(QStringLiteral("other"), exists),
                 QStringLiteral("other/kustomization.yaml"));
        QCOMPARE(kustomizationPathIn(QString(), exists), QStringLiteral("kustomization.yaml"));
    }

    void readsEachName_data()
    {
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QString>("used");
        QTest::addRow("yaml") << QStringList{QStringLiteral("kustomization.yaml")}
                              << QStringLiteral("kustomization.yaml");
        QTest::addRow("yml") << QStringList{QStringLiteral("kustomization.yml")}
                             << QStringLiteral("kustomization.yml");
        QTest::addRow("Kustomization")
            << QStringList{QStringLiteral("Kustomization")} << QStringLiteral("Kustomization");
        // kustomize's order decides when there are several.
        QTest::addRow("yml before Kustomization")
            << QStringList{QStringLiteral("Kustomization"), QStringLiteral("kustomization.yml")}
            << QStringLiteral("kustomization.yml");
        QTest::addRow("none") << QStringList() << QStringLiteral("kustomization.yaml");
    }

    void readsEachName()
    {
        QFETCH(QStringList, present);
        QFETCH(QString, used);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        for (const QString &name : present)
            QVERIFY(writeFile(tmp.filePath(name), "resources:\n- " + name.toUtf8() + "-a.yaml\n"));
        const Result<KustomizationFile> file = KustomizationFile::read(tmp.path());
        QVERIFY2(file.ok(), qPrintable(file.error().toString()));
        QCOMPARE(file->path(), tmp.filePath(used));
        QCOMPARE(file->existed(), !present.isEmpty());
        QCOMPARE(file->resources(),
                 present.isEmpty() ? QStringList() : QStringList{used + QStringLiteral("-a.yaml")});
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("bad yaml") << QByteArray("kind: Kustomization\nresources:\n- a\n  b: [\n")
                                  << 4 << 4;
        QTest::addRow("not a map") << QByteArray("# list\n- a.yaml\n") << 2 << 1;
        QTest::addRow("resources a string")
            << QByteArray("kind: Kustomization\nresources: a.yaml\n") << 2 << 12;
        QTest::addRow("resource a map")
            << QByteArray("resources:\n  - a.yaml\n  - path: b.yaml\n") << 3 << 5;
        QTest::addRow("two documents") << QByteArray("resources: []\n---\nkind: X\n") << 3 << 1;
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("kustomization.yaml"));
        QVERIFY(writeFile(path, text));
        const Result<KustomizationFile> file = KustomizationFile::read(tmp.path());
        QVERIFY(!file.ok());
        QCOMPARE(file.error().file, path);
        QCOMPARE(file.error().line, line);
        QCOMPARE(file.error().column, column);
        QVERIFY(!file.error().message.isEmpty());
    }

    void upkeep_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QByteArray>("after");
        QTest::addRow("other fields, order and comments kept")
            << QByteArray("# built by hand\n"
                          "kind: Kustomization\n"
                          "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                          "namespace: llm\n"
                          "resources:\n"
                          "  - all.yaml\n"
                          "  - keep.yaml\n"
                          "\n"
                          "# labels for every object\n"
                          "commonLabels:\n"
                          "  team: ai\n")
            << QStringList{QStringLiteral("b.yaml"), QStringLiteral("a.yaml")}
            << QStringList{QStringLiteral("./all.yaml")}
            << QByteArray("# built by hand\n"
                          "kind: Kustomization\n"
                          "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                          "namespace: llm\n"
                          "resources:\n"
                          "  - a.yaml\n"
                          "  - b.yaml\n"
                          "  - keep.yaml\n"
                          "\n"
                          "# labels for every object\n"
                          "commonLabels:\n"
                          "  team: ai\n");
        QTest::addRow("hand order kept, new entries after")
            << QByteArray("resources:\n- z.yaml\n- a.yaml\nnamespace: x\n")
            << QStringList{QStringLiteral("m.yaml"), QStringLiteral("./z.yaml")} << QStringList()
            << QByteArray("resources:\n- z.yaml\n- a.yaml\n- m.yaml\nnamespace: x\n");
        QTest::addRow("no resources yet")
            << QByteArray("namespace: x\n") << QStringList{QStringLiteral("a: b.yaml")}
            << QStringList() << QByteArray("namespace: x\nresources:\n- 'a: b.yaml'\n");
        QTest::addRow("flow list")
            << QByteArray("resources: [a.yaml, b.yaml] # two\nnamespace: x\n") << QStringList()
            << QStringList{QStringLiteral("a.yaml")}
            << QByteArray("resources:\n- b.yaml\nnamespace: x\n");
        QTest::addRow("last one removed")
            << QByteArray("resources:\n- a.yaml\n") << QStringList()
            << QStringList{QStringLiteral("a.yaml")} << QByteArray("resources: []\n");
        QTest::addRow("nothing to change")
            << QByteArray("resources:   [ a.yaml ]   # odd, but kept\n")
            << QStringList{QStringLiteral("a.yaml")} << QStringList{QStringLiteral("b.yaml")}
            << QByteArray("resources:   [ a.yaml ]   # odd, but kept\n");
        // Found by fuzzing: appending the block after these changed what the file says.
        // (The reader takes the lone `x` for a key without a value.)
        QTest::addRow("a line below a key, not indented")
            << QByteArray("r:\nx") << QStringList{QStringLiteral("a.yaml")} << QStringList()
            << QByteArray("r: null\nresources:\n- a.yaml\nx: null\n");
        QTest::addRow("block scalar ending the file without a newline")
            << QByteArray("a: 1\nr: |\n  x") << QStringList{QStringLiteral("a.yaml")}
            << QStringList() << QByteArray("a: 1\nr: x\nresources:\n- a.yaml\n");
    }

    void upkeep()
    {
        QFETCH(QByteArray, before);
        QFETCH(QStringList, add);
        QFETCH(QStringList, remove);
        QFETCH(QByteArray, after);
        Result<KustomizationFile> file =
            KustomizationFile::parse(before, QStringLiteral("kustomization.yaml"));
        QVERIFY2(file.ok(), qPrintable(file.error().toString()));
        file->removeResources(remove);
        file->addResources(add);
        QCOMPARE(QString::fromUtf8(file->text()), QString::fromUtf8(after));
        // What is written reads back as the list kept, and the user's other fields as they were.
        const Result<KustomizationFile> back =
            KustomizationFile::parse(file->text(), QStringLiteral("kustomization.yaml"));
        QVERIFY(back.ok());
        QCOMPARE(back->resources(), file->resources());
        QCOMPARE(back->object(), file->object());
    }

    void newFile()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        Result<KustomizationFile> file = KustomizationFile::read(tmp.filePath(QStringLiteral("x")));
        QVERIFY(file.ok());
        QVERIFY(!file->existed());
        file->addResources({QStringLiteral("b.yaml"), QStringLiteral("a.yaml")});
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("x"))));
        QVERIFY(file->write().ok());
        QCOMPARE(readFile(tmp.filePath(QStringLiteral("x/kustomization.yaml"))),
                 QByteArray("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                            "kind: Kustomization\n"
                            "resources:\n"
                            "- a.yaml\n"
                            "- b.yaml\n"));
    }

    void resourcesOfText()
    {
        QCOMPARE(kustomizationResources("resources:\n- ./a.yaml\n- sub/\n- b.yaml\n",
                                        QStringLiteral("k.yaml")),
                 QStringList(
                     {QStringLiteral("a.yaml"), QStringLiteral("sub"), QStringLiteral("b.yaml")}));
        QCOMPARE(kustomizationResources("resources: [\n", QStringLiteral("k.yaml")), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestKustomizationFile)
#include "tst_kustomizationfile.moc"
