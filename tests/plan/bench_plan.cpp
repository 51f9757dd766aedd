// Issue 4's benchmark: plan and write a generated 10,000-object cluster into an empty checkout,
// then re-plan it unchanged; the peer is `cp -r` of the written tree (what the disk itself
// costs). Prints the times, the ratios against the targets, and the peak RSS.
#include "fakeapiserver.h"

#include "kube/inventory.h"
#include "plan/planner.h"
#include "plan/planwriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace Fluxdesk;

namespace {

QString peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    }
    return QStringLiteral("unknown");
}

void print(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const QList<QJsonObject> objects = Fluxdesk::Testing::generateCluster(count);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    const QString repo = dir.filePath(QStringLiteral("repo"));
    QDir().mkpath(repo);

    QElapsedTimer timer;
    timer.start();
    Inventory inventory;
    inventory.addObjects(objects);
    const Plan plan = planRepository(inventory, {}, readRepositoryFiles(repo));
    const qint64 planned = timer.elapsed();
    const Result<PlanWriteResult> written = writePlan(plan, repo);
    const qint64 first = timer.elapsed();
    if (!written) {
        print(written.error().toString());
        return 1;
    }

    timer.restart();
    QProcess cp;
    cp.start(QStringLiteral("cp"),
             {QStringLiteral("-r"), repo, dir.filePath(QStringLiteral("copy"))});
    cp.waitForFinished(-1);
    const qint64 copy = timer.elapsed();

    timer.restart();
    const RepositoryFiles onDisk = readRepositoryFiles(repo);
    const qint64 read = timer.elapsed();
    const Plan again = planRepository(inventory, {}, onDisk);
    const qint64 replanned = timer.elapsed();
    const QList<FileState> states = compareWithRepository(again, onDisk);
    const Result<PlanWriteResult> second = writePlan(again, repo);
    const qint64 replan = timer.elapsed();
    int upToDate = 0;
    for (const FileState &s : states)
        upToDate += s.status == FileStatus::UpToDate ? 1 : 0;

    print(QStringLiteral("objects %1, files %2 (%3 created), excluded %4")
              .arg(objects.size())
              .arg(plan.files.size())
              .arg(written->created.size())
              .arg(plan.excluded.size()));
    print(QStringLiteral("first plan+write %1 ms (plan %2 ms), cp -r %3 ms: %4x the copy "
                         "(target <= 5x)")
              .arg(first)
              .arg(planned)
              .arg(copy)
              .arg(double(first) / double(qMax<qint64>(copy, 1)), 0, 'f', 1));
    print(QStringLiteral("unchanged re-plan %1 ms (%2 of %3 up to date, %4 written): %5x faster "
                         "than the first (target >= 5x)")
              .arg(replan)
              .arg(upToDate)
              .arg(states.size())
              .arg(second ? second->created.size() + second->updated.size() : -1)
              .arg(double(first) / double(qMax<qint64>(replan, 1)), 0, 'f', 1));
    print(QStringLiteral("  re-plan: read %1 ms, plan %2 ms, compare + write check %3 ms")
              .arg(read)
              .arg(replanned - read)
              .arg(replan - replanned));
    print(QStringLiteral("peak RSS %1").arg(peakRss()));
    return 0;
}
