#pragma once

#include <QFrame>

class QAction;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace Fluxdesk {

// A dismissable strip above the content: an error in the server's own words, or a warning such
// as the resource types the user may not list. Hidden until showMessage().
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Level
    {
        Error,
        Warning
    };
    explicit MessageBanner(Level level, QWidget *parent = nullptr);

    void showMessage(const QString &title, const QString &details = {});
    QString title() const;
    QString details() const;
    // The whole text shown (title and details), for tests and the clipboard.
    QString text() const;
    // A button beside Dismiss that triggers action (named after the action's objectName and
    // "Button"), for what the user can do about the message.
    void addButton(QAction *action);

signals:
    void dismissed();

private:
    QLabel *m_title;
    QLabel *m_details;
    QToolButton *m_dismiss;
    QHBoxLayout *m_layout;
};

} // namespace Fluxdesk
