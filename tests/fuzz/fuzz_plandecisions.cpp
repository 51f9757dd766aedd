// .fluxdesk/plan.yaml: any bytes in, the user's decisions or an error (with a position) out, no
// crash. What reads is saved and read again: the saved text must read, and saving that gives the
// same text (a plan saved twice does not change; the first save may take credential values out
// of edited Helm values, by design: PlanDecisions::releases).
#include "fuzzsupport.h"

#include "plan/plandecisions.h"
#include "plan/planoptions.h"

using namespace Fluxdesk;

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString file = QStringLiteral(".fluxdesk/plan.yaml");
    const Result<PlanDecisions> read =
        PlanDecisions::parse(FluxdeskFuzz::bytesOf(data, size), file);
    if (!read.ok()) {
        if (read.error().message.isEmpty())
            FluxdeskFuzz::fail("an error without a message", read.error().toString());
        return 0;
    }
    PlanOptions options;
    read->applyTo(options);

    const QByteArray saved = read->toYaml();
    const Result<PlanDecisions> again = PlanDecisions::parse(saved, file);
    if (!again.ok())
        FluxdeskFuzz::fail("a saved plan does not read back",
                           again.error().toString() + QLatin1Char('\n') + QString::fromUtf8(saved));
    const QByteArray savedAgain = again->toYaml();
    if (savedAgain != saved)
        FluxdeskFuzz::fail("saving a saved plan changes it",
                           QStringLiteral("first:\n%1\nsecond:\n%2")
                               .arg(QString::fromUtf8(saved), QString::fromUtf8(savedAgain)));
    return 0;
}
