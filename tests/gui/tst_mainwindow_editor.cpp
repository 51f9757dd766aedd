#include "clusterpane.h"
#include "core/resources.h"
#include "editorpage.h"
#include "editortabs.h"
#include "items/inventorymodel.h"
#include "items/problemmodel.h"
#include "kube/clustersession.h"
#include "mainwindow.h"
#include "testfiles.h"
#include "yamleditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <functional>

using namespace Fluxdesk;
using Fluxdesk::TestFiles::child;
using Fluxdesk::TestFiles::readFile;

namespace {

constexpr int LoadTimeoutMs = 30000;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

// Waits (in the event loop a modal dialog runs) for the modal widget named boxName, then acts on
// it. Answering from a timer is how a test clicks through QMessageBox::exec().
void whenModal(const char *boxName, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    auto remaining = std::make_shared<int>(250);
    const QString name = QLatin1String(boxName);
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

void clickInModal(const char *boxName, const char *buttonName)
{
    const QString button = QLatin1String(buttonName);
    whenModal(boxName, [button](QWidget *modal) {
        auto *b = modal->findChild<QAbstractButton *>(button);
        if (b)
            b->click();
    });
}

} // namespace

class TestMainWindowEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        qputenv("KUBECONFIG", m_dir.filePath(QStringLiteral("missing-kubeconfig")).toUtf8());
    }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                      QLatin1String("/Fluxdesk/Fluxdesk.conf"));
    }

    void liveObjectCleanUndoSave()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(window.session(), &ClusterSession::finished);
        StartupOptions options;
        options.demo = true;
        window.start(options);
        QVERIFY(finished.wait(LoadTimeoutMs));
        auto *tabs = child<EditorTabs>(&window, "editorTabs");
        QVERIFY(tabs);
        auto *cleanButton = child<QToolButton>(&window, "cleanButton");
        auto *splitButton = child<QToolButton>(&window, "splitButton");
        QVERIFY(cleanButton && splitButton);
        QVERIFY(!cleanButton->isEnabled()); // no document yet

        // Select the llama-cpp Deployment in the tree and press Enter: an editable copy opens.
        const ObjectKey key{QStringLiteral("apps"), QStringLiteral("Deployment"),
                            QStringLiteral("llm"), QStringLiteral("llama-cpp")};
        QVERIFY(window.clusterPane()->selectObject(key));
        auto *tree = child<QTreeView>(&window, "clusterTree");
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return);
        QTRY_VERIFY(tabs->currentPage());
        EditorPage *page = tabs->currentPage();
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("llama-cpp-deployment.yaml"));
        auto *editor = child<YamlEditor>(page, "yamlEditor");
        QVERIFY(editor);
        QVERIFY(!editor->isReadOnly());
        const QString live = editor->toPlainText();
        QVERIFY(live.contains(QLatin1String("resourceVersion")));
        QVERIFY(live.contains(QLatin1String("kind: Deployment")));
        QVERIFY(cleanButton->isEnabled());
        QVERIFY(splitButton->isEnabled());

        // Clean: the preview lists what goes and why; nothing changes until Apply.
        QSignalSpy shown(tabs, &EditorTabs::cleanPreviewShown);
        QTest::mouseClick(cleanButton, Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        auto *dialog = child<QDialog>(&window, "cleanPreviewDialog");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *removals = child<QTreeWidget>(dialog, "removalsList");
        QVERIFY(removals->topLevelItemCount() > 3);
        QTreeWidgetItem *uid = nullptr;
        for (int i = 0; i < removals->topLevelItemCount(); ++i) {
            if (removals->topLevelItem(i)->text(0) == QLatin1String("metadata.uid"))
                uid = removals->topLevelItem(i);
        }
        QVERIFY2(uid, "metadata.uid is not listed");
        QVERIFY(!uid->text(1).isEmpty()); // its rule
        QVERIFY(!uid->text(2).isEmpty()); // and why
        auto *diff = child<QPlainTextEdit>(dialog, "cleanDiffView");
        QVERIFY(diff->toPlainText().contains(QLatin1String("- ")));
        QVERIFY(diff->toPlainText().contains(QLatin1String("resourceVersion")));
        QCOMPARE(editor->toPlainText(), live);
        QTest::mouseClick(child<QPushButton>(dialog, "applyCleanButton"), Qt::LeftButton);
        QTRY_VERIFY(!editor->toPlainText().contains(QLatin1String("resourceVersion")));
        const QString cleaned = editor->toPlainText();
        QVERIFY(!cleaned.contains(QLatin1String("uid:")));
        QVERIFY(cleaned.contains(QLatin1String("name: llama-cpp")));
        QVERIFY(page->isModified());
        QVERIFY(tabs->tabText(tabs->currentIndex()).endsWith(QLatin1Char('*')));

        // Ctrl+Z brings the live text back in one step; Ctrl+Shift+Z the clean again.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->toPlainText(), live);
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(editor->toPlainText(), cleaned);

        // Save asks where (an untitled copy), writes atomically, clears the marker.
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("llama-cpp-deployment.yaml"));
        whenModal("saveAsDialog", [path](QWidget *modal) {
            auto *fileDialog = qobject_cast<QFileDialog *>(modal);
            fileDialog->selectFile(path);
            QMetaObject::invokeMethod(fileDialog, "accept", Qt::QueuedConnection);
        });
        tabs->action(EditorTabs::Save)->trigger();
        QCOMPARE(QString::fromUtf8(readFile(path)), editor->toPlainText());
        QVERIFY(!page->isModified());
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("llama-cpp-deployment.yaml"));
        QCOMPARE(page->document().path(), path);
    }

    void splitAMultiDocumentFile()
    {
        QTemporaryDir repo;
        const QString source = repo.filePath(QStringLiteral("apps.yaml"));
        writeFile(source, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: llm\n---\n"
                          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llama-cpp\n"
                          "  namespace: llm\nspec:\n  replicas: 1\n---\n"
                          "apiVersion: v1\nkind: Service\nmetadata:\n  name: llama-cpp\n"
                          "  namespace: llm\nspec:\n  ports:\n  - port: 8080\n---\n"
                          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n"
                          "  namespace: llm\nstringData:\n  token: hunter2\n");
        writeFile(repo.filePath(QStringLiteral("kustomization.yaml")),
                  "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                  "resources:\n- apps.yaml\n");
        MainWindow window;
        window.show();
        auto *tabs = window.editorTabs();
        window.openFileInEditor(source);
        QTRY_VERIFY(tabs->currentPage() && !tabs->currentPage()->isLoading());
        QCOMPARE(tabs->currentPage()->document().path(), source);

        QSignalSpy done(tabs, &EditorTabs::splitDone);
        QTest::mouseClick(child<QToolButton>(&window, "splitButton"), Qt::LeftButton);
        auto *dialog = child<QDialog>(&window, "splitDialog");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(child<QLineEdit>(dialog, "splitFolderEdit")->text(),
                 QDir::toNativeSeparators(repo.path()));
        auto *preview = child<QTreeWidget>(dialog, "splitPreview");
        // The Secret is left out unless asked for, as fluxdesk-cli split does.
        QCOMPARE(preview->topLevelItemCount(), 3);
        auto *status = child<QLabel>(dialog, "splitStatus");
        QVERIFY2(status->text().contains(QLatin1String("Secrets left out: 1")),
                 qPrintable(status->text()));
        auto *includeSecrets = child<QCheckBox>(dialog, "includeSecretsToggle");
        QVERIFY(!includeSecrets->isChecked());
        includeSecrets->setChecked(true);
        QCOMPARE(preview->topLevelItemCount(), 4);
        QVERIFY(!status->text().contains(QLatin1String("Secrets left out")));
        includeSecrets->setChecked(false);
        QCOMPARE(preview->topLevelItemCount(), 3);
        QStringList names;
        for (int i = 0; i < preview->topLevelItemCount(); ++i)
            names.append(preview->topLevelItem(i)->text(0));
        QVERIFY2(names.contains(QLatin1String("llama-cpp-deployment.yaml")),
                 qPrintable(names.join(QLatin1Char(' '))));
        // Leaving out a kind updates the preview.
        QTest::keyClicks(child<QLineEdit>(dialog, "excludeKindsEdit"), QStringLiteral("Namespace"));
        QCOMPARE(preview->topLevelItemCount(), 2);
        QTest::mouseClick(child<QPushButton>(dialog, "splitWriteButton"), Qt::LeftButton);
        QTRY_COMPARE(done.count(), 1);
        const QStringList written = done.first().at(0).toStringList();
        QCOMPARE(written.size(), 2);
        QVERIFY(QFile::exists(repo.filePath(QStringLiteral("llama-cpp-deployment.yaml"))));
        QVERIFY(QFile::exists(repo.filePath(QStringLiteral("llama-cpp-service.yaml"))));
        const QByteArray kustomization =
            readFile(repo.filePath(QStringLiteral("kustomization.yaml")));
        QVERIFY2(kustomization.contains("llama-cpp-deployment.yaml"), kustomization.constData());
        QVERIFY2(!kustomization.contains("- apps.yaml"), kustomization.constData());
        // Few files: they open in tabs.
        QTRY_COMPARE(tabs->pages().size(), 3);
    }

    void parseErrorShowsAndActivatingItMovesTheCursor()
    {
        QTemporaryDir repo;
        const QString path = repo.filePath(QStringLiteral("broken.yaml"));
        writeFile(path, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n"
                        "  a: \"unterminated\n  b: c\n");
        MainWindow window;
        window.show();
        window.openFileInEditor(path);
        ProblemModel *problems = window.problemModel();
        QTRY_VERIFY(problems->rowCount() > 0);
        int row = -1;
        for (int i = 0; i < problems->rowCount(); ++i) {
            if (problems->problemAt(i).rule == QLatin1String("parse-error"))
                row = i;
        }
        QVERIFY(row >= 0);
        const Problem problem = problems->problemAt(row);
        QCOMPARE(problem.severity, Problem::Severity::Error);
        QVERIFY2(problem.line >= 6 && problem.line <= 8, qPrintable(problem.toString()));
        EditorPage *page = window.editorTabs()->currentPage();
        QCOMPARE(page->editor()->problemSeverityAt(problem.line), int(Problem::Severity::Error));

        auto *view = child<QTreeView>(&window, "problemsView");
        page->editor()->goToLine(1);
        QCOMPARE(page->editor()->currentLine(), 1);
        const QModelIndex index = view->model()->index(row, ProblemModel::MessageColumn);
        view->setCurrentIndex(index);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(page->editor()->currentLine(), problem.line);
        QVERIFY(page->editor()->hasFocus() || !window.isActiveWindow());
    }

    void closingAModifiedTabPrompts()
    {
        QTemporaryDir repo;
        const QString path = repo.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        MainWindow window;
        window.show();
        EditorTabs *tabs = window.editorTabs();
        window.openFileInEditor(path);
        QTRY_VERIFY(tabs->currentPage() && !tabs->currentPage()->isLoading());
        QPointer<EditorPage> page = tabs->currentPage();
        page->editor()->moveCursor(QTextCursor::End);
        page->editor()->insertPlainText(QStringLiteral("b: 2\n"));
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("a.yaml*"));

        clickInModal("closeTabBox", "cancelButton");
        tabs->action(EditorTabs::CloseTab)->trigger();
        QVERIFY(page);
        QCOMPARE(tabs->pages().size(), 1);

        // Closing the window asks too; Cancel keeps it open.
        clickInModal("closeTabBox", "cancelButton");
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());

        clickInModal("closeTabBox", "saveButton");
        tabs->action(EditorTabs::CloseTab)->trigger();
        QTRY_VERIFY(!page);
        QCOMPARE(readFile(path), QByteArray("a: 1\nb: 2\n"));
        QCOMPARE(tabs->pages().size(), 0);
    }

    void savingOverAChangedFileAsks()
    {
        QTemporaryDir repo;
        const QString path = repo.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        MainWindow window;
        window.show();
        EditorTabs *tabs = window.editorTabs();
        window.openFileInEditor(path);
        QTRY_VERIFY(tabs->currentPage() && !tabs->currentPage()->isLoading());
        EditorPage *page = tabs->currentPage();
        page->editor()->moveCursor(QTextCursor::End);
        page->editor()->insertPlainText(QStringLiteral("mine: true\n"));
        writeFile(path, "theirs: true\n");
        // The watcher noticed; the user's text is kept and a banner says so.
        QTRY_VERIFY(child<QWidget>(page, "diskChangedBanner")->isVisible());
        QCOMPARE(page->text(), QStringLiteral("a: 1\nmine: true\n"));

        clickInModal("diskConflictBox", "cancelButton");
        QVERIFY(!tabs->save(page));
        QCOMPARE(readFile(path), QByteArray("theirs: true\n"));

        clickInModal("diskConflictBox", "reloadButton");
        QVERIFY(!tabs->save(page));
        QCOMPARE(page->text(), QStringLiteral("theirs: true\n"));
        page->editor()->undo(); // the user's text is one Undo away
        QCOMPARE(page->text(), QStringLiteral("a: 1\nmine: true\n"));

        writeFile(path, "theirs: again\n");
        clickInModal("diskConflictBox", "overwriteButton");
        QVERIFY(tabs->save(page));
        QCOMPARE(readFile(path), QByteArray("a: 1\nmine: true\n"));
    }

    void unmodifiedDocumentFollowsTheDisk()
    {
        QTemporaryDir repo;
        const QString path = repo.filePath(QStringLiteral("a.yaml"));
        writeFile(path, "a: 1\n");
        MainWindow window;
        EditorTabs *tabs = window.editorTabs();
        window.openFileInEditor(path);
        QTRY_VERIFY(tabs->currentPage() && !tabs->currentPage()->isLoading());
        writeFile(path, "a: 2\n");
        QTRY_COMPARE(tabs->currentPage()->text(), QStringLiteral("a: 2\n"));
        QVERIFY(!tabs->currentPage()->isModified());
    }

    void aBinaryFileIsRefusedWithAMessage()
    {
        QTemporaryDir repo;
        const QString path = repo.filePath(QStringLiteral("image.yaml"));
        writeFile(path, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        MainWindow window;
        window.show();
        window.openFileInEditor(path);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = child<QMessageBox>(&window, "openErrorBox")) && box->isVisible());
        QVERIFY2(box->informativeText().contains(QLatin1String("not UTF-8")),
                 qPrintable(box->informativeText()));
        QCOMPARE(window.editorTabs()->pages().size(), 0);
        box->accept();
    }

    void findAndGoToLineThroughTheActions()
    {
        ProblemModel problems;
        EditorTabs tabs(&problems);
        tabs.resize(800, 600);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        QVERIFY(!tabs.action(EditorTabs::Clean)->isEnabled());
        EditorPage *page =
            tabs.openText(QStringLiteral("a.yaml"), QStringLiteral("a: loki\nb: tempo\nc: loki\n"));
        QVERIFY(tabs.action(EditorTabs::Clean)->isEnabled());
        QVERIFY(tabs.action(EditorTabs::Split)->isEnabled());
        auto *editor = page->editor();
        editor->setFocus();

        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        auto *findEdit = child<QLineEdit>(page, "findEdit");
        QTRY_VERIFY(findEdit->isVisible());
        QVERIFY(!child<QLineEdit>(page, "replaceEdit")->isVisible());
        QTest::keyClicks(findEdit, QStringLiteral("loki"));
        QTest::keyClick(findEdit, Qt::Key_Return);
        QCOMPARE(editor->currentLine(), 1);
        QTest::keyClick(findEdit, Qt::Key_F3);
        QCOMPARE(editor->currentLine(), 3);
        QTest::keyClick(findEdit, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(editor->currentLine(), 1);
        QTest::keyClick(findEdit, Qt::Key_Return, Qt::ShiftModifier); // backwards, wrapping
        QCOMPARE(editor->currentLine(), 3);
        QTest::keyClick(findEdit, Qt::Key_Escape);
        QVERIFY(!findEdit->isVisible());

        // Ctrl+H shows the replace row too.
        QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
        QTRY_VERIFY(child<QLineEdit>(page, "replaceEdit")->isVisible());

        // Ctrl+G asks for a line.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_G, Qt::ControlModifier);
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = child<QInputDialog>(&tabs, "goToLineDialog")) && dialog->isVisible());
        dialog->setIntValue(2);
        dialog->accept();
        QCOMPARE(editor->currentLine(), 2);

        // Ctrl+Tab cycles the tabs; Ctrl+W closes an unmodified one without asking.
        tabs.openText(QStringLiteral("b.yaml"), QStringLiteral("b: 1\n"));
        QCOMPARE(tabs.currentIndex(), 1);
        tabs.action(EditorTabs::NextTab)->trigger();
        QCOMPARE(tabs.currentIndex(), 0);
        tabs.action(EditorTabs::CloseTab)->trigger();
        QCOMPARE(tabs.count(), 1);
        QCOMPARE(tabs.currentPage()->document().displayName(), QStringLiteral("b.yaml"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindowEditor)
#include "tst_mainwindow_editor.moc"
