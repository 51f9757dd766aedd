#include "fakefluxcomponents.h"

#include "manifest/yamlwriter.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Fluxdesk::Testing {

namespace {

const QString fluxNs = QStringLiteral("flux-system");

struct CrdRow
{
    const char *component;
    const char *group; // before ".toolkit.fluxcd.io"
    const char *kind;
    const char *plural;
    const char *shortName;
    const char *category; // besides "all" and "fluxcd"
    bool url;             // a URL printer column
};

// Flux's toolkit kinds, as their CRDs name them (the CRDs in /work/shared/flux-crds and
// fluxcd/notification-controller, image-*-controller).
const CrdRow crdRows[] = {
    {"notification-controller", "notification", "Alert", "alerts", "", "", false},
    {"source-controller", "source", "Bucket", "buckets", "", "fluxcd-sources", true},
    {"source-controller", "source", "GitRepository", "gitrepositories", "gitrepo", "fluxcd-sources",
     true},
    {"source-controller", "source", "HelmChart", "helmcharts", "hc", "fluxcd-sources", false},
    {"helm-controller", "helm", "HelmRelease", "helmreleases", "hr", "fluxcd-appliers", false},
    {"source-controller", "source", "HelmRepository", "helmrepositories", "helmrepo",
     "fluxcd-sources", true},
    {"image-reflector-controller", "image", "ImagePolicy", "imagepolicies", "", "", false},
    {"image-reflector-controller", "image", "ImageRepository", "imagerepositories", "", "", false},
    {"image-automation-controller", "image", "ImageUpdateAutomation", "imageupdateautomations", "",
     "", false},
    {"kustomize-controller", "kustomize", "Kustomization", "kustomizations", "ks",
     "fluxcd-appliers", false},
    {"source-controller", "source", "OCIRepository", "ocirepositories", "ocirepo", "fluxcd-sources",
     true},
    {"notification-controller", "notification", "Provider", "providers", "", "", false},
    {"notification-controller", "notification", "Receiver", "receivers", "", "", false},
};

int fluxMinor(const QString &version)
{
    static const QRegularExpression re(QStringLiteral("^v?2\\.(\\d+)\\."));
    const QRegularExpressionMatch m = re.match(version);
    return m.hasMatch() ? m.captured(1).toInt() : 4;
}

// The versions a kind is served in for that Flux minor, the storage one first.
QStringList crdVersions(const QString &kind, int minor)
{
    const bool betasKept = minor < 7; // Flux 2.7 dropped the deprecated betas
    if (kind == QLatin1String("HelmRelease"))
        return minor < 3   ? QStringList{QStringLiteral("v2beta2"), QStringLiteral("v2beta1")}
               : betasKept ? QStringList{QStringLiteral("v2"), QStringLiteral("v2beta2"),
                                         QStringLiteral("v2beta1")}
                           : QStringList{QStringLiteral("v2")};
    if (kind == QLatin1String("OCIRepository"))
        return minor < 6 ? QStringList{QStringLiteral("v1beta2")}
                         : QStringList{QStringLiteral("v1"), QStringLiteral("v1beta2")};
    if (kind == QLatin1String("Bucket"))
        return minor < 5 ? QStringList{QStringLiteral("v1beta2")}
                         : QStringList{QStringLiteral("v1"), QStringLiteral("v1beta2")};
    if (kind == QLatin1String("Alert") || kind == QLatin1String("Provider"))
        return minor < 3 ? QStringList{QStringLiteral("v1beta2")}
                         : QStringList{QStringLiteral("v1beta3"), QStringLiteral("v1beta2")};
    if (kind == QLatin1String("Receiver"))
        return {QStringLiteral("v1"), QStringLiteral("v1beta2")};
    if (kind.startsWith(QLatin1String("Image")))
        return minor < 7 ? QStringList{QStringLiteral("v1beta2")}
                         : QStringList{QStringLiteral("v1"), QStringLiteral("v1beta2")};
    return betasKept ? QStringList{QStringLiteral("v1"), QStringLiteral("v1beta2")}
                     : QStringList{QStringLiteral("v1")};
}

QJsonObject labels(const QString &component, const QString &version)
{
    QJsonObject l{{QStringLiteral("app.kubernetes.io/instance"), fluxNs},
                  {QStringLiteral("app.kubernetes.io/part-of"), QStringLiteral("flux")},
                  {QStringLiteral("app.kubernetes.io/version"), version}};
    if (!component.isEmpty())
        l.insert(QStringLiteral("app.kubernetes.io/component"), component);
    return l;
}

QJsonObject object(const QString &apiVersion, const QString &kind, const QString &name,
                   const QJsonObject &labelSet, bool namespaced)
{
    QJsonObject metadata{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labelSet}};
    if (namespaced)
        metadata.insert(QStringLiteral("namespace"), fluxNs);
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("metadata"), metadata}};
}

QJsonObject column(const char *name, const char *type, const char *path)
{
    return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                       {QStringLiteral("type"), QLatin1String(type)},
                       {QStringLiteral("jsonPath"), QLatin1String(path)}};
}

QJsonObject crd(const CrdRow &row, const QString &version, int minor)
{
    const QString group = QLatin1String(row.group) + QStringLiteral(".toolkit.fluxcd.io");
    const QString plural = QLatin1String(row.plural);
    const QString kind = QLatin1String(row.kind);
    QJsonObject o = object(
        QStringLiteral("apiextensions.k8s.io/v1"), QStringLiteral("CustomResourceDefinition"),
        plural + QLatin1Char('.') + group, labels(QLatin1String(row.component), version), false);
    QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("annotations"),
                    QJsonObject{{QStringLiteral("controller-gen.kubebuilder.io/version"),
                                 QStringLiteral("v0.16.1")}});
    o.insert(QStringLiteral("metadata"), metadata);

    QJsonArray categories{QStringLiteral("all"), QStringLiteral("fluxcd")};
    if (*row.category)
        categories.append(QLatin1String(row.category));
    QJsonObject names{{QStringLiteral("kind"), kind},
                      {QStringLiteral("listKind"), QString(kind + QStringLiteral("List"))},
                      {QStringLiteral("plural"), plural},
                      {QStringLiteral("singular"), kind.toLower()},
                      {QStringLiteral("categories"), categories}};
    if (*row.shortName)
        names.insert(QStringLiteral("shortNames"), QJsonArray{QLatin1String(row.shortName)});

    QJsonArray columns;
    if (row.url)
        columns.append(column("URL", "string", ".spec.url"));
    columns.append(column("Age", "date", ".metadata.creationTimestamp"));
    columns.append(column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"));
    columns.append(column("Status", "string", ".status.conditions[?(@.type==\"Ready\")].message"));
    // Permissive: spec and status keep whatever they hold (the fake checks no field).
    const QJsonObject open{{QStringLiteral("type"), QStringLiteral("object")},
                           {QStringLiteral("x-kubernetes-preserve-unknown-fields"), true}};
    const QJsonObject schema{
        {QStringLiteral("openAPIV3Schema"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                     {QStringLiteral("properties"),
                      QJsonObject{{QStringLiteral("apiVersion"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                  {QStringLiteral("kind"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                  {QStringLiteral("metadata"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                                  {QStringLiteral("spec"), open},
                                  {QStringLiteral("status"), open}}}}}};
    QJsonArray versions;
    const QStringList served = crdVersions(kind, minor);
    for (int i = 0; i < served.size(); ++i) {
        QJsonObject v{{QStringLiteral("name"), served.at(i)},
                      {QStringLiteral("served"), true},
                      {QStringLiteral("storage"), i == 0},
                      {QStringLiteral("schema"), schema},
                      {QStringLiteral("subresources"),
                       QJsonObject{{QStringLiteral("status"), QJsonObject()}}},
                      {QStringLiteral("additionalPrinterColumns"), columns}};
        if (i > 0) {
            v.insert(QStringLiteral("deprecated"), true);
            v.insert(QStringLiteral("deprecationWarning"),
                     QStringLiteral("%1/%2 %3 is deprecated, upgrade to %4")
                         .arg(group, served.at(i), kind, served.first()));
        }
        versions.append(v);
    }
    o.insert(QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("group"), group},
                         {QStringLiteral("names"), names},
                         {QStringLiteral("scope"), QStringLiteral("Namespaced")},
                         {QStringLiteral("versions"), versions}});
    return o;
}

QJsonObject deployment(const QString &component, const QString &version)
{
    QJsonObject o = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"), component,
                           labels(component, version), true);
    QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
    QJsonObject l = metadata.value(QLatin1String("labels")).toObject();
    l.insert(QStringLiteral("control-plane"), QStringLiteral("controller"));
    metadata.insert(QStringLiteral("labels"), l);
    o.insert(QStringLiteral("metadata"), metadata);
    const QString image = QStringLiteral("ghcr.io/fluxcd/%1:%2")
                              .arg(component, fluxControllerVersion(version, component));
    QJsonArray args{QStringLiteral("--events-addr=http://notification-controller.flux-system."
                                   "svc.cluster.local./"),
                    QStringLiteral("--watch-all-namespaces=true"),
                    QStringLiteral("--log-level=info"), QStringLiteral("--log-encoding=json"),
                    QStringLiteral("--enable-leader-election")};
    if (component == QLatin1String("notification-controller"))
        args.removeFirst();
    QJsonArray ports{QJsonObject{{QStringLiteral("containerPort"), 8080},
                                 {QStringLiteral("name"), QStringLiteral("http-prom")},
                                 {QStringLiteral("protocol"), QStringLiteral("TCP")}},
                     QJsonObject{{QStringLiteral("containerPort"), 9440},
                                 {QStringLiteral("name"), QStringLiteral("healthz")},
                                 {QStringLiteral("protocol"), QStringLiteral("TCP")}}};
    if (component == QLatin1String("source-controller") ||
        component == QLatin1String("notification-controller"))
        ports.prepend(QJsonObject{{QStringLiteral("containerPort"), 9090},
                                  {QStringLiteral("name"), QStringLiteral("http")},
                                  {QStringLiteral("protocol"), QStringLiteral("TCP")}});
    const QJsonObject container{
        {QStringLiteral("name"), QStringLiteral("manager")},
        {QStringLiteral("image"), image},
        {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")},
        {QStringLiteral("args"), args},
        {QStringLiteral("env"),
         QJsonArray{
             QJsonObject{{QStringLiteral("name"), QStringLiteral("RUNTIME_NAMESPACE")},
                         {QStringLiteral("valueFrom"),
                          QJsonObject{{QStringLiteral("fieldRef"),
                                       QJsonObject{{QStringLiteral("fieldPath"),
                                                    QStringLiteral("metadata.namespace")}}}}}}}},
        {QStringLiteral("ports"), ports},
        {QStringLiteral("readinessProbe"),
         QJsonObject{{QStringLiteral("httpGet"),
                      QJsonObject{{QStringLiteral("path"), QStringLiteral("/readyz")},
                                  {QStringLiteral("port"), QStringLiteral("healthz")}}}}},
        {QStringLiteral("livenessProbe"),
         QJsonObject{{QStringLiteral("httpGet"),
                      QJsonObject{{QStringLiteral("path"), QStringLiteral("/healthz")},
                                  {QStringLiteral("port"), QStringLiteral("healthz")}}}}},
        {QStringLiteral("resources"),
         QJsonObject{{QStringLiteral("limits"),
                      QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1000m")},
                                  {QStringLiteral("memory"), QStringLiteral("1Gi")}}},
                     {QStringLiteral("requests"),
                      QJsonObject{{QStringLiteral("cpu"), QStringLiteral("100m")},
                                  {QStringLiteral("memory"), QStringLiteral("64Mi")}}}}},
        {QStringLiteral("securityContext"),
         QJsonObject{{QStringLiteral("allowPrivilegeEscalation"), false},
                     {QStringLiteral("readOnlyRootFilesystem"), true},
                     {QStringLiteral("runAsNonRoot"), true},
                     {QStringLiteral("capabilities"),
                      QJsonObject{{QStringLiteral("drop"), QJsonArray{QStringLiteral("ALL")}}}},
                     {QStringLiteral("seccompProfile"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("RuntimeDefault")}}}}},
        {QStringLiteral("volumeMounts"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("temp")},
                                {QStringLiteral("mountPath"), QStringLiteral("/tmp")}}}}};
    const QJsonObject selector{{QStringLiteral("app"), component}};
    QJsonObject podSpec{
        {QStringLiteral("containers"), QJsonArray{container}},
        {QStringLiteral("priorityClassName"), QStringLiteral("system-cluster-critical")},
        {QStringLiteral("securityContext"), QJsonObject{{QStringLiteral("fsGroup"), 1337}}},
        {QStringLiteral("serviceAccountName"), component},
        {QStringLiteral("terminationGracePeriodSeconds"), 10}};
    podSpec.insert(QStringLiteral("volumes"),
                   QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("temp")},
                                          {QStringLiteral("emptyDir"), QJsonObject()}}});
    const QJsonObject podMeta{
        {QStringLiteral("labels"), selector},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("prometheus.io/port"), QStringLiteral("8080")},
                     {QStringLiteral("prometheus.io/scrape"), QStringLiteral("true")}}}};
    o.insert(
        QStringLiteral("spec"),
        QJsonObject{
            {QStringLiteral("replicas"), 1},
            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), selector}}},
            {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), podMeta},
                                                     {QStringLiteral("spec"), podSpec}}}});
    return o;
}

QJsonObject service(const QString &name, const QString &component, const QString &version,
                    const QString &targetPort)
{
    QJsonObject o = object(QStringLiteral("v1"), QStringLiteral("Service"), name,
                           labels(component, version), true);
    o.insert(
        QStringLiteral("spec"),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("ClusterIP")},
                    {QStringLiteral("selector"), QJsonObject{{QStringLiteral("app"), component}}},
                    {QStringLiteral("ports"),
                     QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                            {QStringLiteral("port"), 80},
                                            {QStringLiteral("protocol"), QStringLiteral("TCP")},
                                            {QStringLiteral("targetPort"), targetPort}}}}});
    return o;
}

QJsonObject policy(const QString &name, const QString &version, const QJsonObject &spec)
{
    QJsonObject o = object(QStringLiteral("networking.k8s.io/v1"), QStringLiteral("NetworkPolicy"),
                           name, labels({}, version), true);
    o.insert(QStringLiteral("spec"), spec);
    return o;
}

} // namespace

QStringList fluxDefaultComponents()
{
    return {QStringLiteral("source-controller"), QStringLiteral("kustomize-controller"),
            QStringLiteral("helm-controller"), QStringLiteral("notification-controller")};
}

QString fluxControllerVersion(const QString &version, const QString &component)
{
    // Flux 2.x ships source-, kustomize- and notification-controller v1.x, helm-controller
    // v1.(x-3) and the image controllers v0.(29+x) until they went GA with Flux 2.7.
    const int minor = fluxMinor(version);
    if (component == QLatin1String("helm-controller"))
        return minor >= 3 ? QStringLiteral("v1.%1.0").arg(minor - 3)
                          : QStringLiteral("v0.%1.0").arg(35 + minor);
    if (component.startsWith(QLatin1String("image-")))
        return minor >= 7
                   ? QStringLiteral("v1.%1.0").arg(minor - 7)
                   : QStringLiteral("v0.%1.0").arg(
                         29 + minor + (component.contains(QLatin1String("automation")) ? 6 : 0));
    return QStringLiteral("v1.%1.0").arg(minor);
}

QList<QJsonObject> fluxComponentsObjects(const QString &versionIn, const QStringList &components)
{
    const QString version =
        versionIn.startsWith(QLatin1Char('v')) ? versionIn : QLatin1Char('v') + versionIn;
    const int minor = fluxMinor(version);
    QList<QJsonObject> out;

    QJsonObject ns = object(QStringLiteral("v1"), QStringLiteral("Namespace"), fluxNs,
                            labels({}, version), false);
    QJsonObject nsMeta = ns.value(QLatin1String("metadata")).toObject();
    QJsonObject nsLabels = nsMeta.value(QLatin1String("labels")).toObject();
    nsLabels.insert(QStringLiteral("pod-security.kubernetes.io/warn"),
                    QStringLiteral("restricted"));
    nsLabels.insert(QStringLiteral("pod-security.kubernetes.io/warn-version"),
                    QStringLiteral("latest"));
    nsMeta.insert(QStringLiteral("labels"), nsLabels);
    ns.insert(QStringLiteral("metadata"), nsMeta);
    out.append(ns);

    const QJsonObject allPods{{QStringLiteral("podSelector"), QJsonObject()}};
    out.append(
        policy(QStringLiteral("allow-egress"), version,
               QJsonObject{{QStringLiteral("egress"), QJsonArray{QJsonObject()}},
                           {QStringLiteral("ingress"),
                            QJsonArray{QJsonObject{{QStringLiteral("from"), QJsonArray{allPods}}}}},
                           {QStringLiteral("podSelector"), QJsonObject()},
                           {QStringLiteral("policyTypes"),
                            QJsonArray{QStringLiteral("Ingress"), QStringLiteral("Egress")}}}));
    out.append(policy(
        QStringLiteral("allow-scraping"), version,
        QJsonObject{
            {QStringLiteral("ingress"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("from"),
                  QJsonArray{QJsonObject{{QStringLiteral("namespaceSelector"), QJsonObject()}}}},
                 {QStringLiteral("ports"),
                  QJsonArray{QJsonObject{{QStringLiteral("port"), 8080},
                                         {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}}}},
            {QStringLiteral("podSelector"), QJsonObject()},
            {QStringLiteral("policyTypes"), QJsonArray{QStringLiteral("Ingress")}}}));

    QJsonObject crdController =
        object(QStringLiteral("rbac.authorization.k8s.io/v1"), QStringLiteral("ClusterRole"),
               QStringLiteral("crd-controller-flux-system"), labels({}, version), false);
    crdController.insert(
        QStringLiteral("rules"),
        QJsonArray{
            QJsonObject{{QStringLiteral("apiGroups"),
                         QJsonArray{QStringLiteral("source.toolkit.fluxcd.io"),
                                    QStringLiteral("kustomize.toolkit.fluxcd.io"),
                                    QStringLiteral("helm.toolkit.fluxcd.io"),
                                    QStringLiteral("notification.toolkit.fluxcd.io"),
                                    QStringLiteral("image.toolkit.fluxcd.io")}},
                        {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}},
                        {QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}}},
            QJsonObject{
                {QStringLiteral("apiGroups"), QJsonArray{QString()}},
                {QStringLiteral("resources"),
                 QJsonArray{QStringLiteral("namespaces"), QStringLiteral("secrets"),
                            QStringLiteral("configmaps"), QStringLiteral("serviceaccounts")}},
                {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get"), QStringLiteral("list"),
                                                     QStringLiteral("watch")}}},
            QJsonObject{{QStringLiteral("apiGroups"), QJsonArray{QString()}},
                        {QStringLiteral("resources"), QJsonArray{QStringLiteral("events")}},
                        {QStringLiteral("verbs"),
                         QJsonArray{QStringLiteral("create"), QStringLiteral("patch")}}}});
    out.append(crdController);
    for (const char *role : {"flux-edit-flux-system", "flux-view-flux-system"}) {
        QJsonObject aggregated =
            object(QStringLiteral("rbac.authorization.k8s.io/v1"), QStringLiteral("ClusterRole"),
                   QLatin1String(role), labels({}, version), false);
        QJsonObject meta = aggregated.value(QLatin1String("metadata")).toObject();
        QJsonObject l = meta.value(QLatin1String("labels")).toObject();
        const bool edit = QLatin1String(role).startsWith(QLatin1String("flux-edit"));
        l.insert(edit ? QStringLiteral("rbac.authorization.k8s.io/aggregate-to-admin")
                      : QStringLiteral("rbac.authorization.k8s.io/aggregate-to-view"),
                 QStringLiteral("true"));
        meta.insert(QStringLiteral("labels"), l);
        aggregated.insert(QStringLiteral("metadata"), meta);
        aggregated.insert(QStringLiteral("rules"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("apiGroups"),
                               QJsonArray{QStringLiteral("source.toolkit.fluxcd.io"),
                                          QStringLiteral("kustomize.toolkit.fluxcd.io"),
                                          QStringLiteral("helm.toolkit.fluxcd.io")}},
                              {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}},
                              {QStringLiteral("verbs"),
                               edit ? QJsonArray{QStringLiteral("create"), QStringLiteral("delete"),
                                                 QStringLiteral("patch"), QStringLiteral("update")}
                                    : QJsonArray{QStringLiteral("get"), QStringLiteral("list"),
                                                 QStringLiteral("watch")}}}});
        out.append(aggregated);
    }
    const auto binding = [&](const QString &name, const QString &role,
                             const QStringList &accounts) {
        QJsonObject b =
            object(QStringLiteral("rbac.authorization.k8s.io/v1"),
                   QStringLiteral("ClusterRoleBinding"), name, labels({}, version), false);
        b.insert(
            QStringLiteral("roleRef"),
            QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                        {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                        {QStringLiteral("name"), role}});
        QJsonArray subjects;
        for (const QString &account : accounts) {
            if (components.contains(account))
                subjects.append(
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("ServiceAccount")},
                                {QStringLiteral("name"), account},
                                {QStringLiteral("namespace"), fluxNs}});
        }
        b.insert(QStringLiteral("subjects"), subjects);
        return b;
    };
    out.append(
        binding(QStringLiteral("cluster-reconciler-flux-system"), QStringLiteral("cluster-admin"),
                {QStringLiteral("kustomize-controller"), QStringLiteral("helm-controller")}));
    out.append(binding(QStringLiteral("crd-controller-flux-system"),
                       QStringLiteral("crd-controller-flux-system"), components));

    for (const CrdRow &row : crdRows) {
        if (components.contains(QLatin1String(row.component)))
            out.append(crd(row, version, minor));
    }
    static const QStringList controllers{QStringLiteral("source-controller"),
                                         QStringLiteral("kustomize-controller"),
                                         QStringLiteral("helm-controller"),
                                         QStringLiteral("notification-controller"),
                                         QStringLiteral("image-reflector-controller"),
                                         QStringLiteral("image-automation-controller")};
    QStringList known;
    for (const QString &component : controllers) {
        if (components.contains(component))
            known.append(component);
    }
    for (const QString &component : std::as_const(known)) {
        out.append(object(QStringLiteral("v1"), QStringLiteral("ServiceAccount"), component,
                          labels(component, version), true));
    }
    if (known.contains(QLatin1String("notification-controller"))) {
        out.append(service(QStringLiteral("notification-controller"),
                           QStringLiteral("notification-controller"), version,
                           QStringLiteral("http")));
    }
    if (known.contains(QLatin1String("source-controller")))
        out.append(service(QStringLiteral("source-controller"), QStringLiteral("source-controller"),
                           version, QStringLiteral("http")));
    if (known.contains(QLatin1String("notification-controller")))
        out.append(service(QStringLiteral("webhook-receiver"),
                           QStringLiteral("notification-controller"), version,
                           QStringLiteral("http-webhook")));
    for (const QString &component : std::as_const(known))
        out.append(deployment(component, version));
    return out;
}

QByteArray fluxComponentsManifest(const QString &versionIn, const QStringList &components)
{
    const QString version =
        versionIn.startsWith(QLatin1Char('v')) ? versionIn : QLatin1Char('v') + versionIn;
    const QString header =
        QStringLiteral("---\n# This manifest was generated by flux. DO NOT EDIT.\n"
                       "# Flux Version: %1\n# Components: %2\n")
            .arg(version, components.join(QLatin1Char(',')));
    return (header + toYamlDocuments(fluxComponentsObjects(version, components))).toUtf8();
}

} // namespace Fluxdesk::Testing
