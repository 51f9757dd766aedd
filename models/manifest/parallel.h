#pragma once

#include <QThread>

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace Fluxdesk::Detail {

// Runs body(i) for every i in [0, count), on up to idealThreadCount() threads when each gets at
// least minPerThread items; the calling thread works too. Items are claimed in small runs from a
// shared counter, so a thread that is slowed down (or a run that costs more) leaves the rest to the
// others. Plain threads rather than the global pool: callers may already run inside it. body must
// not throw and must only write what belongs to its own i. busyThreads: threads of the caller's
// that keep working meanwhile (their cores are left to them).
template <typename Body>
void parallelFor(qsizetype count, qsizetype minPerThread, const Body &body, int busyThreads = 0)
{
    const qsizetype wanted =
        std::min<qsizetype>(std::max(1, QThread::idealThreadCount() - busyThreads), 16);
    const qsizetype threads =
        std::max<qsizetype>(1, std::min(wanted, count / std::max<qsizetype>(1, minPerThread)));
    if (threads <= 1) {
        for (qsizetype i = 0; i < count; ++i)
            body(i);
        return;
    }
    // About eight runs per thread, never more items per run than one thread's minimum.
    const qsizetype run = std::max<qsizetype>(
        1, std::min(std::max<qsizetype>(1, minPerThread), count / (threads * 8)));
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        for (;;) {
            const qsizetype begin = next.fetch_add(run);
            if (begin >= count)
                return;
            const qsizetype end = std::min(count, begin + run);
            for (qsizetype i = begin; i < end; ++i)
                body(i);
        }
    };
    std::vector<std::thread> workers;
    for (qsizetype t = 1; t < threads; ++t) {
        try {
            workers.emplace_back(work);
        } catch (const std::system_error &) {
            break; // the threads there are (at least this one) take every item
        }
    }
    work();
    for (std::thread &w : workers)
        w.join();
}

} // namespace Fluxdesk::Detail
