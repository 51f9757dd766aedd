// The Write Plan dialog's choices: which changed files take the plan's version and which files
// the plan no longer produces are deleted, held by a model the dialog only shows.
#include "items/writechoicesmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Fluxdesk;

namespace {

using Group = WriteChoicesModel::Group;

const QString NewA = QStringLiteral("apps/a/deployment.yaml");
const QString NewB = QStringLiteral("apps/a/kustomization.yaml");
const QString Outdated = QStringLiteral("apps/b/service.yaml");
const QString Changed1 = QStringLiteral("apps/c/configmap.yaml");
const QString Changed2 = QStringLiteral("apps/c/secret.yaml");
const QString Old = QStringLiteral("apps/old/configmap.yaml");

PlanWritePreview samplePreview()
{
    PlanWritePreview preview;
    preview.created = QStringList{NewA, NewB};
    preview.outdated = QStringList{Outdated};
    preview.differing = QStringList{Changed1, Changed2};
    preview.unchanged = QStringList{QStringLiteral("apps/kustomization.yaml")};
    preview.removable = QStringList{Old};
    return preview;
}

QString mark(const QModelIndex &action)
{
    if (!(action.flags() & Qt::ItemIsUserCheckable))
        return {};
    switch (action.data(Qt::CheckStateRole).toInt()) {
    case Qt::Checked:
        return QStringLiteral(" [x]");
    case Qt::PartiallyChecked:
        return QStringLiteral(" [~]");
    default:
        return QStringLiteral(" [ ]");
    }
}

// "group [box]" then "  path | action [box]" per file.
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex top = model.index(i, WriteChoicesModel::FileColumn);
        lines.append(top.data().toString() +
                     mark(top.siblingAtColumn(WriteChoicesModel::ActionColumn)));
        for (int j = 0; j < model.rowCount(top); ++j) {
            const QModelIndex file = model.index(j, WriteChoicesModel::FileColumn, top);
            const QModelIndex action = file.siblingAtColumn(WriteChoicesModel::ActionColumn);
            lines.append(QLatin1String("  ") + file.data().toString() + QLatin1String(" | ") +
                         action.data().toString() + mark(action));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

bool setCheck(WriteChoicesModel &model, const QModelIndex &index, Qt::CheckState state)
{
    return model.setData(index.siblingAtColumn(WriteChoicesModel::ActionColumn), int(state),
                         Qt::CheckStateRole);
}

} // namespace

class TestWriteChoicesModel : public QObject
{
    Q_OBJECT

private slots:
    void groupsAndFiles();
    void emptyGroupsLeftOut();
    void ticksMapToPaths();
    void groupTicksAll_data();
    void groupTicksAll();
    void onlyChoicesAreCheckable();
    void signalsForATick();
    void newPreviewClearsTicks();
    void rolesAndLookups();
};

void TestWriteChoicesModel::groupsAndFiles()
{
    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    model.setPreview(samplePreview());
    QCOMPARE(dump(model), QStringLiteral("New (2)\n"
                                         "  apps/a/deployment.yaml | Create\n"
                                         "  apps/a/kustomization.yaml | Create\n"
                                         "Updated by the plan (1)\n"
                                         "  apps/b/service.yaml | Update\n"
                                         "Changed on disk (2) [ ]\n"
                                         "  apps/c/configmap.yaml | Replace with the plan's "
                                         "version [ ]\n"
                                         "  apps/c/secret.yaml | Replace with the plan's "
                                         "version [ ]\n"
                                         "No longer planned (1) [ ]\n"
                                         "  apps/old/configmap.yaml | Delete [ ]"));
    QCOMPARE(model.headerData(WriteChoicesModel::FileColumn, Qt::Horizontal).toString(),
             QStringLiteral("File"));
    QCOMPARE(model.headerData(WriteChoicesModel::ActionColumn, Qt::Horizontal).toString(),
             QStringLiteral("Action"));
    // Nothing ticked: new and updated files are written, nothing else.
    QVERIFY(model.acceptedPaths().isEmpty());
    QVERIFY(model.removedPaths().isEmpty());
    QCOMPARE(model.writeCount(), 3);
    QCOMPARE(model.deleteCount(), 0);
}

void TestWriteChoicesModel::emptyGroupsLeftOut()
{
    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 0);
    PlanWritePreview preview;
    preview.removable = QStringList{Old};
    model.setPreview(preview);
    QCOMPARE(dump(model), QStringLiteral("No longer planned (1) [ ]\n"
                                         "  apps/old/configmap.yaml | Delete [ ]"));
    QVERIFY(!model.indexOfGroup(Group::New).isValid());
    QCOMPARE(model.firstFileOf({Group::Changed, Group::Removable}).data().toString(), Old);
    QVERIFY(!model.firstFileOf({Group::New, Group::Changed}).isValid());
    model.setPreview({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.writeCount(), 0);
}

void TestWriteChoicesModel::ticksMapToPaths()
{
    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    model.setPreview(samplePreview());

    QVERIFY(setCheck(model, model.indexOfPath(Changed2), Qt::Checked));
    QCOMPARE(model.acceptedPaths(), QSet<QString>{Changed2});
    QVERIFY(model.removedPaths().isEmpty());
    QCOMPARE(model.writeCount(), 4);
    // One of two: the group reads partly checked.
    QCOMPARE(model.indexOfGroup(Group::Changed, WriteChoicesModel::ActionColumn)
                 .data(Qt::CheckStateRole)
                 .toInt(),
             int(Qt::PartiallyChecked));

    QVERIFY(model.setChosen(Old, true));
    QCOMPARE(model.removedPaths(), QSet<QString>{Old});
    QCOMPARE(model.deleteCount(), 1);
    QCOMPARE(model.indexOfGroup(Group::Removable, WriteChoicesModel::ActionColumn)
                 .data(Qt::CheckStateRole)
                 .toInt(),
             int(Qt::Checked));

    QVERIFY(model.setChosen(Changed2, false));
    QVERIFY(model.acceptedPaths().isEmpty());
    QCOMPARE(model.removedPaths(), QSet<QString>{Old});
    QCOMPARE(model.writeCount(), 3);
    QVERIFY(dump(model).contains(QLatin1String("Changed on disk (2) [ ]\n")));
}

void TestWriteChoicesModel::groupTicksAll_data()
{
    QTest::addColumn<QList<bool>>("before"); // Changed1, Changed2
    QTest::addColumn<int>("groupBefore");
    QTest::addColumn<int>("set");
    QTest::addColumn<QSet<QString>>("accepted");

    const QSet<QString> both{Changed1, Changed2};
    QTest::addRow("none, tick") << QList<bool>{false, false} << int(Qt::Unchecked)
                                << int(Qt::Checked) << both;
    // A click on a partly checked box ticks all (the view's toggle of a non-tristate box).
    QTest::addRow("some, tick") << QList<bool>{true, false} << int(Qt::PartiallyChecked)
                                << int(Qt::Checked) << both;
    QTest::addRow("all, untick") << QList<bool>{true, true} << int(Qt::Checked)
                                 << int(Qt::Unchecked) << QSet<QString>();
    QTest::addRow("some, untick") << QList<bool>{false, true} << int(Qt::PartiallyChecked)
                                  << int(Qt::Unchecked) << QSet<QString>();
}

void TestWriteChoicesModel::groupTicksAll()
{
    QFETCH(QList<bool>, before);
    QFETCH(int, groupBefore);
    QFETCH(int, set);
    QFETCH(QSet<QString>, accepted);

    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    model.setPreview(samplePreview());
    model.setChosen(Changed1, before.at(0));
    model.setChosen(Changed2, before.at(1));
    const QModelIndex group = model.indexOfGroup(Group::Changed, WriteChoicesModel::ActionColumn);
    QCOMPARE(group.data(Qt::CheckStateRole).toInt(), groupBefore);

    QVERIFY(model.setData(group, set, Qt::CheckStateRole));
    QCOMPARE(group.data(Qt::CheckStateRole).toInt(), set);
    QCOMPARE(model.acceptedPaths(), accepted);
    for (const QString &path : {Changed1, Changed2})
        QCOMPARE(model.indexOfPath(path, WriteChoicesModel::ActionColumn)
                     .data(Qt::CheckStateRole)
                     .toInt(),
                 set);
    // The other group is untouched.
    QVERIFY(model.removedPaths().isEmpty());
}

void TestWriteChoicesModel::onlyChoicesAreCheckable()
{
    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    model.setPreview(samplePreview());
    for (const QString &path : {NewA, Outdated}) {
        const QModelIndex action = model.indexOfPath(path, WriteChoicesModel::ActionColumn);
        QVERIFY(action.isValid());
        QVERIFY(!(action.flags() & Qt::ItemIsUserCheckable));
        QVERIFY(!action.data(Qt::CheckStateRole).isValid());
        QVERIFY(!model.setData(action, int(Qt::Checked), Qt::CheckStateRole));
        QVERIFY(!model.setChosen(path, true));
    }
    for (Group group : {Group::New, Group::Updated}) {
        const QModelIndex action = model.indexOfGroup(group, WriteChoicesModel::ActionColumn);
        QVERIFY(!(action.flags() & Qt::ItemIsUserCheckable));
        QVERIFY(!model.setData(action, int(Qt::Checked), Qt::CheckStateRole));
    }
    // The box is on the action, not the path; and only the check state is editable.
    const QModelIndex path = model.indexOfPath(Changed1);
    QVERIFY(!(path.flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!model.setData(path, int(Qt::Checked), Qt::CheckStateRole));
    QVERIFY(!model.setData(path.siblingAtColumn(WriteChoicesModel::ActionColumn),
                           QStringLiteral("x"), Qt::EditRole));
    QVERIFY(!model.setChosen(QStringLiteral("not/in/the/preview.yaml"), true));
    QVERIFY(model.acceptedPaths().isEmpty());
    QCOMPARE(model.writeCount(), 3);
}

void TestWriteChoicesModel::signalsForATick()
{
    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    model.setPreview(samplePreview());
    QSignalSpy choices(&model, &WriteChoicesModel::choicesChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setChosen(Changed1, true));
    QCOMPARE(choices.size(), 1);
    // The file's box and its group's.
    QCOMPARE(changed.size(), 2);
    const QModelIndex file = model.indexOfPath(Changed1, WriteChoicesModel::ActionColumn);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), file);
    QCOMPARE(changed.at(0).at(1).toModelIndex(), file);
    QCOMPARE(changed.at(1).at(0).toModelIndex(),
             model.indexOfGroup(Group::Changed, WriteChoicesModel::ActionColumn));

    // Ticking what is ticked changes nothing and says nothing.
    QVERIFY(model.setChosen(Changed1, true));
    QCOMPARE(choices.size(), 1);
    QCOMPARE(changed.size(), 2);

    // A group tick: one range for its files.
    QVERIFY(setCheck(model, model.indexOfGroup(Group::Changed), Qt::Unchecked));
    QCOMPARE(choices.size(), 2);
    QCOMPARE(changed.size(), 4);
    QCOMPARE(changed.at(2).at(0).toModelIndex(),
             model.indexOfPath(Changed1, WriteChoicesModel::ActionColumn));
    QCOMPARE(changed.at(2).at(1).toModelIndex(),
             model.indexOfPath(Changed2, WriteChoicesModel::ActionColumn));
}

void TestWriteChoicesModel::newPreviewClearsTicks()
{
    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    model.setPreview(samplePreview());
    model.setChosen(Changed1, true);
    model.setChosen(Old, true);
    QSignalSpy choices(&model, &WriteChoicesModel::choicesChanged);
    model.setPreview(samplePreview());
    QCOMPARE(choices.size(), 1);
    QVERIFY(model.acceptedPaths().isEmpty());
    QVERIFY(model.removedPaths().isEmpty());
    QCOMPARE(model.preview().differing, samplePreview().differing);
}

void TestWriteChoicesModel::rolesAndLookups()
{
    WriteChoicesModel model;
    QAbstractItemModelTester tester(&model);
    model.setPreview(samplePreview());
    const QModelIndex old = model.indexOfPath(Old);
    QCOMPARE(old.data(WriteChoicesModel::PathRole).toString(), Old);
    QCOMPARE(old.data(WriteChoicesModel::GroupRole).toInt(), int(Group::Removable));
    QCOMPARE(old.parent(), model.indexOfGroup(Group::Removable));
    QVERIFY(old.siblingAtColumn(WriteChoicesModel::ActionColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("permanent")));
    QVERIFY(model.indexOfPath(Changed1, WriteChoicesModel::ActionColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("keeps your edits")));
    const QModelIndex group = model.indexOfGroup(Group::Changed);
    QCOMPARE(group.data(WriteChoicesModel::GroupRole).toInt(), int(Group::Changed));
    QVERIFY(!group.data(WriteChoicesModel::PathRole).isValid());
    QVERIFY(!group.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!model.indexOfPath(QStringLiteral("apps/kustomization.yaml")).isValid()); // unchanged
    // Decisions first: a changed file, then a removable one, an updated one, a new one.
    QCOMPARE(model.firstFileOf({Group::Changed, Group::Removable}).data().toString(), Changed1);
    QCOMPARE(model.firstFileOf({Group::Updated, Group::New}).data().toString(), Outdated);
}

QTEST_GUILESS_MAIN(TestWriteChoicesModel)
#include "tst_writechoicesmodel.moc"
