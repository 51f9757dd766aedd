#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Fluxdesk {

// Asks where to clone from and into: the repository's URL and a target folder that must not
// exist yet or be empty (git refuses anything else, and so do we, before starting).
class CloneDialog : public QDialog
{
    Q_OBJECT
public:
    // baseFolder: where the proposed target folder goes (it is named after the repository).
    explicit CloneDialog(const QString &baseFolder, QWidget *parent = nullptr);

    QString url() const;
    QString folder() const; // absolute and clean
    void setUrl(const QString &url);
    void setFolder(const QString &folder);

    // Why url/folder cannot be cloned into, or empty when they can.
    static QString problem(const QString &url, const QString &folder);
    // "fluxdesk-fleet" for "https://host/acme/fluxdesk-fleet.git".
    static QString repositoryName(const QString &url);

private:
    void browse();
    void validate();

    QString m_baseFolder;
    QLineEdit *m_url;
    QLineEdit *m_folder;
    QLabel *m_problem;
    QPushButton *m_ok;
    bool m_folderEdited = false;
    bool m_settingFolder = false;
};

} // namespace Fluxdesk
