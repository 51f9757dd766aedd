#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace Fluxdesk::Testing {

// A validating admission webhook the fake pretends to run: it denies every object (create or
// update, dry run or not) whose labels hold labelKey (with labelValue, when that is set), as
// "admission webhook \"<webhook>\" denied the request: <message>" with HTTP code.
struct AdmissionRule
{
    QString webhook;    // "policy.example.com"
    QString labelKey;   // "deny"
    QString labelValue; // empty: any value
    int code = 400;     // what the webhook answers; the API server never sends less than 400
    QString message;
};

// Server-side apply as the real API server does it (k8s.io/apiserver's patch handler and the
// built-in types' update validation), as pure functions: the fake API server looks up the
// object and the namespace, asks here, and stores the answer's object when told to.
namespace FakeApply {

struct Target
{
    QString group, version, resource, kind;
    bool namespaced = true;
    bool hasStatus = false; // a status subresource: apply never changes status
    QStringList verbs;
    QString ns, name; // from the URL
};

struct Answer
{
    int code = 200;
    QString message; // a Status message when code >= 300
    QString reason;  // the Status reason when it is not the code's usual one ("Invalid")
    QString detailsGroup, detailsKind, detailsName;
    // details.causes of an Invalid Status: one field error (kubectl prints these, not message)
    QString causeReason, causeMessage, causeField;
    QJsonObject object; // the object as it is (dry run: would be) after the apply
    bool store = false; // create or update it (never on dryRun=All)
};

struct Context
{
    std::optional<QJsonObject> existing; // the stored object, when there is one
    bool namespaceExists = true;
    QList<AdmissionRule> admission;
    qint64 resourceVersion = 0; // the one a stored write takes
    QDateTime now;
};

// PATCH target with contentType and body. Content types other than apply answer 415 (the fake
// serves PATCH only as server-side apply).
Answer apply(const Target &target, const QUrlQuery &query, const QByteArray &contentType,
             const QByteArray &body, const Context &context);

// An object merged as apply merges it into a live one: maps merged key by key, the applied
// value winning; lists and scalars replaced.
QJsonObject merged(const QJsonObject &live, const QJsonObject &applied);

} // namespace FakeApply
} // namespace Fluxdesk::Testing
