#include "gitprompter.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSemaphore>
#include <QThread>

#include <memory>
#include <QVBoxLayout>

namespace Fluxdesk {

GitPrompter::GitPrompter(QWidget *parentWidget)
    : QObject(parentWidget), m_parentWidget(parentWidget)
{}

template <typename F> void GitPrompter::onUiThread(F function)
{
    if (QThread::currentThread() == thread()) {
        if (!m_closing.load())
            function();
        return;
    }
    // Not BlockingQueuedConnection: the UI thread may be waiting for this very worker (a window
    // closing mid-push), so wait in slices and give up once shutDown() was called. function
    // captures the caller's locals: after giving up it must never run, which the m_closing check
    // on the UI thread guarantees (shutDown() is called there too).
    auto done = std::make_shared<QSemaphore>();
    QMetaObject::invokeMethod(
        this,
        [this, function, done] {
            if (!m_closing.load())
                function();
            done->release();
        },
        Qt::QueuedConnection);
    while (!done->tryAcquire(1, 100)) {
        if (m_closing.load())
            return;
    }
}

std::optional<GitUserPass> GitPrompter::askUserPass(const QString &url, const QString &usernameHint)
{
    std::optional<GitUserPass> answer;
    onUiThread([&] {
        QDialog dialog(m_parentWidget);
        dialog.setObjectName(QStringLiteral("userPassDialog"));
        dialog.setWindowTitle(tr("Sign In to the Remote"));
        auto *intro = new QLabel(
            tr("%1 asks for a username and a password or access token.").arg(url), &dialog);
        intro->setWordWrap(true);
        intro->setTextFormat(Qt::PlainText);
        auto *user = new QLineEdit(usernameHint, &dialog);
        auto *password = new QLineEdit(&dialog);
        password->setEchoMode(QLineEdit::Password);
        auto *buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto *form = new QFormLayout;
        form->addRow(tr("&Username:"), user);
        form->addRow(tr("&Password or token:"), password);
        QCheckBox *remember = nullptr;
        if (m_rememberOffered.load()) {
            remember = new QCheckBox(tr("&Remember in the system keychain"), &dialog);
            remember->setObjectName(QStringLiteral("rememberCheck"));
            remember->setToolTip(
                tr("Kept by the system keychain once the server accepted it, never in a "
                   "plain-text file"));
            form->addRow(QString(), remember);
        }
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(intro);
        layout->addLayout(form);
        layout->addWidget(buttons);
        if (!usernameHint.isEmpty())
            password->setFocus();
        if (dialog.exec() == QDialog::Accepted)
            answer = GitUserPass{user->text(), password->text(), remember && remember->isChecked()};
    });
    return answer;
}

std::optional<QString> GitPrompter::askPassphrase(const QString &keyPath)
{
    std::optional<QString> answer;
    onUiThread([&] {
        bool ok = false;
        const QString text = QInputDialog::getText(m_parentWidget, tr("SSH Key Passphrase"),
                                                   tr("The passphrase of the key %1:").arg(keyPath),
                                                   QLineEdit::Password, QString(), &ok);
        if (ok)
            answer = text;
    });
    return answer;
}

bool GitPrompter::confirmUnknownHost(const QString &host, int port, const QString &keyType,
                                     const QString &fingerprint)
{
    bool accepted = false;
    onUiThread([&] {
        QMessageBox box(
            QMessageBox::Warning, tr("Unknown SSH Host"),
            tr("The host %1 (port %2) is not in your known_hosts file yet.").arg(host).arg(port),
            QMessageBox::NoButton, m_parentWidget);
        box.setObjectName(QStringLiteral("unknownHostBox"));
        box.setInformativeText(
            tr("Its %1 key has the fingerprint\n%2\n\nCompare it with the one your server's "
               "administrator gives you. Trust this host and remember its key?")
                .arg(keyType, fingerprint));
        QPushButton *trust = box.addButton(tr("Trust and Connect"), QMessageBox::AcceptRole);
        box.addButton(tr("Refuse"), QMessageBox::RejectRole);
        box.exec();
        accepted = box.clickedButton() == trust;
    });
    return accepted;
}

bool GitPrompter::confirmHostWithOtherKeys(const QString &host, int port, const QString &keyType,
                                           const QString &fingerprint,
                                           const QStringList &knownTypes)
{
    bool accepted = false;
    onUiThread([&] {
        QMessageBox box(QMessageBox::Warning, tr("SSH Host Known with Other Keys"),
                        tr("Your known_hosts file knows the host %1 (port %2) only with keys of "
                           "other types (%3), but it now offers a %4 key.")
                            .arg(host)
                            .arg(port)
                            .arg(knownTypes.join(QLatin1String(", ")), keyType),
                        QMessageBox::NoButton, m_parentWidget);
        box.setObjectName(QStringLiteral("otherHostKeyBox"));
        box.setInformativeText(
            tr("The server's keys may have been replaced, or someone may be intercepting the "
               "connection. The new key has the fingerprint\n%1\n\nTrust it only if your "
               "server's administrator confirms this fingerprint. Trust this key and remember "
               "it?")
                .arg(fingerprint));
        QPushButton *trust = box.addButton(tr("Trust and Connect"), QMessageBox::AcceptRole);
        QPushButton *refuse = box.addButton(tr("Refuse"), QMessageBox::RejectRole);
        box.setDefaultButton(refuse);
        box.exec();
        accepted = box.clickedButton() == trust;
    });
    return accepted;
}

} // namespace Fluxdesk
