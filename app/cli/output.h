#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Cli {

void printOut(const QString &text);        // stdout, UTF-8, as is
void printOut(const QByteArray &utf8);     // stdout, bytes as they are
void printJson(const QJsonValue &value);   // stdout, indented, with a final newline
void printError(const QString &message);   // stderr: "fluxdesk-cli: message"
void printWarning(const QString &message); // stderr: "fluxdesk-cli: warning: message"

// Columns padded like kubectl's tabwriter (min width 10, 3 spaces of padding); the last column
// is not padded (so an empty last cell leaves the padding, byte for byte like kubectl). Each row
// must have as many cells as the header.
QString formatTable(const QStringList &header, const QList<QStringList> &rows);

bool stderrIsTerminal();

} // namespace Fluxdesk::Cli
