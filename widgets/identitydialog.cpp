#include "identitydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Fluxdesk {

IdentityDialog::IdentityDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("identityDialog"));
    setWindowTitle(tr("Who Is Committing?"));
    auto *intro = new QLabel(
        tr("Git does not know your name and email yet (user.name and user.email). They are "
           "written into every commit as its author."),
        this);
    intro->setWordWrap(true);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("identityName"));
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("identityEmail"));
    m_email->setPlaceholderText(tr("you@example.org"));
    m_save = new QCheckBox(tr("Save in this repository's config"), this);
    m_save->setObjectName(QStringLiteral("identitySave"));
    m_save->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Commit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &IdentityDialog::updateOk);
    connect(m_email, &QLineEdit::textChanged, this, &IdentityDialog::updateOk);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Email:"), m_email);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_save);
    layout->addWidget(buttons);
    updateOk();
}

QString IdentityDialog::name() const
{
    return m_name->text().trimmed();
}

QString IdentityDialog::email() const
{
    return m_email->text().trimmed();
}

bool IdentityDialog::saveInRepository() const
{
    return m_save->isChecked();
}

void IdentityDialog::setName(const QString &name)
{
    m_name->setText(name);
}

void IdentityDialog::setEmail(const QString &email)
{
    m_email->setText(email);
}

void IdentityDialog::setSaveInRepository(bool save)
{
    m_save->setChecked(save);
}

void IdentityDialog::updateOk()
{
    m_ok->setEnabled(!name().isEmpty() && email().contains(QLatin1Char('@')));
}

} // namespace Fluxdesk
