// The cleaner: manifests in, cleaned manifests out, no crash; the text path (cleanYamlText, as
// `clean` and the editor run it) and the object path (cleanObject, as the planner runs it).
// Properties, on each object once the evidence of intent is taken out (managedFields and
// last-applied-configuration, which the first clean removes, so a second clean cannot see what a
// person set: tst_cleaner's idempotence holds only without them):
//   - cleaning twice equals cleaning once;
//   - the cleaned object, written as YAML, reads back as itself.
#include "fuzzsupport.h"

#include "manifest/cleaner.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Fluxdesk;

namespace {

const CleanRules &rules()
{
    static const CleanRules defaults = CleanRules::defaults();
    return defaults;
}

QJsonObject withoutEvidence(QJsonObject object)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    if (metadata.isEmpty())
        return object;
    metadata.remove(QStringLiteral("managedFields"));
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    if (annotations.contains(QLatin1String("kubectl.kubernetes.io/last-applied-configuration"))) {
        annotations.remove(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"));
        metadata.insert(QStringLiteral("annotations"), annotations);
    }
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

// JSON text, for messages.
QByteArray text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Compared as values, numbers by their value: a number above 2^53 may be held as an integer or as
// a double ("32e17" reads as a double, its "3.2e+18" back as an integer: the same number to every
// reader, but QJsonArray's == tells them apart). Known, accepted. The YAML reader keeps .nan as
// text, so no NaN reaches a comparison.
bool same(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!same(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            if (!same(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FluxdeskFuzz::bytesOf(data, size);
    YamlParseOptions options;
    options.maxNodes = 200'000;
    const Result<QList<YamlDocument>> documents =
        parseYamlDocuments(bytes, QStringLiteral("fuzz.yaml"), options);
    if (!documents.ok())
        return 0;

    // The text path, as `clean` runs it.
    const Result<CleanTextResult> cleanedText =
        cleanYamlText(bytes, QStringLiteral("fuzz.yaml"), rules());
    if (!cleanedText.ok() && cleanedText.error().message.isEmpty())
        FluxdeskFuzz::fail("an error without a message", cleanedText.error().toString());

    QList<QJsonObject> objects;
    for (const YamlDocument &d : *documents) {
        if (d.value.isObject() && objects.size() < 8)
            objects.append(withoutEvidence(d.value.toObject()));
    }
    const CleanContext context = cleanContextFor(objects);
    for (const QJsonObject &object : std::as_const(objects)) {
        const CleanResult once = cleanObject(object, rules(), context);
        const CleanResult twice = cleanObject(once.object, rules(), context);
        if (!same(twice.object, once.object))
            FluxdeskFuzz::fail("cleaning twice differs from cleaning once",
                               QStringLiteral("once:  %1\ntwice: %2")
                                   .arg(QString::fromUtf8(text(once.object)),
                                        QString::fromUtf8(text(twice.object))));
        const QString yaml = toYaml(once.object);
        const Result<QJsonValue> reread = parseYamlValue(yaml.toUtf8(), QStringLiteral("out.yaml"));
        if (!reread.ok())
            FluxdeskFuzz::fail("the cleaned object, written, does not read",
                               reread.error().toString() + QLatin1Char('\n') + yaml);
        if (!same(*reread, once.object))
            FluxdeskFuzz::fail("the cleaned object, written, reads back as another",
                               QStringLiteral("cleaned: %1\nwritten:\n%2\nread:    %3")
                                   .arg(QString::fromUtf8(text(once.object)), yaml,
                                        QString::fromUtf8(text(reread->toObject()))));
    }
    return 0;
}
