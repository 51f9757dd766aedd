// ServerDryRun against the fake API server over TLS: one outcome per object in input order, the
// server's own words for each refusal, nothing stored, and no finished() after cancel().
#include "clienttestsupport.h"
#include "kube/serverdryrun.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QJsonObject withLabels(QJsonObject o, const QJsonObject &labels)
{
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("labels"), labels);
    o.insert(QStringLiteral("metadata"), meta);
    return o;
}

QJsonObject deployment(const QString &ns, const QString &name, const QString &app)
{
    QJsonObject o = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"), ns, name);
    const QJsonObject labels{{QStringLiteral("app"), app}};
    o.insert(QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                 {QStringLiteral("template"),
                  QJsonObject{{QStringLiteral("metadata"),
                               QJsonObject{{QStringLiteral("labels"), labels}}}}}});
    return o;
}

QStringList objectNames(const QList<DryRunOutcome> &outcomes)
{
    QStringList out;
    for (const DryRunOutcome &o : outcomes)
        out.append(o.object);
    return out;
}

} // namespace

class TstServerDryRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki;
    const QString m_token = QStringLiteral("dry-run-token");
    std::unique_ptr<FakeApiServer> m_server;

    ConnectionSettings settings() const
    {
        return clientSettings(m_server->url(), m_pki, ClientAuth::Token, m_token);
    }

    struct Run
    {
        QList<DryRunOutcome> outcomes;
        QString error;
        int progressSignals = 0;
        bool finished = false;
    };

    Run run(const QList<QJsonObject> &objects, const ConnectionSettings &s)
    {
        ServerDryRun dryRun(s);
        QSignalSpy finished(&dryRun, &ServerDryRun::finished);
        QSignalSpy progress(&dryRun, &ServerDryRun::progress);
        dryRun.start(objects);
        Run r;
        r.finished = finished.wait(30000);
        if (!r.finished)
            return r;
        r.outcomes = finished.first().at(0).value<QList<DryRunOutcome>>();
        r.error = finished.first().at(1).toString();
        r.progressSignals = int(progress.size());
        QTest::qWait(50);
        r.finished = finished.size() == 1;
        return r;
    }

    QStringList patches() const
    {
        QStringList out;
        const QStringList log = m_server->requestLog();
        for (const QString &line : log) {
            if (line.startsWith(QLatin1String("PATCH ")))
                out.append(line);
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = TestPki::generate(m_dir.path());
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.error));
    }

    void init()
    {
        m_server = std::make_unique<FakeApiServer>(serverOptions(m_pki, m_token));
        m_server->setObjects(smallCluster() + QList<QJsonObject>{deployment(
                                                  QStringLiteral("apps"), QStringLiteral("web"),
                                                  QStringLiteral("web"))});
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void acceptedObjectsAndNothingStored()
    {
        const QList<QJsonObject> before = m_server->objects();
        const QList<QJsonObject> objects = {
            object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("apps"),
                   QStringLiteral("cm-1")),
            object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("apps"),
                   QStringLiteral("new-one")),
            object(QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("apps")),
        };
        const Run r = run(objects, settings());
        QVERIFY(r.finished);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.outcomes.size(), 3);
        for (const DryRunOutcome &o : r.outcomes)
            QVERIFY2(o.ok, qPrintable(o.object + QStringLiteral(": ") + o.message));
        QCOMPARE(r.outcomes.at(0).httpStatus, 200);
        QCOMPARE(r.outcomes.at(1).httpStatus, 201);
        QCOMPARE(objectNames(r.outcomes), (QStringList{QStringLiteral("ConfigMap apps/cm-1"),
                                                       QStringLiteral("ConfigMap apps/new-one"),
                                                       QStringLiteral("Namespace apps")}));
        QCOMPARE(r.progressSignals, 3);
        QCOMPARE(m_server->objects(), before);
        // What kustomize-controller sends.
        QVERIFY(patches().contains(QStringLiteral(
            "PATCH /api/v1/namespaces/apps/configmaps/new-one?fieldManager=kustomize-"
            "controller&dryRun=All&force=true")));
        QVERIFY(patches().contains(
            QStringLiteral("PATCH /api/v1/namespaces/apps?fieldManager=kustomize-controller&dryRun="
                           "All&force=true")));
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("sent");

        QTest::addRow("unknown group")
            << object(QStringLiteral("example.com/v1"), QStringLiteral("Widget"),
                      QStringLiteral("apps"), QStringLiteral("w"))
            << 0 << QStringLiteral("no matches for kind \"Widget\" in version \"example.com/v1\"")
            << false;
        QTest::addRow("unknown kind of a known version")
            << object(QStringLiteral("apps/v1"), QStringLiteral("Deploymnet"),
                      QStringLiteral("apps"), QStringLiteral("w"))
            << 0 << QStringLiteral("no matches for kind \"Deploymnet\" in version \"apps/v1\"")
            << false;
        QTest::addRow("immutable selector")
            << deployment(QStringLiteral("apps"), QStringLiteral("web"), QStringLiteral("site"))
            << 422
            << QStringLiteral("Deployment.apps \"web\" is invalid: spec.selector: Invalid value: "
                              "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"site\"}, "
                              "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is "
                              "immutable")
            << true;
        QTest::addRow("no namespace")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), {}, QStringLiteral("c"))
            << 0
            << QStringLiteral("ConfigMap c is namespaced but has no metadata.namespace: set it, or "
                              "a targetNamespace in the Flux Kustomization that applies it")
            << false;
        QTest::addRow("namespace not in the cluster")
            << object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("nowhere"),
                      QStringLiteral("c"))
            << 404 << QStringLiteral("namespaces \"nowhere\" not found") << true;
        QTest::addRow("admission denial")
            << withLabels(object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                                 QStringLiteral("apps"), QStringLiteral("c")),
                          {{QStringLiteral("expose"), QStringLiteral("public")}})
            << 400
            << QStringLiteral("admission webhook \"policy.example.com\" denied the request: public "
                              "exposure needs a review")
            << true;
    }
    void refusals()
    {
        QFETCH(QJsonObject, object);
        QFETCH(int, httpStatus);
        QFETCH(QString, message);
        QFETCH(bool, sent);
        m_server->addAdmissionRule({QStringLiteral("policy.example.com"), QStringLiteral("expose"),
                                    QString(), 400,
                                    QStringLiteral("public exposure needs a review")});
        const Run r = run({object}, settings());
        QVERIFY(r.finished);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.outcomes.size(), 1);
        QCOMPARE(r.outcomes.first().ok, false);
        QCOMPARE(r.outcomes.first().httpStatus, httpStatus);
        QCOMPARE(r.outcomes.first().message, message);
        QCOMPARE(!patches().isEmpty(), sent);
    }

    void secretDataNeverInMessages()
    {
        // A webhook that quotes what it refused: the Secret's values are redacted.
        const QString password = QStringLiteral("hunter2-very-secret");
        m_server->addAdmissionRule(
            {QStringLiteral("leaks.example.com"), QStringLiteral("leak"), QString(), 400,
             QStringLiteral("found password ") + password + QStringLiteral(" (base64 ") +
                 QString::fromLatin1(password.toUtf8().toBase64()) + QLatin1Char(')')});
        QJsonObject secret = withLabels(object(QStringLiteral("v1"), QStringLiteral("Secret"),
                                               QStringLiteral("apps"), QStringLiteral("db")),
                                        {{QStringLiteral("leak"), QStringLiteral("yes")}});
        secret.insert(QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("password"),
                                   QString::fromLatin1(password.toUtf8().toBase64())}});
        const Run r = run({secret}, settings());
        QVERIFY(r.finished);
        QCOMPARE(r.outcomes.size(), 1);
        QCOMPARE(r.outcomes.first().ok, false);
        const QString message = r.outcomes.first().message;
        QVERIFY2(
            message.startsWith(QLatin1String(
                "admission webhook \"leaks.example.com\" denied the request: found password ")),
            qPrintable(message));
        QVERIFY2(!message.contains(password), qPrintable(message));
        QVERIFY2(!message.contains(QString::fromLatin1(password.toUtf8().toBase64())),
                 qPrintable(message));
        QVERIFY(message.contains(QLatin1String("[redacted]")));
    }

    void sameApplyCreatesNamespaceAndKind()
    {
        // Flux applies Namespaces and CRDs first: what depends on them is not a problem.
        QJsonObject crd = object(QStringLiteral("apiextensions.k8s.io/v1"),
                                 QStringLiteral("CustomResourceDefinition"), {},
                                 QStringLiteral("widgets.example.com"));
        crd.insert(
            QStringLiteral("spec"),
            QJsonObject{{QStringLiteral("group"), QStringLiteral("example.com")},
                        {QStringLiteral("names"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("Widget")}}},
                        {QStringLiteral("versions"),
                         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("v1")}}}}});
        const QList<QJsonObject> objects = {
            object(QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("photos")),
            object(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("photos"),
                   QStringLiteral("c")),
            object(QStringLiteral("example.com/v1"), QStringLiteral("Widget"),
                   QStringLiteral("photos"), QStringLiteral("w")),
        };
        const Run r = run(objects, settings());
        QVERIFY(r.finished);
        QCOMPARE(r.outcomes.size(), 3);
        QVERIFY(r.outcomes.at(0).ok);
        QVERIFY(r.outcomes.at(1).ok);
        QCOMPARE(
            r.outcomes.at(1).message,
            QStringLiteral("Not checked: its namespace \"photos\" is created by the same apply"));
        QCOMPARE(r.outcomes.at(2).ok, false); // the CRD is not part of this apply
        const Run withCrd = run(QList<QJsonObject>{crd} + objects, settings());
        QVERIFY(withCrd.finished);
        QCOMPARE(withCrd.outcomes.size(), 4);
        QVERIFY2(withCrd.outcomes.at(3).ok, qPrintable(withCrd.outcomes.at(3).message));
    }

    void connectionRefused()
    {
        ConnectionSettings s = settings();
        QUrl url = s.server;
        url.setPort(closedPort());
        s.server = url;
        const Run r = run({object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                                  QStringLiteral("apps"), QStringLiteral("c"))},
                          s);
        QVERIFY(r.finished);
        QVERIFY2(r.error.contains(QLatin1String("Connection refused")), qPrintable(r.error));
        QCOMPARE(r.outcomes.size(), 1);
        // Not a refusal of the object: the error is reported once.
        QCOMPARE(r.outcomes.first().ok, true);
        QCOMPARE(r.outcomes.first().httpStatus, 0);
        QVERIFY2(r.outcomes.first().message.startsWith(QLatin1String("Not checked: ")) &&
                     r.outcomes.first().message.contains(QLatin1String("Connection refused")),
                 qPrintable(r.outcomes.first().message));
    }

    void cancelDeliversNothing()
    {
        m_server = std::make_unique<FakeApiServer>(serverOptions(m_pki, m_token, 150));
        m_server->setObjects(smallCluster());
        QVERIFY(m_server->listen());
        ServerDryRun dryRun(settings());
        QSignalSpy finished(&dryRun, &ServerDryRun::finished);
        dryRun.start({object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                             QStringLiteral("apps"), QStringLiteral("c"))});
        QTest::qWait(200); // discovery answered or under way; the PATCH not answered
        dryRun.cancel();
        QTest::qWait(600);
        QCOMPARE(finished.size(), 0);
        // And it can start again.
        dryRun.start({object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                             QStringLiteral("apps"), QStringLiteral("c"))});
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
    }

    void orderPreservedWithParallelRequests()
    {
        // The first objects answer slowest; outcomes still come in input order, and no more
        // than four requests are in flight at once.
        FakeApiServer::FaultRule slow;
        slow.pathPrefix = QStringLiteral("/api/v1/namespaces/apps/configmaps/slow");
        slow.fault = FakeApiServer::Fault::Delay;
        slow.delayMs = 300;
        m_server->addFault(slow);
        QList<QJsonObject> objects;
        QStringList expected;
        for (int i = 0; i < 10; ++i) {
            const QString name =
                (i < 3 ? QStringLiteral("slow-%1") : QStringLiteral("fast-%1")).arg(i);
            objects.append(object(QStringLiteral("v1"), QStringLiteral("ConfigMap"),
                                  QStringLiteral("apps"), name));
            expected.append(QStringLiteral("ConfigMap apps/") + name);
        }
        objects.insert(5, object(QStringLiteral("example.com/v1"), QStringLiteral("Widget"),
                                 QStringLiteral("apps"), QStringLiteral("w")));
        expected.insert(5, QStringLiteral("Widget apps/w"));
        const Run r = run(objects, settings());
        QVERIFY(r.finished);
        QCOMPARE(objectNames(r.outcomes), expected);
        QCOMPARE(r.outcomes.at(5).ok, false);
        QCOMPARE(patches().size(), 10);
    }

    void emptyInputFinishes()
    {
        const Run r = run({}, settings());
        QVERIFY(r.finished);
        QCOMPARE(r.outcomes.size(), 0);
        QCOMPARE(r.error, QString());
    }
};

QTEST_GUILESS_MAIN(TstServerDryRun)
#include "tst_serverdryrun.moc"
