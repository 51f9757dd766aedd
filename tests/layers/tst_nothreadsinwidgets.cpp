// Widgets and the application start no threads: background work is asked of the models, which run
// it through Fluxdesk::JobRunner (models/core/jobrunner.h) and hand back values. This test reads
// every source under widgets/ and app/ and fails naming the file and line of anything that starts
// or waits on a thread (QtConcurrent, QFuture*, QThread, QThreadPool, QRunnable, std::thread,
// std::async), or calls libgit2 (its header, any git_* call: git work is models/git's GitSession).
// Asking which thread runs (QThread::currentThread()) is allowed.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <utility>

namespace {

// FLUXDESK_SOURCE_DIR in the environment scans another checkout (e.g. an older commit's).
const QString sourceDir =
    qEnvironmentVariable("FLUXDESK_SOURCE_DIR", QStringLiteral(FLUXDESK_SOURCE_DIR));

struct Use
{
    int line = 0;
    QString what;
};

// The code of a C++ source with comments and string and character literals blanked out (line
// breaks kept), so that neither a comment nor a message naming QtConcurrent counts as a use.
QString codeOnly(const QString &text)
{
    QString code = text;
    enum class State
    {
        Code,
        LineComment,
        BlockComment,
        String,
        Char,
        RawString
    } state = State::Code;
    QString rawEnd; // ")delim\"" of the raw string being skipped
    for (int i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        const QChar next = i + 1 < code.size() ? code.at(i + 1) : QChar();
        switch (state) {
        case State::Code:
            if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
                state = State::LineComment;
            } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
                state = State::BlockComment;
                code[i] = QLatin1Char(' ');
                code[i + 1] = QLatin1Char(' ');
                ++i;
                continue;
            } else if (c == QLatin1Char('R') && next == QLatin1Char('"') &&
                       (i == 0 || !code.at(i - 1).isLetterOrNumber())) {
                const int open = code.indexOf(QLatin1Char('('), i + 2);
                if (open < 0)
                    return code;
                rawEnd = QLatin1Char(')') + code.mid(i + 2, open - i - 2) + QLatin1Char('"');
                state = State::RawString;
                i = open;
                continue;
            } else if (c == QLatin1Char('"')) {
                state = State::String;
                continue;
            } else if (c == QLatin1Char('\'')) {
                state = State::Char;
                continue;
            } else {
                continue;
            }
            break;
        case State::LineComment:
            if (c == QLatin1Char('\n')) {
                state = State::Code;
                continue;
            }
            break;
        case State::BlockComment:
            if (c == QLatin1Char('*') && next == QLatin1Char('/')) {
                code[i] = QLatin1Char(' ');
                code[i + 1] = QLatin1Char(' ');
                ++i;
                state = State::Code;
                continue;
            }
            break;
        case State::String:
        case State::Char:
            if (c == QLatin1Char('\\')) {
                code[i] = QLatin1Char(' ');
                if (next != QLatin1Char('\n'))
                    code[i + 1] = QLatin1Char(' ');
                ++i;
                continue;
            }
            if (c == (state == State::String ? QLatin1Char('"') : QLatin1Char('\''))) {
                state = State::Code;
                continue;
            }
            break;
        case State::RawString:
            if (code.mid(i, rawEnd.size()) == rawEnd) {
                i += int(rawEnd.size()) - 1;
                state = State::Code;
                continue;
            }
            break;
        }
        if (c != QLatin1Char('\n'))
            code[i] = QLatin1Char(' ');
    }
    return code;
}

// Every use of a thread-starting API in a C++ source, by line.
QList<Use> threadUses(const QString &text)
{
    static const QRegularExpression forbidden(QStringLiteral(
        R"(\b(QtConcurrent|QFuture\w*|QThreadPool|QRunnable|QThread(?!::currentThread\b)\w*)"
        R"(|std::j?thread|std::async|pthread_create)\b)"
        // libgit2: its header and any of its calls (git work goes through models/git).
        R"(|(git2\.h|\bgit_[a-z0-9_]+(?=\s*\()))"));
    // The header QThread::currentThread() needs.
    static const QRegularExpression threadInclude(
        QStringLiteral(R"(^\s*#\s*include\s*<(QtCore/)?QThread>\s*$)"));
    QList<Use> uses;
    const QStringList lines = codeOnly(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (threadInclude.match(lines.at(i)).hasMatch())
            continue;
        auto matches = forbidden.globalMatch(lines.at(i));
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            uses.append(
                {i + 1, match.captured(1).isEmpty() ? match.captured(2) : match.captured(1)});
        }
    }
    return uses;
}

} // namespace

class TestNoThreadsInWidgets : public QObject
{
    Q_OBJECT

private slots:
    // The scanner itself: what counts as starting a thread, and what does not.
    void scanner_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("expected"); // "line:what"

        QTest::addRow("concurrent include") << QStringLiteral("#include <QtConcurrent>\n")
                                            << QStringList{QStringLiteral("1:QtConcurrent")};
        QTest::addRow("concurrent run")
            << QStringLiteral("int a;\nauto f = QtConcurrent::run([] { return 1; });\n")
            << QStringList{QStringLiteral("2:QtConcurrent")};
        QTest::addRow("watcher") << QStringLiteral("auto *w = new QFutureWatcher<int>(this);")
                                 << QStringList{QStringLiteral("1:QFutureWatcher")};
        QTest::addRow("future") << QStringLiteral("QFuture<void> f;")
                                << QStringList{QStringLiteral("1:QFuture")};
        QTest::addRow("thread subclass") << QStringLiteral("class Worker : public QThread {};")
                                         << QStringList{QStringLiteral("1:QThread")};
        QTest::addRow("thread create") << QStringLiteral("QThread::create([] {})->start();")
                                       << QStringList{QStringLiteral("1:QThread")};
        QTest::addRow("thread pool") << QStringLiteral("QThreadPool::globalInstance()->start(job);")
                                     << QStringList{QStringLiteral("1:QThreadPool")};
        QTest::addRow("runnable") << QStringLiteral("struct Job : QRunnable {};")
                                  << QStringList{QStringLiteral("1:QRunnable")};
        QTest::addRow("std thread")
            << QStringLiteral("std::thread t([] {});\nstd::jthread u;")
            << QStringList{QStringLiteral("1:std::thread"), QStringLiteral("2:std::jthread")};
        QTest::addRow("std async") << QStringLiteral("auto f = std::async(work);")
                                   << QStringList{QStringLiteral("1:std::async")};
        QTest::addRow("libgit2 include")
            << QStringLiteral("#include <git2.h>\n") << QStringList{QStringLiteral("1:git2.h")};
        QTest::addRow("libgit2 call")
            << QStringLiteral("int a;\nif (git_repository_open(&repo, path) < 0) {}")
            << QStringList{QStringLiteral("2:git_repository_open")};
        QTest::addRow("a name that only starts like git")
            << QStringLiteral("int git_count = 1;") << QStringList();
        QTest::addRow("after a block comment")
            << QStringLiteral("/* a\n comment */ QtConcurrent::run(f);")
            << QStringList{QStringLiteral("2:QtConcurrent")};

        QTest::addRow("current thread")
            << QStringLiteral("#include <QThread>\nif (QThread::currentThread() == thread()) {}")
            << QStringList();
        QTest::addRow("line comment")
            << QStringLiteral("// no QtConcurrent here, nor QThread\nint a;") << QStringList();
        QTest::addRow("block comment")
            << QStringLiteral("/* QFutureWatcher\n std::thread */ int a;") << QStringList();
        QTest::addRow("string") << QStringLiteral("tr(\"QThread \\\" QtConcurrent\");")
                                << QStringList();
        QTest::addRow("raw string")
            << QStringLiteral("auto s = R\"x(QtConcurrent \")x\";") << QStringList();
        QTest::addRow("longer names")
            << QStringLiteral("MyQThreadPoolish x; std::threads y;") << QStringList();
    }

    void scanner()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, expected);
        QStringList found;
        for (const Use &use : threadUses(source))
            found.append(QString::number(use.line) + QLatin1Char(':') + use.what);
        QCOMPARE(found, expected);
    }

    // The sources: no widget and nothing in app/ starts a thread.
    void widgetsAndAppStartNoThreads()
    {
        QStringList paths;
        for (const QString &area : {QStringLiteral("widgets"), QStringLiteral("app")}) {
            QDirIterator it(sourceDir + QLatin1Char('/') + area,
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                paths.append(QDir(sourceDir).relativeFilePath(it.next()));
        }
        paths.sort();

        QStringList uses; // "widgets/x.cpp:12: QtConcurrent"
        for (const QString &relative : std::as_const(paths)) {
            QFile file(sourceDir + QLatin1Char('/') + relative);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(relative));
            for (const Use &use : threadUses(QString::fromUtf8(file.readAll())))
                uses.append(relative + QLatin1Char(':') + QString::number(use.line) +
                            QStringLiteral(": ") + use.what);
        }
        const int files = int(paths.size());
        QVERIFY2(
            files > 50,
            qPrintable(QStringLiteral("only %1 sources found under %2").arg(files).arg(sourceDir)));
        QVERIFY2(uses.isEmpty(),
                 qPrintable(QStringLiteral("widgets/ and app/ start no threads; ask a model (it "
                                           "runs the work through JobRunner):\n") +
                            uses.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestNoThreadsInWidgets)
#include "tst_nothreadsinwidgets.moc"
