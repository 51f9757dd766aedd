#pragma once

#include "kube/clustersession.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Fluxdesk {

// The strip at the top of the window: where the objects come from (kubeconfig contexts, the demo
// cluster, a snapshot), Connect/Refresh, Cancel, the load's progress and status, and a persistent
// warning when TLS verification is off or credentials go to a plain http:// server.
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget *parent = nullptr);

    // Replaces the kubeconfig entries; selects `select` (or keeps the demo/snapshot choice).
    void setKubeconfig(const QStringList &files, const QStringList &contexts,
                       const QString &select = {});
    // Kubeconfig files used before, offered as entries that load their contexts (the files the
    // contexts above come from are left out); keeps the current choice.
    void setRecentKubeconfigs(const QStringList &files);
    void setSnapshot(const QString &path); // adds (or replaces) the snapshot entry and selects it
    void selectDemo();
    bool selectContext(const QString &name);
    ClusterSource currentSource() const;

    void setBusy(bool busy);
    void setProgress(int done, int total);
    void setStatus(const QString &text);
    QString status() const;
    void setWarnings(const QStringList &warnings); // empty hides the warning

    QComboBox *contextCombo() const { return m_combo; }

signals:
    void sourceChosen();                        // the user picked another entry: connect to it
    void openSnapshotRequested();               // the "Open snapshot…" entry
    void kubeconfigChosen(const QString &path); // a recent kubeconfig entry
    void connectRequested();
    void cancelRequested();

private:
    // Starts at 1: separators carry no type and read as 0.
    enum EntryType
    {
        ContextEntry = 1,
        DemoEntry,
        SnapshotEntry,
        OpenSnapshotEntry,
        RecentKubeconfigEntry
    };
    void rebuild(int selectType, const QString &selectName);
    void onActivated(int index);
    int indexOfType(EntryType type) const;

    QComboBox *m_combo;
    QPushButton *m_connect;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_tlsWarning;
    QStringList m_kubeconfigFiles;
    QStringList m_contexts;
    QStringList m_recentKubeconfigs;
    QString m_snapshotPath;
    int m_lastIndex = -1;
    bool m_connectedOnce = false;
};

} // namespace Fluxdesk
