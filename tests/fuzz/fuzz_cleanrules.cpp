// A repository's cleaning rules (.fluxdesk/clean-rules.yaml comes with a cloned repository, so it
// is someone else's text): any bytes in, rules or an error out, then a few objects of the demo
// cluster (compiled in, read once) cleaned with them. No crash, and no rule, however its paths
// are written ("**", globs, alternatives), may make a clean run for long (-timeout).
#include "fuzzsupport.h"

#include "manifest/cleaner.h"
#include "manifest/yamljson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Fluxdesk;

namespace {

// One object of each of the first kinds the demo cluster lists, at most eight.
const QList<QJsonObject> &objects()
{
    static const QList<QJsonObject> picked = [] {
        QList<QJsonObject> out;
        QFile file(QStringLiteral(":/demo/demo-cluster.yaml"));
        if (!file.open(QIODevice::ReadOnly))
            FluxdeskFuzz::fail("the demo cluster is not compiled in", file.fileName());
        const Result<QList<YamlDocument>> docs =
            parseYamlDocuments(file.readAll(), file.fileName());
        if (!docs.ok())
            FluxdeskFuzz::fail("the demo cluster does not read", docs.error().toString());
        QSet<QString> kinds;
        for (const YamlDocument &d : *docs) {
            const QJsonObject o = d.value.toObject();
            const QJsonArray items = o.value(QLatin1String("items")).toArray();
            for (const QJsonValue &item : items.isEmpty() ? QJsonArray{o} : items) {
                const QString kind = item.toObject().value(QLatin1String("kind")).toString();
                if (out.size() < 8 && !kinds.contains(kind)) {
                    kinds.insert(kind);
                    out.append(item.toObject());
                }
            }
        }
        return out;
    }();
    return picked;
}

} // namespace

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<CleanRules> rules = CleanRules::parse(
        FluxdeskFuzz::bytesOf(data, size), QStringLiteral(".fluxdesk/clean-rules.yaml"));
    if (!rules.ok()) {
        if (rules.error().message.isEmpty())
            FluxdeskFuzz::fail("an error without a message", rules.error().toString());
        return 0;
    }
    const CleanContext context = cleanContextFor(objects());
    for (const QJsonObject &object : objects())
        (void)cleanObject(object, *rules, context);
    return 0;
}
