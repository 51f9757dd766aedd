#pragma once

#include "plan/planner.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTabWidget;

namespace Fluxdesk {

// The settings of the Flux Kustomization entry points (clusters/<cluster>/infrastructure.yaml
// and workloads.yaml), one tab each, with the roadmap's guidance (step 8) as tooltips. OK stays
// disabled, with a message naming the problem, while a duration is invalid or the dependencies
// are inconsistent; checking a dependency that would close a cycle is refused on the spot.
//
// Widgets, by objectName, inside each tab page "entryPoint_<name>": intervalEdit,
// retryIntervalEdit, timeoutEdit, pruneCheck, waitCheck, dependsOnList, dependsOnMessage,
// healthChecksCheck, healthChecksNote, suspendCheck. In the dialog: entryPointTabs, settingsError,
// okButton, restoreDefaultsButton.
class FluxSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FluxSettingsDialog(const QList<EntryPointSettings> &settings,
                                QWidget *parent = nullptr);
    ~FluxSettingsDialog() override;

    // The edited settings, in the order they were given (entry point names never change here).
    QList<EntryPointSettings> settings() const;

    // The first problem that keeps OK disabled, "" when there is none.
    QString problem() const { return m_problem; }

private:
    struct Page
    {
        QString name;
        QWidget *page = nullptr;
        QLineEdit *interval = nullptr;
        QLineEdit *retryInterval = nullptr;
        QLineEdit *timeout = nullptr;
        QCheckBox *prune = nullptr;
        QCheckBox *wait = nullptr;
        QListWidget *dependsOn = nullptr;
        QLabel *dependsOnMessage = nullptr;
        QCheckBox *healthChecks = nullptr;
        QLabel *healthChecksNote = nullptr;
        QCheckBox *suspend = nullptr;
        // What was loaded: keeps fields this form does not show and the saved order of the
        // dependencies on a round trip.
        EntryPointSettings original;
    };

    void load(const QList<EntryPointSettings> &settings);
    void buildPage(Page &page, const EntryPointSettings &settings, const QStringList &allNames);
    void dependencyToggled(int pageIndex, QListWidgetItem *item);
    void validate();
    QStringList checkedDependencies(const Page &page) const;
    // True when `from` reaches `to` by following the checked dependencies.
    bool dependsTransitively(const QString &from, const QString &to) const;
    QString cycleProblem() const;

    QList<Page> m_pages;
    QTabWidget *m_tabs;
    QLabel *m_error;
    QPushButton *m_ok;
    QString m_problem;
};

} // namespace Fluxdesk
