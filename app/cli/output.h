#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Cli {

// Text for people (tables, paths, messages) holds names and errors from clusters, snapshots, Helm
// records and remotes: its control characters are printed as escapes (printableForTerminal), so
// an object name cannot drive the terminal (convert-helm's YAML too: in its double-quoted
// scalars "\u009b" is the same character). clean's output is printed as bytes, as cleaned: the
// YAML writer escapes C0 controls itself; JSON escapes every control as \uXXXX, which a parser
// reads as the same text.
void printOut(const QString &text);        // stdout, UTF-8, controls escaped
void printOut(const QByteArray &utf8);     // stdout, a document's bytes as they are
void printJson(const QJsonValue &value);   // stdout, indented, every control as \uXXXX
void printError(const QString &message);   // stderr: "fluxdesk-cli: message", controls escaped
void printWarning(const QString &message); // stderr: "fluxdesk-cli: warning: message", the same
void printNote(const QString &message);    // stderr: "fluxdesk-cli: message", the same

// Columns padded like kubectl's tabwriter (min width 10, 3 spaces of padding); the last column
// is not padded (so an empty last cell leaves the padding, byte for byte like kubectl). Each row
// must have as many cells as the header. Cells are escaped like printOut's text.
QString formatTable(const QStringList &header, const QList<QStringList> &rows);

bool stderrIsTerminal();

} // namespace Fluxdesk::Cli
