#include "releaseview.h"

#include "helm/migrationguide.h"
#include "yamleditor.h"
#include "yamlview.h"

#include <QButtonGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

ReleaseView::ReleaseView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("releaseView"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("releaseTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identity = new QLabel(helmReleaseIdentityWarning(), this);
    m_identity->setObjectName(QStringLiteral("releaseIdentityWarning"));
    m_identity->setWordWrap(true);
    m_identity->setStyleSheet(QStringLiteral("color: palette(mid);"));

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("releaseState"));
    m_state->setWordWrap(true);
    m_state->setFrameShape(QFrame::StyledPanel);
    m_state->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; "
                                          "padding: 6px; }"));
    m_state->hide();

    // Left: the values the user gave Helm, editable.
    auto *left = new QWidget(this);
    m_valuesEditor = new YamlEditor(left);
    m_valuesEditor->setObjectName(QStringLiteral("releaseValuesEditor"));
    m_updateButton = new QPushButton(tr("Update"), left);
    m_updateButton->setObjectName(QStringLiteral("releaseUpdateButton"));
    m_updateButton->setToolTip(tr("Generate the HelmRelease again with these values"));
    auto *leftHeader = new QHBoxLayout;
    leftHeader->addWidget(heading(tr("Values (user-supplied)"), left), 1);
    leftHeader->addWidget(m_updateButton);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(leftHeader);
    leftLayout->addWidget(m_valuesEditor, 1);

    // Right: the chart source, the generated objects and, below, what to check.
    auto *right = new QWidget(this);
    m_sourceOrigin = new QLabel(right);
    m_sourceOrigin->setObjectName(QStringLiteral("releaseSourceOrigin"));
    m_sourceOrigin->setWordWrap(true);
    m_sourceUrl = new QLabel(right);
    m_sourceUrl->setObjectName(QStringLiteral("releaseSourceUrl"));
    m_sourceUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseSourceButton = new QPushButton(tr("Choose source…"), right);
    m_chooseSourceButton->setObjectName(QStringLiteral("releaseChooseSourceButton"));
    m_chooseSourceButton->setToolTip(
        tr("Enter the chart's Helm repository URL or its oci:// URL; the plan keeps the choice"));
    auto *sourceRow = new QHBoxLayout;
    auto *sourceText = new QVBoxLayout;
    sourceText->addWidget(m_sourceUrl);
    sourceText->addWidget(m_sourceOrigin);
    sourceRow->addLayout(sourceText, 1);
    sourceRow->addWidget(m_chooseSourceButton, 0, Qt::AlignTop);
    m_generated = new YamlView(right);
    m_generated->setObjectName(QStringLiteral("releaseGeneratedView"));

    m_details = new QTabWidget(right);
    m_details->setObjectName(QStringLiteral("releaseDetails"));
    m_details->setDocumentMode(true);

    auto *credentialsPage = new QWidget(m_details);
    m_credentials = new QListWidget(credentialsPage);
    m_credentials->setObjectName(QStringLiteral("releaseCredentials"));
    m_credentials->setWordWrap(true);
    // A credential lands in Git in plain text only when the user picks that here.
    m_credentialsToSecret =
        new QRadioButton(tr("Move them to a Secret read through valuesFrom"), credentialsPage);
    m_credentialsToSecret->setObjectName(QStringLiteral("releaseCredentialsToSecret"));
    m_credentialsToSecret->setToolTip(
        tr("Take the flagged values out of spec.values into a Secret the HelmRelease reads "
           "through valuesFrom; the plan writes the Secret only when you include it"));
    m_credentialsInline =
        new QRadioButton(tr("Keep them in spec.values as plain text"), credentialsPage);
    m_credentialsInline->setObjectName(QStringLiteral("releaseCredentialsInline"));
    m_credentialsInline->setToolTip(
        tr("The values stay in the HelmRelease and reach Git unencrypted; the plan file keeps "
           "them too"));
    auto *credentialsChoice = new QButtonGroup(credentialsPage);
    credentialsChoice->addButton(m_credentialsToSecret);
    credentialsChoice->addButton(m_credentialsInline);
    m_secretNote =
        new QLabel(tr("Secret (plain text): encrypt it or keep it out of Git before committing."),
                   credentialsPage);
    m_secretNote->setObjectName(QStringLiteral("releaseSecretNote"));
    m_secretNote->setWordWrap(true);
    m_secretNote->setStyleSheet(QStringLiteral("color: #8a1c1c; font-weight: bold;"));
    m_secretView = new YamlView(credentialsPage);
    m_secretView->setObjectName(QStringLiteral("releaseSecretView"));
    auto *credentialsLayout = new QVBoxLayout(credentialsPage);
    credentialsLayout->addWidget(m_credentials, 1);
    m_credentials->setMaximumHeight(m_credentials->fontMetrics().height() * 6);
    credentialsLayout->addWidget(m_credentialsToSecret, 0, Qt::AlignLeft);
    credentialsLayout->addWidget(m_credentialsInline, 0, Qt::AlignLeft);
    credentialsLayout->addWidget(m_secretNote);
    credentialsLayout->addWidget(m_secretView, 2);
    credentialsLayout->addStretch();
    m_details->addTab(credentialsPage, tr("Credentials"));

    m_problems = new QListWidget(m_details);
    m_problems->setObjectName(QStringLiteral("releaseProblems"));
    m_problems->setWordWrap(true);
    m_details->addTab(m_problems, tr("Problems"));

    m_checklist = new QLabel(m_details);
    m_checklist->setObjectName(QStringLiteral("releaseChecklist"));
    m_checklist->setWordWrap(true);
    m_checklist->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_checklist->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checklist->setMargin(6);
    m_details->addTab(m_checklist, tr("Migration checklist"));

    // The generated YAML gets the whole height of its tab: it is what the user reads.
    auto *generatedPane = new QWidget(m_details);
    auto *generatedLayout = new QVBoxLayout(generatedPane);
    generatedLayout->setContentsMargins(0, 4, 0, 0);
    generatedLayout->addLayout(sourceRow);
    generatedLayout->addWidget(m_generated, 1);
    m_details->insertTab(0, generatedPane, tr("Flux objects"));
    m_details->setCurrentIndex(0);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(heading(tr("Flux source and HelmRelease (generated)"), right));
    rightLayout->addWidget(m_details, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("releaseSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_identity);
    layout->addWidget(m_state);
    layout->addWidget(m_splitter, 1);

    // Typing re-generates after a pause; Update does it at once.
    m_updateTimer = new QTimer(this);
    m_updateTimer->setSingleShot(true);
    m_updateTimer->setInterval(700);
    connect(m_updateTimer, &QTimer::timeout, this, &ReleaseView::updateFromEditor);
    connect(m_valuesEditor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_updateTimer->start();
    });
    connect(m_updateButton, &QPushButton::clicked, this, &ReleaseView::updateFromEditor);
    connect(m_chooseSourceButton, &QPushButton::clicked, this, &ReleaseView::chooseSource);
    // clicked, not toggled: showing a kept choice checks a button without being a new choice.
    connect(m_credentialsToSecret, &QRadioButton::clicked, this,
            [this] { setCredentialHandling(CredentialHandling::Secret); });
    connect(m_credentialsInline, &QRadioButton::clicked, this,
            [this] { setCredentialHandling(CredentialHandling::Inline); });
    showConversion();
}

void ReleaseView::setChartSourceContext(const ChartSourceContext &context)
{
    const HelmRelease release = m_conversion.release();
    m_conversion = ReleaseConversion(context);
    if (!release.name.isEmpty())
        setRelease(release);
}

void ReleaseView::setRelease(const HelmRelease &release)
{
    m_updateTimer->stop();
    m_conversion.setRelease(release);
    m_loading = true;
    m_valuesEditor->loadText(m_conversion.originalValuesYaml());
    m_loading = false;
    showConversion();
}

QString ReleaseView::releaseKey() const
{
    if (!m_conversion.hasRelease())
        return {};
    return m_conversion.release().ns + QLatin1Char('/') + m_conversion.release().name;
}

void ReleaseView::updateFromEditor()
{
    m_updateTimer->stop();
    if (!m_conversion.hasRelease())
        return;
    // Values that do not parse keep the last good ones (and say so): nothing to keep then.
    const bool parsed = m_conversion.setValuesYaml(m_valuesEditor->toPlainText());
    showConversion();
    if (parsed)
        emit edited();
}

void ReleaseView::setCredentialHandling(CredentialHandling handling)
{
    if (!m_conversion.hasRelease())
        return;
    // The choice applies to what the editor holds now: typing not applied yet is applied first.
    if (m_updateTimer->isActive())
        updateFromEditor();
    if (m_conversion.setCredentialHandling(handling)) {
        showConversion();
        emit edited();
    }
}

void ReleaseView::applyEdit(const QString &valuesYaml, CredentialHandling handling)
{
    if (!m_conversion.hasRelease())
        return;
    m_updateTimer->stop();
    m_conversion.setRelease(HelmRelease(m_conversion.release())); // starts over: the defaults
    m_loading = true;
    m_valuesEditor->loadText(valuesYaml);
    m_loading = false;
    m_conversion.setValuesYaml(valuesYaml);
    m_conversion.setCredentialHandling(handling);
    showConversion();
}

void ReleaseView::chooseSource()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("chooseSourceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Chart Source"));
    auto *intro =
        new QLabel(tr("Where is chart \"%1\" %2 published? Enter its Helm repository URL "
                      "(https://…) or the chart's OCI URL (oci://registry/path/%1).")
                       .arg(m_conversion.release().chartName, m_conversion.release().chartVersion),
                   dialog);
    intro->setWordWrap(true);
    auto *edit = new QLineEdit(dialog);
    edit->setObjectName(QStringLiteral("chooseSourceUrl"));
    edit->setPlaceholderText(
        QStringLiteral("https://charts.example.org  |  oci://ghcr.io/org/charts"));
    if (m_conversion.resolution().source.isValid())
        edit->setText(m_conversion.resolution().source.url);
    auto *error = new QLabel(dialog);
    error->setObjectName(QStringLiteral("chooseSourceError"));
    error->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    error->setWordWrap(true);
    error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addWidget(edit);
    layout->addWidget(error);
    layout->addWidget(buttons);
    dialog->resize(520, dialog->sizeHint().height());

    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    // The dialog stays open on a URL that cannot be a chart source, saying why.
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, edit, error] {
        const Result<ChartSource> chosen =
            m_conversion.sourceFromUrl(edit->text(), m_conversion.release().chartName);
        if (!chosen) {
            error->setText(chosen.error().message);
            error->show();
            return;
        }
        m_conversion.chooseSource(edit->text());
        showConversion();
        dialog->accept();
        const QList<ChartSourceChoice> choices = m_conversion.userChoices();
        const HelmRelease &release = m_conversion.release();
        for (const ChartSourceChoice &choice : choices) {
            if (choice.releaseNamespace == release.ns && choice.releaseName == release.name)
                emit sourceChosen(choice);
        }
    });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    emit sourceDialogShown(dialog);
}

void ReleaseView::showConversion()
{
    const ReleaseConversion &c = m_conversion;
    const bool has = c.hasRelease();
    const HelmRelease &release = c.release();
    m_title->setText(
        has ? tr("Helm release %1/%2 — chart %3 %4, revision %5, %6")
                  .arg(release.ns, release.name, release.chartName, release.chartVersion)
                  .arg(release.revision)
                  .arg(release.status)
            : tr("No Helm release selected"));
    m_splitter->setEnabled(has);

    const bool convertible = has && c.isConvertible();
    m_state->setVisible(has && !convertible);
    QString state;
    if (has && !convertible)
        state = release.installedByK3s.isEmpty() ? tr("Not converted — this release is \"%1\": %2")
                                                       .arg(release.status, c.stateMessage())
                                                 : tr("Not converted — %1").arg(c.stateMessage());
    m_state->setText(state);
    // How a HelmRelease adopts a release matters only for one the plan converts.
    m_identity->setVisible(release.installedByK3s.isEmpty());
    m_updateButton->setEnabled(convertible);
    m_chooseSourceButton->setEnabled(convertible);

    const ChartSourceResolution &resolution = c.resolution();
    if (convertible) {
        m_sourceUrl->setText(
            resolution.source.isValid()
                ? tr("Chart source: %1 (%2)")
                      .arg(resolution.source.url, chartSourceTypeName(resolution.source.type))
                : tr("Chart source: unknown"));
        m_sourceOrigin->setText(c.originText());
        m_sourceOrigin->setToolTip(resolution.notes.join(QLatin1Char('\n')));
        m_chooseSourceButton->setText(resolution.needsUserChoice() ? tr("Choose source…")
                                                                   : tr("Change source…"));
        m_chooseSourceButton->setDefault(resolution.needsUserChoice());
    } else {
        m_sourceUrl->clear();
        m_sourceOrigin->clear();
    }
    m_generated->setYaml(c.generatedYaml());

    m_credentials->clear();
    bool movable = false;
    const QList<CredentialFinding> credentials = c.credentials();
    for (const CredentialFinding &finding : credentials) {
        const QString why = finding.reason == CredentialFinding::Reason::KeyName
                                ? tr("the key names a credential")
                                : tr("the value looks random");
        auto *item = new QListWidgetItem(
            finding.movable()
                ? tr("values.%1 — %2").arg(finding.path, why)
                : tr("values.%1 — %2; stays: %3").arg(finding.path, why, finding.notMovableReason),
            m_credentials);
        item->setData(Qt::UserRole, finding.path);
        movable = movable || finding.movable();
    }
    const QList<CredentialFinding> moved = c.movedCredentials();
    const QString secretName = c.secret()
                                   .value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("name"))
                                   .toString();
    for (const CredentialFinding &finding : moved) {
        // The plan file keeps no credential value, so the plan's Secret gets the running
        // release's: a value typed here is the user's to put into the Secret.
        const bool changed = finding.value != valueAtPath(release.values, finding.segments);
        m_credentials->addItem(
            changed ? tr("values.%1 → Secret %2 (valuesFrom). Changed here: the plan keeps no "
                         "credential value, so its Secret holds the running release's value; "
                         "put the new one into the Secret yourself.")
                          .arg(finding.path, secretName)
                    : tr("values.%1 → Secret %2 (valuesFrom)").arg(finding.path, secretName));
    }
    if (credentials.isEmpty() && moved.isEmpty())
        m_credentials->addItem(tr("No value looks like a credential."));
    const bool keptInline = c.credentialHandling() == CredentialHandling::Inline;
    m_credentialsToSecret->setChecked(!keptInline);
    m_credentialsInline->setChecked(keptInline);
    // A choice only matters while some value can move.
    const bool choosable = convertible && (movable || !moved.isEmpty());
    m_credentialsToSecret->setEnabled(choosable);
    m_credentialsInline->setEnabled(choosable);
    m_secretNote->setVisible(!c.secret().isEmpty());
    m_secretView->setVisible(!c.secret().isEmpty());
    m_secretView->setYaml(c.secretYaml());
    m_details->setTabText(1, credentials.isEmpty()
                                 ? tr("Credentials")
                                 : tr("Credentials (%1)").arg(credentials.size()));

    m_problems->clear();
    const QList<Problem> problems = c.problems();
    for (const Problem &problem : problems) {
        QString text = problem.message;
        if (problem.line > 0)
            text = tr("line %1: %2").arg(problem.line).arg(problem.message);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1: %2").arg(severityName(problem.severity), text), m_problems);
        item->setData(Qt::UserRole, problem.rule);
    }
    m_details->setTabText(2, problems.isEmpty() ? tr("Problems")
                                                : tr("Problems (%1)").arg(problems.size()));
    m_valuesEditor->setProblems(problems.isEmpty() ? QList<Problem>() : [&problems] {
        QList<Problem> parse;
        for (const Problem &problem : problems) {
            if (problem.rule == QLatin1String("parse-error"))
                parse.append(problem);
        }
        return parse;
    }());

    QString checklist;
    const QStringList steps = c.checklist();
    for (int i = 0; i < steps.size(); ++i)
        checklist += QStringLiteral("%1. %2\n\n").arg(i + 1).arg(steps.at(i));
    m_checklist->setText(checklist.trimmed());
    emit regenerated();
}

} // namespace Fluxdesk
