// The structural checker itself: it must fail on each kind of mistake, or the conversion tests
// that rely on it prove nothing.
#include "schemacheck.h"

#include <QJsonArray>
#include <QtTest>

using namespace Fluxdesk;
using namespace Fluxdesk::Testing;

namespace {

QJsonObject goodHelmRelease()
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("helm.toolkit.fluxcd.io/v2")},
        {QStringLiteral("kind"), QStringLiteral("HelmRelease")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("loki")},
                     {QStringLiteral("namespace"), QStringLiteral("logging")}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("interval"), QStringLiteral("10m")},
             {QStringLiteral("releaseName"), QStringLiteral("loki")},
             {QStringLiteral("chart"),
              QJsonObject{{QStringLiteral("spec"),
                           QJsonObject{{QStringLiteral("chart"), QStringLiteral("loki")},
                                       {QStringLiteral("version"), QStringLiteral("6.21.0")},
                                       {QStringLiteral("sourceRef"),
                                        QJsonObject{{QStringLiteral("kind"),
                                                     QStringLiteral("HelmRepository")},
                                                    {QStringLiteral("name"),
                                                     QStringLiteral("grafana-community")}}}}}}},
             {QStringLiteral("install"),
              QJsonObject{
                  {QStringLiteral("remediation"), QJsonObject{{QStringLiteral("retries"), 3}}}}},
             {QStringLiteral("values"),
              QJsonObject{{QStringLiteral("anything"),
                           QJsonObject{{QStringLiteral("goes"), QJsonArray{1, true}}}}}}}}};
}

// Sets the value at a dotted path (creating maps on the way); an undefined value removes it.
QJsonObject withValue(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    const QString key = path.first();
    if (path.size() == 1) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return object;
    }
    object.insert(key, withValue(object.value(key).toObject(), path.mid(1), value));
    return object;
}

} // namespace

class TestSchemaCheck : public QObject
{
    Q_OBJECT

    SchemaSet m_schemas;

private slots:
    void initTestCase()
    {
        const Result<SchemaSet> loaded =
            SchemaSet::load(QStringLiteral(FLUXDESK_TEST_DATA "/flux-schema"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        m_schemas = *loaded;
        const QStringList kinds = m_schemas.kinds();
        QVERIFY(kinds.contains(QStringLiteral("helm.toolkit.fluxcd.io/v2 HelmRelease")));
        QVERIFY(kinds.contains(QStringLiteral("source.toolkit.fluxcd.io/v1 HelmRepository")));
        QVERIFY(kinds.contains(QStringLiteral("source.toolkit.fluxcd.io/v1 OCIRepository")));
        QVERIFY(kinds.contains(QStringLiteral("kustomize.toolkit.fluxcd.io/v1 Kustomization")));
        QVERIFY(kinds.contains(QStringLiteral("v1 Secret")));
    }

    void acceptsAGoodObject()
    {
        const QStringList errors = m_schemas.validate(goodHelmRelease());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void rejects_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        const QJsonValue remove(QJsonValue::Undefined);
        QTest::addRow("unknown spec field")
            << QStringList{QStringLiteral("spec"), QStringLiteral("releasName")}
            << QJsonValue(QStringLiteral("loki"))
            << QStringLiteral("spec.releasName: unknown field");
        QTest::addRow("unknown nested field")
            << QStringList{QStringLiteral("spec"), QStringLiteral("install"),
                           QStringLiteral("remediation"), QStringLiteral("retry")}
            << QJsonValue(3) << QStringLiteral("spec.install.remediation.retry: unknown field");
        QTest::addRow("unknown metadata field")
            << QStringList{QStringLiteral("metadata"), QStringLiteral("nmespace")}
            << QJsonValue(QStringLiteral("x")) << QStringLiteral("metadata.nmespace: unknown");
        QTest::addRow("status is not generated")
            << QStringList{QStringLiteral("status")} << QJsonValue(QJsonObject())
            << QStringLiteral("status: unknown field");
        QTest::addRow("wrong type integer")
            << QStringList{QStringLiteral("spec"), QStringLiteral("install"),
                           QStringLiteral("remediation"), QStringLiteral("retries")}
            << QJsonValue(QStringLiteral("3")) << QStringLiteral("expected integer, got string");
        QTest::addRow("fraction is not an integer")
            << QStringList{QStringLiteral("spec"), QStringLiteral("install"),
                           QStringLiteral("remediation"), QStringLiteral("retries")}
            << QJsonValue(2.5) << QStringLiteral("expected integer");
        QTest::addRow("wrong type object")
            << QStringList{QStringLiteral("spec"), QStringLiteral("chart")}
            << QJsonValue(QStringLiteral("loki")) << QStringLiteral("spec.chart: expected object");
        QTest::addRow("missing required interval")
            << QStringList{QStringLiteral("spec"), QStringLiteral("interval")} << remove
            << QStringLiteral("spec.interval: missing required field");
        QTest::addRow("missing required sourceRef")
            << QStringList{QStringLiteral("spec"), QStringLiteral("chart"), QStringLiteral("spec"),
                           QStringLiteral("sourceRef")}
            << remove << QStringLiteral("spec.chart.spec.sourceRef: missing required field");
        QTest::addRow("missing metadata name")
            << QStringList{QStringLiteral("metadata"), QStringLiteral("name")} << remove
            << QStringLiteral("metadata.name: missing required field");
        QTest::addRow("enum") << QStringList{QStringLiteral("spec"), QStringLiteral("install"),
                                             QStringLiteral("crds")}
                              << QJsonValue(QStringLiteral("Replace"))
                              << QStringLiteral("not one of");
        QTest::addRow("source kind enum")
            << QStringList{QStringLiteral("spec"), QStringLiteral("chart"), QStringLiteral("spec"),
                           QStringLiteral("sourceRef"), QStringLiteral("kind")}
            << QJsonValue(QStringLiteral("OCIRepository")) << QStringLiteral("not one of");
        QTest::addRow("interval pattern")
            << QStringList{QStringLiteral("spec"), QStringLiteral("interval")}
            << QJsonValue(QStringLiteral("10 minutes")) << QStringLiteral("does not match");
        QTest::addRow("releaseName too long")
            << QStringList{QStringLiteral("spec"), QStringLiteral("releaseName")}
            << QJsonValue(QString(54, QLatin1Char('a'))) << QStringLiteral("longer than 53");
        QTest::addRow("label values are strings")
            << QStringList{QStringLiteral("metadata"), QStringLiteral("labels"),
                           QStringLiteral("tier")}
            << QJsonValue(1) << QStringLiteral("metadata.labels.tier: expected string");
        QTest::addRow("old apiVersion")
            << QStringList{QStringLiteral("apiVersion")}
            << QJsonValue(QStringLiteral("helm.toolkit.fluxcd.io/v2beta1"))
            << QStringLiteral("no schema for helm.toolkit.fluxcd.io/v2beta1");
    }

    void rejects()
    {
        QFETCH(QStringList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QStringList errors = m_schemas.validate(withValue(goodHelmRelease(), path, value));
        QVERIFY2(!errors.isEmpty(), "the checker accepted a broken object");
        QVERIFY2(errors.join(QLatin1Char('\n')).contains(expected),
                 qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void preservesUnknownFieldsOnlyWhereMarked()
    {
        // values takes anything; the same content one level up does not pass.
        QJsonObject hr = goodHelmRelease();
        QVERIFY(m_schemas.validate(hr).isEmpty());
        hr = withValue(hr, {QStringLiteral("spec"), QStringLiteral("anything")}, 1);
        QVERIFY(!m_schemas.validate(hr).isEmpty());
    }

    void checksOtherKinds()
    {
        const QJsonObject oci{
            {QStringLiteral("apiVersion"), QStringLiteral("source.toolkit.fluxcd.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("OCIRepository")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("interval"), QStringLiteral("1h")},
                         {QStringLiteral("url"), QStringLiteral("https://example.org/x")}}}};
        QVERIFY(m_schemas.validate(oci)
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("spec.url: \"https://example.org/x\" does not match")));
        const QJsonObject kustomization{
            {QStringLiteral("apiVersion"), QStringLiteral("kustomize.toolkit.fluxcd.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("Kustomization")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("interval"), QStringLiteral("1h")},
                                                 {QStringLiteral("path"), QStringLiteral("./x")}}}};
        const QString errors = m_schemas.validate(kustomization).join(QLatin1Char(' '));
        QVERIFY2(errors.contains(QLatin1String("spec.prune: missing required field")),
                 qPrintable(errors));
        QVERIFY2(errors.contains(QLatin1String("spec.sourceRef: missing required field")),
                 qPrintable(errors));
    }
};

QTEST_GUILESS_MAIN(TestSchemaCheck)
#include "tst_schemacheck.moc"
