// The window on a stock K3s homelab (tests/data/k3s): the plan pane counts exactly the owner's
// objects, the same files as fluxdesk-cli plans, and after Write Plan nothing differs.
#include "mainwindow.h"
#include "plan/plansession.h"
#include "plancontroller.h"
#include "planpane.h"
#include "windowtesting.h"
#include "writeplandialogtesting.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Fluxdesk;
using Fluxdesk::Testing::acceptWriteDialogSoon;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const char fixturePath[] = FLUXDESK_TEST_DATA "/k3s/k3s-homelab.yaml";

int expectedOwnerObjects()
{
    QFile file(s(FLUXDESK_TEST_DATA "/k3s/expected-owner-objects.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return int(file.readAll().trimmed().split('\n').size());
}

} // namespace

class TestMainWindowK3s : public QObject
{
    Q_OBJECT
public:
    TestMainWindowK3s() { TestFiles::useScratchHome(m_home); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void plansTheOwnersObjectsAndWritesACleanRepository()
    {
        QTemporaryDir repo;
        QVERIFY(repo.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        PlanController *plan = window.planController();
        QVERIFY(TestFiles::startOnSnapshot(window, s(fixturePath), repo.path()));
        QSignalSpy ready(plan->session(), &PlanSession::planReady);

        // The owner's objects become manifests, all but the Secret (written only when
        // included); the owner's three Helm releases become HelmReleases, K3s's traefik not.
        const int owner = expectedOwnerObjects();
        QCOMPARE(owner, 22);
        auto *pane = window.findChild<PlanPane *>(s("planPane"));
        QVERIFY(pane);
        const std::shared_ptr<const PlanSnapshot> planned = plan->session()->snapshot();
        QVERIFY(planned);
        int manifests = 0;
        int helmReleases = 0;
        for (const PlannedFile &f : planned->plan.files) {
            if (f.kind == PlannedFileKind::Manifest || f.kind == PlannedFileKind::Namespace)
                manifests += int(f.objects.size());
            helmReleases += f.kind == PlannedFileKind::HelmRelease ? 1 : 0;
            QVERIFY2(!f.path.contains(s("traefik-helmrelease")) &&
                         !f.path.contains(s("controllers/traefik")),
                     qPrintable(f.path));
        }
        QCOMPARE(manifests, owner - 1);
        QCOMPARE(helmReleases, 3);
        QVERIFY(planned->plan.file(s("infrastructure/k3s/traefik-helm-chart-config.yaml")));
        QVERIFY2(pane->countsText().contains(s("Excluded: %1 ").arg(planned->plan.excluded.size())),
                 qPrintable(pane->countsText()));

        QSignalSpy written(plan->session(), &PlanSession::written);
        acceptWriteDialogSoon();
        plan->writeAction()->trigger();
        QVERIFY(written.wait(30000));
        QVERIFY(ready.wait(30000));
        QVERIFY2(pane->countsText().contains(s("Differing: 0")), qPrintable(pane->countsText()));
        QVERIFY2(!pane->countsText().contains(s("On disk only")), qPrintable(pane->countsText()));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowK3s)
#include "tst_mainwindow_k3s.moc"
