#include "yamljson.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>

namespace Fluxdesk {

namespace {

class Converter
{
public:
    Converter(const QString &fileName, qsizetype maxNodes) : m_file(fileName), m_budget(maxNodes) {}

    Result<QJsonValue> convert(const YAML::Node &node) { return toJson(node, 0, QString()); }

    // Where positions go for the next convert(); null to record nothing.
    void recordInto(YamlDocument *document) { m_document = document; }

private:
    Error errorAt(const YAML::Node &node, const QString &message) const
    {
        const YAML::Mark mark = node.Mark();
        return Error(message, m_file, mark.is_null() ? 0 : mark.line + 1,
                     mark.is_null() ? 0 : mark.column + 1);
    }

    static QPair<int, int> position(const YAML::Mark &mark)
    {
        return mark.is_null() ? qMakePair(0, 0) : qMakePair(mark.line + 1, mark.column + 1);
    }

    Result<QJsonValue> toJson(const YAML::Node &node, int depth, const QString &path)
    {
        // yaml-cpp hands out an alias as the anchored node itself, so it shares the anchor's mark.
        // Converting each collection once and charging its size on reuse keeps an alias bomb from
        // walking billions of nodes before the budget runs out.
        const YAML::Mark mark = node.Mark();
        const bool memo = (node.IsMap() || node.IsSequence()) && !mark.is_null();
        if (memo) {
            const auto seen = m_converted.constFind(mark.pos);
            if (seen != m_converted.constEnd()) {
                m_budget -= seen->nodes;
                if (m_budget < 0)
                    return errorAt(
                        node, QCoreApplication::translate(
                                  "Yaml", "document too large (alias expansion or size limit)"));
                return seen->value;
            }
        }
        if (m_document)
            m_document->positions.insert(path, position(mark));
        const qsizetype before = m_budget;
        Result<QJsonValue> result = convertNode(node, depth, path);
        if (memo && result)
            m_converted.insert(mark.pos, {result.value(), before - m_budget});
        return result;
    }

    Result<QJsonValue> convertNode(const YAML::Node &node, int depth, const QString &path)
    {
        if (--m_budget < 0)
            return errorAt(node, QCoreApplication::translate(
                                     "Yaml", "document too large (alias expansion or size limit)"));
        if (depth > 512)
            return errorAt(node, QCoreApplication::translate("Yaml", "nesting too deep"));
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return QJsonValue(QJsonValue::Null);
        case YAML::NodeType::Scalar:
            if (auto error = checkQuote(node))
                return *error;
            return scalar(node);
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            for (const YAML::Node &child : node) {
                Result<QJsonValue> v =
                    toJson(child, depth + 1,
                           m_document ? yamlPathIndex(path, int(array.size())) : QString());
                if (!v)
                    return v;
                array.append(v.value());
            }
            return QJsonValue(array);
        }
        case YAML::NodeType::Map: {
            QJsonObject object;
            for (auto it = node.begin(); it != node.end(); ++it) {
                const YAML::Node key = it->first;
                if (!key.IsScalar())
                    return errorAt(
                        key, QCoreApplication::translate("Yaml", "only scalar keys are supported"));
                if (auto error = checkQuote(key))
                    return *error;
                const QString name = QString::fromStdString(key.Scalar());
                if (object.contains(name))
                    return errorAt(
                        key, QCoreApplication::translate("Yaml", "duplicate key \"%1\"").arg(name));
                QString childPath;
                if (m_document) {
                    childPath = yamlPathKey(path, name);
                    m_document->keyPositions.insert(childPath, position(key.Mark()));
                }
                Result<QJsonValue> v = toJson(it->second, depth + 1, childPath);
                if (!v)
                    return v;
                object.insert(name, v.value());
            }
            return QJsonValue(object);
        }
        }
        return QJsonValue(QJsonValue::Null);
    }

public:
    // yaml-cpp accepts a quoted scalar that runs to the end of the stream; find its opening quote
    // in the source and insist on a closing one.
    static bool quoteTerminated(const QByteArray &bytes, int pos)
    {
        if (pos < 0 || pos >= bytes.size())
            return true;
        const char quote = bytes.at(pos);
        if (quote != '"' && quote != '\'')
            return true; // block scalar or something else
        for (qsizetype i = pos + 1; i < bytes.size(); ++i) {
            const char c = bytes.at(i);
            if (quote == '"' && c == '\\') {
                ++i;
                continue;
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < bytes.size() && bytes.at(i + 1) == '\'') {
                    ++i; // '' is an escaped single quote
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    void setSource(const QByteArray *bytes) { m_source = bytes; }

private:
    std::optional<Error> checkQuote(const YAML::Node &node) const
    {
        if (!m_source || node.Tag() != "!" || node.Mark().is_null() ||
            quoteTerminated(*m_source, node.Mark().pos))
            return std::nullopt;
        return errorAt(node, QCoreApplication::translate("Yaml", "unterminated quoted string"));
    }

    const QByteArray *m_source = nullptr;

    static QJsonValue scalar(const YAML::Node &node)
    {
        const std::string &raw = node.Scalar();
        const QString text = QString::fromStdString(raw);
        // "!" marks a quoted (non-plain) scalar; explicit !!str tags also stay strings.
        const std::string &tag = node.Tag();
        if (tag == "!" || tag == "tag:yaml.org,2002:str")
            return QJsonValue(text);
        if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
            tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null" || tag == "?") {
            return plain(text);
        }
        return QJsonValue(text);
    }

    static QJsonValue plain(const QString &text)
    {
        static const QRegularExpression nullRe(QStringLiteral("^(null|Null|NULL|~|)$"));
        static const QRegularExpression trueRe(QStringLiteral("^(true|True|TRUE)$"));
        static const QRegularExpression falseRe(QStringLiteral("^(false|False|FALSE)$"));
        static const QRegularExpression intRe(QStringLiteral("^[-+]?[0-9]+$"));
        static const QRegularExpression octRe(QStringLiteral("^0o[0-7]+$"));
        static const QRegularExpression hexRe(QStringLiteral("^0x[0-9a-fA-F]+$"));
        static const QRegularExpression floatRe(
            QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
        static const QRegularExpression infRe(QStringLiteral("^[-+]?\\.(inf|Inf|INF)$"));
        static const QRegularExpression nanRe(QStringLiteral("^\\.(nan|NaN|NAN)$"));

        if (nullRe.match(text).hasMatch())
            return QJsonValue(QJsonValue::Null);
        if (trueRe.match(text).hasMatch())
            return QJsonValue(true);
        if (falseRe.match(text).hasMatch())
            return QJsonValue(false);
        bool ok = false;
        if (intRe.match(text).hasMatch()) {
            const qlonglong v = text.toLongLong(&ok);
            // Beyond 2^53 a double would change the value; keep the digits as text.
            if (ok && std::llabs(v) <= (qlonglong(1) << 53))
                return QJsonValue(double(v));
            return QJsonValue(text);
        }
        if (octRe.match(text).hasMatch()) {
            const qlonglong v = text.mid(2).toLongLong(&ok, 8);
            return ok ? QJsonValue(double(v)) : QJsonValue(text);
        }
        if (hexRe.match(text).hasMatch()) {
            const qlonglong v = text.mid(2).toLongLong(&ok, 16);
            return ok ? QJsonValue(double(v)) : QJsonValue(text);
        }
        if (floatRe.match(text).hasMatch()) {
            const double v = text.toDouble(&ok);
            return ok ? QJsonValue(v) : QJsonValue(text);
        }
        // JSON cannot hold infinities or NaN: keep them as the text the user wrote.
        if (infRe.match(text).hasMatch() || nanRe.match(text).hasMatch())
            return QJsonValue(text);
        return QJsonValue(text);
    }

    struct Converted
    {
        QJsonValue value;
        qsizetype nodes = 0;
    };

    QString m_file;
    qsizetype m_budget;
    YamlDocument *m_document = nullptr;
    QHash<int, Converted> m_converted; // by the collection's byte offset
};

Error fromException(const YAML::Exception &e, const QString &fileName)
{
    const QString msg = QString::fromStdString(e.msg);
    if (e.mark.is_null())
        return Error(msg, fileName);
    return Error(msg, fileName, e.mark.line + 1, e.mark.column + 1);
}

// yaml-cpp accepts bytes that are not UTF-8; refuse them with the position of the first bad byte.
std::optional<Error> checkText(const QByteArray &bytes, const QString &fileName)
{
    int line = 1;
    int column = 1;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int len = 1;
        if (c == 0)
            return Error(QCoreApplication::translate("Yaml", "binary data (a NUL byte) in YAML"),
                         fileName, line, column);
        if (c >= 0x80) {
            if ((c & 0xE0) == 0xC0 && c >= 0xC2)
                len = 2;
            else if ((c & 0xF0) == 0xE0)
                len = 3;
            else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
                len = 4;
            else
                len = 0;
            for (int k = 1; len && k < len; ++k) {
                if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                    len = 0;
            }
            if (!len)
                return Error(QCoreApplication::translate("Yaml", "text is not valid UTF-8"),
                             fileName, line, column);
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return std::nullopt;
}

} // namespace

Result<QList<YamlDocument>> parseYamlDocuments(const QByteArray &bytes, const QString &fileName,
                                               const YamlParseOptions &options)
{
    if (auto bad = checkText(bytes, fileName))
        return *bad;
    QList<YamlDocument> documents;
    try {
        const std::vector<YAML::Node> nodes = YAML::LoadAll(bytes.toStdString());
        Converter converter(fileName, options.maxNodes);
        converter.setSource(&bytes);
        for (const YAML::Node &node : nodes) {
            if (node.IsNull() || !node.IsDefined())
                continue;
            YamlDocument document;
            converter.recordInto(options.recordPositions ? &document : nullptr);
            Result<QJsonValue> value = converter.convert(node);
            if (!value)
                return value.error();
            const YAML::Mark mark = node.Mark();
            document.value = value.value();
            document.line = mark.is_null() ? 1 : mark.line + 1;
            documents.append(std::move(document));
        }
    } catch (const YAML::Exception &e) {
        return fromException(e, fileName);
    }
    return documents;
}

QPair<int, int> YamlDocument::positionOf(const QString &path) const
{
    QString p = path;
    for (;;) {
        const auto node = positions.constFind(p);
        if (node != positions.constEnd() && node->first > 0)
            return *node;
        const auto key = keyPositions.constFind(p);
        if (key != keyPositions.constEnd() && key->first > 0)
            return *key;
        if (p.isEmpty())
            return qMakePair(0, 0);
        p = yamlPathParent(p);
    }
}

QString yamlPathKey(const QString &parent, const QString &key)
{
    bool plain = !key.isEmpty();
    for (const QChar c : key) {
        if (c == QLatin1Char('.') || c == QLatin1Char('[') || c == QLatin1Char(']') ||
            c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            plain = false;
            break;
        }
    }
    if (plain)
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return parent + QLatin1String("[\"") + escaped + QLatin1String("\"]");
}

QString yamlPathIndex(const QString &parent, int index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString yamlPathParent(const QString &path)
{
    // Walk back over the last component, respecting ["..."] with escapes.
    if (path.endsWith(QLatin1Char(']'))) {
        if (path.endsWith(QLatin1String("\"]"))) {
            // Find the opening [" scanning forward so escapes are honoured.
            qsizetype open = -1;
            for (qsizetype i = 0; i + 1 < path.size(); ++i) {
                if (path.at(i) == QLatin1Char('[') && path.at(i + 1) == QLatin1Char('"')) {
                    const qsizetype start = i;
                    i += 2;
                    while (i < path.size() && path.at(i) != QLatin1Char('"')) {
                        if (path.at(i) == QLatin1Char('\\'))
                            ++i;
                        ++i;
                    }
                    // i is at the closing quote; "]" follows.
                    if (i + 2 == path.size())
                        open = start;
                    ++i;
                }
            }
            return open >= 0 ? path.left(open) : QString();
        }
        const qsizetype open = path.lastIndexOf(QLatin1Char('['));
        return open >= 0 ? path.left(open) : QString();
    }
    // A plain key: everything after the last '.' outside brackets; plain keys contain no '.'.
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    const qsizetype bracket = path.lastIndexOf(QLatin1Char(']'));
    if (dot > bracket)
        return path.left(dot);
    return bracket >= 0 ? path.left(bracket + 1) : QString();
}

Result<QJsonValue> parseYamlValue(const QByteArray &bytes, const QString &fileName)
{
    Result<QList<YamlDocument>> docs = parseYamlDocuments(bytes, fileName);
    if (!docs)
        return docs.error();
    if (docs->isEmpty())
        return QJsonValue(QJsonObject());
    if (docs->size() > 1)
        return Error(QCoreApplication::translate("Yaml", "expected one YAML document, found %1")
                         .arg(docs->size()),
                     fileName, docs->at(1).line, 1);
    return docs->first().value;
}

} // namespace Fluxdesk
