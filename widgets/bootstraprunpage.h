#pragma once

#include "flux/bootstrapoptions.h"

#include <QStringList>
#include <QUrl>
#include <QWizardPage>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace Fluxdesk {

// The last page of BootstrapWizard: the bootstrap's steps, each pending, running, done or failed;
// the running step's progress; the deploy key to add by hand with Copy and a link to the host's
// page; and at the end what was written, committed, pushed and applied, or what failed and what
// that leaves in the cluster. Complete once the bootstrap has ended; Run Again or Change Settings
// after a failure or a cancel.
class BootstrapRunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit BootstrapRunPage(QWidget *parent = nullptr);

    bool isComplete() const override;
    void setStepTitles(const QStringList &titles);

    void started();
    void stepStarted(int step, const QString &title);
    void progress(qint64 done, qint64 total, const QString &what);
    void deployKeyReady(const QString &publicKey, const QString &fingerprint, const QUrl &page);
    void stopping();
    void finished(const BootstrapResult &result);

    bool hasEnded() const { return m_ended; }
    bool succeeded() const { return m_ok; }

signals:
    void runRequested();
    // After a failure or a cancel: back to the first page to change what was chosen.
    void changeRequested();

protected:
    void initializePage() override;

private:
    void markStep(int step, int state);

    QTreeWidget *m_steps;
    QProgressBar *m_progress;
    QLabel *m_status;
    QGroupBox *m_keyBox;
    QPlainTextEdit *m_key;
    QLabel *m_fingerprint;
    QLabel *m_link;
    QPushButton *m_copy;
    QLabel *m_result;
    QPushButton *m_again;
    QPushButton *m_change;
    QStringList m_titles;
    int m_current = -1;
    bool m_ended = false;
    bool m_ok = false;
};

} // namespace Fluxdesk
