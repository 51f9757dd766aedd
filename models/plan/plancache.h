#pragma once

#include "kube/resourcetype.h"
#include "manifest/cleaner.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// What planning one live object costs most: its clean and its rendering as YAML. A window session
// keeps one PlanCache and hands it to every planRepository() (PlanOptions::cache), so re-planning
// an unchanged inventory (after a decision, a drag, a reopened checkout) renders only the objects
// that changed.
//
// An entry is found by the object's identity and content (uid and resourceVersion when the object
// has both: the API server changes resourceVersion with every change; else a hash of the whole
// object) together with the clean's inputs (the rules and the cluster context), so a stale text is
// never served. Thread-safe: plans on several threads may share one cache.
class PlanCache
{
public:
    // The cleaned object as the plan writes it.
    struct Rendered
    {
        ObjectKey key;    // of the cleaned object
        QString fileName; // the default file name ("{name}-{kind}.yaml" of the cleaned object)
        QString text;     // the rendered YAML, ending in a newline
    };

    // What a plan reads from one YAML file of the checkout: the identity of the single object it
    // holds (matched to a live object so an existing layout is kept), or a kustomization's
    // resources. Both depend on the file's content only; re-reading thousands of unchanged files
    // is most of what an unchanged re-plan would otherwise spend on the checkout.
    struct ExistingFile
    {
        bool kustomization = false;
        QStringList resources; // a kustomization's resources (a non-string one reads as "")
        bool hasKey = false;   // a one-document manifest
        ObjectKey key;
    };

    PlanCache() = default;
    PlanCache(const PlanCache &) = delete;
    PlanCache &operator=(const PlanCache &) = delete;

    // The fingerprint of the clean's inputs other than the object; part of every key.
    static QByteArray cleanFingerprint(const CleanRules &rules, const CleanContext &context);
    // The fingerprint of one object: its key with uid and resourceVersion, or a content hash.
    static QByteArray objectFingerprint(const QJsonObject &object);
    // The same, for an object whose apiVersion and key are known already (an inventory entry's):
    // fewer lookups in the object.
    static QByteArray objectFingerprint(const QJsonObject &object, const QString &apiVersion,
                                        const ObjectKey &key);

    bool find(const QByteArray &cleanFingerprint, const QByteArray &objectFingerprint,
              Rendered *out);
    void insert(const QByteArray &cleanFingerprint, const QByteArray &objectFingerprint,
                const Rendered &rendered);

    // The reading of the checkout's file at path, when it was read from exactly this content.
    bool findExisting(const QString &path, const QByteArray &content, ExistingFile *out);
    void insertExisting(const QString &path, const QByteArray &content, const ExistingFile &file);

    // Small documents the plan renders from a few strings (a folder's kustomization.yaml): the
    // text by a key that spells out everything it is made from.
    bool findText(const QString &source, QString *out);
    void insertText(const QString &source, const QString &text);

    // Planning brackets its lookups with these: entries no plan used during the last two
    // generations are dropped at the end, so a cache follows a changing inventory without growing.
    quint64 beginGeneration();
    void endGeneration(quint64 generation);

    int size() const;         // rendered objects
    int existingSize() const; // readings of checkout files
    void clear();
    // Lookups answered and missed since the cache was made (for tests and the benchmark).
    qint64 hits() const;
    qint64 misses() const;

private:
    struct Entry
    {
        Rendered rendered;
        quint64 generation = 0;
    };

    struct ExistingEntry
    {
        QByteArray content; // what file was read from
        ExistingFile file;
        quint64 generation = 0;
    };

    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;       // clean fingerprint + object fingerprint -> rendering
    QHash<QString, ExistingEntry> m_existing; // checkout-relative path -> its reading
    struct TextEntry
    {
        QString text;
        quint64 generation = 0;
    };
    QHash<QString, TextEntry> m_texts; // source -> rendered text
    quint64 m_generation = 0;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace Fluxdesk
