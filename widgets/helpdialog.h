#pragma once

#include <QDialog>
#include <QLocale>
#include <QString>
#include <QUrl>

class QTextBrowser;

namespace Fluxdesk {

// Help > Fluxdesk Guide (F1): the guide the app ships in its resources (no network needed), a
// page for the user's language where there is one (resources/help/guide_<lang>.html, else the
// English guide.html). The page's badge table is filled from the legend the cluster tree uses,
// so it names every ownership class in the tree's colours.
class HelpDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HelpDialog(QWidget *parent = nullptr);

    // The guide's page for this locale: qrc:/help/guide_de.html for German, else
    // qrc:/help/guide.html.
    static QUrl guideUrl(const QLocale &locale = QLocale());
    // The badge table that replaces the page's <!--badges--> comment.
    static QString badgeTableHtml();

    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace Fluxdesk
