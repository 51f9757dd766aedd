#pragma once

#include "helm/releaseconversion.h"

#include <QWidget>

class QDialog;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSplitter;
class QTabWidget;
class QTimer;

namespace Fluxdesk {

class YamlEditor;
class YamlView;

// One Helm release as Flux will adopt it: the user-supplied values in an editor on the left and,
// beside them, the chart source (and where it came from), the generated source + HelmRelease,
// the credential flags with the choice between a Secret (the default) and keeping them inline,
// problems and the migration checklist. The
// state lives in ReleaseConversion; this widget only shows it and forwards edits.
class ReleaseView : public QWidget
{
    Q_OBJECT
public:
    explicit ReleaseView(QWidget *parent = nullptr);

    // Where chart sources are looked up (the Helm client, the catalog); keeps the release shown.
    void setChartSourceContext(const ChartSourceContext &context);
    void setRelease(const HelmRelease &release);
    const ReleaseConversion &conversion() const { return m_conversion; }
    // "namespace/name" of the release shown, or empty.
    QString releaseKey() const;

    // Re-generates from the values editor's text (the Update button; also debounced on typing).
    void updateFromEditor();
    // Opens the source dialog (window-modal, non-blocking); sourceDialogShown() follows.
    void chooseSource();
    // The user's choice for the release's credentials (the radio buttons do the same); emits
    // edited() when it changes.
    void setCredentialHandling(Fluxdesk::CredentialHandling handling);
    // Shows the release with values and the credentials choice as kept earlier (the plan file),
    // without emitting edited().
    void applyEdit(const QString &valuesYaml, Fluxdesk::CredentialHandling handling);

signals:
    void regenerated();
    void sourceDialogShown(QDialog *dialog); // for tests
    // The user named the chart's source for this release (to be kept in the plan file).
    void sourceChosen(const Fluxdesk::ChartSourceChoice &choice);
    // The user changed the values or the credentials choice (conversion() has the result).
    void edited();

private:
    void showConversion();

    ReleaseConversion m_conversion;
    QLabel *m_title;
    QLabel *m_identity; // how the HelmRelease keeps the release's identity
    QLabel *m_state;
    QSplitter *m_splitter;
    YamlEditor *m_valuesEditor;
    QPushButton *m_updateButton;
    QTimer *m_updateTimer;
    QLabel *m_sourceOrigin;
    QLabel *m_sourceUrl;
    QPushButton *m_chooseSourceButton;
    YamlView *m_generated;
    QTabWidget *m_details;
    QListWidget *m_credentials;
    QRadioButton *m_credentialsToSecret;
    QRadioButton *m_credentialsInline;
    QLabel *m_secretNote;
    YamlView *m_secretView;
    QListWidget *m_problems;
    QLabel *m_checklist;
    bool m_loading = false;
};

} // namespace Fluxdesk
