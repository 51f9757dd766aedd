#include "compactobject.h"

#include <QJsonDocument>

namespace Fluxdesk {

CompactObject::CompactObject(const QJsonObject &object)
    : m_json(QJsonDocument(object).toJson(QJsonDocument::Compact))
{
    m_json.squeeze(); // toJson's buffer grows by doubling: keep the text, not its slack
}

QJsonObject CompactObject::toObject() const
{
    // The text is toJson()'s own, so it parses; a default-constructed one is an empty object.
    return m_json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(m_json).object();
}

} // namespace Fluxdesk
