#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

class QFutureWatcherBase;
class QThreadPool;

namespace Fluxdesk {

// What a running job sees of its runner: whether it should stop, and where to say how far it got.
// Safe to use from the job's thread; progress is forwarded to the runner's thread.
class JobContext
{
public:
    bool isCanceled() const { return m_canceled->load(); }
    // Reports progress; dropped when the job was superseded before the report arrives.
    void setProgress(qint64 done, qint64 total, const QString &what = {}) const;
    // A flag libraries can poll themselves (libgit2 transfer callbacks, parsers).
    const std::atomic_bool &canceledFlag() const { return *m_canceled; }

private:
    friend class JobRunner;
    struct Relay;
    std::shared_ptr<std::atomic_bool> m_canceled = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<Relay> m_relay;
    quint64 m_generation = 0;
};

// The one way Fluxdesk runs work off the UI thread. A runner belongs to an object on the UI thread
// (a session, a controller); its jobs run on a thread pool and their results come back on the
// runner's thread as values.
//
// Generations: start() supersedes every earlier job of the runner (their canceled flag is set and
// their results and progress are dropped, never delivered); add() runs beside the current
// generation's other jobs (pages parsed in parallel) and is dropped with them. cancel() supersedes
// without starting anything. Destroying the runner drops whatever is still running; the work itself
// finishes on its thread with the values it captured.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    enum class Threads
    {
        Shared, // QThreadPool::globalInstance()
        Serial  // a pool of one thread of the runner's own: jobs run one after another (libgit2)
    };
    explicit JobRunner(QObject *parent = nullptr, Threads threads = Threads::Shared);
    ~JobRunner() override;

    // Runs work(const JobContext &) -> R off the UI thread and calls done(R) on the runner's
    // thread if the job is still current by then. Returns the job's generation.
    template <typename Work, typename Done> quint64 start(Work work, Done done)
    {
        supersede();
        return run(std::move(work), std::move(done));
    }
    template <typename Work, typename Done> quint64 add(Work work, Done done)
    {
        return run(std::move(work), std::move(done));
    }

    // Supersedes every running job: canceled flags set, results dropped.
    void cancel();
    // Jobs of the current generation still running.
    int running() const { return m_running; }
    bool isBusy() const { return m_running > 0; }
    quint64 generation() const { return m_generation; }
    bool isCurrent(quint64 generation) const { return generation == m_generation; }
    // Blocks until every job the runner started has finished, superseded ones included (for
    // destructors that must outlive callbacks into their members, and for tests). Never call it
    // on the UI thread while a job waits on that thread.
    void waitForDone();

Q_SIGNALS:
    // Progress of the current generation's jobs.
    void progress(quint64 generation, qint64 done, qint64 total, const QString &what);
    // The runner went from idle to busy or back (current generation only).
    void busyChanged(bool busy);

private:
    void supersede();
    void jobStarted();
    void jobFinished(quint64 generation);
    JobContext makeContext(quint64 generation);
    QThreadPool *pool() const;

    // Type-erased: the work's result travels as shared_ptr<void> and is cast back for done.
    using ErasedWork = std::function<std::shared_ptr<void>()>;
    using ErasedDone = std::function<void(std::shared_ptr<void>)>;
    void launch(quint64 generation, ErasedWork work, ErasedDone done);

    template <typename Work, typename Done> quint64 run(Work work, Done done)
    {
        using R = std::invoke_result_t<Work, const JobContext &>;
        const quint64 generation = m_generation;
        const JobContext context = makeContext(generation);
        launch(
            generation,
            [work = std::move(work), context]() mutable -> std::shared_ptr<void> {
                return std::make_shared<R>(work(context));
            },
            [done = std::move(done)](std::shared_ptr<void> result) mutable {
                done(std::move(*std::static_pointer_cast<R>(result)));
            });
        return generation;
    }

    Threads m_threads;
    QThreadPool *m_ownPool = nullptr;
    std::shared_ptr<JobContext::Relay> m_relay;
    quint64 m_generation = 1;
    int m_running = 0;
    std::shared_ptr<std::atomic_bool> m_canceled;
    QList<QPointer<QFutureWatcherBase>> m_watchers;
};

} // namespace Fluxdesk
