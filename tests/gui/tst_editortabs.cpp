// The editor's tabs as a newcomer meets them (issue 18, surprise 7): two files of the same name
// are told apart by their folders, and Clean and Split are off, saying why, for a document that
// holds no manifests (README.md, notes.txt, kustomization.yaml).
#include "core/resources.h"
#include "editorpage.h"
#include "editortabnames.h"
#include "editortabs.h"
#include "items/problemmodel.h"
#include "mainwindow.h"
#include "testfiles.h"
#include "yamleditor.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;
using Fluxdesk::TestFiles::writeFile;

class TestEditorTabs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_dir.isValid());
        qputenv("KUBECONFIG", m_dir.filePath(QStringLiteral("missing-kubeconfig")).toUtf8());
    }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                      QLatin1String("/Fluxdesk/Fluxdesk.conf"));
    }

    void distinguishingFolders_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QStringList>("expected");
        const auto list = [](std::initializer_list<const char *> items) {
            QStringList out;
            for (const char *item : items)
                out.append(QString::fromUtf8(item));
            return out;
        };
        QTest::addRow("unique names")
            << list({"/r/apps/a.yaml", "/r/infra/b.yaml"}) << list({"", ""});
        QTest::addRow("parents differ")
            << list({"/r/apps/foo/kustomization.yaml", "/r/infra/bar/kustomization.yaml"})
            << list({"foo", "bar"});
        QTest::addRow("grandparents differ")
            << list({"/r/apps/foo/kustomization.yaml", "/r/infra/foo/kustomization.yaml"})
            << list({"apps/foo", "infra/foo"});
        QTest::addRow("three, each as short as it can be")
            << list({"/r/apps/foo/kustomization.yaml", "/r/infra/foo/kustomization.yaml",
                     "/r/kustomization.yaml", "/r/apps/foo/release.yaml"})
            << list({"apps/foo", "infra/foo", "r", ""});
        QTest::addRow("one folder inside the other")
            << list({"/a/b/k.yaml", "/x/a/b/k.yaml"}) << list({"/a/b", "x/a/b"});
        QTest::addRow("at the root") << list({"/k.yaml", "/r/k.yaml"}) << list({"/", "r"});
        QTest::addRow("not saved yet")
            << list({"", "/r/a/k.yaml", "", "/r/b/k.yaml"}) << list({"", "a", "", "b"});
        QTest::addRow("same name, one file") << list({"/r/a/k.yaml", ""}) << list({"", ""});
        QTest::addRow("none") << QStringList() << QStringList();
    }

    void distinguishingFolders()
    {
        QFETCH(QStringList, paths);
        QFETCH(QStringList, expected);
        QCOMPARE(Fluxdesk::distinguishingFolders(paths), expected);
    }

    void manifestActionsRefusal_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("refusedWith"); // a word of the reason, "" when allowed
        QTest::addRow("yaml") << QStringLiteral("release.yaml") << QString();
        QTest::addRow("yml") << QStringLiteral("release.yml") << QString();
        QTest::addRow("upper case") << QStringLiteral("RELEASE.YAML") << QString();
        QTest::addRow("with a folder") << QStringLiteral("/r/apps/loki.yaml") << QString();
        QTest::addRow("markdown") << QStringLiteral("README.md") << QStringLiteral("not a YAML");
        QTest::addRow("text") << QStringLiteral("notes.txt") << QStringLiteral("not a YAML");
        QTest::addRow("no suffix") << QStringLiteral("Makefile") << QStringLiteral("not a YAML");
        QTest::addRow("json") << QStringLiteral("export.json") << QStringLiteral("not a YAML");
        QTest::addRow("kustomization")
            << QStringLiteral("kustomization.yaml") << QStringLiteral("lists the files");
        QTest::addRow("kustomization.yml")
            << QStringLiteral("/r/Kustomization.yml") << QStringLiteral("lists the files");
        QTest::addRow("a kustomization's neighbour")
            << QStringLiteral("kustomization-patch.yaml") << QString();
    }

    void manifestActionsRefusal()
    {
        QFETCH(QString, name);
        QFETCH(QString, refusedWith);
        const QString refusal = Fluxdesk::manifestActionsRefusal(name);
        if (refusedWith.isEmpty()) {
            QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        } else {
            QVERIFY2(refusal.contains(refusedWith), qPrintable(refusal));
            QVERIFY2(refusal.startsWith(QFileInfo(name).fileName()), qPrintable(refusal));
        }
    }

    // Two kustomization.yaml from different folders: the tabs say which is which, the tooltip
    // the whole path; closing one gives the other its plain name back.
    void sameNamesToldApart()
    {
        const QString foo = m_dir.filePath(QStringLiteral("apps/foo/kustomization.yaml"));
        const QString bar = m_dir.filePath(QStringLiteral("infra/bar/kustomization.yaml"));
        const QString release = m_dir.filePath(QStringLiteral("apps/foo/release.yaml"));
        for (const QString &path : {foo, bar, release})
            QVERIFY(writeFile(path, "resources: []\n"));
        ProblemModel problems;
        EditorTabs tabs(&problems);
        tabs.resize(900, 500);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        EditorPage *first = tabs.openFile(foo);
        EditorPage *second = tabs.openFile(bar);
        EditorPage *third = tabs.openFile(release);
        QTRY_VERIFY(!first->isLoading() && !second->isLoading() && !third->isLoading());
        const auto text = [&tabs](EditorPage *page) { return tabs.tabText(tabs.indexOf(page)); };
        QCOMPARE(text(first), QStringLiteral("kustomization.yaml — foo"));
        QCOMPARE(text(second), QStringLiteral("kustomization.yaml — bar"));
        QCOMPARE(text(third), QStringLiteral("release.yaml"));
        QCOMPARE(tabs.tabToolTip(tabs.indexOf(first)), QDir::toNativeSeparators(foo));
        QCOMPARE(tabs.tabToolTip(tabs.indexOf(second)), QDir::toNativeSeparators(bar));

        // An edit marks the name, the folder stays.
        tabs.setCurrentWidget(second);
        QTest::keyClicks(second->editor(), QStringLiteral("# x"));
        QCOMPARE(text(second), QStringLiteral("kustomization.yaml* — bar"));

        // Closed (through the tab's action, as Ctrl+W), the other name is unique again.
        tabs.setCurrentWidget(first);
        tabs.action(EditorTabs::CloseTab)->trigger();
        QCOMPARE(tabs.count(), 2);
        QCOMPARE(text(second), QStringLiteral("kustomization.yaml*"));
    }

    // Through the window's tool buttons: off for README.md and a kustomization.yaml, with the
    // reason as their tooltip; on again for a manifest.
    void cleanAndSplitOnlyForManifests()
    {
        const QString readme = m_dir.filePath(QStringLiteral("README.md"));
        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        const QString kustomization = m_dir.filePath(QStringLiteral("kustomization.yaml"));
        const QString manifest = m_dir.filePath(QStringLiteral("loki.yaml"));
        QVERIFY(writeFile(readme, "# My homelab\n"));
        QVERIFY(writeFile(notes, "kind: looks like YAML but is notes\n"));
        QVERIFY(writeFile(kustomization, "resources:\n- loki.yaml\n"));
        QVERIFY(writeFile(manifest, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: loki\n"));

        MainWindow window;
        window.show();
        EditorTabs *tabs = window.editorTabs();
        auto *clean = child<QToolButton>(&window, "cleanButton");
        auto *split = child<QToolButton>(&window, "splitButton");
        QVERIFY(clean && split);
        const auto open = [&](const QString &path) {
            window.openFileInEditor(path);
            QTRY_VERIFY(tabs->currentPage() && tabs->currentPage()->document().path() == path &&
                        !tabs->currentPage()->isLoading());
        };

        open(manifest);
        QVERIFY(clean->isEnabled());
        QVERIFY(split->isEnabled());
        const QString cleanTip = clean->toolTip();
        QVERIFY2(cleanTip.contains(QLatin1String("managedFields")), qPrintable(cleanTip));

        for (const QString &path : {readme, notes}) {
            open(path);
            const QString name = QFileInfo(path).fileName();
            QVERIFY2(!clean->isEnabled(), qPrintable(name));
            QVERIFY2(!split->isEnabled(), qPrintable(name));
            QVERIFY2(clean->toolTip().startsWith(name + QLatin1String(" is not a YAML file")),
                     qPrintable(clean->toolTip()));
            QCOMPARE(split->toolTip(), clean->toolTip());
        }

        open(kustomization);
        QVERIFY(!clean->isEnabled());
        QVERIFY(!split->isEnabled());
        QVERIFY2(clean->toolTip().contains(QLatin1String("lists the files Flux applies")),
                 qPrintable(clean->toolTip()));

        // Back on the manifest's tab: on again, with the usual tooltip.
        tabs->setCurrentWidget(tabs->pageForKey(QFileInfo(manifest).absoluteFilePath()));
        QVERIFY(clean->isEnabled());
        QVERIFY(split->isEnabled());
        QCOMPARE(clean->toolTip(), cleanTip);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestEditorTabs)
#include "tst_editortabs.moc"
