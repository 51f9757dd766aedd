#pragma once

// The first three pages of BootstrapWizard: what to install, the pre-flight, and how Flux reads
// the repository. Each page only holds its fields and says when it is complete; the wizard reads
// them into BootstrapOptions.

#include "flux/bootstrapoptions.h"
#include "flux/preflight.h"

#include <QList>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace Fluxdesk {

struct BootstrapWizardContext;

class BootstrapComponentsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit BootstrapComponentsPage(const BootstrapWizardContext &context,
                                     QWidget *parent = nullptr);

    bool isComplete() const override;
    // Writes components, fluxVersion, componentsFile, useOperator, operatorDistribution.
    void fill(BootstrapOptions *options) const;
    // The version typed, without a leading "v" ("" when none).
    QString version() const;
    bool usesOperator() const;

private:
    void updateFields();
    BootstrapOptions::Components source() const;

    QLineEdit *m_version;
    QComboBox *m_source;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QCheckBox *m_operator;
    QLabel *m_hint;
};

class BootstrapPreflightPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit BootstrapPreflightPage(QWidget *parent = nullptr);

    bool isComplete() const override;
    void started();
    void checkDone(const PreflightCheck &check);
    void finished(const QList<PreflightCheck> &checks);

signals:
    void recheckRequested();

protected:
    void initializePage() override;

private:
    void show(const PreflightCheck &check);

    void showDetail();

    QTreeWidget *m_tree;
    QLabel *m_detail;
    QLabel *m_status;
    QPushButton *m_recheck;
    bool m_running = false;
    bool m_done = false;
    bool m_blocked = false;
};

class BootstrapAccessPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit BootstrapAccessPage(QWidget *parent = nullptr);

    bool isComplete() const override;
    // Writes credentials, keyType, hostApi, hostToken, httpsUsername, httpsToken, syncUrl and
    // giveSopsAgeKey.
    void fill(BootstrapOptions *options) const;
    // The user's age keys that open the repository's encrypted Secrets (empty: the choice is not
    // offered), and whether it starts checked (the plan writes Secrets encrypted).
    void setSopsKey(const QStringList &recipients, bool checked);

private:
    void updateFields();

    QRadioButton *m_deployKey;
    QComboBox *m_keyType;
    QComboBox *m_hostApi;
    QLineEdit *m_hostToken;
    QRadioButton *m_https;
    QLineEdit *m_httpsUser;
    QLineEdit *m_httpsToken;
    QRadioButton *m_existing;
    QLineEdit *m_syncUrl;
    QCheckBox *m_sopsAge;
    QStringList m_sopsRecipients;
};

} // namespace Fluxdesk
