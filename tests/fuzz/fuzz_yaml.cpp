// The YAML readers: any bytes in, documents (JSON values and lines) out, no crash. The fast reader
// and the yaml-cpp reader are compared on every input: the fast one must decline or give exactly
// what yaml-cpp gives (its contract, yamlfast.h, and tst_yamlfast's). Then the reader with
// positions, as the editor and the linter call it.
#include "fuzzsupport.h"

#include "manifest/yamlfast.h"
#include "manifest/yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Fluxdesk;

namespace {

// Documents as comparable text: values with their JSON types, and lines.
QByteArray describe(const QList<YamlDocument> &documents)
{
    QJsonArray all;
    for (const YamlDocument &d : documents)
        all.append(QJsonArray{d.line, d.value.isUndefined() ? QJsonValue(QStringLiteral("<undef>"))
                                                            : d.value});
    return QJsonDocument(all).toJson(QJsonDocument::Compact);
}

} // namespace

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FluxdeskFuzz::bytesOf(data, size);
    // A budget well under the default keeps alias bombs from making every run slow; both readers
    // get the same one. (The default budget is what the byte budget of issue 17 replaces.)
    YamlParseOptions options;
    options.maxNodes = 200'000;

    const Result<QList<YamlDocument>> slow =
        YamlDetail::parseYamlDocumentsWithYamlCpp(bytes, QStringLiteral("fuzz.yaml"), options);
    // Known, accepted: bytes that are not UTF-8 or hold a NUL are refused before either reader
    // runs (parseYamlFast's precondition), so the fast reader is not asked.
    if (!slow.ok() && (slow.error().message.contains(QLatin1String("UTF-8")) ||
                       slow.error().message.contains(QLatin1String("NUL"))))
        return 0;

    const std::optional<QList<YamlDocument>> fast = YamlDetail::parseYamlFast(bytes, options);
    if (fast) {
        if (!slow.ok())
            FluxdeskFuzz::fail(
                "the fast reader accepts what yaml-cpp refuses",
                QStringLiteral("yaml-cpp: %1\nfast:     %2")
                    .arg(slow.error().toString(), QString::fromUtf8(describe(*fast))));
        const QByteArray a = describe(*slow);
        const QByteArray b = describe(*fast);
        if (a != b)
            FluxdeskFuzz::fail("the fast reader and yaml-cpp give different documents",
                               QStringLiteral("yaml-cpp: %1\nfast:     %2")
                                   .arg(QString::fromUtf8(a), QString::fromUtf8(b)));
    }

    YamlParseOptions withPositions = options;
    withPositions.recordPositions = true;
    const Result<QList<YamlDocument>> positioned =
        parseYamlDocuments(bytes, QStringLiteral("fuzz.yaml"), withPositions);
    if (positioned.ok() != slow.ok())
        FluxdeskFuzz::fail("recording positions changes whether the text reads",
                           positioned.ok() ? slow.error().toString()
                                           : positioned.error().toString());
    if (!positioned.ok())
        return 0;
    if (describe(*positioned) != describe(*slow))
        FluxdeskFuzz::fail("recording positions changes the documents",
                           QString::fromUtf8(describe(*positioned)));
    // Every recorded path (keys as the fuzzer wrote them: quotes, brackets, dots) walks up to the
    // root: positionOf() must end and never give a negative position.
    for (const YamlDocument &d : *positioned) {
        int asked = 0;
        for (auto it = d.keyPositions.cbegin(); it != d.keyPositions.cend() && asked < 64;
             ++it, ++asked) {
            const QPair<int, int> at =
                d.positionOf(yamlPathIndex(yamlPathKey(it.key(), it.key()), 0));
            if (at.first < 0 || at.second < 0)
                FluxdeskFuzz::fail("a negative position", it.key());
        }
    }
    return 0;
}
