// fluxdesk-cli split FILE|- --out DIR [--template T] [--clean [--repo DIR]] [--include-secrets]:
// one file per resource, each cleaned first with --clean, Secrets left out unless asked for.
#include "cleanoutput.h"
#include "clitext.h"
#include "commands.h"
#include "inputfile.h"
#include "output.h"

#include "repo/splitwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

namespace Fluxdesk::Cli {

namespace {

// "kubectl-slice" names the preset; anything else is a template whose fields must be known.
Result<QString> templateFor(const QString &given)
{
    if (given.isEmpty())
        return SplitOptions().nameTemplate;
    if (given == QLatin1String("kubectl-slice"))
        return kubectlSliceTemplate();
    static const QRegularExpression field(QStringLiteral("\\{([^{}]*)\\}"));
    const QStringList known{QStringLiteral("namespace"), QStringLiteral("kind"),
                            QStringLiteral("name"), QStringLiteral("group")};
    QRegularExpressionMatchIterator it = field.globalMatch(given);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!known.contains(name))
            return Error(Text::tr("unknown template field {%1}; known: {namespace} {kind} {name} "
                                  "{group}")
                             .arg(name));
    }
    return given;
}

} // namespace

int runSplit(const CliOptions &options)
{
    if (options.arguments.isEmpty()) {
        printError(Text::tr("split needs a FILE (or - for standard input)"));
        return ExitUsage;
    }
    const Result<QString> nameTemplate = templateFor(options.nameTemplate);
    if (!nameTemplate) {
        printError(nameTemplate.error().toString());
        return ExitUsage;
    }
    const QString input = options.arguments.first();
    InputFile file;
    if (!file.open(input)) {
        printError(input == QLatin1String("-") ? file.errorString()
                                               : Error(file.errorString(), input).toString());
        return ExitUsage;
    }
    const QString fileName = file.shownName();
    SplitOptions split;
    split.nameTemplate = *nameTemplate;
    split.skipSecrets = !options.includeSecrets;
    if (options.clean) {
        const Result<CleanRules> rules = cleanRulesFor(options.repo);
        if (!rules) {
            printError(rules.error().toString());
            return ExitUsage;
        }
        split.cleanRules = *rules;
    }

    // The split file itself, when it sits in the output folder, leaves the kustomization.
    QString removedSource;
    if (input != QLatin1String("-")) {
        const QString inputDir = QFileInfo(input).canonicalPath();
        const QString outDir = QFileInfo(options.out).canonicalFilePath();
        if (!outDir.isEmpty() && inputDir == outDir)
            removedSource = QFileInfo(input).fileName();
    }
    const QByteArray &bytes = file.bytes();
    const Result<SplitWriteResult> written = [&]() -> Result<SplitWriteResult> {
        // A large stream into a new folder: written while it is read.
        if (std::optional<Result<SplitWriteResult>> streamed =
                splitLargeYamlInto(options.out, bytes, fileName, split, removedSource))
            return std::move(*streamed);
        Result<SplitPlan> plan = splitText(bytes, fileName, split);
        if (!plan)
            return plan.error();
        // Only the split files hold the objects from here on: writeSplit frees them as it goes.
        Result<SplitWriteResult> result =
            writeSplit(options.out, std::move(plan->files), removedSource);
        if (result) {
            result->problems = plan->problems;
            result->hadComments = plan->hadComments;
            result->skippedSecrets = plan->skippedSecrets;
        }
        return result;
    }();
    if (!written) {
        printError(written.error().toString());
        return ExitUsage;
    }
    if (options.clean)
        printCleanWarnings(written->problems, written->hadComments, fileName);
    printSkippedSecrets(written->skippedSecrets);
    QString out;
    for (const QString &path : written->written)
        out += QDir::toNativeSeparators(path) + QLatin1Char('\n');
    printOut(out);
    return ExitOk;
}

} // namespace Fluxdesk::Cli
