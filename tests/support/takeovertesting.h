#pragma once

// What the takeover suites share (the command line's and the window's): git run in a checkout
// as a user runs it, and an object found by kind and name among what the fake API server holds.

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Testing {

// `git -c user.name=Test -c user.email=test@example.com ARGUMENTS` in dir; false (git's words
// printed) when it failed or took over a minute.
inline bool gitSucceeds(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("git"),
                  QStringList{QStringLiteral("-c"), QStringLiteral("user.name=Test"),
                              QStringLiteral("-c"), QStringLiteral("user.email=test@example.com")} +
                      arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("git %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAllStandardError().constData());
        return false;
    }
    return true;
}

// A Secret's value under key as the server holds it: data decoded, else stringData.
inline QByteArray secretValue(const QJsonObject &secret, const QString &key)
{
    const QString data = secret.value(QLatin1String("data")).toObject().value(key).toString();
    if (!data.isEmpty())
        return QByteArray::fromBase64(data.toLatin1());
    return secret.value(QLatin1String("stringData")).toObject().value(key).toString().toUtf8();
}

// The first object of that kind and name (any namespace); empty when there is none.
inline QJsonObject findObject(const QList<QJsonObject> &objects, const char *kind, const char *name)
{
    for (const QJsonObject &object : objects) {
        if (object.value(QLatin1String("kind")).toString() == QLatin1String(kind) &&
            object.value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("name"))
                    .toString() == QLatin1String(name))
            return object;
    }
    return {};
}

} // namespace Fluxdesk::Testing
