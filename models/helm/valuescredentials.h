#pragma once

#include "manifest/problem.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

struct HelmRelease;

// One step into a values tree: a map key, or a list index when index >= 0.
struct ValuesPathSegment
{
    QString key;
    int index = -1;
};

// A value in a release's user-supplied values that looks like a credential. The value itself is
// never put into a message.
struct CredentialFinding
{
    enum class Reason
    {
        KeyName,      // the key says password, token, secret, apiKey...
        RandomLooking // a long, high-entropy string
    };
    Reason reason = Reason::KeyName;
    QList<ValuesPathSegment> segments;
    QString path;       // as yamlPathKey writes it, relative to values ("auth.adminPassword")
    QString targetPath; // Helm's --set path for valuesFrom; empty when it cannot be moved
    QString notMovableReason;
    QJsonValue value;

    bool movable() const { return !targetPath.isEmpty(); }
};

// Keys such as password, passwd, secret, token, apiKey, api_key, accessKey, privateKey,
// credentials (any case, as part of a longer key too), except keys that name where a credential
// is kept (existingSecret, secretName, passwordKey, ...).
bool looksLikeCredentialKey(const QString &key);
// At least 20 characters without spaces, letters and digits mixed, and a Shannon entropy of at
// least 3.5 bits per character; URLs, paths and digests are not.
bool looksRandom(const QString &text);

// Every scalar under values that looks like a credential, in key order.
QList<CredentialFinding> findCredentialValues(const QJsonObject &values);

// One warning per finding ("values.<path> of HelmRelease ns/name looks like a credential"),
// rule "helm-values-credential". file names the release as "helmrelease/<ns>/<name>".
QList<Problem> credentialProblems(const HelmRelease &release,
                                  const QList<CredentialFinding> &findings);

// What happens to a release's credential-like values. Secret is the default: a credential lands
// in Git in plain text only when the user chose Inline for that release.
enum class CredentialHandling
{
    Secret, // moved to a Secret the HelmRelease reads through valuesFrom
    Inline  // kept in spec.values as plain text (flagged with a warning)
};

// The Secret a release's moved credentials live in: the release name in kebab-case (lower-case
// letters, digits and '-') followed by "-values", so the same release always gets the same name.
QString valuesSecretName(const QString &releaseName);

// The text a Secret key holds so that Flux's targetPath merge, which reads it with Helm's --set
// parser (commas split, backslashes escape, "true" or "12" become typed, surrounding quotes are
// stripped), yields value unchanged. Most credentials come out as they are. `literal: true` would
// avoid the parser, but Flux 2.7 and 2.8 controllers do not know that field.
QString helmSetValueText(const QJsonValue &value);

// The offered fix, and the default: the movable findings leave spec.values and come back through
// spec.valuesFrom entries {kind: Secret, name: valuesSecretName(), valuesKey, targetPath}; secret
// holds them in stringData (as helmSetValueText()). A finding without a value (undefined: the
// value is not known, see withCredentialValuesFrom()) still gets its valuesFrom entry, but no key
// in the Secret. The Secret is plain text: the plan's Secret rules decide how it is stored.
struct ValuesSecretMove
{
    QJsonObject helmRelease;
    QJsonObject secret;
    QList<CredentialFinding> moved;
    QList<CredentialFinding> kept; // not movable (inside a list, or a key --set cannot address)
    bool secretIsPlainText = true;
};
ValuesSecretMove moveCredentialsToSecret(const QJsonObject &helmRelease,
                                         const QList<CredentialFinding> &findings);

// Keeping credentials out of a file that stores edited values (.fluxdesk/plan.yaml): every
// finding's value leaves values (a map key is removed, a list item becomes null so the indices
// after it stay), and paths lists where they were, in key order.
struct ValuesWithoutCredentials
{
    QJsonObject values;
    QStringList paths;
};
ValuesWithoutCredentials withoutCredentialValues(const QJsonObject &values);

// The reverse: values with the value at each path taken from `from` (the running release's
// values). A path `from` has no value at, or that values cannot hold, is added to missing.
QJsonObject withCredentialValuesFrom(const QJsonObject &values, const QJsonObject &from,
                                     const QStringList &paths, QStringList *missing = nullptr);

// Parses a path as CredentialFinding::path writes it (yamlPathKey()/yamlPathIndex()); false for
// text that is not one.
bool parseValuesPath(const QString &path, QList<ValuesPathSegment> *segments);
// The value at segments under root; undefined when there is none.
QJsonValue valueAtPath(const QJsonValue &root, const QList<ValuesPathSegment> &segments);
// A finding for a credential known only by its path (its value is undefined), with the targetPath
// it would be moved to.
CredentialFinding credentialFindingForPath(const QString &path);

} // namespace Fluxdesk
