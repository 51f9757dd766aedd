// What users read names only what they have: no text of the window or the command line speaks of
// "the roadmap" (a planning document users never see), and the README's command block lists the
// commands `fluxdesk-cli --help` lists, in its order.
#include "clirunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Fluxdesk::Testing;

namespace {

QString sourceDir()
{
    return QDir::cleanPath(QStringLiteral(FLUXDESK_TEST_DATA "/../.."));
}

struct Literal
{
    int line = 0;
    QString text; // adjacent literals joined, as the compiler joins them
};

// The string literals of a C++ source, comments skipped (a comment may name the roadmap: no
// user reads it), character literals and digit separators skipped, raw strings read whole.
QList<Literal> stringLiterals(const QString &source)
{
    QList<Literal> out;
    int line = 1;
    bool joinNext = false; // only whitespace and comments since the last literal
    for (int i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        const QChar next = i + 1 < source.size() ? source.at(i + 1) : QChar();
        if (c == QLatin1Char('\n')) {
            ++line;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
            while (i < source.size() && source.at(i) != QLatin1Char('\n'))
                ++i;
            --i; // the newline counts the line
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            i += 2;
            while (i + 1 < source.size() &&
                   !(source.at(i) == QLatin1Char('*') && source.at(i + 1) == QLatin1Char('/'))) {
                if (source.at(i) == QLatin1Char('\n'))
                    ++line;
                ++i;
            }
            ++i;
        } else if (c == QLatin1Char('"') && i > 0 && source.at(i - 1) == QLatin1Char('R') &&
                   (i < 2 ||
                    !(source.at(i - 2).isLetterOrNumber() ||
                      source.at(i - 2) == QLatin1Char('_')) ||
                    source.mid(i - 3, 2) == QLatin1String("u8"))) {
            // A raw string: R"delim( ... )delim"
            const int paren = source.indexOf(QLatin1Char('('), i);
            const QString end =
                QLatin1Char(')') + source.mid(i + 1, paren - i - 1) + QLatin1Char('"');
            const int stop = source.indexOf(end, paren);
            if (paren < i || stop < paren)
                return out; // unterminated: the sources compile, so it does not happen
            const QString text = source.mid(paren + 1, stop - paren - 1);
            if (joinNext && !out.isEmpty())
                out.last().text += text;
            else
                out.append({line, text});
            line += int(text.count(QLatin1Char('\n')));
            i = stop + end.size() - 1;
            joinNext = true;
            continue;
        } else if (c == QLatin1Char('"') ||
                   (c == QLatin1Char('\'') && // not a digit separator (5'000'000)
                    (i == 0 || !source.at(i - 1).isLetterOrNumber()))) {
            QString text;
            const int start = line;
            for (++i; i < source.size() && source.at(i) != c; ++i) {
                if (source.at(i) == QLatin1Char('\\') && i + 1 < source.size())
                    text += source.at(++i);
                else
                    text += source.at(i);
            }
            if (c == QLatin1Char('\''))
                continue;
            if (joinNext && !out.isEmpty())
                out.last().text += text;
            else
                out.append({start, text});
            joinNext = true;
            continue;
        } else if (!c.isSpace()) {
            joinNext = false;
        }
    }
    return out;
}

} // namespace

class TestUserText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void lexerSkipsComments()
    {
        const QList<Literal> literals = stringLiterals(QStringLiteral(
            "// \"the roadmap\" in a comment\n"
            "auto a = tr(\"one \" /* \"roadmap\" */ \"two \\\"quoted\\\"\");\n"
            "char c = '\"'; int n = 1'000; auto b = QStringLiteral(\"three\");\n"
            "auto r = QStringLiteral(R\"x(raw \"roadmap\"\n)x\"); auto d = u8R\"(u8)\";"));
        QCOMPARE(literals.size(), 4);
        QCOMPARE(literals.at(0).text, QStringLiteral("one two \"quoted\""));
        QCOMPARE(literals.at(0).line, 2);
        QCOMPARE(literals.at(1).text, QStringLiteral("three"));
        QCOMPARE(literals.at(1).line, 3);
        QCOMPARE(literals.at(2).text, QStringLiteral("raw \"roadmap\"\n"));
        QCOMPARE(literals.at(2).line, 4);
        QCOMPARE(literals.at(3).text, QStringLiteral("u8"));
        QCOMPARE(literals.at(3).line, 5);
    }

    // Every literal of the window, the command line and the models (tr() texts, the CLI's usage,
    // messages) is scanned: what a user can read never sends them to a document they lack.
    void noSourceTextSpeaksOfTheRoadmap()
    {
        QStringList found;
        int files = 0;
        for (const char *folder : {"app", "widgets", "models"}) {
            QDirIterator it(sourceDir() + QLatin1Char('/') + QLatin1String(folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                ++files;
                const QList<Literal> literals = stringLiterals(QString::fromUtf8(file.readAll()));
                for (const Literal &literal : literals) {
                    if (literal.text.contains(QLatin1String("roadmap"), Qt::CaseInsensitive))
                        found.append(QStringLiteral("%1:%2: %3")
                                         .arg(QDir(sourceDir()).relativeFilePath(path))
                                         .arg(literal.line)
                                         .arg(literal.text));
                }
            }
        }
        QVERIFY2(files > 100, qPrintable(sourceDir())); // the sources were found
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void helpSpeaksOfNoRoadmap()
    {
        const CliRun run = runCli({QStringLiteral("--help")}, isolatedEnvironment(m_home.path()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.outText().startsWith(QLatin1String("Usage: fluxdesk-cli")));
        QVERIFY2(!run.outText().contains(QLatin1String("roadmap"), Qt::CaseInsensitive),
                 run.out.constData());
    }

    // The README's "Command line" block names the commands --help names, in the same order, and
    // no text of the README's block speaks of the roadmap either.
    void readmeListsTheCommandsOfHelp()
    {
        const CliRun run = runCli({QStringLiteral("--help")}, isolatedEnvironment(m_home.path()));
        QCOMPARE(run.exitCode, 0);
        const QStringList helpLines = run.outText().split(QLatin1Char('\n'));
        const QRegularExpression command(QStringLiteral("^  ([a-z][a-z-]+)( |$)"));
        QStringList helpCommands;
        bool inCommands = false;
        for (const QString &line : helpLines) {
            if (line == QLatin1String("Commands:"))
                inCommands = true;
            else if (line.isEmpty())
                inCommands = false;
            else if (inCommands) {
                const QRegularExpressionMatch match = command.match(line);
                if (match.hasMatch())
                    helpCommands.append(match.captured(1));
            }
        }
        QVERIFY2(helpCommands.size() >= 5, qPrintable(helpCommands.join(QLatin1Char(' '))));

        QFile readme(sourceDir() + QStringLiteral("/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const int heading = text.indexOf(QLatin1String("\n## Command line\n"));
        QVERIFY(heading >= 0);
        const int open = text.indexOf(QLatin1String("```\n"), heading);
        const int close = text.indexOf(QLatin1String("```\n"), open + 4);
        QVERIFY(open > 0 && close > open);
        const QString block = text.mid(open + 4, close - open - 4);
        QVERIFY2(!block.contains(QLatin1String("roadmap"), Qt::CaseInsensitive), qPrintable(block));
        QStringList readmeCommands;
        const QStringList blockLines = block.split(QLatin1Char('\n'));
        for (const QString &line : blockLines) {
            const QRegularExpressionMatch match = command.match(line);
            if (match.hasMatch())
                readmeCommands.append(match.captured(1));
        }
        QCOMPARE(readmeCommands, helpCommands);
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestUserText)
#include "tst_usertext.moc"
