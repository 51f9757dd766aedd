// Chart source inference: the user's Helm client (a fake config + cache folder), the catalog,
// saved choices and "ask the user".
#include "helm/chartsourceresolver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Fluxdesk;

Q_DECLARE_METATYPE(ChartSourceOrigin)

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// The shape `helm repo add` and `helm repo update` leave behind.
const char repositoriesYaml[] = R"(apiVersion: ""
generated: "0001-01-01T00:00:00Z"
repositories:
- caFile: ""
  certFile: ""
  insecure_skip_tls_verify: false
  keyFile: ""
  name: grafana
  pass_credentials_all: false
  password: ""
  url: https://grafana.github.io/helm-charts
  username: ""
- name: myrepo
  url: https://charts.example.org/stable
- name: other
  url: https://other.example.net/charts
- name: noindex
  url: https://noindex.example.net
)";

QByteArray index(const QList<QPair<QString, QStringList>> &charts)
{
    QByteArray out = "apiVersion: v1\nentries:\n";
    for (const auto &chart : charts) {
        out += "  " + chart.first.toUtf8() + ":\n";
        for (const QString &version : chart.second) {
            out += "  - apiVersion: v2\n    name: " + chart.first.toUtf8() +
                   "\n    version: " + version.toUtf8() + "\n    urls:\n    - https://x/" +
                   chart.first.toUtf8() + "-" + version.toUtf8() + ".tgz\n";
        }
    }
    return out + "generated: \"2026-01-01T00:00:00Z\"\n";
}

} // namespace

class TestChartSource : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<QByteArray> m_saved = {"HELM_REPOSITORY_CONFIG",
                                 "HELM_REPOSITORY_CACHE",
                                 "HELM_CONFIG_HOME",
                                 "HELM_CACHE_HOME",
                                 "XDG_CONFIG_HOME",
                                 "XDG_CACHE_HOME",
                                 "HOME"};
    QHash<QByteArray, QByteArray> m_env;

    void clearHelmEnv()
    {
        for (const QByteArray &name : m_saved) {
            if (name != "HOME")
                qunsetenv(name.constData());
        }
    }

    ChartSourceContext context() const
    {
        ChartSourceContext c;
        c.helmClient = HelmClientConfig::load(HelmClientPaths::fromEnvironment());
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QByteArray &name : m_saved) {
            if (qEnvironmentVariableIsSet(name.constData()))
                m_env.insert(name, qgetenv(name.constData()));
        }
        const QString config = m_dir.filePath(QStringLiteral("helmconfig/repositories.yaml"));
        const QString cache = m_dir.filePath(QStringLiteral("helmcache"));
        writeFile(config, repositoriesYaml);
        // The old Grafana index still lists the versions published before the move.
        writeFile(
            cache + QStringLiteral("/grafana-index.yaml"),
            index({{QStringLiteral("grafana"), {QStringLiteral("10.2.0")}},
                   {QStringLiteral("loki"), {QStringLiteral("6.21.0"), QStringLiteral("6.20.0")}},
                   {QStringLiteral("alloy"), {QStringLiteral("1.3.0")}}}));
        writeFile(cache + QStringLiteral("/myrepo-index.yaml"),
                  index({{QStringLiteral("mychart"),
                          {QStringLiteral("1.2.4"), QStringLiteral("1.2.3")}}}));
        writeFile(cache + QStringLiteral("/other-index.yaml"),
                  index({{QStringLiteral("mychart"), {QStringLiteral("0.9.0")}},
                         {QStringLiteral("alloy"), {QStringLiteral("1.4.0")}}}));
    }

    void cleanupTestCase()
    {
        clearHelmEnv();
        for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
            qputenv(it.key().constData(), it.value());
    }

    void init()
    {
        clearHelmEnv();
        qputenv("HELM_REPOSITORY_CONFIG",
                QFile::encodeName(m_dir.filePath(QStringLiteral("helmconfig/repositories.yaml"))));
        qputenv("HELM_REPOSITORY_CACHE",
                QFile::encodeName(m_dir.filePath(QStringLiteral("helmcache"))));
    }

    void pathsFollowHelm()
    {
        HelmClientPaths paths = HelmClientPaths::fromEnvironment();
        QCOMPARE(paths.repositoryConfig,
                 m_dir.filePath(QStringLiteral("helmconfig/repositories.yaml")));
        QCOMPARE(paths.repositoryCache, m_dir.filePath(QStringLiteral("helmcache")));

        clearHelmEnv();
        qputenv("XDG_CONFIG_HOME", "/xdg/config");
        qputenv("XDG_CACHE_HOME", "/xdg/cache");
        paths = HelmClientPaths::fromEnvironment();
        QCOMPARE(paths.repositoryConfig, QStringLiteral("/xdg/config/helm/repositories.yaml"));
        QCOMPARE(paths.repositoryCache, QStringLiteral("/xdg/cache/helm/repository"));

        qputenv("HELM_CONFIG_HOME", "/helmhome/config");
        qputenv("HELM_CACHE_HOME", "/helmhome/cache");
        paths = HelmClientPaths::fromEnvironment();
        QCOMPARE(paths.repositoryConfig, QStringLiteral("/helmhome/config/repositories.yaml"));
        QCOMPARE(paths.repositoryCache, QStringLiteral("/helmhome/cache/repository"));

#if !defined(Q_OS_MACOS) && !defined(Q_OS_WIN)
        clearHelmEnv();
        const QByteArray home = qgetenv("HOME");
        qputenv("HOME", "/home/someone");
        paths = HelmClientPaths::fromEnvironment();
        qputenv("HOME", home);
        QCOMPARE(paths.repositoryConfig,
                 QStringLiteral("/home/someone/.config/helm/repositories.yaml"));
        QCOMPARE(paths.repositoryCache, QStringLiteral("/home/someone/.cache/helm/repository"));
#endif
    }

    void loadsRepositoriesAndIndexes()
    {
        const HelmClientConfig config = HelmClientConfig::load(HelmClientPaths::fromEnvironment());
        QVERIFY(config.warnings().isEmpty());
        QCOMPARE(config.repositories().size(), 4);
        QCOMPARE(config.repositories().at(1).name, QStringLiteral("myrepo"));
        QCOMPARE(config.repositories().at(1).url,
                 QStringLiteral("https://charts.example.org/stable"));
        QVERIFY(config.repositories().at(1).indexLoaded);
        QCOMPARE(config.repositories().at(1).chartVersions.value(QStringLiteral("mychart")),
                 (QStringList{QStringLiteral("1.2.4"), QStringLiteral("1.2.3")}));
        QVERIFY(!config.repositories().at(3).indexLoaded); // no cached index: not an error

        const QList<HelmClientConfig::Match> matches =
            config.findChart(QStringLiteral("mychart"), QStringLiteral("0.9.0"));
        QCOMPARE(matches.size(), 2);
        QCOMPARE(matches.at(0).repository, QStringLiteral("other")); // the version wins
        QVERIFY(matches.at(0).versionFound);
        QCOMPARE(matches.at(1).repository, QStringLiteral("myrepo"));
        QVERIFY(!matches.at(1).versionFound);
    }

    void noHelmClientIsFine()
    {
        qputenv("HELM_REPOSITORY_CONFIG",
                QFile::encodeName(m_dir.filePath(QStringLiteral("absent/repositories.yaml"))));
        const HelmClientConfig config = HelmClientConfig::load(HelmClientPaths::fromEnvironment());
        QVERIFY(config.repositories().isEmpty());
        QVERIFY(config.warnings().isEmpty());
    }

    void brokenFilesAreWarnings()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("repositories.yaml")),
                  "repositories:\n- name: a\n  url: https://a.example\n");
        writeFile(dir.filePath(QStringLiteral("cache/a-index.yaml")), "entries: [\n");
        HelmClientPaths paths{dir.filePath(QStringLiteral("repositories.yaml")),
                              dir.filePath(QStringLiteral("cache"))};
        HelmClientConfig config = HelmClientConfig::load(paths);
        QCOMPARE(config.repositories().size(), 1);
        QVERIFY(!config.repositories().first().indexLoaded);
        QCOMPARE(config.warnings().size(), 1);
        QVERIFY(config.warnings().first().file.endsWith(QLatin1String("a-index.yaml")));

        writeFile(dir.filePath(QStringLiteral("repositories.yaml")), "repositories: {\n");
        config = HelmClientConfig::load(paths);
        QVERIFY(config.repositories().isEmpty());
        QCOMPARE(config.warnings().size(), 1);
        QVERIFY(config.warnings().first().line > 0);
    }

    void resolves_data()
    {
        QTest::addColumn<QString>("chart");
        QTest::addColumn<QString>("version");
        QTest::addColumn<ChartSourceOrigin>("origin");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("note");
        QTest::addRow("helm client at the running version")
            << QStringLiteral("mychart") << QStringLiteral("1.2.3") << ChartSourceOrigin::HelmClient
            << QStringLiteral("myrepo") << QStringLiteral("https://charts.example.org/stable")
            << QStringLiteral("version 1.2.3");
        QTest::addRow("the repository with the version wins")
            << QStringLiteral("mychart") << QStringLiteral("0.9.0") << ChartSourceOrigin::HelmClient
            << QStringLiteral("other") << QStringLiteral("https://other.example.net/charts")
            << QString();
        QTest::addRow("helm client beats the catalog")
            << QStringLiteral("alloy") << QStringLiteral("1.4.0") << ChartSourceOrigin::HelmClient
            << QStringLiteral("other") << QStringLiteral("https://other.example.net/charts")
            << QString();
        QTest::addRow("catalog beats a name-only match")
            << QStringLiteral("alloy") << QStringLiteral("1.5.0") << ChartSourceOrigin::Catalog
            << QStringLiteral("grafana") << QStringLiteral("https://grafana.github.io/helm-charts")
            << QStringLiteral("catalog");
        QTest::addRow("moved chart: the old index is passed over")
            << QStringLiteral("loki") << QStringLiteral("6.21.0") << ChartSourceOrigin::Catalog
            << QStringLiteral("grafana-community")
            << QStringLiteral("https://grafana-community.github.io/helm-charts")
            << QStringLiteral("no longer receives");
        QTest::addRow("catalog only") << QStringLiteral("cert-manager") << QStringLiteral("v1.17.1")
                                      << ChartSourceOrigin::Catalog << QStringLiteral("jetstack")
                                      << QStringLiteral("https://charts.jetstack.io") << QString();
        QTest::addRow("oci from the catalog")
            << QStringLiteral("gateway-helm") << QStringLiteral("v1.4.6")
            << ChartSourceOrigin::Catalog << QStringLiteral("envoyproxy")
            << QStringLiteral("oci://docker.io/envoyproxy/gateway-helm") << QString();
        QTest::addRow("name-only match")
            << QStringLiteral("mychart") << QStringLiteral("2.0.0")
            << ChartSourceOrigin::HelmClientNameOnly << QStringLiteral("myrepo")
            << QStringLiteral("https://charts.example.org/stable")
            << QStringLiteral("helm repo update");
        QTest::addRow("unknown: ask the user")
            << QStringLiteral("in-house") << QStringLiteral("0.1.0") << ChartSourceOrigin::Unknown
            << QString() << QString() << QStringLiteral("choose its repository");
    }

    void resolves()
    {
        QFETCH(QString, chart);
        QFETCH(QString, version);
        QFETCH(ChartSourceOrigin, origin);
        QFETCH(QString, repository);
        QFETCH(QString, url);
        QFETCH(QString, note);
        const ChartSourceResolution r = resolveChartSource(
            QStringLiteral("apps"), QStringLiteral("rel"), chart, version, context());
        QCOMPARE(chartSourceOriginName(r.origin), chartSourceOriginName(origin));
        QCOMPARE(r.source.repositoryName, repository);
        QCOMPARE(r.source.url, url);
        QCOMPARE(r.needsUserChoice(), origin == ChartSourceOrigin::Unknown);
        if (!note.isEmpty())
            QVERIFY2(r.notes.join(QLatin1Char('\n')).contains(note),
                     qPrintable(r.notes.join(QLatin1Char('\n'))));
    }

    void catalogCrdsWhateverTheOrigin()
    {
        // gateway-helm found through a (hypothetical) HTTP mirror still ships CRDs.
        ChartSourceContext c = context();
        ChartSourceChoice choice;
        choice.chart = QStringLiteral("gateway-helm");
        choice.source = {ChartSource::Type::Http, QStringLiteral("mirror"),
                         QStringLiteral("https://mirror.example")};
        c.userChoices.append(choice);
        const ChartSourceResolution r =
            resolveChartSource(QStringLiteral("eg"), QStringLiteral("eg"),
                               QStringLiteral("gateway-helm"), QStringLiteral("v1.4.6"), c);
        QCOMPARE(chartSourceOriginName(r.origin), QStringLiteral("user-choice"));
        QCOMPARE(r.crds, ChartCrds::Folder);
    }

    void userChoiceWins()
    {
        ChartSourceContext c = context();
        ChartSourceChoice choice;
        choice.releaseNamespace = QStringLiteral("apps");
        choice.releaseName = QStringLiteral("rel");
        choice.chart = QStringLiteral("mychart");
        choice.source = {ChartSource::Type::Oci, QStringLiteral("ghcr"),
                         QStringLiteral("oci://ghcr.io/me/mychart")};
        // The plan file keeps it as JSON.
        const ChartSourceChoice restored = ChartSourceChoice::fromJson(choice.toJson());
        QCOMPARE(restored.releaseName, choice.releaseName);
        QCOMPARE(restored.releaseNamespace, choice.releaseNamespace);
        QCOMPARE(restored.chart, choice.chart);
        QVERIFY(restored.source == choice.source);
        c.userChoices.append(restored);

        ChartSourceResolution r =
            resolveChartSource(QStringLiteral("apps"), QStringLiteral("rel"),
                               QStringLiteral("mychart"), QStringLiteral("1.2.3"), c);
        QCOMPARE(chartSourceOriginName(r.origin), QStringLiteral("user-choice"));
        QCOMPARE(r.source.url, QStringLiteral("oci://ghcr.io/me/mychart"));
        // Another release of the same chart is not covered by a per-release choice.
        r = resolveChartSource(QStringLiteral("other"), QStringLiteral("rel"),
                               QStringLiteral("mychart"), QStringLiteral("1.2.3"), c);
        QCOMPARE(chartSourceOriginName(r.origin), QStringLiteral("helm-client"));
    }
};

QTEST_GUILESS_MAIN(TestChartSource)
#include "tst_chartsource.moc"
