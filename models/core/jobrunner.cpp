#include "jobrunner.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QMutexLocker>
#include <QtConcurrent>
#include <QThreadPool>

namespace Fluxdesk {

// Where a job's progress goes: the runner while it lives. The runner clears it when destroyed,
// under the lock, so a job never posts to a dead object.
struct JobContext::Relay
{
    QMutex mutex;
    JobRunner *runner = nullptr;
};

void JobContext::setProgress(qint64 done, qint64 total, const QString &what) const
{
    if (!m_relay || isCanceled())
        return;
    QMutexLocker lock(&m_relay->mutex);
    JobRunner *runner = m_relay->runner;
    if (!runner)
        return;
    const quint64 generation = m_generation;
    // Posted events for an object are discarded when it is destroyed.
    QMetaObject::invokeMethod(
        runner,
        [runner, generation, done, total, what]() {
            if (runner->isCurrent(generation))
                Q_EMIT runner->progress(generation, done, total, what);
        },
        Qt::QueuedConnection);
}

JobRunner::JobRunner(QObject *parent, Threads threads)
    : QObject(parent), m_threads(threads), m_relay(std::make_shared<JobContext::Relay>()),
      m_canceled(std::make_shared<std::atomic_bool>(false))
{
    m_relay->runner = this;
    if (m_threads == Threads::Serial) {
        m_ownPool = new QThreadPool(this);
        m_ownPool->setMaxThreadCount(1);
    }
}

JobRunner::~JobRunner()
{
    m_canceled->store(true);
    QMutexLocker lock(&m_relay->mutex);
    m_relay->runner = nullptr;
}

QThreadPool *JobRunner::pool() const
{
    return m_ownPool ? m_ownPool : QThreadPool::globalInstance();
}

JobContext JobRunner::makeContext(quint64 generation)
{
    JobContext context;
    context.m_canceled = m_canceled;
    context.m_relay = m_relay;
    context.m_generation = generation;
    return context;
}

void JobRunner::launch(quint64 generation, ErasedWork work, ErasedDone done)
{
    // Qt 5's QtConcurrent::run needs a default-constructible result: a pointer is.
    auto *watcher = new QFutureWatcher<std::shared_ptr<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation, done = std::move(done)]() {
                std::shared_ptr<void> result = watcher->result();
                watcher->deleteLater();
                // Delivered before the runner says it is idle; done may start the next job.
                if (isCurrent(generation) && result)
                    done(std::move(result));
                jobFinished(generation);
            });
    jobStarted();
    watcher->setFuture(QtConcurrent::run(pool(), std::move(work)));
    m_watchers.append(watcher);
}

void JobRunner::supersede()
{
    m_canceled->store(true);
    m_canceled = std::make_shared<std::atomic_bool>(false);
    ++m_generation;
    const bool wasBusy = m_running > 0;
    m_running = 0;
    if (wasBusy)
        Q_EMIT busyChanged(false);
}

void JobRunner::cancel()
{
    supersede();
}

void JobRunner::jobStarted()
{
    if (m_running++ == 0)
        Q_EMIT busyChanged(true);
}

void JobRunner::jobFinished(quint64 generation)
{
    m_watchers.removeAll(nullptr);
    if (!isCurrent(generation) || m_running == 0)
        return;
    if (--m_running == 0)
        Q_EMIT busyChanged(false);
}

void JobRunner::waitForDone()
{
    const QList<QPointer<QFutureWatcherBase>> watchers = m_watchers;
    for (const QPointer<QFutureWatcherBase> &watcher : watchers) {
        if (watcher)
            watcher->waitForFinished();
    }
}

} // namespace Fluxdesk
