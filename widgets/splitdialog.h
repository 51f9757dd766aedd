#pragma once

#include "plan/fluxreach.h"
#include "repo/splitwriter.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Fluxdesk {

// Split a multi-document file (or a List) into one file per resource: a naming template with
// presets, the output folder, kinds and names to include or leave out, Helm's install order, and
// a preview of every file it will write before Split writes them (and kustomization.yaml).
class SplitDialog : public QDialog
{
    Q_OBJECT
public:
    // sourcePath: the file being split ("" for an untitled document); folder: where to write.
    SplitDialog(const QString &sourcePath, const QString &text, const QString &folder,
                QWidget *parent = nullptr);

    SplitOptions options() const;
    QString folder() const;
    void setFolder(const QString &folder);
    void setNameTemplate(const QString &nameTemplate);
    // The repository the window has open: a split into a folder of it is wired up so that Flux
    // applies it (the kustomizations up to a folder Flux applies list it), or, where no folder
    // above it is applied, the dialog asks (wire it up to the nearest one, or leave it unwired).
    // Its files are recorded as the user's: Write plan never offers to delete them.
    void setRepository(const QString &repoDir);
    int objectCount() const { return int(m_objects.size()); }
    // The files the preview lists, relative to folder().
    QStringList previewFiles() const;

    // After Split: what was written.
    QStringList writtenFiles() const { return m_result.written; }
    QString kustomization() const { return m_result.kustomization; }

    // True when Split also lists the folder in the kustomizations that make Flux apply it.
    bool wiresUp() const;
    // The kustomizations and record written with the files (absolute).
    QStringList alsoWritten() const { return m_result.alsoWritten; }

    // Writes the files (what the Split button does); false and an error shown when it fails.
    bool writeFiles();

private:
    void updatePreview();
    void updateWiring();
    void chooseFolder();

    QString m_sourcePath;
    QString m_repoDir;
    std::optional<FluxReach> m_reach; // of m_repoDir, read once
    FolderWiring m_wiring;
    bool m_wiringApplies = false; // the folder is in m_repoDir and not applied yet
    QList<QJsonObject> m_objects;
    QString m_parseError;
    QList<SplitFile> m_files;
    SplitWriteResult m_result;

    QComboBox *m_template;
    QLineEdit *m_folder;
    QLineEdit *m_includeKinds;
    QLineEdit *m_excludeKinds;
    QLineEdit *m_excludeNames;
    QCheckBox *m_helmOrder;
    QCheckBox *m_includeSecrets; // off: Secrets are left out, as fluxdesk-cli split does
    QCheckBox *m_dropSource;
    QLabel *m_wiringLabel;
    QComboBox *m_wiringChoice; // wire it up / leave it unwired
    QWidget *m_wiringRow;
    QTreeWidget *m_preview;
    QLabel *m_status;
    QPushButton *m_split;
};

} // namespace Fluxdesk
