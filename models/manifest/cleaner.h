#pragma once

#include "core/error.h"
#include "manifest/problem.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace Fluxdesk {

// The cleaning rules, as data: resources/rules/clean-rules.yaml by default, overridable per
// repository (.fluxdesk/clean-rules.yaml). Every rule has a name so the preview can say why a
// line goes.
class CleanRules
{
public:
    struct Rule
    {
        QString name;            // e.g. "server-metadata", "service-cluster-ip"
        QString description;     // one sentence for the preview
        QStringList kinds;       // empty: every kind ("apps/Deployment", "Service", ...)
        QStringList paths;       // field paths the rule removes, e.g. "metadata.uid", "status",
                                 // "metadata.annotations[pv.kubernetes.io/*]",
                                 // "spec.template.spec.containers[*].terminationMessagePath"
        QJsonValue onlyIfEquals; // undefined: always; else remove only when the value equals this
        // Extensions (the rules file documents each):
        QJsonArray oneOf;      // non-empty: remove only when the value is one of these
        QJsonArray keepValues; // never remove these values (a headless clusterIP: None)
        QString equalsSibling; // remove only when equal to this sibling key's value
        QString when; // built-in condition: image-pull-policy-default, dynamic-volume, leaves-helm
        bool keepUserSet = true; // a field a person's tools set (managedFields/last-applied) stays
        QString problemIfKept;   // a warning when a field is kept because a person set it
        bool enabled = true;
    };

    static CleanRules defaults(); // the compiled-in rules file
    static Result<CleanRules> parse(const QByteArray &yaml, const QString &fileName);
    // The defaults with the repository's override file applied when it exists.
    static Result<CleanRules> forRepository(const QString &repoDir);

    QList<Rule> rules() const { return m_rules; }
    // managedFields managers that are a person's tools (kubectl's commands, Helm, Flux): who made
    // an object. Their Update entries are evidence of which fields a person set only for a
    // subresource other than status (kubectl scale), never the creating Update: see
    // editingManagers().
    QStringList personManagers() const { return m_personManagers; }
    // managedFields managers whose Update entries are evidence of a field a person set: tools
    // that change an existing object (kubectl edit, patch, scale, ...). The tools that create
    // objects are not among them: their entry lists every field the API server defaulted at the
    // creation too (FieldEvidence). Apply entries count whoever the manager.
    QStringList editingManagers() const { return m_editingManagers; }

    struct Compiled; // the rules' paths, parsed once (cleaner.cpp)
    const Compiled *compiled() const { return m_compiled.get(); }

private:
    QList<Rule> m_rules;
    QStringList m_personManagers;
    QStringList m_editingManagers;
    QList<QJsonObject> m_raw; // each rule as written, for overrides by name
    std::shared_ptr<const Compiled> m_compiled;

    static Result<CleanRules> build(const QList<QJsonObject> &raw, const QStringList &managers,
                                    const QStringList &editing, const QString &fileName);
};

// What the cluster knows that a clean needs (e.g. which PVs were provisioned dynamically).
struct CleanContext
{
    QSet<QString>
        dynamicVolumes; // PV names created by a provisioner (pv.kubernetes.io/provisioned-by)
    bool objectLeavesHelm = false; // drop meta.helm.sh/* and Helm's managed-by label
    bool recordRemovals = true;    // false: CleanResult::removals stays empty (nobody reads it)
    bool utf8Text = false; // cleanYamlText fills CleanTextResult::utf8 instead of text (a CLI's
                           // output: each part is encoded on the thread that wrote it)
    // cleanYamlText leaves Secrets out (CleanTextResult::skippedSecrets names them): their data
    // would land in Git in plain text.
    bool skipSecrets = false;
};

// Whether an object is a core Secret (Helm's release records are Secrets too).
bool isSecret(const QJsonObject &object);
// "namespace/name" of an object ("name" without a namespace), as messages name it.
QString namespacedName(const QJsonObject &object);

// One field the clean removes, with the rule that removes it.
struct Removal
{
    QString path; // "metadata.uid", "spec.template.spec.containers[0].terminationMessagePath"
    QString rule;
    QString reason;
};

struct CleanResult
{
    QJsonObject object;
    QList<Removal> removals;
    QList<Problem> problems; // what cannot be applied as-is (e.g. a fixed nodePort)
};

// Cleans one object: managedFields decide where present (fields owned by a person's tools are
// kept; what only the API server defaulted or a controller wrote goes), last-applied-configuration
// is further evidence, and the rules decide otherwise. Meaningful empty values survive.
CleanResult cleanObject(const QJsonObject &object, const CleanRules &rules,
                        const CleanContext &context = {});

// cleanObject() for an object read from fileName: its problems placed at its document's line.
CleanResult cleanObjectAt(const QJsonObject &object, const CleanRules &rules,
                          const CleanContext &context, const QString &fileName, int line);

// The context a set of objects implies: PVs annotated pv.kubernetes.io/provisioned-by are dynamic.
CleanContext cleanContextFor(const QList<QJsonObject> &objects);

// Whether the text may hold a PersistentVolume ("PersistentVolume" not followed by "Claim"): a
// part of such a text cannot be cleaned before every PersistentVolume is known (cleanContextFor).
bool mentionsPersistentVolume(const QByteArray &yaml);

// True when the text has comments ('#' outside quoted and block scalars) that a clean would drop.
bool yamlHasComments(const QByteArray &yaml);

// What cleaning one part of a larger text (a slice read on its own thread) found: problems at
// lines counted from the part's start.
struct CleanPartFindings
{
    QList<Problem> problems;
    qsizetype lines = 0; // line feeds in the part
    bool hadComments = false;
    QStringList skippedSecrets; // the part's Secrets left out (CleanContext::skipSecrets)

    // A part's line count and comments; its problems are added as its objects are cleaned.
    static CleanPartFindings of(const QByteArray &part);
};

// The findings of a text's parts, taken in the text's order: each part's problems moved to the
// text's lines.
class CleanFindingsInOrder
{
public:
    void append(CleanPartFindings &part); // part is left empty
    QList<Problem> problems() const { return m_problems; }
    bool hadComments() const { return m_hadComments; }
    QStringList skippedSecrets() const { return m_skippedSecrets; }

private:
    QList<Problem> m_problems;
    QStringList m_skippedSecrets;
    qsizetype m_lineOffset = 0; // line feeds before the next part
    bool m_hadComments = false;
};

struct CleanTextResult
{
    QString text; // the cleaned documents, "---"-separated, conventional key order
    // The same text as UTF-8 when CleanContext::utf8Text asked for it (then text is empty): its
    // parts, to be written one after another (a large export's are encoded on several threads).
    QList<QByteArray> utf8;
    QList<Removal> removals;
    QList<Problem> problems;
    bool hadComments = false; // the input had comments a clean would drop: warn before applying
    // With CleanContext::skipSecrets: the Secrets left out, namespacedName() each, in input order.
    QStringList skippedSecrets;
};

// Parses (Lists unwrapped, a typed list's items given its apiVersion and kind), cleans every object
// and renders it back. PersistentVolumes in the
// text annotated pv.kubernetes.io/provisioned-by join context.dynamicVolumes. A document that is
// not a map is an error at its line; problems carry fileName and the line of their document.
// Container "resources: {}" goes unless a person set it; data: {}, emptyDir: {} and other empty
// values stay (only the empty-* rules remove maps the other rules emptied).
Result<CleanTextResult> cleanYamlText(const QByteArray &yaml, const QString &fileName,
                                      const CleanRules &rules, const CleanContext &context = {});

} // namespace Fluxdesk
