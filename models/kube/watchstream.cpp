#include "watchstream.h"

#include "kube/discovery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Fluxdesk::WatchStream {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Fluxdesk::WatchStream", text);
}

Result<QJsonObject> parseObject(const QByteArray &json, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Discovery::malformedJsonError(what, parseError.errorString(), parseError.offset);
    if (!doc.isObject())
        return Error(tr("The server sent malformed JSON for %1: expected an object").arg(what));
    return doc.object();
}

} // namespace

void LineSplitter::append(const QByteArray &bytes)
{
    // Drop what was returned already once it is most of the buffer: appends stay amortised O(n).
    if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

LineSplitter::Next LineSplitter::next(QByteArray *line)
{
    const qsizetype newline = m_buffer.indexOf('\n', m_pos);
    const qsizetype length = (newline < 0 ? m_buffer.size() : newline) - m_pos;
    if (m_maxLineBytes > 0 && length > m_maxLineBytes)
        return Next::TooLong;
    if (newline < 0)
        return Next::None;
    *line = m_buffer.mid(m_pos, length);
    if (line->endsWith('\r'))
        line->chop(1);
    m_pos = newline + 1;
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    }
    return Next::Line;
}

void LineSplitter::clear()
{
    m_buffer.clear();
    m_pos = 0;
}

Result<RawEvent> parseEvent(const QByteArray &line, const QString &what)
{
    const auto object = parseObject(line, what);
    if (!object)
        return object.error();
    const QString type = object->value(QLatin1String("type")).toString();
    const QJsonValue value = object->value(QLatin1String("object"));
    RawEvent event;
    if (type == QLatin1String("ADDED"))
        event.type = RawEvent::Type::Added;
    else if (type == QLatin1String("MODIFIED"))
        event.type = RawEvent::Type::Modified;
    else if (type == QLatin1String("DELETED"))
        event.type = RawEvent::Type::Deleted;
    else if (type == QLatin1String("BOOKMARK"))
        event.type = RawEvent::Type::Bookmark;
    else if (type == QLatin1String("ERROR"))
        event.type = RawEvent::Type::Error;
    else
        return Error(tr("The server sent a watch event of unknown type \"%1\" for %2")
                         .arg(type.left(40), what));
    if (!value.isObject())
        return Error(tr("The server sent a watch event without an object for %1").arg(what));
    event.object = value.toObject();
    return event;
}

Result<ListPage> parseList(const QByteArray &json, const QString &what)
{
    const auto object = parseObject(json, what);
    if (!object)
        return object.error();
    const QJsonValue itemsValue = object->value(QLatin1String("items"));
    if (!itemsValue.isArray() && !itemsValue.isNull() && !itemsValue.isUndefined())
        return Error(tr("The server sent a list for %1 without an items array").arg(what));
    const QString apiVersion = object->value(QLatin1String("apiVersion")).toString();
    QString kind = object->value(QLatin1String("kind")).toString();
    if (kind.endsWith(QLatin1String("List")))
        kind.chop(4);
    const QLatin1String apiVersionKey("apiVersion");
    const QLatin1String kindKey("kind");

    ListPage page;
    const QJsonArray items = itemsValue.toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        QJsonObject item = v.toObject();
        if (item.value(apiVersionKey).toString().isEmpty() && !apiVersion.isEmpty())
            item.insert(apiVersionKey, apiVersion);
        if (item.value(kindKey).toString().isEmpty() && !kind.isEmpty())
            item.insert(kindKey, kind);
        page.items.append(item);
    }
    const QJsonObject metadata = object->value(QLatin1String("metadata")).toObject();
    page.continueToken = metadata.value(QLatin1String("continue")).toString();
    page.resourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    return page;
}

QString resourceVersionOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("resourceVersion"))
        .toString();
}

bool isExpired(const QJsonObject &status)
{
    const QString reason = status.value(QLatin1String("reason")).toString();
    return status.value(QLatin1String("code")).toInt() == 410 ||
           reason == QLatin1String("Expired") || reason == QLatin1String("Gone");
}

QString statusMessage(const QJsonObject &status)
{
    QString message = status.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = status.value(QLatin1String("reason")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(QJsonDocument(status).toJson(QJsonDocument::Compact));
    return message;
}

qint64 backoffMs(int failures, int initialMs, int maxMs, double jitter)
{
    const int shift = qBound(0, failures, 20);
    const qint64 nominal = qMin<qint64>(qint64(qMax(1, initialMs)) << shift, qMax(1, maxMs));
    return nominal + qint64(double(nominal) * qBound(0.0, jitter, 1.0) / 10.0);
}

} // namespace Fluxdesk::WatchStream
