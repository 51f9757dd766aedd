// PATCH other than apply, as the real API server answers it: merge patch and JSON patch for every
// kind, strategic merge for the built-in kinds by their patchMergeKeys and directives (cases from
// Kubernetes' "Update API Objects in Place Using kubectl patch" task and the strategic merge
// patch design), and refusals with the real server's code and words.
#include "fakepatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Fluxdesk::Testing;

namespace {

const QByteArray Merge = "application/merge-patch+json";
const QByteArray Json = "application/json-patch+json";
const QByteArray Strategic = "application/strategic-merge-patch+json";

// JSON written with single quotes, so the cases read as the documents do.
QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QJsonValue value(const char *text)
{
    // wrapped, so scalars and arrays parse too
    const QByteArray wrapped = "{\"v\":" + q(text) + '}';
    return QJsonDocument::fromJson(wrapped).object().value(QLatin1String("v"));
}

// The Deployment of the kubectl patch task: one nginx container and a toleration, plus what a
// live object carries.
QJsonObject patchDemo()
{
    return value(R"({'apiVersion':'apps/v1','kind':'Deployment',
      'metadata':{'name':'patch-demo','namespace':'default','resourceVersion':'7','uid':'u-1',
                  'creationTimestamp':'2026-01-01T00:00:00Z','finalizers':['a','b'],
                  'labels':{'app':'nginx','tier':'web'}},
      'spec':{'replicas':2,'selector':{'matchLabels':{'app':'nginx'}},
        'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},
        'template':{'metadata':{'labels':{'app':'nginx'}},
          'spec':{'containers':[{'name':'patch-demo-ctr','image':'nginx',
                                 'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
                                 'ports':[{'containerPort':80},{'containerPort':443}]},
                                {'name':'sidecar','image':'busybox'}],
                  'tolerations':[{'effect':'NoSchedule','key':'dedicated','value':'test-team'}],
                  'volumes':[{'name':'data','emptyDir':{}}]}}}})")
        .toObject();
}

QJsonObject service()
{
    return value(R"({'apiVersion':'v1','kind':'Service',
      'metadata':{'name':'web','namespace':'default','resourceVersion':'3'},
      'spec':{'ports':[{'name':'http','port':80,'targetPort':8080},{'name':'https','port':443}]}})")
        .toObject();
}

QJsonObject kustomization()
{
    return value(R"({'apiVersion':'kustomize.toolkit.fluxcd.io/v1','kind':'Kustomization',
      'metadata':{'name':'apps','namespace':'flux-system','resourceVersion':'9'},
      'spec':{'interval':'10m','path':'./apps','prune':true,'suspend':false}})")
        .toObject();
}

QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue v = object;
    for (const QString &key : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int i = key.toInt(&isIndex);
        v = isIndex ? v.toArray().at(i) : v.toObject().value(key);
    }
    return v;
}

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("v"), v}}).toJson(QJsonDocument::Compact));
}

} // namespace

class TestFakePatch : public QObject
{
    Q_OBJECT

private slots:
    // A patch that applies: the value at path afterwards.
    void applies_data()
    {
        QTest::addColumn<QJsonObject>("live");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("expected");

        const QJsonObject d = patchDemo();
        const QString containers = QStringLiteral("spec.template.spec.containers");

        // kubectl patch task: "Use a strategic merge patch to update a Deployment": the new
        // container joins the list (ahead of the ones the patch does not name), both kept.
        QTest::addRow("strategic: containers merge by name")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr-2','image':"
                 "'redis'}]}}}}")
            << containers << value(R"([{'name':'patch-demo-ctr-2','image':'redis'},
                 {'name':'patch-demo-ctr','image':'nginx',
                  'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
                  'ports':[{'containerPort':80},{'containerPort':443}]},
                 {'name':'sidecar','image':'busybox'}])");
        // "Notes on the strategic merge patch": tolerations carry no patch strategy: replaced.
        QTest::addRow("strategic: tolerations replaced whole")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'tolerations':[{'effect':'NoSchedule','key':"
                 "'disktype','value':'ssd'}]}}}}")
            << QStringLiteral("spec.template.spec.tolerations")
            << value("[{'effect':'NoSchedule','key':'disktype','value':'ssd'}]");
        // "Use a JSON merge patch to update a Deployment": the list is replaced.
        QTest::addRow("merge patch: containers replaced")
            << d << Merge
            << q("{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr-3','image':"
                 "'gcr.io/google-samples/hello-app:2.0'}]}}}}")
            << containers
            << value("[{'name':'patch-demo-ctr-3','image':'gcr.io/google-samples/hello-app:2.0'}]");
        QTest::addRow("merge patch: null removes a label")
            << d << Merge << q("{'metadata':{'labels':{'tier':null,'team':'blue'}}}")
            << QStringLiteral("metadata.labels") << value("{'app':'nginx','team':'blue'}");
        QTest::addRow("merge patch: custom resource suspended")
            << kustomization() << Merge << q("{'spec':{'suspend':true}}") << QStringLiteral("spec")
            << value("{'interval':'10m','path':'./apps','prune':true,"
                     "'suspend':true}");
        // "Use strategic merge patch to update a Deployment using the retainKeys strategy".
        QTest::addRow("strategic: $retainKeys drops rollingUpdate")
            << d << Strategic
            << q("{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}")
            << QStringLiteral("spec.strategy") << value("{'type':'Recreate'}");
        QTest::addRow("strategic: env merged by name")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr','env':[{"
                 "'name':'B','value':'3'}]}]}}}}")
            << containers + QStringLiteral(".0.env")
            << value("[{'name':'A','value':'1'},{'name':'B','value':'3'}]");
        QTest::addRow("strategic: container ports by containerPort")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr','ports':[{"
                 "'containerPort':80,'name':'http'}]}]}}}}")
            << containers + QStringLiteral(".0.ports")
            << value("[{'containerPort':80,'name':'http'},{'containerPort':443}]");
        QTest::addRow("strategic: $patch delete removes one container")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','$patch':'delete'"
                 "}]}}}}")
            << containers + QStringLiteral(".1") << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("strategic: $patch replace in a list")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'containers':[{'name':'only','image':'alpine'},{"
                 "'$patch':'replace'}]}}}}")
            << containers << value("[{'name':'only','image':'alpine'}]");
        QTest::addRow("strategic: $patch replace of a map")
            << d << Strategic << q("{'metadata':{'labels':{'$patch':'replace','new':'x'}}}")
            << QStringLiteral("metadata.labels") << value("{'new':'x'}");
        QTest::addRow("strategic: $patch delete of a map empties it")
            << d << Strategic << q("{'metadata':{'labels':{'$patch':'delete'}}}")
            << QStringLiteral("metadata.labels") << value("{}");
        QTest::addRow("strategic: finalizers merged as a set")
            << d << Strategic << q("{'metadata':{'finalizers':['b','c']}}")
            << QStringLiteral("metadata.finalizers") << value("['a','b','c']");
        QTest::addRow("strategic: $deleteFromPrimitiveList")
            << d << Strategic << q("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}")
            << QStringLiteral("metadata.finalizers") << value("['b']");
        QTest::addRow("strategic: $deleteFromPrimitiveList naming no field")
            << d << Strategic << q("{'metadata':{'$deleteFromPrimitiveList/':['a']}}")
            << QStringLiteral("metadata.finalizers") << value("['a','b']");
        QTest::addRow("strategic: $setElementOrder reorders")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'sidecar'},"
                 "{'name':'patch-demo-ctr'}],'containers':[{'name':'sidecar','image':'busybox:2'}"
                 "]}}}}")
            << containers + QStringLiteral(".0") << value("{'name':'sidecar','image':'busybox:2'}");
        QTest::addRow("strategic: volumes merge by name")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'volumes':[{'name':'cache','emptyDir':{}}]}}}}")
            << QStringLiteral("spec.template.spec.volumes")
            << value("[{'name':'cache','emptyDir':{}},{'name':'data','emptyDir':{}}]");
        QTest::addRow("strategic: Service ports by port")
            << service() << Strategic << q("{'spec':{'ports':[{'port':443,'targetPort':8443}]}}")
            << QStringLiteral("spec.ports")
            << value("[{'name':'http','port':80,'targetPort':8080},"
                     "{'name':'https','port':443,'targetPort':8443}]");
        QTest::addRow("strategic: null deletes a field")
            << d << Strategic << q("{'spec':{'replicas':null}}") << QStringLiteral("spec.replicas")
            << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("strategic: charset in the content type")
            << d << QByteArray("application/strategic-merge-patch+json; charset=utf-8")
            << q("{'spec':{'replicas':5}}") << QStringLiteral("spec.replicas") << value("5");

        QTest::addRow("json patch: replace")
            << d << Json << q("[{'op':'replace','path':'/spec/replicas','value':3}]")
            << QStringLiteral("spec.replicas") << value("3");
        QTest::addRow("json patch: add to the end of a list")
            << d << Json
            << q("[{'op':'add','path':'/spec/template/spec/containers/-','value':{'name':'x'}}]")
            << containers + QStringLiteral(".2") << value("{'name':'x'}");
        QTest::addRow("json patch: add inserts at an index")
            << d << Json << q("[{'op':'add','path':'/metadata/finalizers/0','value':'z'}]")
            << QStringLiteral("metadata.finalizers") << value("['z','a','b']");
        QTest::addRow("json patch: remove")
            << d << Json << q("[{'op':'remove','path':'/metadata/labels/tier'}]")
            << QStringLiteral("metadata.labels") << value("{'app':'nginx'}");
        QTest::addRow("json patch: test then replace")
            << d << Json
            << q("[{'op':'test','path':'/spec/replicas','value':2},"
                 "{'op':'replace','path':'/spec/replicas','value':4}]")
            << QStringLiteral("spec.replicas") << value("4");
        QTest::addRow("json patch: escaped key")
            << d << Json
            << q("[{'op':'add','path':'/metadata/annotations','value':{}},"
                 "{'op':'add','path':'/metadata/annotations/fluxcd.io~1reconcile','value':'1'}]")
            << QStringLiteral("metadata.annotations") << value("{'fluxcd.io/reconcile':'1'}");
        QTest::addRow("json patch: move")
            << d << Json
            << q("[{'op':'move','from':'/metadata/labels/tier','path':'/metadata/"
                 "labels/layer'}]")
            << QStringLiteral("metadata.labels") << value("{'app':'nginx','layer':'web'}");
        QTest::addRow("json patch: copy")
            << d << Json
            << q("[{'op':'copy','from':'/metadata/labels/app','path':'/metadata/"
                 "labels/name'}]")
            << QStringLiteral("metadata.labels")
            << value("{'app':'nginx','name':'nginx','tier':'web'}");
        QTest::addRow("json patch: custom resource")
            << kustomization() << Json
            << q("[{'op':'replace','path':'/spec/suspend','value':true}]")
            << QStringLiteral("spec.suspend") << value("true");
    }

    void applies()
    {
        QFETCH(QJsonObject, live);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, path);
        QFETCH(QJsonValue, expected);
        const QString group =
            live.value(QLatin1String("apiVersion")).toString().section(QLatin1Char('/'), -2, -2);
        const QString kind = live.value(QLatin1String("kind")).toString();
        const FakePatch::Outcome o = FakePatch::patch(group, kind, contentType, live, body);
        QVERIFY2(o.code == 200, qPrintable(QString::number(o.code) + QLatin1Char(' ') + o.message));
        QCOMPARE(compact(at(o.object, path)), compact(expected));
        // what the server owns stays
        for (const char *key : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"})
            QCOMPARE(at(o.object, QStringLiteral("metadata.") + QLatin1String(key)),
                     at(live, QStringLiteral("metadata.") + QLatin1String(key)));
        // no directive reaches the stored object
        QVERIFY2(!QJsonDocument(o.object).toJson().contains("\"$"),
                 QJsonDocument(o.object).toJson().constData());
    }

    // A patch the server refuses: its code and the start of its message.
    void refused_data()
    {
        QTest::addColumn<QJsonObject>("live");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");

        const QJsonObject d = patchDemo();
        const QString rejected =
            QStringLiteral("the server rejected our request due to an error in our request");
        QTest::addRow("strategic merge on a custom resource")
            << kustomization() << Strategic << q("{'spec':{'suspend':true}}") << 415
            << QStringLiteral("the body of the request was in an unknown format - accepted media "
                              "types include: application/json-patch+json, "
                              "application/merge-patch+json, application/apply-patch+yaml");
        QTest::addRow("unknown content type")
            << d << QByteArray("application/json") << q("{}") << 415
            << QStringLiteral("the body of the request was in an unknown format - accepted media "
                              "types include: application/json-patch+json, "
                              "application/merge-patch+json, "
                              "application/strategic-merge-patch+json, "
                              "application/apply-patch+yaml");
        QTest::addRow("stale resourceVersion")
            << d << Merge << q("{'metadata':{'resourceVersion':'6'},'spec':{'replicas':1}}") << 409
            << QStringLiteral("Operation cannot be fulfilled on deployments.apps \"patch-demo\": "
                              "the object has been modified; please apply your changes to the "
                              "latest version and try again");
        QTest::addRow("stale resourceVersion, strategic")
            << d << Strategic << q("{'metadata':{'resourceVersion':'1'}}") << 409
            << QStringLiteral("Operation cannot be fulfilled on deployments.apps");
        QTest::addRow("merge patch not JSON")
            << d << Merge << QByteArray("{spec:") << 400 << QStringLiteral("Invalid JSON Patch");
        QTest::addRow("json patch that is an object")
            << d << Json << q("{'op':'add'}") << 400
            << QStringLiteral("json: cannot unmarshal object into Go value of type "
                              "jsonpatch.Patch");
        QTest::addRow("json patch test fails")
            << d << Json << q("[{'op':'test','path':'/spec/replicas','value':3}]") << 422
            << rejected;
        QTest::addRow("json patch removes a missing key")
            << d << Json << q("[{'op':'remove','path':'/spec/paused'}]") << 422 << rejected;
        QTest::addRow("json patch replaces a missing key")
            << d << Json << q("[{'op':'replace','path':'/spec/paused','value':true}]") << 422
            << rejected;
        QTest::addRow("json patch with an unknown op")
            << d << Json << q("[{'op':'frobnicate','path':'/spec'}]") << 422 << rejected;
        QTest::addRow("json patch index out of range")
            << d << Json << q("[{'op':'add','path':'/metadata/finalizers/5','value':'x'}]") << 422
            << rejected;
        QTest::addRow("json patch renames the object")
            << d << Json << q("[{'op':'replace','path':'/metadata/name','value':'other'}]") << 400
            << QStringLiteral("the name of the object (other) does not match the name on the URL "
                              "(patch-demo)");
        QTest::addRow("strategic body not an object")
            << d << Strategic << q("[1]") << 400
            << QStringLiteral("json: cannot unmarshal array into Go value of type "
                              "map[string]interface {}");
        QTest::addRow("strategic body not JSON")
            << d << Strategic << QByteArray("spec: {}") << 400
            << QStringLiteral("invalid character 's' looking for beginning of value");
        QTest::addRow("$patch merge in a list")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'containers':[{'$patch':'merge'}]}}}}") << 500
            << QStringLiteral("merging lists cannot yet be specified in the patch");
        QTest::addRow("unknown $patch")
            << d << Strategic << q("{'metadata':{'labels':{'$patch':'explode'}}}") << 500
            << QStringLiteral("unknown patch type: explode in map: map[$patch:explode]");
        QTest::addRow("list element without its merge key")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'containers':[{'image':'redis'}]}}}}") << 500
            << QStringLiteral("map: map[image:redis] does not contain declared merge key: name");
        QTest::addRow("patch outside $retainKeys")
            << d << Strategic
            << q("{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':{}}}}") << 400
            << QStringLiteral("invalid patch format of retainKeys");
        QTest::addRow("$setElementOrder that is not a list")
            << d << Strategic
            << q("{'spec':{'template':{'spec':{'$setElementOrder/containers':'x'}}}}") << 500
            << QStringLiteral("expected a []interface {}, but received a string");
        QTest::addRow("list element types differ")
            << d << Strategic << q("{'metadata':{'finalizers':[['x']]}}") << 500
            << QStringLiteral("list element types are not identical: [[a b] [[x]]]");
        QJsonObject noFinalizers = d;
        QJsonObject meta = noFinalizers.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("finalizers"), QJsonArray());
        noFinalizers.insert(QStringLiteral("metadata"), meta);
        QTest::addRow("list of lists")
            << noFinalizers << Strategic << q("{'metadata':{'finalizers':[['x']]}}") << 422
            << QStringLiteral("lists of lists are not supported");
    }

    void refused()
    {
        QFETCH(QJsonObject, live);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString group =
            live.value(QLatin1String("apiVersion")).toString().section(QLatin1Char('/'), -2, -2);
        const QString kind = live.value(QLatin1String("kind")).toString();
        const FakePatch::Outcome o = FakePatch::patch(group, kind, contentType, live, body);
        QCOMPARE(o.code, code);
        QVERIFY2(o.message.startsWith(message), qPrintable(o.message));
        QVERIFY(o.object.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFakePatch)
#include "tst_fakepatch.moc"
