#!/usr/bin/env python3
"""Writes demo-cluster.yaml: the built-in demo cluster, modelled on the homelab in
infra-roadmap.md (K3s, two nodes, five Helm releases, two hand-applied workloads).

The output is what `kubectl get ... -o yaml` shows, server fields included. Helm release records
are encoded exactly as Helm 3's Secret driver stores them: the Secret's data.release is
base64(base64(gzip(release JSON))). Deterministic: fixed uids, timestamps and gzip mtime, so
re-running it gives the same file.

Usage: python3 generate-demo-cluster.py > demo-cluster.yaml   (needs PyYAML)
"""

import base64
import copy
import gzip
import json
import sys
import uuid

import yaml

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
                 defaults, objects, description):
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
            "lock": None, "templates": [], "values": defaults, "schema": None, "files": []},
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
                 eg_objects, "Install complete")

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
