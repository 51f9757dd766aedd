// The kustomization reader: any bytes in, the file's fields and resources or an error out, no
// crash. Resources that read are kept up to date as the plan writer does (added, removed), and
// the text written must read again with exactly the resources it was given.
#include "fuzzsupport.h"

#include "repo/kustomizationfile.h"

#include <QJsonObject>

using namespace Fluxdesk;

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = FluxdeskFuzz::bytesOf(data, size);
    const QString path = QStringLiteral("apps/kustomization.yaml");
    // The planner's lenient reader (none on errors), then the strict one.
    const QStringList lenient = kustomizationResources(text, path);
    Result<KustomizationFile> file = KustomizationFile::parse(text, path);
    if (!file.ok()) {
        if (file.error().message.isEmpty())
            FluxdeskFuzz::fail("an error without a message", file.error().toString());
        return 0;
    }
    (void)lenient;
    QJsonObject others = file->object();
    others.remove(QStringLiteral("resources"));

    file->addResources({QStringLiteral("added.yaml"), QStringLiteral("./sub/")});
    file->removeResources({QStringLiteral("added-then-gone.yaml")});
    const QStringList expected = file->resources();
    const QByteArray written = file->text();
    const Result<KustomizationFile> reread = KustomizationFile::parse(written, path);
    if (!reread.ok())
        FluxdeskFuzz::fail("the kustomization written does not read back",
                           reread.error().toString() + QLatin1Char('\n') +
                               QString::fromUtf8(written));
    if (reread->resources() != expected)
        FluxdeskFuzz::fail("the kustomization written lists other resources",
                           QStringLiteral("expected: %1\nread:     %2\ntext:\n%3")
                               .arg(expected.join(QLatin1Char(',')),
                                    reread->resources().join(QLatin1Char(',')),
                                    QString::fromUtf8(written)));
    QJsonObject othersRead = reread->object();
    othersRead.remove(QStringLiteral("resources"));
    if (othersRead != others)
        FluxdeskFuzz::fail("rewriting the resources changed the user's other fields",
                           QString::fromUtf8(written));
    return 0;
}
