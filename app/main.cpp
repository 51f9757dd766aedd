#include "core/resources.h"
#include "items/inventorymodel.h"
#include "kube/clustersession.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace Fluxdesk;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Fluxdesk"));
    QApplication::setApplicationName(QStringLiteral("Fluxdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Fluxdesk"));
    QApplication::setApplicationVersion(QStringLiteral(FLUXDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(FLUXDESK_APP_ID));
    initResources();

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("fluxdesk"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QTranslator qtTranslator;
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    const QString qtTranslations = QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), qtTranslations))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Move a hand-managed Kubernetes homelab into Flux GitOps."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QApplication::translate("main", "Open the built-in demo cluster."));
    const QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig"),
        QApplication::translate("main", "Read contexts from this kubeconfig file."),
        QStringLiteral("PATH"));
    const QCommandLineOption context(QStringLiteral("context"),
                                     QApplication::translate("main", "Connect to this context."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption snapshot(
        QStringLiteral("snapshot"),
        QApplication::translate("main", "Open a snapshot file or folder of kubectl output."),
        QStringLiteral("PATH"));
    const QCommandLineOption repo(
        QStringLiteral("repo"),
        QApplication::translate("main", "The Git checkout the plan will be written to."),
        QStringLiteral("PATH"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QApplication::translate(
            "main", "Load the chosen source, print a summary and exit (0 on success)."));
    parser.addOptions({demo, kubeconfig, context, snapshot, repo, selfTest});
    parser.process(app);

    StartupOptions options;
    options.demo = parser.isSet(demo);
    options.kubeconfig = parser.value(kubeconfig);
    options.context = parser.value(context);
    options.snapshot = parser.value(snapshot);
    options.repo = parser.value(repo);
    options.selfTest = parser.isSet(selfTest);

    MainWindow window;
    if (options.selfTest) {
        // A smoke test of the real binary: the window loads its source and has a tree to show.
        QObject::connect(window.session(), &ClusterSession::finished, &window,
                         [&window](bool ok, const QString &message) {
                             const int objects = window.inventoryModel()->objectCount();
                             std::fprintf(stdout, "%s: %d objects, %d namespaces\n",
                                          qUtf8Printable(message), objects,
                                          window.inventoryModel()->rowCount());
                             QApplication::exit(ok && objects > 0 ? 0 : 1);
                         });
        QTimer::singleShot(120000, &window, [] {
            std::fprintf(stderr, "fluxdesk: self-test timed out\n");
            QApplication::exit(1);
        });
    }
    window.show();
    window.start(options);
    return QApplication::exec();
}
