#include "source.h"

#include "clitext.h"
#include "output.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace Fluxdesk::Cli {

namespace {

std::atomic_bool g_interrupted{false};

extern "C" void onSigint(int)
{
    g_interrupted = true;
    // A second Ctrl+C ends the process at once, should the cancel itself get stuck.
    std::signal(SIGINT, SIG_DFL);
}

QString stateWord(TypeState state)
{
    switch (state) {
    case TypeState::Forbidden:
        return QStringLiteral("forbidden");
    case TypeState::Failed:
        return QStringLiteral("failed");
    case TypeState::Cancelled:
        return QStringLiteral("cancelled");
    default:
        return QString();
    }
}

} // namespace

Result<Kubeconfig> loadKubeconfig(const CliOptions &options)
{
    if (!options.kubeconfig.isEmpty() && !QFileInfo::exists(options.kubeconfig))
        return Error(Text::tr("no such file"), options.kubeconfig);
    const QStringList files = Kubeconfig::defaultFiles(options.kubeconfig);
    bool anyExists = false;
    for (const QString &file : files)
        anyExists = anyExists || QFileInfo::exists(file);
    if (!anyExists) {
        return Error(Text::tr("no kubeconfig found (looked at %1); pass --kubeconfig PATH, or try "
                              "--demo for the built-in demo cluster or --snapshot PATH")
                         .arg(files.isEmpty() ? QStringLiteral("~/.kube/config")
                                              : files.join(QLatin1String(", "))));
    }
    return Kubeconfig::load(files);
}

Result<ConnectionSettings> liveConnection(const CliOptions &options, const QString &command)
{
    if (options.demo || !options.snapshot.isEmpty())
        return Error(Text::tr("%1 needs a live cluster (--kubeconfig/--context), not %2")
                         .arg(command, options.demo ? QStringLiteral("--demo")
                                                    : QStringLiteral("--snapshot")));
    const Result<Kubeconfig> config = loadKubeconfig(options);
    if (!config)
        return config.error();
    Result<ConnectionSettings> settings = resolveContext(*config, options.context);
    if (settings)
        for (const QString &warning : settings->warnings)
            printWarning(warning);
    return settings;
}

Result<ClusterSource> sourceFor(const CliOptions &options)
{
    ClusterSource source;
    if (options.demo) {
        source.kind = ClusterSource::Kind::Demo;
        return source;
    }
    if (!options.snapshot.isEmpty()) {
        if (!QFileInfo::exists(options.snapshot))
            return Error(Text::tr("no such file or folder"), options.snapshot);
        source.kind = ClusterSource::Kind::Snapshot;
        source.snapshotPath = options.snapshot;
        return source;
    }
    const Result<Kubeconfig> config = loadKubeconfig(options);
    if (!config)
        return config.error();
    const QString context = options.context.isEmpty() ? config->currentContext() : options.context;
    const QString available = config->contextNames().join(QLatin1String(", "));
    if (context.isEmpty()) {
        return Error(Text::tr("the kubeconfig sets no current-context; pass --context NAME "
                              "(available: %1)")
                         .arg(available));
    }
    if (!config->context(context)) {
        return Error(Text::tr("context \"%1\" not found in %2 (available: %3)")
                         .arg(context, config->files().join(QLatin1String(", ")), available));
    }
    source.kind = ClusterSource::Kind::Kubeconfig;
    source.kubeconfigFiles = config->files();
    source.context = context;
    return source;
}

int loadSource(const CliOptions &options, ClusterSession &session)
{
    const Result<ClusterSource> source = sourceFor(options);
    if (!source) {
        printError(source.error().toString());
        return ExitUsage;
    }
    return loadInventory(session, *source);
}

int loadInventory(ClusterSession &session, const ClusterSource &source)
{
    const bool tty = stderrIsTerminal();
    QEventLoop loop;
    int exitCode = ExitOk;
    int failedTypes = 0;
    bool progressShown = false;
    const auto clearProgress = [&] {
        if (progressShown)
            std::fputs("\r\033[K", stderr);
        progressShown = false;
    };

    QObject::connect(&session, &ClusterSession::connectionResolved, &loop,
                     [&](const QStringList &warnings) {
                         clearProgress();
                         for (const QString &warning : warnings)
                             printWarning(warning);
                     });
    QObject::connect(
        &session, &ClusterSession::typeFinished, &loop,
        [&](const ResourceType &type, TypeState state, const QString &message) {
            if (state != TypeState::Forbidden && state != TypeState::Failed)
                return;
            ++failedTypes;
            clearProgress();
            printWarning(
                QStringLiteral("%1: %2: %3").arg(type.qualifiedName(), stateWord(state), message));
        });
    if (tty) {
        QObject::connect(&session, &ClusterSession::progress, &loop, [&](int done, int total) {
            const QString line = Text::tr("loading: %1/%2 resource types, %3 objects")
                                     .arg(done)
                                     .arg(total)
                                     .arg(session.inventory().size());
            const QByteArray bytes = QByteArray("\r\033[K") + line.toUtf8();
            std::fputs(bytes.constData(), stderr);
            std::fflush(stderr);
            progressShown = true;
        });
    }
    QObject::connect(&session, &ClusterSession::finished, &loop,
                     [&](bool ok, const QString &message) {
                         clearProgress();
                         // cancel() reports "Cancelled" through here; the interrupt said it.
                         if (exitCode == ExitCancelled)
                             return;
                         if (!ok) {
                             printError(message);
                             exitCode = ExitUsage;
                         }
                         loop.quit();
                     });

    // Signal handlers may only set a flag; the event loop notices it.
    g_interrupted = false;
    const auto previous = std::signal(SIGINT, onSigint);
    QTimer interruptPoll;
    interruptPoll.setInterval(50);
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&] {
        if (!g_interrupted)
            return;
        exitCode = ExitCancelled;
        session.cancel();
        loop.quit();
    });
    interruptPoll.start();

    session.connectTo(source);
    if (session.isBusy())
        loop.exec();
    interruptPoll.stop();
    std::signal(SIGINT, previous);
    QObject::disconnect(&session, nullptr, &loop, nullptr);

    if (exitCode == ExitCancelled) {
        clearProgress();
        printError(Text::tr("interrupted; nothing written"));
        return exitCode;
    }
    if (exitCode == ExitOk && failedTypes > 0) {
        printWarning(Text::tr("partial results: %n resource type(s) could not be listed", nullptr,
                              failedTypes));
    }
    return exitCode;
}

} // namespace Fluxdesk::Cli
