#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QMetaType>
#include <QString>

namespace Fluxdesk {

// A JSON object held as its compact UTF-8 text and decoded on demand. A QJsonObject spends a
// 16-byte element on every key and every value and a container of its own on every nested object
// (managedFields' fieldsV1 is hundreds of them): a realistic live object takes about six times
// its compact JSON as a QJsonObject and one time as this. The inventory keeps every live object
// this way, once; the plan and the views decode what they read.
//
// Decoding is a full parse (tens of microseconds for a typical object): read an object once into
// a local QJsonObject rather than calling value() repeatedly. The implicit conversion keeps code
// written for `const QJsonObject &` working on an inventory entry's object. Implicitly shared and
// immutable, so copies are cheap and safe to read from several threads.
class CompactObject
{
public:
    CompactObject() = default;
    explicit CompactObject(const QJsonObject &object);

    QJsonObject toObject() const;
    operator QJsonObject() const { return toObject(); } // NOLINT: decodes; see above
    // One top-level value (decodes the whole object).
    QJsonValue value(QLatin1String key) const { return toObject().value(key); }
    QJsonValue value(const QString &key) const { return toObject().value(key); }

    bool isEmpty() const { return m_json.size() <= 2; } // "{}" or nothing
    // The compact JSON text ("{}" for an empty object, "" for a default-constructed one).
    const QByteArray &json() const { return m_json; }
    qsizetype byteSize() const { return m_json.size(); }

    friend bool operator==(const CompactObject &a, const CompactObject &b)
    {
        return a.m_json == b.m_json;
    }
    friend bool operator!=(const CompactObject &a, const CompactObject &b) { return !(a == b); }

private:
    QByteArray m_json;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::CompactObject)
