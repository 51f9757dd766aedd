#include "secrets/sopsmetadata.h"

#include <QRegularExpression>

namespace Fluxdesk::Sops::Detail {

namespace {

const DocEntry *findEntry(const Document &, const DocNode &map, const char *key)
{
    for (const DocEntry &e : map.entries) {
        if (!e.isComment && e.key == key)
            return &e;
    }
    return nullptr;
}

QByteArray scalarOf(const Document &doc, const DocNode &map, const char *key)
{
    const DocEntry *e = findEntry(doc, map, key);
    if (!e)
        return {};
    const DocNode &n = doc.nodes[size_t(e->node)];
    return n.kind == DocNode::Scalar ? n.text : QByteArray();
}

Error errorAt(const QString &message, const QString &fileName, int line, int column)
{
    return Error(message, fileName, line, column);
}

Result<QList<AgeStanza>> readAgeList(const Document &doc, const DocEntry &entry,
                                     const QString &fileName)
{
    QList<AgeStanza> out;
    const DocNode &list = doc.nodes[size_t(entry.node)];
    if (list.kind == DocNode::Null)
        return out;
    if (list.kind != DocNode::Seq)
        return errorAt(QStringLiteral("sops: age is not a list"), fileName, entry.line,
                       entry.column);
    for (const DocEntry &item : list.entries) {
        if (item.isComment)
            continue;
        const DocNode &m = doc.nodes[size_t(item.node)];
        if (m.kind != DocNode::Map)
            return errorAt(QStringLiteral("sops: an age entry is not a mapping"), fileName,
                           item.line, item.column);
        AgeStanza s;
        s.recipient = QString::fromUtf8(scalarOf(doc, m, "recipient"));
        s.enc = scalarOf(doc, m, "enc");
        if (s.recipient.isEmpty() || s.enc.isEmpty())
            return errorAt(QStringLiteral("sops: an age entry lacks its recipient or enc"),
                           fileName, item.line, item.column);
        out.append(s);
    }
    return out;
}

void appendScalar(QByteArray &out, const char *key, const QByteArray &value, int indent)
{
    out += QByteArray(indent, ' ') + key + ": " + yamlStringScalar(value, false, -1) + '\n';
}

} // namespace

QByteArray rfc3339(const QDateTime &time)
{
    const int offset = time.offsetFromUtc();
    const QDateTime local = time.toOffsetFromUtc(offset);
    QByteArray out = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1();
    if (offset == 0)
        return out + 'Z';
    const int minutes = qAbs(offset) / 60;
    out += offset < 0 ? '-' : '+';
    out += QByteArray::number(minutes / 60).rightJustified(2, '0') + ':' +
           QByteArray::number(minutes % 60).rightJustified(2, '0');
    return out;
}

Result<Rules> effectiveRules(const Rules &rules)
{
    const QList<const QString *> selectors{
        &rules.encryptedRegex,    &rules.unencryptedRegex,      &rules.encryptedSuffix,
        &rules.unencryptedSuffix, &rules.encryptedCommentRegex, &rules.unencryptedCommentRegex};
    int set = 0;
    for (const QString *s : selectors)
        set += s->isEmpty() ? 0 : 1;
    if (set > 1)
        return Error(QStringLiteral(
            "only one of encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, "
            "encrypted_comment_regex and unencrypted_comment_regex may be set"));
    for (const QString *re : {&rules.encryptedRegex, &rules.unencryptedRegex,
                              &rules.encryptedCommentRegex, &rules.unencryptedCommentRegex}) {
        if (!re->isEmpty() && !QRegularExpression(*re).isValid())
            return Error(QStringLiteral("invalid regular expression %1").arg(*re));
    }
    Rules out = rules;
    if (set == 0)
        out.unencryptedSuffix = QStringLiteral("_unencrypted");
    return out;
}

Result<FileMetadata> readFileMetadata(const Document &doc, const QString &fileName)
{
    if (doc.sopsNode < 0)
        return Error(QStringLiteral("not a SOPS file: there is no top-level \"sops\" mapping"),
                     fileName);
    const DocNode &sops = doc.nodes[size_t(doc.sopsNode)];
    if (sops.kind != DocNode::Map)
        return Error(QStringLiteral("the \"sops\" entry is not a mapping"), fileName, doc.sopsLine,
                     1);
    FileMetadata out;
    out.line = doc.sopsLine;
    if (const DocEntry *age = findEntry(doc, sops, "age")) {
        auto list = readAgeList(doc, *age, fileName);
        if (!list)
            return list.error();
        out.age = *list;
    }
    if (const DocEntry *groups = findEntry(doc, sops, "key_groups")) {
        const DocNode &g = doc.nodes[size_t(groups->node)];
        for (const DocEntry &item : g.entries) {
            if (item.isComment || doc.nodes[size_t(item.node)].kind != DocNode::Map)
                continue;
            if (const DocEntry *age = findEntry(doc, doc.nodes[size_t(item.node)], "age")) {
                auto list = readAgeList(doc, *age, fileName);
                if (!list)
                    return list.error();
                out.age += *list;
            }
        }
    }
    for (const AgeStanza &s : out.age)
        out.metadata.recipients.append(s.recipient);

    Rules &r = out.metadata.rules;
    r.encryptedRegex = QString::fromUtf8(scalarOf(doc, sops, "encrypted_regex"));
    r.unencryptedRegex = QString::fromUtf8(scalarOf(doc, sops, "unencrypted_regex"));
    r.encryptedSuffix = QString::fromUtf8(scalarOf(doc, sops, "encrypted_suffix"));
    r.unencryptedSuffix = QString::fromUtf8(scalarOf(doc, sops, "unencrypted_suffix"));
    r.encryptedCommentRegex = QString::fromUtf8(scalarOf(doc, sops, "encrypted_comment_regex"));
    r.unencryptedCommentRegex = QString::fromUtf8(scalarOf(doc, sops, "unencrypted_comment_regex"));
    const QByteArray macOnly = scalarOf(doc, sops, "mac_only_encrypted").toLower();
    r.macOnlyEncrypted = macOnly == "true";
    out.metadata.version = QString::fromUtf8(scalarOf(doc, sops, "version"));
    out.mac = scalarOf(doc, sops, "mac");

    const DocEntry *lm = findEntry(doc, sops, "lastmodified");
    if (!lm)
        return Error(QStringLiteral("the \"sops\" mapping has no lastmodified"), fileName,
                     doc.sopsLine, 1);
    const QByteArray lmText = doc.nodes[size_t(lm->node)].text;
    QDateTime when = QDateTime::fromString(QString::fromLatin1(lmText), Qt::ISODateWithMs);
    if (!when.isValid() || !lmText.contains('T'))
        return Error(QStringLiteral("lastmodified is not an RFC 3339 time: %1")
                         .arg(QString::fromUtf8(lmText)),
                     fileName, lm->line, lm->column);
    out.metadata.lastModified = when;
    out.lastModifiedText = rfc3339(when);
    if (!findEntry(doc, sops, "mac"))
        return Error(QStringLiteral("the \"sops\" mapping has no mac"), fileName, doc.sopsLine, 1);
    auto rules = effectiveRules(r);
    if (!rules)
        return Error(rules.error().message, fileName, doc.sopsLine, 1);
    return out;
}

QByteArray metadataBlock(const QList<AgeStanza> &age, const Rules &rules,
                         const QByteArray &lastModified, const QByteArray &mac)
{
    QByteArray out = "sops:\n";
    if (!age.isEmpty()) {
        out += "    age:\n";
        for (const AgeStanza &s : age) {
            out += "        - enc: |\n";
            QByteArray enc = s.enc;
            if (enc.endsWith('\n'))
                enc.chop(1);
            for (const QByteArray &line : enc.split('\n'))
                out += "            " + line + '\n';
            out += "          recipient: " + s.recipient.toUtf8() + '\n';
        }
    }
    // Sorted by name, as sops 3.13 writes them.
    if (!rules.encryptedCommentRegex.isEmpty())
        appendScalar(out, "encrypted_comment_regex", rules.encryptedCommentRegex.toUtf8(), 4);
    if (!rules.encryptedRegex.isEmpty())
        appendScalar(out, "encrypted_regex", rules.encryptedRegex.toUtf8(), 4);
    if (!rules.encryptedSuffix.isEmpty())
        appendScalar(out, "encrypted_suffix", rules.encryptedSuffix.toUtf8(), 4);
    out += "    lastmodified: \"" + lastModified + "\"\n";
    out += "    mac: " + mac + '\n';
    if (rules.macOnlyEncrypted)
        out += "    mac_only_encrypted: true\n";
    if (!rules.unencryptedCommentRegex.isEmpty())
        appendScalar(out, "unencrypted_comment_regex", rules.unencryptedCommentRegex.toUtf8(), 4);
    if (!rules.unencryptedRegex.isEmpty())
        appendScalar(out, "unencrypted_regex", rules.unencryptedRegex.toUtf8(), 4);
    if (!rules.unencryptedSuffix.isEmpty())
        appendScalar(out, "unencrypted_suffix", rules.unencryptedSuffix.toUtf8(), 4);
    out += QByteArrayLiteral("    version: ") + kSopsVersion + '\n';
    return out;
}

} // namespace Fluxdesk::Sops::Detail
