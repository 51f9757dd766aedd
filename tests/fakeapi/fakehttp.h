#pragma once

#include <QByteArray>
#include <QString>

// HTTP and metav1.Status wording of the fake API server, shared by its parts.
namespace Fluxdesk::Testing::FakeHttp {

// A JSON string literal ("a\"b"), escaped by QJsonDocument.
QByteArray jsonString(const QString &s);
QByteArray httpReason(int code);
// The Status reason the real server gives a code ("NotFound", "Conflict", ...).
QString statusReason(int code);

struct StatusDetails
{
    QString name, group, kind;
    QString reason;                                // when not the code's usual one
    QString causeReason, causeMessage, causeField; // one entry of details.causes, when set
};

// A metav1.Status body with the fields in the order the real server writes them.
QByteArray statusBody(int code, const QString &message, const StatusDetails &details = {});

} // namespace Fluxdesk::Testing::FakeHttp
