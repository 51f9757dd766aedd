#pragma once

// What every fuzz target shares: Qt quiet (a warning per input would drown the fuzzer's output),
// the compiled-in resources registered, the input as a QByteArray, and one way to report a broken
// property (a message on stderr, then abort() so libFuzzer saves the input as a crash).

#include "core/resources.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace FluxdeskFuzz {

// Once, from LLVMFuzzerInitialize: fatal messages still abort (Qt does so after the handler).
inline void setUp()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type == QtFatalMsg)
            std::fprintf(stderr, "qFatal: %s\n", qUtf8Printable(text));
    });
    Fluxdesk::initResources();
}

// A copy (as QFile::readAll would give it), so the models see an ordinary QByteArray.
inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A property does not hold: say which and how, then abort (libFuzzer keeps the input).
[[noreturn]] inline void fail(const char *property, const QString &details)
{
    std::fprintf(stderr, "\n=== fuzz property broken: %s\n%s\n", property, qUtf8Printable(details));
    std::fflush(stderr);
    std::abort();
}

} // namespace FluxdeskFuzz

#define FLUXDESK_FUZZ_SETUP()                                                                      \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                           \
    {                                                                                              \
        FluxdeskFuzz::setUp();                                                                     \
        return 0;                                                                                  \
    }
