#pragma once

#include <QThread>

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

namespace Fluxdesk::Detail {

// Runs body(i) for every i in [0, count) in contiguous slices, on up to idealThreadCount() threads
// when each gets at least minPerThread items; the calling thread takes the first slice. Plain
// threads rather than the global pool: callers may already run inside it. body must not throw and
// must only write what belongs to its own i.
template <typename Body> void parallelFor(qsizetype count, qsizetype minPerThread, const Body &body)
{
    const qsizetype wanted = std::min<qsizetype>(std::max(1, QThread::idealThreadCount()), 16);
    const qsizetype threads =
        std::max<qsizetype>(1, std::min(wanted, count / std::max<qsizetype>(1, minPerThread)));
    const qsizetype per = threads > 1 ? (count + threads - 1) / threads : count;
    std::vector<std::thread> workers;
    qsizetype inline_ = count; // items run here when a thread cannot be started
    for (qsizetype t = 1; t < threads; ++t) {
        const qsizetype begin = t * per;
        const qsizetype end = std::min(count, begin + per);
        if (begin >= end)
            break;
        try {
            workers.emplace_back([begin, end, &body] {
                for (qsizetype i = begin; i < end; ++i)
                    body(i);
            });
        } catch (const std::system_error &) {
            inline_ = begin; // run the rest here
            break;
        }
        inline_ = end;
    }
    for (qsizetype i = 0; i < std::min(per, count); ++i)
        body(i);
    for (qsizetype i = workers.empty() ? per : inline_; i < count; ++i)
        body(i);
    for (std::thread &w : workers)
        w.join();
}

} // namespace Fluxdesk::Detail
