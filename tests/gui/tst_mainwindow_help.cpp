// The help the app ships: F1 opens the Fluxdesk Guide from the resources (no network), its pages
// link only inside themselves and the resources, and the cluster pane's "?" shows a legend line
// for every ownership class the classification has, drawn by the tree's own badge painter.
#include "core/resources.h"
#include "helpdialog.h"
#include "items/inventorymodel.h"
#include "kube/classification.h"
#include "mainwindow.h"
#include "ownershipdelegate.h"
#include "ownershiplegend.h"

#include <QAction>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace Fluxdesk;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestMainWindowHelp : public QObject
{
    Q_OBJECT
public:
    TestMainWindowHelp()
    {
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(s(".config"))));
        qputenv("KUBECONFIG", QFile::encodeName(m_home.filePath(s("missing-kubeconfig"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
    }

    void f1OpensTheGuide()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(!window.findChild<HelpDialog *>(s("guideDialog")));
        auto *action = window.findChild<QAction *>(s("guideAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F1));
        QTest::keyClick(&window, Qt::Key_F1);
        auto *guide = window.findChild<HelpDialog *>(s("guideDialog"));
        QVERIFY(guide);
        QTRY_VERIFY(guide->isVisible());
        auto *browser = guide->findChild<QTextBrowser *>(s("guideBrowser"));
        QVERIFY(browser);
        QCOMPARE(browser->source(), QUrl(s("qrc:/help/guide.html")));
        const QString text = browser->toPlainText();
        QVERIFY2(text.contains(s("The flow")) && text.contains(s("The panes")), qPrintable(text));
        // The badge table is the legend's: every badge and what it means.
        for (const Ownership ownership : OwnershipLegend::ownerships()) {
            QVERIFY2(text.contains(ownershipBadge(ownership)), qPrintable(ownershipId(ownership)));
            QVERIFY(text.contains(OwnershipLegend::meaning(ownership)));
        }
        // F1 again shows the same guide, not a second one.
        QTest::keyClick(&window, Qt::Key_F1);
        QCOMPARE(window.findChildren<HelpDialog *>().size(), 1);
    }

    void guidePageForTheLanguage_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("url");
        QTest::addRow("English") << s("en_GB") << s("qrc:/help/guide.html");
        QTest::addRow("German") << s("de_DE") << s("qrc:/help/guide_de.html");
        QTest::addRow("Austrian German") << s("de_AT") << s("qrc:/help/guide_de.html");
        QTest::addRow("French, no page") << s("fr_FR") << s("qrc:/help/guide.html");
    }

    void guidePageForTheLanguage()
    {
        QFETCH(QString, locale);
        QFETCH(QString, url);
        QCOMPARE(HelpDialog::guideUrl(QLocale(locale)), QUrl(url));
    }

    void guideLinksStayInside_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addRow("English") << s(":/help/guide.html");
        QTest::addRow("German") << s(":/help/guide_de.html");
    }

    void guideLinksStayInside()
    {
        QFETCH(QString, page);
        const QString html = readResource(page);
        QVERIFY2(!html.isEmpty(), qPrintable(page));
        QVERIFY(html.contains(s("<!--badges-->")));
        QSet<QString> anchors;
        const QRegularExpression name(s("<a\\s+name=\"([^\"]+)\""));
        for (auto it = name.globalMatch(html); it.hasNext();)
            anchors.insert(it.next().captured(1));
        QVERIFY(anchors.size() >= 5);
        const QRegularExpression link(s("(?:href|src)\\s*=\\s*\"([^\"]*)\""));
        int links = 0;
        for (auto it = link.globalMatch(html); it.hasNext();) {
            const QUrl url(it.next().captured(1));
            ++links;
            // Only the page's own anchors, or files compiled into the resources.
            if (url.scheme().isEmpty() && url.path().isEmpty()) {
                QVERIFY2(anchors.contains(url.fragment()), qPrintable(url.toString()));
                continue;
            }
            const QUrl resolved = QUrl(s("qrc:/help/")).resolved(url);
            QCOMPARE(resolved.scheme(), s("qrc"));
            QVERIFY2(QFile::exists(QLatin1Char(':') + resolved.path()), qPrintable(url.toString()));
        }
        QVERIFY(links >= 5);
        // Both pages have the same sections, so a link into one works in the other.
        const QString other = readResource(s(":/help/guide.html"));
        for (auto it = name.globalMatch(other); it.hasNext();)
            QVERIFY(anchors.contains(it.next().captured(1)));
    }

    void legendListsEveryOwnershipClass()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *button = window.findChild<QToolButton *>(s("legendButton"));
        QVERIFY(button && button->isVisible());
        button->click();
        auto *legend = window.findChild<OwnershipLegend *>(s("ownershipLegend"));
        QVERIFY(legend);
        QTRY_VERIFY(legend->isVisible());
        auto *list = legend->findChild<QTableWidget *>(s("legendList"));
        QVERIFY(list);
        // The badges are the tree's own painter, not a picture of it.
        QVERIFY(qobject_cast<OwnershipDelegate *>(list->itemDelegateForColumn(0)));

        // Every class of the enum, by ownershipId() (its switch names each one): a class without
        // a legend line fails here.
        int classes = 0;
        for (int value = 0; !ownershipId(Ownership(value)).isEmpty(); ++value) {
            const auto ownership = Ownership(value);
            ++classes;
            int line = -1;
            for (int row = 0; row < list->rowCount(); ++row) {
                const QVariant data = list->item(row, 0)->data(InventoryModel::OwnershipRole);
                if (data.isValid() && data.toInt() == value)
                    line = row;
            }
            QVERIFY2(line >= 0, qPrintable(ownershipId(ownership)));
            QCOMPARE(list->item(line, 0)->text(), ownershipBadge(ownership));
            QVERIFY2(!list->item(line, 1)->text().isEmpty() &&
                         !list->item(line, 2)->text().isEmpty(),
                     qPrintable(ownershipId(ownership)));
        }
        QVERIFY(classes >= 8);
        QCOMPARE(OwnershipLegend::ownerships().size(), classes);

        // Help > Badge Legend shows the same legend.
        auto *action = window.findChild<QAction *>(s("legendAction"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(window.findChildren<OwnershipLegend *>().size(), 1);
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestMainWindowHelp)
#include "tst_mainwindow_help.moc"
