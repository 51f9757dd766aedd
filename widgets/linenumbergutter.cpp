#include "linenumbergutter.h"

#include <QFontMetrics>
#include <QPlainTextEdit>

namespace Fluxdesk {

int lineNumberGutterWidth(const QPlainTextEdit *edit, int padding)
{
    int digits = 1;
    for (int max = qMax(1, edit->blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(digits, 3);
    return padding + edit->fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void updateLineNumberGutter(QWidget *gutter, const QRect &rect, int dy)
{
    if (dy != 0)
        gutter->scroll(0, dy);
    else
        gutter->update(0, rect.y(), gutter->width(), rect.height());
}

} // namespace Fluxdesk
