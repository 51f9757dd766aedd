#include "kustomizationfile.h"

#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"
#include "repo/atomicfile.h"
#include "repo/repopath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QList>
#include <QSet>

#include <algorithm>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KustomizationFile", text);
}

const QLatin1String resourcesKey("resources");

QString cleaned(const QString &entry)
{
    return QDir::cleanPath(entry);
}

QByteArray scalar(const QString &entry)
{
    if (isPlainSafe(entry))
        return entry.toUtf8();
    return toYaml(QJsonValue(entry)).trimmed().toUtf8();
}

bool isTrailingFiller(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#') || t == "---" || t == "...";
}

} // namespace

QString kustomizationPathIn(const QString &folder,
                            const std::function<bool(const QString &path)> &exists)
{
    const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
    const QStringList names = kustomizationFileNames();
    for (const QString &name : names) {
        if (exists(prefix + name))
            return prefix + name;
    }
    return prefix + names.first();
}

QString kustomizationPathOnDisk(const QString &folder)
{
    return kustomizationPathIn(folder, [](const QString &path) {
        const QFileInfo info(path);
        // The exact name: on a case-insensitive file system "Kustomization" would also find
        // "kustomization.yaml", which the first look finds anyway.
        return (info.exists() || info.isSymLink()) &&
               QDir(info.absolutePath())
                   .entryList(QDir::AllEntries | QDir::Hidden | QDir::System)
                   .contains(info.fileName());
    });
}

QStringList kustomizationResources(const QByteArray &text, const QString &path)
{
    QStringList names;
    const Result<QJsonValue> value = parseYamlValue(text, path);
    if (!value)
        return names;
    const QJsonArray resources = value->toObject().value(resourcesKey).toArray();
    for (const QJsonValue &entry : resources)
        names.append(cleaned(entry.toString()));
    return names;
}

KustomizationFile KustomizationFile::create(const QString &path)
{
    KustomizationFile file;
    file.m_path = path;
    file.m_object = QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("kustomize.config.k8s.io/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("Kustomization")}};
    return file;
}

Result<KustomizationFile> KustomizationFile::parse(const QByteArray &text, const QString &path)
{
    YamlParseOptions options;
    options.recordPositions = true;
    const Result<QList<YamlDocument>> docs = parseYamlDocuments(text, path, options);
    if (!docs)
        return docs.error();
    if (docs->size() > 1)
        return Error(
            tr("a kustomization holds one YAML document, this file has %1").arg(docs->size()), path,
            docs->at(1).line, 1);
    KustomizationFile file;
    file.m_path = path;
    file.m_existed = true;
    file.m_text = text;
    if (docs->isEmpty() || docs->first().value.isNull())
        return file;
    const YamlDocument &doc = docs->first();
    if (!doc.value.isObject())
        return Error(tr("a kustomization must be a map of fields"), path, doc.line, 1);
    file.m_object = doc.value.toObject();
    const QJsonValue resources = file.m_object.value(resourcesKey);
    if (resources.isUndefined() || resources.isNull())
        return file;
    const QPair<int, int> at = doc.positionOf(resourcesKey);
    if (!resources.isArray())
        return Error(tr("`resources` must be a list of paths"), path, at.first, at.second);
    const QJsonArray list = resources.toArray();
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isString()) {
            const QPair<int, int> item = doc.positionOf(yamlPathIndex(resourcesKey, i));
            return Error(tr("`resources` must be a list of paths"), path, item.first, item.second);
        }
        file.m_resources.append(list.at(i).toString());
        file.m_resourceLines.append(doc.positionOf(yamlPathIndex(resourcesKey, i)).first);
    }
    file.m_readResources = file.m_resources;
    return file;
}

Result<KustomizationFile> KustomizationFile::read(const QString &folder)
{
    const QString path = kustomizationPathOnDisk(folder);
    if (!QFileInfo::exists(path))
        return create(path);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error(tr("cannot read: %1").arg(in.errorString()), path);
    return parse(in.readAll(), path);
}

QJsonObject KustomizationFile::object() const
{
    QJsonObject out = m_object;
    if (out.contains(resourcesKey) || !m_resources.isEmpty())
        out.insert(resourcesKey, QJsonArray::fromStringList(m_resources));
    return out;
}

bool KustomizationFile::lists(const QString &entry) const
{
    const QString wanted = cleaned(entry);
    return std::any_of(m_resources.cbegin(), m_resources.cend(),
                       [&](const QString &listed) { return cleaned(listed) == wanted; });
}

void KustomizationFile::addResources(const QStringList &entries)
{
    const bool sorted = std::is_sorted(m_resources.cbegin(), m_resources.cend());
    // A set of what is listed: a split adds thousands of entries, each checked against all.
    QSet<QString> listed;
    listed.reserve(m_resources.size() + entries.size());
    for (const QString &entry : std::as_const(m_resources))
        listed.insert(cleaned(entry));
    bool added = false;
    for (const QString &entry : entries) {
        if (entry.isEmpty() || listed.contains(cleaned(entry)))
            continue;
        listed.insert(cleaned(entry));
        m_resources.append(entry);
        added = true;
    }
    if (!added)
        return;
    if (sorted)
        std::sort(m_resources.begin(), m_resources.end());
    m_changed = true;
}

void KustomizationFile::appendResources(const QStringList &entries)
{
    QSet<QString> listed;
    for (const QString &entry : std::as_const(m_resources))
        listed.insert(cleaned(entry));
    for (const QString &entry : entries) {
        if (entry.isEmpty() || listed.contains(cleaned(entry)))
            continue;
        listed.insert(cleaned(entry));
        m_resources.append(entry);
        m_changed = true;
    }
}

void KustomizationFile::removeResources(const QStringList &entries)
{
    QSet<QString> wanted;
    for (const QString &entry : entries)
        wanted.insert(cleaned(entry));
    const qsizetype before = m_resources.size();
    QStringList kept;
    for (const QString &listed : std::as_const(m_resources)) {
        if (!wanted.contains(cleaned(listed)))
            kept.append(listed);
    }
    m_resources = kept;
    m_changed = m_changed || m_resources.size() != before;
}

QByteArray KustomizationFile::text() const
{
    if (!m_existed)
        return toYaml(object()).toUtf8();
    if (!m_changed)
        return m_text;
    // The `resources` block rewritten in place keeps the user's comments and layout, but not
    // every text survives a splice (a value on the line below its key and not indented, a block
    // scalar ending the file without a newline): what does not read back as exactly the fields
    // meant is written whole instead (found by fuzzing).
    // Only additions: the new lines inserted, every line as read kept (comments on entries too).
    const QByteArray inserted = insertedText();
    if (!inserted.isEmpty()) {
        const Result<KustomizationFile> back = parse(inserted, m_path);
        if (back && back->object() == object())
            return inserted;
    }
    const QByteArray spliced = splicedText();
    const Result<KustomizationFile> back = parse(spliced, m_path);
    if (back && back->object() == object())
        return spliced;
    return toYaml(object()).toUtf8();
}

QByteArray KustomizationFile::splicedText() const
{

    // Where the `resources` block sits: its key's line up to the next top-level key (the
    // comments and blank lines before that key stay with it).
    YamlParseOptions options;
    options.recordPositions = true;
    const Result<QList<YamlDocument>> docs = parseYamlDocuments(m_text, m_path, options);
    if (!docs || docs->size() > 1)
        return toYaml(object()).toUtf8(); // parse() refused those: not reached
    QList<QByteArray> lines = m_text.split('\n');
    const bool endsWithNewline = m_text.endsWith('\n');
    if (endsWithNewline || m_text.trimmed().isEmpty())
        lines.removeLast();

    QByteArray block = "resources:";
    QByteArray indent;
    int keyLine = 0; // 1-based; 0 when there is no `resources` key
    int endLine = 0; // 1-based, exclusive
    bool byLines = true;
    if (!docs->isEmpty()) {
        const YamlDocument &doc = docs->first();
        const auto key = doc.keyPositions.constFind(resourcesKey);
        if (key != doc.keyPositions.constEnd()) {
            keyLine = key->first;
            block.prepend(QByteArray(std::max(0, key->second - 1), ' '));
            endLine = int(lines.size()) + 1;
            for (auto it = doc.keyPositions.cbegin(); it != doc.keyPositions.cend(); ++it) {
                if (it.key() == resourcesKey || !yamlPathParent(it.key()).isEmpty())
                    continue;
                if (it->first == keyLine)
                    byLines = false; // a flow map on one line: written whole below
                else if (it->first > keyLine)
                    endLine = std::min(endLine, it->first);
            }
            while (endLine - 1 > keyLine && isTrailingFiller(lines.value(endLine - 2)))
                --endLine;
            const QPair<int, int> first =
                doc.positions.value(yamlPathIndex(resourcesKey, 0), qMakePair(0, 0));
            if (first.first > keyLine) {
                const QByteArray line = lines.value(first.first - 1);
                const qsizetype dash = line.indexOf('-');
                if (dash >= 0 && line.left(dash).trimmed().isEmpty())
                    indent = line.left(dash);
            }
        }
    }
    if (!byLines || keyLine > lines.size())
        return toYaml(object()).toUtf8();

    if (m_resources.isEmpty()) {
        block += " []";
    } else {
        for (const QString &entry : m_resources)
            block += '\n' + indent + "- " + scalar(entry);
    }
    const QList<QByteArray> blockLines = block.split('\n');
    if (keyLine == 0) {
        lines += blockLines;
    } else {
        lines = lines.mid(0, keyLine - 1) + blockLines + lines.mid(endLine - 1);
    }
    QByteArray out;
    for (const QByteArray &line : std::as_const(lines))
        out += line + '\n';
    return out;
}

QByteArray KustomizationFile::insertedText() const
{
    if (m_readResources.isEmpty() || m_resourceLines.size() != m_readResources.size())
        return {};
    const QList<QByteArray> read = m_text.split('\n');
    // Each listed entry on a line of its own, in block style ("  - name"), in order.
    QByteArray indent;
    for (qsizetype i = 0; i < m_resourceLines.size(); ++i) {
        const int line = m_resourceLines.at(i);
        if (line < 1 || line > read.size() || (i > 0 && line <= m_resourceLines.at(i - 1)))
            return {};
        const QByteArray text = read.at(line - 1);
        const qsizetype dash = text.indexOf('-');
        if (dash < 0 || !text.left(dash).trimmed().isEmpty() || text.mid(dash + 1, 1) != " ")
            return {};
        if (i == 0)
            indent = text.left(dash);
    }
    // The entries as read, in order, among the new ones: new ones go before the next one read.
    QList<QPair<int, QByteArray>> insertions; // before 0-based line index
    qsizetype next = 0;
    QList<QByteArray> pending;
    for (const QString &entry : m_resources) {
        if (next < m_readResources.size() && entry == m_readResources.at(next)) {
            for (const QByteArray &line : std::as_const(pending))
                insertions.append({m_resourceLines.at(next) - 1, line});
            pending.clear();
            ++next;
            continue;
        }
        pending.append(indent + "- " + scalar(entry));
    }
    if (next != m_readResources.size())
        return {}; // an entry went or moved
    for (const QByteArray &line : std::as_const(pending))
        insertions.append({m_resourceLines.constLast(), line});
    const QList<QByteArray> &lines = read;
    QList<QByteArray> out;
    qsizetype from = 0;
    for (const auto &insertion : std::as_const(insertions)) {
        for (; from < insertion.first; ++from)
            out.append(lines.at(from));
        out.append(insertion.second);
    }
    for (; from < lines.size(); ++from)
        out.append(lines.at(from));
    QByteArray result;
    for (qsizetype i = 0; i < out.size(); ++i) {
        result += out.at(i);
        if (i + 1 < out.size())
            result += '\n';
    }
    return result;
}

Result<bool> KustomizationFile::write() const
{
    return replaceFile(m_path, text());
}

} // namespace Fluxdesk
