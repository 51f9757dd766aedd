#include "fluxsettingsdialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace Fluxdesk;

namespace {

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

QWidget *pageOf(FluxSettingsDialog &dialog, const QString &entryPoint)
{
    return child<QWidget>(&dialog, QLatin1String("entryPoint_") + entryPoint);
}

QListWidgetItem *dependencyItem(QWidget *page, const QString &name)
{
    auto *list = child<QListWidget>(page, QStringLiteral("dependsOnList"));
    if (!list)
        return nullptr;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == name)
            return list->item(row);
    }
    return nullptr;
}

EntryPointSettings entry(const QString &name)
{
    EntryPointSettings settings;
    settings.name = name;
    return settings;
}

// Infrastructure and workloads, with every field away from the defaults.
QList<EntryPointSettings> customSettings()
{
    EntryPointSettings infrastructure = entry(QStringLiteral("infrastructure"));
    infrastructure.interval = QStringLiteral("1h");
    infrastructure.retryInterval = QStringLiteral("2m30s");
    infrastructure.timeout = QStringLiteral("15m");
    infrastructure.prune = false;
    infrastructure.wait = false;
    infrastructure.healthChecks = true;
    EntryPointSettings workloads = entry(QStringLiteral("workloads"));
    workloads.interval = QStringLiteral("5m");
    workloads.retryInterval = QStringLiteral("30s");
    workloads.timeout = QStringLiteral("3m");
    workloads.prune = true;
    workloads.wait = true;
    workloads.dependsOn = QStringList{QStringLiteral("infrastructure")};
    return {infrastructure, workloads};
}

} // namespace

class TestFluxSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void editsReachSettings();
    void invalidDurationDisablesOk_data();
    void invalidDurationDisablesOk();
    void dependsOnCycleRefused();
    void loadedCycleDisablesOk();
    void unknownDependencyCanBeRemoved();
    void restoreDefaults();
    void healthChecksNoteFollowsWait();
    void tooltipsCarryGuidance();
};

void TestFluxSettingsDialog::roundTrip()
{
    const QList<EntryPointSettings> input = customSettings();
    FluxSettingsDialog dialog(input);
    auto *tabs = child<QTabWidget>(&dialog, QStringLiteral("entryPointTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(0), QStringLiteral("infrastructure"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("workloads"));

    QWidget *infrastructure = pageOf(dialog, QStringLiteral("infrastructure"));
    QVERIFY(infrastructure);
    QCOMPARE(child<QLineEdit>(infrastructure, QStringLiteral("intervalEdit"))->text(),
             QStringLiteral("1h"));
    QCOMPARE(child<QLineEdit>(infrastructure, QStringLiteral("retryIntervalEdit"))->text(),
             QStringLiteral("2m30s"));
    QVERIFY(!child<QCheckBox>(infrastructure, QStringLiteral("pruneCheck"))->isChecked());
    QVERIFY(child<QCheckBox>(infrastructure, QStringLiteral("healthChecksCheck"))->isChecked());
    // Only the other entry points are offered as dependencies.
    QCOMPARE(child<QListWidget>(infrastructure, QStringLiteral("dependsOnList"))->count(), 1);
    QListWidgetItem *onInfrastructure = dependencyItem(pageOf(dialog, QStringLiteral("workloads")),
                                                       QStringLiteral("infrastructure"));
    QVERIFY(onInfrastructure);
    QCOMPARE(onInfrastructure->checkState(), Qt::Checked);

    QVERIFY(child<QPushButton>(&dialog, QStringLiteral("okButton"))->isEnabled());
    QCOMPARE(dialog.problem(), QString());
    const QList<EntryPointSettings> output = dialog.settings();
    QCOMPARE(output.size(), input.size());
    for (int i = 0; i < input.size(); ++i) {
        QCOMPARE(output.at(i).name, input.at(i).name);
        QCOMPARE(output.at(i).interval, input.at(i).interval);
        QCOMPARE(output.at(i).retryInterval, input.at(i).retryInterval);
        QCOMPARE(output.at(i).timeout, input.at(i).timeout);
        QCOMPARE(output.at(i).prune, input.at(i).prune);
        QCOMPARE(output.at(i).wait, input.at(i).wait);
        QCOMPARE(output.at(i).dependsOn, input.at(i).dependsOn);
        QCOMPARE(output.at(i).healthChecks, input.at(i).healthChecks);
    }
    QVERIFY(output == input);
}

void TestFluxSettingsDialog::editsReachSettings()
{
    FluxSettingsDialog dialog(customSettings());
    QWidget *workloads = pageOf(dialog, QStringLiteral("workloads"));
    QVERIFY(workloads);
    auto *interval = child<QLineEdit>(workloads, QStringLiteral("intervalEdit"));
    interval->setText(QStringLiteral("  1h30m "));
    child<QCheckBox>(workloads, QStringLiteral("pruneCheck"))->setChecked(false);
    child<QCheckBox>(workloads, QStringLiteral("waitCheck"))->setChecked(false);
    child<QCheckBox>(workloads, QStringLiteral("healthChecksCheck"))->setChecked(true);
    QVERIFY(!child<QCheckBox>(workloads, QStringLiteral("suspendCheck"))->isChecked());
    child<QCheckBox>(workloads, QStringLiteral("suspendCheck"))->setChecked(true);
    dependencyItem(workloads, QStringLiteral("infrastructure"))->setCheckState(Qt::Unchecked);

    const QList<EntryPointSettings> output = dialog.settings();
    QCOMPARE(output.size(), 2);
    const EntryPointSettings &edited = output.at(1);
    QCOMPARE(edited.name, QStringLiteral("workloads"));
    QCOMPARE(edited.interval, QStringLiteral("1h30m")); // trimmed
    QCOMPARE(edited.retryInterval, QStringLiteral("30s"));
    QCOMPARE(edited.prune, false);
    QCOMPARE(edited.wait, false);
    QCOMPARE(edited.healthChecks, true);
    QCOMPARE(edited.suspend, true);
    QCOMPARE(edited.dependsOn, QStringList());
    QVERIFY(output.at(0) == customSettings().at(0));
    QVERIFY(child<QPushButton>(&dialog, QStringLiteral("okButton"))->isEnabled());
}

void TestFluxSettingsDialog::invalidDurationDisablesOk_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("expected");

    QTest::addRow("words") << QStringLiteral("intervalEdit") << QStringLiteral("ten minutes")
                           << QStringLiteral("interval")
                           << QStringLiteral("\"ten minutes\" is not a duration");
    QTest::addRow("no unit") << QStringLiteral("retryIntervalEdit") << QStringLiteral("10")
                             << QStringLiteral("retry interval")
                             << QStringLiteral("\"10\" is not a duration");
    QTest::addRow("days") << QStringLiteral("timeoutEdit") << QStringLiteral("1d")
                          << QStringLiteral("timeout")
                          << QStringLiteral("\"1d\" is not a duration");
    QTest::addRow("empty") << QStringLiteral("timeoutEdit") << QString()
                           << QStringLiteral("timeout") << QStringLiteral("is empty");
}

void TestFluxSettingsDialog::invalidDurationDisablesOk()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, fieldName);
    QFETCH(QString, expected);

    FluxSettingsDialog dialog(defaultEntryPoints());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *ok = child<QPushButton>(&dialog, QStringLiteral("okButton"));
    auto *error = child<QLabel>(&dialog, QStringLiteral("settingsError"));
    QVERIFY(ok && error);
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());

    QWidget *workloads = pageOf(dialog, QStringLiteral("workloads"));
    auto *edit = child<QLineEdit>(workloads, field);
    QVERIFY(edit);
    const QString before = edit->text();
    edit->setText(text);

    QVERIFY(!ok->isEnabled());
    QVERIFY(error->isVisible());
    const QString message = error->text();
    QVERIFY2(message.startsWith(QLatin1String("workloads: the ") + fieldName), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Use a duration such as 10m or 1h30m")),
             qPrintable(message));
    QCOMPARE(dialog.problem(), message);
    QCOMPARE(edit->property("fluxdeskInvalid").toBool(), true);
    // The other fields are not marked.
    QCOMPARE(child<QLineEdit>(pageOf(dialog, QStringLiteral("infrastructure")),
                              QStringLiteral("intervalEdit"))
                 ->property("fluxdeskInvalid")
                 .toBool(),
             false);

    edit->setText(before);
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());
    QCOMPARE(edit->property("fluxdeskInvalid").toBool(), false);
}

void TestFluxSettingsDialog::dependsOnCycleRefused()
{
    FluxSettingsDialog dialog(defaultEntryPoints());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QWidget *infrastructure = pageOf(dialog, QStringLiteral("infrastructure"));
    QWidget *workloads = pageOf(dialog, QStringLiteral("workloads"));
    QListWidgetItem *onWorkloads = dependencyItem(infrastructure, QStringLiteral("workloads"));
    QListWidgetItem *onInfrastructure = dependencyItem(workloads, QStringLiteral("infrastructure"));
    QVERIFY(onWorkloads && onInfrastructure);
    QCOMPARE(onInfrastructure->checkState(), Qt::Checked);
    auto *message = child<QLabel>(infrastructure, QStringLiteral("dependsOnMessage"));
    QVERIFY(message);
    QVERIFY(message->isHidden());

    // infrastructure -> workloads -> infrastructure: refused on the spot.
    onWorkloads->setCheckState(Qt::Checked);
    QCOMPARE(onWorkloads->checkState(), Qt::Unchecked);
    QVERIFY(!message->isHidden());
    QCOMPARE(message->text(),
             QStringLiteral("infrastructure cannot depend on workloads: workloads already depends "
                            "on infrastructure, directly or through other entry points, and Flux "
                            "would wait for each forever."));
    QCOMPARE(dialog.settings().at(0).dependsOn, QStringList());
    QCOMPARE(dialog.settings().at(1).dependsOn, QStringList{QStringLiteral("infrastructure")});
    QVERIFY(child<QPushButton>(&dialog, QStringLiteral("okButton"))->isEnabled());

    // Once workloads no longer depends on infrastructure, the reverse is allowed.
    onInfrastructure->setCheckState(Qt::Unchecked);
    onWorkloads->setCheckState(Qt::Checked);
    QCOMPARE(onWorkloads->checkState(), Qt::Checked);
    QVERIFY(message->isHidden());
    QCOMPARE(dialog.settings().at(0).dependsOn, QStringList{QStringLiteral("workloads")});
    QCOMPARE(dialog.settings().at(1).dependsOn, QStringList());
}

void TestFluxSettingsDialog::loadedCycleDisablesOk()
{
    // A hand-edited plan file can hold a cycle: it is shown and must be resolved before OK.
    QList<EntryPointSettings> settings = customSettings();
    settings[0].dependsOn = QStringList{QStringLiteral("workloads")};
    FluxSettingsDialog dialog(settings);
    auto *ok = child<QPushButton>(&dialog, QStringLiteral("okButton"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(QLatin1String("depend on each other")),
             qPrintable(dialog.problem()));
    QVERIFY(dialog.problem().contains(QLatin1String("infrastructure")));
    QVERIFY(dialog.problem().contains(QLatin1String("workloads")));

    dependencyItem(pageOf(dialog, QStringLiteral("infrastructure")), QStringLiteral("workloads"))
        ->setCheckState(Qt::Unchecked);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.problem(), QString());
}

void TestFluxSettingsDialog::unknownDependencyCanBeRemoved()
{
    QList<EntryPointSettings> settings = customSettings();
    settings[1].dependsOn =
        QStringList{QStringLiteral("infrastructure"), QStringLiteral("databases")};
    FluxSettingsDialog dialog(settings);
    QWidget *workloads = pageOf(dialog, QStringLiteral("workloads"));
    QListWidgetItem *databases = dependencyItem(workloads, QStringLiteral("databases"));
    QVERIFY(databases);
    QCOMPARE(databases->checkState(), Qt::Checked);
    QVERIFY(databases->text().contains(QLatin1String("not an entry point")));
    auto *ok = child<QPushButton>(&dialog, QStringLiteral("okButton"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(QLatin1String("databases")), qPrintable(dialog.problem()));
    QCOMPARE(dialog.settings().at(1).dependsOn, settings.at(1).dependsOn);

    databases->setCheckState(Qt::Unchecked);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.settings().at(1).dependsOn, QStringList{QStringLiteral("infrastructure")});
}

void TestFluxSettingsDialog::restoreDefaults()
{
    const QList<EntryPointSettings> defaults = defaultEntryPoints();
    QCOMPARE(defaults.size(), 2);
    QList<EntryPointSettings> settings = customSettings();
    settings[1].interval = QStringLiteral("not a duration");
    QVERIFY(settings != defaults);
    FluxSettingsDialog dialog(settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = child<QTabWidget>(&dialog, QStringLiteral("entryPointTabs"));
    tabs->setCurrentIndex(1);
    auto *ok = child<QPushButton>(&dialog, QStringLiteral("okButton"));
    QVERIFY(!ok->isEnabled());

    auto *restore = child<QPushButton>(&dialog, QStringLiteral("restoreDefaultsButton"));
    QVERIFY(restore);
    QTest::mouseClick(restore, Qt::LeftButton);

    QVERIFY(dialog.settings() == defaults);
    QCOMPARE(dialog.settings().at(1).dependsOn, QStringList{QStringLiteral("infrastructure")});
    QVERIFY(ok->isEnabled());
    QVERIFY(!child<QLabel>(&dialog, QStringLiteral("settingsError"))->isVisible());
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    // The rebuilt form is live: an edit still reaches the settings.
    child<QCheckBox>(pageOf(dialog, QStringLiteral("workloads")), QStringLiteral("pruneCheck"))
        ->setChecked(!defaults.at(1).prune);
    QCOMPARE(dialog.settings().at(1).prune, !defaults.at(1).prune);
}

void TestFluxSettingsDialog::healthChecksNoteFollowsWait()
{
    FluxSettingsDialog dialog(customSettings());
    // infrastructure has wait off: no note; workloads has wait on: the note.
    QWidget *infrastructure = pageOf(dialog, QStringLiteral("infrastructure"));
    QWidget *workloads = pageOf(dialog, QStringLiteral("workloads"));
    auto *infraNote = child<QLabel>(infrastructure, QStringLiteral("healthChecksNote"));
    auto *workloadsNote = child<QLabel>(workloads, QStringLiteral("healthChecksNote"));
    QVERIFY(infraNote && workloadsNote);
    QVERIFY(infraNote->isHidden());
    QVERIFY(!workloadsNote->isHidden());
    QVERIFY(
        workloadsNote->text().contains(QLatin1String("ignores health checks while Wait is on")));

    auto *wait = child<QCheckBox>(infrastructure, QStringLiteral("waitCheck"));
    auto *healthChecks = child<QCheckBox>(infrastructure, QStringLiteral("healthChecksCheck"));
    wait->setChecked(true);
    QVERIFY(!infraNote->isHidden());
    // Still the user's choice: enabled and kept as set.
    QVERIFY(healthChecks->isEnabled());
    QVERIFY(healthChecks->isChecked());
    QCOMPARE(dialog.settings().at(0).healthChecks, true);
    wait->setChecked(false);
    QVERIFY(infraNote->isHidden());
}

void TestFluxSettingsDialog::tooltipsCarryGuidance()
{
    FluxSettingsDialog dialog(defaultEntryPoints());
    QWidget *page = pageOf(dialog, QStringLiteral("workloads"));
    const auto tip = [page](const char *name) {
        QWidget *widget = child<QWidget>(page, QLatin1String(name));
        return widget ? widget->toolTip() : QString();
    };
    QVERIFY(tip("intervalEdit").contains(QLatin1String("re-applies")));
    QVERIFY(tip("retryIntervalEdit").contains(QLatin1String("failed")));
    QVERIFY(tip("timeoutEdit").contains(QLatin1String("declares it failed")));
    QVERIFY(tip("pruneCheck").contains(QLatin1String("deleted from the cluster")));
    QVERIFY(tip("pruneCheck").contains(QLatin1String("prune off")));
    QVERIFY(tip("waitCheck").contains(QLatin1String("ready")));
    QVERIFY(tip("dependsOnList").contains(QLatin1String("CRDs")));
    QVERIFY(tip("healthChecksCheck").contains(QLatin1String("Wait is on")));
}

QTEST_MAIN(TestFluxSettingsDialog)
#include "tst_fluxsettingsdialog.moc"
