#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <deque>
#include <optional>

// Watches of the fake API server, as pure parts: the journal of changes keyed by the global
// resourceVersion, what one watch asks for, and the event lines it is sent.
namespace Fluxdesk::Testing::FakeWatch {

enum class EventType
{
    Added,
    Modified,
    Deleted
};

// One stored write. ns is empty for cluster-scoped objects.
struct Event
{
    qint64 resourceVersion = 0;
    EventType type = EventType::Added;
    QString group, kind, ns, name;
    QJsonObject object;   // after the write (Deleted: the last state)
    QJsonObject previous; // before the write (Modified, Deleted); empty for Added
};

// The changes a watch may resume after: every write with a resourceVersion above oldest() is
// kept, up to capacity() events (older ones are forgotten, as etcd compacts).
class Journal
{
public:
    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    // Everything before `current` is forgotten: a watch resumes from `current` on, no earlier.
    void reset(qint64 current);
    void append(const Event &event);
    qint64 oldest() const { return m_oldest; }
    bool canResumeFrom(qint64 resourceVersion) const { return resourceVersion >= m_oldest; }
    // The events after resourceVersion, oldest first.
    QList<Event> since(qint64 resourceVersion) const;

private:
    std::deque<Event> m_events;
    qint64 m_oldest = 0;
    int m_capacity = 1000;
};

// "a=b,c!=d,e==f,key,!key" equality and existence selectors ("in", "notin" are not supported).
bool matchesLabels(const QJsonObject &labels, const QString &selector);

// The objects one watch (or list) wants: its type, namespace and selectors.
struct Filter
{
    QString group, kind;
    QString ns; // empty: every namespace
    QString labelSelector;
    QString name, fieldNamespace; // from fieldSelector metadata.name / metadata.namespace
    // Events' own fields (involvedObject.name, regarding.kind, ...): dotted path and value.
    QList<QPair<QString, QString>> fields;
    bool matches(const QJsonObject &object) const;
    bool matchesFields(const QJsonObject &object) const;
    bool sameType(const Event &event) const { return event.group == group && event.kind == kind; }
};

// The query of a watch request.
struct Request
{
    Filter filter;
    bool fromNow = true; // resourceVersion "" or "0": the current objects first, as ADDED
    qint64 resourceVersion = 0;
    bool bookmarks = false; // allowWatchBookmarks
    int timeoutSeconds = 0; // 0: none
    QString error;          // a malformed parameter, worded as the server does
};

bool isWatch(const QUrlQuery &query);
// fieldSelector terms other than metadata.name and metadata.namespace give an error, except
// on Events: involvedObject.* (core/v1) and regarding.* (events.k8s.io), as the real server has.
Request parse(const QUrlQuery &query, const QString &group, const QString &kind, const QString &ns);
std::optional<Filter> parseSelectors(const QUrlQuery &query, const QString &group,
                                     const QString &kind, const QString &ns, QString *error);

// One line of the stream: {"type":"ADDED","object":{...}}\n, the object in apiVersion.
QByteArray eventLine(const QByteArray &type, QJsonObject object, const QString &apiVersion);
// What a watcher with filter sees of a journal event: ADDED, MODIFIED or DELETED by whether the
// object matched before and after the write (an object leaving a label selector is DELETED for
// it, one entering it ADDED), or nothing.
std::optional<QByteArray> lineFor(const Event &event, const Filter &filter,
                                  const QString &apiVersion);
// A BOOKMARK: apiVersion, kind and metadata.resourceVersion only.
QByteArray bookmarkLine(const QString &apiVersion, const QString &kind, qint64 resourceVersion);
// The ERROR the real server sends for a resourceVersion older than its journal: a Status 410,
// reason Expired, "too old resource version: 5 (1000)".
QByteArray expiredLine(qint64 asked, qint64 oldest);

} // namespace Fluxdesk::Testing::FakeWatch
