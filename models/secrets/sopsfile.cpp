#include "secrets/sopsfile.h"

#include "secrets/sopsdatakey.h"
#include "secrets/sopsdocument.h"
#include "secrets/sopsmetadata.h"
#include "secrets/sopsvalue.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>

#include <functional>
#include <vector>

namespace Fluxdesk::Sops {

using namespace Detail;

namespace {

// Bytes that start a MAC computed over encrypted values only (sops's constant), so that it
// never equals a MAC over every value.
const unsigned char kMacOnlyEncryptedInit[32] = {
    0x8a, 0x3f, 0xd2, 0xad, 0x54, 0xce, 0x66, 0x52, 0x7b, 0x10, 0x34, 0xf3, 0xd1, 0x47, 0xbe, 0x0b,
    0x0b, 0x97, 0x5b, 0x3b, 0xf4, 0x4f, 0x72, 0xc6, 0xfd, 0xad, 0xec, 0x81, 0x76, 0xf2, 0x7d, 0x69};

using Path = QList<QByteArray>;
using CommentStack = std::vector<QList<QByteArray>>;

class RuleMatcher
{
public:
    explicit RuleMatcher(const Rules &rules)
        : m_rules(rules), m_encRe(rules.encryptedRegex), m_unencRe(rules.unencryptedRegex),
          m_encCommentRe(rules.encryptedCommentRegex),
          m_unencCommentRe(rules.unencryptedCommentRegex)
    {}

    // sops's decision, path by path and comment by comment.
    bool shouldEncrypt(const Path &path, const CommentStack &stack, bool isComment) const
    {
        bool encrypted = true;
        const auto anyKey = [&](const std::function<bool(const QString &)> &pred) {
            for (const QByteArray &k : path) {
                if (pred(QString::fromUtf8(k)))
                    return true;
            }
            return false;
        };
        if (!m_rules.unencryptedSuffix.isEmpty() &&
            anyKey([&](const QString &k) { return k.endsWith(m_rules.unencryptedSuffix); }))
            encrypted = false;
        if (!m_rules.encryptedSuffix.isEmpty())
            encrypted =
                anyKey([&](const QString &k) { return k.endsWith(m_rules.encryptedSuffix); });
        if (!m_rules.unencryptedRegex.isEmpty() &&
            anyKey([&](const QString &k) { return m_unencRe.match(k).hasMatch(); }))
            encrypted = false;
        if (!m_rules.encryptedRegex.isEmpty())
            encrypted = anyKey([&](const QString &k) { return m_encRe.match(k).hasMatch(); });
        if (!m_rules.unencryptedCommentRegex.isEmpty()) {
            for (const auto &level : stack) {
                for (const QByteArray &c : level) {
                    if (m_unencCommentRe.match(QString::fromUtf8(c)).hasMatch())
                        encrypted = false;
                }
            }
        }
        if (!m_rules.encryptedCommentRegex.isEmpty()) {
            encrypted = false;
            for (size_t i = 0; i < stack.size() && !encrypted; ++i) {
                for (qsizetype j = 0; j < stack[i].size(); ++j) {
                    // The comment that matches is not itself encrypted.
                    if (isComment && i == stack.size() - 1 && j == stack[i].size() - 1)
                        continue;
                    if (m_encCommentRe.match(QString::fromUtf8(stack[i].at(j))).hasMatch()) {
                        encrypted = true;
                        break;
                    }
                }
            }
        }
        return encrypted;
    }

private:
    Rules m_rules;
    QRegularExpression m_encRe;
    QRegularExpression m_unencRe;
    QRegularExpression m_encCommentRe;
    QRegularExpression m_unencCommentRe;
};

// Visits scalars and comments in the order sops walks its tree, with the path of keys and the
// stack of comments sops keeps. A visitor returning an error stops the walk.
using Visitor = std::function<std::optional<Error>(const DocNode *scalar, const DocEntry *comment,
                                                   const Path &path, const CommentStack &stack)>;

std::optional<Error> walk(const Document &doc, int nodeIndex, Path &path, CommentStack &stack,
                          const Visitor &visit, bool top)
{
    const DocNode &node = doc.nodes[size_t(nodeIndex)];
    if (node.kind == DocNode::Null)
        return std::nullopt;
    if (node.kind == DocNode::Scalar)
        return visit(&node, nullptr, path, stack);
    stack.emplace_back();
    for (const DocEntry &e : node.entries) {
        if (e.isComment) {
            stack.back().append(e.comment);
            if (auto err = visit(nullptr, &e, path, stack))
                return err;
            continue;
        }
        if (top && e.node == doc.sopsNode)
            continue;
        const bool isMap = node.kind == DocNode::Map;
        if (isMap)
            path.append(e.key);
        auto err = walk(doc, e.node, path, stack, visit, false);
        if (isMap)
            path.removeLast();
        if (err)
            return err;
        stack.back().clear();
    }
    stack.pop_back();
    return std::nullopt;
}

std::optional<Error> walkDocument(const Document &doc, const Visitor &visit)
{
    Path path;
    CommentStack stack;
    return walk(doc, 0, path, stack, visit, true);
}

// sops joins the keys with ":" and adds one more (so a top-level comment has ":").
QByteArray additionalData(const Path &path)
{
    QByteArray out;
    for (const QByteArray &k : path)
        out += k + ':';
    return path.isEmpty() ? QByteArrayLiteral(":") : out;
}

bool restOfLineEmpty(const QByteArray &text, qsizetype from)
{
    for (qsizetype i = from; i < text.size() && text.at(i) != '\n'; ++i) {
        if (text.at(i) != ' ' && text.at(i) != '\t' && text.at(i) != '\r')
            return false;
    }
    return true;
}

// The indentation a block scalar's lines need on this node's line: past any "- " indicators.
int blockIndent(const QByteArray &text, qsizetype begin)
{
    qsizetype ls = begin > 0 ? text.lastIndexOf('\n', begin - 1) + 1 : 0;
    qsizetype i = ls;
    while (i < begin && text.at(i) == ' ')
        ++i;
    while (i + 1 < begin && text.at(i) == '-' && text.at(i + 1) == ' ') {
        i += 2;
        while (i < begin && text.at(i) == ' ')
            ++i;
    }
    return int(i - ls);
}

QString joinPath(const Path &path)
{
    QStringList parts;
    for (const QByteArray &k : path)
        parts.append(QString::fromUtf8(k));
    return parts.join(QLatin1Char(':'));
}

struct StashKey
{
    static QByteArray make(const QByteArray &aad, const QByteArray &type, const QByteArray &plain)
    {
        return aad + '\0' + type + '\0' + plain;
    }
};

struct Decrypted
{
    std::vector<Edit> edits;
    QByteArray mac;                      // computed, upper-case hex
    QHash<QByteArray, QByteArray> stash; // value (path, type, plaintext) -> iv
};

Result<Age::SecretBytes> openDataKey(const FileMetadata &meta,
                                     const QList<Age::Identity> &identities,
                                     const QString &fileName)
{
    if (meta.age.isEmpty())
        return Error(QStringLiteral("the file has no age recipients (other key types are not "
                                    "supported)"),
                     fileName, meta.line, 1);
    for (const AgeStanza &s : meta.age) {
        auto key = Age::decrypt(s.enc, identities);
        if (key && key->bytes().size() == 32)
            return *key;
    }
    return Error(QStringLiteral("no age identity matches the recipients %1")
                     .arg(meta.metadata.recipients.join(QStringLiteral(", "))),
                 fileName, meta.line, 1);
}

QByteArray clearScalar(const QByteArray &plain, ValueType type, const DocNode &node,
                       const QByteArray &text)
{
    switch (type) {
    case ValueType::Int:
        return plain;
    case ValueType::Float:
        if (plain == "+Inf")
            return QByteArrayLiteral(".inf");
        if (plain == "-Inf")
            return QByteArrayLiteral("-.inf");
        if (plain == "NaN")
            return QByteArrayLiteral(".nan");
        // 1000 read back would be an int; the value was a float.
        if (!plain.contains('.') && !plain.contains('e') && !plain.contains('E'))
            return plain + ".0";
        return plain;
    case ValueType::Bool:
        return plain == "True" ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    default:
        break;
    }
    const bool literal = !node.flow && restOfLineEmpty(text, node.end);
    return yamlStringScalar(plain, node.flow, literal ? blockIndent(text, node.begin) : -1);
}

// Normalizes a decrypted value as sops does when it parses it back (Atoi, ParseFloat,
// ParseBool); an error when it does not parse as its type.
std::optional<QByteArray> normalize(const QByteArray &plain, ValueType type)
{
    switch (type) {
    case ValueType::Int: {
        bool ok = false;
        const qlonglong v = plain.toLongLong(&ok);
        return ok ? std::optional<QByteArray>(QByteArray::number(v)) : std::nullopt;
    }
    case ValueType::Float: {
        if (plain == "+Inf" || plain == "-Inf" || plain == "NaN")
            return plain;
        bool ok = false;
        plain.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        auto typed = resolvePlainScalar(plain);
        return typed && typed->type == ValueType::Float ? typed->bytes : plain;
    }
    case ValueType::Bool: {
        static const QList<QByteArray> t{"1", "t", "T", "TRUE", "true", "True"};
        static const QList<QByteArray> f{"0", "f", "F", "FALSE", "false", "False"};
        if (t.contains(plain))
            return QByteArrayLiteral("True");
        if (f.contains(plain))
            return QByteArrayLiteral("False");
        return std::nullopt;
    }
    default:
        return plain;
    }
}

Result<Decrypted> decryptTree(const Document &doc, const FileMetadata &meta, const QByteArray &key,
                              const QString &fileName)
{
    auto rules = effectiveRules(meta.metadata.rules);
    if (!rules)
        return Error(rules.error().message, fileName, meta.line, 1);
    const RuleMatcher matcher(*rules);
    QCryptographicHash hash(QCryptographicHash::Sha512);
    if (rules->macOnlyEncrypted)
        hash.addData(QByteArray::fromRawData(reinterpret_cast<const char *>(kMacOnlyEncryptedInit),
                                             sizeof kMacOnlyEncryptedInit));
    Decrypted out;
    const auto visit = [&](const DocNode *scalar, const DocEntry *comment, const Path &path,
                           const CommentStack &stack) -> std::optional<Error> {
        const bool encrypted = matcher.shouldEncrypt(path, stack, comment != nullptr);
        const QByteArray aad = additionalData(path);
        if (comment) {
            if (!encrypted || !looksEncrypted(comment->comment))
                return std::nullopt;
            // As sops: a comment that does not decrypt is left as it is.
            const auto enc = parseEncValue(comment->comment);
            if (!enc)
                return std::nullopt;
            auto plain = decryptValue(*enc, key, aad);
            if (!plain)
                return std::nullopt;
            out.stash.insert(StashKey::make(aad, enc->type, *plain), enc->iv);
            out.edits.push_back(Edit{comment->begin, comment->end, '#' + *plain});
            return std::nullopt;
        }
        QByteArray macBytes = scalar->value.bytes;
        if (encrypted) {
            if (scalar->value.type != ValueType::Str)
                return Error(QStringLiteral("the value at %1 should be encrypted but is not")
                                 .arg(joinPath(path)),
                             fileName, scalar->line, scalar->column);
            if (!scalar->text.isEmpty()) {
                const auto enc = parseEncValue(scalar->text);
                if (!enc)
                    return Error(QStringLiteral("malformed encrypted value at %1 (expected "
                                                "ENC[AES256_GCM,data:…,iv:…,tag:…,type:…])")
                                     .arg(joinPath(path)),
                                 fileName, scalar->line, scalar->column);
                const auto type = typeFromName(enc->type);
                if (!type || *type == ValueType::Comment)
                    return Error(QStringLiteral("unknown value type %1 at %2")
                                     .arg(QString::fromUtf8(enc->type), joinPath(path)),
                                 fileName, scalar->line, scalar->column);
                auto plain = decryptValue(*enc, key, aad);
                if (!plain)
                    return Error(QStringLiteral("the value at %1 does not decrypt: it was changed "
                                                "or moved after it was encrypted")
                                     .arg(joinPath(path)),
                                 fileName, scalar->line, scalar->column);
                const auto normal = normalize(*plain, *type);
                if (!normal)
                    return Error(QStringLiteral("the value at %1 is not a valid %2")
                                     .arg(joinPath(path), QString::fromUtf8(enc->type)),
                                 fileName, scalar->line, scalar->column);
                out.stash.insert(StashKey::make(aad, enc->type, *plain), enc->iv);
                out.edits.push_back(Edit{scalar->begin, scalar->end,
                                         clearScalar(*plain, *type, *scalar, doc.text)});
                macBytes = *normal;
            }
        }
        if (!rules->macOnlyEncrypted || encrypted)
            hash.addData(macBytes);
        return std::nullopt;
    };
    if (auto err = walkDocument(doc, visit))
        return *err;
    out.mac = hash.result().toHex().toUpper();
    return out;
}

Result<Document> parseEncrypted(const QByteArray &yaml, const QString &fileName)
{
    auto doc = parseDocument(yaml, fileName);
    if (!doc)
        return doc.error();
    if (doc->sopsNode < 0)
        return Error(QStringLiteral("not a SOPS file: there is no top-level \"sops\" mapping"),
                     fileName);
    return doc;
}

// A SOPS file read: its document and its sops block.
struct Opened
{
    Document doc;
    FileMetadata meta;
};

Result<Opened> openEncrypted(const QByteArray &yaml, const QString &fileName)
{
    auto doc = parseEncrypted(yaml, fileName);
    if (!doc)
        return doc.error();
    auto meta = readFileMetadata(*doc, fileName);
    if (!meta)
        return meta.error();
    return Opened{std::move(*doc), std::move(*meta)};
}

} // namespace

bool isEncrypted(const QByteArray &yaml)
{
    static const QRegularExpression sopsKey(
        QStringLiteral("(^|\\n)sops:[ \\t]*(#[^\\n]*)?\\r?\\n"));
    const auto m = sopsKey.match(QString::fromUtf8(yaml));
    if (!m.hasMatch())
        return false;
    static const QRegularExpression macKey(QStringLiteral("^[ \\t]+mac:"),
                                           QRegularExpression::MultilineOption);
    const QString rest = QString::fromUtf8(yaml.mid(m.capturedEnd()));
    // The mac line must be inside the block, before the next top-level key.
    static const QRegularExpression nextTop(QStringLiteral("\\n[^ \\t#\\r\\n]"));
    const auto next = nextTop.match(rest);
    const QString block = next.hasMatch() ? rest.left(next.capturedStart()) : rest;
    return macKey.match(block).hasMatch();
}

Result<Metadata> readMetadata(const QByteArray &yaml, const QString &fileName)
{
    auto opened = openEncrypted(yaml, fileName);
    if (!opened)
        return opened.error();
    return opened->meta.metadata;
}

namespace {

Result<Age::SecretBytes> decryptOpened(const Document &doc, const FileMetadata &meta,
                                       const QByteArray &key, bool verifyMac,
                                       const QString &fileName)
{
    auto tree = decryptTree(doc, meta, key, fileName);
    if (!tree)
        return tree.error();
    if (verifyMac) {
        const Error macError(QStringLiteral("the file was changed after it was encrypted (MAC "
                                            "mismatch)"),
                             fileName, meta.line, 1);
        const auto enc = parseEncValue(meta.mac);
        if (!enc)
            return macError;
        auto stored = decryptValue(*enc, key, meta.lastModifiedText);
        if (!stored || *stored != tree->mac)
            return macError;
    }
    tree->edits.push_back(Edit{doc.sopsBegin, doc.sopsEnd, {}});
    return Age::SecretBytes(applyEdits(doc.text, tree->edits));
}

} // namespace

Result<Age::SecretBytes> Detail::decryptWithDataKey(const QByteArray &encryptedYaml,
                                                    const QByteArray &dataKey, bool verifyMac,
                                                    const QString &fileName)
{
    auto opened = openEncrypted(encryptedYaml, fileName);
    if (!opened)
        return opened.error();
    return decryptOpened(opened->doc, opened->meta, dataKey, verifyMac, fileName);
}

Result<Age::SecretBytes> decrypt(const QByteArray &encryptedYaml, const DecryptOptions &options,
                                 const QString &fileName)
{
    auto opened = openEncrypted(encryptedYaml, fileName);
    if (!opened)
        return opened.error();
    auto key = openDataKey(opened->meta, options.identities, fileName);
    if (!key)
        return key.error();
    return decryptOpened(opened->doc, opened->meta, key->bytes(), options.verifyMac, fileName);
}

Result<QByteArray> encrypt(const QByteArray &plainYaml, const EncryptOptions &options,
                           const QString &fileName)
{
    if (options.recipients.isEmpty())
        return Error(QStringLiteral("no age recipient to encrypt for"), fileName);
    for (const QString &r : options.recipients) {
        if (!Age::isRecipient(r))
            return Error(QStringLiteral("%1 is not an age recipient").arg(r), fileName);
    }
    auto rules = effectiveRules(options.rules);
    if (!rules)
        return Error(rules.error().message, fileName);
    auto doc = parseDocument(plainYaml, fileName);
    if (!doc)
        return doc.error();
    if (doc->sopsNode >= 0)
        return Error(QStringLiteral("the document already has a top-level \"sops\" key"), fileName,
                     doc->sopsLine, 1);

    Age::SecretBytes dataKey;
    QHash<QByteArray, QByteArray> stash;
    QHash<QString, QByteArray> previousEnc;
    if (!options.previous.isEmpty()) {
        auto prev = openEncrypted(options.previous, fileName);
        if (!prev)
            return prev.error();
        const FileMetadata *meta = &prev->meta;
        auto key = openDataKey(*meta, options.identities, fileName);
        if (!key)
            return key.error();
        auto tree = decryptTree(prev->doc, *meta, key->bytes(), fileName);
        if (!tree)
            return tree.error();
        dataKey = *key;
        stash = tree->stash;
        for (const AgeStanza &s : meta->age)
            previousEnc.insert(s.recipient, s.enc);
    } else {
        dataKey = Age::SecretBytes(randomBytes(32));
    }
    const QByteArray &key = dataKey.bytes();

    const RuleMatcher matcher(*rules);
    QCryptographicHash hash(QCryptographicHash::Sha512);
    if (rules->macOnlyEncrypted)
        hash.addData(QByteArray::fromRawData(reinterpret_cast<const char *>(kMacOnlyEncryptedInit),
                                             sizeof kMacOnlyEncryptedInit));
    std::vector<Edit> edits;
    const auto visit = [&](const DocNode *scalar, const DocEntry *comment, const Path &path,
                           const CommentStack &stack) -> std::optional<Error> {
        const bool encrypted = matcher.shouldEncrypt(path, stack, comment != nullptr);
        const QByteArray aad = additionalData(path);
        if (comment) {
            if (!encrypted || comment->comment.isEmpty())
                return std::nullopt;
            const QByteArray type = typeName(ValueType::Comment);
            auto enc = encryptValue(comment->comment, ValueType::Comment, key, aad,
                                    stash.value(StashKey::make(aad, type, comment->comment)));
            if (!enc)
                return Error(enc.error().message, fileName, comment->line, comment->column);
            edits.push_back(Edit{comment->begin, comment->end, '#' + formatEncValue(*enc)});
            return std::nullopt;
        }
        if (!rules->macOnlyEncrypted || encrypted)
            hash.addData(scalar->value.bytes);
        if (!encrypted || (scalar->value.type == ValueType::Str && scalar->value.bytes.isEmpty()))
            return std::nullopt;
        const QByteArray type = typeName(scalar->value.type);
        auto enc = encryptValue(scalar->value.bytes, scalar->value.type, key, aad,
                                stash.value(StashKey::make(aad, type, scalar->value.bytes)));
        if (!enc)
            return Error(enc.error().message, fileName, scalar->line, scalar->column);
        const QByteArray text = formatEncValue(*enc);
        edits.push_back(Edit{scalar->begin, scalar->end, scalar->flow ? doubleQuoted(text) : text});
        return std::nullopt;
    };
    if (auto err = walkDocument(*doc, visit))
        return *err;

    const QDateTime now =
        (options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc()).toUTC();
    const QByteArray lastModified = rfc3339(now);
    auto mac = encryptValue(hash.result().toHex().toUpper(), ValueType::Str, key, lastModified);
    if (!mac)
        return Error(mac.error().message, fileName);

    QList<AgeStanza> age;
    for (const QString &r : options.recipients) {
        QByteArray enc = previousEnc.value(r);
        if (enc.isEmpty()) {
            auto wrapped = Age::encrypt(key, QStringList{r}, true);
            if (!wrapped)
                return Error(wrapped.error().message, fileName);
            enc = *wrapped;
        }
        age.append(AgeStanza{r, enc});
    }

    QByteArray out = applyEdits(doc->text, edits);
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += '\n';
    out += metadataBlock(age, *rules, lastModified, formatEncValue(*mac));
    return out;
}

} // namespace Fluxdesk::Sops
