#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Pure pieces of the Kubernetes watch protocol, bytes in and values out, so ResourceWatch's
// network code stays small and the parsing is tested without a server.
namespace Fluxdesk::WatchStream {

// Cuts a chunked watch body into its newline-delimited events as the bytes arrive: a line may
// span any number of reads. A line longer than the cap (or an unterminated tail past it) is
// reported instead of being buffered without end.
class LineSplitter
{
public:
    enum class Next
    {
        Line,    // *line holds one complete line (without its newline)
        None,    // no complete line buffered
        TooLong, // the next line passes the cap: the stream cannot go on
    };

    explicit LineSplitter(qsizetype maxLineBytes) : m_maxLineBytes(maxLineBytes) {}
    void append(const QByteArray &bytes);
    Next next(QByteArray *line);
    // Bytes buffered and not yet returned (a partial line at the end of a stream).
    qsizetype pendingBytes() const { return m_buffer.size() - m_pos; }
    bool hasCompleteLine() const { return m_buffer.indexOf('\n', m_pos) >= 0; }
    qsizetype maxLineBytes() const { return m_maxLineBytes; }
    void clear();

private:
    QByteArray m_buffer;
    qsizetype m_pos = 0; // start of the first line not yet returned
    qsizetype m_maxLineBytes;
};

// One line of a watch: {"type": "ADDED", "object": {...}}.
struct RawEvent
{
    enum class Type
    {
        Added,
        Modified,
        Deleted,
        Bookmark, // object carries only metadata.resourceVersion: the stream's progress
        Error,    // object is a Status (410 Expired when the resourceVersion is too old)
    };
    Type type = Type::Added;
    QJsonObject object;
};
// what names the watch (its path) in the error; an unknown type or a line that is not an event
// is an error as malformed JSON is.
Result<RawEvent> parseEvent(const QByteArray &line, const QString &what);

// One page of a LIST of the watched collection: items with apiVersion and kind filled in from the
// list (a real server omits them in items), the continue token ("" on the last page) and the
// list's resourceVersion, where the watch starts.
struct ListPage
{
    QList<QJsonObject> items;
    QString continueToken;
    QString resourceVersion;
};
Result<ListPage> parseList(const QByteArray &json, const QString &what);

QString resourceVersionOf(const QJsonObject &object);
// Whether a Status says the resourceVersion asked for is gone (410 Expired / Gone): list again.
bool isExpired(const QJsonObject &status);
// A Status's message, else its reason, else the JSON (for an ERROR event's object).
QString statusMessage(const QJsonObject &status);

// The wait before retry number failures + 1 (0-based failures so far): initialMs doubled per
// failure up to maxMs, then stretched by jitter (0 <= jitter < 1) tenths: 1 s, 2 s, 4 s ... 30 s.
qint64 backoffMs(int failures, int initialMs, int maxMs, double jitter);

} // namespace Fluxdesk::WatchStream
