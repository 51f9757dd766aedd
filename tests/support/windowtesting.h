#pragma once

// What the window suites (tests/gui) share: a scratch home and a start on the demo cluster.

#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "startup.h"

#include <QFile>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>

namespace Fluxdesk::TestFiles {

// Points HOME, the settings and Helm's configuration and cache into home, so a window test
// reads and writes nothing of the user's (nor uses their age keys).
inline void useScratchHome(const QTemporaryDir &home)
{
    qunsetenv("SOPS_AGE_KEY");
    qunsetenv("SOPS_AGE_KEY_FILE");
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral(".config"))));
    qputenv("HELM_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("helm"))));
    qputenv("HELM_CACHE_HOME", QFile::encodeName(home.filePath(QStringLiteral("helm-cache"))));
}

// Starts the window on the demo cluster against repo; true once its first plan is ready.
inline bool startOnDemo(MainWindow &window, const QString &repo)
{
    QSignalSpy ready(window.planController()->session(), &PlanSession::planReady);
    StartupOptions options;
    options.demo = true;
    options.repo = repo;
    window.start(options);
    return ready.wait(30000);
}

// Waits until the plan settles: the next plan, then none for three seconds (the plan is redone
// as a snapshot's objects arrive). False when no plan comes within 30 s.
inline bool waitForSettledPlan(QSignalSpy &ready)
{
    if (!ready.wait(30000))
        return false;
    while (ready.wait(3000)) {
    }
    return true;
}

// Starts the window on a snapshot file (kubectl get -o yaml output) against repo; true once its
// plan has settled.
inline bool startOnSnapshot(MainWindow &window, const QString &snapshot, const QString &repo)
{
    QSignalSpy ready(window.planController()->session(), &PlanSession::planReady);
    StartupOptions options;
    options.snapshot = snapshot;
    options.repo = repo;
    window.start(options);
    return waitForSettledPlan(ready);
}

} // namespace Fluxdesk::TestFiles
