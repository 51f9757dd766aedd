// Helm release record decoding. The input is Helm's payload as it is once the storage layer's
// base64 is gone: gzip-compressed JSON (what Helm writes) or plain JSON (what Helm also reads).
// It goes in base64-encoded, as Helm stores it, and as the Secret driver stores it (base64 twice,
// in a Secret object); the raw input is also given as if it were the base64 text itself, which
// checks the strict base64 reader. No crash, a limit that holds, errors that say something.
#include "fuzzsupport.h"

#include "kube/helmreleaserecord.h"

#include <QJsonObject>

using namespace Fluxdesk;

namespace {

void check(const Result<HelmRelease> &release, const HelmDecodeLimits &limits)
{
    if (!release.ok()) {
        if (release.error().message.isEmpty())
            FluxdeskFuzz::fail("an error without a message", QString());
        return;
    }
    if (release->name.isEmpty())
        FluxdeskFuzz::fail("a release without a name was accepted", QString());
    if (release->manifest.size() > limits.maxDecompressedBytes)
        FluxdeskFuzz::fail("the decompression limit did not hold",
                           QString::number(release->manifest.size()));
}

} // namespace

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray payload = FluxdeskFuzz::bytesOf(data, size);
    // Small, so a gzip bomb is caught at once rather than slowing every run down.
    HelmDecodeLimits limits;
    limits.maxDecompressedBytes = 4 * 1024 * 1024;

    const QByteArray helmBase64 = payload.toBase64();
    const Result<HelmRelease> direct = decodeHelmReleasePayload(helmBase64, limits);
    check(direct, limits);

    check(decodeHelmReleasePayload(payload, limits), limits);

    const QJsonObject secret{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Secret")},
        {QStringLiteral("type"), QStringLiteral("helm.sh/release.v1")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("sh.helm.release.v1.fuzz.v1")},
                     {QStringLiteral("namespace"), QStringLiteral("fuzz")}}},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("release"), QString::fromLatin1(helmBase64.toBase64())}}}};
    const Result<HelmRelease> stored = decodeHelmReleaseObject(secret, limits);
    check(stored, limits);
    if (stored.ok() != direct.ok())
        FluxdeskFuzz::fail("the Secret driver's record decodes otherwise than its payload",
                           stored.ok() ? direct.error().toString() : stored.error().toString());
    if (stored.ok()) {
        if (stored->name != direct->name || stored->revision != direct->revision ||
            stored->values != direct->values || stored->manifest != direct->manifest)
            FluxdeskFuzz::fail("the Secret driver's record decodes to another release",
                               stored->name);
        if (stored->ns.isEmpty())
            FluxdeskFuzz::fail("a stored release without a namespace", stored->name);
        // The current release of one revision is that revision.
        const QList<HelmRelease> current = currentReleases({*stored});
        if (current.size() != 1 || current.first().name != stored->name)
            FluxdeskFuzz::fail("currentReleases lost the one release", stored->name);
    }
    return 0;
}
