#pragma once

// Window tests that write the plan: the Write Plan dialog runs modally, so a test arms a press of
// its Write button before triggering the action.

#include "writeplandialog.h"

#include <QApplication>
#include <QPushButton>
#include <QTest>
#include <QTimer>

namespace Fluxdesk::Testing {

// Presses the write dialog's Write button as soon as the dialog is up (rejects it when the
// button is not shown: nothing to write).
inline void acceptWriteDialogSoon()
{
    QTimer::singleShot(0, qApp, [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<WritePlanDialog *>(w)) {
                auto *write = dialog->findChild<QPushButton *>(QStringLiteral("writeButton"));
                if (write && write->isVisible())
                    QTest::mouseClick(write, Qt::LeftButton);
                else
                    dialog->reject();
                return;
            }
        }
        acceptWriteDialogSoon(); // not shown yet
    });
}

} // namespace Fluxdesk::Testing
