#include "clirunner.h"

#include <QProcess>

namespace Fluxdesk::Testing {

QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.remove(QStringLiteral("KUBECONFIG"));
    // Nor the developer's age keys: sops's places are under HOME, or named by these.
    env.remove(QStringLiteral("SOPS_AGE_KEY"));
    env.remove(QStringLiteral("SOPS_AGE_KEY_FILE"));
    env.remove(QStringLiteral("XDG_CONFIG_HOME"));
    return env;
}

CliRun runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    // Output is read once at the end; the outputs here stay far below the pipe buffers' reach
    // because QProcess drains the pipes while it waits.
    run.finished =
        process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs)
{
    return runProgram(QStringLiteral(FLUXDESK_CLI_PATH), arguments, environment, timeoutMs);
}

} // namespace Fluxdesk::Testing
