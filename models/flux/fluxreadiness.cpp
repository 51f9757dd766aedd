#include "fluxreadiness.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Fluxdesk::FluxReadinessRules {

namespace {

const FluxCondition *findCondition(const QList<FluxCondition> &list, const char *type)
{
    for (const FluxCondition &c : list) {
        if (c.type == QLatin1String(type))
            return &c;
    }
    return nullptr;
}

FluxReadinessVerdict verdict(FluxReadiness readiness, const FluxCondition &c)
{
    return {readiness, c.reason, c.message};
}

} // namespace

QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid()) {
        // Go's RFC3339Nano: more than three fraction digits, which Qt does not parse.
        const qsizetype dot = text.indexOf(QLatin1Char('.'));
        if (dot > 0) {
            qsizetype end = dot + 1;
            while (end < text.size() && text.at(end).isDigit())
                ++end;
            const QString trimmed = text.left(dot + 1) +
                                    text.mid(dot + 1, qMin<qsizetype>(3, end - dot - 1)) +
                                    text.mid(end);
            time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        }
    }
    return time.isValid() ? time.toUTC() : QDateTime();
}

QList<FluxCondition> conditions(const QJsonObject &object)
{
    QList<FluxCondition> out;
    const QJsonArray list = object.value(QLatin1String("status"))
                                .toObject()
                                .value(QLatin1String("conditions"))
                                .toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        FluxCondition c;
        c.type = o.value(QLatin1String("type")).toString();
        c.status = o.value(QLatin1String("status")).toString();
        c.reason = o.value(QLatin1String("reason")).toString();
        c.message = o.value(QLatin1String("message")).toString();
        c.lastTransitionTime = parseTime(o.value(QLatin1String("lastTransitionTime")).toString());
        c.observedGeneration = qint64(o.value(QLatin1String("observedGeneration")).toDouble(-1));
        if (!c.type.isEmpty())
            out.append(c);
    }
    return out;
}

FluxReadinessVerdict of(const QJsonObject &object)
{
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    const QList<FluxCondition> list = conditions(object);
    const FluxCondition *ready = findCondition(list, "Ready");

    if (spec.value(QLatin1String("suspend")).toBool()) {
        FluxReadinessVerdict v{FluxReadiness::Suspended, QStringLiteral("Suspended"),
                               QCoreApplication::translate(
                                   "FluxStatus", "Suspended: Flux does not reconcile it until it "
                                                 "is resumed")};
        if (ready && !ready->message.isEmpty())
            v.message = QCoreApplication::translate("FluxStatus", "Suspended; last status: %1")
                            .arg(ready->message);
        return v;
    }
    const FluxCondition *stalled = findCondition(list, "Stalled");
    if (stalled && stalled->status == QLatin1String("True"))
        return verdict(FluxReadiness::Stalled, *stalled);

    const qint64 generation = qint64(object.value(QLatin1String("metadata"))
                                         .toObject()
                                         .value(QLatin1String("generation"))
                                         .toDouble(-1));
    const qint64 observed = qint64(status.value(QLatin1String("observedGeneration")).toDouble(-1));
    if (generation > 0 && observed >= 0 && observed < generation)
        return {FluxReadiness::Reconciling, QStringLiteral("Progressing"),
                QCoreApplication::translate("FluxStatus",
                                            "The controller has not yet seen the latest change "
                                            "(generation %1, observed %2)")
                    .arg(generation)
                    .arg(observed)};

    const FluxCondition *reconciling = findCondition(list, "Reconciling");
    if (ready && ready->status == QLatin1String("False"))
        return verdict(FluxReadiness::Failed, *ready);
    if (reconciling && reconciling->status == QLatin1String("True"))
        return verdict(FluxReadiness::Reconciling, *reconciling);
    if (ready && ready->status == QLatin1String("Unknown"))
        return verdict(FluxReadiness::Reconciling, *ready);
    if (ready && ready->status == QLatin1String("True"))
        return verdict(FluxReadiness::Ready, *ready);
    if (status.isEmpty() || list.isEmpty())
        return {FluxReadiness::Unknown, QString(),
                QCoreApplication::translate("FluxStatus",
                                            "No status yet: its controller has not reported on it "
                                            "(is Flux running?)")};
    return {FluxReadiness::Unknown, QString(),
            QCoreApplication::translate("FluxStatus", "No Ready condition in its status")};
}

QString text(FluxReadiness readiness)
{
    switch (readiness) {
    case FluxReadiness::Ready:
        return QCoreApplication::translate("FluxStatus", "Ready");
    case FluxReadiness::Reconciling:
        return QCoreApplication::translate("FluxStatus", "Reconciling");
    case FluxReadiness::Stalled:
        return QCoreApplication::translate("FluxStatus", "Stalled");
    case FluxReadiness::Failed:
        return QCoreApplication::translate("FluxStatus", "Failed");
    case FluxReadiness::Suspended:
        return QCoreApplication::translate("FluxStatus", "Suspended");
    case FluxReadiness::Unknown:
        break;
    }
    return QCoreApplication::translate("FluxStatus", "Unknown");
}

int severity(FluxReadiness readiness)
{
    switch (readiness) {
    case FluxReadiness::Stalled:
        return 0;
    case FluxReadiness::Failed:
        return 1;
    case FluxReadiness::Unknown:
        return 2;
    case FluxReadiness::Reconciling:
        return 3;
    case FluxReadiness::Suspended:
        return 4;
    case FluxReadiness::Ready:
        break;
    }
    return 5;
}

} // namespace Fluxdesk::FluxReadinessRules
