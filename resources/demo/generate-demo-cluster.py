#!/usr/bin/env python3
"""Writes demo-cluster.yaml: the built-in demo cluster, modelled on the homelab in
infra-roadmap.md (K3s, two nodes, five Helm releases, two hand-applied workloads).

The output is what `kubectl get ... -o yaml` shows, server fields included. Helm release records
are encoded exactly as Helm 3's Secret driver stores them: the Secret's data.release is
base64(base64(gzip(release JSON))). Deterministic: fixed uids, timestamps and gzip mtime, so
re-running it gives the same file.

On top of the owner's work it holds what a real K3s cluster holds besides (realism(), modelled on
tests/data/k3s, whose README explains each group): managedFields on every object, bootstrap RBAC,
APF, the system PriorityClasses, CSINodes, metrics readings, K3s's traefik HelmChart and release,
the owner's HelmChartConfig, Flux's left-over CRDs, Envoy Gateway's CRDs and generated proxy.

Usage: python3 generate-demo-cluster.py > demo-cluster.yaml   (needs PyYAML)
"""

import base64
import copy
import gzip
import hashlib
import json
import sys
import uuid

import yaml

from managedfields import finalize_managed, mf, owned_view, pick

OBJECTS = []
RV = [41000]
NS_UID = uuid.UUID("6f1f3b52-1c2e-4c8e-9f0a-2b7d0c1e9a10")
CREATED = "2025-06-14T09:21:07Z"


def uid(*parts):
    return str(uuid.uuid5(NS_UID, "/".join(parts)))


def next_rv():
    RV[0] += 137
    return str(RV[0])


def meta(kind, name, ns=None, labels=None, annotations=None, owner=None, created=CREATED,
         extra=None):
    m = {"name": name}
    if ns:
        m["namespace"] = ns
    if labels:
        m["labels"] = dict(labels)
    if annotations:
        m["annotations"] = dict(annotations)
    m["uid"] = uid(kind, ns or "", name)
    m["resourceVersion"] = next_rv()
    m["creationTimestamp"] = created
    if owner:
        okind, oname, oapi = owner
        m["ownerReferences"] = [{
            "apiVersion": oapi, "kind": okind, "name": oname,
            "uid": uid(okind, ns or "", oname), "controller": True,
            "blockOwnerDeletion": True}]
    if extra:
        m.update(extra)
    return m


def add(obj):
    OBJECTS.append(obj)
    return obj


def helm_labels(release, name, chart, app_version, component=None):
    labels = {
        "app.kubernetes.io/instance": release,
        "app.kubernetes.io/managed-by": "Helm",
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/version": app_version,
        "helm.sh/chart": chart,
    }
    if component:
        labels["app.kubernetes.io/component"] = component
    return labels


def helm_annotations(release, ns):
    return {"meta.helm.sh/release-name": release, "meta.helm.sh/release-namespace": ns}


def container(name, image, ports=(), **extra):
    c = {"name": name, "image": image}
    if ports:
        c["ports"] = [{"name": pname, "containerPort": port, "protocol": "TCP"}
                      for pname, port in ports]
    c.update(extra)
    return c


def pod_spec(containers, **extra):
    spec = {"containers": containers, "restartPolicy": "Always"}
    spec.update(extra)
    return spec


def deployment(name, ns, labels, annotations, selector, spec_extra, containers, replicas=1,
               rs_hash="5d8f7c9b4", pod_suffix="x7k2p", node="node1", created=CREATED,
               managed_fields=None, children=True):
    pod_labels = dict(selector)
    extra = {"generation": 1}
    if managed_fields:
        extra["managedFields"] = managed_fields
    ann = dict(annotations or {})
    ann["deployment.kubernetes.io/revision"] = "1"
    template_spec = pod_spec(containers, **spec_extra)
    add({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": meta("Deployment", name, ns, labels, ann, created=created, extra=extra),
        "spec": {
            "progressDeadlineSeconds": 600, "replicas": replicas, "revisionHistoryLimit": 10,
            "selector": {"matchLabels": selector},
            "strategy": {"type": "RollingUpdate",
                         "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}},
            "template": {"metadata": {"labels": pod_labels}, "spec": template_spec},
        },
        "status": {
            "availableReplicas": replicas, "readyReplicas": replicas, "replicas": replicas,
            "updatedReplicas": replicas, "observedGeneration": 1,
            "conditions": [
                {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable",
                 "message": "Deployment has minimum availability.",
                 "lastTransitionTime": created, "lastUpdateTime": created},
            ],
        },
    })
    if not children:
        return
    rs_name = "%s-%s" % (name, rs_hash)
    rs_labels = dict(pod_labels, **{"pod-template-hash": rs_hash})
    add({
        "apiVersion": "apps/v1", "kind": "ReplicaSet",
        "metadata": meta("ReplicaSet", rs_name, ns, rs_labels,
                         {"deployment.kubernetes.io/desired-replicas": str(replicas),
                          "deployment.kubernetes.io/max-replicas": str(replicas + 1),
                          "deployment.kubernetes.io/revision": "1"},
                         owner=("Deployment", name, "apps/v1"), created=created),
        "spec": {"replicas": replicas,
                 "selector": {"matchLabels": dict(selector, **{"pod-template-hash": rs_hash})},
                 "template": {"metadata": {"labels": rs_labels}, "spec": template_spec}},
        "status": {"availableReplicas": replicas, "fullyLabeledReplicas": replicas,
                   "readyReplicas": replicas, "replicas": replicas, "observedGeneration": 1},
    })
    add_pod("%s-%s" % (rs_name, pod_suffix), ns, rs_labels, ("ReplicaSet", rs_name, "apps/v1"),
            template_spec, node)


def add_pod(name, ns, labels, owner, spec, node, ip="10.42.0.17"):
    spec = copy.deepcopy(spec)
    spec["nodeName"] = node
    spec["serviceAccountName"] = spec.get("serviceAccountName", "default")
    statuses = [{"name": c["name"], "image": c["image"], "ready": True, "restartCount": 0,
                 "state": {"running": {"startedAt": CREATED}}} for c in spec["containers"]]
    return add({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": meta("Pod", name, ns, labels, owner=owner),
        "spec": spec,
        "status": {
            "phase": "Running", "hostIP": "192.168.1.10" if node == "node1" else "192.168.1.11",
            "podIP": ip, "startTime": CREATED,
            "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": CREATED}],
            "containerStatuses": statuses,
        },
    })


def service(name, ns, labels, annotations, selector, ports, cluster_ip):
    return add({
        "apiVersion": "v1", "kind": "Service",
        "metadata": meta("Service", name, ns, labels, annotations),
        "spec": {
            "clusterIP": cluster_ip, "clusterIPs": [cluster_ip],
            "internalTrafficPolicy": "Cluster", "ipFamilies": ["IPv4"],
            "ipFamilyPolicy": "SingleStack", "sessionAffinity": "None", "type": "ClusterIP",
            "selector": selector,
            "ports": [{"name": pname, "port": port, "protocol": "TCP", "targetPort": target}
                      for pname, port, target in ports],
        },
        "status": {"loadBalancer": {}},
    })


def strip_server_fields(obj):
    """The manifest Helm stored: what the chart rendered, without server-side fields."""
    o = copy.deepcopy(obj)
    o.pop("status", None)
    m = o["metadata"]
    for key in ("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields",
                "ownerReferences"):
        m.pop(key, None)
    m.get("annotations", {}).pop("deployment.kubernetes.io/revision", None)
    m.get("annotations", {}).pop("meta.helm.sh/release-name", None)
    m.get("annotations", {}).pop("meta.helm.sh/release-namespace", None)
    if not m.get("annotations"):
        m.pop("annotations", None)
    return o


def helm_release(name, ns, chart, version, app_version, revision, status, deployed, values,
                 defaults, objects, description, files=()):
    manifest = ""
    for obj in objects:
        manifest += "---\n# Source: %s/templates/%s.yaml\n" % (chart, obj["kind"].lower())
        manifest += yaml.safe_dump(strip_server_fields(obj), sort_keys=False)
    release = {
        "name": name,
        "info": {"first_deployed": "2025-06-14T09:20:41.512345678Z",
                 "last_deployed": deployed, "deleted": "", "description": description,
                 "status": status},
        "chart": {
            "metadata": {"name": chart, "version": version, "appVersion": app_version,
                         "apiVersion": "v2", "type": "application",
                         "description": "Helm chart for %s" % chart},
            "lock": None, "templates": [], "values": defaults, "schema": None,
            "files": [{"name": fname, "data": base64.b64encode(text.encode()).decode()}
                      for fname, text in files]},
        "config": values,
        "manifest": manifest,
        "version": revision,
        "namespace": ns,
    }
    payload = json.dumps(release, separators=(",", ":")).encode()
    helm = base64.b64encode(gzip.compress(payload, mtime=0))
    secret_data = base64.b64encode(helm).decode()
    rev_name = "sh.helm.release.v1.%s.v%d" % (name, revision)
    add({
        "apiVersion": "v1", "kind": "Secret",
        "metadata": meta("Secret", rev_name, ns,
                         {"name": name, "owner": "helm", "status": status,
                          "version": str(revision), "modifiedAt": "1749893000"}),
        "type": "helm.sh/release.v1",
        "data": {"release": secret_data},
    })





def per_namespace_defaults(ns):
    add({"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": meta("ServiceAccount", "default", ns)})
    add({"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": meta("ConfigMap", "kube-root-ca.crt", ns,
                          annotations={"kubernetes.io/description":
                                       "Contains a CA bundle that can be used to verify the "
                                       "kube-apiserver."}),
         "data": {"ca.crt": "-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIBADAKBggqhk"
                  "jOPQQDAjAjMSEwHwYDVQQDDBhrM3Mtc2VydmVy\nLWNhQDE3NDk4OTI4NjcwHhcNMjUw"
                  "NjE0MDkyMTA3WhcNMzUwNjEyMDkyMTA3WjAj\n-----END CERTIFICATE-----\n"}})


NAMESPACES = ["default", "envoy-gateway-system", "kube-node-lease", "kube-public",
              "kube-system", "llm", "log-analyzer", "logging"]


def build():
    # --- cluster scoped -----------------------------------------------------------------------
    for ns in NAMESPACES:
        add({"apiVersion": "v1", "kind": "Namespace",
             "metadata": meta("Namespace", ns, labels={"kubernetes.io/metadata.name": ns}),
             "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})

    for node, hardware, ip, taints, control in (
            ("node1", "light", "192.168.1.10", [], True),
            ("node2", "heavy", "192.168.1.11",
             [{"key": "heavy", "value": "true", "effect": "NoSchedule"}], False)):
        labels = {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
                  "hardware": hardware, "kubernetes.io/arch": "amd64",
                  "kubernetes.io/hostname": node, "kubernetes.io/os": "linux",
                  "node.kubernetes.io/instance-type": "k3s"}
        if control:
            labels["node-role.kubernetes.io/control-plane"] = "true"
            labels["node-role.kubernetes.io/master"] = "true"
        spec = {"podCIDR": "10.42.%d.0/24" % (0 if control else 1),
                "podCIDRs": ["10.42.%d.0/24" % (0 if control else 1)],
                "providerID": "k3s://" + node}
        if taints:
            spec["taints"] = taints
        add({"apiVersion": "v1", "kind": "Node",
             "metadata": meta("Node", node, labels=labels,
                              annotations={"k3s.io/hostname": node, "k3s.io/internal-ip": ip,
                                           "node.alpha.kubernetes.io/ttl": "0",
                                           "volumes.kubernetes.io/controller-managed-attach-detach":
                                           "true"}),
             "spec": spec,
             "status": {
                 "addresses": [{"type": "InternalIP", "address": ip},
                               {"type": "Hostname", "address": node}],
                 "capacity": {"cpu": "8" if control else "16",
                              "memory": "16318536Ki" if control else "65799312Ki",
                              "pods": "110", "ephemeral-storage": "479151816Ki"},
                 "allocatable": {"cpu": "8" if control else "16",
                                 "memory": "16318536Ki" if control else "65799312Ki",
                                 "pods": "110", "ephemeral-storage": "466118811165"},
                 "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady",
                                 "message": "kubelet is posting ready status",
                                 "lastHeartbeatTime": "2025-12-27T10:02:11Z",
                                 "lastTransitionTime": CREATED}],
                 "nodeInfo": {"architecture": "amd64", "containerRuntimeVersion":
                              "containerd://1.7.23-k3s2", "kernelVersion": "6.8.0-49-generic",
                              "kubeProxyVersion": "v1.31.4+k3s1",
                              "kubeletVersion": "v1.31.4+k3s1", "operatingSystem": "linux",
                              "osImage": "Ubuntu 24.04.1 LTS"}}})

    add({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
         "metadata": meta("StorageClass", "local-path",
                          labels={"objectset.rio.cattle.io/hash":
                                  "183f35c65ffbc3064603f43f1580d8c68a2dabd4"},
                          annotations={"objectset.rio.cattle.io/id": "",
                                       "objectset.rio.cattle.io/owner-gvk": "k3s.cattle.io/v1, "
                                       "Kind=Addon",
                                       "objectset.rio.cattle.io/owner-name": "local-storage",
                                       "objectset.rio.cattle.io/owner-namespace": "kube-system",
                                       "storageclass.kubernetes.io/is-default-class": "true"}),
         "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete",
         "volumeBindingMode": "WaitForFirstConsumer"})

    def pv(name, size, claim_ns, claim, source, storage_class="", node=None, annotations=None):
        spec = {"accessModes": ["ReadWriteOnce"], "capacity": {"storage": size},
                "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                             "name": claim, "namespace": claim_ns,
                             "uid": uid("PersistentVolumeClaim", claim_ns, claim)},
                "persistentVolumeReclaimPolicy": "Retain" if not storage_class else "Delete",
                "storageClassName": storage_class, "volumeMode": "Filesystem"}
        spec.update(source)
        if node:
            spec["nodeAffinity"] = {"required": {"nodeSelectorTerms": [{"matchExpressions": [
                {"key": "kubernetes.io/hostname", "operator": "In", "values": [node]}]}]}}
        add({"apiVersion": "v1", "kind": "PersistentVolume",
             "metadata": meta("PersistentVolume", name, annotations=annotations,
                              extra={"finalizers": ["kubernetes.io/pv-protection"]}),
             "spec": spec, "status": {"phase": "Bound"}})

    pv("llama-models-pv", "20Gi", "llm", "llama-models-pvc",
       {"hostPath": {"path": "/mnt/models", "type": "DirectoryOrCreate"}}, node="node2",
       annotations={"pv.kubernetes.io/bound-by-controller": "yes"})
    pv("loki-pv", "200Gi", "logging", "storage-loki-0",
       {"local": {"path": "/mnt/data/loki"}}, node="node1",
       annotations={"pv.kubernetes.io/bound-by-controller": "yes"})
    pv("tempo-pv", "50Gi", "logging", "tempo-pvc",
       {"hostPath": {"path": "/mnt/data/tempo", "type": "DirectoryOrCreate"}}, node="node1",
       annotations={"pv.kubernetes.io/bound-by-controller": "yes"})
    dynamic = "pvc-" + uid("PersistentVolumeClaim", "logging", "storage-tempo-0")
    pv(dynamic, "50Gi", "logging", "storage-tempo-0",
       {"hostPath": {"path": "/var/lib/rancher/k3s/storage/%s_logging_storage-tempo-0" % dynamic,
                     "type": "DirectoryOrCreate"}}, storage_class="local-path", node="node1",
       annotations={"local.path.provisioner/selected-node": "node1",
                    "pv.kubernetes.io/provisioned-by": "rancher.io/local-path"})

    add({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
         "metadata": meta("ClusterRole", "system:coredns",
                          labels={"kubernetes.io/bootstrapping": "rbac-defaults",
                                  "objectset.rio.cattle.io/hash":
                                  "bce283298811743a0386ab510f2f67ef74240c57"}),
         "rules": [{"apiGroups": [""], "resources": ["endpoints", "services", "pods",
                                                     "namespaces"],
                    "verbs": ["list", "watch"]}]})
    add({"apiVersion": "apiregistration.k8s.io/v1", "kind": "APIService",
         "metadata": meta("APIService", "v1beta1.metrics.k8s.io",
                          labels={"k8s-app": "metrics-server"}),
         "spec": {"group": "metrics.k8s.io", "version": "v1beta1", "groupPriorityMinimum": 100,
                  "versionPriority": 100, "insecureSkipTLSVerify": True,
                  "service": {"name": "metrics-server", "namespace": "kube-system",
                              "port": 443}},
         "status": {"conditions": [{"type": "Available", "status": "True", "reason": "Passed",
                                    "message": "all checks passed",
                                    "lastTransitionTime": CREATED}]}})

    # --- namespace defaults -------------------------------------------------------------------
    for ns in NAMESPACES:
        per_namespace_defaults(ns)

    # --- kube-system: K3s packaged components -------------------------------------------------
    k3s_ann = {"objectset.rio.cattle.io/id": "",
               "objectset.rio.cattle.io/owner-gvk": "k3s.cattle.io/v1, Kind=Addon",
               "objectset.rio.cattle.io/owner-namespace": "kube-system"}
    for addon, source in (("coredns", "coredns.yaml"), ("local-storage", "local-storage.yaml"),
                          ("metrics-server", "metrics-server")):
        add({"apiVersion": "k3s.cattle.io/v1", "kind": "Addon",
             "metadata": meta("Addon", addon, "kube-system"),
             "spec": {"checksum": uid("checksum", addon).replace("-", "") * 2,
                      "source": "/var/lib/rancher/k3s/server/manifests/" + source},
             "status": {}})
    deployment("coredns", "kube-system", {"k8s-app": "kube-dns", "kubernetes.io/name": "CoreDNS"},
               dict(k3s_ann, **{"objectset.rio.cattle.io/owner-name": "coredns"}),
               {"k8s-app": "kube-dns"},
               {"priorityClassName": "system-cluster-critical", "serviceAccountName": "coredns",
                "nodeSelector": {"kubernetes.io/os": "linux"},
                "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"}]},
               [container("coredns", "rancher/mirrored-coredns-coredns:1.12.0",
                          [("dns", 53), ("metrics", 9153)], args=["-conf", "/etc/coredns/Corefile"])],
               rs_hash="ccb96694c", pod_suffix="9v6l4", children=False)
    deployment("local-path-provisioner", "kube-system", {},
               dict(k3s_ann, **{"objectset.rio.cattle.io/owner-name": "local-storage"}),
               {"app": "local-path-provisioner"},
               {"priorityClassName": "system-node-critical",
                "serviceAccountName": "local-path-provisioner-service-account"},
               [container("local-path-provisioner",
                          "rancher/local-path-provisioner:v0.0.30",
                          command=["local-path-provisioner", "start",
                                   "--config", "/etc/config/config.json"])],
               rs_hash="5cf85fd84d", pod_suffix="qz7mm", children=False)
    deployment("metrics-server", "kube-system", {"k8s-app": "metrics-server"},
               dict(k3s_ann, **{"objectset.rio.cattle.io/owner-name": "metrics-server-deployment"}),
               {"k8s-app": "metrics-server"},
               {"priorityClassName": "system-node-critical", "serviceAccountName": "metrics-server"},
               [container("metrics-server", "rancher/mirrored-metrics-server:v0.7.2",
                          [("https", 10250)], args=["--cert-dir=/tmp", "--secure-port=10250"])],
               rs_hash="5985cbc9d7", pod_suffix="w2xgh", children=False)
    service("kube-dns", "kube-system",
            {"k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true",
             "kubernetes.io/name": "CoreDNS"},
            dict(k3s_ann, **{"objectset.rio.cattle.io/owner-name": "coredns"}),
            {"k8s-app": "kube-dns"}, [("dns", 53, 53), ("metrics", 9153, 9153)], "10.43.0.10")
    add({"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": meta("ConfigMap", "coredns", "kube-system",
                          annotations=dict(k3s_ann,
                                           **{"objectset.rio.cattle.io/owner-name": "coredns"})),
         "data": {"Corefile": ".:53 {\n    errors\n    health\n    ready\n"
                              "    kubernetes cluster.local in-addr.arpa ip6.arpa {\n"
                              "      pods insecure\n      fallthrough in-addr.arpa ip6.arpa\n"
                              "    }\n    hosts /etc/coredns/NodeHosts {\n      ttl 60\n"
                              "      reload 15s\n      fallthrough\n    }\n"
                              "    prometheus :9153\n    forward . /etc/resolv.conf\n"
                              "    cache 30\n    loop\n    reload\n    loadbalance\n}\n",
                  "NodeHosts": "192.168.1.10 node1\n192.168.1.11 node2\n"}})
    add({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
         "metadata": meta("Lease", "k3s", "kube-system"),
         "spec": {"holderIdentity": "node1", "leaseDurationSeconds": 15,
                  "renewTime": "2025-12-27T10:02:09.541223Z", "leaseTransitions": 0}})
    for node in ("node1", "node2"):
        add({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
             "metadata": meta("Lease", node, "kube-node-lease",
                              owner=None),
             "spec": {"holderIdentity": node, "leaseDurationSeconds": 40,
                      "renewTime": "2025-12-27T10:02:10.118806Z"}})

    # default/kubernetes: the API server's own Service.
    service("kubernetes", "default", {"component": "apiserver", "provider": "kubernetes"}, None,
            None, [("https", 443, 6443)], "10.43.0.1")
    OBJECTS[-1]["spec"].pop("selector")

    # --- envoy-gateway-system: Helm release "eg" ---------------------------------------------
    eg = "envoy-gateway-system"
    eg_labels = helm_labels("eg", "gateway-helm", "gateway-helm-v1.4.6", "v1.4.6")
    start = len(OBJECTS)
    add({"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": meta("ServiceAccount", "envoy-gateway", eg, eg_labels,
                          helm_annotations("eg", eg))})
    deployment("envoy-gateway", eg, dict(eg_labels, **{"control-plane": "envoy-gateway"}),
               helm_annotations("eg", eg),
               {"app.kubernetes.io/instance": "eg", "app.kubernetes.io/name": "gateway-helm",
                "control-plane": "envoy-gateway"},
               {"serviceAccountName": "envoy-gateway"},
               [container("envoy-gateway", "docker.io/envoyproxy/gateway:v1.4.6",
                          [("grpc", 18000), ("ratelimit", 18001), ("wasm", 18002),
                           ("metrics", 19001)],
                          args=["server", "--config-path=/config/envoy-gateway.yaml"])],
               rs_hash="7f9c6b7d58", pod_suffix="hs4dn")
    service("envoy-gateway", eg, dict(eg_labels, **{"control-plane": "envoy-gateway"}),
            helm_annotations("eg", eg),
            {"app.kubernetes.io/instance": "eg", "app.kubernetes.io/name": "gateway-helm",
             "control-plane": "envoy-gateway"},
            [("grpc", 18000, 18000), ("ratelimit", 18001, 18001), ("wasm", 18002, 18002),
             ("metrics", 19001, 19001)], "10.43.112.40")
    eg_objects = [o for o in OBJECTS[start:] if o["kind"] in ("ServiceAccount", "Deployment",
                                                              "Service")]
    helm_release("eg", eg, "gateway-helm", "v1.4.6", "v1.4.6", 1, "deployed",
                 "2025-06-14T09:20:41.512345678Z",
                 {"config": {"envoyGateway": {"logging": {"level": {"default": "info"}}}}},
                 {"deployment": {"replicas": 1, "envoyGateway": {"image": {"repository": ""}}},
                  "config": {"envoyGateway": {"gateway": {
                      "controllerName": "gateway.envoyproxy.io/gatewayclass-controller"}}}},
                 eg_objects, "Install complete",
                 files=[("crds/generated/gateway.envoyproxy.io_%s.yaml" % plural,
                         yaml.safe_dump(eg_crd_manifest(plural, kind), sort_keys=False))
                        for plural, kind in EG_CRDS])

    # --- logging: Grafana, Loki, Tempo, Alloy -------------------------------------------------
    lg = "logging"
    start = len(OBJECTS)
    g_labels = helm_labels("grafana", "grafana", "grafana-10.2.0", "12.2.0")
    g_sel = {"app.kubernetes.io/instance": "grafana", "app.kubernetes.io/name": "grafana"}
    add({"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": meta("ConfigMap", "grafana", lg, g_labels, helm_annotations("grafana", lg)),
         "data": {"grafana.ini": "[analytics]\ncheck_for_updates = true\n[log]\nmode = console\n"
                                 "[paths]\ndata = /var/lib/grafana/\n",
                  "datasources.yaml": "apiVersion: 1\ndatasources:\n- name: Loki\n  type: loki\n"
                                      "  url: http://loki:3100\n- name: Tempo\n  type: tempo\n"
                                      "  url: http://tempo:3200\n"}})
    add({"apiVersion": "v1", "kind": "Secret",
         "metadata": meta("Secret", "grafana", lg, g_labels, helm_annotations("grafana", lg)),
         "type": "Opaque",
         "data": {"admin-user": base64.b64encode(b"admin").decode(),
                  "admin-password": base64.b64encode(b"demo-password-change-me").decode(),
                  "ldap-toml": ""}})
    deployment("grafana", lg, g_labels, helm_annotations("grafana", lg), g_sel,
               {"serviceAccountName": "grafana", "nodeSelector": {"hardware": "light"}},
               [container("grafana", "docker.io/grafana/grafana:12.2.0",
                          [("grafana", 3000)],
                          env=[{"name": "GF_SECURITY_ADMIN_USER",
                                "valueFrom": {"secretKeyRef": {"name": "grafana",
                                                               "key": "admin-user"}}},
                               {"name": "GF_SECURITY_ADMIN_PASSWORD",
                                "valueFrom": {"secretKeyRef": {"name": "grafana",
                                                               "key": "admin-password"}}}])],
               rs_hash="6c8d9f5b7", pod_suffix="mq8rt",
               managed_fields=[{"manager": "helm", "operation": "Update",
                                "apiVersion": "apps/v1", "time": CREATED,
                                "fieldsType": "FieldsV1",
                                "fieldsV1": {"f:metadata": {"f:labels": {".": {}}},
                                             "f:spec": {"f:replicas": {}}}},
                               {"manager": "k3s", "operation": "Update",
                                "apiVersion": "apps/v1", "time": CREATED,
                                "fieldsType": "FieldsV1", "subresource": "status",
                                "fieldsV1": {"f:status": {"f:replicas": {}}}}])
    service("grafana", lg, g_labels, helm_annotations("grafana", lg), g_sel,
            [("service", 80, 3000)], "10.43.27.153")
    grafana_objects = [o for o in OBJECTS[start:] if o["kind"] in ("ConfigMap", "Secret",
                                                                   "Deployment", "Service")]
    add({"apiVersion": "v1", "kind": "Endpoints",
         "metadata": meta("Endpoints", "grafana", lg, g_labels,
                          {"endpoints.kubernetes.io/last-change-trigger-time": CREATED}),
         "subsets": [{"addresses": [{"ip": "10.42.0.17", "nodeName": "node1",
                                     "targetRef": {"kind": "Pod", "namespace": lg,
                                                   "name": "grafana-6c8d9f5b7-mq8rt"}}],
                      "ports": [{"name": "service", "port": 3000, "protocol": "TCP"}]}]})
    add({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
         "metadata": meta("EndpointSlice", "grafana-8vz2k", lg,
                          dict(g_labels, **{"kubernetes.io/service-name": "grafana",
                                            "endpointslice.kubernetes.io/managed-by":
                                            "endpointslice-controller.k8s.io"}),
                          owner=("Service", "grafana", "v1")),
         "addressType": "IPv4",
         "endpoints": [{"addresses": ["10.42.0.17"], "conditions": {"ready": True},
                        "nodeName": "node1",
                        "targetRef": {"kind": "Pod", "namespace": lg,
                                      "name": "grafana-6c8d9f5b7-mq8rt"}}],
         "ports": [{"name": "service", "port": 3000, "protocol": "TCP"}]})
    helm_release("grafana", lg, "grafana", "10.2.0", "12.2.0", 1, "deployed",
                 "2025-06-14T09:35:02.881234567Z",
                 {"adminUser": "admin", "adminPassword": "demo-password-change-me",
                  "nodeSelector": {"hardware": "light"},
                  "datasources": {"datasources.yaml": {"apiVersion": 1, "datasources": [
                      {"name": "Loki", "type": "loki", "url": "http://loki:3100"},
                      {"name": "Tempo", "type": "tempo", "url": "http://tempo:3200"}]}},
                  "persistence": {"enabled": False}},
                 {"replicas": 1, "adminUser": "admin", "adminPassword": "",
                  "service": {"type": "ClusterIP", "port": 80},
                  "persistence": {"enabled": False, "size": "10Gi"}},
                 grafana_objects, "Install complete")

    # Loki: two revisions, the second raised persistence.
    start = len(OBJECTS)
    l_labels = helm_labels("loki", "loki", "loki-6.21.0", "3.3.0", "single-binary")
    l_sel = {"app.kubernetes.io/component": "single-binary",
             "app.kubernetes.io/instance": "loki", "app.kubernetes.io/name": "loki"}
    add({"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": meta("ConfigMap", "loki", lg, l_labels, helm_annotations("loki", lg)),
         "data": {"config.yaml": "auth_enabled: false\ncommon:\n  path_prefix: /var/loki\n"
                                 "  replication_factor: 1\nschema_config:\n  configs:\n"
                                 "  - from: \"2024-04-01\"\n    store: tsdb\n"
                                 "    object_store: filesystem\n    schema: v13\n"}})
    loki_spec = pod_spec([container("loki", "docker.io/grafana/loki:3.3.0",
                                    [("http-metrics", 3100), ("grpc", 9095)],
                                    args=["-config.file=/etc/loki/config/config.yaml",
                                          "-target=all"],
                                    volumeMounts=[{"name": "storage", "mountPath": "/var/loki"},
                                                  {"name": "config",
                                                   "mountPath": "/etc/loki/config"}])],
                         nodeSelector={"hardware": "light"}, serviceAccountName="loki",
                         volumes=[{"name": "config", "configMap": {"name": "loki"}}])
    add({"apiVersion": "apps/v1", "kind": "StatefulSet",
         "metadata": meta("StatefulSet", "loki", lg, l_labels, helm_annotations("loki", lg),
                          extra={"generation": 2}),
         "spec": {"replicas": 1, "serviceName": "loki-headless", "podManagementPolicy": "Parallel",
                  "selector": {"matchLabels": l_sel},
                  "template": {"metadata": {"labels": l_sel}, "spec": loki_spec},
                  "updateStrategy": {"type": "RollingUpdate"},
                  "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain",
                                                           "whenScaled": "Retain"},
                  "volumeClaimTemplates": [{"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                                            "metadata": {"name": "storage"},
                                            "spec": {"accessModes": ["ReadWriteOnce"],
                                                     "storageClassName": "",
                                                     "resources": {"requests":
                                                                   {"storage": "200Gi"}}}}]},
         "status": {"availableReplicas": 1, "currentReplicas": 1, "readyReplicas": 1,
                    "replicas": 1, "updatedReplicas": 1, "observedGeneration": 2,
                    "currentRevision": "loki-7b9f8c6d5f", "updateRevision": "loki-7b9f8c6d5f"}})
    service("loki", lg, l_labels, helm_annotations("loki", lg), l_sel,
            [("http-metrics", 3100, "http-metrics"), ("grpc", 9095, "grpc")], "10.43.88.201")
    loki_objects = [o for o in OBJECTS[start:]]
    add({"apiVersion": "apps/v1", "kind": "ControllerRevision",
         "metadata": meta("ControllerRevision", "loki-7b9f8c6d5f", lg,
                          dict(l_sel, **{"controller.kubernetes.io/hash": "7b9f8c6d5f"}),
                          owner=("StatefulSet", "loki", "apps/v1")),
         "revision": 2, "data": {"spec": {"template": {"$patch": "replace"}}}})
    add_pod("loki-0", lg, dict(l_sel, **{"apps.kubernetes.io/pod-index": "0",
                                         "statefulset.kubernetes.io/pod-name": "loki-0"}),
            ("StatefulSet", "loki", "apps/v1"), loki_spec, "node1", ip="10.42.0.21")
    loki_v1 = {"deploymentMode": "SingleBinary", "loki": {"auth_enabled": False,
                                                          "commonConfig": {
                                                              "replication_factor": 1},
                                                          "storage": {"type": "filesystem"}},
               "singleBinary": {"replicas": 1, "persistence": {"size": "50Gi"}}}
    loki_v2 = copy.deepcopy(loki_v1)
    loki_v2["singleBinary"] = {"replicas": 1, "nodeSelector": {"hardware": "light"},
                               "persistence": {"size": "200Gi", "storageClass": ""}}
    loki_defaults = {"deploymentMode": "SimpleScalable", "loki": {"auth_enabled": True},
                     "singleBinary": {"replicas": 0, "persistence": {"size": "10Gi"}}}
    helm_release("loki", lg, "loki", "6.21.0", "3.3.0", 1, "superseded",
                 "2025-06-14T09:41:18.223344556Z", loki_v1, loki_defaults, loki_objects,
                 "Install complete")
    helm_release("loki", lg, "loki", "6.21.0", "3.3.0", 2, "deployed",
                 "2025-07-02T18:05:44.667788990Z", loki_v2, loki_defaults, loki_objects,
                 "Upgrade complete")

    # Tempo
    start = len(OBJECTS)
    t_labels = helm_labels("tempo", "tempo", "tempo-1.24.1", "2.9.0")
    t_sel = {"app.kubernetes.io/instance": "tempo", "app.kubernetes.io/name": "tempo"}
    tempo_spec = pod_spec([container("tempo", "grafana/tempo:2.9.0",
                                     [("prom-metrics", 3200), ("otlp-grpc", 4317),
                                      ("otlp-http", 4318)],
                                     args=["-config.file=/conf/tempo.yaml"],
                                     volumeMounts=[{"name": "storage",
                                                    "mountPath": "/var/tempo"}])],
                          serviceAccountName="tempo", nodeSelector={"hardware": "light"})
    add({"apiVersion": "apps/v1", "kind": "StatefulSet",
         "metadata": meta("StatefulSet", "tempo", lg, t_labels, helm_annotations("tempo", lg),
                          extra={"generation": 1}),
         "spec": {"replicas": 1, "serviceName": "tempo-headless",
                  "podManagementPolicy": "OrderedReady", "selector": {"matchLabels": t_sel},
                  "template": {"metadata": {"labels": t_sel}, "spec": tempo_spec},
                  "updateStrategy": {"type": "RollingUpdate"},
                  "volumeClaimTemplates": [{"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                                            "metadata": {"name": "storage"},
                                            "spec": {"accessModes": ["ReadWriteOnce"],
                                                     "storageClassName": "local-path",
                                                     "resources": {"requests":
                                                                   {"storage": "50Gi"}}}}]},
         "status": {"availableReplicas": 1, "currentReplicas": 1, "readyReplicas": 1,
                    "replicas": 1, "updatedReplicas": 1, "observedGeneration": 1}})
    service("tempo", lg, t_labels, helm_annotations("tempo", lg), t_sel,
            [("tempo-prom-metrics", 3200, 3200), ("grpc-tempo-otlp", 4317, 4317),
             ("tempo-otlp-http", 4318, 4318)], "10.43.140.9")
    tempo_objects = [o for o in OBJECTS[start:]]
    add_pod("tempo-0", lg, dict(t_sel, **{"statefulset.kubernetes.io/pod-name": "tempo-0"}),
            ("StatefulSet", "tempo", "apps/v1"), tempo_spec, "node1", ip="10.42.0.22")
    helm_release("tempo", lg, "tempo", "1.24.1", "2.9.0", 1, "deployed",
                 "2025-06-14T09:52:07.101112131Z",
                 {"persistence": {"enabled": True, "size": "50Gi", "storageClassName": "local-path"},
                  "nodeSelector": {"hardware": "light"},
                  "tempo": {"retention": "72h", "receivers": {"otlp": {"protocols": {
                      "grpc": {"endpoint": "0.0.0.0:4317"},
                      "http": {"endpoint": "0.0.0.0:4318"}}}}}},
                 {"replicas": 1, "persistence": {"enabled": False, "size": "10Gi"},
                  "tempo": {"retention": "24h"}},
                 tempo_objects, "Install complete")

    # Alloy
    start = len(OBJECTS)
    a_labels = helm_labels("alloy", "alloy", "alloy-1.4.0", "v1.11.0")
    a_sel = {"app.kubernetes.io/instance": "alloy", "app.kubernetes.io/name": "alloy"}
    add({"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": meta("ConfigMap", "alloy", lg, a_labels, helm_annotations("alloy", lg)),
         "data": {"config.alloy": "discovery.kubernetes \"pods\" {\n  role = \"pod\"\n}\n\n"
                                  "loki.source.kubernetes \"pods\" {\n"
                                  "  targets    = discovery.kubernetes.pods.targets\n"
                                  "  forward_to = [loki.write.default.receiver]\n}\n\n"
                                  "loki.write \"default\" {\n  endpoint {\n"
                                  "    url = \"http://loki:3100/loki/api/v1/push\"\n  }\n}\n"}})
    alloy_spec = pod_spec([container("alloy", "docker.io/grafana/alloy:v1.11.0",
                                     [("http-metrics", 12345)],
                                     args=["run", "/etc/alloy/config.alloy",
                                           "--storage.path=/tmp/alloy",
                                           "--server.http.listen-addr=0.0.0.0:12345"])],
                          serviceAccountName="alloy",
                          tolerations=[{"key": "heavy", "operator": "Equal", "value": "true",
                                        "effect": "NoSchedule"}])
    add({"apiVersion": "apps/v1", "kind": "DaemonSet",
         "metadata": meta("DaemonSet", "alloy", lg, a_labels, helm_annotations("alloy", lg),
                          extra={"generation": 1}),
         "spec": {"selector": {"matchLabels": a_sel},
                  "template": {"metadata": {"labels": a_sel}, "spec": alloy_spec},
                  "updateStrategy": {"type": "RollingUpdate",
                                     "rollingUpdate": {"maxSurge": 0, "maxUnavailable": 1}}},
         "status": {"currentNumberScheduled": 2, "desiredNumberScheduled": 2,
                    "numberAvailable": 2, "numberMisscheduled": 0, "numberReady": 2,
                    "observedGeneration": 1, "updatedNumberScheduled": 2}})
    alloy_objects = [o for o in OBJECTS[start:]]
    add_pod("alloy-4kq9z", lg, dict(a_sel, **{"controller-revision-hash": "6b8f5d9c47"}),
            ("DaemonSet", "alloy", "apps/v1"), alloy_spec, "node1", ip="10.42.0.23")
    add_pod("alloy-t7w2m", lg, dict(a_sel, **{"controller-revision-hash": "6b8f5d9c47"}),
            ("DaemonSet", "alloy", "apps/v1"), alloy_spec, "node2", ip="10.42.1.8")
    helm_release("alloy", lg, "alloy", "1.4.0", "v1.11.0", 1, "deployed",
                 "2025-06-14T10:03:55.998877665Z",
                 {"alloy": {"configMap": {"create": True}},
                  "controller": {"type": "daemonset", "tolerations": [
                      {"key": "heavy", "operator": "Equal", "value": "true",
                       "effect": "NoSchedule"}]}},
                 {"alloy": {"configMap": {"create": True, "content": ""}},
                  "controller": {"type": "daemonset"}},
                 alloy_objects, "Install complete")

    # PVCs in logging
    def pvc(name, ns, size, volume, storage_class, labels=None, annotations=None):
        ann = {"pv.kubernetes.io/bind-completed": "yes"}
        ann.update(annotations or {})
        add({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
             "metadata": meta("PersistentVolumeClaim", name, ns, labels, ann,
                              extra={"finalizers": ["kubernetes.io/pvc-protection"]}),
             "spec": {"accessModes": ["ReadWriteOnce"],
                      "resources": {"requests": {"storage": size}},
                      "storageClassName": storage_class, "volumeMode": "Filesystem",
                      "volumeName": volume},
             "status": {"accessModes": ["ReadWriteOnce"], "capacity": {"storage": size},
                        "phase": "Bound"}})

    pvc("storage-loki-0", lg, "200Gi", "loki-pv", "", l_sel)
    pvc("storage-tempo-0", lg, "50Gi", dynamic, "local-path", t_sel,
        {"pv.kubernetes.io/bound-by-controller": "yes",
         "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path",
         "volume.kubernetes.io/selected-node": "node1",
         "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path"})
    pvc("tempo-pvc", lg, "50Gi", "tempo-pv", "")
    pvc("llama-models-pvc", "llm", "20Gi", "llama-models-pv", "")

    add({"apiVersion": "v1", "kind": "Event",
         "metadata": meta("Event", "loki-0.1849a3c2f0b1d7e5", lg, created="2025-12-27T09:58:00Z"),
         "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": "loki-0",
                            "namespace": lg, "uid": uid("Pod", lg, "loki-0")},
         "reason": "Pulled", "type": "Normal", "count": 1,
         "message": 'Container image "docker.io/grafana/loki:3.3.0" already present on machine',
         "source": {"component": "kubelet", "host": "node1"},
         "firstTimestamp": "2025-12-27T09:58:00Z", "lastTimestamp": "2025-12-27T09:58:00Z",
         "reportingComponent": "kubelet", "reportingInstance": "node1"})

    # --- llm: llama-cpp, applied by hand ------------------------------------------------------
    llm_ann = {"kubectl.kubernetes.io/last-applied-configuration":
               '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},'
               '"name":"llama-cpp","namespace":"llm"}}\n'}
    deployment("llama-cpp", "llm", {"app": "llama-cpp"}, llm_ann, {"app": "llama-cpp"},
               {"nodeSelector": {"hardware": "heavy"},
                "tolerations": [{"key": "heavy", "operator": "Equal", "value": "true",
                                 "effect": "NoSchedule"}],
                "volumes": [{"name": "models",
                             "persistentVolumeClaim": {"claimName": "llama-models-pvc"}}]},
               [container("llama-cpp", "ghcr.io/ggml-org/llama.cpp:server", [("http", 8080)],
                          args=["-m", "/models/qwen2.5-7b-instruct-q4_k_m.gguf", "--host",
                                "0.0.0.0", "--port", "8080", "-c", "8192"],
                          resources={"limits": {"memory": "16Gi"},
                                     "requests": {"cpu": "4", "memory": "8Gi"}},
                          volumeMounts=[{"name": "models", "mountPath": "/models",
                                         "readOnly": True}])],
               rs_hash="7d4b9c8f6", pod_suffix="p5x9q", node="node2",
               managed_fields=[{"manager": "kubectl-client-side-apply", "operation": "Update",
                                "apiVersion": "apps/v1", "time": CREATED,
                                "fieldsType": "FieldsV1",
                                "fieldsV1": {"f:spec": {"f:template": {"f:spec": {
                                    "f:nodeSelector": {}}}}}}])
    service("llama-cpp", "llm", {"app": "llama-cpp"}, None, {"app": "llama-cpp"},
            [("http", 8080, 8080)], "10.43.201.77")

    # --- log-analyzer -------------------------------------------------------------------------
    la = "log-analyzer"
    add({"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": meta("ConfigMap", "log-analyzer-config", la, {"app": "log-analyzer"}),
         "data": {"LOKI_URL": "http://loki.logging.svc.cluster.local:3100",
                  "LLM_URL": "http://llama-cpp.llm.svc.cluster.local:8080",
                  "LOG_LEVEL": "info"}})
    deployment("log-analyzer", la, {"app": "log-analyzer"}, None, {"app": "log-analyzer"}, {},
               [container("log-analyzer", "docker.io/library/log-analyzer:latest",
                          [("http", 8000)],
                          envFrom=[{"configMapRef": {"name": "log-analyzer-config"}}])],
               rs_hash="59b7f6d9c4", pod_suffix="zt6bd")
    service("log-analyzer", la, {"app": "log-analyzer"}, None, {"app": "log-analyzer"},
            [("http", 8000, 8000)], "10.43.55.120")

    # --- everything else a real K3s cluster holds ---------------------------------------------
    realism()


# --- realism: what a real K3s cluster holds besides the owner's work ----------------------------
# Modelled on tests/data/k3s (its README explains every group). Everything below is additive: the
# demo's apps, releases and planned repository stay as they were, except the owner's
# HelmChartConfig for K3s's Traefik, which is the owner's and is planned.
T_BOOT = "2025-06-14T09:12:48Z"          # K3s installed: API server's bootstrap objects
T_ADDONS = "2025-06-14T09:13:02Z"        # deploy controller applies the server manifests
T_FLUX = "2025-06-14T09:16:30Z"          # the owner hand-applies Flux's CRDs (a first try)
T_HCC = "2025-06-14T09:18:55Z"           # the owner applies the traefik HelmChartConfig
T_NOW = "2025-12-27T10:02:30Z"           # when the metrics were read
DEPLOY = "deploy@node1"
HELMCTL = "helm-controller@node1"
ADDON_GVK = "k3s.cattle.io/v1, Kind=Addon"

# The owner's kubectl-applied objects (kind, namespace, name), besides llama-cpp's Deployment,
# which carries its own entries.
OWNER_APPLIED = {("Namespace", "", "llm"), ("Namespace", "", "log-analyzer"),
                 ("PersistentVolume", "", "llama-models-pv"), ("PersistentVolume", "", "loki-pv"),
                 ("PersistentVolume", "", "tempo-pv"),
                 ("PersistentVolumeClaim", "logging", "tempo-pvc"),
                 ("PersistentVolumeClaim", "llm", "llama-models-pvc"),
                 ("Service", "llm", "llama-cpp"),
                 ("ConfigMap", "log-analyzer", "log-analyzer-config"),
                 ("Deployment", "log-analyzer", "log-analyzer"),
                 ("Service", "log-analyzer", "log-analyzer")}
# Namespaces `helm install --create-namespace` made.
HELM_NAMESPACES = {"envoy-gateway-system", "logging"}

# What the API server's defaulters add and the owner never wrote: left out of last-applied.
DEFAULT_PAIRS = {("protocol", "TCP"), ("restartPolicy", "Always"),
                 ("progressDeadlineSeconds", 600), ("revisionHistoryLimit", 10),
                 ("sessionAffinity", "None"), ("type", "ClusterIP"),
                 ("internalTrafficPolicy", "Cluster"), ("ipFamilyPolicy", "SingleStack"),
                 ("volumeMode", "Filesystem"), ("persistentVolumeReclaimPolicy", "Retain")}
SERVER_KEYS = {"clusterIP", "clusterIPs", "ipFamilies", "claimRef", "strategy", "finalizers"}


def _strip_defaults(node):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k in SERVER_KEYS or (k, v if not isinstance(v, (dict, list)) else None) in \
                    DEFAULT_PAIRS:
                continue
            v = _strip_defaults(v)
            if isinstance(v, dict) and not v:
                continue
            out[k] = v
        return out
    if isinstance(node, list):
        out = [_strip_defaults(x) for x in node]
        for item in out:
            # a Service port's targetPort defaults to its port
            if isinstance(item, dict) and "port" in item and item.get("targetPort") == item["port"]:
                del item["targetPort"]
        return out
    return node


def owner_manifest(obj):
    """The manifest the owner applied: no server fields, no defaults, no status."""
    m = obj["metadata"]
    meta_out = {"annotations": {}, "name": m["name"]}
    if m.get("namespace"):
        meta_out["namespace"] = m["namespace"]
    if m.get("labels"):
        meta_out["labels"] = dict(m["labels"])
    body = {k: copy.deepcopy(v) for k, v in obj.items()
            if k not in ("apiVersion", "kind", "metadata", "status")}
    out = {"apiVersion": obj["apiVersion"], "kind": obj["kind"], "metadata": meta_out}
    out.update(_strip_defaults(body))
    return out


def last_applied(manifest):
    """kubectl.kubernetes.io/last-applied-configuration as kubectl writes it."""
    o = copy.deepcopy(manifest)
    o["metadata"].setdefault("annotations", {})
    return json.dumps(o, sort_keys=True, separators=(",", ":")) + "\n"


def objectset_applied(obj):
    """objectset.rio.cattle.io/applied: base64(gzip(JSON of what the deploy controller applied))."""
    o = {k: v for k, v in obj.items() if k != "status"}
    m = o["metadata"]
    o["metadata"] = {k: m[k] for k in ("name", "namespace", "labels") if k in m}
    data = json.dumps(o, sort_keys=True, separators=(",", ":")).encode()
    return base64.b64encode(gzip.compress(data, mtime=0)).decode()


def set_managed(obj, entries):
    entries = finalize_managed(entries)
    if entries:
        obj["metadata"]["managedFields"] = entries


def status_entry(obj, manager="k3s", time=CREATED):
    if obj.get("status"):
        return [mf(manager, time, pick(obj, ("status",)), obj["apiVersion"], sub="status")]
    return []


def kubectl_applied(obj, created=CREATED, controller_paths=()):
    """The owner's `kubectl apply`: last-applied plus a kubectl-client-side-apply Update that
    owns the manifest and what the defaulters added; controllers own what they added later."""
    m = obj["metadata"]
    ann = {"kubectl.kubernetes.io/last-applied-configuration":
           last_applied(owner_manifest(obj))}
    ann.update(m.get("annotations") or {})
    m["annotations"] = ann
    order = ("name", "namespace", "labels", "annotations")
    obj["metadata"] = dict([(k, m[k]) for k in order if k in m] +
                           [(k, v) for k, v in m.items() if k not in order])
    api = obj["apiVersion"]
    later = created[:-3] + "%02dZ" % (int(created[-3:-1]) + 1)   # the controllers, a second on
    view = owned_view(obj, drop=tuple(controller_paths) + (REVISION,))
    view.get("metadata", {}).pop("finalizers", None)   # admission plugins: nobody's
    entries = [mf("kubectl-client-side-apply", created, view, api)]
    if controller_paths:
        fields_later = pick(obj, *[p for p in controller_paths if _has(obj, p)])
        if fields_later:
            entries.append(mf("k3s", later, fields_later, api))
    return entries + status_entry(obj, time=later)


def _has(obj, path):
    cur = obj
    for p in path:
        if not isinstance(cur, dict) or p not in cur:
            return False
        cur = cur[p]
    return True


REVISION = ("metadata", "annotations", "deployment.kubernetes.io/revision")


def fill_managed_fields():
    """managedFields on the demo's objects, as the API server records them: the manager that
    created each object, and status writes with subresource status."""
    for obj in OBJECTS:
        m = obj["metadata"]
        kind, ns, name = obj["kind"], m.get("namespace", ""), m["name"]
        if "managedFields" in m or kind in ("Event", "PodMetrics", "NodeMetrics"):
            continue
        if kind == "ServiceAccount" and name == "default":
            continue          # nothing but a name: the server keeps no entry
        api = obj["apiVersion"]
        ann, labels = m.get("annotations") or {}, m.get("labels") or {}
        view = owned_view(obj, drop=(REVISION,))
        view.get("metadata", {}).pop("finalizers", None)
        if (kind, ns, name) in OWNER_APPLIED:
            ctl = ()
            if kind == "PersistentVolume":
                ctl = (("spec", "claimRef"),
                       ("metadata", "annotations", "pv.kubernetes.io/bound-by-controller"))
            elif kind == "PersistentVolumeClaim":
                ctl = (("metadata", "annotations", "pv.kubernetes.io/bind-completed"),)
            entries = kubectl_applied(obj, controller_paths=ctl)
        elif obj.get("type") == "helm.sh/release.v1":
            entries = [mf("helm", CREATED, view, api)]
        elif "meta.helm.sh/release-name" in ann and not m.get("ownerReferences") and \
                kind != "Endpoints":
            entries = [mf("helm", CREATED, view, api)] + status_entry(obj)
        elif kind == "Namespace" and name in HELM_NAMESPACES:
            entries = [mf("helm", CREATED, view, api)]
        elif kind == "Addon" or any(k.startswith("objectset.rio.cattle.io/")
                                    for k in list(ann) + list(labels)):
            entries = [mf(DEPLOY, T_ADDONS, view, api)] + status_entry(obj, time=T_ADDONS)
        elif kind == "PersistentVolume" and "pv.kubernetes.io/provisioned-by" in ann:
            entries = [mf("local-path-provisioner", CREATED, view, api)] + status_entry(obj)
        else:
            created = T_BOOT if (kind == "Namespace" or ns in ("kube-system", "kube-node-lease")
                                 and kind in ("Lease",)) else CREATED
            entries = [mf("k3s", created, view, api)] + status_entry(obj, time=created)
        if _has(obj, REVISION):
            entries.append(mf("k3s", "2025-06-14T09:21:08Z", pick(obj, REVISION), api))
        set_managed(obj, entries)


def stamp_objectset(obj, owner_name, set_id=""):
    """The deploy controller's objectset.rio.cattle.io stamps on a server-manifest object."""
    m = obj["metadata"]
    ann = dict(m.get("annotations") or {})
    ann.update({"objectset.rio.cattle.io/id": set_id,
                "objectset.rio.cattle.io/owner-gvk": ADDON_GVK,
                "objectset.rio.cattle.io/owner-name": owner_name,
                "objectset.rio.cattle.io/owner-namespace": "kube-system"})
    ann["objectset.rio.cattle.io/applied"] = objectset_applied(obj)
    m["annotations"] = dict(sorted(ann.items()))
    labels = dict(m.get("labels") or {})
    labels.setdefault("objectset.rio.cattle.io/hash", None)
    labels["objectset.rio.cattle.io/hash"] = labels["objectset.rio.cattle.io/hash"] or hashlib.sha1(
        ("%s/%s/%s" % (obj["kind"], m.get("namespace", ""), m["name"])).encode()).hexdigest()
    m["labels"] = dict(sorted(labels.items()))


def find(kind, ns, name):
    for o in OBJECTS:
        m = o["metadata"]
        if o["kind"] == kind and m.get("namespace", "") == ns and m["name"] == name:
            return o
    raise KeyError((kind, ns, name))


def k3s_manifest_stamps():
    """coredns, local-storage and metrics-server objects already in the demo get the full
    objectset stamps K3s's deploy controller writes."""
    for kind, ns, name, addon in (
            ("StorageClass", "", "local-path", "local-storage"),
            ("ClusterRole", "", "system:coredns", "coredns"),
            ("APIService", "", "v1beta1.metrics.k8s.io", "metrics-server"),
            ("Deployment", "kube-system", "coredns", "coredns"),
            ("Deployment", "kube-system", "local-path-provisioner", "local-storage"),
            ("Deployment", "kube-system", "metrics-server", "metrics-server"),
            ("Service", "kube-system", "kube-dns", "coredns"),
            ("ConfigMap", "kube-system", "coredns", "coredns")):
        obj = find(kind, ns, name)
        owner = obj["metadata"].get("annotations", {}).get(
            "objectset.rio.cattle.io/owner-name", addon)
        stamp_objectset(obj, owner)


RBAC_API = "rbac.authorization.k8s.io/v1"
BOOT_LABELS = {"kubernetes.io/bootstrapping": "rbac-defaults"}
BOOT_ANN = {"rbac.authorization.kubernetes.io/autoupdate": "true"}
RO = ["get", "list", "watch"]


def R(groups, resources, verbs):
    return {"apiGroups": groups, "resources": resources, "verbs": verbs}


def bootstrap_rbac():
    """A representative part of the API server's bootstrap RBAC (reconciled at every start)."""
    def cluster_role(name, rules=None, aggregate_from=None, labels=None):
        o = {"apiVersion": RBAC_API, "kind": "ClusterRole",
             "metadata": meta("ClusterRole", name, labels=dict(BOOT_LABELS, **(labels or {})),
                              annotations=BOOT_ANN, created=T_BOOT)}
        if aggregate_from:
            o["aggregationRule"] = {"clusterRoleSelectors": [
                {"matchLabels": {"rbac.authorization.k8s.io/aggregate-to-" + aggregate_from:
                                 "true"}}]}
        o["rules"] = rules
        add(o)
        if aggregate_from:
            # The aggregation controller owns the rules it gathered (server-side apply).
            set_managed(o, [mf("k3s", T_BOOT, owned_view(o, drop=(("rules",),)), RBAC_API),
                            mf("clusterrole-aggregation-controller", T_BOOT,
                               pick(o, ("rules",)), RBAC_API, op="Apply")])
        else:
            set_managed(o, [mf("k3s", T_BOOT, owned_view(o), RBAC_API)])
        return o

    cluster_role("cluster-admin", [R(["*"], ["*"], ["*"]),
                                   {"nonResourceURLs": ["*"], "verbs": ["*"]}])
    view_rules = [R([""], ["configmaps", "endpoints", "persistentvolumeclaims", "pods",
                           "replicationcontrollers", "serviceaccounts", "services"], RO),
                  R(["apps"], ["daemonsets", "deployments", "replicasets", "statefulsets"], RO),
                  R(["batch"], ["cronjobs", "jobs"], RO),
                  R(["metrics.k8s.io"], ["pods", "nodes"], RO)]
    edit_rules = [R([""], ["configmaps", "persistentvolumeclaims", "pods", "secrets",
                           "services"], ["create", "delete", "deletecollection", "patch",
                                         "update"]),
                  R(["apps"], ["daemonsets", "deployments", "replicasets", "statefulsets"],
                    ["create", "delete", "deletecollection", "patch", "update"])] + view_rules
    admin_rules = [R(["rbac.authorization.k8s.io"], ["rolebindings", "roles"],
                     ["create", "delete", "deletecollection", "get", "list", "patch", "update",
                      "watch"])] + edit_rules
    cluster_role("admin", admin_rules, "admin")
    cluster_role("edit", edit_rules, "edit",
                 {"rbac.authorization.k8s.io/aggregate-to-admin": "true"})
    cluster_role("view", view_rules, "view",
                 {"rbac.authorization.k8s.io/aggregate-to-edit": "true"})
    cluster_role("system:basic-user", [R(["authorization.k8s.io"], ["selfsubjectaccessreviews",
                                                                    "selfsubjectrulesreviews"],
                                         ["create"])])
    cluster_role("system:discovery", [{"nonResourceURLs": ["/api", "/api/*", "/apis", "/apis/*",
                                                           "/healthz", "/livez", "/openapi",
                                                           "/openapi/*", "/readyz", "/version",
                                                           "/version/"], "verbs": ["get"]}])
    cluster_role("system:controller:deployment-controller", [
        R(["apps", "extensions"], ["deployments"], RO + ["update"]),
        R(["apps", "extensions"], ["deployments/finalizers", "deployments/status"], ["update"]),
        R(["apps"], ["replicasets"], ["create", "delete"] + RO + ["patch", "update"]),
        R([""], ["pods"], ["get", "list", "update", "watch"]),
        R(["", "events.k8s.io"], ["events"], ["create", "patch", "update"])])
    crb = {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
           "metadata": meta("ClusterRoleBinding", "cluster-admin", labels=BOOT_LABELS,
                            annotations=BOOT_ANN, created=T_BOOT),
           "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                       "name": "cluster-admin"},
           "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "Group",
                         "name": "system:masters"}]}
    add(crb)
    set_managed(crb, [mf("k3s", T_BOOT, owned_view(crb), RBAC_API)])
    role = {"apiVersion": RBAC_API, "kind": "Role",
            "metadata": meta("Role", "system::leader-locking-kube-controller-manager",
                             "kube-system", BOOT_LABELS, BOOT_ANN, created=T_BOOT),
            "rules": [R([""], ["configmaps"], ["watch"]),
                      {"apiGroups": [""], "resourceNames": ["kube-controller-manager"],
                       "resources": ["configmaps"], "verbs": ["get", "update"]}]}
    add(role)
    set_managed(role, [mf("k3s", T_BOOT, owned_view(role), RBAC_API)])


FC_API = "flowcontrol.apiserver.k8s.io/v1"


def apf():
    ann = {"apf.kubernetes.io/autoupdate-spec": "true"}
    plc = add({"apiVersion": FC_API, "kind": "PriorityLevelConfiguration",
               "metadata": meta("PriorityLevelConfiguration", "exempt", annotations=ann,
                                created=T_BOOT, extra={"generation": 1}),
               "spec": {"exempt": {"lendablePercent": 0, "nominalConcurrencyShares": 0},
                        "type": "Exempt"},
               "status": {}})
    set_managed(plc, [mf("api-priority-and-fairness-config-producer-v1", T_BOOT,
                         owned_view(plc), FC_API)])
    fs = add({"apiVersion": FC_API, "kind": "FlowSchema",
              "metadata": meta("FlowSchema", "exempt", annotations=ann, created=T_BOOT,
                               extra={"generation": 1}),
              "spec": {"matchingPrecedence": 1, "priorityLevelConfiguration": {"name": "exempt"},
                       "rules": [{"nonResourceRules": [{"nonResourceURLs": ["*"],
                                                        "verbs": ["*"]}],
                                  "resourceRules": [{"apiGroups": ["*"], "clusterScope": True,
                                                     "namespaces": ["*"], "resources": ["*"],
                                                     "verbs": ["*"]}],
                                  "subjects": [{"group": {"name": "system:masters"},
                                                "kind": "Group"}]}]},
              "status": {"conditions": [{
                  "lastTransitionTime": T_BOOT,
                  "message": "This FlowSchema references the PriorityLevelConfiguration object "
                             "named \"exempt\" and it exists",
                  "reason": "Found", "status": "False", "type": "Dangling"}]}})
    set_managed(fs, [mf("api-priority-and-fairness-config-producer-v1", T_BOOT, owned_view(fs),
                        FC_API),
                     mf("api-priority-and-fairness-config-consumer-v1", T_BOOT,
                        pick(fs, ("status", "conditions")), FC_API, sub="status")])


def priority_classes():
    for name, value, desc in (
            ("system-cluster-critical", 2000000000,
             "Used for system critical pods that must run in the cluster, but can be moved to "
             "another node if necessary."),
            ("system-node-critical", 2000001000,
             "Used for system critical pods that must not be moved from their current node.")):
        o = add({"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
                 "metadata": meta("PriorityClass", name, created=T_BOOT,
                                  extra={"generation": 1}),
                 "description": desc, "preemptionPolicy": "PreemptLowerPriority",
                 "value": value})
        set_managed(o, [mf("k3s", T_BOOT, owned_view(o), "scheduling.k8s.io/v1")])


def csinodes_and_metrics():
    for node in ("node1", "node2"):
        o = add({"apiVersion": "storage.k8s.io/v1", "kind": "CSINode",
                 "metadata": meta("CSINode", node, annotations={
                     "storage.alpha.kubernetes.io/migrated-plugins":
                     "kubernetes.io/aws-ebs,kubernetes.io/azure-disk,kubernetes.io/azure-file,"
                     "kubernetes.io/cinder,kubernetes.io/gce-pd,kubernetes.io/portworx-volume,"
                     "kubernetes.io/vsphere-volume"}, created=CREATED),
                 "spec": {"drivers": None}})
        o["metadata"]["ownerReferences"] = [{"apiVersion": "v1", "kind": "Node", "name": node,
                                             "uid": uid("Node", "", node)}]
        set_managed(o, [mf("k3s", CREATED, owned_view(o), "storage.k8s.io/v1")])
    # `kubectl get nodemetrics,podmetrics -A -o yaml`: readings, no managedFields.
    for node, cpu, mem in (("node1", "734219112n", "6120448Ki"),
                           ("node2", "2211803490n", "14662812Ki")):
        labels = find("Node", "", node)["metadata"]["labels"]
        add({"apiVersion": "metrics.k8s.io/v1beta1", "kind": "NodeMetrics",
             "metadata": {"name": node, "creationTimestamp": T_NOW, "labels": dict(labels)},
             "timestamp": "2025-12-27T10:02:14Z", "window": "20.03s",
             "usage": {"cpu": cpu, "memory": mem}})
    for pod, ns, cpu, mem in (("grafana-6c8d9f5b7-mq8rt", "logging", "4187220n", "98344Ki"),
                              ("loki-0", "logging", "21844510n", "312716Ki"),
                              ("llama-cpp-7d4b9c8f6-p5x9q", "llm", "1822015377n", "7340192Ki"),
                              ("log-analyzer-59b7f6d9c4-zt6bd", "log-analyzer", "2013884n",
                               "61232Ki")):
        p = find("Pod", ns, pod)
        add({"apiVersion": "metrics.k8s.io/v1beta1", "kind": "PodMetrics",
             "metadata": {"name": pod, "namespace": ns, "creationTimestamp": T_NOW,
                          "labels": dict(p["metadata"].get("labels") or {})},
             "timestamp": "2025-12-27T10:02:09Z", "window": "15.02s",
             "containers": [{"name": p["spec"]["containers"][0]["name"],
                             "usage": {"cpu": cpu, "memory": mem}}]})


def kubernetes_endpointslice():
    o = add({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
             "metadata": meta("EndpointSlice", "kubernetes", "default",
                              {"kubernetes.io/service-name": "kubernetes"}, created=T_BOOT,
                              extra={"generation": 1}),
             "addressType": "IPv4",
             "endpoints": [{"addresses": ["192.168.1.10"], "conditions": {"ready": True}}],
             "ports": [{"name": "https", "port": 6443, "protocol": "TCP"}]})
    set_managed(o, [mf("k3s", T_BOOT, owned_view(o), "discovery.k8s.io/v1")])


TRAEFIK_CHART = "34.2.1+up34.2.0"
TRAEFIK_VALUES = ("deployment:\n  podAnnotations:\n    prometheus.io/port: \"8082\"\n"
                  "    prometheus.io/scrape: \"true\"\nproviders:\n  kubernetesIngress:\n"
                  "    publishedService:\n      enabled: true\npriorityClassName: "
                  "\"system-cluster-critical\"\nimage:\n  repository: \"rancher/mirrored-library-"
                  "traefik\"\n  tag: \"3.3.6\"\ntolerations:\n- key: \"CriticalAddonsOnly\"\n"
                  "  operator: \"Exists\"\nservice:\n  ipFamilyPolicy: \"PreferDualStack\"\n")
HCC_VALUES = ("logs:\n  access:\n    enabled: true\nadditionalArguments:\n"
              "  - \"--serverstransport.insecureskipverify=true\"")


def traefik():
    """K3s's packaged Traefik: the Addon and HelmChart the deploy controller applies, the release
    the helm-install Job made, a few of its objects; and the owner's HelmChartConfig."""
    ks = "kube-system"
    addon = add({"apiVersion": "k3s.cattle.io/v1", "kind": "Addon",
                 "metadata": meta("Addon", "traefik", ks, created=T_ADDONS),
                 "spec": {"checksum": uid("checksum", "traefik").replace("-", "") * 2,
                          "source": "/var/lib/rancher/k3s/server/manifests/traefik.yaml"},
                 "status": {}})
    set_managed(addon, [mf(DEPLOY, T_ADDONS, owned_view(addon), "k3s.cattle.io/v1")])
    chart = {"apiVersion": "helm.cattle.io/v1", "kind": "HelmChart",
             "metadata": meta("HelmChart", "traefik", ks, created=T_ADDONS,
                              extra={"finalizers": ["wrangler.cattle.io/on-helm-chart-remove"],
                                     "generation": 1}),
             "spec": {"chart": "https://%{KUBERNETES_API}%/static/charts/traefik-"
                               + TRAEFIK_CHART + ".tgz",
                      "set": {"global.systemDefaultRegistry": ""},
                      "valuesContent": TRAEFIK_VALUES},
             "status": {"jobName": "helm-install-traefik"}}
    stamp_objectset(chart, "traefik")
    chart["metadata"]["annotations"]["helmcharts.cattle.io/managed-by"] = "helm-controller"
    chart["metadata"]["annotations"] = dict(sorted(chart["metadata"]["annotations"].items()))
    add(chart)
    api = "helm.cattle.io/v1"
    deploy_view = owned_view(chart)
    deploy_view["metadata"]["annotations"].pop("helmcharts.cattle.io/managed-by")
    deploy_view["metadata"].pop("finalizers")
    set_managed(chart, [mf(DEPLOY, T_ADDONS, deploy_view, api),
                        mf(HELMCTL, T_ADDONS, pick(chart, ("metadata", "annotations",
                                                           "helmcharts.cattle.io/managed-by"),
                                                   ("metadata", "finalizers")), api),
                        mf(HELMCTL, T_ADDONS, pick(chart, ("status",)), api, sub="status")])

    # The release's objects (what Helm wrote; managedFields filled in below as manager helm).
    start = len(OBJECTS)
    t_labels = helm_labels("traefik", "traefik", "traefik-" + TRAEFIK_CHART, "v3.3.6")
    t_labels["app.kubernetes.io/instance"] = "traefik-kube-system"
    t_sel = {"app.kubernetes.io/instance": "traefik-kube-system",
             "app.kubernetes.io/name": "traefik"}
    add({"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": meta("ServiceAccount", "traefik", ks, t_labels,
                          helm_annotations("traefik", ks), created=T_ADDONS)})
    add({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
         "metadata": meta("ClusterRole", "traefik-kube-system", labels=t_labels,
                          annotations=helm_annotations("traefik", ks), created=T_ADDONS),
         "rules": [R([""], ["configmaps", "nodes", "services"], RO),
                   R(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"]),
                   R(["networking.k8s.io"], ["ingressclasses", "ingresses"], RO),
                   R(["traefik.io"], ["ingressroutes", "middlewares", "tlsoptions"], RO)]})
    add({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
         "metadata": meta("ClusterRoleBinding", "traefik-kube-system", labels=t_labels,
                          annotations=helm_annotations("traefik", ks), created=T_ADDONS),
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "traefik-kube-system"},
         "subjects": [{"kind": "ServiceAccount", "name": "traefik", "namespace": ks}]})
    add({"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
         "metadata": meta("IngressClass", "traefik", labels=t_labels,
                          annotations=dict(helm_annotations("traefik", ks), **{
                              "ingressclass.kubernetes.io/is-default-class": "true"}),
                          created=T_ADDONS, extra={"generation": 1}),
         "spec": {"controller": "traefik.io/ingress-controller"}})
    deployment("traefik", ks, t_labels, helm_annotations("traefik", ks), t_sel,
               {"serviceAccountName": "traefik", "priorityClassName": "system-cluster-critical",
                "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"}]},
               [container("traefik", "rancher/mirrored-library-traefik:3.3.6",
                          [("metrics", 9100), ("traefik", 8080), ("web", 8000),
                           ("websecure", 8443)],
                          args=["--entryPoints.web.address=:8000/tcp",
                                "--entryPoints.websecure.address=:8443/tcp",
                                "--providers.kubernetesingress", "--accesslog=true",
                                "--serverstransport.insecureskipverify=true"])],
               rs_hash="67c9bd8b5f", pod_suffix="k8wqz", created=T_ADDONS)
    svc = service("traefik", ks, t_labels, helm_annotations("traefik", ks), t_sel,
                  [("web", 80, "web"), ("websecure", 443, "websecure")], "10.43.166.21")
    svc["metadata"]["creationTimestamp"] = T_ADDONS
    svc["spec"]["type"] = "LoadBalancer"
    svc["spec"]["ipFamilyPolicy"] = "PreferDualStack"
    svc["status"] = {"loadBalancer": {"ingress": [{"ip": "192.168.1.10"},
                                                  {"ip": "192.168.1.11"}]}}
    released = [o for o in OBJECTS[start:] if o["kind"] not in ("ReplicaSet", "Pod")]
    helm_release("traefik", ks, "traefik", TRAEFIK_CHART, "v3.3.6", 1, "deployed",
                 "2025-06-14T09:13:41.302115774Z",
                 {"additionalArguments": ["--serverstransport.insecureskipverify=true"],
                  "logs": {"access": {"enabled": True}},
                  "priorityClassName": "system-cluster-critical",
                  "global": {"systemDefaultRegistry": ""}},
                 {"deployment": {"replicas": 1}, "logs": {"access": {"enabled": False}}},
                 released, "Install complete")

    # The owner's customisation of K3s's Traefik: `kubectl apply -f traefik-config.yaml`.
    hcc = add({"apiVersion": "helm.cattle.io/v1", "kind": "HelmChartConfig",
               "metadata": meta("HelmChartConfig", "traefik", ks, created=T_HCC,
                                extra={"generation": 1}),
               "spec": {"valuesContent": HCC_VALUES}})
    set_managed(hcc, kubectl_applied(hcc, created=T_HCC))


def crd_spec(group, kind, plural, versions=("v1",), scope="Namespaced"):
    return {"conversion": {"strategy": "None"}, "group": group,
            "names": {"kind": kind, "listKind": kind + "List", "plural": plural,
                      "singular": kind.lower()},
            "scope": scope,
            "versions": [{"name": v, "served": True, "storage": i == len(versions) - 1,
                          "schema": {"openAPIV3Schema": {
                              "type": "object", "x-kubernetes-preserve-unknown-fields": True}},
                          "subresources": {"status": {}}} for i, v in enumerate(versions)]}


CRD_TOOL = {"controller-gen.kubebuilder.io/version": "v0.16.1"}


def eg_crd_manifest(plural, kind):
    """A CRD file of the gateway-helm chart's crds/ folder, as Helm keeps it in the release."""
    return {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": {"annotations": dict(CRD_TOOL),
                         "name": "%s.gateway.envoyproxy.io" % plural},
            "spec": crd_spec("gateway.envoyproxy.io", kind, plural, ("v1alpha1",))}


def crd(group, kind, plural, labels=None, versions=("v1",), scope="Namespaced",
        created=CREATED, annotations=None):
    name = "%s.%s" % (plural, group)
    spec = crd_spec(group, kind, plural, versions, scope)
    o = {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
         "metadata": meta("CustomResourceDefinition", name, labels=labels,
                          annotations=annotations, created=created, extra={"generation": 1}),
         "spec": spec,
         "status": {"acceptedNames": dict(spec["names"]),
                    "conditions": [
                        {"lastTransitionTime": created, "message": "no conflicts found",
                         "reason": "NoConflicts", "status": "True", "type": "NamesAccepted"},
                        {"lastTransitionTime": created,
                         "message": "the initial names have been accepted",
                         "reason": "InitialNamesAccepted", "status": "True",
                         "type": "Established"}],
                    "storedVersions": [versions[-1]]}}
    return add(o)


def crd_status(o, created):
    return [mf("k3s", created, pick(o, ("status", "acceptedNames"), ("status", "conditions"),
                                     ("status", "storedVersions")),
               "apiextensions.k8s.io/v1", sub="status")]


FLUX_CRDS = [("source.toolkit.fluxcd.io", "GitRepository", "gitrepositories", "source-controller"),
             ("source.toolkit.fluxcd.io", "HelmRepository", "helmrepositories",
              "source-controller"),
             ("kustomize.toolkit.fluxcd.io", "Kustomization", "kustomizations",
              "kustomize-controller"),
             ("helm.toolkit.fluxcd.io", "HelmRelease", "helmreleases", "helm-controller")]


def flux_crds():
    """Flux's CRDs, left from an abandoned first try: hand-applied from gotk-components.yaml."""
    for group, kind, plural, component in FLUX_CRDS:
        o = crd(group, kind, plural,
                labels={"app.kubernetes.io/component": component,
                        "app.kubernetes.io/instance": "flux-system",
                        "app.kubernetes.io/part-of": "flux",
                        "app.kubernetes.io/version": "v2.5.1"},
                annotations={"controller-gen.kubebuilder.io/version": "v0.16.1"},
                versions=("v1",), created=T_FLUX)
        set_managed(o, kubectl_applied(o, created=T_FLUX)[:1] + crd_status(o, T_FLUX))


EG_CRDS = [("backendtrafficpolicies", "BackendTrafficPolicy"),
           ("clienttrafficpolicies", "ClientTrafficPolicy"),
           ("envoyproxies", "EnvoyProxy"), ("securitypolicies", "SecurityPolicy")]


def envoy_gateway_extras():
    """Envoy Gateway's crds/ folder CRDs (Helm installs them unlabelled) and what Envoy Gateway
    generates for a Gateway: the proxy's ServiceAccount, Deployment and Service."""
    eg_created = "2025-06-14T09:20:38Z"
    for plural, kind in EG_CRDS:
        o = crd("gateway.envoyproxy.io", kind, plural, versions=("v1alpha1",),
                annotations={"controller-gen.kubebuilder.io/version": "v0.16.1"},
                created=eg_created)
        set_managed(o, [mf("helm", eg_created, owned_view(o), "apiextensions.k8s.io/v1")]
                    + crd_status(o, eg_created))

    eg = "envoy-gateway-system"
    proxy = "envoy-default-homelab-66fbaab8"
    p_labels = {"app.kubernetes.io/component": "proxy",
                "app.kubernetes.io/managed-by": "envoy-gateway",
                "app.kubernetes.io/name": "envoy",
                "gateway.envoyproxy.io/owning-gateway-name": "homelab",
                "gateway.envoyproxy.io/owning-gateway-namespace": "default"}
    gw_created = "2025-06-14T09:24:51Z"
    start = len(OBJECTS)
    add({"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": meta("ServiceAccount", proxy, eg, p_labels, created=gw_created)})
    deployment(proxy, eg, p_labels, None, p_labels,
               {"serviceAccountName": proxy, "terminationGracePeriodSeconds": 360},
               [container("envoy", "docker.io/envoyproxy/envoy:distroless-v1.34.1",
                          [("admin", 19000), ("metrics", 19001), ("readiness", 19003)],
                          args=["--service-cluster", proxy, "--service-node $(ENVOY_POD_NAME)",
                                "--config-yaml", "admin: {address: {socket_address: "
                                "{address: 127.0.0.1, port_value: 19000}}}",
                                "--log-level", "warn"]),
                container("shutdown-manager", "docker.io/envoyproxy/gateway:v1.4.6",
                          command=["envoy-gateway"], args=["envoy", "shutdown-manager"])],
               rs_hash="7c6f9d5b8", pod_suffix="r4t8n", created=gw_created)
    svc = service(proxy, eg, p_labels, None, p_labels, [("http-8080", 8080, 10080)],
                  "10.43.210.14")
    svc["metadata"]["creationTimestamp"] = gw_created
    for o in OBJECTS[start:]:
        if o["kind"] in ("ServiceAccount", "Deployment", "Service"):
            api = o["apiVersion"]
            entries = [mf("envoy-gateway", gw_created, owned_view(o, drop=(REVISION,)), api,
                          op="Apply")]
            if o["kind"] == "Deployment":
                entries.append(mf("k3s", gw_created, pick(o, REVISION), api))
            set_managed(o, entries + status_entry(o, time=gw_created))


def realism():
    bootstrap_rbac()
    apf()
    priority_classes()
    csinodes_and_metrics()
    kubernetes_endpointslice()
    k3s_manifest_stamps()
    traefik()
    flux_crds()
    envoy_gateway_extras()
    fill_managed_fields()



class Dumper(yaml.SafeDumper):
    """Block style as kubectl writes it, except short lists of scalars ([ReadWriteOnce]), which
    keeps the file readable at about 2,500 lines."""


def _represent_list(dumper, data):
    flow = bool(data) and all(not isinstance(x, (dict, list)) for x in data) and \
        sum(len(str(x)) for x in data) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


Dumper.add_representer(list, _represent_list)


def main():
    build()
    sys.stdout.write("# The Fluxdesk demo cluster: a K3s homelab before its move to Flux.\n"
                     "# Generated by generate-demo-cluster.py; edit that script, not this file.\n")
    sys.stdout.write(yaml.dump({"apiVersion": "v1", "kind": "List",
                                     "metadata": {"resourceVersion": ""},
                                     "items": OBJECTS}, Dumper=Dumper, sort_keys=False,
                                    width=100))


if __name__ == "__main__":
    main()
