#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

namespace Fluxdesk::Testing {

// Whether `kubectl kustomize` builds a kustomization whose resources list a folder, as Flux's
// kustomize-controller and kubectl 1.21 and later do (the planned repository lists its folders).
// Debian 12's own kubectl (1.20, installed where no other kubectl exists) embeds kustomize 2.0.3,
// which reads files only: there the tests cannot build the planned repository and say so once.
inline bool kubectlKustomizeReadsFolders()
{
    static const bool reads = [] {
        QTemporaryDir dir;
        if (!dir.isValid() || !QDir(dir.path()).mkdir(QStringLiteral("sub")))
            return false;
        const auto write = [&](const QString &name, const QByteArray &text) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
        };
        if (!write(QStringLiteral("kustomization.yaml"), "resources:\n- sub\n") ||
            !write(QStringLiteral("sub/kustomization.yaml"), "resources:\n- cm.yaml\n") ||
            !write(QStringLiteral("sub/cm.yaml"),
                   "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\n"))
            return false;
        QProcess kubectl;
        kubectl.start(QStringLiteral("kubectl"), {QStringLiteral("kustomize"), dir.path()});
        const bool ok = kubectl.waitForFinished(60000) &&
                        kubectl.exitStatus() == QProcess::NormalExit && kubectl.exitCode() == 0 &&
                        kubectl.readAllStandardOutput().contains("name: probe");
        if (!ok)
            qInfo("kubectl's kustomize reads no folders listed in resources (kubectl 1.20 embeds "
                  "kustomize 2.0.3); the planned repository's kustomize builds are not checked");
        return ok;
    }();
    return reads;
}

} // namespace Fluxdesk::Testing
