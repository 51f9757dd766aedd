#pragma once

// The migration checklist of the roadmap's steps 7 to 9 (bootstrap Flux, reconciliation
// boundaries, migrate incrementally), each item with its live state: pure, from the live Flux
// objects and the takeover report.

#include "flux/takeover.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

enum class ChecklistState
{
    Done,
    Waiting,    // under way, or waiting for an item before it
    NotStarted, // nothing of it in the cluster yet
    Failed,
    Danger, // something was lost or will be: stop and look
    Advice, // no state: what to do, or never to do, from here on
};

// What the user can do about an item from the app, when anything.
enum class ChecklistAction
{
    None,
    Bootstrap,          // Flux is not installed
    Reconcile,          // a failed or stale Flux object: reconcile it
    ResumeInGit,        // a suspended entry point whose dependencies are Ready: clear Suspended
    ShowTakeoverReport, // a release or object not adopted in place
};

struct ChecklistItem
{
    int step = 7; // the roadmap's step: 7, 8 or 9
    QString id;   // stable: "controllers", "source", "flux-system", "entry:<name>",
                  // "release:<ns>/<name>", "objects", "no-helm-uninstall"
    QString title;
    ChecklistState state = ChecklistState::NotStarted;
    QString detail;
    ChecklistAction action = ChecklistAction::None;
    // The Flux object the action works on ("Kustomization", "flux-system", "workloads"), or the
    // entry point's name for ResumeInGit.
    QString targetKind, targetNamespace, targetName;
};

struct ChecklistInput
{
    // The live objects of flux-system (the controllers' Deployments, the Namespace) and every
    // Flux object (GitRepository, Kustomization, HelmRelease...).
    QList<QJsonObject> live;
    // The entry points the plan writes (clusters/<cluster>/<name>.yaml), in order:
    // "infrastructure", "workloads".
    QStringList entryPoints;
    QString cluster;
    // The takeover verdicts, when a baseline exists.
    const TakeoverReport *takeover = nullptr;
};

QList<ChecklistItem> migrationChecklist(const ChecklistInput &input);

// "done", "waiting", "not-started", "failed", "danger", "advice"
QString checklistStateId(ChecklistState state);

} // namespace Fluxdesk
