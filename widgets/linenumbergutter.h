#pragma once

#include <QRect>

class QPlainTextEdit;
class QWidget;

namespace Fluxdesk {

// Shared by the read-only YamlView and the YamlEditor: width of a line-number gutter (at least
// three digits plus padding) and keeping it in step with the text's scrolling.
int lineNumberGutterWidth(const QPlainTextEdit *edit, int padding);
void updateLineNumberGutter(QWidget *gutter, const QRect &rect, int dy);

} // namespace Fluxdesk
