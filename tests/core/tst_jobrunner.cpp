#include "core/jobrunner.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace Fluxdesk;

class TestJobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTheResultOnTheRunnersThread()
    {
        JobRunner runner;
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        int value = 0;
        runner.start(
            [&workThread](const JobContext &) {
                workThread = QThread::currentThread();
                return 42;
            },
            [&](int result) {
                value = result;
                doneThread = QThread::currentThread();
            });
        QVERIFY(runner.isBusy());
        QTRY_COMPARE(value, 42);
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(workThread != QThread::currentThread());
        QTRY_VERIFY(!runner.isBusy());
    }

    void startSupersedesAndDropsTheEarlierResult()
    {
        JobRunner runner;
        auto gate = std::make_shared<QSemaphore>();
        auto sawCancel = std::make_shared<std::atomic_bool>(false);
        QStringList delivered;
        const quint64 first = runner.start(
            [gate, sawCancel](const JobContext &context) {
                gate->acquire();
                sawCancel->store(context.isCanceled());
                return QStringLiteral("old");
            },
            [&delivered](const QString &r) { delivered << r; });
        const quint64 second =
            runner.start([](const JobContext &) { return QStringLiteral("new"); },
                         [&delivered](const QString &r) { delivered << r; });
        QVERIFY(second > first);
        QTRY_COMPARE(delivered, QStringList{QStringLiteral("new")});
        gate->release();
        runner.waitForDone();
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QCOMPARE(delivered, QStringList{QStringLiteral("new")});
        QVERIFY(sawCancel->load());
    }

    void addRunsBesideTheCurrentGenerationAndCancelDropsAll()
    {
        JobRunner runner;
        int sum = 0;
        for (int i = 1; i <= 4; ++i)
            runner.add([i](const JobContext &) { return i; }, [&sum](int r) { sum += r; });
        QCOMPARE(runner.running(), 4);
        QTRY_COMPARE(sum, 10);
        QTRY_VERIFY(!runner.isBusy());

        auto gate = std::make_shared<QSemaphore>();
        bool called = false;
        QSignalSpy busy(&runner, &JobRunner::busyChanged);
        runner.add(
            [gate](const JobContext &) {
                gate->acquire();
                return 1;
            },
            [&called](int) { called = true; });
        runner.cancel();
        QCOMPARE(busy.count(), 2); // busy, then idle at once on cancel
        QVERIFY(!runner.isBusy());
        gate->release();
        runner.waitForDone();
        QTest::qWait(20);
        QVERIFY(!called);
    }

    void progressOfTheCurrentJobOnly()
    {
        JobRunner runner;
        QSignalSpy progress(&runner, &JobRunner::progress);
        bool done = false;
        const quint64 generation = runner.start(
            [](const JobContext &context) {
                for (int i = 1; i <= 3; ++i)
                    context.setProgress(i, 3, QStringLiteral("step"));
                return true;
            },
            [&done](bool) { done = true; });
        QTRY_VERIFY(done);
        QTRY_COMPARE(progress.count(), 3);
        QCOMPARE(progress.last().at(0).toULongLong(), generation);
        QCOMPARE(progress.last().at(1).toLongLong(), 3);
        QCOMPARE(progress.last().at(2).toLongLong(), 3);

        auto gate = std::make_shared<QSemaphore>();
        progress.clear();
        runner.start(
            [gate](const JobContext &context) {
                gate->acquire();
                context.setProgress(1, 1);
                return true;
            },
            [](bool) {});
        runner.cancel();
        gate->release();
        runner.waitForDone();
        QTest::qWait(20);
        QCOMPARE(progress.count(), 0);
    }

    void serialRunnerRunsOneJobAtATime()
    {
        JobRunner runner(nullptr, JobRunner::Threads::Serial);
        auto inside = std::make_shared<std::atomic_int>(0);
        auto most = std::make_shared<std::atomic_int>(0);
        int finished = 0;
        for (int i = 0; i < 4; ++i) {
            runner.add(
                [inside, most](const JobContext &) {
                    const int now = ++*inside;
                    if (now > most->load())
                        most->store(now);
                    QThread::msleep(10);
                    --*inside;
                    return 0;
                },
                [&finished](int) { ++finished; });
        }
        QTRY_COMPARE(finished, 4);
        QCOMPARE(most->load(), 1);
    }

    void destroyedRunnerDeliversNothing()
    {
        auto gate = std::make_shared<QSemaphore>();
        bool called = false;
        {
            JobRunner runner;
            runner.start(
                [gate](const JobContext &context) {
                    gate->acquire();
                    context.setProgress(1, 1);
                    return 1;
                },
                [&called](int) { called = true; });
        }
        gate->release();
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(20);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
