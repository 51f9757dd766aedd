// A first day without surprises (issue 18): a restart reconnects to the kubeconfig used last
// (recent ones one pick away in the Cluster list), the demo cluster is never planned against a
// repository holding manifests without a banner nor written there without a confirmation, and a
// live object's copy is saved to the file the plan puts it in.
#include "clusterpane.h"
#include "core/resources.h"
#include "editorpage.h"
#include "editortabs.h"
#include "items/plantreemodel.h"
#include "kube/clustersession.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "planpane.h"
#include "testfiles.h"
#include "windowtesting.h"
#include "writeplandialogtesting.h"
#include "yamleditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <functional>
#include <memory>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;
using Fluxdesk::TestFiles::readFile;
using Fluxdesk::TestFiles::writeFile;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Port 9 (discard) refuses at once: the window tries to connect and reports it, quickly.
QByteArray kubeconfig(const char *contexts, const char *current)
{
    return QByteArray("apiVersion: v1\nkind: Config\nclusters:\n- name: lab\n  cluster:\n"
                      "    server: https://127.0.0.1:9\nusers:\n- name: admin\n  user:\n"
                      "    token: not-a-real-token\ncontexts:\n") +
           contexts + "current-context: " + current + "\n";
}

const char *const twoContexts = "- name: homelab\n  context: {cluster: lab, user: admin}\n"
                                "- name: work\n  context: {cluster: lab, user: admin}\n";

// Test functions' watchers for modal dialogs: deleted after each, so none outlives what it
// captured.
QObject *watchers = nullptr;

// Waits (in the event loop a modal dialog runs) for the modal widget named name, then acts on it.
void whenModal(const QString &name, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(watchers);
    timer->setInterval(20);
    auto remaining = std::make_shared<int>(500);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, remaining, name, act] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->objectName() == name) {
            timer->stop();
            timer->deleteLater();
            act(modal);
        } else if (--*remaining <= 0) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

// Starts the window on the demo cluster with repo open, and waits for its first plan.
using TestFiles::startOnDemo;

// Every file under dir with its bytes: what a refused write must leave as it was.
QMap<QString, QByteArray> filesUnder(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readFile(path));
    }
    return files;
}

int comboIndexOf(const QComboBox *combo, const QString &text)
{
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemText(i) == text)
            return i;
    }
    return -1;
}

QString canonical(const QString &path)
{
    return QFileInfo(path).canonicalFilePath();
}

} // namespace

class TestFirstDay : public QObject
{
    Q_OBJECT
public:
    TestFirstDay()
    {
        // Nothing of the user's: settings, kubeconfig, Helm's files all in a scratch home.
        TestFiles::useScratchHome(m_home);
        qputenv("KUBECONFIG", QFile::encodeName(m_home.filePath(s("missing-kubeconfig"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_home.isValid());
    }

    void init()
    {
        watchers = new QObject(this);
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                      s("/Fluxdesk/Fluxdesk.conf"));
    }

    void cleanup()
    {
        delete watchers;
        watchers = nullptr;
    }

    // Started once with --kubeconfig and --context: the next start without arguments connects
    // there again, not to the demo cluster.
    void restartReconnectsToTheRememberedKubeconfig()
    {
        QTemporaryDir dir;
        const QString lab = dir.filePath(s("lab.yaml"));
        QVERIFY(writeFile(lab, kubeconfig(twoContexts, "homelab")));
        {
            MainWindow first;
            first.show();
            StartupOptions options;
            options.kubeconfig = lab;
            options.context = s("work");
            first.start(options);
            QCOMPARE(first.session()->source().kind, ClusterSource::Kind::Kubeconfig);
            QVERIFY(first.close());
        }

        MainWindow second;
        second.show();
        second.start(StartupOptions());
        const ClusterSource source = second.session()->source();
        QCOMPARE(source.kind, ClusterSource::Kind::Kubeconfig);
        QCOMPARE(source.kubeconfigFiles, QStringList{QFileInfo(lab).absoluteFilePath()});
        QCOMPARE(source.context, s("work"));
        auto *combo = child<QComboBox>(&second, "contextCombo");
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), s("work"));
    }

    // The kubeconfigs used before are one pick away in the Cluster list; gone files are not.
    void recentKubeconfigsInTheClusterList()
    {
        QTemporaryDir dir;
        const QString lab = dir.filePath(s("lab.yaml"));
        const QString office = dir.filePath(s("office.yaml"));
        const QString gone = dir.filePath(s("gone.yaml"));
        QVERIFY(writeFile(lab, kubeconfig(twoContexts, "homelab")));
        QVERIFY(
            writeFile(office, kubeconfig("- name: office\n  context: {cluster: lab, user: admin}\n",
                                         "office")));
        QVERIFY(writeFile(
            gone, kubeconfig("- name: old\n  context: {cluster: lab, user: admin}\n", "old")));
        {
            MainWindow first;
            first.show();
            StartupOptions options;
            options.kubeconfig = gone;
            first.start(options);
            QVERIFY(first.openKubeconfig(lab));
            QVERIFY(first.openKubeconfig(office));
            QVERIFY(first.close());
        }
        QVERIFY(QFile::remove(gone));

        MainWindow second;
        second.show();
        second.start(StartupOptions());
        QCOMPARE(second.session()->source().context, s("office"));
        auto *combo = child<QComboBox>(&second, "contextCombo");
        QVERIFY(combo);
        QCOMPARE(comboIndexOf(combo, s("Kubeconfig: office.yaml")), -1); // its contexts are there
        QCOMPARE(comboIndexOf(combo, s("Kubeconfig: gone.yaml")), -1);
        const int labEntry = comboIndexOf(combo, s("Kubeconfig: lab.yaml"));
        QVERIFY2(labEntry >= 0, "the kubeconfig used before is not offered");

        // One pick: its contexts replace the list and the current one connects.
        emit combo->activated(labEntry);
        const ClusterSource source = second.session()->source();
        QCOMPARE(source.kind, ClusterSource::Kind::Kubeconfig);
        QCOMPARE(source.kubeconfigFiles, QStringList{QFileInfo(lab).absoluteFilePath()});
        QCOMPARE(source.context, s("homelab"));
        QCOMPARE(combo->currentText(), s("homelab"));
        QVERIFY(comboIndexOf(combo, s("work")) >= 0);
        QVERIFY(comboIndexOf(combo, s("Kubeconfig: office.yaml")) >= 0);
    }

    void demoBannerAgainstARepositoryWithManifests_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<bool>("banner");
        QTest::addRow("empty checkout") << QStringList() << false;
        QTest::addRow("a README and git's files")
            << QStringList{s("README.md"), s(".git/HEAD")} << false;
        QTest::addRow("manifests")
            << QStringList{s("README.md"), s("apps/web/deployment.yaml")} << true;
    }

    void demoBannerAgainstARepositoryWithManifests()
    {
        QFETCH(QStringList, files);
        QFETCH(bool, banner);
        QTemporaryDir repo;
        for (const QString &file : std::as_const(files))
            QVERIFY(writeFile(repo.filePath(file), "kind: ConfigMap\n"));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        auto *shown = child<MessageBanner>(&window, "demoRepositoryBanner");
        QVERIFY(shown);
        QCOMPARE(shown->isVisible(), banner);
        if (!banner)
            return;
        QVERIFY2(shown->text().contains(QDir::toNativeSeparators(repo.path())),
                 qPrintable(shown->text()));
        QVERIFY(shown->text().contains(s("demo cluster")));
        // The way out is on the banner: connect a real cluster.
        auto *connect = child<QToolButton>(shown, "openKubeconfigActionButton");
        QVERIFY(connect);
        QVERIFY(connect->isVisible() && connect->isEnabled());
        QCOMPARE(connect->defaultAction()->objectName(), s("openKubeconfigAction"));
        // Dismissed, it stays away for this repository while the demo is shown.
        QTest::mouseClick(child<QToolButton>(shown, "dismissButton"), Qt::LeftButton);
        QVERIFY(!shown->isVisible());
        QSignalSpy ready(window.planController()->session(), &PlanSession::planReady);
        window.planController()->replanAction()->trigger();
        QVERIFY(ready.wait(30000));
        QVERIFY(!shown->isVisible());
    }

    // Write Plan of the demo into a repository with manifests asks first; Enter (the default,
    // Cancel) writes nothing; "Write the Demo Objects" goes on to the usual preview.
    void demoWriteAsksAndCancelWritesNothing()
    {
        QTemporaryDir repo;
        QVERIFY(writeFile(repo.filePath(s("apps/web/deployment.yaml")), "kind: Deployment\n"));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        PlanController *plan = window.planController();
        QVERIFY(plan->writeAction()->isEnabled());
        const QMap<QString, QByteArray> before = filesUnder(repo.path());
        QSignalSpy written(plan->session(), &PlanSession::written);

        bool asked = false;
        bool cancelIsDefault = false;
        whenModal(s("demoWriteConfirmation"), [&](QWidget *modal) {
            asked = true;
            auto *box = qobject_cast<QMessageBox *>(modal);
            cancelIsDefault =
                box && box->defaultButton() == box->findChild<QPushButton *>(s("cancelButton"));
            QTest::keyClick(modal, Qt::Key_Return);
        });
        // Had it not asked (or gone on after Cancel), the preview would wait for an answer.
        bool previewed = false;
        whenModal(s("writePlanDialog"), [&previewed](QWidget *modal) {
            previewed = true;
            qobject_cast<QDialog *>(modal)->reject();
        });
        plan->writeAction()->trigger();
        QVERIFY2(asked, "Write Plan of the demo did not ask");
        QVERIFY(cancelIsDefault);
        QVERIFY(!previewed);
        QTest::qWait(200);
        QCOMPARE(written.count(), 0);
        QCOMPARE(filesUnder(repo.path()), before);
        for (QWidget *w : QApplication::topLevelWidgets())
            QVERIFY(!qobject_cast<WritePlanDialog *>(w) || !w->isVisible());

        whenModal(s("demoWriteConfirmation"), [](QWidget *modal) {
            QTest::mouseClick(modal->findChild<QPushButton *>(s("writeDemoButton")),
                              Qt::LeftButton);
        });
        Testing::acceptWriteDialogSoon();
        plan->writeAction()->trigger();
        QVERIFY(written.wait(30000));
        QVERIFY(QFile::exists(repo.filePath(s("workloads/llm/llama-cpp-deployment.yaml"))));
        QCOMPARE(readFile(repo.filePath(s("apps/web/deployment.yaml"))),
                 QByteArray("kind: Deployment\n"));
    }

    // Open in Editor, Save: the copy lands in the file the plan puts the object in (folders
    // made), the plan shows that file as differing, and Write Plan keeps the edit.
    void savedLiveCopyGoesToItsPlannedFile()
    {
        QTemporaryDir repo;
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        const ObjectKey deployment{s("apps"), s("Deployment"), s("llm"), s("llama-cpp")};
        QVERIFY(window.clusterPane()->selectObject(deployment));
        auto *open = child<QPushButton>(&window, "openInEditorButton");
        QVERIFY(open && open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        auto *tabs = child<EditorTabs>(&window, "editorTabs");
        QTRY_VERIFY(tabs->currentPage());
        EditorPage *page = tabs->currentPage();
        YamlEditor *editor = page->editor();
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, s("# reviewed by hand"));
        QVERIFY(page->isModified());

        bool askedWhere = false;
        whenModal(s("saveAsDialog"), [&askedWhere](QWidget *modal) {
            askedWhere = true;
            qobject_cast<QDialog *>(modal)->reject();
        });
        QSignalSpy ready(window.planController()->session(), &PlanSession::planReady);
        tabs->action(EditorTabs::Save)->trigger();
        const QString relative = s("workloads/llm/llama-cpp-deployment.yaml");
        const QString planned = repo.filePath(relative);
        QVERIFY2(!askedWhere, "Save asked where instead of using the planned file");
        QVERIFY2(QFile::exists(planned), qPrintable(planned));
        QCOMPARE(QString::fromUtf8(readFile(planned)), editor->toPlainText());
        QVERIFY(!page->isModified());
        QCOMPARE(canonical(page->document().path()), canonical(planned));

        // The plan reads it as the user's version of its file.
        QVERIFY(ready.wait(30000));
        auto *pane = child<PlanPane>(&window, "planPane");
        const QModelIndex file = pane->model()->indexForPath(relative);
        QVERIFY(file.isValid());
        QCOMPARE(file.data(PlanTreeModel::FileStatusRole).toInt(), int(FileStatus::Differs));

        // Write Plan keeps it (the repository holds a manifest now: the demo write asks first).
        PlanController *plan = window.planController();
        QSignalSpy written(plan->session(), &PlanSession::written);
        whenModal(s("demoWriteConfirmation"), [](QWidget *modal) {
            QTest::mouseClick(modal->findChild<QPushButton *>(s("writeDemoButton")),
                              Qt::LeftButton);
        });
        Testing::acceptWriteDialogSoon();
        plan->writeAction()->trigger();
        QVERIFY(written.wait(30000));
        const auto result = written.constFirst().constFirst().value<PlanWriteResult>();
        QVERIFY2(result.kept.contains(relative), qPrintable(result.kept.join(s(", "))));
        QVERIFY(readFile(planned).contains("# reviewed by hand"));
    }

    // An object the plan does not place: Save asks where, starting in the repository.
    void excludedObjectSaveAsStartsInTheRepository()
    {
        QTemporaryDir repo;
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(startOnDemo(window, repo.path()));
        const ObjectKey kubeSystem{{}, s("Namespace"), {}, s("kube-system")};
        QVERIFY(window.planController()->decisionFor(kubeSystem).startsWith(s("Plan: excluded")));
        QVERIFY(window.openObjectInEditor(kubeSystem));
        auto *tabs = child<EditorTabs>(&window, "editorTabs");
        QTRY_VERIFY(tabs->currentPage());

        QString startFolder;
        whenModal(s("saveAsDialog"), [&startFolder](QWidget *modal) {
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            startFolder = dialog->directory().absolutePath();
            dialog->reject();
        });
        QVERIFY(!tabs->save(tabs->currentPage()));
        QCOMPARE(canonical(startFolder), canonical(repo.path()));
        QCOMPARE(filesUnder(repo.path()), (QMap<QString, QByteArray>()));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestFirstDay)
#include "tst_firstday.moc"
