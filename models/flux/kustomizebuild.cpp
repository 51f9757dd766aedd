// kustomize build through the machine's tool, off the UI thread, with its errors mapped to the
// repository's files.
#include "flux/kustomizebuild.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace Fluxdesk {

namespace {

// Gives lupdate and the runtime the same context ("Validation") for the strings below.
class KustomizeText
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};

QString findProgram(const QString &name, const QStringList &searchPaths)
{
    return searchPaths.isEmpty() ? QStandardPaths::findExecutable(name)
                                 : QStandardPaths::findExecutable(name, searchPaths);
}

// kubectl logs through klog: E1207 14:04:46.274009 22871 run.go:72] "command failed" err="..."
// kustomize prints "Error: ...". Either way the user wants the sentence inside.
QString toolWords(const QString &stderrText)
{
    static const QRegularExpression klog(
        QStringLiteral(R"re(^[EWIF]\d{4} [\d:.]+\s+\d+ [^\]]+\] "command failed" err="(.*)"$)re"));
    QStringList lines;
    for (QString line : stderrText.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.trimmed();
        const QRegularExpressionMatch match = klog.match(line);
        if (match.hasMatch()) {
            line = match.captured(1);
            line.replace(QLatin1String("\\\""), QLatin1String("\""));
            line.replace(QLatin1String("\\n"), QLatin1String(" "));
        } else if (line.startsWith(QLatin1String("Error: "))) {
            line = line.mid(7);
        }
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines.join(QLatin1Char(' '));
}

QString kustomizationFileOf(const QString &repoDir, const QString &folder)
{
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        const QString relative = QDir::cleanPath(folder + QLatin1Char('/') + QLatin1String(name));
        if (QFileInfo(QDir(repoDir).filePath(relative)).isFile())
            return relative;
    }
    return QDir::cleanPath(folder + QStringLiteral("/kustomization.yaml"));
}

// A repository file the text names, relative to repoDir, or "".
QString namedFile(const QString &text, const QString &repoDir, const QString &folder)
{
    const QDir repo(repoDir);
    const auto existing = [&](const QString &relative) {
        const QString clean = QDir::cleanPath(relative);
        return !clean.startsWith(QLatin1String("..")) && QFileInfo(repo.filePath(clean)).isFile()
                   ? clean
                   : QString();
    };
    // "in File: cm.yaml" (relative to the folder being built)
    static const QRegularExpression inFile(QStringLiteral(R"(in File: ([^\s'"]+))"));
    const QRegularExpressionMatch in = inFile.match(text);
    if (in.hasMatch()) {
        const QString found = existing(folder + QLatin1Char('/') + in.captured(1));
        if (!found.isEmpty())
            return found;
    }
    // Absolute paths inside the repository, as written or as the tool resolved them.
    QStringList roots{QDir::cleanPath(repo.absolutePath())};
    const QString canonical = QFileInfo(repoDir).canonicalFilePath();
    if (!canonical.isEmpty() && !roots.contains(canonical))
        roots.append(canonical);
    for (const QString &root : std::as_const(roots)) {
        const QRegularExpression absolute(QRegularExpression::escape(root + QLatin1Char('/')) +
                                          QStringLiteral(R"(([^\s'":]+))"));
        auto it = absolute.globalMatch(text);
        while (it.hasNext()) {
            const QString found = existing(it.next().captured(1));
            if (!found.isEmpty())
                return found;
        }
    }
    // "accumulating resources from 'cm.yaml'": the innermost name that is a file of the folder.
    static const QRegularExpression quoted(QStringLiteral(R"('([^'\s]+\.ya?ml)')"));
    QString last;
    auto it = quoted.globalMatch(text);
    while (it.hasNext()) {
        const QString found = existing(folder + QLatin1Char('/') + it.next().captured(1));
        if (!found.isEmpty())
            last = found;
    }
    return last;
}

} // namespace

KustomizeTool findKustomizeTool(const QStringList &searchPaths)
{
    KustomizeTool tool;
    tool.program = findProgram(QStringLiteral("kustomize"), searchPaths);
    if (!tool.program.isEmpty()) {
        tool.command = QStringList{QStringLiteral("build")};
        tool.name = QStringLiteral("kustomize");
        return tool;
    }
    tool.program = findProgram(QStringLiteral("kubectl"), searchPaths);
    if (!tool.program.isEmpty()) {
        tool.command = QStringList{QStringLiteral("kustomize")};
        tool.name = QStringLiteral("kubectl kustomize");
    }
    return tool;
}

QString kustomizeMissingText()
{
    return KustomizeText::tr(
        "Neither kustomize nor kubectl was found on the PATH, so the kustomizations Flux reads "
        "were not built. Install kustomize (https://kubectl.docs.kubernetes.io/installation/"
        "kustomize/) or kubectl, then validate again.");
}

Error kustomizeError(const QString &stderrText, const QString &repoDir, const QString &folder)
{
    const QString words = toolWords(stderrText);
    QString file = namedFile(words, repoDir, folder);
    const bool aboutKustomization = file.isEmpty();
    if (aboutKustomization)
        file = kustomizationFileOf(repoDir, folder);
    int line = 0;
    static const QRegularExpression lineNumber(QStringLiteral(R"(\byaml: line (\d+):)"));
    const QRegularExpressionMatch match = lineNumber.match(words);
    if (match.hasMatch())
        line = match.captured(1).toInt();
    const QString shown = folder.isEmpty() ? QStringLiteral(".") : folder;
    return Error(KustomizeText::tr("kustomize build %1 failed: %2")
                     .arg(shown, words.isEmpty() ? stderrText.trimmed() : words),
                 file, line);
}

Result<QByteArray> kustomizeBuild(const KustomizeTool &tool, const QString &repoDir,
                                  const QString &folder, int timeoutMs,
                                  const std::atomic_bool *canceled)
{
    if (!tool.isValid())
        return Error(kustomizeMissingText());
    QProcess process;
    const QString dir = QDir::cleanPath(
        QDir(repoDir).absoluteFilePath(folder.isEmpty() ? QStringLiteral(".") : folder));
    process.setWorkingDirectory(repoDir);
    process.start(tool.program, tool.command + QStringList{dir});
    if (!process.waitForStarted(10000))
        return Error(
            KustomizeText::tr("%1 could not be started: %2").arg(tool.name, process.errorString()),
            tool.program);
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    QByteArray err;
    while (process.state() != QProcess::NotRunning) {
        process.waitForFinished(50);
        out += process.readAllStandardOutput();
        err += process.readAllStandardError();
        const bool stop = canceled && canceled->load();
        if (stop || timer.elapsed() > timeoutMs) {
            process.kill();
            process.waitForFinished(5000);
            if (stop)
                return Error(KustomizeText::tr("Cancelled."));
            return Error(KustomizeText::tr(
                             "%1 %2 did not finish within %3 seconds and was stopped; a remote "
                             "resource may be unreachable.")
                             .arg(tool.name, folder.isEmpty() ? QStringLiteral(".") : folder)
                             .arg(timeoutMs / 1000),
                         kustomizationFileOf(repoDir, folder));
        }
    }
    out += process.readAllStandardOutput();
    err += process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return kustomizeError(QString::fromUtf8(err), repoDir, folder);
    return out;
}

} // namespace Fluxdesk
