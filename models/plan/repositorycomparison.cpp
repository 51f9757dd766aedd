#include "repositorycomparison.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cstring>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Planner", text);
}

// bytes == text.toUtf8() without converting every planned file: almost all are ASCII, where the
// UTF-8 bytes and the UTF-16 units match one to one.
bool sameText(const QByteArray &bytes, const QString &text)
{
    // UTF-8 never takes fewer bytes than UTF-16 takes units, and more only for non-ASCII.
    if (bytes.size() < text.size())
        return false;
    if (bytes.size() > text.size())
        return bytes == text.toUtf8();
    // Same length: equal exactly when the text is these bytes as Latin-1 characters and none of
    // them is beyond ASCII (a text with one would take more bytes as UTF-8).
    const char *p = bytes.constData();
    const qsizetype n = bytes.size();
    if (text != QLatin1String(p, int(n)))
        return false;
    quint64 high = 0;
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, p + i, 8);
        high |= word;
    }
    for (; i < n; ++i)
        high |= static_cast<unsigned char>(p[i]);
    return (high & Q_UINT64_C(0x8080808080808080)) == 0;
}

// clusters/<cluster>/flux-system/ belongs to flux bootstrap.
bool isBootstrapFile(const QString &relative)
{
    return relative.startsWith(QLatin1String("clusters/")) &&
           relative.section(QLatin1Char('/'), 2, 2) == QLatin1String("flux-system") &&
           relative.count(QLatin1Char('/')) >= 2;
}

} // namespace

RepositoryFiles readRepositoryFiles(const QString &repoDir)
{
    return readYamlTree(repoDir,
                        {QStringLiteral("clusters"), infrastructureRoot(), workloadsRoot()},
                        isBootstrapFile);
}

QString fileStatusName(FileStatus status)
{
    switch (status) {
    case FileStatus::Planned:
        return tr("planned");
    case FileStatus::UpToDate:
        return tr("up to date");
    case FileStatus::Differs:
        return tr("differs");
    case FileStatus::OnDiskOnly:
        return tr("on disk only");
    }
    return {};
}

QString fileStatusId(FileStatus status)
{
    switch (status) {
    case FileStatus::Planned:
        return QStringLiteral("planned");
    case FileStatus::UpToDate:
        return QStringLiteral("up-to-date");
    case FileStatus::Differs:
        return QStringLiteral("differs");
    case FileStatus::OnDiskOnly:
        return QStringLiteral("on-disk-only");
    }
    return {};
}

QList<FileState> compareWithRepository(const Plan &plan, const RepositoryFiles &onDisk,
                                       const EncryptedFiles &encrypted)
{
    QList<FileState> states;
    states.reserve(plan.files.size() + onDisk.size());
    QSet<QString> planned;
    planned.reserve(plan.files.size());
    for (const PlannedFile &f : plan.files) {
        planned.insert(f.path);
        FileState s;
        s.path = f.path;
        s.file = &f;
        const auto it = onDisk.constFind(f.path);
        if (it == onDisk.constEnd()) {
            s.status = FileStatus::Planned;
        } else if (f.encrypted) {
            const EncryptedComparison c = encrypted.compare(f, *it);
            s.status = c.upToDate ? FileStatus::UpToDate : FileStatus::Differs;
            s.reason = c.reason;
            s.unopened = c.unopened;
        } else {
            s.status = sameText(*it, f.text) ? FileStatus::UpToDate : FileStatus::Differs;
        }
        states.append(s);
    }
    for (auto it = onDisk.constBegin(); it != onDisk.constEnd(); ++it) {
        if (!planned.contains(it.key()))
            states.append({it.key(), FileStatus::OnDiskOnly, nullptr});
    }
    // Usually only the on-disk-only files are out of order: a plan's files come sorted.
    const auto byPath = [](const FileState &a, const FileState &b) { return a.path < b.path; };
    if (!std::is_sorted(states.cbegin(), states.cend(), byPath))
        std::sort(states.begin(), states.end(), byPath);
    return states;
}

} // namespace Fluxdesk
