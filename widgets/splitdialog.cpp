#include "splitdialog.h"

#include "kube/snapshot.h"
#include "manifest/cleaner.h"

#include "manifest/yamljson.h"
#include "plan/splitwiring.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Fluxdesk {

namespace {

QStringList words(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
}

// `kind: List` and every `*List` wrapper stand for their items.
void appendObjects(const QJsonObject &object, QList<QJsonObject> &out)
{
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (kind.endsWith(QLatin1String("List")) && object.value(QLatin1String("items")).isArray()) {
        const QJsonArray items = object.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            // A typed list's items come without apiVersion and kind, as the API sends them.
            if (item.isObject())
                appendObjects(typedListItem(object, item.toObject()), out);
        }
        return;
    }
    out.append(object);
}

} // namespace

SplitDialog::SplitDialog(const QString &sourcePath, const QString &text, const QString &folder,
                         QWidget *parent)
    : QDialog(parent), m_sourcePath(sourcePath)
{
    setObjectName(QStringLiteral("splitDialog"));
    const QString sourceName =
        sourcePath.isEmpty() ? tr("the document") : QFileInfo(sourcePath).fileName();
    setWindowTitle(tr("Split %1").arg(sourceName));

    const Result<QList<YamlDocument>> documents =
        parseYamlDocuments(text.toUtf8(), sourcePath.isEmpty() ? sourceName : sourcePath);
    if (!documents) {
        m_parseError = documents.error().toString();
    } else {
        for (const YamlDocument &document : *documents) {
            if (document.value.isObject())
                appendObjects(document.value.toObject(), m_objects);
        }
    }

    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("splitTemplateCombo"));
    m_template->setEditable(true);
    m_template->addItem(QStringLiteral("{name}-{kind}.yaml"));
    m_template->addItem(kubectlSliceTemplate());
    m_template->addItem(QStringLiteral("{namespace}/{name}-{kind}.yaml"));
    m_template->setToolTip(tr("Fields: {namespace}, {kind}, {name}, {group}. Names are written in "
                              "kebab-case; kubectl-slice's preset is {kind}-{name}.yaml."));

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("splitFolderEdit"));
    m_folder->setText(QDir::toNativeSeparators(folder));
    auto *browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("splitBrowseButton"));
    browse->setText(tr("Choose…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    m_includeKinds = new QLineEdit(this);
    m_includeKinds->setObjectName(QStringLiteral("includeKindsEdit"));
    m_includeKinds->setPlaceholderText(tr("every kind"));
    m_excludeKinds = new QLineEdit(this);
    m_excludeKinds->setObjectName(QStringLiteral("excludeKindsEdit"));
    m_excludeKinds->setPlaceholderText(tr("e.g. Secret, Event"));
    m_excludeNames = new QLineEdit(this);
    m_excludeNames->setObjectName(QStringLiteral("excludeNamesEdit"));
    m_excludeNames->setPlaceholderText(tr("names, * as wildcard"));
    m_helmOrder = new QCheckBox(tr("Order as Helm installs (Namespaces and CRDs first)"), this);
    m_helmOrder->setObjectName(QStringLiteral("helmOrderToggle"));
    m_includeSecrets =
        new QCheckBox(tr("Include Secrets (their data is written as plain text)"), this);
    m_includeSecrets->setObjectName(QStringLiteral("includeSecretsToggle"));
    m_dropSource = new QCheckBox(this);
    m_dropSource->setObjectName(QStringLiteral("dropSourceToggle"));
    m_dropSource->setChecked(true);

    m_wiringLabel = new QLabel(this);
    m_wiringLabel->setObjectName(QStringLiteral("splitWiringLabel"));
    m_wiringLabel->setWordWrap(true);
    m_wiringChoice = new QComboBox(this);
    m_wiringChoice->setObjectName(QStringLiteral("splitWiringCombo"));
    m_wiringChoice->setPlaceholderText(tr("Choose: wire it up, or leave it unwired"));
    auto *wiringBox = new QWidget(this);
    auto *wiringRow = new QVBoxLayout(wiringBox);
    wiringRow->setContentsMargins(0, 0, 0, 0);
    wiringRow->addWidget(m_wiringLabel);
    wiringRow->addWidget(m_wiringChoice);
    wiringBox->hide();

    m_preview = new QTreeWidget(this);
    m_preview->setObjectName(QStringLiteral("splitPreview"));
    m_preview->setRootIsDecorated(false);
    m_preview->setAlternatingRowColors(true);
    m_preview->setHeaderLabels({tr("File"), tr("Object"), tr("Note")});
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("splitStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("File names:"), m_template);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Only kinds:"), m_includeKinds);
    form->addRow(tr("Leave out kinds:"), m_excludeKinds);
    form->addRow(tr("Leave out names:"), m_excludeNames);
    form->addRow(QString(), m_helmOrder);
    form->addRow(QString(), m_includeSecrets);
    form->addRow(QString(), m_dropSource);
    form->addRow(QString(), wiringBox);
    m_wiringRow = wiringBox;

    auto *buttons = new QDialogButtonBox(this);
    m_split = buttons->addButton(tr("&Split"), QDialogButtonBox::AcceptRole);
    m_split->setObjectName(QStringLiteral("splitWriteButton"));
    buttons->addButton(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("cancelSplitButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (writeFiles())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_template, &QComboBox::editTextChanged, this, &SplitDialog::updatePreview);
    connect(m_folder, &QLineEdit::textChanged, this, &SplitDialog::updatePreview);
    connect(m_includeKinds, &QLineEdit::textChanged, this, &SplitDialog::updatePreview);
    connect(m_excludeKinds, &QLineEdit::textChanged, this, &SplitDialog::updatePreview);
    connect(m_excludeNames, &QLineEdit::textChanged, this, &SplitDialog::updatePreview);
    connect(m_helmOrder, &QCheckBox::toggled, this, &SplitDialog::updatePreview);
    connect(m_includeSecrets, &QCheckBox::toggled, this, &SplitDialog::updatePreview);
    connect(m_wiringChoice, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &SplitDialog::updatePreview);
    connect(browse, &QToolButton::clicked, this, &SplitDialog::chooseFolder);
    updatePreview();
    resize(760, 560);
}

SplitOptions SplitDialog::options() const
{
    SplitOptions options;
    options.nameTemplate = m_template->currentText().trimmed();
    options.includeKinds = words(m_includeKinds->text());
    options.excludeKinds = words(m_excludeKinds->text());
    options.excludeNames = words(m_excludeNames->text());
    options.helmInstallOrder = m_helmOrder->isChecked();
    return options;
}

QString SplitDialog::folder() const
{
    return QDir::fromNativeSeparators(m_folder->text().trimmed());
}

void SplitDialog::setFolder(const QString &folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
}

void SplitDialog::setRepository(const QString &repoDir)
{
    m_repoDir = repoDir;
    // Read once: the folder field changes with every key typed.
    m_reach.reset();
    if (!repoDir.isEmpty() && QFileInfo(repoDir).isDir())
        m_reach = FluxReach::read(repoDir);
    m_wiring = FolderWiring();
    m_wiring.folder = QStringLiteral("\n"); // no folder is named so: the next update fills in
    updatePreview();
}

void SplitDialog::updateWiring()
{
    const QString relative =
        m_repoDir.isEmpty() ? QString() : folderInRepository(m_repoDir, folder());
    if (relative.isNull() || !m_reach || !m_reach->hasFluxKustomizations()) {
        m_wiringApplies = false;
        m_wiring = FolderWiring();
        m_wiring.folder = QStringLiteral("\n"); // shown again when it applies
        m_wiringRow->hide();
        return;
    }
    const FolderWiring wiring = m_reach->wiringFor(relative);
    if (wiring.kind == m_wiring.kind && wiring.folder == m_wiring.folder &&
        wiring.chain == m_wiring.chain && wiring.nearest == m_wiring.nearest &&
        wiring.hasNearest == m_wiring.hasNearest)
        return; // the same: the user's choice stays
    m_wiring = wiring;
    const QString shown = relative.isEmpty()
                              ? tr("the repository's top folder")
                              : QDir::toNativeSeparators(relative + QLatin1Char('/'));
    const QSignalBlocker blocker(m_wiringChoice);
    m_wiringChoice->clear();
    m_wiringApplies = false;
    switch (wiring.kind) {
    case FolderWiring::Kind::Reached:
        //: Split dialog: a folder of the repository
        m_wiringLabel->setText(tr("Flux applies %1 already.").arg(shown));
        break;
    case FolderWiring::Kind::Chain: {
        QStringList files;
        for (const QString &f : wiring.chain)
            files.append(m_reach->kustomizationOf(f));
        m_wiringLabel->setText(
            tr("No kustomization lists %1 yet: Flux would not apply it.").arg(shown));
        //: Split dialog: the kustomization files that will list the new folder
        m_wiringChoice->addItem(
            tr("Wire it up: list it in %1").arg(files.join(QStringLiteral(", "))),
            QStringLiteral("wire"));
        m_wiringChoice->addItem(tr("Leave it unwired (Flux will not apply it)"),
                                QStringLiteral("leave"));
        m_wiringChoice->setCurrentIndex(0);
        m_wiringApplies = true;
        break;
    }
    case FolderWiring::Kind::Unreachable:
        if (!wiring.hasNearest) {
            m_wiringLabel->setText(tr("No folder Flux applies has a kustomization that could list "
                                      "%1: it stays unwired, and Flux will not apply it.")
                                       .arg(shown));
            break;
        }
        m_wiringLabel->setText(tr("No folder above %1 is applied by Flux. Wire it up to the "
                                  "nearest folder Flux applies, or leave it unwired?")
                                   .arg(shown));
        //: Split dialog: folder, the entry added, the kustomization file it is added to
        m_wiringChoice->addItem(tr("Wire it up to %1 (list %2 in %3)")
                                    .arg(wiring.nearest.isEmpty()
                                             ? tr("the repository's top folder")
                                             : wiring.nearest + QLatin1Char('/'),
                                         wiring.entry, m_reach->kustomizationOf(wiring.nearest)),
                                QStringLiteral("wire"));
        m_wiringChoice->addItem(tr("Leave it unwired (Flux will not apply it)"),
                                QStringLiteral("leave"));
        m_wiringChoice->setCurrentIndex(-1); // asked, not guessed
        m_wiringApplies = true;
        break;
    }
    m_wiringChoice->setVisible(m_wiringApplies);
    m_wiringRow->show();
}

bool SplitDialog::wiresUp() const
{
    return m_wiringApplies && m_wiringChoice->currentData().toString() == QLatin1String("wire");
}

void SplitDialog::setNameTemplate(const QString &nameTemplate)
{
    m_template->setEditText(nameTemplate);
}

QStringList SplitDialog::previewFiles() const
{
    QStringList out;
    for (const SplitFile &file : m_files)
        out.append(file.relativePath);
    return out;
}

void SplitDialog::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Split into Folder"), folder());
    if (!dir.isEmpty())
        setFolder(dir);
}

void SplitDialog::updatePreview()
{
    m_preview->clear();
    m_files.clear();
    updateWiring();
    const QString dir = folder();
    const bool sourceInFolder =
        !m_sourcePath.isEmpty() && !dir.isEmpty() &&
        QFileInfo(m_sourcePath).absolutePath() == QFileInfo(dir).absoluteFilePath();
    m_dropSource->setVisible(sourceInFolder);
    m_dropSource->setText(tr("List the new files in kustomization.yaml instead of %1")
                              .arg(QFileInfo(m_sourcePath).fileName()));
    if (!m_parseError.isEmpty()) {
        m_status->setText(tr("The text cannot be split: %1").arg(m_parseError));
        m_split->setEnabled(false);
        return;
    }
    if (options().nameTemplate.isEmpty()) {
        m_status->setText(tr("Enter a file name template."));
        m_split->setEnabled(false);
        return;
    }
    QList<QJsonObject> objects = m_objects;
    if (!m_includeSecrets->isChecked())
        objects.erase(std::remove_if(objects.begin(), objects.end(),
                                     [](const QJsonObject &o) { return isSecret(o); }),
                      objects.end());
    const qsizetype secrets = m_objects.size() - objects.size();
    m_files = splitObjects(objects, options());
    const QDir target(dir);
    for (const SplitFile &file : m_files) {
        const QJsonObject metadata = file.object.value(QLatin1String("metadata")).toObject();
        const QString ns = metadata.value(QLatin1String("namespace")).toString();
        const QString name = metadata.value(QLatin1String("name")).toString();
        //: Split preview: Kind namespace/name
        const QString object = tr("%1 %2").arg(file.object.value(QLatin1String("kind")).toString(),
                                               ns.isEmpty() ? name : ns + QLatin1Char('/') + name);
        const bool exists = !dir.isEmpty() && target.exists(file.relativePath);
        new QTreeWidgetItem(m_preview, {file.relativePath, object,
                                        exists ? tr("replaces the existing file") : QString()});
    }
    m_preview->resizeColumnToContents(0);
    m_preview->resizeColumnToContents(1);
    const int left = int(objects.size() - m_files.size());
    if (dir.isEmpty())
        m_status->setText(tr("Choose the folder to write into."));
    else if (left > 0)
        //: Split preview summary
        m_status->setText(tr("Files to write: %1 (objects left out: %2), and kustomization.yaml.")
                              .arg(m_files.size())
                              .arg(left));
    else
        m_status->setText(tr("Files to write: %1, and kustomization.yaml.").arg(m_files.size()));
    if (secrets > 0)
        m_status->setText(
            m_status->text() + QLatin1Char(' ') +
            tr("Secrets left out: %1 (their data would land in Git as plain text).").arg(secrets));
    const bool undecided = m_wiringApplies && m_wiringChoice->currentIndex() < 0;
    if (undecided)
        m_status->setText(m_status->text() + QLatin1Char(' ') +
                          tr("Choose whether Flux should apply the folder."));
    m_split->setEnabled(!m_files.isEmpty() && !dir.isEmpty() && !undecided);
}

bool SplitDialog::writeFiles()
{
    const QString dir = folder();
    if (m_files.isEmpty() || dir.isEmpty())
        return false;
    if (!QDir().mkpath(dir)) {
        m_status->setText(tr("The folder %1 cannot be created.").arg(dir));
        return false;
    }
    const QString removed = !m_dropSource->isHidden() && m_dropSource->isChecked()
                                ? QFileInfo(m_sourcePath).fileName()
                                : QString();
    const QString relative = m_repoDir.isEmpty() ? QString() : folderInRepository(m_repoDir, dir);
    const Result<SplitWriteResult> result = [&] {
        if (!relative.isNull()) {
            // Inside the repository: wired up as chosen, its files recorded as the user's.
            SplitIntoRepository request;
            request.repoDir = m_repoDir;
            request.folder = dir;
            request.removedSource = removed;
            request.wire = wiresUp();
            request.wiring = m_wiring;
            request.keepOrder = m_helmOrder->isChecked();
            return writeSplitIntoRepository(request, m_files);
        }
        SplitWriteExtras extras;
        extras.keepOrder = m_helmOrder->isChecked();
        return writeSplit(dir, m_files, removed, extras);
    }();
    if (!result) {
        m_status->setText(tr("Nothing was written: %1").arg(result.error().toString()));
        return false;
    }
    m_result = *result;
    return true;
}

} // namespace Fluxdesk
