#pragma once

#include "fakeapply.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

// The write verbs other than server-side apply, as the real API server answers them, as pure
// functions: the fake API server looks up the object and its namespace, asks here, and stores
// or removes what it is told to.
//   POST   create: 201; 409 AlreadyExists; generateName (a name made of the prefix and five
//          characters); 404 when the namespace does not exist
//   PUT    replace (the object, or its status subresource): 409 Conflict when the body's
//          metadata.resourceVersion is set and stale; 404 for a missing object
//   PATCH  application/merge-patch+json, application/strategic-merge-patch+json and
//          application/json-patch+json through FakePatch::patch (the object or its status)
//   DELETE 200 with the object's last state, or with a Status Success when the DeleteOptions
//          name a propagationPolicy (what the built-in registries answer kubectl, which always
//          sends one); an object with finalizers only gets a deletionTimestamp (202) and goes
//          once a write empties its finalizers
// Every verb takes dryRun=All (answers what would be stored; stores nothing) and records its
// field manager (the fieldManager parameter, else the User-Agent's product, as the real server
// defaults it) in managedFields with operation Update (subresource "status" for status writes).
// Writes to the main resource of a type with a status subresource keep the stored status; writes
// to the status subresource change only .status. metadata.generation goes up when anything but
// metadata and status changes. The validating admission rules apply to create and update.
// Not modelled: field validation, immutable fields (apply has them), the GC's foreground wait.
namespace Fluxdesk::Testing::FakeWrites {

struct Request
{
    QByteArray method;   // POST, PUT, PATCH, DELETE
    QString subresource; // "" or "status"
    QUrlQuery query;
    QByteArray contentType;
    QByteArray body;
    QByteArray userAgent;
};

struct Answer : FakeApply::Answer
{
    bool remove = false; // delete the stored object (never on dryRun=All)
    QJsonObject reply;   // the response body when it is not `object` (a Status of a DELETE)
};

// The name a POST's object gets: metadata.name, or generateName and a suffix derived from
// seed. Empty when the body names neither (create() then answers 422).
QString nameForCreate(const QByteArray &body, qint64 seed);

// target.name is the object's (from the URL, or nameForCreate() for a POST).
Answer write(const FakeApply::Target &target, const Request &request,
             const FakeApply::Context &context);

} // namespace Fluxdesk::Testing::FakeWrites
