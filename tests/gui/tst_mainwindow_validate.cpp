#include "changespanel.h"
#include "flux/kustomizebuild.h"
#include "items/changesmodel.h"
#include "items/problemmodel.h"
#include "mainwindow.h"
#include "testfiles.h"
#include "validationfixtures.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString git(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(s("git"), arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

using TestFiles::appsFluxKustomization;

bool write(const QString &path, const QByteArray &text)
{
    return TestFiles::writeFile(path, text);
}

// Answers the "Commit anyway?" question by clicking the named button once it shows.
void answerWarning(const QString &button, QString *text)
{
    auto *timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != s("validationWarning"))
            return;
        *text = box->text() + QLatin1Char('\n') + box->informativeText();
        auto *target = box->findChild<QPushButton *>(button);
        if (target)
            target->click();
        timer->deleteLater();
    });
    timer->start(50);
}

bool allStaged(const ChangesPanel *panel)
{
    const auto files = panel->model()->files();
    return !files.isEmpty() && std::all_of(files.cbegin(), files.cend(), [](const auto &file) {
        return file.staged != GitFileStatus::Change::None;
    });
}

int rowsOfRule(const ProblemModel *model, const QString &rule)
{
    int rows = 0;
    for (const Problem &problem : model->problems())
        rows += problem.rule == rule ? 1 : 0;
    return rows;
}

} // namespace

// Validation before commit in the window: Repository > Validate fills the Problems list; Commit
// validates first and, when validation failed, asks before committing (Cancel commits nothing).
class TestMainWindowValidate : public QObject
{
    Q_OBJECT
public:
    TestMainWindowValidate()
    {
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(s(".config"))));
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!findKustomizeTool().isValid())
            QSKIP("neither kustomize nor kubectl is installed");
    }

    void validateAndCommit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString work = dir.filePath(s("work"));
        QVERIFY(QDir().mkpath(work));
        git(work, {s("init"), s("-q"), s("-b"), s("main")});
        git(work, {s("config"), s("user.name"), s("Test")});
        git(work, {s("config"), s("user.email"), s("test@example.com")});
        QVERIFY(write(work + s("/clusters/home/apps.yaml"), appsFluxKustomization));
        QVERIFY(write(work + s("/apps/kustomization.yaml"), "resources:\n- missing.yaml\n"));

        MainWindow window;
        StartupOptions options;
        options.demo = true;
        options.repo = work;
        window.show();
        window.start(options);
        ChangesPanel *panel = window.changesPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, 20000);

        // What the validation says in the status bar; read from its signal, since the demo
        // cluster's own message may replace it in the bar while the load finishes.
        QObject *controller = window.findChild<QObject *>(s("validationController"));
        QVERIFY(controller);
        QSignalSpy said(controller, SIGNAL(statusMessage(QString, int)));
        const auto saidStartingWith = [&said](const QString &prefix) {
            return std::any_of(said.cbegin(), said.cend(), [&prefix](const QList<QVariant> &args) {
                return args.constFirst().toString().startsWith(prefix);
            });
        };

        // Repository > Validate: the kustomize error lands in Problems, named by its file.
        auto *validate = window.findChild<QAction *>(s("validateAction"));
        QVERIFY(validate);
        QCOMPARE(validate->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
        validate->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(rowsOfRule(window.problemModel(), s("kustomize-build")), 1,
                                  30000);
        QTRY_VERIFY(validate->isEnabled());
        const auto problems = window.problemModel()->problems();
        const auto build = std::find_if(problems.cbegin(), problems.cend(), [](const Problem &p) {
            return p.rule == s("kustomize-build");
        });
        QCOMPARE(build->file, QDir(work).filePath(s("apps/kustomization.yaml")));
        QVERIFY(saidStartingWith(s("Validation failed: ")));

        // Commit with the validation failing: asked; Cancel commits nothing.
        panel->findChild<QPushButton *>(s("stageAllButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(allStaged(panel), 20000);
        auto *message = panel->findChild<QPlainTextEdit *>(s("commitMessage"));
        auto *commitButton = panel->findChild<QPushButton *>(s("commitButton"));
        QTRY_VERIFY(commitButton->isEnabled());
        message->setPlainText(s("Add apps"));
        QString asked;
        answerWarning(s("cancelCommitButton"), &asked);
        QTRY_VERIFY(commitButton->isEnabled());
        commitButton->click();
        QTRY_VERIFY2_WITH_TIMEOUT(!asked.isEmpty(),
                                  qPrintable(window.statusBar()->currentMessage()), 30000);
        QVERIFY2(asked.contains(s("error")), qPrintable(asked));
        QVERIFY2(asked.contains(s("apps/kustomization.yaml")), qPrintable(asked));
        QTRY_VERIFY(saidStartingWith(s("Not committed")));
        QTest::qWait(300);
        QCOMPARE(git(work, {s("rev-list"), s("--all")}), QString());

        // "Commit Anyway" commits.
        asked.clear();
        answerWarning(s("commitAnywayButton"), &asked);
        QTRY_VERIFY(commitButton->isEnabled());
        commitButton->click();
        QTRY_VERIFY2_WITH_TIMEOUT(!asked.isEmpty(),
                                  qPrintable(window.statusBar()->currentMessage()), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(git(work, {s("log"), s("--format=%s")}), s("Add apps"), 20000);

        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 20000);

        // Fixed: a clean validation commits without a question.
        QVERIFY(write(work + s("/apps/kustomization.yaml"), "resources:\n- cm.yaml\n"));
        QVERIFY(write(work + s("/apps/cm.yaml"),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
        panel->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, 20000);
        panel->findChild<QPushButton *>(s("stageAllButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(allStaged(panel), 20000);
        QTRY_VERIFY(commitButton->isEnabled());
        message->setPlainText(s("Fix apps"));
        asked.clear();
        answerWarning(s("cancelCommitButton"), &asked);
        QTRY_VERIFY(commitButton->isEnabled());
        commitButton->click();
        QTRY_VERIFY2_WITH_TIMEOUT(
            git(work, {s("log"), s("-1"), s("--format=%s")}) == s("Fix apps"),
            qPrintable(asked + window.statusBar()->currentMessage() + panel->statusText()), 30000);
        QVERIFY(asked.isEmpty());
        QCOMPARE(rowsOfRule(window.problemModel(), s("kustomize-build")), 0);
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowValidate)
#include "tst_mainwindow_validate.moc"
