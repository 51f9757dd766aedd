#include "fakewatch.h"

#include <QJsonDocument>
#include <QStringList>

namespace Fluxdesk::Testing::FakeWatch {

void Journal::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    while (int(m_events.size()) > m_capacity) {
        m_oldest = m_events.front().resourceVersion;
        m_events.pop_front();
    }
}

void Journal::reset(qint64 current)
{
    m_events.clear();
    m_oldest = current;
}

void Journal::append(const Event &event)
{
    m_events.push_back(event);
    setCapacity(m_capacity);
}

QList<Event> Journal::since(qint64 resourceVersion) const
{
    QList<Event> out;
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
        if (it->resourceVersion <= resourceVersion)
            break;
        out.prepend(*it);
    }
    return out;
}

bool matchesLabels(const QJsonObject &labels, const QString &selector)
{
    const QStringList terms = selector.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &term : terms) {
        const bool negate = term.contains(QLatin1String("!="));
        QString key =
            term.section(negate ? QStringLiteral("!=") : QStringLiteral("="), 0, 0).trimmed();
        QString value = term.mid(term.indexOf(QLatin1Char('=')) + 1);
        if (value.startsWith(QLatin1Char('=')))
            value.remove(0, 1);
        value = value.trimmed();
        if (!term.contains(QLatin1Char('='))) { // existence: "key" or "!key"
            const bool absent = key.startsWith(QLatin1Char('!'));
            if (absent)
                key.remove(0, 1);
            if (labels.contains(key) == absent)
                return false;
            continue;
        }
        const bool equal = labels.value(key).toString() == value && labels.contains(key);
        if (equal == negate)
            return false;
    }
    return true;
}

bool Filter::matches(const QJsonObject &object) const
{
    if (object.isEmpty())
        return false;
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QString objectNs = metadata.value(QLatin1String("namespace")).toString();
    if (!ns.isEmpty() && objectNs != ns)
        return false;
    if (!fieldNamespace.isEmpty() && objectNs != fieldNamespace)
        return false;
    if (!name.isEmpty() && metadata.value(QLatin1String("name")).toString() != name)
        return false;
    if (!matchesFields(object))
        return false;
    return labelSelector.isEmpty() ||
           matchesLabels(metadata.value(QLatin1String("labels")).toObject(), labelSelector);
}

bool Filter::matchesFields(const QJsonObject &object) const
{
    for (const QPair<QString, QString> &field : fields) {
        QJsonValue at = object;
        for (const QString &part : field.first.split(QLatin1Char('.')))
            at = at.toObject().value(part);
        if (at.toString() != field.second)
            return false;
    }
    return true;
}

bool isWatch(const QUrlQuery &query)
{
    const QString watch = query.queryItemValue(QStringLiteral("watch"));
    return watch == QLatin1String("true") || watch == QLatin1String("1");
}

std::optional<Filter> parseSelectors(const QUrlQuery &query, const QString &group,
                                     const QString &kind, const QString &ns, QString *error)
{
    Filter filter;
    filter.group = group;
    filter.kind = kind;
    filter.ns = ns;
    filter.labelSelector =
        query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded);
    const QStringList fieldTerms =
        query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded)
            .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &term : fieldTerms) {
        const QString key = term.section(QLatin1Char('='), 0, 0);
        const QString value = term.section(QLatin1Char('='), -1);
        if (key == QLatin1String("metadata.name")) {
            filter.name = value;
        } else if (key == QLatin1String("metadata.namespace")) {
            filter.fieldNamespace = value;
        } else if (kind == QLatin1String("Event") &&
                   (key.startsWith(QLatin1String("involvedObject.")) ||
                    key.startsWith(QLatin1String("regarding.")))) {
            filter.fields.append({key, value});
        } else {
            *error = QStringLiteral("\"") + key +
                     QStringLiteral("\" is not a known field selector: only \"metadata.name\", "
                                    "\"metadata.namespace\"");
            return std::nullopt;
        }
    }
    return filter;
}

Request parse(const QUrlQuery &query, const QString &group, const QString &kind, const QString &ns)
{
    Request r;
    if (const auto filter = parseSelectors(query, group, kind, ns, &r.error))
        r.filter = *filter;
    const QString rv = query.queryItemValue(QStringLiteral("resourceVersion"), QUrl::FullyDecoded);
    if (!rv.isEmpty() && rv != QLatin1String("0")) {
        bool ok = false;
        r.resourceVersion = rv.toLongLong(&ok);
        if (!ok || r.resourceVersion < 0)
            r.error = QStringLiteral("invalid resource version: %1").arg(rv);
        r.fromNow = false;
    }
    const QString bookmarks = query.queryItemValue(QStringLiteral("allowWatchBookmarks"));
    r.bookmarks = bookmarks == QLatin1String("true") || bookmarks == QLatin1String("1");
    r.timeoutSeconds = qMax(0, query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt());
    return r;
}

QByteArray eventLine(const QByteArray &type, QJsonObject object, const QString &apiVersion)
{
    object.insert(QLatin1String("apiVersion"), apiVersion);
    return "{\"type\":\"" + type +
           "\",\"object\":" + QJsonDocument(object).toJson(QJsonDocument::Compact) + "}\n";
}

std::optional<QByteArray> lineFor(const Event &event, const Filter &filter,
                                  const QString &apiVersion)
{
    if (!filter.sameType(event))
        return std::nullopt;
    const bool now = event.type != EventType::Deleted && filter.matches(event.object);
    const bool before = event.type == EventType::Deleted ? filter.matches(event.object)
                                                         : filter.matches(event.previous);
    if (now && before)
        return eventLine("MODIFIED", event.object, apiVersion);
    if (now)
        return eventLine("ADDED", event.object, apiVersion);
    if (before)
        return eventLine("DELETED", event.object, apiVersion);
    return std::nullopt;
}

QByteArray bookmarkLine(const QString &apiVersion, const QString &kind, qint64 resourceVersion)
{
    const QJsonObject object{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("resourceVersion"), QString::number(resourceVersion)}}}};
    return "{\"type\":\"BOOKMARK\",\"object\":" +
           QJsonDocument(object).toJson(QJsonDocument::Compact) + "}\n";
}

QByteArray expiredLine(qint64 asked, qint64 oldest)
{
    const QJsonObject status{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"),
         QStringLiteral("too old resource version: %1 (%2)").arg(asked).arg(oldest)},
        {QStringLiteral("reason"), QStringLiteral("Expired")},
        {QStringLiteral("code"), 410}};
    return "{\"type\":\"ERROR\",\"object\":" +
           QJsonDocument(status).toJson(QJsonDocument::Compact) + "}\n";
}

} // namespace Fluxdesk::Testing::FakeWatch
