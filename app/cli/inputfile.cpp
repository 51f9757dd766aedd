#include "inputfile.h"

#include "clioptions.h"
#include "clitext.h"

#include <QFileInfo>

#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

namespace Fluxdesk::Cli {

namespace {

// Below this a plain read costs less than setting up a mapping.
constexpr qint64 mapFrom = 1024 * 1024;

#ifdef Q_OS_UNIX
// Written before the mapping exists: the handler may only use async-signal-safe calls.
char busMessage[1024];
std::size_t busMessageSize = 0;
struct sigaction previousBusAction;

extern "C" void onBusError(int)
{
    ssize_t ignored = ::write(STDERR_FILENO, busMessage, busMessageSize);
    (void)ignored;
    ::_exit(ExitUsage);
}

// A mapped file that shrinks raises SIGBUS on the pages past its new end.
bool guardMapping(const QString &shownName)
{
    const QByteArray text = "fluxdesk-cli: " + shownName.toUtf8() + ": " +
                            Text::tr("the file changed while it was being read").toUtf8() + '\n';
    if (text.size() >= qsizetype(sizeof busMessage))
        return false; // a name this long is read into memory instead
    std::memcpy(busMessage, text.constData(), std::size_t(text.size()));
    busMessageSize = std::size_t(text.size());
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onBusError;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGBUS, &action, &previousBusAction) == 0;
}

void unguardMapping()
{
    sigaction(SIGBUS, &previousBusAction, nullptr);
}
#endif

} // namespace

InputFile::~InputFile()
{
    if (m_mapped) {
        m_bytes.clear();
        m_file.close(); // unmaps
#ifdef Q_OS_UNIX
        unguardMapping();
#endif
    }
}

bool InputFile::open(const QString &name)
{
    if (name == QLatin1String("-")) {
        m_shownName = QStringLiteral("<stdin>");
        if (!m_file.open(stdin, QIODevice::ReadOnly)) {
            m_error = Text::tr("cannot read standard input");
            return false;
        }
        m_bytes = m_file.readAll();
        return true;
    }
    m_shownName = name;
    m_file.setFileName(name);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = Text::tr("cannot read the file: %1").arg(m_file.errorString());
        return false;
    }
    const qint64 size = m_file.size();
#ifdef Q_OS_UNIX
    if (size >= mapFrom && QFileInfo(name).isFile() && guardMapping(m_shownName)) {
        if (uchar *data = m_file.map(0, size)) {
            m_bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), size);
            m_mapped = true;
            return true;
        }
        unguardMapping();
    }
#endif
    m_bytes = m_file.readAll();
    if (m_file.error() != QFileDevice::NoError) {
        m_error = Text::tr("cannot read the file: %1").arg(m_file.errorString());
        return false;
    }
    return true;
}

} // namespace Fluxdesk::Cli
