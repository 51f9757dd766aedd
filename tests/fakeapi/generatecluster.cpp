// Many nested QJsonObject initializers with concatenated strings: QStringBuilder's lazy types do
// not convert to QJsonValue, so this file uses plain QString concatenation.
#undef QT_USE_QSTRINGBUILDER
#include "fakeapiserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

namespace Fluxdesk::Testing {

namespace {

const char *const Namespaces[] = {
    "default",       "kube-system",     "kube-public", "flux-system", "cert-manager",
    "ingress-nginx", "longhorn-system", "monitoring",  "logging",     "llm",
    "media",         "home-automation", "database",    "auth",        "backup",
    "git",           "registry",        "dns",         "nextcloud",   "dashboard",
};
const char *const Apps[] = {"web",    "api",      "worker",  "cache",   "db",
                            "proxy",  "exporter", "ui",      "sync",    "scheduler",
                            "broker", "gateway",  "indexer", "storage", "notifier"};

// Builds objects in a fixed order with stable uids, timestamps and resourceVersions.
class Generator
{
public:
    QList<QJsonObject> objects;

    QJsonObject make(const QString &apiVersion, const QString &kind, const QString &ns,
                     const QString &name, const QJsonObject &labels = {})
    {
        ++m_sequence;
        QJsonObject metadata{
            {QStringLiteral("name"), name},
            {QStringLiteral("uid"), uid(kind, ns, name)},
            {QStringLiteral("resourceVersion"), QString::number(10000 + m_sequence)},
            {QStringLiteral("creationTimestamp"), QDateTime(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC)
                                                      .addSecs(m_sequence * 37)
                                                      .toString(Qt::ISODate)},
        };
        if (!ns.isEmpty())
            metadata.insert(QStringLiteral("namespace"), ns);
        if (!labels.isEmpty())
            metadata.insert(QStringLiteral("labels"), labels);
        return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                           {QStringLiteral("kind"), kind},
                           {QStringLiteral("metadata"), metadata}};
    }

    static QString uid(const QString &kind, const QString &ns, const QString &name)
    {
        static const QUuid base(QStringLiteral("{8f0f4b52-3c55-4a5e-9f0e-6d1f6f1de001}"));
        return QUuid::createUuidV5(base, kind + QLatin1Char('/') + ns + QLatin1Char('/') + name)
            .toString(QUuid::WithoutBraces);
    }

    static void setMeta(QJsonObject &object, const QString &key, const QJsonValue &value)
    {
        QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        metadata.insert(key, value);
        object.insert(QStringLiteral("metadata"), metadata);
    }

    static QJsonArray ownedBy(const QString &apiVersion, const QString &kind, const QString &ns,
                              const QString &name)
    {
        return QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                                      {QStringLiteral("kind"), kind},
                                      {QStringLiteral("name"), name},
                                      {QStringLiteral("uid"), uid(kind, ns, name)},
                                      {QStringLiteral("controller"), true},
                                      {QStringLiteral("blockOwnerDeletion"), true}}};
    }

    static QString hashOf(const QString &text, int length)
    {
        static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1);
        QString out;
        for (int i = 0; i < length; ++i)
            out += QLatin1Char(alphabet[quint8(digest.at(i)) % 27]);
        return out;
    }

    int m_sequence = 0;
};

QJsonObject podSpec(const QString &app, int index)
{
    return QJsonObject{
        {QStringLiteral("serviceAccountName"), app},
        {QStringLiteral("containers"),
         QJsonArray{QJsonObject{
             {QStringLiteral("name"), app},
             {QStringLiteral("image"), QStringLiteral("registry.example.org/homelab/") + app +
                                           QStringLiteral(":1.") + QString::number(index % 9)},
             {QStringLiteral("ports"),
              QJsonArray{QJsonObject{{QStringLiteral("containerPort"), 8080},
                                     {QStringLiteral("name"), QStringLiteral("http")}}}},
             {QStringLiteral("envFrom"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("configMapRef"),
                   QJsonObject{{QStringLiteral("name"), app + QStringLiteral("-config")}}}}}},
             {QStringLiteral("resources"),
              QJsonObject{{QStringLiteral("requests"),
                           QJsonObject{{QStringLiteral("cpu"), QStringLiteral("100m")},
                                       {QStringLiteral("memory"), QStringLiteral("128Mi")}}}}},
         }}},
    };
}

} // namespace

QList<QJsonObject> generateCluster(int count)
{
    Generator g;
    QList<QJsonObject> &out = g.objects;
    if (count <= 0)
        return out;
    const QString v1 = QStringLiteral("v1");
    const QString appsV1 = QStringLiteral("apps/v1");

    for (const char *ns : Namespaces) {
        QJsonObject o =
            g.make(v1, QStringLiteral("Namespace"), {}, QString::fromLatin1(ns),
                   {{QStringLiteral("kubernetes.io/metadata.name"), QString::fromLatin1(ns)}});
        o.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("finalizers"),
                                                      QJsonArray{QStringLiteral("kubernetes")}}});
        o.insert(QStringLiteral("status"),
                 QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}});
        out.append(o);
    }
    for (int n = 0; n < 3; ++n) {
        const QString name = QStringLiteral("node-") + QString::number(n + 1);
        QJsonObject o = g.make(v1, QStringLiteral("Node"), {}, name,
                               {{QStringLiteral("kubernetes.io/hostname"), name},
                                {QStringLiteral("node-role.kubernetes.io/control-plane"),
                                 n == 0 ? QStringLiteral("true") : QString()}});
        o.insert(
            QStringLiteral("spec"),
            QJsonObject{{QStringLiteral("podCIDR"),
                         QStringLiteral("10.42.") + QString::number(n) + QStringLiteral(".0/24")}});
        out.append(o);
    }

    const int namespaceCount = int(std::size(Namespaces));
    const int appCount = int(std::size(Apps));
    for (int a = 0; out.size() < count; ++a) {
        const QString ns = QString::fromLatin1(Namespaces[a % namespaceCount]);
        const int round = a / namespaceCount;
        QString app = QString::fromLatin1(Apps[(a % namespaceCount + round) % appCount]);
        if (round >= appCount)
            app += QLatin1Char('-') + QString::number(round / appCount);
        const QJsonObject labels{{QStringLiteral("app.kubernetes.io/name"), app},
                                 {QStringLiteral("app.kubernetes.io/part-of"), ns}};
        const QJsonObject selector{{QStringLiteral("matchLabels"),
                                    QJsonObject{{QStringLiteral("app.kubernetes.io/name"), app}}}};

        out.append(g.make(v1, QStringLiteral("ServiceAccount"), ns, app, labels));

        QJsonObject cm =
            g.make(v1, QStringLiteral("ConfigMap"), ns, app + QStringLiteral("-config"), labels);
        cm.insert(QStringLiteral("data"),
                  QJsonObject{{QStringLiteral("LOG_LEVEL"), QStringLiteral("info")},
                              {QStringLiteral("config.yaml"),
                               QStringLiteral("listen: :8080\nname: ") + app + QLatin1Char('\n')}});
        out.append(cm);

        QJsonObject secret =
            g.make(v1, QStringLiteral("Secret"), ns, app + QStringLiteral("-credentials"), labels);
        secret.insert(QStringLiteral("type"), QStringLiteral("Opaque"));
        secret.insert(
            QStringLiteral("data"),
            QJsonObject{{QStringLiteral("password"),
                         QString::fromLatin1(g.hashOf(app + ns, 16).toLatin1().toBase64())}});
        out.append(secret);

        // Workload: mostly Deployments, some StatefulSets and DaemonSets.
        const bool stateful = a % 7 == 3;
        const bool daemon = !stateful && a % 11 == 5;
        const QString workloadKind = stateful ? QStringLiteral("StatefulSet")
                                     : daemon ? QStringLiteral("DaemonSet")
                                              : QStringLiteral("Deployment");
        QJsonObject workload = g.make(appsV1, workloadKind, ns, app, labels);
        QJsonObject template_{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
            {QStringLiteral("spec"), podSpec(app, a)}};
        QJsonObject spec{{QStringLiteral("selector"), selector},
                         {QStringLiteral("template"), template_}};
        if (!daemon)
            spec.insert(QStringLiteral("replicas"), 2);
        if (stateful)
            spec.insert(QStringLiteral("serviceName"), app);
        workload.insert(QStringLiteral("spec"), spec);
        workload.insert(QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("observedGeneration"), 1},
                                    {QStringLiteral("readyReplicas"), daemon ? 3 : 2}});
        Generator::setMeta(workload, QStringLiteral("generation"), 1);
        if (a % 3 == 0) {
            Generator::setMeta(
                workload, QStringLiteral("managedFields"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("manager"), QStringLiteral("kubectl-client-side-apply")},
                    {QStringLiteral("operation"), QStringLiteral("Update")},
                    {QStringLiteral("apiVersion"), appsV1},
                    {QStringLiteral("time"), QStringLiteral("2025-03-01T08:00:00Z")},
                    {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                    {QStringLiteral("fieldsV1"),
                     QJsonObject{{QStringLiteral("f:spec"),
                                  QJsonObject{{QStringLiteral("f:replicas"), QJsonObject()}}}}}}});
        }
        out.append(workload);

        QString podOwnerKind = workloadKind;
        QString podOwnerName = app;
        if (!stateful && !daemon) {
            const QString rsName = app + QLatin1Char('-') + Generator::hashOf(ns + app, 10);
            QJsonObject rs = g.make(appsV1, QStringLiteral("ReplicaSet"), ns, rsName, labels);
            Generator::setMeta(rs, QStringLiteral("ownerReferences"),
                               Generator::ownedBy(appsV1, workloadKind, ns, app));
            rs.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 2},
                                                          {QStringLiteral("selector"), selector},
                                                          {QStringLiteral("template"), template_}});
            out.append(rs);
            podOwnerKind = QStringLiteral("ReplicaSet");
            podOwnerName = rsName;
        } else {
            QJsonObject revision =
                g.make(appsV1, QStringLiteral("ControllerRevision"), ns,
                       app + QLatin1Char('-') + Generator::hashOf(app + ns, 10), labels);
            Generator::setMeta(revision, QStringLiteral("ownerReferences"),
                               Generator::ownedBy(appsV1, workloadKind, ns, app));
            revision.insert(QStringLiteral("revision"), 1);
            out.append(revision);
        }
        for (int p = 0; p < 2; ++p) {
            const QString podName =
                stateful ? app + QLatin1Char('-') + QString::number(p)
                         : podOwnerName + QLatin1Char('-') +
                               Generator::hashOf(podOwnerName + QString::number(p), 5);
            QJsonObject pod = g.make(v1, QStringLiteral("Pod"), ns, podName, labels);
            Generator::setMeta(pod, QStringLiteral("ownerReferences"),
                               Generator::ownedBy(appsV1, podOwnerKind, ns, podOwnerName));
            QJsonObject ps = podSpec(app, a);
            ps.insert(QStringLiteral("nodeName"),
                      QStringLiteral("node-") + QString::number(1 + (a + p) % 3));
            pod.insert(QStringLiteral("spec"), ps);
            pod.insert(QStringLiteral("status"),
                       QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                                   {QStringLiteral("podIP"),
                                    QStringLiteral("10.42.") + QString::number((a + p) % 3) +
                                        QLatin1Char('.') + QString::number(2 + a % 250)}});
            out.append(pod);
        }

        QJsonObject service = g.make(v1, QStringLiteral("Service"), ns, app, labels);
        service.insert(QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("ClusterIP")},
                                   {QStringLiteral("clusterIP"),
                                    QStringLiteral("10.43.") + QString::number(a / 250 % 250) +
                                        QLatin1Char('.') + QString::number(a % 250 + 1)},
                                   {QStringLiteral("selector"),
                                    QJsonObject{{QStringLiteral("app.kubernetes.io/name"), app}}},
                                   {QStringLiteral("ports"),
                                    QJsonArray{QJsonObject{
                                        {QStringLiteral("name"), QStringLiteral("http")},
                                        {QStringLiteral("port"), 80},
                                        {QStringLiteral("targetPort"), QStringLiteral("http")},
                                        {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}});
        out.append(service);

        QJsonObject endpoints = g.make(v1, QStringLiteral("Endpoints"), ns, app, labels);
        endpoints.insert(
            QStringLiteral("subsets"),
            QJsonArray{QJsonObject{
                {QStringLiteral("addresses"),
                 QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("10.42.0.") +
                                                                   QString::number(2 + a % 250)}}}},
                {QStringLiteral("ports"),
                 QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                        {QStringLiteral("port"), 8080}}}}}});
        out.append(endpoints);

        QJsonObject event =
            g.make(v1, QStringLiteral("Event"), ns,
                   app + QLatin1Char('.') + Generator::hashOf(app + ns + QStringLiteral("ev"), 12));
        event.insert(QStringLiteral("reason"), QStringLiteral("Scheduled"));
        event.insert(QStringLiteral("type"), QStringLiteral("Normal"));
        event.insert(QStringLiteral("message"),
                     QStringLiteral("Successfully assigned ") + ns + QLatin1Char('/') + app);
        event.insert(QStringLiteral("involvedObject"),
                     QJsonObject{{QStringLiteral("kind"), workloadKind},
                                 {QStringLiteral("namespace"), ns},
                                 {QStringLiteral("name"), app}});
        out.append(event);

        if (a % 2 == 0) {
            const QString pvName =
                QStringLiteral("pvc-") + Generator::uid(QStringLiteral("PV"), ns, app);
            QJsonObject pvc = g.make(v1, QStringLiteral("PersistentVolumeClaim"), ns,
                                     app + QStringLiteral("-data"), labels);
            pvc.insert(QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("accessModes"),
                                    QJsonArray{QStringLiteral("ReadWriteOnce")}},
                                   {QStringLiteral("storageClassName"), QStringLiteral("longhorn")},
                                   {QStringLiteral("volumeName"), pvName},
                                   {QStringLiteral("resources"),
                                    QJsonObject{{QStringLiteral("requests"),
                                                 QJsonObject{{QStringLiteral("storage"),
                                                              QStringLiteral("1Gi")}}}}}});
            out.append(pvc);
            QJsonObject pv = g.make(v1, QStringLiteral("PersistentVolume"), {}, pvName);
            pv.insert(QStringLiteral("spec"),
                      QJsonObject{
                          {QStringLiteral("capacity"),
                           QJsonObject{{QStringLiteral("storage"), QStringLiteral("1Gi")}}},
                          {QStringLiteral("storageClassName"), QStringLiteral("longhorn")},
                          {QStringLiteral("claimRef"),
                           QJsonObject{{QStringLiteral("namespace"), ns},
                                       {QStringLiteral("name"), app + QStringLiteral("-data")}}}});
            out.append(pv);
        }
        if (a % 3 == 1) {
            QJsonObject ingress = g.make(QStringLiteral("networking.k8s.io/v1"),
                                         QStringLiteral("Ingress"), ns, app, labels);
            const QJsonObject backend{{QStringLiteral("service"),
                                       QJsonObject{{QStringLiteral("name"), app},
                                                   {QStringLiteral("port"),
                                                    QJsonObject{{QStringLiteral("number"), 80}}}}}};
            const QJsonObject path{{QStringLiteral("path"), QStringLiteral("/")},
                                   {QStringLiteral("pathType"), QStringLiteral("Prefix")},
                                   {QStringLiteral("backend"), backend}};
            const QJsonObject rule{
                {QStringLiteral("host"),
                 app + QLatin1Char('.') + ns + QStringLiteral(".home.example.org")},
                {QStringLiteral("http"), QJsonObject{{QStringLiteral("paths"), QJsonArray{path}}}}};
            ingress.insert(
                QStringLiteral("spec"),
                QJsonObject{{QStringLiteral("ingressClassName"), QStringLiteral("nginx")},
                            {QStringLiteral("rules"), QJsonArray{rule}}});
            out.append(ingress);
        }
        if (a % 4 == 2) {
            QJsonObject hr =
                g.make(QStringLiteral("helm.toolkit.fluxcd.io/v2"), QStringLiteral("HelmRelease"),
                       ns, app + QStringLiteral("-chart"), labels);
            const QJsonObject sourceRef{
                {QStringLiteral("kind"), QStringLiteral("HelmRepository")},
                {QStringLiteral("name"), QStringLiteral("homelab")},
                {QStringLiteral("namespace"), QStringLiteral("flux-system")}};
            const QJsonObject chart{{QStringLiteral("chart"), app},
                                    {QStringLiteral("version"), QStringLiteral("1.x")},
                                    {QStringLiteral("sourceRef"), sourceRef}};
            hr.insert(QStringLiteral("spec"),
                      QJsonObject{
                          {QStringLiteral("interval"), QStringLiteral("30m")},
                          {QStringLiteral("chart"), QJsonObject{{QStringLiteral("spec"), chart}}}});
            out.append(hr);
        }
    }
    while (out.size() > count)
        out.removeLast();
    return out;
}

} // namespace Fluxdesk::Testing
