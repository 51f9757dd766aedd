#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace Fluxdesk {

// Files that may hold Secret data (a snapshot, the inventory's Helm values with their passwords)
// are readable by their owner alone (0600), from the first byte on.
//
// Replaces (or creates) path all at once: data goes to a temporary file beside path, created with
// mode 0600 (O_EXCL | O_NOFOLLOW, so no planted link is followed), flushed to disk, then renamed
// over path. There is no moment at which another user could open the text, and a file that was
// 0644 is 0600 afterwards (it is a new file, not a chmod of the old one). When writing fails, path
// stays as it was and the temporary file is removed. A link at path is replaced, not followed.
Result<bool> writePrivateFile(const QString &path, const QByteArray &data);

} // namespace Fluxdesk
