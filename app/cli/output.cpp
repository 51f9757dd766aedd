#include "output.h"

#include "core/terminaltext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Fluxdesk::Cli {

namespace {

void write(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void write(std::FILE *stream, const QString &text)
{
    write(stream, text.toUtf8());
}

// QJsonDocument escapes C0 controls but leaves DEL, C1 controls and the bidirectional overrides
// raw. In JSON they can only stand inside strings, where "\u009b" is the same character: escaped,
// the document means the same to a parser and does nothing to a terminal.
QByteArray jsonForTerminal(const QByteArray &json)
{
    const QString text = QString::fromUtf8(json);
    const auto first = std::find_if(text.cbegin(), text.cend(), isTerminalControl);
    if (first == text.cend())
        return json;
    QString out = text.left(int(first - text.cbegin()));
    for (auto it = first; it != text.cend(); ++it) {
        if (isTerminalControl(*it))
            out += QLatin1String("\\u") +
                   QString::number(uint(it->unicode()), 16).rightJustified(4, QLatin1Char('0'));
        else
            out += *it;
    }
    return out.toUtf8();
}

} // namespace

void printOut(const QString &text)
{
    write(stdout, printableForTerminal(text));
}

void printOut(const QByteArray &utf8)
{
    write(stdout, utf8);
}

void printJson(const QJsonValue &value)
{
    const QByteArray bytes = value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    write(stdout, jsonForTerminal(bytes));
}

void printError(const QString &message)
{
    write(stderr,
          QLatin1String("fluxdesk-cli: ") + printableForTerminal(message) + QLatin1Char('\n'));
}

void printWarning(const QString &message)
{
    write(stderr, QLatin1String("fluxdesk-cli: warning: ") + printableForTerminal(message) +
                      QLatin1Char('\n'));
}

void printNote(const QString &message)
{
    write(stderr,
          QLatin1String("fluxdesk-cli: ") + printableForTerminal(message) + QLatin1Char('\n'));
}

QString formatTable(const QStringList &header, const QList<QStringList> &rowsAsGiven)
{
    // Cells come from the cluster: escaped before measuring, so the columns stay aligned.
    QList<QStringList> rows;
    rows.reserve(rowsAsGiven.size());
    for (const QStringList &row : rowsAsGiven) {
        QStringList cells;
        cells.reserve(row.size());
        for (const QString &cell : row)
            cells.append(printableForTerminal(cell));
        rows.append(cells);
    }
    constexpr int minWidth = 10;
    constexpr int padding = 3;
    QList<int> widths;
    for (const QString &cell : header)
        widths.append(int(cell.size()));
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths.at(i), int(row.at(i).size()));
    }
    QString out;
    const auto appendRow = [&](const QStringList &row) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            if (i + 1 < row.size())
                line += row.at(i).leftJustified(std::max(widths.at(i) + padding, minWidth));
            else
                line += row.at(i);
        }
        out += line + QLatin1Char('\n');
    };
    appendRow(header);
    for (const QStringList &row : rows)
        appendRow(row);
    return out;
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDERR_FILENO) == 1;
#else
    return false;
#endif
}

} // namespace Fluxdesk::Cli
