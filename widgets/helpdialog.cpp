#include "helpdialog.h"

#include "ownershipdelegate.h"
#include "ownershiplegend.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {

const QLatin1String badgesPlaceholder("<!--badges-->");

// Reads the guide's pages from the resources and fills in their badge table.
class GuideBrowser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

    QVariant loadResource(int type, const QUrl &name) override
    {
        if (type != QTextDocument::HtmlResource || name.scheme() != QLatin1String("qrc"))
            return QTextBrowser::loadResource(type, name);
        QFile file(QLatin1Char(':') + name.path());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QString html = QString::fromUtf8(file.readAll());
        html.replace(badgesPlaceholder, HelpDialog::badgeTableHtml());
        return html;
    }
};

// The delegate's pill in HTML: its colour on a tint of it (QTextDocument has no alpha).
QString badgeHtml(Ownership ownership)
{
    const QColor base = OwnershipDelegate::colour(ownership);
    const QColor white(Qt::white);
    const double tint = 40.0 / 255.0;
    const QColor fill = QColor::fromRgbF(base.redF() * tint + white.redF() * (1 - tint),
                                         base.greenF() * tint + white.greenF() * (1 - tint),
                                         base.blueF() * tint + white.blueF() * (1 - tint));
    return QStringLiteral("<td style=\"background-color:%1; color:%2; white-space:nowrap\">"
                          "&nbsp;%3&nbsp;</td>")
        .arg(fill.name(), base.darker(130).name(), ownershipBadge(ownership).toHtmlEscaped());
}

} // namespace

QUrl HelpDialog::guideUrl(const QLocale &locale)
{
    const QStringList languages = locale.uiLanguages();
    for (const QString &language : languages) {
        const QString code = language.section(QLatin1Char('-'), 0, 0).toLower();
        if (code == QLatin1String("en"))
            break;
        const QString page = QStringLiteral("/help/guide_%1.html").arg(code);
        if (QFile::exists(QLatin1Char(':') + page))
            return QUrl(QStringLiteral("qrc:") + page);
    }
    return QUrl(QStringLiteral("qrc:/help/guide.html"));
}

QString HelpDialog::badgeTableHtml()
{
    QString html = QStringLiteral("<table cellspacing=\"2\" cellpadding=\"4\">");
    for (const Ownership ownership : OwnershipLegend::ownerships()) {
        html += QStringLiteral("<tr>") + badgeHtml(ownership) + QStringLiteral("<td>") +
                OwnershipLegend::meaning(ownership).toHtmlEscaped() + QLatin1Char(' ') +
                OwnershipLegend::advice(ownership).toHtmlEscaped() + QStringLiteral("</td></tr>");
    }
    return html + QStringLiteral("</table>");
}

HelpDialog::HelpDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("guideDialog"));
    setWindowTitle(tr("Fluxdesk Guide"));
    m_browser = new GuideBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    // Every link of the guide stays inside it (a test checks the pages link only to themselves).
    m_browser->setOpenExternalLinks(false);
    m_browser->setSource(guideUrl());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("guideButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(760, 640);
}

} // namespace Fluxdesk
