#pragma once

#include "kube/resourcetype.h"
#include "startup.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QSplitter;

namespace Fluxdesk {

class AppSettings;
class ClusterPane;
class ClusterSession;
class ConnectionBar;
class InventoryModel;
class MessageBanner;
class YamlView;

// Composes the window: connection bar, cluster pane, YAML view, banners, menus and settings.
// The work happens in ClusterSession (loading), InventoryModel/InventoryFilterModel (the tree)
// and the widgets; this class only wires them together.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Applies the command line: fills the context picker and connects (see planStartup()).
    void start(const StartupOptions &options);
    void connectToSource(const ClusterSource &source);
    // Loads a kubeconfig's contexts into the picker; false (and an error banner) when it fails.
    bool openKubeconfig(const QString &path);
    void openSnapshot(const QString &path);

    ClusterSession *session() const { return m_session; }
    InventoryModel *inventoryModel() const { return m_model; }
    ClusterPane *clusterPane() const { return m_clusterPane; }
    QString repoPath() const { return m_repoPath; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreSettings();
    void saveSettings();
    void updateTitle();

    void onStarted();
    void onTypeFinished(const ResourceType &type, int state, const QString &message);
    void onFinished(bool ok, const QString &message);
    void onObjectSelected(const ObjectKey &key);
    void refresh();
    void cancel();
    void chooseKubeconfig();
    void chooseSnapshot();
    void about();

    std::unique_ptr<AppSettings> m_settings;
    ClusterSession *m_session;
    InventoryModel *m_model;
    ConnectionBar *m_connectionBar;
    ClusterPane *m_clusterPane;
    YamlView *m_yamlView;
    QLabel *m_yamlTitle;
    QLabel *m_yamlReason;
    MessageBanner *m_errorBanner;
    MessageBanner *m_forbiddenNotice;
    QSplitter *m_splitter;

    QAction *m_openKubeconfigAction = nullptr;
    QAction *m_openSnapshotAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_showOwnedAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QString m_repoPath;
    QString m_startupNote;  // why this source was chosen, kept in the status bar
    QStringList m_unlisted; // "secrets: <server's message>" for types that could not be listed
    ObjectKey m_selected;
    bool m_cancelRequested = false;
};

} // namespace Fluxdesk
