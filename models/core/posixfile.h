#pragma once

#include <QByteArray>

namespace Fluxdesk {

#ifdef Q_OS_UNIX
// Writes all of data to the open file descriptor fd (again after EINTR and short writes): 0, or
// the errno that stopped it (EIO when write() wrote nothing without one).
int writeAll(int fd, const QByteArray &data);
#endif

} // namespace Fluxdesk
