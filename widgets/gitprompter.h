#pragma once

#include "git/gitcredentials.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

#include <atomic>

namespace Fluxdesk {

// The credential prompter for the window: GitSession calls it on a job thread, and each
// question is asked on the UI thread (blocking queued invocation) with a dialog parented to
// parentWidget. Called on the UI thread itself (tests), it asks directly.
class GitPrompter : public QObject, public GitCredentialPrompter
{
    Q_OBJECT
public:
    explicit GitPrompter(QWidget *parentWidget);

    std::optional<GitUserPass> askUserPass(const QString &url,
                                           const QString &usernameHint) override;
    std::optional<QString> askPassphrase(const QString &keyPath) override;
    bool confirmUnknownHost(const QString &host, int port, const QString &keyType,
                            const QString &fingerprint) override;
    bool confirmHostWithOtherKeys(const QString &host, int port, const QString &keyType,
                                  const QString &fingerprint,
                                  const QStringList &knownTypes) override;

    // Offers "Remember in the system keychain" in the sign-in dialog (only when there is a
    // GitSecretStore to remember it in); its answer is GitUserPass::remember.
    void setRememberOffered(bool offered) { m_rememberOffered.store(offered); }
    bool isRememberOffered() const { return m_rememberOffered.load(); }

    // Answers every pending and later question with "cancelled", so a worker waiting for the
    // user finishes and its owner can be destroyed without a deadlock. Call on the UI thread.
    void shutDown() { m_closing.store(true); }

private:
    template <typename F> void onUiThread(F function);

    QPointer<QWidget> m_parentWidget;
    std::atomic_bool m_closing{false};
    std::atomic_bool m_rememberOffered{false};
};

} // namespace Fluxdesk
