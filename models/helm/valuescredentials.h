#pragma once

#include "manifest/problem.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

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

// The offered fix: the movable findings leave spec.values and come back through spec.valuesFrom
// entries {kind: Secret, name: <release>-values, valuesKey, targetPath}; secret holds them in
// stringData. The Secret is plain text: the plan's Secret rules decide how it is stored.
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

} // namespace Fluxdesk
