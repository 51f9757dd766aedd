#include "cleaner.h"

#include "manifest/manifeststream.h"
#include "manifest/parallel.h"
#include "manifest/yamljson.h"
#include "manifest/yamlslices.h"
#include "manifest/yamlwriter.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <atomic>
#include <optional>
#include <vector>

// Cleaning a YAML text (a file, an export): cut into slices cleaned in parallel when it is large,
// each object cleaned by cleanObject(), the findings kept in the order of the text.

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CleanRules", text);
}

} // namespace

bool isSecret(const QJsonObject &object)
{
    // Without an apiVersion it is still taken for one: leaving out too much is the safe side.
    if (object.value(QLatin1String("kind")).toString() != QLatin1String("Secret"))
        return false;
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    return apiVersion.isEmpty() || apiVersion == QLatin1String("v1");
}

QString namespacedName(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QString name = metadata.value(QLatin1String("name")).toString();
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
}

bool mentionsPersistentVolume(const QByteArray &yaml)
{
    static const QByteArray word("PersistentVolume");
    for (qsizetype at = yaml.indexOf(word); at >= 0; at = yaml.indexOf(word, at + word.size())) {
        if (yaml.mid(at + word.size(), 5) != "Claim")
            return true;
    }
    return false;
}

bool yamlHasComments(const QByteArray &yaml)
{
    // Most exports have no '#' at all.
    if (!yaml.contains('#'))
        return false;
    // A small scanner: '#' starts a comment at a line's start or after whitespace, outside quoted
    // scalars and block scalars ("|", ">"). yaml-cpp keeps no comments, so this is all we know.
    const char *p = yaml.constData();
    const qsizetype n = yaml.size();
    qsizetype i = 0;
    int blockIndent = -1; // inside a block scalar: lines indented more than this belong to it
    char quote = 0;       // an open quoted scalar continuing across lines
    while (i < n) {
        qsizetype end = i;
        while (end < n && p[end] != '\n')
            ++end;
        int indent = 0;
        while (i + indent < end && p[i + indent] == ' ')
            ++indent;
        const bool blank = i + indent == end || p[i + indent] == '\r';
        if (blockIndent >= 0 && quote == 0) {
            if (blank || indent > blockIndent) {
                i = end + 1;
                continue;
            }
            blockIndent = -1;
        }
        char prev = ' ';
        char lastSignificant = 0;
        for (qsizetype k = i + indent; k < end; ++k) {
            const char c = p[k];
            if (quote) {
                if (quote == '"' && c == '\\') {
                    ++k;
                } else if (c == quote) {
                    if (quote == '\'' && k + 1 < end && p[k + 1] == '\'')
                        ++k;
                    else
                        quote = 0;
                }
                prev = c;
                continue;
            }
            if (c == '#' && (prev == ' ' || prev == '\t' || k == i + indent))
                return true;
            if ((c == '"' || c == '\'') &&
                (prev == ' ' || prev == '-' || prev == ':' || prev == '[' || prev == '{' ||
                 prev == ',' || k == i + indent))
                quote = c;
            if (c != ' ' && c != '\t' && c != '\r')
                lastSignificant = c;
            prev = c;
        }
        // "key: |", "- >-", "key: |2" open a block scalar.
        if (!quote && lastSignificant) {
            qsizetype k = end;
            while (k > i && (p[k - 1] == ' ' || p[k - 1] == '\r' || p[k - 1] == '\t'))
                --k;
            qsizetype s = k;
            while (s > i &&
                   (p[s - 1] == '-' || p[s - 1] == '+' || (p[s - 1] >= '0' && p[s - 1] <= '9')))
                --s;
            if (s > i && (p[s - 1] == '|' || p[s - 1] == '>') &&
                (s - 1 == i + indent || p[s - 2] == ' '))
                blockIndent = indent;
        }
        i = end + 1;
    }
    return false;
}

CleanPartFindings CleanPartFindings::of(const QByteArray &part)
{
    CleanPartFindings findings;
    findings.lines = part.count('\n');
    findings.hadComments = yamlHasComments(part);
    return findings;
}

void CleanFindingsInOrder::append(CleanPartFindings &part)
{
    for (Problem &p : part.problems) {
        p.line += int(m_lineOffset);
        m_problems.append(std::move(p));
    }
    m_lineOffset += part.lines;
    m_hadComments = m_hadComments || part.hadComments;
    m_skippedSecrets.append(std::move(part.skippedSecrets));
    part = CleanPartFindings();
}

namespace {

// The manifests of a document, a List's items unwrapped (a typed list's with its apiVersion and
// kind); false when one is not a map.
bool manifestsOf(const QJsonValue &document, QList<QJsonObject> &out)
{
    if (!document.isObject())
        return false;
    const QJsonObject object = document.toObject();
    const QJsonValue items = object.value(QLatin1String("items"));
    if (!object.value(QLatin1String("kind")).toString().endsWith(QLatin1String("List")) ||
        !items.isArray()) {
        out.append(object);
        return true;
    }
    for (const QJsonValue &item : items.toArray()) {
        if (!item.isObject())
            return false;
        out.append(typedListItem(object, item.toObject()));
    }
    return true;
}

// Moves an object's removals and problems to the text's.
void takeFindings(CleanResult &result, QList<Removal> &removals, QList<Problem> &problems)
{
    removals.append(std::move(result.removals));
    problems.append(std::move(result.problems));
}

// A large export cut at its "---" lines: each slice is read, cleaned and written by one thread,
// and its trees are freed before that thread reads the next, so memory stays small and warm
// (reading the whole export first built ~100 MB of trees for a 10 MB file, touched once).
// std::nullopt: the whole-text path decides (small input, a PersistentVolume the context must
// see first, anything the slices cannot read on their own or any error to report).
std::optional<CleanTextResult> cleanInSlices(const QByteArray &yaml, const QString &fileName,
                                             const CleanRules &rules, const CleanContext &context)
{
    const std::vector<YamlSlice> parts = largeStreamSlices(yaml);
    if (parts.empty())
        return std::nullopt;
    // One alias budget for the whole export, not one per slice: past it, the whole-text path
    // reports where.
    std::atomic<qsizetype> aliasBytes{0};
    YamlParseOptions parseOptions;
    parseOptions.maxAliasBytes = YamlLimits::aliasBudget(yaml.size());
    parseOptions.sharedAliasBytes = &aliasBytes;
    // Everything that looks at the whole text is done per slice, on the slices' threads: a slice
    // starts at a "---" line, which no word, quoted scalar, block scalar or line spans.
    struct Slice
    {
        YamlSlice part;
        QVector<QString> texts;
        QByteArray utf8; // with context.utf8Text, the texts joined and encoded
        QList<Removal> removals;
        CleanPartFindings findings;
        bool ok = false;
    };
    std::vector<Slice> slices;
    for (const YamlSlice &part : parts)
        slices.push_back({part, {}, {}, {}, {}, false});
    Slice *const slice = slices.data();
    std::atomic<bool> stop{false};
    Detail::parallelFor(qsizetype(slices.size()), 1, [&](qsizetype i) {
        Slice &sl = slice[i];
        const QByteArray bytes = sl.part.bytes(yaml);
        if (stop || mentionsPersistentVolume(bytes)) {
            stop = true;
            return;
        }
        sl.findings = CleanPartFindings::of(bytes);
        QList<QJsonObject> objects;
        QList<int> lines;
        {
            const Result<QList<YamlDocument>> docs =
                parseYamlDocuments(bytes, fileName, parseOptions);
            if (!docs) {
                stop = true;
                return;
            }
            for (const YamlDocument &doc : *docs) {
                if (!manifestsOf(doc.value, objects)) {
                    stop = true;
                    return;
                }
                while (lines.size() < objects.size())
                    lines.append(doc.line);
            }
        }
        // A PersistentVolume spelled with escapes: the context needs it before any clean.
        if (!cleanContextFor(objects).dynamicVolumes.isEmpty()) {
            stop = true;
            return;
        }
        for (qsizetype k = 0; k < objects.size(); ++k) {
            if (context.skipSecrets && isSecret(objects.at(k))) {
                sl.findings.skippedSecrets.append(namespacedName(objects.at(k)));
                objects[k] = QJsonObject();
                continue;
            }
            CleanResult r = cleanObjectAt(objects.at(k), rules, context, fileName, lines.at(k));
            objects[k] = QJsonObject();
            sl.texts.append(toYaml(r.object));
            takeFindings(r, sl.removals, sl.findings.problems);
        }
        if (context.utf8Text) {
            sl.utf8 = joinYamlDocuments(sl.texts).toUtf8();
            sl.texts.clear();
        }
        sl.ok = true;
    });
    CleanTextResult out;
    QVector<QString> texts;
    CleanFindingsInOrder findings;
    for (Slice &sl : slices) {
        if (!sl.ok)
            return std::nullopt;
        for (QString &text : sl.texts)
            texts.append(std::move(text));
        if (context.utf8Text && !sl.utf8.isEmpty()) {
            if (!out.utf8.isEmpty())
                sl.utf8.prepend("---\n");
            out.utf8.append(std::move(sl.utf8));
        }
        out.removals.append(std::move(sl.removals));
        findings.append(sl.findings);
    }
    out.problems = findings.problems();
    out.hadComments = findings.hadComments();
    out.skippedSecrets = findings.skippedSecrets();
    if (!context.utf8Text)
        out.text = joinYamlDocuments(texts);
    return out;
}

} // namespace

Result<CleanTextResult> cleanYamlText(const QByteArray &yaml, const QString &fileName,
                                      const CleanRules &rules, const CleanContext &context)
{
    if (std::optional<CleanTextResult> sliced = cleanInSlices(yaml, fileName, rules, context))
        return std::move(*sliced);
    QList<QJsonObject> objects;
    QList<int> lines;
    QStringList skippedSecrets;
    // An object read, or left out when it is a Secret and Secrets are skipped.
    auto take = [&](const QJsonObject &object, int line) {
        if (context.skipSecrets && isSecret(object)) {
            skippedSecrets.append(namespacedName(object));
            return;
        }
        objects.append(object);
        lines.append(line);
    };
    {
        // The parsed documents go out of scope here: from now on the objects hold the only
        // reference to each tree, so each is freed by the thread that cleans it.
        const Result<QList<YamlDocument>> docs = parseYamlDocuments(yaml, fileName);
        if (!docs)
            return docs.error();
        objects.reserve(docs->size());
        lines.reserve(docs->size());
        for (const YamlDocument &doc : *docs) {
            if (!doc.value.isObject())
                return Error(tr("a manifest must be a map (apiVersion, kind, metadata, ...)"),
                             fileName, doc.line, 1);
            const QJsonObject object = doc.value.toObject();
            const QJsonValue items = object.value(QLatin1String("items"));
            if (object.value(QLatin1String("kind")).toString().endsWith(QLatin1String("List")) &&
                items.isArray()) {
                for (const QJsonValue &item : items.toArray()) {
                    if (!item.isObject())
                        return Error(tr("a List item must be a map"), fileName, doc.line, 1);
                    take(typedListItem(object, item.toObject()), doc.line);
                }
            } else {
                take(object, doc.line);
            }
        }
    }
    CleanContext effective = context;
    const CleanContext found = cleanContextFor(objects);
    effective.dynamicVolumes.unite(found.dynamicVolumes);

    CleanTextResult out;
    out.hadComments = yamlHasComments(yaml);
    out.skippedSecrets = std::move(skippedSecrets);
    // Objects are cleaned and written independently: on several threads for a large export, each
    // tree freed where it was cleaned, then collected in order, so the result is the same as one
    // after another.
    QVector<CleanResult> results(objects.size());
    QVector<QString> texts(objects.size());
    CleanResult *const done = results.data();
    QString *const text = texts.data();
    // A plain array that holds the only reference to each object (Qt 5's QList has no data()).
    std::vector<QJsonObject> owned(objects.cbegin(), objects.cend());
    objects.clear();
    QJsonObject *const object = owned.data();
    const qsizetype count = qsizetype(owned.size());
    Detail::parallelFor(count, 256, [&](qsizetype i) {
        done[i] = cleanObjectAt(object[i], rules, effective, fileName, lines.at(i));
        object[i] = QJsonObject();
        text[i] = toYaml(done[i].object);
        done[i].object = QJsonObject();
    });
    for (qsizetype i = 0; i < count; ++i)
        takeFindings(done[i], out.removals, out.problems);
    if (context.utf8Text)
        out.utf8.append(joinYamlDocuments(texts).toUtf8());
    else
        out.text = joinYamlDocuments(texts);
    return out;
}

} // namespace Fluxdesk
