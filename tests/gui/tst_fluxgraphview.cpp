// The dependency graph drawn (widgets/fluxgraphview): boxes for a live state's objects, a click
// activates the object, a status change recolours one box without moving any, the missing
// dependency's dashed red box, cycle arrows, zoom and fit; 200 objects updated one by one with
// the time from each change to the screen measured.
#include "flux/fluxlivestate.h"
#include "fluxgraphview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

using namespace Fluxdesk;

namespace {

const QString Ns = QStringLiteral("flux-system");
const QString KustomizationKind = QStringLiteral("Kustomization");

QJsonObject condition(const char *status, const char *reason, const QString &message)
{
    return {{QStringLiteral("type"), QStringLiteral("Ready")},
            {QStringLiteral("status"), QLatin1String(status)},
            {QStringLiteral("reason"), QLatin1String(reason)},
            {QStringLiteral("message"), message},
            {QStringLiteral("lastTransitionTime"), QStringLiteral("2026-12-07T10:00:00Z")}};
}

enum class State
{
    Ready,
    Reconciling,
    Failed,
    Suspended,
    Unknown
};

QJsonObject withState(QJsonObject o, State state, int rv)
{
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("resourceVersion"), QString::number(rv));
    o.insert(QStringLiteral("metadata"), meta);
    QJsonObject spec = o.value(QLatin1String("spec")).toObject();
    spec.remove(QStringLiteral("suspend"));
    QJsonArray conditions;
    switch (state) {
    case State::Ready:
        conditions.append(condition("True", "ReconciliationSucceeded",
                                    QStringLiteral("Applied revision: main@sha1:5b8e8a1f")));
        break;
    case State::Reconciling:
        conditions.append(condition("Unknown", "Progressing",
                                    QStringLiteral("Reconciliation in "
                                                   "progress")));
        break;
    case State::Failed:
        conditions.append(condition("False", "BuildFailed",
                                    QStringLiteral("kustomize build failed: accumulating "
                                                   "resources")));
        break;
    case State::Suspended:
        spec.insert(QStringLiteral("suspend"), true);
        conditions.append(condition("True", "ReconciliationSucceeded", QStringLiteral("Applied")));
        break;
    case State::Unknown:
        break;
    }
    o.insert(QStringLiteral("spec"), spec);
    o.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("conditions"), conditions}});
    return o;
}

QJsonObject gitRepository(const QString &name, State state = State::Ready, int rv = 1)
{
    QJsonObject o{{QStringLiteral("apiVersion"), QStringLiteral("source.toolkit.fluxcd.io/v1")},
                  {QStringLiteral("kind"), QStringLiteral("GitRepository")},
                  {QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), Ns}}},
                  {QStringLiteral("spec"),
                   QJsonObject{{QStringLiteral("url"), QStringLiteral("ssh://git@git.home/x")}}}};
    return withState(o, state, rv);
}

QJsonObject helmRepository(const QString &name, State state = State::Ready, int rv = 1)
{
    QJsonObject o = gitRepository(name, state, rv);
    o.insert(QStringLiteral("kind"), QStringLiteral("HelmRepository"));
    return o;
}

QJsonObject kustomization(const QString &name, const QStringList &dependsOn = {},
                          State state = State::Ready, int rv = 1)
{
    QJsonObject spec{{QStringLiteral("path"), QString(QStringLiteral("./clusters/home/") + name)},
                     {QStringLiteral("sourceRef"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("GitRepository")},
                                  {QStringLiteral("name"), QStringLiteral("flux-system")}}}};
    QJsonArray deps;
    for (const QString &d : dependsOn)
        deps.append(QJsonObject{{QStringLiteral("name"), d}});
    if (!deps.isEmpty())
        spec.insert(QStringLiteral("dependsOn"), deps);
    QJsonObject o{{QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
                  {QStringLiteral("kind"), KustomizationKind},
                  {QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), Ns}}},
                  {QStringLiteral("spec"), spec}};
    return withState(o, state, rv);
}

QJsonObject helmRelease(const QString &name, const QString &ns, const QString &repository,
                        State state = State::Ready, int rv = 1)
{
    QJsonObject chartSpec{{QStringLiteral("chart"), name},
                          {QStringLiteral("sourceRef"),
                           QJsonObject{{QStringLiteral("kind"), QStringLiteral("HelmRepository")},
                                       {QStringLiteral("name"), repository},
                                       {QStringLiteral("namespace"), Ns}}}};
    QJsonObject o{
        {QStringLiteral("apiVersion"), QStringLiteral("helm.toolkit.fluxcd.io/v2")},
        {QStringLiteral("kind"), QStringLiteral("HelmRelease")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("chart"), QJsonObject{{QStringLiteral("spec"), chartSpec}}}}}};
    return withState(o, state, rv);
}

FluxRef kustomizationRef(const QString &name)
{
    return {QStringLiteral("kustomize.toolkit.fluxcd.io"), KustomizationKind, Ns, name};
}

QColor pixel(FluxGraphView &view, const QPoint &at)
{
    return view.viewport()->grab().toImage().pixelColor(at);
}

// A point on the box's readiness stripe (drawn solid, in the readiness colour exactly).
QPoint onStripe(const QRect &box)
{
    return {box.left() + 4, box.center().y()};
}

bool hasColourNear(const QImage &image, const QRect &rect, const QColor &colour)
{
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) +
                    qAbs(c.blue() - colour.blue()) <
                30)
                return true;
        }
    }
    return false;
}

} // namespace

class TestFluxGraphView : public QObject
{
    Q_OBJECT

    FluxLiveState *m_state = nullptr;
    QWidget *m_window = nullptr;
    FluxGraphView *m_view = nullptr;

    void feedHomelab()
    {
        m_state->upsert(gitRepository(QStringLiteral("flux-system")));
        m_state->upsert(helmRepository(QStringLiteral("bitnami"), State::Reconciling));
        m_state->upsert(kustomization(QStringLiteral("infrastructure")));
        m_state->upsert(kustomization(QStringLiteral("apps"), {QStringLiteral("infrastructure"),
                                                               QStringLiteral("monitoring")}));
        m_state->upsert(helmRelease(QStringLiteral("postgresql"), QStringLiteral("databases"),
                                    QStringLiteral("bitnami"), State::Failed));
        m_state->upsert(kustomization(QStringLiteral("a"), {QStringLiteral("b")}, State::Unknown));
        m_state->upsert(
            kustomization(QStringLiteral("b"), {QStringLiteral("a")}, State::Suspended));
        QTRY_COMPARE(m_view->graph().nodes().size(), 8); // 7 and the missing monitoring
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir().mkpath(QStringLiteral("/tmp/shots19"));
    }

    void init()
    {
        m_state = new FluxLiveState;
        m_window = new QWidget;
        auto *layout = new QVBoxLayout(m_window);
        layout->addWidget(new FluxGraphView);
        m_window->resize(1000, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_view = m_window->findChild<FluxGraphView *>(QStringLiteral("fluxGraphView"));
        QVERIFY(m_view);
        m_view->setLiveState(m_state);
    }

    void cleanup()
    {
        delete m_window;
        delete m_state;
    }

    void nodesAppearForTheLiveState()
    {
        QVERIFY(m_view->graph().isEmpty());
        feedHomelab();
        for (const QString &name :
             {QStringLiteral("infrastructure"), QStringLiteral("apps"), QStringLiteral("a")}) {
            const QRect box = m_view->nodeRect(kustomizationRef(name));
            QVERIFY2(!box.isEmpty(), qPrintable(name));
            QVERIFY2(m_view->viewport()->rect().contains(box), qPrintable(name));
        }
        QCOMPARE(m_view->nodeText(kustomizationRef(QStringLiteral("apps"))),
                 QStringLiteral("Kustomization\nReady\napps\nflux-system"));
        // Sources left of what reads them, apps right of what it waits for.
        const QRect source =
            m_view->nodeRect({QStringLiteral("source.toolkit.fluxcd.io"),
                              QStringLiteral("GitRepository"), Ns, QStringLiteral("flux-system")});
        QVERIFY(source.right() <
                m_view->nodeRect(kustomizationRef(QStringLiteral("infrastructure"))).left());
        QVERIFY(m_view->nodeRect(kustomizationRef(QStringLiteral("infrastructure"))).right() <
                m_view->nodeRect(kustomizationRef(QStringLiteral("apps"))).left());
        // An object removed takes its box along, and the missing box only it referred to.
        m_state->remove(kustomization(QStringLiteral("apps")));
        QTRY_VERIFY(m_view->nodeRect(kustomizationRef(QStringLiteral("apps"))).isEmpty());
        QVERIFY(m_view->nodeRect(kustomizationRef(QStringLiteral("monitoring"))).isEmpty());
        // One that others depend on stays as a missing box.
        m_state->remove(kustomization(QStringLiteral("b")));
        QTRY_COMPARE(m_view->nodeText(kustomizationRef(QStringLiteral("b"))),
                     QStringLiteral("missing: Kustomization flux-system/b"));
    }

    void clickActivatesTheObject()
    {
        feedHomelab();
        QSignalSpy spy(m_view, &FluxGraphView::objectActivated);
        const FluxRef apps = kustomizationRef(QStringLiteral("apps"));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->nodeRect(apps).center());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<FluxRef>(), apps);
        QCOMPARE(m_view->selectedRef(), apps);
        // The missing object's box selects but has nothing to activate; empty space neither.
        QTest::mouseClick(
            m_view->viewport(), Qt::LeftButton, {},
            m_view->nodeRect(kustomizationRef(QStringLiteral("monitoring"))).center());
        QCOMPARE(spy.size(), 1);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          m_view->viewport()->rect().bottomRight() - QPoint(5, 5));
        QCOMPARE(spy.size(), 1);
        // select() from the panel highlights without activating.
        const FluxRef infra = kustomizationRef(QStringLiteral("infrastructure"));
        m_view->select(infra);
        QCOMPARE(m_view->selectedRef(), infra);
        QCOMPARE(spy.size(), 1);
        const QRect box = m_view->nodeRect(infra);
        const QColor highlight = m_view->palette().color(QPalette::Highlight);
        QVERIFY(hasColourNear(m_view->viewport()->grab().toImage(),
                              QRect(box.left() - 2, box.top() - 2, box.width() + 4, 3), highlight));
    }

    void selectionWaitsForItsObject()
    {
        const FluxRef late = kustomizationRef(QStringLiteral("late"));
        m_view->select(late);
        QCOMPARE(m_view->selectedRef(), FluxRef());
        m_state->upsert(kustomization(QStringLiteral("late")));
        QTRY_COMPARE(m_view->selectedRef(), late);
        m_view->select({});
        QCOMPARE(m_view->selectedRef(), FluxRef());
    }

    void darkPaletteColours()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        m_window->setPalette(dark);
        feedHomelab();
        const FluxRef infra = kustomizationRef(QStringLiteral("infrastructure"));
        const QColor green = FluxGraphView::readinessColour(FluxReadiness::Ready, dark);
        QVERIFY(green != FluxGraphView::readinessColour(FluxReadiness::Ready, QPalette()));
        QVERIFY(green.lightness() > 128); // light on dark
        QCOMPARE(m_view->nodeColour(infra), green);
        const QRect box = m_view->nodeRect(infra);
        const QImage image = m_view->viewport()->grab().toImage();
        QCOMPARE(image.pixelColor(onStripe(box)), green);
        // The box's face stays dark, so the palette's light text reads on it.
        QVERIFY(image.pixelColor(box.right() - 4, box.bottom() - 4).lightness() < 100);
        // Every readiness tells itself apart from the others.
        QSet<QRgb> colours;
        for (FluxReadiness r :
             {FluxReadiness::Ready, FluxReadiness::Reconciling, FluxReadiness::Failed,
              FluxReadiness::Suspended, FluxReadiness::Unknown})
            colours.insert(FluxGraphView::readinessColour(r, dark).rgb());
        QCOMPARE(colours.size(), 5);
        QVERIFY(m_window->grab().save(QStringLiteral("/tmp/shots19/fluxgraph-dark.png")));
    }

    void statusChangeRecoloursOneBoxAndMovesNothing()
    {
        feedHomelab();
        const FluxRef infra = kustomizationRef(QStringLiteral("infrastructure"));
        const QPalette palette = m_view->palette();
        const QColor green = FluxGraphView::readinessColour(FluxReadiness::Ready, palette);
        const QColor red = FluxGraphView::readinessColour(FluxReadiness::Failed, palette);
        const QColor blue = FluxGraphView::readinessColour(FluxReadiness::Reconciling, palette);
        const QRect before = m_view->nodeRect(infra);
        const int layouts = m_view->layoutCount();
        QCOMPARE(m_view->nodeColour(infra), green);
        QCOMPARE(pixel(*m_view, onStripe(before)), green);

        m_state->upsert(kustomization(QStringLiteral("infrastructure"), {}, State::Failed, 2));
        QCOMPARE(m_view->nodeColour(infra), red);
        QCOMPARE(pixel(*m_view, onStripe(before)), red);
        QVERIFY(m_view->nodeToolTip(infra).contains(QLatin1String("kustomize build failed")));
        m_state->upsert(kustomization(QStringLiteral("infrastructure"), {}, State::Reconciling, 3));
        QCOMPARE(pixel(*m_view, onStripe(before)), blue);
        QCOMPARE(m_view->nodeRect(infra), before);
        QTest::qWait(20);
        QCOMPARE(m_view->layoutCount(), layouts);

        // A new dependsOn is a new arrow: laid out again.
        m_state->upsert(kustomization(QStringLiteral("infrastructure"), {QStringLiteral("a")},
                                      State::Ready, 4));
        QTRY_COMPARE(m_view->layoutCount(), layouts + 1);
        QVERIFY(m_view->nodeRect(infra).left() > before.left());
    }

    void missingDependencyDrawnAsADashedRedBox()
    {
        feedHomelab();
        const FluxRef monitoring = kustomizationRef(QStringLiteral("monitoring"));
        QCOMPARE(m_view->nodeText(monitoring),
                 QStringLiteral("missing: Kustomization flux-system/monitoring"));
        const QRect box = m_view->nodeRect(monitoring);
        QVERIFY(!box.isEmpty());
        const QColor red = FluxGraphView::readinessColour(FluxReadiness::Failed, m_view->palette());
        QCOMPARE(m_view->nodeColour(monitoring), red);
        const QImage image = m_view->viewport()->grab().toImage();
        // Red on its border, and dashed: the top edge has gaps of the background.
        QVERIFY(hasColourNear(image, QRect(box.left(), box.top(), box.width(), 2), red));
        int gaps = 0;
        const QColor base = m_view->palette().color(QPalette::Base);
        for (int x = box.left() + 8; x < box.right() - 8; ++x)
            gaps += image.pixelColor(x, box.top() + 1) == base;
        QVERIFY2(gaps > 10, qPrintable(QString::number(gaps)));
        QVERIFY(m_view->nodeToolTip(monitoring)
                    .contains(QLatin1String("Kustomization flux-system/apps")));
        QVERIFY(m_view->edgeToolTip(kustomizationRef(QStringLiteral("apps")), monitoring)
                    .contains(QLatin1String("waits for")));

        // Once it exists, the box is an ordinary one.
        m_state->upsert(kustomization(QStringLiteral("monitoring")));
        QTRY_COMPARE(m_view->nodeText(monitoring),
                     QStringLiteral("Kustomization\nReady\nmonitoring\nflux-system"));
    }

    void cycleArrowsSaySo()
    {
        feedHomelab();
        const QString tip = m_view->edgeToolTip(kustomizationRef(QStringLiteral("a")),
                                                kustomizationRef(QStringLiteral("b")));
        QVERIFY2(tip.startsWith(QLatin1String("dependency cycle")), qPrintable(tip));
        QVERIFY(!m_view
                     ->edgeToolTip(kustomizationRef(QStringLiteral("apps")),
                                   kustomizationRef(QStringLiteral("infrastructure")))
                     .startsWith(QLatin1String("dependency cycle")));
        QVERIFY(m_view->nodeToolTip(kustomizationRef(QStringLiteral("b")))
                    .contains(QLatin1String("dependency cycle")));
    }

    void zoomAndFit()
    {
        feedHomelab();
        QCOMPARE(m_view->zoom(), 1.0); // fits at 100 %
        const QPoint centre = m_view->viewport()->rect().center();
        QWheelEvent in(centre, m_view->viewport()->mapToGlobal(centre), {}, {0, 240}, Qt::NoButton,
                       Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view->viewport(), &in);
        QVERIFY2(m_view->zoom() > 1.2, qPrintable(QString::number(m_view->zoom())));
        // Without Ctrl the wheel scrolls.
        const qreal zoomed = m_view->zoom();
        QWheelEvent scroll(centre, m_view->viewport()->mapToGlobal(centre), {}, {0, -120},
                           Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view->viewport(), &scroll);
        QCOMPARE(m_view->zoom(), zoomed);

        QAction *fit = m_view->findChild<QAction *>(QStringLiteral("fluxGraphFitAction"));
        QVERIFY(fit);
        QCOMPARE(fit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
        m_view->setFocus();
        QApplication::setActiveWindow(m_window);
        QTest::keyClick(m_view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(m_view->zoom(), 1.0);

        // A window too small for the graph: fit shrinks it to show every box.
        m_window->resize(400, 250);
        QTest::qWait(20);
        fit->trigger();
        QVERIFY(m_view->zoom() < 1.0);
        for (const FluxGraphNode &n : m_view->graph().nodes())
            QVERIFY2(m_view->viewport()->rect().contains(m_view->nodeRect(n.ref)),
                     qPrintable(n.key()));
    }

    void twoHundredObjectsUpdatedLive()
    {
        QList<QJsonObject> objects;
        objects.append(gitRepository(QStringLiteral("flux-system")));
        for (int i = 0; i < 199; ++i) {
            QStringList deps;
            if (i >= 10)
                deps.append(QStringLiteral("k%1").arg(i / 10 - 1, 3, 10, QLatin1Char('0')));
            objects.append(
                kustomization(QStringLiteral("k%1").arg(i, 3, 10, QLatin1Char('0')), deps));
        }
        QElapsedTimer timer;
        timer.start();
        m_state->replaceAll(QStringLiteral("kustomize.toolkit.fluxcd.io/Kustomization"),
                            objects.mid(1));
        m_state->upsert(objects.at(0));
        QTRY_COMPARE(m_view->graph().nodes().size(), 200);
        m_view->viewport()->repaint();
        qInfo("200 objects listed to drawn: %.1f ms", timer.nsecsElapsed() / 1e6);
        const int layouts = m_view->layoutCount();

        // Every status changes, one watch event at a time: each box recoloured and on screen.
        QList<qint64> latencies;
        const QColor red = FluxGraphView::readinessColour(FluxReadiness::Failed, m_view->palette());
        for (int i = 1; i < objects.size(); ++i) {
            const QJsonObject &o = objects.at(i);
            const QString name = o.value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            QStringList deps;
            for (const QJsonValue &d : o.value(QLatin1String("spec"))
                                           .toObject()
                                           .value(QLatin1String("dependsOn"))
                                           .toArray())
                deps.append(d.toObject().value(QLatin1String("name")).toString());
            const QJsonObject failed = kustomization(name, deps, State::Failed, 2);
            // As the event loop would: the change, then the paint of what it invalidated.
            timer.restart();
            m_state->upsert(failed);
            QCoreApplication::processEvents();
            latencies.append(timer.nsecsElapsed());
            QCOMPARE(m_view->nodeColour(kustomizationRef(name)), red);
        }
        QCOMPARE(m_view->layoutCount(), layouts);
        std::sort(latencies.begin(), latencies.end());
        const double median = latencies.at(latencies.size() / 2) / 1e6;
        const double p95 = latencies.at(latencies.size() * 95 / 100) / 1e6;
        const double worst = latencies.last() / 1e6;
        qInfo("status change to screen, 200 objects shown: median %.2f ms, 95th percentile %.2f "
              "ms, worst %.2f ms",
              median, p95, worst);
        QList<qint64> full;
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            m_view->viewport()->repaint();
            full.append(timer.nsecsElapsed());
        }
        std::sort(full.begin(), full.end());
        qInfo("whole graph repainted (scroll, zoom): median %.1f ms", full.at(2) / 1e6);
        // The 95th percentile: on a machine shared with builds a single sample can be a time
        // slice lost to another process (the worst is printed above for the record).
        QVERIFY2(p95 < 100.0, qPrintable(QString::number(p95)));
    }

    void screenshot()
    {
        feedHomelab();
        m_state->upsert(helmRelease(QStringLiteral("grafana"), QStringLiteral("monitoring"),
                                    QStringLiteral("bitnami")));
        m_state->upsert(
            kustomization(QStringLiteral("tenants"), {QStringLiteral("apps")}, State::Reconciling));
        QTRY_COMPARE(m_view->graph().nodes().size(), 10);
        m_view->select(kustomizationRef(QStringLiteral("apps")));
        m_window->resize(1250, 560);
        QTest::qWait(50);
        m_view->fitToView();
        const QString path = QStringLiteral("/tmp/shots19/fluxgraph.png");
        QVERIFY(m_window->grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
};

QTEST_MAIN(TestFluxGraphView)
#include "tst_fluxgraphview.moc"
