#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Testing {

// One finished run of the built fluxdesk-cli binary.
struct CliRun
{
    int exitCode = -1;
    bool finished = false; // false: crashed or timed out
    QByteArray out;
    QByteArray err;

    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
};

// The environment the CLI runs in: HOME set to home (no ~/.kube/config unless the test writes
// one) and KUBECONFIG removed, so the developer's own cluster never leaks into a test; nor their
// age keys (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE and XDG_CONFIG_HOME removed).
QProcessEnvironment isolatedEnvironment(const QString &home);

CliRun runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, int timeoutMs = 60000);

// Runs FLUXDESK_CLI_PATH.
CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment,
              int timeoutMs = 60000);

} // namespace Fluxdesk::Testing
