#pragma once

#include <QString>

namespace Fluxdesk {

// Text that came from a cluster, a snapshot, a Helm record or a remote, made safe to print on a
// terminal: an object name holding "\x1b]0;title\x07" or "\x1b[2J" must not retitle the window,
// clear the screen or move the cursor. Every control character but newline and tab (C0, DEL,
// C1) and the bidirectional overrides that reorder what a line shows (U+202A-U+202E,
// U+2066-U+2069) become visible escapes: "\x1b", "\x7f", "\u009b", "\u202e". Printable text,
// newlines and tabs stay as they are, and applying it twice changes nothing more.
QString printableForTerminal(const QString &text);

// The characters printableForTerminal() escapes.
bool isTerminalControl(QChar c);

} // namespace Fluxdesk
