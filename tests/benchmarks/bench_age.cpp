// age v1 in Fluxdesk against Debian's age on the same data, in the same run: encrypt and decrypt
// of a large file (X25519 recipient, binary), each side checked to open the other's output.
// Usage: bench_age [MEBIBYTES] (default 64). Prints seconds, MiB/s and Fluxdesk/age ratios.
#include "secrets/age.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Fluxdesk;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Seconds a run of age took, or -1 when it failed.
double timeAge(const QString &age, const QStringList &arguments)
{
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(age, arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "age failed: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int mib = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 64;
    const QString age = QStandardPaths::findExecutable(QStringLiteral("age"));
    if (age.isEmpty() || mib <= 0) {
        std::fprintf(stderr, "usage: bench_age [MEBIBYTES]; needs Debian's age on PATH\n");
        return 2;
    }
    QTemporaryDir dir;
    const Age::Identity identity = Age::Identity::generate();
    const QString keys = dir.filePath(QStringLiteral("keys.txt"));
    const QString plain = dir.filePath(QStringLiteral("plain.bin"));
    const QString ours = dir.filePath(QStringLiteral("fluxdesk.age"));
    const QString theirs = dir.filePath(QStringLiteral("age.age"));
    const QString opened = dir.filePath(QStringLiteral("opened.bin"));
    QByteArray data(qsizetype(mib) * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()),
                                          data.size() / 4);
    if (!writeFile(keys, Age::identityFileText(identity, QDateTime::currentDateTimeUtc())) ||
        !writeFile(plain, data))
        return 2;

    QElapsedTimer timer;
    timer.start();
    Result<QByteArray> encrypted = Age::encrypt(data, {identity.recipient()}, false);
    const double ourEncrypt = double(timer.nsecsElapsed()) / 1e9;
    if (!encrypted || !writeFile(ours, *encrypted))
        return 1;
    const double theirEncrypt = timeAge(
        age, {QStringLiteral("-r"), identity.recipient(), QStringLiteral("-o"), theirs, plain});
    if (theirEncrypt < 0)
        return 1;

    const QByteArray theirFile = readFile(theirs);
    timer.restart();
    Result<Age::SecretBytes> decrypted = Age::decrypt(theirFile, {identity});
    const double ourDecrypt = double(timer.nsecsElapsed()) / 1e9;
    if (!decrypted || decrypted->bytes() != data) {
        std::fprintf(stderr, "Fluxdesk did not open age's file\n");
        return 1;
    }
    const double theirDecrypt = timeAge(age, {QStringLiteral("-d"), QStringLiteral("-i"), keys,
                                              QStringLiteral("-o"), opened, ours});
    if (theirDecrypt < 0 || readFile(opened) != data) {
        std::fprintf(stderr, "age did not open Fluxdesk's file\n");
        return 1;
    }

    std::printf("%d MiB, X25519, binary; each side opened the other's file\n", mib);
    std::printf("encrypt: Fluxdesk %.3f s (%.0f MiB/s), age %.3f s (%.0f MiB/s), ratio %.2f\n",
                ourEncrypt, mib / ourEncrypt, theirEncrypt, mib / theirEncrypt,
                ourEncrypt / theirEncrypt);
    std::printf("decrypt: Fluxdesk %.3f s (%.0f MiB/s), age %.3f s (%.0f MiB/s), ratio %.2f\n",
                ourDecrypt, mib / ourDecrypt, theirDecrypt, mib / theirDecrypt,
                ourDecrypt / theirDecrypt);
    return 0;
}
