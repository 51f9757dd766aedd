#include "fluxsettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

constexpr int NameRole = Qt::UserRole;
constexpr int KnownRole = Qt::UserRole + 1;

const char *const InvalidProperty = "fluxdeskInvalid";

QLineEdit *durationEdit(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(FluxSettingsDialog::tr("e.g. 10m or 1h30m"));
    edit->setClearButtonEnabled(false);
    edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000h00m00s")) +
                          24);
    return edit;
}

void setInvalid(QLineEdit *edit, bool invalid)
{
    if (edit->property(InvalidProperty).toBool() == invalid)
        return;
    edit->setProperty(InvalidProperty, invalid);
    edit->setStyleSheet(invalid ? QStringLiteral("QLineEdit { border: 1px solid #cf222e; "
                                                 "background: #ffebe9; color: #1f2328; }")
                                : QString());
}

} // namespace

FluxSettingsDialog::FluxSettingsDialog(const QList<EntryPointSettings> &settings, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("fluxSettingsDialog"));
    setWindowTitle(tr("Flux Reconciliation Settings"));

    auto *intro = new QLabel(
        tr("Each entry point is a Flux Kustomization in clusters/<cluster>/ that applies one "
           "folder of the repository. Hover over a field for guidance."),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("entryPointTabs"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #ffebe9; color: #82071e; "
                                          "border: 1px solid #ff8182; padding: 4px; }"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    QPushButton *restore = buttons->button(QDialogButtonBox::RestoreDefaults);
    restore->setObjectName(QStringLiteral("restoreDefaultsButton"));
    restore->setText(tr("&Restore Defaults"));
    restore->setToolTip(tr("Fluxdesk's defaults: infrastructure first, then the workloads that "
                           "depend on it, both pruning and waiting."));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(restore, &QPushButton::clicked, this, [this] {
        const int current = m_tabs->currentIndex();
        load(defaultEntryPoints());
        if (current >= 0 && current < m_tabs->count())
            m_tabs->setCurrentIndex(current);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    load(settings);
}

FluxSettingsDialog::~FluxSettingsDialog() = default;

void FluxSettingsDialog::load(const QList<EntryPointSettings> &settings)
{
    m_tabs->clear();
    for (const Page &page : std::as_const(m_pages))
        delete page.page;
    m_pages.clear();

    QStringList names;
    for (const EntryPointSettings &entry : settings)
        names.append(entry.name);
    for (const EntryPointSettings &entry : settings) {
        Page page;
        buildPage(page, entry, names);
        m_pages.append(page);
        m_tabs->addTab(page.page, entry.name);
    }
    for (int i = 0; i < m_pages.size(); ++i) {
        connect(m_pages.at(i).dependsOn, &QListWidget::itemChanged, this,
                [this, i](QListWidgetItem *item) { dependencyToggled(i, item); });
    }
    validate();
}

void FluxSettingsDialog::buildPage(Page &page, const EntryPointSettings &settings,
                                   const QStringList &allNames)
{
    page.name = settings.name;
    page.original = settings;
    page.page = new QWidget;
    page.page->setObjectName(QLatin1String("entryPoint_") + settings.name);
    auto *form = new QFormLayout(page.page);

    const auto addRow = [form, &page](const QString &label, QWidget *field, const QString &tip) {
        auto *text = new QLabel(label, page.page);
        text->setBuddy(field);
        text->setToolTip(tip);
        field->setToolTip(tip);
        form->addRow(text, field);
    };

    page.interval = durationEdit(QStringLiteral("intervalEdit"), settings.interval, page.page);
    addRow(tr("&Interval:"), page.interval,
           tr("How often Flux re-applies this folder from Git, which also reverts drift such as "
              "a manual kubectl edit. The default, 10m, suits infrastructure, which changes "
              "rarely; workloads, which change more often, may use 5m."));
    page.retryInterval =
        durationEdit(QStringLiteral("retryIntervalEdit"), settings.retryInterval, page.page);
    addRow(tr("&Retry interval:"), page.retryInterval,
           tr("How soon Flux tries again after a failed apply, instead of waiting a whole "
              "interval. The default is 1m."));
    page.timeout = durationEdit(QStringLiteral("timeoutEdit"), settings.timeout, page.page);
    addRow(tr("&Timeout:"), page.timeout,
           tr("How long one apply, including waiting for readiness, may take before Flux "
              "declares it failed. The default is 5m."));
    for (QLineEdit *edit : {page.interval, page.retryInterval, page.timeout})
        connect(edit, &QLineEdit::textChanged, this, [this] { validate(); });

    page.prune =
        new QCheckBox(tr("&Prune: delete from the cluster what is removed from Git"), page.page);
    page.prune->setObjectName(QStringLiteral("pruneCheck"));
    page.prune->setChecked(settings.prune);
    addRow(tr("Prune:"), page.prune,
           tr("Objects whose files are removed from Git are deleted from the cluster. Be careful "
              "when removing files: for critical infrastructure, consider starting with prune "
              "off and cleaning up by hand."));

    page.wait = new QCheckBox(tr("&Wait for the applied objects to become ready"), page.page);
    page.wait->setObjectName(QStringLiteral("waitCheck"));
    page.wait->setChecked(settings.wait);
    addRow(tr("Wait:"), page.wait,
           tr("Flux reports this entry point ready only when every object it applied is ready, "
              "so entry points that depend on it start after that."));

    page.dependsOn = new QListWidget(page.page);
    page.dependsOn->setObjectName(QStringLiteral("dependsOnList"));
    page.dependsOn->setMaximumHeight(page.dependsOn->fontMetrics().lineSpacing() * 4 + 12);
    const QSet<QString> checked(settings.dependsOn.cbegin(), settings.dependsOn.cend());
    for (const QString &name : allNames) {
        if (name == settings.name)
            continue;
        auto *item = new QListWidgetItem(name, page.dependsOn);
        item->setData(NameRole, name);
        item->setData(KnownRole, true);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    // A dependency the plan has no entry point for (a hand-edited plan file) stays visible so the
    // user can remove it; a self-dependency means nothing and is dropped.
    for (const QString &name : settings.dependsOn) {
        if (name == settings.name || allNames.contains(name))
            continue;
        //: Flux settings: a dependency on an entry point that does not exist
        auto *item = new QListWidgetItem(tr("%1 (not an entry point of this plan)").arg(name),
                                         page.dependsOn);
        item->setData(NameRole, name);
        item->setData(KnownRole, false);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    addRow(tr("&Depends on:"), page.dependsOn,
           tr("Entry points Flux applies, and waits to be ready, before this one. Workloads "
              "depend on infrastructure so that CRDs, controllers and storage exist before the "
              "applications that use them."));
    page.dependsOnMessage = new QLabel(page.page);
    page.dependsOnMessage->setObjectName(QStringLiteral("dependsOnMessage"));
    page.dependsOnMessage->setWordWrap(true);
    page.dependsOnMessage->setTextFormat(Qt::PlainText);
    page.dependsOnMessage->setStyleSheet(QStringLiteral("QLabel { color: #cf222e; }"));
    page.dependsOnMessage->hide();
    form->addRow(QString(), page.dependsOnMessage);

    page.healthChecks =
        new QCheckBox(tr("List Deployments and StatefulSets as &health checks"), page.page);
    page.healthChecks->setObjectName(QStringLiteral("healthChecksCheck"));
    page.healthChecks->setChecked(settings.healthChecks);
    addRow(tr("Health checks:"), page.healthChecks,
           tr("Adds this folder's Deployments and StatefulSets under spec.healthChecks, so Flux "
              "reports the entry point ready only when they are. Flux ignores health checks "
              "while Wait is on, because Wait already checks every object."));
    page.healthChecksNote =
        new QLabel(tr("Flux ignores health checks while Wait is on; turn Wait off for them to "
                      "take effect."),
                   page.page);
    page.healthChecksNote->setObjectName(QStringLiteral("healthChecksNote"));
    page.healthChecksNote->setWordWrap(true);
    page.healthChecksNote->setTextFormat(Qt::PlainText);
    page.healthChecksNote->setForegroundRole(QPalette::PlaceholderText);
    page.healthChecksNote->setVisible(settings.wait);
    form->addRow(QString(), page.healthChecksNote);
    QLabel *note = page.healthChecksNote;
    connect(page.wait, &QCheckBox::toggled, note, [note](bool on) { note->setVisible(on); });

    page.suspend = new QCheckBox(tr("&Suspended: Flux leaves it alone for now"), page.page);
    page.suspend->setObjectName(QStringLiteral("suspendCheck"));
    page.suspend->setChecked(settings.suspend);
    addRow(tr("Take over later:"), page.suspend,
           tr("Writes spec.suspend: true, so Flux does not apply this entry point yet. Take the "
              "cluster over one side at a time: keep the workloads suspended until the "
              "infrastructure is Ready, then clear this and commit to let Flux take them over."));
}

QStringList FluxSettingsDialog::checkedDependencies(const Page &page) const
{
    QStringList names;
    for (int row = 0; row < page.dependsOn->count(); ++row) {
        const QListWidgetItem *item = page.dependsOn->item(row);
        if (item->checkState() == Qt::Checked)
            names.append(item->data(NameRole).toString());
    }
    return names;
}

bool FluxSettingsDialog::dependsTransitively(const QString &from, const QString &to) const
{
    QSet<QString> seen;
    QStringList pending{from};
    while (!pending.isEmpty()) {
        const QString name = pending.takeLast();
        if (name == to)
            return true;
        if (seen.contains(name))
            continue;
        seen.insert(name);
        for (const Page &page : m_pages) {
            if (page.name == name)
                pending.append(checkedDependencies(page));
        }
    }
    return false;
}

void FluxSettingsDialog::dependencyToggled(int pageIndex, QListWidgetItem *item)
{
    Page &page = m_pages[pageIndex];
    const QString target = item->data(NameRole).toString();
    page.dependsOnMessage->hide();
    if (item->checkState() == Qt::Checked && item->data(KnownRole).toBool() &&
        dependsTransitively(target, page.name)) {
        {
            const QSignalBlocker blocker(page.dependsOn);
            item->setCheckState(Qt::Unchecked);
        }
        //: Flux settings: %1 is the entry point being edited, %2 the one it would depend on
        page.dependsOnMessage->setText(
            tr("%1 cannot depend on %2: %2 already depends on %1, directly or through other "
               "entry points, and Flux would wait for each forever.")
                .arg(page.name, target));
        page.dependsOnMessage->show();
    }
    validate();
}

QString FluxSettingsDialog::cycleProblem() const
{
    for (const Page &page : m_pages) {
        for (int row = 0; row < page.dependsOn->count(); ++row) {
            const QListWidgetItem *item = page.dependsOn->item(row);
            if (item->checkState() != Qt::Checked || !item->data(KnownRole).toBool())
                continue;
            const QString target = item->data(NameRole).toString();
            if (dependsTransitively(target, page.name))
                return tr("%1 and %2 depend on each other, directly or through other entry "
                          "points, and Flux would apply neither. Uncheck one of the "
                          "dependencies.")
                    .arg(page.name, target);
        }
    }
    return QString();
}

void FluxSettingsDialog::validate()
{
    QString problem;
    for (const Page &page : std::as_const(m_pages)) {
        const struct
        {
            QLineEdit *edit;
            QString label;
        } fields[] = {{page.interval, tr("interval")},
                      {page.retryInterval, tr("retry interval")},
                      {page.timeout, tr("timeout")}};
        for (const auto &field : fields) {
            const QString text = field.edit->text().trimmed();
            const bool valid = isValidFluxDuration(text);
            setInvalid(field.edit, !valid);
            if (valid || !problem.isEmpty())
                continue;
            if (text.isEmpty())
                //: Flux settings: %1 entry point, %2 field name
                problem = tr("%1: the %2 is empty. Use a duration such as 10m or 1h30m.")
                              .arg(page.name, field.label);
            else
                //: Flux settings: %1 entry point, %2 field name, %3 what the user typed
                problem = tr("%1: the %2 \"%3\" is not a duration. Use a duration such as 10m "
                             "or 1h30m.")
                              .arg(page.name, field.label, text);
        }
    }
    for (const Page &page : std::as_const(m_pages)) {
        for (int row = 0; row < page.dependsOn->count() && problem.isEmpty(); ++row) {
            const QListWidgetItem *item = page.dependsOn->item(row);
            if (item->checkState() == Qt::Checked && !item->data(KnownRole).toBool())
                problem = tr("%1 depends on %2, which is not an entry point of this plan, and "
                             "Flux would wait for it forever. Uncheck it.")
                              .arg(page.name, item->data(NameRole).toString());
        }
    }
    if (problem.isEmpty())
        problem = cycleProblem();

    m_problem = problem;
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}

QList<EntryPointSettings> FluxSettingsDialog::settings() const
{
    QList<EntryPointSettings> result;
    for (const Page &page : m_pages) {
        EntryPointSettings entry = page.original;
        entry.interval = page.interval->text().trimmed();
        entry.retryInterval = page.retryInterval->text().trimmed();
        entry.timeout = page.timeout->text().trimmed();
        entry.prune = page.prune->isChecked();
        entry.wait = page.wait->isChecked();
        entry.healthChecks = page.healthChecks->isChecked();
        entry.suspend = page.suspend->isChecked();
        // The saved order first, so an unchanged form round-trips exactly; new ones after.
        const QStringList checked = checkedDependencies(page);
        entry.dependsOn.clear();
        for (const QString &name : page.original.dependsOn) {
            if (checked.contains(name) && !entry.dependsOn.contains(name))
                entry.dependsOn.append(name);
        }
        for (const QString &name : checked) {
            if (!entry.dependsOn.contains(name))
                entry.dependsOn.append(name);
        }
        result.append(entry);
    }
    return result;
}

} // namespace Fluxdesk
