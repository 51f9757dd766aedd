#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace Fluxdesk {

// Asks once for the commit author when git has no user.name/user.email, with the choice of
// saving it in the repository's own config.
class IdentityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IdentityDialog(QWidget *parent = nullptr);

    QString name() const;
    QString email() const;
    bool saveInRepository() const;

    void setName(const QString &name);
    void setEmail(const QString &email);
    void setSaveInRepository(bool save);

private:
    void updateOk();

    QLineEdit *m_name;
    QLineEdit *m_email;
    QCheckBox *m_save;
    QPushButton *m_ok;
};

} // namespace Fluxdesk
