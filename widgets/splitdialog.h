#pragma once

#include "repo/splitwriter.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>

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
    int objectCount() const { return int(m_objects.size()); }
    // The files the preview lists, relative to folder().
    QStringList previewFiles() const;

    // After Split: what was written.
    QStringList writtenFiles() const { return m_result.written; }
    QString kustomization() const { return m_result.kustomization; }

    // Writes the files (what the Split button does); false and an error shown when it fails.
    bool writeFiles();

private:
    void updatePreview();
    void chooseFolder();

    QString m_sourcePath;
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
    QTreeWidget *m_preview;
    QLabel *m_status;
    QPushButton *m_split;
};

} // namespace Fluxdesk
