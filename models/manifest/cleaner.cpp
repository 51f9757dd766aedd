// Cleaning one object: rule paths and where a kind keeps its pod template, CleanRules::build that
// compiles rules into them, and the Cleaner that applies them. About 640 lines, in one file so the
// steps, places and compiled form stay private to the two that use them. Loading rules is in
// cleanrulesfile.cpp, cleaning a whole YAML text in cleantext.cpp.

#include "cleaner.h"

#include "core/resources.h"
#include "manifest/apiversion.h"
#include "manifest/managedfields.h"
#include "manifest/manifeststream.h"
#include "manifest/parallel.h"
#include "manifest/yamljson.h"
#include "manifest/yamlslices.h"
#include "manifest/yamlwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QVector>

#include <algorithm>
#include <atomic>
#include <optional>
#include <vector>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CleanRules", text);
}

// One step of a rule path: a map key (alternatives, globs) or a bracket ("[*]", "[glob]", "[0]").
struct Step
{
    bool bracket = false;
    QStringList patterns;    // alternatives; "*" anywhere is a wildcard
    QList<QByteArray> ascii; // with allLiteral and ASCII patterns: each as bytes, for lookups
                             // that compare without converting the object's keys
    bool literal = false;    // one pattern without '*': a direct lookup
    bool allLiteral = false; // alternatives without '*': direct lookups
    bool any = false;        // "*": every key or item
    bool deep = false;       // "**": any number of keys and list items, none included
};

bool globMatch(const QString &pattern, const QString &text)
{
    // Iterative wildcard match with backtracking to the last '*': linear for our short keys.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern.at(p) != QLatin1Char('*') &&
            pattern.at(p) == text.at(t)) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool stepMatches(const Step &step, const QString &key)
{
    if (step.any)
        return true;
    for (const QString &p : step.patterns) {
        if (globMatch(p, key))
            return true;
    }
    return false;
}

Step makeStep(const QString &text, bool bracket)
{
    Step s;
    s.bracket = bracket;
    s.patterns = text.split(QLatin1Char('|'));
    s.any = text == QLatin1String("*");
    s.deep = !bracket && text == QLatin1String("**");
    s.allLiteral = !text.contains(QLatin1Char('*'));
    s.literal = s.patterns.size() == 1 && s.allLiteral;
    const bool ascii =
        std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (s.allLiteral && ascii) {
        for (const QString &p : qAsConst(s.patterns))
            s.ascii.append(p.toLatin1());
    }
    return s;
}

// "a.b[*].c|d[x.y/*]" -> steps; false on a malformed path.
bool parsePath(const QString &path, QVector<Step> &steps)
{
    QString token;
    qsizetype i = 0;
    const qsizetype n = path.size();
    auto flush = [&]() {
        if (!token.isEmpty())
            steps.append(makeStep(token, false));
        token.clear();
    };
    while (i < n) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('.')) {
            flush();
            ++i;
        } else if (c == QLatin1Char('[')) {
            flush();
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0 || close == i + 1)
                return false;
            steps.append(makeStep(path.mid(i + 1, close - i - 1), true));
            i = close + 1;
        } else {
            token += c;
            ++i;
        }
    }
    flush();
    // "**" needs a step after it: it only says where that step may be.
    return !steps.isEmpty() && !steps.constLast().deep;
}

// Where a kind keeps its pod template; empty for kinds without one.
enum class PodPlace
{
    None,
    Pod,         // spec
    Template,    // spec.template
    PodTemplate, // template
    CronJob      // spec.jobTemplate.spec.template
};

PodPlace podPlace(const QString &group, const QString &kind)
{
    if (group.isEmpty()) {
        if (kind == QLatin1String("Pod"))
            return PodPlace::Pod;
        if (kind == QLatin1String("PodTemplate"))
            return PodPlace::PodTemplate;
        if (kind == QLatin1String("ReplicationController"))
            return PodPlace::Template;
        return PodPlace::None;
    }
    if (group == QLatin1String("apps") &&
        (kind == QLatin1String("Deployment") || kind == QLatin1String("StatefulSet") ||
         kind == QLatin1String("DaemonSet") || kind == QLatin1String("ReplicaSet")))
        return PodPlace::Template;
    if (group == QLatin1String("batch")) {
        if (kind == QLatin1String("Job"))
            return PodPlace::Template;
        if (kind == QLatin1String("CronJob"))
            return PodPlace::CronJob;
    }
    return PodPlace::None;
}

QString templatePrefix(PodPlace place)
{
    switch (place) {
    case PodPlace::Template:
        return QStringLiteral("spec.template");
    case PodPlace::PodTemplate:
        return QStringLiteral("template");
    case PodPlace::CronJob:
        return QStringLiteral("spec.jobTemplate.spec.template");
    case PodPlace::Pod:
    case PodPlace::None:
        break;
    }
    return QString();
}

QString podSpecPrefix(PodPlace place)
{
    if (place == PodPlace::Pod)
        return QStringLiteral("spec");
    const QString t = templatePrefix(place);
    return t.isEmpty() ? QString() : t + QLatin1String(".spec");
}

constexpr int placeCount = 5;

bool kindMatches(const QString &pattern, const QString &group, const QString &kind)
{
    const qsizetype slash = pattern.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return group.isEmpty() && pattern == kind;
    // Views, not copies: this runs for every rule with kinds on every object.
    const QStringView g = QStringView(pattern).left(slash);
    return QStringView(pattern).mid(slash + 1) == QStringView(kind) &&
           (g == QLatin1String("*") || g == QStringView(group));
}

QString pathKey(const QString &parent, const QString &key)
{
    bool plain = !key.isEmpty();
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'))) {
            plain = false;
            break;
        }
    }
    if (!plain)
        return parent + QLatin1Char('[') + key + QLatin1Char(']');
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

const QRegularExpression &dynamicVolumeName()
{
    static const QRegularExpression re(
        QStringLiteral("^pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re;
}

QString defaultPullPolicy(const QString &image)
{
    if (image.contains(QLatin1Char('@')))
        return QStringLiteral("IfNotPresent");
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = image.lastIndexOf(QLatin1Char(':'));
    if (colon <= slash)
        return QStringLiteral("Always");
    return image.mid(colon + 1) == QLatin1String("latest") ? QStringLiteral("Always")
                                                           : QStringLiteral("IfNotPresent");
}

const QStringList knownConditions = {QStringLiteral("image-pull-policy-default"),
                                     QStringLiteral("dynamic-volume"),
                                     QStringLiteral("leaves-helm")};

} // namespace

struct CleanRules::Compiled
{
    struct Path
    {
        // Per PodPlace: the steps, or empty when the path does not apply to that place.
        QVector<Step> steps[placeCount];
    };
    QVector<QVector<Path>> paths; // per rule
};

Result<CleanRules> CleanRules::build(const QList<QJsonObject> &raw, const QStringList &managers,
                                     const QStringList &editing, const QString &fileName)
{
    CleanRules rules;
    rules.m_raw = raw;
    rules.m_personManagers = managers;
    rules.m_editingManagers = editing;
    auto compiled = std::make_shared<Compiled>();
    for (const QJsonObject &o : raw) {
        Rule r;
        r.name = o.value(QLatin1String("name")).toString();
        if (r.name.isEmpty())
            return Error(tr("a rule without a name"), fileName);
        auto fail = [&](const QString &what) {
            return Error(tr("rule \"%1\": %2").arg(r.name, what), fileName);
        };
        r.description = o.value(QLatin1String("description")).toString();
        const QJsonValue kinds = o.value(QLatin1String("kinds"));
        const QJsonValue paths = o.value(QLatin1String("paths"));
        if (!paths.isArray() || paths.toArray().isEmpty())
            return fail(tr("needs a list of paths"));
        for (const QJsonValue &k : kinds.toArray())
            r.kinds.append(k.toString());
        for (const QJsonValue &p : paths.toArray())
            r.paths.append(p.toString());
        r.onlyIfEquals = o.value(QLatin1String("onlyIfEquals"));
        r.oneOf = o.value(QLatin1String("oneOf")).toArray();
        r.keepValues = o.value(QLatin1String("keepValues")).toArray();
        r.equalsSibling = o.value(QLatin1String("equalsSibling")).toString();
        r.when = o.value(QLatin1String("when")).toString();
        if (!r.when.isEmpty() && !knownConditions.contains(r.when))
            return fail(tr("unknown condition \"%1\"").arg(r.when));
        const QString userSet = o.value(QLatin1String("userSet")).toString();
        if (!userSet.isEmpty() && userSet != QLatin1String("keep") &&
            userSet != QLatin1String("ignore"))
            return fail(tr("userSet must be keep or ignore"));
        r.keepUserSet = userSet != QLatin1String("ignore");
        r.problemIfKept = o.value(QLatin1String("problemIfKept")).toString();
        r.enabled = o.value(QLatin1String("enabled")).toBool(true);

        QVector<Compiled::Path> rulePaths;
        for (const QString &p : qAsConst(r.paths)) {
            Compiled::Path cp;
            const bool pod = p.startsWith(QLatin1String("{podSpec}"));
            const bool tmpl = p.startsWith(QLatin1String("{podTemplate}"));
            for (int place = 0; place < placeCount; ++place) {
                QString expanded = p;
                if (pod || tmpl) {
                    const QString prefix =
                        pod ? podSpecPrefix(PodPlace(place)) : templatePrefix(PodPlace(place));
                    if (prefix.isEmpty())
                        continue;
                    expanded = prefix + p.mid(pod ? 9 : 13);
                }
                if (!parsePath(expanded, cp.steps[place]))
                    return fail(tr("bad path \"%1\"").arg(p));
            }
            rulePaths.append(cp);
        }
        compiled->paths.append(rulePaths);
        rules.m_rules.append(r);
    }
    rules.m_compiled = std::move(compiled);
    return rules;
}

namespace {

class Cleaner
{
public:
    // object: the object as given, for conditions that look at what other rules remove.
    Cleaner(const CleanContext &context, const QJsonObject &object,
            const FieldEvidence::Cursor &root, CleanResult &result)
        : m_context(context), m_object(object), m_root(root), m_result(result)
    {
        m_frames.reserve(16);
    }

    // One object's walks share the cleaner: its frames are allocated once.
    void run(const CleanRules::Rule &rule, QJsonValue &root, const QVector<Step> &steps)
    {
        m_rule = &rule;
        m_steps = &steps;
        m_frames.clear();
        apply(root, 0);
    }

private:
    // Where the walk is. The path text and the evidence are only worked out for a field a rule
    // would remove: most walks end at a missing key, and they stay allocation-free.
    struct Frame
    {
        QString key;     // a map key, or empty for a list item
        qsizetype index; // the list index
        QJsonValue item; // the list item as it was found (for FieldsV1 "k:" keys)
        bool isItem;
    };

    QString currentPath() const
    {
        QString path;
        for (const Frame &f : m_frames) {
            if (f.isItem)
                path += QLatin1Char('[') + QString::number(f.index) + QLatin1Char(']');
            else
                path = pathKey(path, f.key);
        }
        return path;
    }

    FieldEvidence::Cursor currentEvidence() const
    {
        FieldEvidence::Cursor cursor = m_root;
        for (const Frame &f : m_frames) {
            if (!cursor.isSet())
                break;
            cursor = f.isItem ? cursor.item(f.index, f.item) : cursor.key(f.key);
        }
        return cursor;
    }

    // Applies steps[i] to the children of container; true when container changed.
    bool apply(QJsonValue &container, int i)
    {
        const Step &step = m_steps->at(i);
        if (step.deep)
            return applyDeep(container, i);
        const bool last = i + 1 == m_steps->size();
        if (container.isObject()) {
            QJsonObject object = container.toObject();
            bool changed = false;
            auto visit = [&](const QString &key, const QByteArray *ascii) {
                const auto found =
                    ascii ? object.constFind(QLatin1String(*ascii)) : object.constFind(key);
                if (found == object.constEnd())
                    return;
                QJsonValue child = found.value();
                if (!last && !child.isObject() && !child.isArray())
                    return;
                m_frames.append({key, 0, QJsonValue(), false});
                if (last) {
                    if (shouldRemove(child, object)) {
                        object.remove(key);
                        changed = true;
                    }
                } else if (apply(child, i + 1)) {
                    object.insert(key, child);
                    changed = true;
                }
                m_frames.removeLast();
            };
            if (step.allLiteral) {
                for (qsizetype k = 0; k < step.patterns.size(); ++k)
                    visit(step.patterns.at(k), step.ascii.isEmpty() ? nullptr : &step.ascii.at(k));
            } else {
                const QStringList keys = object.keys();
                for (const QString &key : keys) {
                    if (stepMatches(step, key))
                        visit(key, nullptr);
                }
            }
            if (changed)
                container = object;
            return changed;
        }
        if (container.isArray() && step.bracket) {
            QJsonArray array = container.toArray();
            const QJsonArray original = array;
            bool changed = false;
            qsizetype removed = 0;
            bool ok = false;
            const int only = step.literal ? step.patterns.first().toInt(&ok) : -1;
            if (step.literal && !ok)
                return false;
            for (qsizetype j = 0; j < original.size(); ++j) {
                if (step.literal && j != only)
                    continue;
                QJsonValue child = original.at(j);
                if (!last && !child.isObject() && !child.isArray())
                    continue;
                const qsizetype at = j - removed;
                m_frames.append({QString(), j, child, true});
                if (last) {
                    if (shouldRemove(child, QJsonObject())) {
                        array.removeAt(at);
                        ++removed;
                        changed = true;
                    }
                } else if (apply(child, i + 1)) {
                    array.replace(at, child);
                    changed = true;
                }
                m_frames.removeLast();
            }
            if (changed)
                container = array;
            return changed;
        }
        return false;
    }

    // "**" at steps[i]: the next step applied to container and to every map and list below it.
    bool applyDeep(QJsonValue &container, int i)
    {
        bool changed = apply(container, i + 1);
        if (container.isObject()) {
            QJsonObject object = container.toObject();
            // Collected and put back after the walk: inserting while iterating would detach.
            QVector<std::pair<QString, QJsonValue>> updates;
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                QJsonValue child = it.value();
                if (!child.isObject() && !child.isArray())
                    continue;
                m_frames.append({it.key(), 0, QJsonValue(), false});
                if (applyDeep(child, i))
                    updates.append({m_frames.constLast().key, child});
                m_frames.removeLast();
            }
            for (const auto &update : qAsConst(updates))
                object.insert(update.first, update.second);
            if (!updates.isEmpty()) {
                container = object;
                changed = true;
            }
        } else if (container.isArray()) {
            QJsonArray array = container.toArray();
            bool any = false;
            for (qsizetype j = 0; j < array.size(); ++j) {
                QJsonValue child = array.at(j);
                if (!child.isObject() && !child.isArray())
                    continue;
                m_frames.append({QString(), j, child, true});
                if (applyDeep(child, i)) {
                    array.replace(j, child);
                    any = true;
                }
                m_frames.removeLast();
            }
            if (any) {
                container = array;
                changed = true;
            }
        }
        return changed;
    }

    bool shouldRemove(const QJsonValue &value, const QJsonObject &parent)
    {
        const CleanRules::Rule &r = *m_rule;
        if (!r.onlyIfEquals.isUndefined() && value != r.onlyIfEquals)
            return false;
        if (!r.oneOf.isEmpty() && !r.oneOf.contains(value))
            return false;
        if (!r.keepValues.isEmpty() && r.keepValues.contains(value))
            return false;
        if (!r.equalsSibling.isEmpty() &&
            (!parent.contains(r.equalsSibling) || parent.value(r.equalsSibling) != value))
            return false;
        if (!r.when.isEmpty() && !condition(value, parent))
            return false;
        if (r.keepUserSet && currentEvidence().isSet()) {
            if (!r.problemIfKept.isEmpty()) {
                Problem p;
                p.severity = Problem::Severity::Warning;
                p.rule = r.name;
                p.message = currentPath() + QLatin1String(": ") + r.problemIfKept;
                m_result.problems.append(p);
            }
            return false;
        }
        if (m_context.recordRemovals)
            m_result.removals.append({currentPath(), r.name, r.description});
        return true;
    }

    bool condition(const QJsonValue &value, const QJsonObject &parent) const
    {
        const QString &when = m_rule->when;
        if (when == QLatin1String("leaves-helm"))
            return m_context.objectLeavesHelm;
        if (when == QLatin1String("dynamic-volume")) {
            const QString name = value.toString();
            return !name.isEmpty() &&
                   (m_context.dynamicVolumes.contains(name) ||
                    dynamicVolumeName().match(name).hasMatch() || provisionedForClaim());
        }
        if (when == QLatin1String("image-pull-policy-default")) {
            const QJsonValue image = parent.value(QLatin1String("image"));
            return image.isString() && value.toString() == defaultPullPolicy(image.toString());
        }
        return false;
    }

    // The PV controller annotates a claim with the provisioner it asks for a volume (and never one
    // it binds to an existing volume): such a claim's volume was provisioned dynamically, whatever
    // the provisioner named it. The object as given is asked: volume-annotations removes these.
    bool provisionedForClaim() const
    {
        const QJsonObject annotations = m_object.value(QLatin1String("metadata"))
                                            .toObject()
                                            .value(QLatin1String("annotations"))
                                            .toObject();
        return annotations.contains(QLatin1String("volume.kubernetes.io/storage-provisioner")) ||
               annotations.contains(QLatin1String("volume.beta.kubernetes.io/storage-provisioner"));
    }

    const CleanRules::Rule *m_rule = nullptr;
    const CleanContext &m_context;
    const QJsonObject &m_object;
    const FieldEvidence::Cursor &m_root;
    CleanResult &m_result;
    const QVector<Step> *m_steps = nullptr;
    QVector<Frame> m_frames;
};

} // namespace

CleanResult cleanObject(const QJsonObject &object, const CleanRules &rules,
                        const CleanContext &context)
{
    CleanResult result;
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString kind = object.value(QLatin1String("kind")).toString();
    const QString group = groupOfApiVersion(apiVersion);
    const int place = int(podPlace(group, kind));
    const FieldEvidence evidence =
        FieldEvidence::of(object, rules.editingManagers(), rules.personManagers());
    const FieldEvidence::Cursor root = evidence.root();

    QJsonValue value(object);
    Cleaner cleaner(context, object, root, result);
    const QList<CleanRules::Rule> ruleList = rules.rules();
    const CleanRules::Compiled *compiled = rules.compiled();
    for (qsizetype r = 0; r < ruleList.size(); ++r) {
        const CleanRules::Rule &rule = ruleList.at(r);
        if (!rule.enabled)
            continue;
        if (!rule.kinds.isEmpty()) {
            bool match = false;
            for (const QString &k : rule.kinds)
                match = match || kindMatches(k, group, kind);
            if (!match)
                continue;
        }
        for (const CleanRules::Compiled::Path &path : compiled->paths.at(r)) {
            const QVector<Step> &steps = path.steps[place];
            if (!steps.isEmpty())
                cleaner.run(rule, value, steps);
        }
    }
    result.object = value.toObject();
    return result;
}

CleanResult cleanObjectAt(const QJsonObject &object, const CleanRules &rules,
                          const CleanContext &context, const QString &fileName, int line)
{
    CleanResult result = cleanObject(object, rules, context);
    for (Problem &p : result.problems) {
        p.file = fileName;
        p.line = line;
        p.column = 1;
    }
    return result;
}

CleanContext cleanContextFor(const QList<QJsonObject> &objects)
{
    CleanContext context;
    for (const QJsonObject &o : objects) {
        if (o.value(QLatin1String("kind")).toString() != QLatin1String("PersistentVolume") ||
            groupOfApiVersion(o.value(QLatin1String("apiVersion")).toString()) != QString())
            continue;
        const QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
        if (metadata.value(QLatin1String("annotations"))
                .toObject()
                .contains(QLatin1String("pv.kubernetes.io/provisioned-by")))
            context.dynamicVolumes.insert(metadata.value(QLatin1String("name")).toString());
    }
    return context;
}

} // namespace Fluxdesk
