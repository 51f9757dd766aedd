#pragma once

#include "kube/connectionsettings.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Fluxdesk {

class ReadinessWaiter;

// What the apply did to one object.
struct BootstrapObject
{
    enum class State
    {
        NotApplied, // never sent
        Applied,    // the server stored it
        Failed,     // the server refused it (message: its words)
        Uncertain,  // sent when the apply was cancelled: the server may have stored it
    };
    QString object; // "CustomResourceDefinition gitrepositories.source.toolkit.fluxcd.io",
                    // "Deployment flux-system/source-controller"
    State state = State::NotApplied;
    bool created = false; // Applied: 201 (new), else 200 (configured)
    int httpStatus = 0;
    QString message; // Failed: the server's words; never Secret data
};

// The account of one bootstrap apply: every object in the order applied, and how it ended.
struct BootstrapApplyReport
{
    bool ok = false;
    bool cancelled = false;
    bool timedOut = false; // a wait ran out of time (error says what was not ready)
    QString error;         // what failed, in the server's words; empty when ok or cancelled
    QString failedStep;    // "Applying Deployment flux-system/helm-controller", "Waiting for ..."
    QList<BootstrapObject> objects;

    QStringList objectsIn(BootstrapObject::State state) const;
    // For the user: what was applied, what was not, and what that leaves in the cluster.
    QString account() const;
};

// Applies Flux to the cluster as `flux bootstrap` does, with server-side apply
// (PATCH application/apply-patch+yaml, fieldManager=fluxdesk, force=true: Flux's own apply
// forces ownership of what it applies, fluxcd/pkg ssa), one object at a time:
//   1. the CustomResourceDefinitions, then a wait until each is Established and discovery
//      serves its kind (a custom resource is never sent before its type is served);
//   2. the Namespaces;
//   3. everything else in the order given: the components, the flux-system Secret, gotk-sync's
//      GitRepository and Kustomization;
//   4. a wait until the Deployments applied are Available, then until the GitRepositories
//      applied are Ready.
// Asynchronous on the caller's thread; progress() per step; cancel() stops sending at once and
// finished() still comes with the account (nothing is rolled back: the account says what is in
// the cluster). On a refusal the apply stops with the server's words (KubeClient::replyError).
// The Secret's values never reach a message, progress text or log: the Secret is named, never
// shown, and its values are cut from any error that quotes them.
class BootstrapApply : public QObject
{
    Q_OBJECT
public:
    struct Input
    {
        QList<QJsonObject> components; // gotk-components.yaml's documents
        std::optional<QJsonObject> secret;
        // Further Secrets applied after it (the sops-age key Flux decrypts with), never shown
        // either.
        QList<QJsonObject> moreSecrets;
        QList<QJsonObject> sync; // gotk-sync.yaml's documents
    };
    struct Options
    {
        QString fieldManager = QStringLiteral("fluxdesk");
        int pollIntervalMs = 2000;
        int crdTimeoutMs = 60 * 1000;
        int readyTimeoutMs = 5 * 60 * 1000; // controllers Available, GitRepository Ready
        bool waitForControllers = true;
        bool waitForSources = true;
    };

    explicit BootstrapApply(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~BootstrapApply() override;

    // The order objects are applied in: CRDs, Namespaces, the rest (stable within each). Pure.
    static QList<QJsonObject> applyOrder(const Input &input);
    static QString describe(const QJsonObject &object); // "Kind namespace/name" or "Kind name"

    // Replaces the polling waiter (the lead may give one built on watches); takes ownership.
    void setWaiter(ReadinessWaiter *waiter);
    void start(const Input &input, const Options &options);
    void start(const Input &input) { start(input, Options()); }
    void cancel();
    bool isRunning() const;

signals:
    // step of total (applies and waits), and what is being applied or waited for.
    void progress(int step, int total, const QString &what);
    void finished(const Fluxdesk::BootstrapApplyReport &report);

private:
    void next();
    void applyCurrent();
    void discover(const QString &groupVersion);
    void send(int index);
    void startWait(int stage);
    void waited(bool ok, bool timedOut, const QString &message);
    void finish(const QString &error, const QString &step, bool timedOut = false);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::BootstrapApplyReport)
