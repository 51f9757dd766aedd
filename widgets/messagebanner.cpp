#include "messagebanner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Fluxdesk {

MessageBanner::MessageBanner(Level level, QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    const bool error = level == Level::Error;
    pal.setColor(QPalette::Window, error ? QColor(0xfd, 0xec, 0xea) : QColor(0xff, 0xf4, 0xd6));
    pal.setColor(QPalette::WindowText, error ? QColor(0x8a, 0x1c, 0x12) : QColor(0x6b, 0x4a, 0x00));
    setPalette(pal);

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning)
            .pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setObjectName(QStringLiteral("bannerTitle"));

    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("bannerDetails"));

    m_dismiss = new QToolButton(this);
    m_dismiss->setObjectName(QStringLiteral("dismissButton"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this message"));
    m_dismiss->setAutoRaise(true);
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_details);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(8, 6, 6, 6);
    m_layout->addWidget(icon);
    m_layout->addLayout(text, 1);
    m_layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(const QString &title, const QString &details)
{
    m_title->setText(title);
    m_details->setText(details);
    m_details->setVisible(!details.isEmpty());
    show();
}

void MessageBanner::addButton(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName() + QLatin1String("Button"));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_layout->insertWidget(m_layout->indexOf(m_dismiss), button, 0, Qt::AlignTop);
}

QString MessageBanner::title() const
{
    return m_title->text();
}

QString MessageBanner::details() const
{
    return m_details->text();
}

QString MessageBanner::text() const
{
    return details().isEmpty() ? title() : title() + QLatin1Char('\n') + details();
}

} // namespace Fluxdesk
