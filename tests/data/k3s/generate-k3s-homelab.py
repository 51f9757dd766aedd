#!/usr/bin/env python3
"""Writes k3s-homelab.yaml: a test fixture modelled on a stock K3s v1.32 homelab.

What it models (see README.md beside it for the full story and the table of what the owner made):
a two-node K3s cluster (node1 server, node2 agent with a taint), installed at v1.31.5+k3s1 and
upgraded to v1.32.3+k3s1, with everything Kubernetes and K3s create by themselves, Envoy Gateway,
Grafana and Loki installed with `helm install` by the owner, and a few apps applied with kubectl.

The output is one `kind: List` as `kubectl get -o yaml` prints it: every object with uid,
resourceVersion, creationTimestamp, generation, ownerReferences and metadata.managedFields as an
API server records them (Update entries list the fields defaulting added, Apply entries only the
applied ones, status writers carry `subresource: status`). Keys are sorted as kubectl prints them.

Helm release records are Secrets of type helm.sh/release.v1 whose data.release is
base64(base64(gzip(release JSON))), as Helm 3's Secret driver stores them (the same encoding as
resources/demo/generate-demo-cluster.py). gzip headers are written like Go's compress/gzip
(mtime 0, no OS byte), so both helm and K3s's objectset annotations start with H4sIAAAAAAAA/.

Deterministic: uids are uuid5 of kind/namespace/name, timestamps are fixed, gzip has no mtime.

Usage:
  python3 generate-k3s-homelab.py                    writes k3s-homelab.yaml and
                                                     expected-owner-objects.txt
  python3 generate-k3s-homelab.py --disable-traefik  writes k3s-homelab-no-traefik.yaml
                                                     (K3s started with --disable traefik)
  python3 generate-k3s-homelab.py --check            checks both files: they parse, names are
                                                     unique, managedFields are well formed, Helm
                                                     records decode, and regenerating gives the
                                                     same bytes
Needs PyYAML.
"""

import argparse
import base64
import copy
import hashlib
import json
import os
import struct
import sys
import uuid
import zlib

import yaml

# The managedFields helpers the demo cluster's generator uses too.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                "resources", "demo"))
from managedfields import finalize_managed, mf, owned_view, pick, sort_managed  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
NS_UID = uuid.UUID("3b0f6c2e-7d4a-4e4b-9a51-6c1d2f0e8a77")

# --- the cluster's history ----------------------------------------------------------------------
K3S_OLD = "v1.31.5+k3s1"
K3S = "v1.32.3+k3s1"
T_INSTALL = "2025-01-20T19:04:11Z"      # curl -sfL https://get.k3s.io | sh -s - --node-label ...
T_BOOT = "2025-01-20T19:04:19Z"         # apiserver up, bootstrap objects written
T_KCM = "2025-01-20T19:04:24Z"          # kube-controller-manager running
T_ADDONS = "2025-01-20T19:04:31Z"       # deploy controller applies server manifests
T_HELM1 = "2025-01-20T19:05:02Z"        # traefik-crd / traefik first install
T_AGENT = "2025-01-20T19:31:52Z"        # node2 joins
T_FLUX = "2025-02-02T15:10:33Z"         # owner applies Flux CRDs (a first, abandoned try)
T_EG = "2025-02-08T10:42:17Z"           # helm install eg
T_GRAFANA = "2025-02-08T11:05:40Z"      # helm install grafana
T_LOKI = "2025-02-08T11:12:03Z"         # helm install loki
T_HCC = "2025-02-09T17:31:26Z"          # owner applies the traefik HelmChartConfig
T_GW = "2025-02-09T17:40:02Z"           # owner applies GatewayClass, Gateway, HTTPRoute
T_LLM = "2025-02-15T20:33:08Z"          # kubectl apply -f llm/
T_LA_SECRET = "2025-02-22T13:45:02Z"    # kubectl create secret generic
T_LA = "2025-02-22T13:47:21Z"           # kubectl apply -f log-analyzer/
T_LOKI2 = "2025-03-01T16:20:55Z"        # helm upgrade loki
T_SCALE = "2025-03-09T09:12:44Z"        # kubectl scale deployment log-analyzer --replicas=2
T_BACKUP = "2025-03-15T21:02:10Z"       # the owner's Backup CRD and one Backup
T_UPGRADE = "2025-04-06T08:30:12Z"      # K3s upgraded to v1.32.3+k3s1 (node1 then node2)
T_UPGRADE_AGENT = "2025-04-06T08:41:37Z"
T_UPGRADE_HELM = "2025-04-06T08:31:05Z"  # traefik-crd / traefik upgraded by helm-install jobs
T_NOW = "2025-06-20T08:15:00Z"          # when `kubectl get -o yaml` ran

NODES = {
    "node1": {"ip": "192.168.1.10", "cidr": "10.42.0.0/24", "hardware": "light", "server": True},
    "node2": {"ip": "192.168.1.11", "cidr": "10.42.1.0/24", "hardware": "heavy", "server": False},
}

IMAGES = {
    "coredns": "rancher/mirrored-coredns-coredns:1.12.0",
    "local-path": "rancher/local-path-provisioner:v0.0.31",
    "local-path-old": "rancher/local-path-provisioner:v0.0.30",
    "busybox": "rancher/mirrored-library-busybox:1.36.1",
    "metrics-server": "rancher/mirrored-metrics-server:v0.7.2",
    "klipper-helm": "rancher/klipper-helm:v0.9.4-build20250113",
    "klipper-lb": "rancher/klipper-lb:v0.4.13",
    "traefik": "rancher/mirrored-library-traefik:3.3.2",
    "traefik-old": "rancher/mirrored-library-traefik:2.11.18",
    "pause": "rancher/mirrored-pause:3.6",
    "eg": "docker.io/envoyproxy/gateway:v1.2.6",
    "envoy": "docker.io/envoyproxy/envoy:distroless-v1.32.3",
    "ratelimit": "docker.io/envoyproxy/ratelimit:49af5cca",
    "grafana": "docker.io/grafana/grafana:11.5.2",
    "loki": "docker.io/grafana/loki:3.4.2",
    "llama": "ghcr.io/ggml-org/llama.cpp:server-b4927",
    "log-analyzer": "registry.homelab.lan/log-analyzer:0.4.1",
}

TRAEFIK_CHART = "34.2.1+up34.2.0"
TRAEFIK_CHART_OLD = "27.0.201+up27.0.2"
EG_VERSION = "v1.2.6"

# --- state --------------------------------------------------------------------------------------
OBJECTS = []
OWNER = []          # (group/Kind, namespace, name) of what the owner made by hand
TRAEFIK = [True]    # False with --disable-traefik


def reset(traefik):
    del OBJECTS[:]
    del OWNER[:]
    TRAEFIK[0] = traefik


def uid(kind, ns, name):
    return str(uuid.uuid5(NS_UID, "%s/%s/%s" % (kind, ns or "", name)))


def hx(seed, n):
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


ALNUM = "bcdfghjklmnpqrstvwxz2456789"   # k8s.io/apimachinery/pkg/util/rand alphabet


def rand(seed, n):
    h = hashlib.sha256(seed.encode()).digest()
    return "".join(ALNUM[b % len(ALNUM)] for b in h[:n])


def b64(s):
    if isinstance(s, str):
        s = s.encode()
    return base64.b64encode(s).decode()


def go_gzip(data):
    """gzip as Go's compress/gzip writes it: mtime 0, XFL 0, OS 255 (H4sIAAAAAAAA/...)."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = co.compress(data) + co.flush()
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + body +
            struct.pack("<II", zlib.crc32(data) & 0xffffffff, len(data) & 0xffffffff))


def fake_pem(kind, seed, lines=6):
    raw = hashlib.sha512(seed.encode()).digest() * 3
    body = base64.b64encode(raw).decode()
    rows = [body[i:i + 64] for i in range(0, 64 * lines, 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (kind, "\n".join(rows), kind)


CA_PEM = fake_pem("CERTIFICATE", "k3s-server-ca")
CLIENT_CA_PEM = fake_pem("CERTIFICATE", "k3s-client-ca")
REQUEST_CA_PEM = fake_pem("CERTIFICATE", "k3s-request-header-ca")


def group_of(api_version):
    return api_version.split("/")[0] if "/" in api_version else ""




# --- object assembly ----------------------------------------------------------------------------
def meta(kind, name, ns=None, labels=None, annotations=None, created=T_BOOT, owner=None,
         generation=None, finalizers=None, generate_name=None, uid_kind=None):
    m = {"name": name, "creationTimestamp": created,
         "uid": uid(uid_kind or kind, ns, name)}
    if ns:
        m["namespace"] = ns
    if labels:
        m["labels"] = dict(labels)
    if annotations:
        m["annotations"] = dict(annotations)
    if owner:
        m["ownerReferences"] = [owner] if isinstance(owner, dict) else list(owner)
    if generation is not None:
        m["generation"] = generation
    if finalizers:
        m["finalizers"] = list(finalizers)
    if generate_name:
        m["generateName"] = generate_name
    return m


def oref(api, kind, name, ns=None, controller=True, block=True):
    r = {"apiVersion": api, "kind": kind, "name": name, "uid": uid(kind, ns, name)}
    if controller is not None:
        r["controller"] = controller
    if block is not None:
        r["blockOwnerDeletion"] = block
    return r


def add(obj, managed=None, owner_made=False):
    if managed:
        managed = finalize_managed(managed)
        if managed:
            obj["metadata"]["managedFields"] = managed
    OBJECTS.append(obj)
    if owner_made:
        m = obj["metadata"]
        OWNER.append((gk(obj), m.get("namespace") or "-", m["name"]))
    return obj


def gk(obj):
    return "%s/%s" % (group_of(obj["apiVersion"]) or "core", obj["kind"])


def last_applied(obj):
    """kubectl.kubernetes.io/last-applied-configuration as kubectl writes it."""
    o = copy.deepcopy(obj)
    o["metadata"].setdefault("annotations", {})
    return json.dumps(o, sort_keys=True, separators=(",", ":")) + "\n"


# --- defaulting (what the API server's defaulters add) ------------------------------------------
def default_container(c):
    img = c["image"]
    tag = img.rsplit("/", 1)[-1]
    c.setdefault("imagePullPolicy",
                 "Always" if (":" not in tag or tag.endswith(":latest")) else "IfNotPresent")
    c.setdefault("resources", {})
    c.setdefault("terminationMessagePath", "/dev/termination-log")
    c.setdefault("terminationMessagePolicy", "File")
    for p in c.get("ports", []):
        p.setdefault("protocol", "TCP")
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        if probe in c:
            pr = c[probe]
            pr.setdefault("failureThreshold", 3)
            pr.setdefault("periodSeconds", 10)
            pr.setdefault("successThreshold", 1)
            pr.setdefault("timeoutSeconds", 1)
            if "httpGet" in pr:
                pr["httpGet"].setdefault("scheme", "HTTP")
    for e in c.get("env", []):
        fr = e.get("valueFrom", {}).get("fieldRef")
        if fr:
            fr.setdefault("apiVersion", "v1")
    return c


def default_pod_spec(s):
    for c in s.get("initContainers", []) + s["containers"]:
        default_container(c)
    s.setdefault("dnsPolicy", "ClusterFirst")
    s.setdefault("restartPolicy", "Always")
    s.setdefault("schedulerName", "default-scheduler")
    s.setdefault("securityContext", {})
    s.setdefault("terminationGracePeriodSeconds", 30)
    if "serviceAccountName" in s:
        s["serviceAccount"] = s["serviceAccountName"]
    for v in s.get("volumes", []):
        for src in ("configMap", "secret", "projected"):
            if src in v:
                v[src].setdefault("defaultMode", 420)
        if "hostPath" in v:
            v["hostPath"].setdefault("type", "")
    return s


def default_template(t):
    t.setdefault("metadata", {})
    t["metadata"]["creationTimestamp"] = None
    default_pod_spec(t["spec"])
    return t


def default_workload(obj):
    k, s = obj["kind"], obj["spec"]
    if k == "Deployment":
        s.setdefault("progressDeadlineSeconds", 600)
        s.setdefault("replicas", 1)
        s.setdefault("revisionHistoryLimit", 10)
        st = s.setdefault("strategy", {"type": "RollingUpdate"})
        if st.get("type", "RollingUpdate") == "RollingUpdate":
            st.setdefault("type", "RollingUpdate")
            ru = st.setdefault("rollingUpdate", {})
            ru.setdefault("maxSurge", "25%")
            ru.setdefault("maxUnavailable", "25%")
    elif k == "DaemonSet":
        s.setdefault("revisionHistoryLimit", 10)
        st = s.setdefault("updateStrategy", {})
        st.setdefault("type", "RollingUpdate")
        ru = st.setdefault("rollingUpdate", {})
        ru.setdefault("maxSurge", 0)
        ru.setdefault("maxUnavailable", 1)
    elif k == "StatefulSet":
        s.setdefault("podManagementPolicy", "OrderedReady")
        s.setdefault("replicas", 1)
        s.setdefault("revisionHistoryLimit", 10)
        s.setdefault("persistentVolumeClaimRetentionPolicy",
                     {"whenDeleted": "Retain", "whenScaled": "Retain"})
        st = s.setdefault("updateStrategy", {})
        st.setdefault("type", "RollingUpdate")
        st.setdefault("rollingUpdate", {"partition": 0})
        for vct in s.get("volumeClaimTemplates", []):
            vct.setdefault("apiVersion", "v1")
            vct.setdefault("kind", "PersistentVolumeClaim")
            vct["metadata"]["creationTimestamp"] = None
            vct["spec"].setdefault("volumeMode", "Filesystem")
            vct["status"] = {"phase": "Pending"}
    elif k == "Job":
        s.setdefault("backoffLimit", 6)
        s.setdefault("completionMode", "NonIndexed")
        s.setdefault("completions", 1)
        s.setdefault("manualSelector", False)
        s.setdefault("parallelism", 1)
        s.setdefault("podReplacementPolicy", "TerminatingOrFailed")
        s.setdefault("suspend", False)
    default_template(s["template"])
    return obj


# --- services and their endpoints ---------------------------------------------------------------
def svc_ip(ns, name):
    fixed = {("default", "kubernetes"): "10.43.0.1", ("kube-system", "kube-dns"): "10.43.0.10"}
    if (ns, name) in fixed:
        return fixed[(ns, name)]
    h = hashlib.sha256(("svc/%s/%s" % (ns, name)).encode()).digest()
    return "10.43.%d.%d" % (h[0] % 250 + 2, h[1] % 250 + 2)


def node_port(ns, name, port):
    h = hashlib.sha256(("np/%s/%s/%d" % (ns, name, port)).encode()).digest()
    return 30000 + (h[0] * 256 + h[1]) % 2767


def service(rendered, created, lb_ingress=None):
    """Returns (live, defaulted): defaulted is what the creator owns (defaults, no allocations)."""
    d = copy.deepcopy(rendered)
    s = d["spec"]
    for p in s["ports"]:
        p.setdefault("protocol", "TCP")
        p.setdefault("targetPort", p["port"])
    s.setdefault("sessionAffinity", "None")
    s.setdefault("type", "ClusterIP")
    s.setdefault("internalTrafficPolicy", "Cluster")
    if s["type"] in ("LoadBalancer", "NodePort"):
        s.setdefault("externalTrafficPolicy", "Cluster")
    if s["type"] == "LoadBalancer":
        s.setdefault("allocateLoadBalancerNodePorts", True)
    live = copy.deepcopy(d)
    m, ls = live["metadata"], live["spec"]
    ip = svc_ip(m["namespace"], m["name"])
    ls["clusterIP"] = ip
    ls["clusterIPs"] = [ip]
    ls["ipFamilies"] = ["IPv4"]
    ls.setdefault("ipFamilyPolicy", "SingleStack")
    if ls["type"] == "LoadBalancer":
        for p in ls["ports"]:
            p["nodePort"] = node_port(m["namespace"], m["name"], p["port"])
    live["status"] = {"loadBalancer": {"ingress": [{"ip": i, "ipMode": "VIP"} for i in lb_ingress]}
                      if lb_ingress else {}}
    return live, d


def endpoints(svc, backends, created, time=None, named=None):
    """Endpoints and EndpointSlice for a Service; backends: [(pod, ip, node)]; ports resolved."""
    time = time or created
    m = svc["metadata"]
    ns, name = m["namespace"], m["name"]
    labels = dict(m.get("labels", {}))
    if svc["spec"].get("clusterIP") == "None":
        labels["service.kubernetes.io/headless"] = ""
    ports = []
    for p in svc["spec"]["ports"]:
        tp = p["targetPort"]
        port = {"port": tp if isinstance(tp, int) else (named or {})[tp],
                "protocol": p["protocol"]}
        if "name" in p:
            port["name"] = p["name"]
        ports.append(port)
    ann = {"endpoints.kubernetes.io/last-change-trigger-time": time}
    ep = {"apiVersion": "v1", "kind": "Endpoints",
          "metadata": meta("Endpoints", name, ns, labels or None, ann, created)}
    if backends:
        ep["subsets"] = [{"addresses": [
            {"ip": ip, "nodeName": node,
             "targetRef": {"kind": "Pod", "name": pod, "namespace": ns, "uid": uid("Pod", ns, pod)}}
            for pod, ip, node in sorted(backends, key=lambda b: b[1])],
            "ports": [dict(sorted(p.items())) for p in ports]}]
    add(ep, [mf(M_KCM, time, owned_view(ep), "v1")])
    eps_labels = dict(labels)
    eps_labels["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io"
    eps_labels["kubernetes.io/service-name"] = name
    sname = "%s-%s" % (name, rand("eps/%s/%s" % (ns, name), 5))
    eps = {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
           "metadata": meta("EndpointSlice", sname, ns, eps_labels, ann, created,
                            owner=oref("v1", "Service", name, ns), generation=1,
                            generate_name=name + "-"),
           "addressType": "IPv4",
           "endpoints": [{"addresses": [ip],
                          "conditions": {"ready": True, "serving": True, "terminating": False},
                          "nodeName": node,
                          "targetRef": {"kind": "Pod", "name": pod, "namespace": ns,
                                        "uid": uid("Pod", ns, pod)}}
                         for pod, ip, node in sorted(backends, key=lambda b: b[1])] or None,
           "ports": ports}
    if eps["endpoints"] is None:
        del eps["endpoints"]
    e = mf(M_KCM, time, owned_view(eps), "discovery.k8s.io/v1")
    e["fieldsV1"]["f:ports"] = {}
    add(eps, [e])


# --- pods and the controllers that make them ----------------------------------------------------
PRIORITY = {"system-cluster-critical": 2000000000, "system-node-critical": 2000001000}
POD_IPS = {}


def pod_ip(node, ns, name):
    base = NODES[node]["cidr"].rsplit(".", 1)[0]
    h = hashlib.sha256(("ip/%s/%s" % (ns, name)).encode()).digest()
    n = h[0] % 200 + 3
    while (node, n) in POD_IPS.values():
        n += 1
    POD_IPS[(ns, name)] = (node, n)
    return "%s.%d" % (base, n)


def image_ref(img):
    first = img.split("/")[0]
    if "/" in img and ("." in first or ":" in first or first == "localhost"):
        return img
    if "/" not in img:
        return "docker.io/library/" + img
    return "docker.io/" + img


def qos(spec):
    reqs = [c.get("resources", {}) for c in spec["containers"]]
    if not any(r.get("requests") or r.get("limits") for r in reqs):
        return "BestEffort"
    for r in reqs:
        lim, req = r.get("limits", {}), r.get("requests", {})
        if set(lim) != {"cpu", "memory"} or any(req.get(k, lim[k]) != lim[k] for k in lim):
            return "Burstable"
    return "Guaranteed"


def make_pod(name, ns, template, owner, node, created, started, creator_time=None,
             completed=None, restarts=0, extra_labels=None, host_network=False,
             generate_name=None):
    """A Pod as a controller creates it and the kubelet reports it."""
    creator_time = creator_time or created
    labels = dict(template["metadata"].get("labels", {}))
    labels.update(extra_labels or {})
    spec = copy.deepcopy(template["spec"])
    spec["enableServiceLinks"] = True
    pod = {"apiVersion": "v1", "kind": "Pod",
           "metadata": meta("Pod", name, ns, labels, template["metadata"].get("annotations"),
                            created, owner=owner, generate_name=generate_name),
           "spec": spec}
    managed = [mf(M_KCM, creator_time, owned_view(pod), "v1")]
    # admission and the scheduler: not owned by anyone
    spec["nodeName"] = node
    pc = spec.get("priorityClassName")
    spec["preemptionPolicy"] = "PreemptLowerPriority"
    spec["priority"] = PRIORITY.get(pc, 0)
    tol = spec.setdefault("tolerations", [])
    for key in ("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"):
        if not any(t.get("key") == key or (t.get("operator") == "Exists" and "key" not in t)
                   for t in tol):
            tol.append({"effect": "NoExecute", "key": key, "operator": "Exists",
                        "tolerationSeconds": 300})
    if spec.get("automountServiceAccountToken", True):
        vol = "kube-api-access-" + rand("kapi/%s/%s" % (ns, name), 5)
        spec.setdefault("volumes", []).append(
            {"name": vol, "projected": {"defaultMode": 420, "sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}],
                               "name": "kube-root-ca.crt"}},
                {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1",
                                                         "fieldPath": "metadata.namespace"},
                                            "path": "namespace"}]}}]}})
        for c in spec["containers"] + spec.get("initContainers", []):
            c.setdefault("volumeMounts", []).append(
                {"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": vol,
                 "readOnly": True})
    if not spec["tolerations"]:
        del spec["tolerations"]
    host_ip = NODES[node]["ip"]
    ip = host_ip if host_network or spec.get("hostNetwork") else pod_ip(node, ns, name)
    statuses = []
    for c in spec["containers"]:
        cid = "containerd://" + hx("cid/%s/%s/%s" % (ns, name, c["name"]), 64)
        img = image_ref(c["image"])
        st = {"containerID": cid, "image": img,
              "imageID": img.rsplit(":", 1)[0] + "@sha256:" + hx("img/" + img, 64),
              "lastState": {}, "name": c["name"], "restartCount": restarts}
        if completed:
            st.update({"ready": False, "started": False, "state": {"terminated": {
                "containerID": cid, "exitCode": 0, "finishedAt": completed, "reason": "Completed",
                "startedAt": started}}})
        else:
            st.update({"ready": True, "started": True,
                       "state": {"running": {"startedAt": started}}})
        mounts = [{"mountPath": vm["mountPath"], "name": vm["name"]} for vm in
                  c.get("volumeMounts", [])]
        for vm, src in zip(mounts, c.get("volumeMounts", [])):
            if src.get("readOnly"):
                vm["readOnly"] = True
                vm["recursiveReadOnly"] = "Disabled"
        if mounts:
            st["volumeMounts"] = mounts
        statuses.append(st)
    if completed:
        conds = [("PodReadyToStartContainers", "False", completed, None),
                 ("Initialized", "True", started, "PodCompleted"),
                 ("Ready", "False", completed, "PodCompleted"),
                 ("ContainersReady", "False", completed, "PodCompleted"),
                 ("PodScheduled", "True", created, None)]
    else:
        conds = [("PodReadyToStartContainers", "True", started, None),
                 ("Initialized", "True", created, None),
                 ("Ready", "True", started, None),
                 ("ContainersReady", "True", started, None),
                 ("PodScheduled", "True", created, None)]
    conditions = []
    for t, s, when, reason in conds:
        c = {"lastProbeTime": None, "lastTransitionTime": when, "status": s, "type": t}
        if reason:
            c["reason"] = reason
        conditions.append(c)
    pod["status"] = {"conditions": conditions, "containerStatuses": statuses,
                     "hostIP": host_ip, "hostIPs": [{"ip": host_ip}],
                     "phase": "Succeeded" if completed else "Running", "podIP": ip,
                     "podIPs": [{"ip": ip}], "qosClass": qos(spec), "startTime": created}
    status_view = pick(pod, ("status", "conditions"), ("status", "containerStatuses"),
                       ("status", "hostIP"), ("status", "hostIPs"), ("status", "phase"),
                       ("status", "podIP"), ("status", "podIPs"), ("status", "startTime"))
    managed.append(mf(M_KUBELET, completed or started, status_view, "v1", sub="status"))
    if completed:
        pod["status"].pop("podIP")
        pod["status"].pop("podIPs")
        managed[-1]["fieldsV1"]["f:status"].pop("f:podIP")
        managed[-1]["fieldsV1"]["f:status"].pop("f:podIPs")
    add(pod, managed)
    return pod, ip


def deploy_status(replicas, created, available_since, gen, rs_name):
    return {"availableReplicas": replicas,
            "conditions": [
                {"lastTransitionTime": available_since, "lastUpdateTime": available_since,
                 "message": "Deployment has minimum availability.",
                 "reason": "MinimumReplicasAvailable", "status": "True", "type": "Available"},
                {"lastTransitionTime": created, "lastUpdateTime": available_since,
                 "message": 'ReplicaSet "%s" has successfully progressed.' % rs_name,
                 "reason": "NewReplicaSetAvailable", "status": "True", "type": "Progressing"}],
            "observedGeneration": gen, "readyReplicas": replicas, "replicas": replicas,
            "updatedReplicas": replicas}


def deployment(rendered, creators, created, pods, revision=1, generation=1, old_rs=(),
               rs_created=None, started=None, scaled=None, owner_made=False):
    """A Deployment, its ReplicaSet(s) and Pods.

    rendered: the Deployment as its creator sent it (no defaults). creators(live) returns the
    managedFields entries of the Deployment's spec writers. pods: [node, ...]. old_rs:
    [(revision, template, created)] of superseded ReplicaSets kept by revisionHistoryLimit.
    scaled: (time, replicas) when the owner ran `kubectl scale` later."""
    live = default_workload(copy.deepcopy(rendered))
    m = live["metadata"]
    ns, name = m["namespace"], m["name"]
    m["creationTimestamp"] = created
    m["uid"] = uid("Deployment", ns, name)
    m["generation"] = generation
    if scaled:
        live["spec"]["replicas"] = scaled[1]
    replicas = live["spec"]["replicas"]
    rs_created = rs_created or created
    started = started or rs_created
    rs_hash = lambda rev: rand("rs/%s/%s/%d" % (ns, name, rev), 10)[:9 + (rev % 2)]
    cur_hash = rs_hash(revision)
    rs_name = "%s-%s" % (name, cur_hash)
    m.setdefault("annotations", {})["deployment.kubernetes.io/revision"] = str(revision)
    status_time = scaled[0] if scaled else started
    live["status"] = deploy_status(replicas, created, status_time, generation, rs_name)
    live["status"]["conditions"][0]["lastTransitionTime"] = started
    managed = list(creators(live))
    managed.append(mf(M_KCM, rs_created,
                      pick(live, ("metadata", "annotations", "deployment.kubernetes.io/revision")),
                      "apps/v1"))
    managed.append(mf(M_KCM, status_time, pick(
        live, *[("status", k) for k in live["status"]]), "apps/v1", sub="status"))
    add(live, managed, owner_made=owner_made)
    owner = oref("apps/v1", "Deployment", name, ns)
    all_rs = [(rev, t, c, False) for rev, t, c in old_rs] + \
        [(revision, live["spec"]["template"], rs_created, True)]
    pods_out = []
    for i, (rev, tmpl, rc, current) in enumerate(all_rs):
        h = rs_hash(rev)
        rname = "%s-%s" % (name, h)
        t = copy.deepcopy(tmpl)
        t["metadata"].setdefault("labels", {})["pod-template-hash"] = h
        sel = copy.deepcopy(live["spec"]["selector"])
        sel["matchLabels"]["pod-template-hash"] = h
        n = replicas if current else 0
        gen = 1 if current and not scaled else 2
        # when the controller last wrote the ReplicaSet: its creation, its scale-down when the
        # next revision took over, or the owner's kubectl scale
        if current:
            last = scaled[0] if scaled else rc
        else:
            last = all_rs[i + 1][2]
        rs = {"apiVersion": "apps/v1", "kind": "ReplicaSet",
              "metadata": meta("ReplicaSet", rname, ns, t["metadata"]["labels"],
                               {"deployment.kubernetes.io/desired-replicas": str(replicas),
                                "deployment.kubernetes.io/max-replicas": str(
                                    replicas + max_surge(live, replicas)),
                                "deployment.kubernetes.io/revision": str(rev)},
                               rc, owner=owner, generation=gen),
              "spec": {"replicas": n, "selector": sel, "template": t}}
        rs["status"] = ({"availableReplicas": n, "fullyLabeledReplicas": n,
                         "observedGeneration": gen, "readyReplicas": n, "replicas": n} if n else
                        {"observedGeneration": gen, "replicas": 0})
        add(rs, [mf(M_KCM, last, owned_view(rs), "apps/v1"),
                 mf(M_KCM, status_time if current else last,
                    pick(rs, *[("status", k) for k in rs["status"]]), "apps/v1", sub="status")])
        if current:
            for j, pod in enumerate(pods):
                node, when = pod if isinstance(pod, tuple) else (pod, None)
                pname = "%s-%s" % (rname, rand("pod/%s/%s/%d" % (ns, rname, j), 5))
                _, ip = make_pod(pname, ns, t, oref("apps/v1", "ReplicaSet", rname, ns), node,
                                 when or rs_created, when or started,
                                 generate_name=rname + "-")
                pods_out.append((pname, ip, node))
    return live, pods_out


def max_surge(live, replicas):
    ms = live["spec"].get("strategy", {}).get("rollingUpdate", {}).get("maxSurge", 0)
    if isinstance(ms, str) and ms.endswith("%"):
        return -(-replicas * int(ms[:-1]) // 100)
    return ms


def controller_revision(owner_kind, owner_name, ns, h, template, created, labels, revision=1):
    data = {"spec": {"template": copy.deepcopy(template)}}
    data["spec"]["template"]["$patch"] = "replace"
    cr = {"apiVersion": "apps/v1", "kind": "ControllerRevision",
          "metadata": meta("ControllerRevision", "%s-%s" % (owner_name, h), ns,
                           dict(labels, **{"controller-revision-hash": h}), None, created,
                           owner=oref("apps/v1", owner_kind, owner_name, ns)),
          "data": data, "revision": revision}
    add(cr, [mf(M_KCM, created, owned_view(cr), "apps/v1")])
    return cr


def daemonset(rendered, creators, created, nodes, started=None):  # noqa: C901
    """A DaemonSet with its ControllerRevision and one Pod per node it fits on."""
    live = default_workload(copy.deepcopy(rendered))
    m = live["metadata"]
    ns, name = m["namespace"], m["name"]
    m.update({"creationTimestamp": created, "uid": uid("DaemonSet", ns, name), "generation": 1})
    started = started or created
    h = rand("ds/%s/%s" % (ns, name), 10)[:9]
    sel_labels = dict(live["spec"]["selector"]["matchLabels"])
    controller_revision("DaemonSet", name, ns, h, live["spec"]["template"], created, sel_labels)
    n = len(nodes)
    live["status"] = {"currentNumberScheduled": n, "desiredNumberScheduled": n,
                      "numberAvailable": n, "numberMisscheduled": 0, "numberReady": n,
                      "observedGeneration": 1, "updatedNumberScheduled": n}
    managed = list(creators(live))
    managed.append(mf(M_KCM, started, pick(
        live, *[("status", k) for k in live["status"]]), "apps/v1", sub="status"))
    add(live, managed)
    out = []
    for node in nodes:
        t = copy.deepcopy(live["spec"]["template"])
        t["metadata"]["labels"].update({"controller-revision-hash": h,
                                        "pod-template-generation": "1"})
        t["spec"]["affinity"] = {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution":
                                                  {"nodeSelectorTerms": [{"matchFields": [
                                                      {"key": "metadata.name", "operator": "In",
                                                       "values": [node]}]}]}}}
        tol = t["spec"].setdefault("tolerations", [])
        for key, eff in (("node.kubernetes.io/not-ready", "NoExecute"),
                         ("node.kubernetes.io/unreachable", "NoExecute"),
                         ("node.kubernetes.io/disk-pressure", "NoSchedule"),
                         ("node.kubernetes.io/memory-pressure", "NoSchedule"),
                         ("node.kubernetes.io/pid-pressure", "NoSchedule"),
                         ("node.kubernetes.io/unschedulable", "NoSchedule")):
            tol.append({"effect": eff, "key": key, "operator": "Exists"})
        pname = "%s-%s" % (name, rand("dspod/%s/%s/%s" % (ns, name, node), 5))
        _, ip = make_pod(pname, ns, t, oref("apps/v1", "DaemonSet", name, ns), node, started,
                         started, generate_name=name + "-")
        out.append((pname, ip, node))
    return live, out


# --- who writes ---------------------------------------------------------------------------------
# K3s runs kube-apiserver, kube-controller-manager, kube-scheduler, the cloud controller and the
# kubelet inside the k3s binary. Their clients keep client-go's default user agent
# ("k3s/v1.32.3+k3s1 (linux/amd64) kubernetes/<commit>[/<controller>]"), and the API server names
# a field manager after the user agent's first segment, so in a K3s cluster all of them appear as
# manager "k3s". Only writers that name themselves differ: K3s's deploy controller
# ("deploy@<node>"), its helm controller, APF's config producer/consumer, the aggregation
# controller's server-side apply, Helm, kubectl, Envoy Gateway, local-path-provisioner.
M_APISERVER = "k3s"
M_KCM = "k3s"
M_SCHED = "k3s"
M_KUBELET = "k3s"
M_CCM = "k3s"
M_AGENT = "k3s"           # flannel and the agent's node annotations

# --- how the writers stamp what they create ------------------------------------------------------
ADDON_GVK = "k3s.cattle.io/v1, Kind=Addon"
DEPLOY = "deploy@node1"
HELMCTL = "helm-controller@node1"
SUPERVISOR = "k3s-supervisor@node1"


def objectset_stamp(obj, set_id, owner_gvk, owner_ns, owner_name):
    """Labels and annotations wrangler's apply adds (objectset.rio.cattle.io/*)."""
    m = obj["metadata"]
    h = hashlib.sha1(("%s/%s/%s/%s" % (set_id, owner_gvk, owner_ns, owner_name)).encode())
    m.setdefault("labels", {})["objectset.rio.cattle.io/hash"] = h.hexdigest()
    ann = m.setdefault("annotations", {})
    ann.update({"objectset.rio.cattle.io/id": set_id,
                "objectset.rio.cattle.io/owner-gvk": owner_gvk,
                "objectset.rio.cattle.io/owner-name": owner_name,
                "objectset.rio.cattle.io/owner-namespace": owner_ns})
    applied = {k: copy.deepcopy(v) for k, v in obj.items() if k != "status"}
    applied["metadata"] = {k: copy.deepcopy(m[k]) for k in ("name", "namespace", "labels",
                                                             "annotations") if k in m}
    ann["objectset.rio.cattle.io/applied"] = b64(go_gzip(
        json.dumps(applied, sort_keys=True, separators=(",", ":")).encode()))
    return obj


def addon_stamp(obj, addon):
    return objectset_stamp(obj, "", ADDON_GVK, "kube-system", addon)


HELM_META = ("meta.helm.sh/release-name", "meta.helm.sh/release-namespace")


def helm_stamp(obj, release, ns):
    """What Helm 3 adds to every templated object before it creates it."""
    m = obj["metadata"]
    m.setdefault("labels", {})["app.kubernetes.io/managed-by"] = "Helm"
    if not m.get("annotations"):
        m["annotations"] = {}
    m["annotations"].update({HELM_META[0]: release, HELM_META[1]: ns})
    return obj


def materialize(rendered, created, generation=None, status=None):
    """Server fields on a rendered object (kinds without controllers and defaults)."""
    live = copy.deepcopy(rendered)
    m = live["metadata"]
    kind = live["kind"]
    m.update({"creationTimestamp": created, "uid": uid(kind, m.get("namespace"), m["name"])})
    if generation is not None:
        m["generation"] = generation
    if status is not None:
        live["status"] = status
    return live


def simple(rendered, created, manager, time=None, api=None, generation=None, status=None,
           extra_managed=(), owner_made=False, cr=False, op="Update", view=None):
    """Create-and-record for objects without defaulting subtleties."""
    live = materialize(rendered, created, generation, status)
    api = api or live["apiVersion"]
    v = view if view is not None else owned_view(live)
    entries = [mf(manager, time or created, v, api, op=op, cr=cr)] if manager else []
    return add(live, entries + list(extra_managed), owner_made=owner_made)


def kubectl_apply(rendered, created, time=None, status=None, generation=None, cr=False,
                  defaults=None, extra_managed=(), owner_made=True):
    """`kubectl apply` (client-side): last-applied annotation, creator owns defaulted fields."""
    obj = copy.deepcopy(rendered)
    la = last_applied(rendered)
    obj["metadata"].setdefault("annotations", {})[
        "kubectl.kubernetes.io/last-applied-configuration"] = la
    if defaults:
        defaults(obj)
    return simple(obj, created, "kubectl-client-side-apply", time, generation=generation,
                  status=status, cr=cr, extra_managed=extra_managed, owner_made=owner_made)


def crd_status(names, versions, created):
    acc = {k: v for k, v in names.items()}
    return {"acceptedNames": acc,
            "conditions": [
                {"lastTransitionTime": created, "message": "no conflicts found",
                 "reason": "NoConflicts", "status": "True", "type": "NamesAccepted"},
                {"lastTransitionTime": created, "message": "the initial names have been accepted",
                 "reason": "InitialNamesAccepted", "status": "True", "type": "Established"}],
            "storedVersions": [v[0] for v in versions if v[2]]}


def crd(group, kind, plural, scope="Namespaced", versions=(("v1", True, True),),
        short=None, categories=None, labels=None, annotations=None, singular=None):
    """A CustomResourceDefinition as its chart or manifest renders it. Schemas are kept minimal
    (preserve-unknown-fields) to hold the fixture's size; names, scopes and versions are real."""
    names = {"kind": kind, "listKind": kind + "List", "plural": plural,
             "singular": singular or kind.lower()}
    if short:
        names["shortNames"] = list(short)
    if categories:
        names["categories"] = list(categories)
    vs = []
    for v, served, storage in versions:
        vs.append({"name": v, "schema": {"openAPIV3Schema": {
            "type": "object", "x-kubernetes-preserve-unknown-fields": True}},
            "served": served, "storage": storage, "subresources": {"status": {}}})
    md = {"name": "%s.%s" % (plural, group)}
    if labels:
        md["labels"] = dict(labels)
    if annotations:
        md["annotations"] = dict(annotations)
    return {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": md,
            "spec": {"group": group, "names": names, "scope": scope, "versions": vs}}


def crd_live(rendered, created, manager, time=None, owner_made=False, status_time=None):
    live = copy.deepcopy(rendered)
    live["spec"].setdefault("conversion", {"strategy": "None"})
    vers = [(v["name"], v["served"], v["storage"]) for v in live["spec"]["versions"]]
    status = crd_status(live["spec"]["names"], vers, created)
    status["acceptedNames"] = {k: v for k, v in live["spec"]["names"].items()}
    obj = materialize(live, created, generation=1, status=status)
    entries = [mf(manager, time or created, owned_view(obj), "apiextensions.k8s.io/v1"),
               mf(M_APISERVER, status_time or created,
                  pick(obj, ("status", "acceptedNames"), ("status", "conditions")),
                  "apiextensions.k8s.io/v1", sub="status")]
    return add(obj, entries, owner_made=owner_made)


# --- Helm release records ------------------------------------------------------------------------
def go_time(t, frac):
    return t[:-1] + ".%09dZ" % frac


def epoch(t):
    import calendar
    import time as _t
    return calendar.timegm(_t.strptime(t, "%Y-%m-%dT%H:%M:%SZ"))


def manifest_text(docs):
    out = ""
    for source, doc in docs:
        text = doc if isinstance(doc, str) else yaml.dump(doc, Dumper=ManifestDumper,
                                                          sort_keys=False, width=4096)
        out += "---\n# Source: %s\n%s\n" % (source, text.rstrip("\n"))
    return out


def helm_record(name, ns, chart_meta, revision, status, first, last, config, chart_values,
                docs, description, hooks=None, notes="", modified=None):
    release = {
        "name": name,
        "info": {"first_deployed": go_time(first, 412345678 + revision),
                 "last_deployed": go_time(last, 518203417 + revision), "deleted": "",
                 "description": description, "status": status},
        "chart": {"metadata": dict({"apiVersion": "v2", "type": "application"}, **chart_meta),
                  "lock": None, "templates": [], "values": chart_values, "schema": None,
                  "files": []},
        "config": config,
        "manifest": manifest_text(docs),
        "version": revision,
        "namespace": ns,
    }
    if notes:
        release["info"]["notes"] = notes
    if hooks:
        release["hooks"] = hooks
    payload = json.dumps(release, separators=(",", ":")).encode()
    data = b64(b64(go_gzip(payload)))
    rname = "sh.helm.release.v1.%s.v%d" % (name, revision)
    mod = modified or last
    sec = {"apiVersion": "v1", "kind": "Secret",
           "metadata": {"name": rname, "namespace": ns,
                        "labels": {"modifiedAt": str(epoch(mod)), "name": name, "owner": "helm",
                                   "status": status, "version": str(revision)}},
           "type": "helm.sh/release.v1", "data": {"release": data}}
    return simple(sec, last, "helm", mod)


class ManifestDumper(yaml.SafeDumper):
    """Helm templates indent lists under their key; close enough for the stored manifests."""


def _str_presenter(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


ManifestDumper.add_representer(str, _str_presenter)


def helm_labels(release, name, chart, version, app_version=None, component=None):
    labels = {"app.kubernetes.io/instance": release, "app.kubernetes.io/managed-by": "Helm",
              "app.kubernetes.io/name": name, "helm.sh/chart": "%s-%s" % (
                  chart, version.replace("+", "_"))}
    if app_version:
        labels["app.kubernetes.io/version"] = app_version
    if component:
        labels["app.kubernetes.io/component"] = component
    return labels


# ==================================================================================================
# Kubernetes' own objects
# ==================================================================================================
def namespaces():
    for ns in ("default", "kube-system", "kube-public", "kube-node-lease"):
        o = {"apiVersion": "v1", "kind": "Namespace",
             "metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns}},
             "spec": {"finalizers": ["kubernetes"]}}
        simple(o, T_BOOT, M_APISERVER, status={"phase": "Active"},
               view=pick(o, ("metadata", "labels")))
    # helm install --create-namespace: Helm writes a Namespace labelled name=<ns>
    for ns, when in (("envoy-gateway-system", T_EG), ("logging", T_GRAFANA)):
        o = {"apiVersion": "v1", "kind": "Namespace",
             "metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns, "name": ns}},
             "spec": {"finalizers": ["kubernetes"]}}
        simple(o, when, "helm", status={"phase": "Active"}, view=pick(o, ("metadata", "labels")),
               owner_made=True)
    for ns, when in (("llm", T_LLM), ("log-analyzer", T_LA)):
        rendered = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}
        o = copy.deepcopy(rendered)
        o["metadata"]["annotations"] = {
            "kubectl.kubernetes.io/last-applied-configuration": last_applied(rendered)}
        o["metadata"]["labels"] = {"kubernetes.io/metadata.name": ns}
        o["spec"] = {"finalizers": ["kubernetes"]}
        simple(o, when, "kubectl-client-side-apply", status={"phase": "Active"},
               view=pick(o, ("metadata", "annotations"), ("metadata", "labels")), owner_made=True)


ALL_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease",
                  "envoy-gateway-system", "logging", "llm", "log-analyzer"]
NS_CREATED = {"default": T_BOOT, "kube-system": T_BOOT, "kube-public": T_BOOT,
              "kube-node-lease": T_BOOT, "envoy-gateway-system": T_EG, "logging": T_GRAFANA,
              "llm": T_LLM, "log-analyzer": T_LA}


def namespace_defaults():
    """The default ServiceAccount and kube-root-ca.crt the controllers put in every namespace."""
    for ns in ALL_NAMESPACES:
        when = NS_CREATED[ns]
        kcm = T_KCM if when == T_BOOT else when
        # a ServiceAccount with nothing but a name: the server keeps no managedFields for it
        add({"apiVersion": "v1", "kind": "ServiceAccount",
             "metadata": meta("ServiceAccount", "default", ns, created=kcm)})
        cm = {"apiVersion": "v1", "kind": "ConfigMap",
              "metadata": {"name": "kube-root-ca.crt", "namespace": ns, "annotations": {
                  "kubernetes.io/description": "Contains a CA bundle that can be used to verify "
                                               "the kube-apiserver when using internal endpoints "
                                               "such as the internal service IP or kubernetes."
                                               "default.svc. No other usage is guaranteed across "
                                               "distributions of Kubernetes clusters."}},
              "data": {"ca.crt": CA_PEM}}
        simple(cm, kcm, M_KCM)


CONTROLLER_SAS = [
    "attachdetach-controller", "bootstrap-signer", "certificate-controller",
    "clusterrole-aggregation-controller", "cronjob-controller", "daemon-set-controller",
    "deployment-controller", "disruption-controller", "endpoint-controller",
    "endpointslice-controller", "endpointslicemirroring-controller",
    "ephemeral-volume-controller", "expand-controller", "generic-garbage-collector",
    "horizontal-pod-autoscaler", "job-controller", "legacy-service-account-token-cleaner",
    "namespace-controller", "node-controller", "persistent-volume-binder",
    "pod-garbage-collector", "pv-protection-controller", "pvc-protection-controller",
    "replicaset-controller", "replication-controller", "resourcequota-controller",
    "root-ca-cert-publisher", "service-account-controller", "statefulset-controller",
    "token-cleaner", "ttl-after-finished-controller", "ttl-controller",
    "validatingadmissionpolicy-status-controller"]


def controller_service_accounts():
    # kube-controller-manager runs with --use-service-account-credentials (K3s sets it)
    for name in CONTROLLER_SAS:
        add({"apiVersion": "v1", "kind": "ServiceAccount",
             "metadata": meta("ServiceAccount", name, "kube-system", created=T_KCM)})


def node_labels(name):
    n = NODES[name]
    labels = {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/instance-type": "k3s",
              "beta.kubernetes.io/os": "linux", "hardware": n["hardware"],
              "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name,
              "kubernetes.io/os": "linux", "node.kubernetes.io/instance-type": "k3s"}
    if n["server"]:
        labels["node-role.kubernetes.io/control-plane"] = "true"
        labels["node-role.kubernetes.io/master"] = "true"
    return labels


NODE_IMAGES = {
    "node1": ["coredns", "local-path", "local-path-old", "metrics-server", "klipper-helm",
              "klipper-lb", "traefik", "traefik-old", "pause", "eg", "envoy", "grafana", "loki",
              "log-analyzer", "busybox"],
    "node2": ["klipper-lb", "pause", "llama"],
}


def nodes():
    for name, n in NODES.items():
        created = T_BOOT if n["server"] else T_AGENT
        upgraded = T_UPGRADE if n["server"] else T_UPGRADE_AGENT
        args = (["server", "--node-label", "hardware=light"] if n["server"] else
                ["agent", "--node-label", "hardware=heavy", "--node-taint",
                 "heavy=true:NoSchedule"])
        env = {} if n["server"] else {"K3S_TOKEN": "********",
                                      "K3S_URL": "https://192.168.1.10:6443"}
        ann = {"alpha.kubernetes.io/provided-node-ip": n["ip"],
               "flannel.alpha.coreos.com/backend-data":
                   '{"VNI":1,"VtepMAC":"%s"}' % ":".join(hx("mac" + name, 12)[i:i + 2]
                                                        for i in range(0, 12, 2)),
               "flannel.alpha.coreos.com/backend-type": "vxlan",
               "flannel.alpha.coreos.com/kube-subnet-manager": "true",
               "flannel.alpha.coreos.com/public-ip": n["ip"],
               "k3s.io/hostname": name, "k3s.io/internal-ip": n["ip"],
               "k3s.io/node-args": json.dumps(args, separators=(",", ":")),
               "k3s.io/node-config-hash": base64.b32encode(
                   hashlib.sha256(("cfg" + name).encode()).digest()).decode()[:52],
               "k3s.io/node-env": json.dumps(env, separators=(",", ":")),
               "node.alpha.kubernetes.io/ttl": "0",
               "volumes.kubernetes.io/controller-managed-attach-detach": "true"}
        spec = {"podCIDR": n["cidr"], "podCIDRs": [n["cidr"]], "providerID": "k3s://" + name}
        if not n["server"]:
            spec["taints"] = [{"effect": "NoSchedule", "key": "heavy", "value": "true"}]
        cap = ({"cpu": "4", "ephemeral-storage": "244506940Ki", "hugepages-1Gi": "0",
                "hugepages-2Mi": "0", "memory": "16231200Ki", "pods": "110"} if n["server"] else
               {"cpu": "16", "ephemeral-storage": "959786032Ki", "hugepages-1Gi": "0",
                "hugepages-2Mi": "0", "memory": "65767432Ki", "pods": "110"})
        alloc = dict(cap)
        alloc["ephemeral-storage"] = "237857110837" if n["server"] else "933675306513"
        images = [{"names": [image_ref(IMAGES[k]).rsplit(":", 1)[0] + "@sha256:" +
                             hx("img/" + image_ref(IMAGES[k]), 64), image_ref(IMAGES[k])],
                   "sizeBytes": 10000000 + int(hx("size" + k, 6), 16) * 7}
                  for k in NODE_IMAGES[name]]
        images.sort(key=lambda i: -i["sizeBytes"])
        conds = []
        for t, reason, msg in (
                ("MemoryPressure", "KubeletHasSufficientMemory",
                 "kubelet has sufficient memory available"),
                ("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                ("PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                ("Ready", "KubeletReady", "kubelet is posting ready status")):
            conds.append({"lastHeartbeatTime": "2025-06-20T08:13:4%dZ" % (1 if n["server"] else 6),
                          "lastTransitionTime": upgraded, "message": msg, "reason": reason,
                          "status": "True" if t == "Ready" else "False", "type": t})
        status = {"addresses": [{"address": n["ip"], "type": "InternalIP"},
                                {"address": name, "type": "Hostname"}],
                  "allocatable": alloc, "capacity": cap, "conditions": conds,
                  "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
                  "features": {"supplementalGroupsPolicy": True},
                  "images": images,
                  "nodeInfo": {"architecture": "amd64",
                               "bootID": str(uuid.uuid5(NS_UID, "boot/" + name)),
                               "containerRuntimeVersion": "containerd://2.0.4-k3s2",
                               "kernelVersion": "6.8.0-57-generic",
                               "kubeProxyVersion": K3S, "kubeletVersion": K3S,
                               "machineID": hx("machine/" + name, 32),
                               "operatingSystem": "linux",
                               "osImage": "Ubuntu 24.04.2 LTS",
                               "systemUUID": str(uuid.uuid5(NS_UID, "sys/" + name))},
                  "runtimeHandlers": [
                      {"features": {"recursiveReadOnlyMounts": True, "userNamespaces": True},
                       "name": h} for h in ("runc", "", "crun")]}
        node = {"apiVersion": "v1", "kind": "Node",
                "metadata": meta("Node", name, None, node_labels(name), ann, created),
                "spec": spec, "status": status}
        lab = node["metadata"]["labels"]
        kubelet_main = {"metadata": {
            "annotations": {k: ann[k] for k in ("alpha.kubernetes.io/provided-node-ip",
                                                "volumes.kubernetes.io/controller-managed-"
                                                "attach-detach")},
            "labels": {k: lab[k] for k in ("beta.kubernetes.io/arch", "beta.kubernetes.io/os",
                                           "hardware", "kubernetes.io/arch",
                                           "kubernetes.io/hostname", "kubernetes.io/os")}}}
        if not n["server"]:
            kubelet_main["spec"] = {"taints": spec["taints"]}
        k3s_main = {"metadata": {
            "annotations": {k: v for k, v in ann.items() if k.startswith(("flannel", "k3s.io"))},
            "labels": {k: lab[k] for k in lab if "instance-type" in k or "node-role" in k}},
            "spec": {"providerID": spec["providerID"]}}
        kcm_main = {"metadata": {"annotations": {"node.alpha.kubernetes.io/ttl": "0"}},
                    "spec": {"podCIDR": n["cidr"], "podCIDRs": [n["cidr"]]}}
        add(node, [mf(M_KUBELET, upgraded, kubelet_main, "v1"),
                   mf(M_AGENT, upgraded, k3s_main, "v1"),
                   mf(M_KCM, created, kcm_main, "v1"),
                   mf(M_KUBELET, "2025-06-20T08:13:4%dZ" % (1 if n["server"] else 6),
                      pick(node, *[("status", k) for k in status]), "v1", sub="status")])
        # CSINode, written by the kubelet, owned by the Node
        cn = {"apiVersion": "storage.k8s.io/v1", "kind": "CSINode",
              "metadata": meta("CSINode", name, None, None, {
                  "storage.alpha.kubernetes.io/migrated-plugins":
                      "kubernetes.io/aws-ebs,kubernetes.io/azure-disk,kubernetes.io/azure-file,"
                      "kubernetes.io/cinder,kubernetes.io/gce-pd,kubernetes.io/portworx-volume,"
                      "kubernetes.io/vsphere-volume"}, created,
                  owner=oref("v1", "Node", name, None, controller=None, block=None)),
              "spec": {"drivers": None}}
        add(cn, [mf(M_KUBELET, created, owned_view(cn), "storage.k8s.io/v1")])
        # the node's heartbeat Lease
        lease = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                 "metadata": meta("Lease", name, "kube-node-lease", None, None, created,
                                  owner=oref("v1", "Node", name, None, controller=None,
                                             block=None)),
                 "spec": {"holderIdentity": name, "leaseDurationSeconds": 40,
                          "renewTime": "2025-06-20T08:14:5%d.%06dZ" % (
                              4 if n["server"] else 8, 412331 if n["server"] else 90217)}}
        add(lease, [mf(M_KUBELET, lease["spec"]["renewTime"][:19] + "Z", owned_view(lease),
                       "coordination.k8s.io/v1")])
        # the node password K3s keeps to let the node rejoin under its name
        sec = {"apiVersion": "v1", "kind": "Secret",
               "metadata": {"name": "%s.node-password.k3s" % name, "namespace": "kube-system"},
               "immutable": True, "type": "Opaque",
               "data": {"hash": b64("$1:%s:15:8:1:%s" % (hx("salt" + name, 16),
                                                       hx("hash" + name, 64)))}}
        simple(sec, created, SUPERVISOR)


def leader_leases():
    def lease(name, ns, holder, duration, manager, acquired, transitions, labels=None,
              renew="2025-06-20T08:14:58.%06dZ"):
        spec = {"acquireTime": acquired[:-1] + ".000000Z",
                "holderIdentity": holder, "leaseDurationSeconds": duration,
                "leaseTransitions": transitions,
                "renewTime": renew % int(hx("renew" + name, 4), 16) if "%" in renew else renew}
        o = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
             "metadata": {"name": name, "namespace": ns}, "spec": spec}
        if labels:
            o["metadata"]["labels"] = labels
        return simple(o, acquired if transitions == 0 else T_BOOT, manager,
                      spec["renewTime"][:19] + "Z")
    node1 = lambda s: "node1_" + str(uuid.uuid5(NS_UID, s))
    lease("kube-controller-manager", "kube-system", node1("kcm"), 15, M_KCM, T_UPGRADE, 1)
    lease("kube-scheduler", "kube-system", node1("sched"), 15, M_SCHED, T_UPGRADE, 1)
    lease("cloud-controller-manager", "kube-system", node1("ccm"), 15, M_CCM, T_UPGRADE, 1)
    lease("k3s", "kube-system", "node1", 45, SUPERVISOR, T_UPGRADE, 1)
    api_id = "apiserver-" + base64.b32encode(hashlib.sha256(b"apiserver-node1").digest()
                                             ).decode().lower()[:26]
    o = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
         "metadata": {"name": api_id, "namespace": "kube-system",
                      "labels": {"apiserver.kubernetes.io/identity": "kube-apiserver",
                                 "kubernetes.io/hostname": "node1"}},
         "spec": {"holderIdentity": "%s_%s" % (api_id, uuid.uuid5(NS_UID, "apiserver-run")),
                  "leaseDurationSeconds": 3600,
                  "renewTime": "2025-06-20T08:14:41.118305Z"}}
    simple(o, T_UPGRADE, M_APISERVER, "2025-06-20T08:14:41Z")


def priority_classes():
    for name, value, desc in (
            ("system-cluster-critical", 2000000000,
             "Used for system critical pods that must run in the cluster, but can be moved to "
             "another node if necessary."),
            ("system-node-critical", 2000001000,
             "Used for system critical pods that must not be moved from their current node.")):
        o = {"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
             "metadata": {"name": name}, "description": desc,
             "preemptionPolicy": "PreemptLowerPriority", "value": value}
        simple(o, T_BOOT, M_APISERVER)


LOCAL_APIS = [("", "v1", 18000, 1), ("admissionregistration.k8s.io", "v1", 16700, 15),
              ("apiextensions.k8s.io", "v1", 16700, 15), ("apps", "v1", 17800, 15),
              ("authentication.k8s.io", "v1", 17700, 15), ("authorization.k8s.io", "v1", 17600, 15),
              ("autoscaling", "v1", 17500, 15), ("autoscaling", "v2", 17500, 30),
              ("batch", "v1", 17400, 15), ("certificates.k8s.io", "v1", 17300, 15),
              ("coordination.k8s.io", "v1", 16500, 15), ("discovery.k8s.io", "v1", 16200, 15),
              ("events.k8s.io", "v1", 17750, 15),
              ("flowcontrol.apiserver.k8s.io", "v1", 16100, 21),
              ("networking.k8s.io", "v1", 17200, 15), ("node.k8s.io", "v1", 16300, 15),
              ("policy", "v1", 17100, 15), ("rbac.authorization.k8s.io", "v1", 17000, 15),
              ("scheduling.k8s.io", "v1", 16600, 15), ("storage.k8s.io", "v1", 16800, 15)]


def api_services(crd_versions):
    """The APIServices the aggregator registers for built-in groups and for every CRD version."""
    def one(group, version, gmin, vprio, automanaged, created):
        spec = {"groupPriorityMinimum": gmin, "version": version, "versionPriority": vprio}
        if group:
            spec["group"] = group
        o = {"apiVersion": "apiregistration.k8s.io/v1", "kind": "APIService",
             "metadata": {"name": "%s.%s" % (version, group),
                          "labels": {"kube-aggregator.kubernetes.io/automanaged": automanaged}},
             "spec": spec,
             "status": {"conditions": [{"lastTransitionTime": created,
                                        "message": "Local APIServices are always available",
                                        "reason": "Local", "status": "True",
                                        "type": "Available"}]}}
        live = materialize(o, created)
        add(live, [mf(M_APISERVER, created, owned_view(live), "apiregistration.k8s.io/v1"),
                   mf(M_APISERVER, created, pick(live, ("status", "conditions")),
                      "apiregistration.k8s.io/v1", sub="status")])
    for g, v, gmin, vp in LOCAL_APIS:
        one(g, v, gmin, vp, "onstart", T_BOOT)
    seen = set()
    for g, v, created in sorted(crd_versions):
        if (g, v) not in seen:
            seen.add((g, v))
            one(g, v, 1000, 100, "true", created)


def kubernetes_service():
    svc = {"apiVersion": "v1", "kind": "Service",
           "metadata": meta("Service", "kubernetes", "default",
                            {"component": "apiserver", "provider": "kubernetes"}, None, T_BOOT),
           "spec": {"clusterIP": "10.43.0.1", "clusterIPs": ["10.43.0.1"],
                    "internalTrafficPolicy": "Cluster", "ipFamilies": ["IPv4"],
                    "ipFamilyPolicy": "SingleStack",
                    "ports": [{"name": "https", "port": 443, "protocol": "TCP",
                               "targetPort": 6443}],
                    "sessionAffinity": "None", "type": "ClusterIP"},
           "status": {"loadBalancer": {}}}
    add(svc, [mf(M_APISERVER, T_BOOT, owned_view(svc, drop=[("spec", "clusterIPs"),
                                                                ("spec", "ipFamilies")]), "v1")])
    ep = {"apiVersion": "v1", "kind": "Endpoints",
          "metadata": meta("Endpoints", "kubernetes", "default",
                           {"endpointslice.kubernetes.io/skip-mirror": "true"}, None, T_BOOT),
          "subsets": [{"addresses": [{"ip": "192.168.1.10"}],
                       "ports": [{"name": "https", "port": 6443, "protocol": "TCP"}]}]}
    add(ep, [mf(M_APISERVER, T_BOOT, owned_view(ep), "v1")])
    eps = {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
           "metadata": meta("EndpointSlice", "kubernetes", "default",
                            {"kubernetes.io/service-name": "kubernetes"}, None, T_BOOT,
                            generation=1),
           "addressType": "IPv4",
           "endpoints": [{"addresses": ["192.168.1.10"], "conditions": {"ready": True}}],
           "ports": [{"name": "https", "port": 6443, "protocol": "TCP"}]}
    e = mf(M_APISERVER, T_BOOT, owned_view(eps), "discovery.k8s.io/v1")
    e["fieldsV1"]["f:ports"] = {}
    add(eps, [e])


def apiserver_configmaps():
    cm = {"apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {"name": "extension-apiserver-authentication", "namespace": "kube-system"},
          "data": {"client-ca-file": CLIENT_CA_PEM,
                   "requestheader-allowed-names": '["system:auth-proxy"]',
                   "requestheader-client-ca-file": REQUEST_CA_PEM,
                   "requestheader-extra-headers-prefix": '["X-Remote-Extra-"]',
                   "requestheader-group-headers": '["X-Remote-Group"]',
                   "requestheader-username-headers": '["X-Remote-User"]'}}
    simple(cm, T_BOOT, M_APISERVER, T_UPGRADE)
    cm = {"apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {"name": "kube-apiserver-legacy-service-account-token-tracking",
                       "namespace": "kube-system"},
          "data": {"since": "2025-01-20"}}
    simple(cm, T_BOOT, M_APISERVER)


# --- bootstrap RBAC (plugin/pkg/auth/authorizer/rbac/bootstrappolicy) ----------------------------
def R(groups, resources, verbs, names=None):
    r = {"apiGroups": list(groups), "resources": list(resources), "verbs": list(verbs)}
    if names:
        r["resourceNames"] = list(names)
    return dict(sorted(r.items()))


def N(urls, verbs):
    return {"nonResourceURLs": list(urls), "verbs": list(verbs)}


RW = ["create", "delete", "deletecollection", "patch", "update"]
RO = ["get", "list", "watch"]
EVENTS = R(["", "events.k8s.io"], ["events"], ["create", "patch", "update"])

AGG_ADMIN = [R(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
             R(["rbac.authorization.k8s.io"], ["rolebindings", "roles"], RW[:3] + RO[:2] +
               RW[3:] + ["watch"])]
AGG_EDIT = [
    R([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets",
             "services/proxy"], RO),
    R([""], ["serviceaccounts"], ["impersonate"]),
    R([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], RW),
    R([""], ["pods/eviction"], ["create"]),
    R([""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
             "replicationcontrollers/scale", "secrets", "serviceaccounts", "services",
             "services/proxy"], RW),
    R([""], ["serviceaccounts/token"], ["create"]),
    R(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale",
                 "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], RW),
    R(["autoscaling"], ["horizontalpodautoscalers"], RW),
    R(["batch"], ["cronjobs", "jobs"], RW),
    R(["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale",
                       "ingresses", "networkpolicies", "replicasets", "replicasets/scale",
                       "replicationcontrollers/scale"], RW),
    R(["policy"], ["poddisruptionbudgets"], RW),
    R(["networking.k8s.io"], ["ingresses", "networkpolicies"], RW),
    R(["coordination.k8s.io"], ["leases"], ["create", "delete", "deletecollection", "get",
                                            "list", "patch", "update", "watch"])]
AGG_VIEW = [
    R([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status",
             "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts",
             "services", "services/status"], RO),
    R([""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
             "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], RO),
    R([""], ["namespaces"], RO),
    R(["discovery.k8s.io"], ["endpointslices"], RO),
    R(["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments",
                 "deployments/scale", "deployments/status", "replicasets", "replicasets/scale",
                 "replicasets/status", "statefulsets", "statefulsets/scale",
                 "statefulsets/status"], RO),
    R(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], RO),
    R(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], RO),
    R(["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                       "deployments/status", "ingresses", "ingresses/status", "networkpolicies",
                       "replicasets", "replicasets/scale", "replicasets/status",
                       "replicationcontrollers/scale"], RO),
    R(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], RO),
    R(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], RO)]
METRICS_READER = [R(["metrics.k8s.io"], ["pods", "nodes"], RO)]

BOOTSTRAP_CLUSTER_ROLES = {
    "cluster-admin": [R(["*"], ["*"], ["*"]), N(["*"], ["*"])],
    "system:aggregate-to-admin": AGG_ADMIN,
    "system:aggregate-to-edit": AGG_EDIT,
    "system:aggregate-to-view": AGG_VIEW,
    "system:auth-delegator": [R(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
                              R(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"])],
    "system:basic-user": [R(["authorization.k8s.io"], ["selfsubjectaccessreviews",
                                                       "selfsubjectrulesreviews"], ["create"]),
                          R(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"])],
    "system:certificates.k8s.io:certificatesigningrequests:nodeclient": [
        R(["certificates.k8s.io"], ["certificatesigningrequests/nodeclient"], ["create"])],
    "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient": [
        R(["certificates.k8s.io"], ["certificatesigningrequests/selfnodeclient"], ["create"])],
    "system:certificates.k8s.io:kube-apiserver-client-approver": [
        R(["certificates.k8s.io"], ["signers"], ["approve"],
          ["kubernetes.io/kube-apiserver-client"])],
    "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver": [
        R(["certificates.k8s.io"], ["signers"], ["approve"],
          ["kubernetes.io/kube-apiserver-client-kubelet"])],
    "system:certificates.k8s.io:kubelet-serving-approver": [
        R(["certificates.k8s.io"], ["signers"], ["approve"], ["kubernetes.io/kubelet-serving"])],
    "system:certificates.k8s.io:legacy-unknown-approver": [
        R(["certificates.k8s.io"], ["signers"], ["approve"], ["kubernetes.io/legacy-unknown"])],
    "system:discovery": [N(["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez",
                            "/openapi", "/openapi/*", "/readyz", "/version", "/version/"],
                           ["get"])],
    "system:heapster": [R([""], ["events", "namespaces", "nodes", "pods"], RO),
                        R(["extensions"], ["deployments"], RO)],
    "system:kube-aggregator": [R([""], ["endpoints", "services"], RO)],
    "system:kube-controller-manager": [
        EVENTS, R(["coordination.k8s.io"], ["leases"], ["create"]),
        R(["coordination.k8s.io"], ["leases"], ["get", "update"], ["kube-controller-manager"]),
        R([""], ["secrets", "serviceaccounts"], ["create"]), R([""], ["secrets"], ["delete"]),
        R([""], ["configmaps", "namespaces", "secrets", "serviceaccounts"], ["get"]),
        R([""], ["secrets", "serviceaccounts"], ["update"]),
        R(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
        R(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"]),
        R(["*"], ["*"], ["list", "watch"]), R([""], ["serviceaccounts/token"], ["create"])],
    "system:kube-dns": [R([""], ["endpoints", "services"], ["list", "watch"])],
    "system:kube-scheduler": [
        EVENTS, R(["coordination.k8s.io"], ["leases"], ["create"]),
        R(["coordination.k8s.io"], ["leases"], ["get", "update"], ["kube-scheduler"]),
        R([""], ["nodes"], RO), R([""], ["pods"], ["delete"] + RO),
        R([""], ["bindings", "pods/binding"], ["create"]),
        R([""], ["pods/status"], ["patch", "update"]),
        R([""], ["replicationcontrollers", "services"], RO),
        R(["apps", "extensions"], ["replicasets"], RO), R(["apps"], ["statefulsets"], RO),
        R(["policy"], ["poddisruptionbudgets"], RO),
        R([""], ["persistentvolumeclaims", "persistentvolumes"], RO),
        R(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
        R(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"]),
        R(["storage.k8s.io"], ["csinodes"], RO), R([""], ["namespaces"], RO),
        R(["storage.k8s.io"], ["csidrivers"], RO),
        R(["storage.k8s.io"], ["csistoragecapacities"], RO)],
    "system:kubelet-api-admin": [R([""], ["nodes"], RO), R([""], ["nodes"], ["proxy"]),
                                 R([""], ["nodes/log", "nodes/metrics", "nodes/proxy",
                                          "nodes/stats"], ["*"])],
    "system:monitoring": [N(["/healthz", "/healthz/*", "/livez", "/livez/*", "/metrics",
                             "/metrics/slis", "/readyz", "/readyz/*"], ["get"])],
    "system:node": [
        R(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
        R(["authorization.k8s.io"], ["localsubjectaccessreviews", "subjectaccessreviews"],
          ["create"]),
        R([""], ["services"], RO), R([""], ["nodes"], ["create", "get", "list", "watch"]),
        R([""], ["nodes/status"], ["patch", "update"]), R([""], ["nodes"], ["patch", "update"]),
        R([""], ["events"], ["create", "patch", "update"]), R([""], ["pods"], RO),
        R([""], ["pods"], ["create", "delete"]), R([""], ["pods/status"], ["patch", "update"]),
        R([""], ["pods/eviction"], ["create"]), R([""], ["configmaps", "secrets"], RO),
        R([""], ["persistentvolumeclaims", "persistentvolumes"], ["get"]),
        R([""], ["endpoints"], ["get"]),
        R(["certificates.k8s.io"], ["certificatesigningrequests"], ["create", "get", "list",
                                                                    "watch"]),
        R(["coordination.k8s.io"], ["leases"], ["create", "delete", "get", "patch", "update"]),
        R(["storage.k8s.io"], ["volumeattachments"], ["get"]),
        R([""], ["serviceaccounts/token"], ["create"]),
        R([""], ["persistentvolumeclaims/status"], ["get", "patch", "update"]),
        R(["storage.k8s.io"], ["csidrivers"], RO),
        R(["storage.k8s.io"], ["csinodes"], ["create", "delete", "get", "patch", "update"]),
        R(["node.k8s.io"], ["runtimeclasses"], RO)],
    "system:node-bootstrapper": [R(["certificates.k8s.io"], ["certificatesigningrequests"],
                                   ["create", "get", "list", "watch"])],
    "system:node-problem-detector": [R([""], ["nodes"], ["get"]),
                                     R([""], ["nodes/status"], ["patch"]), EVENTS],
    "system:node-proxier": [R([""], ["endpoints", "services"], ["list", "watch"]),
                            R([""], ["nodes"], RO), EVENTS,
                            R(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])],
    "system:persistent-volume-provisioner": [
        R([""], ["persistentvolumes"], ["create", "delete", "get", "list", "watch"]),
        R([""], ["persistentvolumeclaims"], ["get", "list", "update", "watch"]),
        R(["storage.k8s.io"], ["storageclasses"], RO), R([""], ["events"], ["watch"]), EVENTS],
    "system:public-info-viewer": [N(["/healthz", "/livez", "/readyz", "/version", "/version/"],
                                    ["get"])],
    "system:service-account-issuer-discovery": [
        N(["/.well-known/openid-configuration", "/openid/v1/jwks"], ["get"])],
    "system:volume-scheduler": [
        R([""], ["persistentvolumes"], ["get", "list", "patch", "update", "watch"]),
        R(["storage.k8s.io"], ["storageclasses"], RO),
        R([""], ["persistentvolumeclaims"], ["get", "list", "patch", "update", "watch"])],
}

# controller roles (controller_policy.go): the first rules of each; every one also writes events
CONTROLLER_ROLES = {
    "attachdetach-controller": [R([""], ["persistentvolumeclaims", "persistentvolumes"], RO),
                                R([""], ["nodes"], RO), R([""], ["nodes/status"], ["patch",
                                                                                   "update"]),
                                R([""], ["pods"], ["list", "watch"]),
                                R(["storage.k8s.io"], ["volumeattachments"],
                                  ["create", "delete", "get", "list", "watch"])],
    "certificate-controller": [R(["certificates.k8s.io"], ["certificatesigningrequests"],
                                 ["delete", "get", "list", "watch"]),
                               R(["certificates.k8s.io"], ["certificatesigningrequests/approval",
                                                           "certificatesigningrequests/status"],
                                 ["update"])],
    "clusterrole-aggregation-controller": [R(["rbac.authorization.k8s.io"], ["clusterroles"],
                                             ["escalate", "get", "list", "patch", "update",
                                              "watch"])],
    "cronjob-controller": [R(["batch"], ["cronjobs"], RO + ["update"]),
                           R(["batch"], ["jobs"], ["create", "delete", "get", "list", "patch",
                                                   "update", "watch"]),
                           R(["batch"], ["cronjobs/status"], ["update"]),
                           R(["batch"], ["cronjobs/finalizers"], ["update"]),
                           R([""], ["pods"], ["delete", "list"])],
    "daemon-set-controller": [R(["apps", "extensions"], ["daemonsets"], RO),
                              R(["apps", "extensions"], ["daemonsets/status"], ["update"]),
                              R(["apps", "extensions"], ["daemonsets/finalizers"], ["update"]),
                              R([""], ["nodes"], ["list", "watch"]),
                              R([""], ["pods"], ["create", "delete", "list", "patch", "watch"]),
                              R([""], ["pods/binding"], ["create"]),
                              R(["apps"], ["controllerrevisions"], RW[:1] + RW[1:2] + RO +
                                ["patch", "update"])],
    "deployment-controller": [R(["apps", "extensions"], ["deployments"], RO + ["update"]),
                              R(["apps", "extensions"], ["deployments/status"], ["update"]),
                              R(["apps", "extensions"], ["deployments/finalizers"], ["update"]),
                              R(["apps", "extensions"], ["replicasets"],
                                ["create", "delete", "get", "list", "patch", "update", "watch"]),
                              R([""], ["pods"], ["get", "list", "update", "watch"])],
    "disruption-controller": [R(["apps", "extensions"], ["deployments"], RO),
                              R(["apps", "extensions"], ["replicasets"], RO),
                              R([""], ["replicationcontrollers"], RO),
                              R(["policy"], ["poddisruptionbudgets"], RO),
                              R(["apps"], ["statefulsets"], RO),
                              R(["policy"], ["poddisruptionbudgets/status"], ["update"]),
                              R(["*"], ["*/scale"], ["get"]),
                              R([""], ["pods/status"], ["patch"])],
    "endpoint-controller": [R([""], ["pods", "services"], RO),
                            R([""], ["endpoints"], ["create", "delete", "get", "list",
                                                    "update"]),
                            R([""], ["endpoints/restricted"], ["create"])],
    "endpointslice-controller": [R([""], ["nodes", "pods", "services"], RO),
                                 R([""], ["services/finalizers"], ["update"]),
                                 R(["discovery.k8s.io"], ["endpointslices"],
                                   ["create", "delete", "get", "list", "update"])],
    "endpointslicemirroring-controller": [R([""], ["endpoints", "services"], RO),
                                          R([""], ["endpoints/finalizers"], ["update"]),
                                          R(["discovery.k8s.io"], ["endpointslices"],
                                            ["create", "delete", "get", "list", "update"])],
    "ephemeral-volume-controller": [R([""], ["pods"], RO),
                                    R([""], ["pods/finalizers"], ["update"]),
                                    R([""], ["persistentvolumeclaims"], ["create", "get", "list",
                                                                         "watch"])],
    "expand-controller": [R([""], ["persistentvolumes"], ["get", "list", "patch", "update",
                                                          "watch"]),
                          R([""], ["persistentvolumeclaims/status"], ["patch", "update"]),
                          R([""], ["persistentvolumeclaims"], RO),
                          R(["storage.k8s.io"], ["storageclasses"], RO),
                          R([""], ["endpoints", "services"], ["get"]),
                          R([""], ["secrets"], ["get"])],
    "generic-garbage-collector": [R(["*"], ["*"], ["delete", "get", "list", "patch", "update",
                                                   "watch"])],
    "horizontal-pod-autoscaler": [R(["autoscaling"], ["horizontalpodautoscalers"], RO),
                                  R(["autoscaling"], ["horizontalpodautoscalers/status"],
                                    ["update"]),
                                  R(["*"], ["*/scale"], ["get", "update"]),
                                  R([""], ["pods"], ["list"]),
                                  R(["metrics.k8s.io"], ["pods"], ["list"]),
                                  R(["custom.metrics.k8s.io"], ["*"], ["get", "list"]),
                                  R(["external.metrics.k8s.io"], ["*"], ["get", "list"])],
    "job-controller": [R(["batch"], ["jobs"], RO + ["update"]),
                       R(["batch"], ["jobs/status"], ["update"]),
                       R(["batch"], ["jobs/finalizers"], ["update"]),
                       R([""], ["pods"], ["create", "delete", "list", "patch", "watch"])],
    "legacy-service-account-token-cleaner": [
        R([""], ["configmaps"], ["get"], ["kube-apiserver-legacy-service-account-token-tracking"]),
        R([""], ["secrets"], ["delete", "patch"])],
    "namespace-controller": [R([""], ["namespaces"], ["delete", "get", "list", "watch"]),
                             R([""], ["namespaces/finalize", "namespaces/status"], ["update"]),
                             R(["*"], ["*"], ["delete", "deletecollection", "get", "list"])],
    "node-controller": [R([""], ["nodes"], ["delete", "get", "list", "patch", "update"]),
                        R([""], ["nodes/status"], ["patch", "update"]),
                        R([""], ["pods/status"], ["patch", "update"]),
                        R([""], ["pods"], ["delete", "list"]),
                        R([""], ["pods"], ["get"])],
    "persistent-volume-binder": [
        R([""], ["persistentvolumes"], ["create", "delete", "get", "list", "update", "watch"]),
        R([""], ["persistentvolumes/status"], ["update"]),
        R([""], ["persistentvolumeclaims"], ["get", "list", "update", "watch"]),
        R([""], ["persistentvolumeclaims/status"], ["update"]),
        R([""], ["pods"], ["create", "delete", "get", "list", "watch"]),
        R(["storage.k8s.io"], ["storageclasses"], RO),
        R([""], ["endpoints"], ["create", "delete", "get", "update"]),
        R([""], ["services"], ["create", "delete", "get"]), R([""], ["secrets"], ["get"]),
        R([""], ["nodes"], ["get", "list"])],
    "pod-garbage-collector": [R([""], ["pods"], ["delete", "list", "watch"]),
                              R([""], ["nodes"], ["get", "list"]),
                              R([""], ["pods/status"], ["patch"])],
    "pv-protection-controller": [R([""], ["persistentvolumes"], ["get", "list", "update",
                                                                 "watch"])],
    "pvc-protection-controller": [R([""], ["persistentvolumeclaims"], ["get", "list", "update",
                                                                       "watch"]),
                                  R([""], ["pods"], ["get", "list", "watch"])],
    "replicaset-controller": [R(["apps", "extensions"], ["replicasets"], RO + ["update"]),
                              R(["apps", "extensions"], ["replicasets/status"], ["update"]),
                              R(["apps", "extensions"], ["replicasets/finalizers"], ["update"]),
                              R([""], ["pods"], ["create", "delete", "list", "patch", "watch"])],
    "replication-controller": [R([""], ["replicationcontrollers"], RO + ["update"]),
                               R([""], ["replicationcontrollers/status"], ["update"]),
                               R([""], ["replicationcontrollers/finalizers"], ["update"]),
                               R([""], ["pods"], ["create", "delete", "list", "patch", "watch"])],
    "resourcequota-controller": [R(["*"], ["*"], ["list", "watch"]),
                                 R([""], ["resourcequotas/status"], ["update"])],
    "root-ca-cert-publisher": [R([""], ["configmaps"], ["create", "update"])],
    "route-controller": [R([""], ["nodes"], ["list", "watch"]),
                         R([""], ["nodes/status"], ["patch"])],
    "service-account-controller": [R([""], ["serviceaccounts"], ["create"])],
    "service-controller": [R([""], ["services"], RO), R([""], ["services/status"],
                                                        ["patch", "update"]),
                           R([""], ["nodes"], ["list", "watch"])],
    "statefulset-controller": [R([""], ["pods"], ["list", "watch"]),
                               R(["apps"], ["statefulsets"], RO),
                               R(["apps"], ["statefulsets/status"], ["update"]),
                               R(["apps"], ["statefulsets/finalizers"], ["update"]),
                               R([""], ["pods"], ["create", "delete", "get", "patch", "update"]),
                               R(["apps"], ["controllerrevisions"],
                                 ["create", "delete", "get", "list", "patch", "update", "watch"]),
                               R([""], ["persistentvolumeclaims"], ["create", "get"])],
    "ttl-after-finished-controller": [R(["batch"], ["jobs"], ["delete", "get", "list",
                                                              "watch"])],
    "ttl-controller": [R([""], ["nodes"], ["list", "patch", "update", "watch"])],
    "validatingadmissionpolicy-status-controller": [
        R(["admissionregistration.k8s.io"], ["validatingadmissionpolicies"], RO),
        R(["admissionregistration.k8s.io"], ["validatingadmissionpolicies/status"], ["update"])],
}

BOOTSTRAP_CRB = {
    "cluster-admin": ("cluster-admin", [("Group", "system:masters")]),
    "system:basic-user": ("system:basic-user", [("Group", "system:authenticated")]),
    "system:discovery": ("system:discovery", [("Group", "system:authenticated")]),
    "system:kube-controller-manager": ("system:kube-controller-manager",
                                       [("User", "system:kube-controller-manager")]),
    "system:kube-dns": ("system:kube-dns", [("ServiceAccount", "kube-system/kube-dns")]),
    "system:kube-scheduler": ("system:kube-scheduler", [("User", "system:kube-scheduler")]),
    "system:monitoring": ("system:monitoring", [("Group", "system:monitoring")]),
    "system:node": ("system:node", []),
    "system:node-proxier": ("system:node-proxier", [("User", "system:kube-proxy")]),
    "system:public-info-viewer": ("system:public-info-viewer",
                                  [("Group", "system:authenticated"),
                                   ("Group", "system:unauthenticated")]),
    "system:service-account-issuer-discovery": ("system:service-account-issuer-discovery",
                                                [("Group", "system:serviceaccounts")]),
    "system:volume-scheduler": ("system:volume-scheduler", [("User", "system:kube-scheduler")]),
}

NAMESPACE_ROLES = {
    ("kube-public", "system:controller:bootstrap-signer"): [
        R([""], ["configmaps"], RO), R([""], ["configmaps"], ["update"], ["cluster-info"]),
        EVENTS],
    ("kube-system", "extension-apiserver-authentication-reader"): [
        R([""], ["configmaps"], RO, ["extension-apiserver-authentication"])],
    ("kube-system", "system::leader-locking-kube-controller-manager"): [
        R([""], ["configmaps"], ["watch"]),
        R([""], ["configmaps"], ["get", "update"], ["kube-controller-manager"])],
    ("kube-system", "system::leader-locking-kube-scheduler"): [
        R([""], ["configmaps"], ["watch"]),
        R([""], ["configmaps"], ["get", "update"], ["kube-scheduler"])],
    ("kube-system", "system:controller:bootstrap-signer"): [R([""], ["secrets"], RO)],
    ("kube-system", "system:controller:cloud-provider"): [
        R([""], ["configmaps"], ["create", "get", "list", "watch"])],
    ("kube-system", "system:controller:token-cleaner"): [
        R([""], ["secrets"], ["delete", "get", "list", "watch"]), EVENTS],
}

NAMESPACE_BINDINGS = {
    ("kube-public", "system:controller:bootstrap-signer"): (
        "system:controller:bootstrap-signer", [("ServiceAccount", "kube-system/bootstrap-signer")]),
    ("kube-system", "system::extension-apiserver-authentication-reader"): (
        "extension-apiserver-authentication-reader",
        [("User", "system:kube-controller-manager"), ("User", "system:kube-scheduler")]),
    ("kube-system", "system::leader-locking-kube-controller-manager"): (
        "system::leader-locking-kube-controller-manager",
        [("ServiceAccount", "kube-system/kube-controller-manager"),
         ("User", "system:kube-controller-manager")]),
    ("kube-system", "system::leader-locking-kube-scheduler"): (
        "system::leader-locking-kube-scheduler",
        [("ServiceAccount", "kube-system/kube-scheduler"), ("User", "system:kube-scheduler")]),
    ("kube-system", "system:controller:bootstrap-signer"): (
        "system:controller:bootstrap-signer", [("ServiceAccount", "kube-system/bootstrap-signer")]),
    ("kube-system", "system:controller:cloud-provider"): (
        "system:controller:cloud-provider", [("ServiceAccount", "kube-system/cloud-provider")]),
    ("kube-system", "system:controller:token-cleaner"): (
        "system:controller:token-cleaner", [("ServiceAccount", "kube-system/token-cleaner")]),
}


def subject(kind, name):
    if kind == "ServiceAccount":
        ns, n = name.split("/")
        return {"kind": "ServiceAccount", "name": n, "namespace": ns}
    return {"apiGroup": "rbac.authorization.k8s.io", "kind": kind, "name": name}


RBAC_API = "rbac.authorization.k8s.io/v1"
BOOT_LABELS = {"kubernetes.io/bootstrapping": "rbac-defaults"}
BOOT_ANN = {"rbac.authorization.kubernetes.io/autoupdate": "true"}


def bootstrap_rbac():
    aggregated = {"admin": ("rbac.authorization.k8s.io/aggregate-to-admin", AGG_ADMIN + AGG_EDIT +
                            AGG_VIEW + METRICS_READER, None),
                  "edit": ("rbac.authorization.k8s.io/aggregate-to-edit", AGG_EDIT + AGG_VIEW +
                           METRICS_READER, "rbac.authorization.k8s.io/aggregate-to-admin"),
                  "view": ("rbac.authorization.k8s.io/aggregate-to-view", AGG_VIEW +
                           METRICS_READER, "rbac.authorization.k8s.io/aggregate-to-edit")}
    for name, (sel, rules, agg_label) in aggregated.items():
        labels = dict(BOOT_LABELS)
        if agg_label:
            labels[agg_label] = "true"
        o = {"apiVersion": RBAC_API, "kind": "ClusterRole",
             "metadata": {"name": name, "labels": labels, "annotations": dict(BOOT_ANN)},
             "aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {sel: "true"}}]},
             "rules": rules}
        live = materialize(o, T_BOOT)
        add(live, [mf(M_APISERVER, T_BOOT, owned_view(live, drop=[("rules",)]), RBAC_API),
                   mf("clusterrole-aggregation-controller", T_ADDONS, {"rules": rules}, RBAC_API,
                      op="Apply")])
    for name, rules in BOOTSTRAP_CLUSTER_ROLES.items():
        labels = dict(BOOT_LABELS)
        for verb in ("admin", "edit", "view"):
            if name == "system:aggregate-to-" + verb:
                labels["rbac.authorization.k8s.io/aggregate-to-" + verb] = "true"
        o = {"apiVersion": RBAC_API, "kind": "ClusterRole",
             "metadata": {"name": name, "labels": labels, "annotations": dict(BOOT_ANN)},
             "rules": rules}
        simple(o, T_BOOT, M_APISERVER)
    for name, rules in CONTROLLER_ROLES.items():
        o = {"apiVersion": RBAC_API, "kind": "ClusterRole",
             "metadata": {"name": "system:controller:" + name, "labels": dict(BOOT_LABELS),
                          "annotations": dict(BOOT_ANN)},
             "rules": rules + [EVENTS]}
        simple(o, T_BOOT, M_APISERVER)
    crbs = dict(BOOTSTRAP_CRB)
    for name in CONTROLLER_ROLES:
        crbs["system:controller:" + name] = ("system:controller:" + name,
                                             [("ServiceAccount", "kube-system/" + name)])
    for name, (role, subjects) in crbs.items():
        o = {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
             "metadata": {"name": name, "labels": dict(BOOT_LABELS), "annotations": dict(BOOT_ANN)},
             "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                         "name": role}}
        if subjects:
            o["subjects"] = [subject(k, n) for k, n in subjects]
        simple(o, T_BOOT, M_APISERVER)
    for (ns, name), rules in NAMESPACE_ROLES.items():
        o = {"apiVersion": RBAC_API, "kind": "Role",
             "metadata": {"name": name, "namespace": ns, "labels": dict(BOOT_LABELS),
                          "annotations": dict(BOOT_ANN)}, "rules": rules}
        simple(o, T_BOOT, M_APISERVER)
    for (ns, name), (role, subjects) in NAMESPACE_BINDINGS.items():
        o = {"apiVersion": RBAC_API, "kind": "RoleBinding",
             "metadata": {"name": name, "namespace": ns, "labels": dict(BOOT_LABELS),
                          "annotations": dict(BOOT_ANN)},
             "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": role},
             "subjects": [subject(k, n) for k, n in subjects]}
        simple(o, T_BOOT, M_APISERVER)


# --- API Priority and Fairness defaults (apiserver/pkg/apis/flowcontrol/bootstrap) ----------------
FC_API = "flowcontrol.apiserver.k8s.io/v1"
PLCS = {"catch-all": (5, 0, None), "global-default": (20, 50, (6, 50, 128)),
        "leader-election": (10, 0, (4, 50, 16)), "node-high": (40, 25, (6, 50, 64)),
        "system": (30, 33, (6, 50, 64)), "workload-high": (40, 50, (6, 50, 128)),
        "workload-low": (100, 90, (6, 50, 128))}
ALL_RES = {"apiGroups": ["*"], "clusterScope": True, "namespaces": ["*"], "resources": ["*"],
           "verbs": ["*"]}
ALL_NONRES = {"nonResourceURLs": ["*"], "verbs": ["*"]}


def grp(n):
    return {"group": {"name": n}, "kind": "Group"}


def usr(n):
    return {"kind": "User", "user": {"name": n}}


def sa(ns, n):
    return {"kind": "ServiceAccount", "serviceAccount": {"name": n, "namespace": ns}}


FLOW_SCHEMAS = [
    ("exempt", 1, "exempt", None, [grp("system:masters")], [ALL_RES], [ALL_NONRES]),
    ("probes", 2, "exempt", None, [grp("system:unauthenticated"), grp("system:authenticated")],
     [], [{"nonResourceURLs": ["/healthz", "/readyz", "/livez"], "verbs": ["get"]}]),
    ("system-leader-election", 100, "leader-election", "ByUser",
     [usr("system:kube-controller-manager"), usr("system:kube-scheduler"),
      sa("kube-system", "*")],
     [{"apiGroups": ["coordination.k8s.io"], "namespaces": ["*"], "resources": ["leases"],
       "verbs": ["get", "create", "update"]}], []),
    ("endpoint-controller", 150, "workload-high", "ByUser",
     [usr("system:kube-controller-manager"), sa("kube-system", "endpoint-controller")],
     [{"apiGroups": [""], "namespaces": ["*"], "resources": ["endpoints"],
       "verbs": ["get", "create", "update"]}], []),
    ("workload-leader-election", 200, "leader-election", "ByUser", [sa("kube-system", "*")],
     [{"apiGroups": ["coordination.k8s.io"], "namespaces": ["*"], "resources": ["leases"],
       "verbs": ["get", "create", "update"]}], []),
    ("system-node-high", 400, "node-high", "ByUser", [grp("system:nodes")],
     [{"apiGroups": [""], "clusterScope": True, "resources": ["nodes", "nodes/status"],
       "verbs": ["*"]},
      {"apiGroups": ["coordination.k8s.io"], "namespaces": ["*"], "resources": ["leases"],
       "verbs": ["*"]}], []),
    ("system-nodes", 500, "system", "ByUser", [grp("system:nodes")], [ALL_RES], [ALL_NONRES]),
    ("kube-controller-manager", 800, "workload-high", "ByNamespace",
     [usr("system:kube-controller-manager")], [ALL_RES], [ALL_NONRES]),
    ("kube-scheduler", 800, "workload-high", "ByNamespace", [usr("system:kube-scheduler")],
     [ALL_RES], [ALL_NONRES]),
    ("kube-system-service-accounts", 900, "workload-high", "ByNamespace",
     [sa("kube-system", "*")], [ALL_RES], [ALL_NONRES]),
    ("service-accounts", 9000, "workload-low", "ByUser", [grp("system:serviceaccounts")],
     [ALL_RES], [ALL_NONRES]),
    ("global-default", 9900, "global-default", "ByUser",
     [grp("system:unauthenticated"), grp("system:authenticated")], [ALL_RES], [ALL_NONRES]),
    ("catch-all", 10000, "catch-all", "ByUser",
     [grp("system:unauthenticated"), grp("system:authenticated")], [ALL_RES], [ALL_NONRES]),
]


def apf():
    ann = {"apf.kubernetes.io/autoupdate-spec": "true"}
    o = {"apiVersion": FC_API, "kind": "PriorityLevelConfiguration",
         "metadata": {"name": "exempt", "annotations": dict(ann), "generation": 1},
         "spec": {"exempt": {"lendablePercent": 0, "nominalConcurrencyShares": 0},
                  "type": "Exempt"}, "status": {}}
    simple(o, T_BOOT, "api-priority-and-fairness-config-producer-v1")
    for name, (shares, lendable, q) in PLCS.items():
        limited = {"lendablePercent": lendable, "nominalConcurrencyShares": shares,
                   "limitResponse": {"type": "Reject"} if q is None else {
                       "queuing": {"handSize": q[0], "queueLengthLimit": q[1], "queues": q[2]},
                       "type": "Queue"}}
        o = {"apiVersion": FC_API, "kind": "PriorityLevelConfiguration",
             "metadata": {"name": name, "annotations": dict(ann), "generation": 1},
             "spec": {"limited": limited, "type": "Limited"}, "status": {}}
        simple(o, T_BOOT, "api-priority-and-fairness-config-producer-v1")
    for name, prec, plc, dist, subjects, res, nonres in FLOW_SCHEMAS:
        rule = {"subjects": subjects}
        if res:
            rule["resourceRules"] = res
        if nonres:
            rule["nonResourceRules"] = nonres
        spec = {"matchingPrecedence": prec, "priorityLevelConfiguration": {"name": plc},
                "rules": [rule]}
        if dist:
            spec["distinguisherMethod"] = {"type": dist}
        o = {"apiVersion": FC_API, "kind": "FlowSchema",
             "metadata": {"name": name, "annotations": dict(ann), "generation": 1},
             "spec": spec,
             "status": {"conditions": [{
                 "lastTransitionTime": T_BOOT,
                 "message": "This FlowSchema references the PriorityLevelConfiguration object "
                            "named \"%s\" and it exists" % plc,
                 "reason": "Found", "status": "False", "type": "Dangling"}]}}
        live = materialize(o, T_BOOT)
        add(live, [mf("api-priority-and-fairness-config-producer-v1", T_BOOT, owned_view(live),
                      FC_API),
                   mf("api-priority-and-fairness-config-consumer-v1", T_BOOT,
                      pick(live, ("status", "conditions")), FC_API, sub="status")])


# ==================================================================================================
# K3s: server manifests (/var/lib/rancher/k3s/server/manifests), applied by the deploy controller
# ==================================================================================================
MANIFESTS = "/var/lib/rancher/k3s/server/manifests/"
CRIT_TOL = [{"key": "CriticalAddonsOnly", "operator": "Exists"},
            {"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane",
             "operator": "Exists"},
            {"effect": "NoSchedule", "key": "node-role.kubernetes.io/master", "operator": "Exists"}]
ADDONS = []   # (name, source, created, updated)


def deploy_addon(addon, source, objs, created=T_ADDONS, updated=None):
    """Apply a server manifest's objects as the deploy controller does and record the Addon.
    (The manifests' Deployments go through k3s_deployment.)"""
    updated = updated or created
    out = {}
    for o in objs:
        o = addon_stamp(copy.deepcopy(o), addon)
        kind, name = o["kind"], o["metadata"]["name"]
        if kind == "Service":
            live, d = service(o, created)
            live["metadata"].update({"creationTimestamp": created,
                                     "uid": uid("Service", o["metadata"]["namespace"], name)})
            out[(kind, name)] = add(live, [mf(DEPLOY, updated, owned_view(d), "v1")])
        elif kind == "APIService":
            live = materialize(o, created)
            live["spec"]["service"].setdefault("port", 443)
            live["status"] = {"conditions": [{
                "lastTransitionTime": T_UPGRADE, "message": "all checks passed",
                "reason": "Passed", "status": "True", "type": "Available"}]}
            out[(kind, name)] = add(live, [
                mf(DEPLOY, updated, owned_view(live), "apiregistration.k8s.io/v1"),
                mf(M_APISERVER, T_UPGRADE, pick(live, ("status", "conditions")),
                   "apiregistration.k8s.io/v1", sub="status")])
        else:
            out[(kind, name)] = simple(o, created, DEPLOY, updated)
    ADDONS.append((addon, source, created, updated))
    return out


def addon_objects():
    for name, source, created, updated in ADDONS:
        gen = 2 if updated != created else 1
        o = {"apiVersion": "k3s.cattle.io/v1", "kind": "Addon",
             "metadata": {"name": name, "namespace": "kube-system", "generation": gen},
             "spec": {"checksum": hx("manifest/%s/%s" % (source, updated), 64),
                      "source": MANIFESTS + source}}
        simple(o, created, DEPLOY, updated, cr="atomic")


def coredns():
    objs = [
        {"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": {"name": "coredns", "namespace": "kube-system"}},
        {"apiVersion": RBAC_API, "kind": "ClusterRole",
         "metadata": {"labels": dict(BOOT_LABELS), "name": "system:coredns"},
         "rules": [R([""], ["endpoints", "services", "pods", "namespaces"], ["list", "watch"]),
                   R(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])]},
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"annotations": dict(BOOT_ANN), "labels": dict(BOOT_LABELS),
                      "name": "system:coredns"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "system:coredns"},
         "subjects": [{"kind": "ServiceAccount", "name": "coredns",
                       "namespace": "kube-system"}]},
        {"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": {"name": "coredns", "namespace": "kube-system"},
         "data": {"Corefile": ".:53 {\n    errors\n    health\n    ready\n"
                              "    kubernetes cluster.local in-addr.arpa ip6.arpa {\n"
                              "      pods insecure\n      fallthrough in-addr.arpa ip6.arpa\n"
                              "    }\n    hosts /etc/coredns/NodeHosts {\n      ttl 60\n"
                              "      reload 15s\n      fallthrough\n    }\n"
                              "    prometheus :9153\n    forward . /etc/resolv.conf\n"
                              "    cache 30\n    loop\n    reload\n    loadbalance\n"
                              "    import /etc/coredns/custom/*.override\n}\n"
                              "import /etc/coredns/custom/*.server\n"}},
        {"apiVersion": "v1", "kind": "Service",
         "metadata": {"annotations": {"prometheus.io/port": "9153", "prometheus.io/scrape": "true"},
                      "labels": {"k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true",
                                 "kubernetes.io/name": "CoreDNS"},
                      "name": "kube-dns", "namespace": "kube-system"},
         "spec": {"clusterIP": "10.43.0.10", "clusterIPs": ["10.43.0.10"],
                  "ipFamilyPolicy": "SingleStack",
                  "ports": [{"name": "dns", "port": 53, "protocol": "UDP"},
                            {"name": "dns-tcp", "port": 53, "protocol": "TCP"},
                            {"name": "metrics", "port": 9153, "protocol": "TCP"}],
                  "selector": {"k8s-app": "kube-dns"}}},
    ]
    out = deploy_addon("coredns", "coredns.yaml", objs)
    # K3s's node controller keeps the node list in the ConfigMap (NodeHosts)
    cm = out[("ConfigMap", "coredns")]
    cm["data"]["NodeHosts"] = "192.168.1.10 node1\n192.168.1.11 node2\n"
    nodehosts = mf(SUPERVISOR, T_AGENT, {}, "v1")
    nodehosts["fieldsV1"] = {"f:data": {"f:NodeHosts": {}}}
    cm["metadata"]["managedFields"] = sort_managed(cm["metadata"]["managedFields"] + [nodehosts])
    dep = {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"labels": {"k8s-app": "kube-dns", "kubernetes.io/name": "CoreDNS"},
                        "name": "coredns", "namespace": "kube-system"},
           "spec": {"revisionHistoryLimit": 0,
                    "selector": {"matchLabels": {"k8s-app": "kube-dns"}},
                    "strategy": {"rollingUpdate": {"maxUnavailable": 1}, "type": "RollingUpdate"},
                    "template": {"metadata": {"labels": {"k8s-app": "kube-dns"}}, "spec": {
                        "containers": [{
                            "args": ["-conf", "/etc/coredns/Corefile"],
                            "image": IMAGES["coredns"], "imagePullPolicy": "IfNotPresent",
                            "livenessProbe": {"failureThreshold": 3, "httpGet": {
                                "path": "/health", "port": 8080, "scheme": "HTTP"},
                                "initialDelaySeconds": 60, "periodSeconds": 10,
                                "successThreshold": 1, "timeoutSeconds": 1},
                            "name": "coredns",
                            "ports": [{"containerPort": 53, "name": "dns", "protocol": "UDP"},
                                      {"containerPort": 53, "name": "dns-tcp", "protocol": "TCP"},
                                      {"containerPort": 9153, "name": "metrics",
                                       "protocol": "TCP"}],
                            "readinessProbe": {"failureThreshold": 3, "httpGet": {
                                "path": "/ready", "port": 8181, "scheme": "HTTP"},
                                "periodSeconds": 2, "successThreshold": 1, "timeoutSeconds": 1},
                            "resources": {"limits": {"memory": "170Mi"},
                                          "requests": {"cpu": "100m", "memory": "70Mi"}},
                            "securityContext": {"allowPrivilegeEscalation": False,
                                                "capabilities": {"add": ["NET_BIND_SERVICE"],
                                                                 "drop": ["all"]},
                                                "readOnlyRootFilesystem": True},
                            "volumeMounts": [{"mountPath": "/etc/coredns", "name": "config-volume",
                                              "readOnly": True},
                                             {"mountPath": "/etc/coredns/custom",
                                              "name": "custom-config-volume", "readOnly": True}]}],
                        "dnsPolicy": "Default",
                        "nodeSelector": {"kubernetes.io/os": "linux"},
                        "priorityClassName": "system-cluster-critical",
                        "serviceAccountName": "coredns",
                        "tolerations": CRIT_TOL,
                        "topologySpreadConstraints": [{
                            "labelSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
                            "maxSkew": 1, "topologyKey": "kubernetes.io/hostname",
                            "whenUnsatisfiable": "DoNotSchedule"}],
                        "volumes": [{"configMap": {"items": [
                            {"key": "Corefile", "path": "Corefile"},
                            {"key": "NodeHosts", "path": "NodeHosts"}], "name": "coredns"},
                            "name": "config-volume"},
                            {"configMap": {"name": "coredns-custom", "optional": True},
                             "name": "custom-config-volume"}]}}}}
    _, pods = k3s_deployment(dep, "coredns", ["node1"])
    svc = out[("Service", "kube-dns")]
    endpoints(svc, pods, T_ADDONS, time="2025-01-20T19:04:58Z")


def k3s_deployment(dep, addon, pods, created=T_ADDONS, updated=None, revision=1, generation=1,
                   started=None):
    dep = addon_stamp(copy.deepcopy(dep), addon)
    updated = updated or created

    def creators(live):
        return [mf(DEPLOY, updated, owned_view(
            live, drop=[("metadata", "annotations", "deployment.kubernetes.io/revision")]),
            "apps/v1")]
    return deployment(dep, creators, created, pods, revision=revision, generation=generation,
                      rs_created=updated, started=started or
                      ("2025-01-20T19:04:57Z" if updated == created else "2025-04-06T08:30:49Z"))


def local_storage():
    objs = [
        {"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": {"name": "local-path-provisioner-service-account",
                      "namespace": "kube-system"}},
        {"apiVersion": RBAC_API, "kind": "ClusterRole",
         "metadata": {"name": "local-path-provisioner-role"},
         "rules": [R([""], ["nodes", "persistentvolumeclaims", "configmaps", "pods/log"], RO),
                   R([""], ["endpoints", "persistentvolumes", "pods"], ["*"]),
                   R([""], ["events"], ["create", "patch"]),
                   R(["storage.k8s.io"], ["storageclasses"], RO)]},
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"name": "local-path-provisioner-bind"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "local-path-provisioner-role"},
         "subjects": [{"kind": "ServiceAccount", "name": "local-path-provisioner-service-account",
                       "namespace": "kube-system"}]},
        {"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
         "metadata": {"annotations": {"defaultVolumeType": "local",
                                      "storageclass.kubernetes.io/is-default-class": "true"},
                      "name": "local-path"},
         "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete",
         "volumeBindingMode": "WaitForFirstConsumer"},
        {"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": {"name": "local-path-config", "namespace": "kube-system"},
         "data": {"config.json": '{\n  "nodePathMap":[\n  {\n    "node":"DEFAULT_PATH_FOR_NON_'
                                 'LISTED_NODES",\n    "paths":["/var/lib/rancher/k3s/storage"]'
                                 '\n  }\n  ]\n}',
                  "helperPod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: helper-pod\n"
                                    "spec:\n  containers:\n  - name: helper-pod\n"
                                    "    image: \"%s\"\n"
                                    "    imagePullPolicy: IfNotPresent" % IMAGES["busybox"],
                  "setup": '#!/bin/sh\nset -eu\nmkdir -m 0777 -p "${VOL_DIR}"\n'
                           'chmod 700 "${VOL_DIR}/.."',
                  "teardown": '#!/bin/sh\nset -eu\nrm -rf "${VOL_DIR}"'}},
    ]
    deploy_addon("local-storage", "local-storage.yaml", objs, updated=T_UPGRADE)
    dep = {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"name": "local-path-provisioner", "namespace": "kube-system"},
           "spec": {"revisionHistoryLimit": 0,
                    "selector": {"matchLabels": {"app": "local-path-provisioner"}},
                    "strategy": {"rollingUpdate": {"maxUnavailable": 1}, "type": "RollingUpdate"},
                    "template": {"metadata": {"labels": {"app": "local-path-provisioner"}},
                                 "spec": {
                        "containers": [{
                            "command": ["local-path-provisioner", "start", "--config",
                                        "/etc/config/config.json"],
                            "env": [{"name": "POD_NAMESPACE", "valueFrom": {"fieldRef": {
                                "fieldPath": "metadata.namespace"}}}],
                            "image": IMAGES["local-path"], "imagePullPolicy": "IfNotPresent",
                            "name": "local-path-provisioner",
                            "volumeMounts": [{"mountPath": "/etc/config/",
                                              "name": "config-volume"}]}],
                        "priorityClassName": "system-node-critical",
                        "serviceAccountName": "local-path-provisioner-service-account",
                        "tolerations": CRIT_TOL,
                        "volumes": [{"configMap": {"name": "local-path-config"},
                                     "name": "config-volume"}]}}}}
    k3s_deployment(dep, "local-storage", ["node1"], updated=T_UPGRADE, revision=2, generation=2)
    lease = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
             "metadata": {"name": "rancher.io-local-path", "namespace": "kube-system"},
             "spec": {"acquireTime": "2025-04-06T08:30:52.000000Z",
                      "holderIdentity": "local-path-provisioner-%s_%s" % (
                          "local-path-provisioner", uuid.uuid5(NS_UID, "lpp")),
                      "leaseDurationSeconds": 15, "leaseTransitions": 1,
                      "renewTime": "2025-06-20T08:14:59.021773Z"}}
    simple(lease, "2025-01-20T19:05:00Z", "local-path-provisioner", "2025-06-20T08:14:59Z")


def metrics_server():
    def addon(name, objs):
        return deploy_addon(name, "metrics-server/%s.yaml" % name, objs)
    addon("aggregated-metrics-reader", [
        {"apiVersion": RBAC_API, "kind": "ClusterRole",
         "metadata": {"labels": {"rbac.authorization.k8s.io/aggregate-to-admin": "true",
                                 "rbac.authorization.k8s.io/aggregate-to-edit": "true",
                                 "rbac.authorization.k8s.io/aggregate-to-view": "true"},
                      "name": "system:aggregated-metrics-reader"},
         "rules": METRICS_READER}])
    addon("auth-delegator", [
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"name": "metrics-server:system:auth-delegator"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "system:auth-delegator"},
         "subjects": [{"kind": "ServiceAccount", "name": "metrics-server",
                       "namespace": "kube-system"}]}])
    addon("auth-reader", [
        {"apiVersion": RBAC_API, "kind": "RoleBinding",
         "metadata": {"name": "metrics-server-auth-reader", "namespace": "kube-system"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                     "name": "extension-apiserver-authentication-reader"},
         "subjects": [{"kind": "ServiceAccount", "name": "metrics-server",
                       "namespace": "kube-system"}]}])
    addon("metrics-apiservice", [
        {"apiVersion": "apiregistration.k8s.io/v1", "kind": "APIService",
         "metadata": {"name": "v1beta1.metrics.k8s.io"},
         "spec": {"group": "metrics.k8s.io", "groupPriorityMinimum": 100,
                  "insecureSkipTLSVerify": True,
                  "service": {"name": "metrics-server", "namespace": "kube-system"},
                  "version": "v1beta1", "versionPriority": 100}}])
    addon("metrics-server-deployment", [
        {"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": {"name": "metrics-server", "namespace": "kube-system"}}])
    out = addon("metrics-server-service", [
        {"apiVersion": "v1", "kind": "Service",
         "metadata": {"labels": {"kubernetes.io/cluster-service": "true",
                                 "kubernetes.io/name": "Metrics-server"},
                      "name": "metrics-server", "namespace": "kube-system"},
         "spec": {"ports": [{"name": "https", "port": 443, "protocol": "TCP",
                             "targetPort": "https"}],
                  "selector": {"k8s-app": "metrics-server"}}}])
    addon("resource-reader", [
        {"apiVersion": RBAC_API, "kind": "ClusterRole",
         "metadata": {"name": "system:metrics-server"},
         "rules": [R([""], ["nodes/metrics"], ["get"]),
                   R([""], ["pods", "nodes", "namespaces", "configmaps"], RO)]},
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"name": "system:metrics-server"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "system:metrics-server"},
         "subjects": [{"kind": "ServiceAccount", "name": "metrics-server",
                       "namespace": "kube-system"}]}])
    probe = lambda path, period: {"failureThreshold": 3, "httpGet": {
        "path": path, "port": "https", "scheme": "HTTPS"}, "periodSeconds": period}
    dep = {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"labels": {"k8s-app": "metrics-server"}, "name": "metrics-server",
                        "namespace": "kube-system"},
           "spec": {"revisionHistoryLimit": 0,
                    "selector": {"matchLabels": {"k8s-app": "metrics-server"}},
                    "template": {"metadata": {"labels": {"k8s-app": "metrics-server"},
                                              "name": "metrics-server"}, "spec": {
                        "containers": [{
                            "args": ["--cert-dir=/tmp", "--secure-port=10250",
                                     "--kubelet-preferred-address-types=InternalIP,ExternalIP,"
                                     "Hostname", "--kubelet-use-node-status-port",
                                     "--metric-resolution=15s",
                                     "--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
                                     ",TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH"
                                     "_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,T"
                                     "LS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CH"
                                     "ACHA20_POLY1305"],
                            "image": IMAGES["metrics-server"], "imagePullPolicy": "IfNotPresent",
                            "livenessProbe": probe("/livez", 10), "name": "metrics-server",
                            "ports": [{"containerPort": 10250, "name": "https",
                                       "protocol": "TCP"}],
                            "readinessProbe": dict(probe("/readyz", 2), initialDelaySeconds=2),
                            "resources": {"requests": {"cpu": "100m", "memory": "70Mi"}},
                            "securityContext": {"allowPrivilegeEscalation": False,
                                                "capabilities": {"drop": ["ALL"]},
                                                "readOnlyRootFilesystem": True,
                                                "runAsNonRoot": True, "runAsUser": 1000,
                                                "seccompProfile": {"type": "RuntimeDefault"}},
                            "volumeMounts": [{"mountPath": "/tmp", "name": "tmp-dir"}]}],
                        "priorityClassName": "system-node-critical",
                        "serviceAccountName": "metrics-server", "tolerations": CRIT_TOL,
                        "volumes": [{"emptyDir": {}, "name": "tmp-dir"}]}}}}
    _, pods = k3s_deployment(dep, "metrics-server-deployment", ["node1"])
    endpoints(out[("Service", "metrics-server")], pods, T_ADDONS, time="2025-01-20T19:05:12Z",
              named={"https": 10250})


def k3s_rbac_and_runtimes():
    deploy_addon("ccm", "ccm.yaml", [
        {"apiVersion": RBAC_API, "kind": "ClusterRole",
         "metadata": {"name": "k3s-cloud-controller-manager"},
         "rules": [R(["coordination.k8s.io"], ["leases"], ["get", "create", "update"]),
                   R([""], ["events"], ["create", "patch", "update"]),
                   R([""], ["nodes"], ["*"]), R([""], ["nodes/status"], ["patch"]),
                   R([""], ["services"], ["list", "patch", "update", "watch"]),
                   R([""], ["services/status"], ["list", "patch", "update", "watch"]),
                   R([""], ["serviceaccounts"], ["create", "get"]),
                   R([""], ["persistentvolumes"], ["get", "list", "update", "watch"]),
                   R([""], ["endpoints"], ["create", "get", "list", "watch", "update"]),
                   R(["discovery.k8s.io"], ["endpointslices"], RO),
                   R(["apps"], ["daemonsets"], ["*"]), R([""], ["pods"], RO)]},
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"name": "k3s-cloud-controller-manager"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "k3s-cloud-controller-manager"},
         "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User",
                       "name": "k3s-cloud-controller-manager"}]},
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"name": "k3s-cloud-controller-manager-auth-delegator"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "system:auth-delegator"},
         "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User",
                       "name": "k3s-cloud-controller-manager"}]},
        {"apiVersion": RBAC_API, "kind": "RoleBinding",
         "metadata": {"name": "k3s-cloud-controller-manager-authentication-reader",
                      "namespace": "kube-system"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                     "name": "extension-apiserver-authentication-reader"},
         "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User",
                       "name": "k3s-cloud-controller-manager"}]}])
    deploy_addon("rolebindings", "rolebindings.yaml", [
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"name": "kube-apiserver-kubelet-admin"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "system:kubelet-api-admin"},
         "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User",
                       "name": "kube-apiserver"}]},
        {"apiVersion": RBAC_API, "kind": "ClusterRole",
         "metadata": {"name": "system:k3s-controller"},
         "rules": [R([""], ["nodes"], ["get"]), R([""], ["namespaces"], ["list", "watch"]),
                   R(["networking.k8s.io"], ["networkpolicies"], ["list", "watch"]),
                   R([""], ["endpoints", "pods"], ["list", "get", "watch"]),
                   R(["discovery.k8s.io"], ["endpointslices"], ["list", "get", "watch"])]},
        {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
         "metadata": {"name": "system:k3s-controller"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "system:k3s-controller"},
         "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User",
                       "name": "system:k3s-controller"}]}])
    deploy_addon("runtimes", "runtimes.yaml", [
        {"apiVersion": "node.k8s.io/v1", "kind": "RuntimeClass", "metadata": {"name": h},
         "handler": h} for h in ("crun", "lunatic", "nvidia", "nvidia-experimental", "slight",
                                 "spin", "wasmedge", "wasmer", "wasmtime", "wws")])


def k3s_system_objects():
    """What the K3s supervisor itself keeps in kube-system."""
    ann = {"listener.cattle.io/cn-%s" % cn.replace(":", "_"): cn for cn in (
        "10.43.0.1", "127.0.0.1", "192.168.1.10", "kubernetes", "kubernetes.default",
        "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "localhost", "node1")}
    ann["listener.cattle.io/cn-__1-f16284"] = "::1"
    ann["listener.cattle.io/fingerprint"] = "SHA1=" + hx("serving-fp", 40).upper()
    sec = {"apiVersion": "v1", "kind": "Secret",
           "metadata": {"name": "k3s-serving", "namespace": "kube-system", "annotations": ann},
           "type": "kubernetes.io/tls",
           "data": {"tls.crt": b64(fake_pem("CERTIFICATE", "k3s-serving") +
                                   fake_pem("CERTIFICATE", "k3s-server-ca", 4)),
                    "tls.key": b64(fake_pem("EC PRIVATE KEY", "k3s-serving-key", 3))}}
    simple(sec, T_BOOT, SUPERVISOR, T_UPGRADE)
    add({"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": meta("ServiceAccount", "svclb", "kube-system", created=T_BOOT)})
    # K3s's own CRDs (wrangler creates them at start)
    for g, kind, plural in (("k3s.cattle.io", "Addon", "addons"),
                            ("k3s.cattle.io", "ETCDSnapshotFile", "etcdsnapshotfiles"),
                            ("helm.cattle.io", "HelmChart", "helmcharts"),
                            ("helm.cattle.io", "HelmChartConfig", "helmchartconfigs")):
        scope = "Cluster" if kind == "ETCDSnapshotFile" else "Namespaced"
        crd_live(crd(g, kind, plural, scope), T_BOOT, SUPERVISOR, T_UPGRADE)
        CRD_VERSIONS.append((g, "v1", T_BOOT))


CRD_VERSIONS = []


# ==================================================================================================
# K3s: Traefik, through the helm controller (HelmChart -> helm-install Job -> Helm release)
# ==================================================================================================
CHART_URL = "https://%{KUBERNETES_API}%/static/charts/"
HC_GVK = "helm.cattle.io/v1, Kind=HelmChart"


def traefik_values_content(tag):
    return ('deployment:\n  podAnnotations:\n    prometheus.io/port: "8082"\n'
            '    prometheus.io/scrape: "true"\nproviders:\n  kubernetesIngress:\n'
            '    publishedService:\n      enabled: true\n'
            'priorityClassName: "system-cluster-critical"\nimage:\n'
            '  repository: "rancher/mirrored-library-traefik"\n  tag: "%s"\ntolerations:\n'
            '- key: "CriticalAddonsOnly"\n  operator: "Exists"\n'
            '- key: "node-role.kubernetes.io/control-plane"\n  operator: "Exists"\n'
            '  effect: "NoSchedule"\n- key: "node-role.kubernetes.io/master"\n'
            '  operator: "Exists"\n  effect: "NoSchedule"\nservice:\n'
            '  ipFamilyPolicy: "PreferDualStack"' % tag)


HCC_VALUES = ('logs:\n  access:\n    enabled: true\nadditionalArguments:\n'
              '  - "--serverstransport.insecureskipverify=true"')


def owner_helmchartconfig():
    hcc = {"apiVersion": "helm.cattle.io/v1", "kind": "HelmChartConfig",
           "metadata": {"name": "traefik", "namespace": "kube-system"},
           "spec": {"valuesContent": HCC_VALUES}}
    kubectl_apply(hcc, T_HCC, generation=1, cr="atomic")


def helm_charts():
    charts = {
        "traefik-crd": {"chart": CHART_URL + "traefik-crd-%s.tgz" % TRAEFIK_CHART},
        "traefik": {"chart": CHART_URL + "traefik-%s.tgz" % TRAEFIK_CHART,
                    "set": {"global.systemDefaultRegistry": ""},
                    "valuesContent": traefik_values_content("3.3.2")},
    }
    for name, spec in charts.items():
        o = addon_stamp({"apiVersion": "helm.cattle.io/v1", "kind": "HelmChart",
                         "metadata": {"name": name, "namespace": "kube-system"},
                         "spec": spec}, "traefik")
        m = o["metadata"]
        m["annotations"]["helmcharts.cattle.io/managed-by"] = "helm-controller"
        m["finalizers"] = ["wrangler.cattle.io/on-helm-chart-remove"]
        m["generation"] = 2
        job = "helm-install-" + name
        status = {"conditions": [
            {"message": "Applying HelmChart using Job kube-system/" + job,
             "reason": "Job created", "status": "True", "type": "JobCreated"},
            {"status": "False", "type": "Failed"}], "jobName": job}
        live = materialize(o, T_ADDONS, status=status)
        add(live, [
            mf(DEPLOY, T_UPGRADE, owned_view(live, drop=[
                ("metadata", "annotations", "helmcharts.cattle.io/managed-by"),
                ("metadata", "finalizers")]), "helm.cattle.io/v1", cr="atomic"),
            mf(HELMCTL, "2025-01-20T19:04:32Z", pick(
                live, ("metadata", "annotations", "helmcharts.cattle.io/managed-by"),
                ("metadata", "finalizers")), "helm.cattle.io/v1", cr="atomic"),
            mf(HELMCTL, T_UPGRADE, pick(live, ("status", "conditions"), ("status", "jobName")),
               "helm.cattle.io/v1", sub="status", cr="atomic")])
    ADDONS.append(("traefik", "traefik.yaml", T_ADDONS, T_UPGRADE))


def helm_install_job(chart, set_args, values, job_created, started, done, restarts=0,
                     values_changed=None):
    """What helm-controller creates for one HelmChart, and the Job's finished Pod."""
    ns = "kube-system"
    stamp = lambda o: objectset_stamp(o, "helm-chart-registration", HC_GVK, ns, chart)
    owner = oref("helm.cattle.io/v1", "HelmChart", chart, ns, controller=True, block=False)
    first = "2025-01-20T19:04:32Z"
    sec = stamp({"apiVersion": "v1", "kind": "Secret",
                 "metadata": {"name": "chart-values-" + chart, "namespace": ns,
                              "ownerReferences": [owner]},
                 "type": "Opaque", "data": {k: b64(v) for k, v in values.items()}})
    if not values:
        del sec["data"]
    simple(sec, first, HELMCTL, values_changed or first)
    cm = stamp({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "chart-content-" + chart, "namespace": ns,
                             "ownerReferences": [owner]}})
    simple(cm, first, HELMCTL)
    sa_ = stamp({"apiVersion": "v1", "kind": "ServiceAccount",
                 "metadata": {"name": "helm-" + chart, "namespace": ns,
                              "ownerReferences": [owner]},
                 "automountServiceAccountToken": True})
    simple(sa_, first, HELMCTL)
    crb = stamp({"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
                 "metadata": {"name": "helm-%s-%s" % (ns, chart)},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                             "name": "cluster-admin"},
                 "subjects": [{"kind": "ServiceAccount", "name": "helm-" + chart,
                               "namespace": ns}]})
    simple(crb, first, HELMCTL)
    digest = hashlib.sha256()
    for k in sorted(values):
        digest.update(k.encode() + values[k].encode())
    env = [{"name": "NAME", "value": chart}, {"name": "VERSION"}, {"name": "REPO"},
           {"name": "HELM_DRIVER", "value": "secret"}, {"name": "CHART_NAMESPACE", "value": ns},
           {"name": "CHART", "value": CHART_URL + "%s-%s.tgz" % (chart, TRAEFIK_CHART)},
           {"name": "HELM_VERSION"}, {"name": "TARGET_NAMESPACE", "value": ns},
           {"name": "AUTH_PASS_CREDENTIALS", "value": "false"},
           {"name": "INSECURE_SKIP_TLS_VERIFY", "value": "false"},
           {"name": "PLAIN_HTTP", "value": "false"},
           {"name": "FAILURE_POLICY", "value": "reinstall"}]
    mem = lambda n: {"emptyDir": {"medium": "Memory"}, "name": n}
    job = stamp({"apiVersion": "batch/v1", "kind": "Job",
                 "metadata": {"name": "helm-install-" + chart, "namespace": ns,
                              "labels": {"helmcharts.helm.cattle.io/chart": chart},
                              "ownerReferences": [owner]},
                 "spec": {"backoffLimit": 1000, "template": {
                     "metadata": {"annotations": {"helmcharts.helm.cattle.io/configHash":
                                                  "SHA256=" + digest.hexdigest().upper()},
                                  "labels": {"helmcharts.helm.cattle.io/chart": chart}},
                     "spec": {"containers": [{
                         "args": ["install"] + set_args, "env": env,
                         "image": IMAGES["klipper-helm"], "imagePullPolicy": "IfNotPresent",
                         "name": "helm",
                         "securityContext": {"allowPrivilegeEscalation": False,
                                             "capabilities": {"drop": ["ALL"]},
                                             "readOnlyRootFilesystem": True},
                         "volumeMounts": [
                             {"mountPath": "/home/klipper-helm/.helm", "name": "klipper-helm"},
                             {"mountPath": "/home/klipper-helm/.cache", "name": "klipper-cache"},
                             {"mountPath": "/home/klipper-helm/.config",
                              "name": "klipper-config"},
                             {"mountPath": "/tmp", "name": "tmp"},
                             {"mountPath": "/config", "name": "values"},
                             {"mountPath": "/chart", "name": "content"}]}],
                         "nodeSelector": {"kubernetes.io/os": "linux"},
                         "restartPolicy": "OnFailure",
                         "securityContext": {"runAsNonRoot": True,
                                             "seccompProfile": {"type": "RuntimeDefault"}},
                         "serviceAccountName": "helm-" + chart,
                         "volumes": [mem("klipper-helm"), mem("klipper-cache"),
                                     mem("klipper-config"), mem("tmp"),
                                     {"name": "values", "secret": {"secretName":
                                                                   "chart-values-" + chart}},
                                     {"configMap": {"name": "chart-content-" + chart},
                                      "name": "content"}]}}}})
    live = default_workload(copy.deepcopy(job))
    m = live["metadata"]
    juid = uid("Job", ns, m["name"])
    m.update({"creationTimestamp": job_created, "uid": juid, "generation": 1})
    view = owned_view(live)
    sel = {"batch.kubernetes.io/controller-uid": juid}
    live["spec"]["selector"] = {"matchLabels": sel}
    live["spec"]["template"]["metadata"]["labels"].update({
        "batch.kubernetes.io/controller-uid": juid,
        "batch.kubernetes.io/job-name": m["name"], "controller-uid": juid,
        "job-name": m["name"]})
    live["status"] = {"completionTime": done, "conditions": [
        {"lastProbeTime": done, "lastTransitionTime": done,
         "message": "Reached expected number of succeeded pods",
         "reason": "CompletionsReached", "status": "True", "type": "SuccessCriteriaMet"},
        {"lastProbeTime": done, "lastTransitionTime": done,
         "message": "Reached expected number of succeeded pods",
         "reason": "CompletionsReached", "status": "True", "type": "Complete"}],
        "ready": 0, "startTime": job_created, "succeeded": 1, "terminating": 0,
        "uncountedTerminatedPods": {}}
    add(live, [mf(HELMCTL, job_created, view, "batch/v1"),
               mf(M_KCM, done, pick(live, *[("status", k) for k in live["status"]]),
                  "batch/v1", sub="status")])
    pname = "%s-%s" % (m["name"], rand("jobpod/" + m["name"], 5))
    make_pod(pname, ns, live["spec"]["template"], oref("batch/v1", "Job", m["name"], ns),
             "node1", job_created, started, completed=done, restarts=restarts,
             generate_name=m["name"] + "-")


def traefik_labels(chart_version):
    return {"app.kubernetes.io/instance": "traefik-kube-system",
            "app.kubernetes.io/managed-by": "Helm", "app.kubernetes.io/name": "traefik",
            "helm.sh/chart": "traefik-" + chart_version.replace("+", "_")}


def traefik_render(chart_version, tag, hcc):
    """The traefik chart's templates with K3s's values (and the owner's HelmChartConfig)."""
    v3 = tag.startswith("3.")
    labels = traefik_labels(chart_version)
    sel = {"app.kubernetes.io/instance": "traefik-kube-system",
           "app.kubernetes.io/name": "traefik"}
    src = "traefik/templates/"
    docs = []
    docs.append((src + "rbac/serviceaccount.yaml", {
        "kind": "ServiceAccount", "apiVersion": "v1",
        "metadata": {"name": "traefik", "namespace": "kube-system", "labels": labels,
                     "annotations": None},
        "automountServiceAccountToken": False}))
    rules = []
    if v3:
        rules += [R([""], ["nodes"], RO), R([""], ["services"], RO),
                  R(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])]
    else:
        rules += [R([""], ["endpoints", "services"], RO)]
    rules += [R([""], ["secrets"], RO),
              R(["extensions", "networking.k8s.io"], ["ingressclasses", "ingresses"], RO),
              R(["extensions", "networking.k8s.io"], ["ingresses/status"], ["update"]),
              R(["traefik.io"] + ([] if v3 else ["traefik.containo.us"]),
                ["ingressroutes", "ingressroutetcps", "ingressrouteudps", "middlewares",
                 "middlewaretcps", "serverstransports", "serverstransporttcps", "tlsoptions",
                 "tlsstores", "traefikservices"], RO)]
    docs.append((src + "rbac/clusterrole.yaml", {
        "kind": "ClusterRole", "apiVersion": RBAC_API,
        "metadata": {"name": "traefik-kube-system", "labels": labels}, "rules": rules}))
    docs.append((src + "rbac/clusterrolebinding.yaml", {
        "kind": "ClusterRoleBinding", "apiVersion": RBAC_API,
        "metadata": {"name": "traefik-kube-system", "labels": labels},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                    "name": "traefik-kube-system"},
        "subjects": [{"kind": "ServiceAccount", "name": "traefik",
                      "namespace": "kube-system"}]}))
    docs.append((src + "service.yaml", {
        "apiVersion": "v1", "kind": "Service",
        "metadata": {"name": "traefik", "namespace": "kube-system", "labels": labels,
                     "annotations": None},
        "spec": {"type": "LoadBalancer", "selector": sel,
                 "ports": [{"port": 80, "name": "web", "targetPort": "web", "protocol": "TCP"},
                           {"port": 443, "name": "websecure", "targetPort": "websecure",
                            "protocol": "TCP"}],
                 "ipFamilyPolicy": "PreferDualStack"}}))
    args = ["--global.checknewversion", "--global.sendanonymoususage",
            "--entryPoints.metrics.address=:9100/tcp", "--entryPoints.traefik.address=:8080/tcp",
            "--entryPoints.web.address=:8000/tcp", "--entryPoints.websecure.address=:8443/tcp",
            "--api.dashboard=true", "--ping=true", "--metrics.prometheus=true",
            "--metrics.prometheus.entrypoint=metrics", "--providers.kubernetescrd"]
    if v3:
        args += ["--providers.kubernetescrd.allowEmptyServices=true"]
    args += ["--providers.kubernetesingress"]
    if v3:
        args += ["--providers.kubernetesingress.allowEmptyServices=true"]
    args += ["--providers.kubernetesingress.ingressendpoint.publishedservice=kube-system/traefik",
             "--entryPoints.websecure.http.tls=true", "--log.level=INFO"]
    if hcc:
        args += ["--accesslog=true", "--accesslog.fields.defaultmode=keep",
                 "--accesslog.fields.headers.defaultmode=drop",
                 "--serverstransport.insecureskipverify=true"]
    probe = lambda ft: {"httpGet": {"path": "/ping", "port": 8080, "scheme": "HTTP"},
                        "failureThreshold": ft, "initialDelaySeconds": 2, "periodSeconds": 10,
                        "successThreshold": 1, "timeoutSeconds": 2}
    docs.append((src + "deployment.yaml", {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "traefik", "namespace": "kube-system", "labels": labels,
                     "annotations": None},
        "spec": {"replicas": 1, "selector": {"matchLabels": sel},
                 "strategy": {"type": "RollingUpdate",
                              "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
                 "minReadySeconds": 0,
                 "template": {
                     "metadata": {"annotations": {"prometheus.io/port": "8082",
                                                  "prometheus.io/scrape": "true",
                                                  "prometheus.io/path": "/metrics"},
                                  "labels": labels},
                     "spec": {
                         "serviceAccountName": "traefik", "automountServiceAccountToken": True,
                         "terminationGracePeriodSeconds": 60, "hostNetwork": False,
                         "priorityClassName": "system-cluster-critical",
                         "containers": [{
                             "image": IMAGES["traefik" if v3 else "traefik-old"].rsplit(":", 1)[0]
                             + ":" + tag,
                             "imagePullPolicy": "IfNotPresent", "name": "traefik",
                             "resources": None,
                             "readinessProbe": probe(1), "livenessProbe": probe(3),
                             "lifecycle": None,
                             "ports": [{"name": "metrics", "containerPort": 9100,
                                        "protocol": "TCP"},
                                       {"name": "traefik", "containerPort": 8080,
                                        "protocol": "TCP"},
                                       {"name": "web", "containerPort": 8000, "protocol": "TCP"},
                                       {"name": "websecure", "containerPort": 8443,
                                        "protocol": "TCP"}],
                             "securityContext": {"allowPrivilegeEscalation": False,
                                                 "capabilities": {"drop": ["ALL"]},
                                                 "readOnlyRootFilesystem": True},
                             "volumeMounts": [{"name": "data", "mountPath": "/data"},
                                              {"name": "tmp", "mountPath": "/tmp"}],
                             "args": args,
                             "env": [{"name": "POD_NAME", "valueFrom": {"fieldRef": {
                                 "fieldPath": "metadata.name"}}},
                                     {"name": "POD_NAMESPACE", "valueFrom": {"fieldRef": {
                                         "fieldPath": "metadata.namespace"}}}] +
                             ([{"name": "USER", "value": "traefik"}] if v3 else [])}],
                         "volumes": [{"name": "data", "emptyDir": {}},
                                     {"name": "tmp", "emptyDir": {}}],
                         "tolerations": copy.deepcopy(CRIT_TOL),
                         "securityContext": {"runAsGroup": 65532, "runAsNonRoot": True,
                                             "runAsUser": 65532}}}}}))
    docs.append((src + "ingressclass.yaml", {
        "apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
        "metadata": {"annotations": {"ingressclass.kubernetes.io/is-default-class": "true"},
                     "labels": labels, "name": "traefik"},
        "spec": {"controller": "traefik.io/ingress-controller"}}))
    return docs


OMITTED_ZERO = {"hostNetwork": False, "hostPID": False, "hostIPC": False, "minReadySeconds": 0}


def clean(o):
    """Drop what a template writes but the API server does not keep: nulls, empty lists and
    zero values of omitempty fields."""
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items() if v is not None and v != [] and
                not (k in OMITTED_ZERO and v == OMITTED_ZERO[k])}
    if isinstance(o, list):
        return [clean(v) for v in o]
    return o


def traefik_chart_values():
    return {"image": {"registry": "docker.io", "repository": "traefik", "tag": None,
                      "pullPolicy": "IfNotPresent"},
            "deployment": {"enabled": True, "kind": "Deployment", "replicas": 1},
            "ingressClass": {"enabled": True, "isDefaultClass": True},
            "providers": {"kubernetesCRD": {"enabled": True},
                          "kubernetesIngress": {"enabled": True},
                          "kubernetesGateway": {"enabled": False}},
            "ports": {"traefik": {"port": 8080, "expose": {"default": False}},
                      "web": {"port": 8000, "exposedPort": 80, "expose": {"default": True}},
                      "websecure": {"port": 8443, "exposedPort": 443,
                                    "expose": {"default": True}}},
            "service": {"enabled": True, "type": "LoadBalancer"},
            "rbac": {"enabled": True}, "logs": {"general": {"level": "INFO"},
                                                "access": {"enabled": False}},
            "global": {"checkNewVersion": True, "sendAnonymousUsage": False,
                       "systemDefaultRegistry": ""}}


def traefik_config(tag, hcc):
    cfg = yaml.safe_load(traefik_values_content(tag))
    cfg["global"] = {"systemDefaultRegistry": ""}
    if hcc:
        cfg.update(yaml.safe_load(HCC_VALUES))
    return cfg


def traefik_release():
    """traefik-crd and traefik: three upgrades of K3s's own releases, records in kube-system."""
    # --- traefik-crd ---------------------------------------------------------------------------
    old_crds = [crd(g, k, p, versions=(("v1alpha1", True, True),),
                    annotations={"controller-gen.kubebuilder.io/version": "v0.14.0"})
                for g in ("traefik.containo.us", "traefik.io") for k, p in TRAEFIK_KINDS
                if not (g == "traefik.containo.us" and k == "ServersTransportTCP")]
    new_crds = [crd("traefik.io", k, p, versions=(("v1alpha1", True, True),),
                    annotations={"controller-gen.kubebuilder.io/version": "v0.16.1"})
                for k, p in TRAEFIK_KINDS]
    new_crds += [crd("hub.traefik.io", k, p, scope=sc, versions=(("v1alpha1", True, True),),
                     annotations={"controller-gen.kubebuilder.io/version": "v0.16.1"})
                 for k, p, sc in HUB_KINDS]
    gw_std = gateway_api_crds("standard")
    new_crds += gw_std
    crd_docs = lambda crds, ver: [("traefik-crd/templates/%s_%s.yaml" % (
        c["spec"]["group"], c["spec"]["names"]["plural"]) if "gateway.networking" not in
        c["spec"]["group"] else "traefik-crd/templates/gateway-standard-install.yaml", c)
        for c in crds]
    meta_crd = lambda v, app: {"name": "traefik-crd", "version": v, "appVersion": app,
                               "description": "Installs the CRDs for traefik",
                               "annotations": {"fleet.cattle.io/bundle-id": "k3s"},
                               "apiVersion": "v1"}
    helm_record("traefik-crd", "kube-system", meta_crd(TRAEFIK_CHART_OLD, "v2.11.18"), 1,
                "superseded", T_HELM1, T_HELM1, {"global": {"systemDefaultRegistry": ""}}, {},
                crd_docs(old_crds, TRAEFIK_CHART_OLD), "Install complete",
                modified=T_UPGRADE_HELM)
    helm_record("traefik-crd", "kube-system", meta_crd(TRAEFIK_CHART, "v3.3.2"), 2, "deployed",
                T_HELM1, T_UPGRADE_HELM, {"global": {"systemDefaultRegistry": ""}}, {},
                crd_docs(new_crds, TRAEFIK_CHART), "Upgrade complete")
    for c in new_crds:
        live = helm_stamp(copy.deepcopy(c), "traefik-crd", "kube-system")
        existed = c["spec"]["group"] == "traefik.io"
        created = T_HELM1 if existed else T_UPGRADE_HELM
        crd_live(live, created, "helm", T_UPGRADE_HELM)
        CRD_VERSIONS.extend((c["spec"]["group"], v["name"], created)
                            for v in c["spec"]["versions"])
    # --- traefik ---------------------------------------------------------------------------------
    meta_t = lambda v, app: {"name": "traefik", "version": v, "appVersion": app,
                             "description": "A Traefik based Kubernetes ingress controller",
                             "home": "https://traefik.io/", "kubeVersion": ">=1.22.0-0",
                             "annotations": {"fleet.cattle.io/bundle-id": "k3s"}}
    revs = [(1, TRAEFIK_CHART_OLD, "v2.11.18", "2.11.18", False, T_HELM1, "Install complete"),
            (2, TRAEFIK_CHART_OLD, "v2.11.18", "2.11.18", True, "2025-02-09T17:31:58Z",
             "Upgrade complete"),
            (3, TRAEFIK_CHART, "v3.3.2", "3.3.2", True, "2025-04-06T08:31:41Z",
             "Upgrade complete")]
    renders = {}
    for rev, chart, app, tag, hcc, when, desc in revs:
        docs = traefik_render(chart, tag, hcc)
        renders[rev] = (docs, when)
        status = "deployed" if rev == 3 else "superseded"
        modified = revs[rev][5] if rev < 3 else when
        helm_record("traefik", "kube-system", meta_t(chart, app), rev, status, T_HELM1, when,
                    traefik_config(tag, hcc), traefik_chart_values(), docs, desc,
                    notes="\n\nTraefik Proxy %s has been deployed successfully on kube-system "
                          "namespace !" % app, modified=modified)
    docs, when = renders[3]
    rendered = {d["kind"]: clean(helm_stamp(copy.deepcopy(d), "traefik", "kube-system"))
                for _, d in docs}
    for kind in ("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "IngressClass"):
        simple(rendered[kind], T_HELM1, "helm", when,
               generation=1 if kind == "IngressClass" else None)
    svc_live, svc_d = service(rendered["Service"], T_HELM1, lb_ingress=["192.168.1.10"])
    svc_live["spec"]["ipFamilyPolicy"] = "PreferDualStack"
    svc_live["metadata"].update({"creationTimestamp": T_HELM1,
                                 "uid": uid("Service", "kube-system", "traefik")})
    add(svc_live, [mf("helm", when, owned_view(svc_d), "v1"),
                   mf(M_CCM, "2025-01-20T19:05:31Z", pick(svc_live, ("status", "loadBalancer")),
                      "v1", sub="status")])
    old = []
    for rev in (1, 2):
        d = clean(dict(renders[rev][0])["traefik/templates/deployment.yaml"])
        t = default_template(copy.deepcopy(d["spec"]["template"]))
        old.append((rev, t, "2025-01-20T19:05:09Z" if rev == 1 else "2025-02-09T17:31:59Z"))

    def creators(live):
        return [mf("helm", when, owned_view(live, drop=[
            ("metadata", "annotations", "deployment.kubernetes.io/revision")]), "apps/v1")]
    _, pods = deployment(rendered["Deployment"], creators, T_HELM1, ["node1"], revision=3,
                         generation=3, old_rs=old, rs_created="2025-04-06T08:31:42Z",
                         started="2025-04-06T08:31:58Z")
    endpoints(svc_live, pods, T_HELM1, time="2025-04-06T08:31:58Z",
              named={"web": 8000, "websecure": 8443})
    svclb(svc_live, T_HELM1, "2025-01-20T19:05:30Z")


TRAEFIK_KINDS = [("IngressRoute", "ingressroutes"), ("IngressRouteTCP", "ingressroutetcps"),
                 ("IngressRouteUDP", "ingressrouteudps"), ("Middleware", "middlewares"),
                 ("MiddlewareTCP", "middlewaretcps"), ("ServersTransport", "serverstransports"),
                 ("ServersTransportTCP", "serverstransporttcps"), ("TLSOption", "tlsoptions"),
                 ("TLSStore", "tlsstores"), ("TraefikService", "traefikservices")]
HUB_KINDS = [("AccessControlPolicy", "accesscontrolpolicies", "Cluster"),
             ("AIService", "aiservices", "Namespaced"),
             ("APIAccess", "apiaccesses", "Namespaced"), ("APIBundle", "apibundles", "Namespaced"),
             ("APICatalogItem", "apicatalogitems", "Namespaced"),
             ("APIPlan", "apiplans", "Namespaced"), ("APIPortal", "apiportals", "Namespaced"),
             ("APIRateLimit", "apiratelimits", "Namespaced"), ("API", "apis", "Namespaced"),
             ("APIVersion", "apiversions", "Namespaced"),
             ("ManagedSubscription", "managedsubscriptions", "Namespaced")]


def gateway_api_crds(channel):
    """Gateway API v1.2.1 CRDs. standard: what traefik-crd 34.x ships; experimental: what Envoy
    Gateway v1.2's crds/gatewayapi-crds.yaml ships."""
    kinds = [("GatewayClass", "gatewayclasses", "Cluster", (("v1", True, True),
                                                             ("v1beta1", True, False))),
             ("Gateway", "gateways", "Namespaced", (("v1", True, True), ("v1beta1", True, False))),
             ("GRPCRoute", "grpcroutes", "Namespaced", (("v1", True, True),)),
             ("HTTPRoute", "httproutes", "Namespaced", (("v1", True, True),
                                                        ("v1beta1", True, False))),
             ("ReferenceGrant", "referencegrants", "Namespaced", (("v1beta1", True, True),))]
    if channel == "experimental":
        kinds += [("BackendLBPolicy", "backendlbpolicies", "Namespaced",
                   (("v1alpha2", True, True),)),
                  ("BackendTLSPolicy", "backendtlspolicies", "Namespaced",
                   (("v1alpha3", True, True),)),
                  ("TCPRoute", "tcproutes", "Namespaced", (("v1alpha2", True, True),)),
                  ("TLSRoute", "tlsroutes", "Namespaced", (("v1alpha2", True, True),)),
                  ("UDPRoute", "udproutes", "Namespaced", (("v1alpha2", True, True),))]
    out = []
    for kind, plural, scope, versions in kinds:
        out.append(crd("gateway.networking.k8s.io", kind, plural, scope, versions,
                       categories=["gateway-api"],
                       annotations={"api-approved.kubernetes.io":
                                    "https://github.com/kubernetes-sigs/gateway-api/pull/3328",
                                    "gateway.networking.k8s.io/bundle-version": "v1.2.1",
                                    "gateway.networking.k8s.io/channel": channel}))
    return out


def svclb(svc, created, started):
    """ServiceLB (klipper-lb): the DaemonSet K3s's cloud controller makes for a LoadBalancer
    Service. It is applied with wrangler (objectset annotations), has no ownerReference, and is
    tied to its Service only by the svccontroller.k3s.cattle.io labels."""
    m, spec = svc["metadata"], svc["spec"]
    name = "svclb-%s-%s" % (m["name"][:48].rstrip("-"), m["uid"][:8])
    local = spec.get("externalTrafficPolicy") == "Local"
    containers = []
    for p in spec["ports"]:
        pn = "lb-%s-%d" % (p["protocol"].lower(), p["port"])
        env = [{"name": "SRC_PORT", "value": str(p["port"])},
               {"name": "SRC_RANGES", "value": "0.0.0.0/0"},
               {"name": "DEST_PROTO", "value": p["protocol"]}]
        if local:
            env += [{"name": "DEST_PORT", "value": str(p["nodePort"])},
                    {"name": "DEST_IPS", "valueFrom": {"fieldRef": {
                        "apiVersion": "v1", "fieldPath": "status.hostIPs"}}}]
        else:
            env += [{"name": "DEST_PORT", "value": str(p["port"])},
                    {"name": "DEST_IPS", "value": ",".join(spec["clusterIPs"])}]
        containers.append({"env": env, "image": IMAGES["klipper-lb"],
                           "imagePullPolicy": "IfNotPresent", "name": pn,
                           "ports": [{"containerPort": p["port"], "hostPort": p["port"],
                                      "name": pn, "protocol": p["protocol"]}],
                           "securityContext": {"capabilities": {"add": ["NET_ADMIN"]}}})
    lb_labels = {"svccontroller.k3s.cattle.io/svcname": m["name"],
                 "svccontroller.k3s.cattle.io/svcnamespace": m["namespace"]}
    ds = {"apiVersion": "apps/v1", "kind": "DaemonSet",
          "metadata": {"name": name, "namespace": "kube-system",
                       "labels": dict(lb_labels, **{
                           "svccontroller.k3s.cattle.io/nodeselector": "false"})},
          "spec": {"selector": {"matchLabels": {"app": name}},
                   "template": {"metadata": {"labels": dict(lb_labels, app=name)},
                                "spec": {"automountServiceAccountToken": False,
                                         "containers": containers,
                                         "priorityClassName": "system-node-critical",
                                         "securityContext": {"sysctls": [
                                             {"name": "net.ipv4.ip_forward", "value": "1"}]},
                                         "serviceAccountName": "svclb",
                                         "tolerations": copy.deepcopy(CRIT_TOL[1:]) +
                                         [CRIT_TOL[0]]}},
                   "updateStrategy": {"rollingUpdate": {"maxUnavailable": 1},
                                      "type": "RollingUpdate"}}}
    objectset_stamp(ds, "", "/v1, Kind=Service", m["namespace"], m["name"])

    def creators(live):
        return [mf(M_CCM, created, owned_view(live), "apps/v1")]
    # node2 carries heavy=true:NoSchedule, which the svclb Pods do not tolerate
    daemonset(ds, creators, created, ["node1"], started=started)


# ==================================================================================================
# Envoy Gateway: `helm install eg oci://docker.io/envoyproxy/gateway-helm --version v1.2.6
#                 -n envoy-gateway-system --create-namespace -f eg-values.yaml`
# ==================================================================================================
EG_NS = "envoy-gateway-system"
EG_USER_VALUES = {"config": {"envoyGateway": {"logging": {"level": {"default": "debug"}}}},
                  # the owner kept the certgen Job to read its logs (the chart's default TTL of 30s
                  # would have let the TTL controller delete it)
                  "certgen": {"job": {"ttlSecondsAfterFinished": None}}}
EG_CHART_VALUES = {
    "global": {"images": {"envoyGateway": {"image": IMAGES["eg"], "pullPolicy": "IfNotPresent",
                                           "pullSecrets": []},
                          "ratelimit": {"image": IMAGES["ratelimit"], "pullPolicy": "IfNotPresent",
                                        "pullSecrets": []}}},
    "podDisruptionBudget": {"minAvailable": 0},
    "deployment": {"envoyGateway": {"image": {"repository": "", "tag": ""},
                                    "imagePullPolicy": "", "imagePullSecrets": [],
                                    "resources": {"limits": {"memory": "1024Mi"},
                                                  "requests": {"cpu": "100m",
                                                               "memory": "256Mi"}}},
                   "replicas": 1},
    "config": {"envoyGateway": {"gateway": {"controllerName":
                                            "gateway.envoyproxy.io/gatewayclass-controller"},
                                "provider": {"type": "Kubernetes"},
                                "logging": {"level": {"default": "info"}}}},
    "createNamespace": False, "kubernetesClusterDomain": "cluster.local",
    "certgen": {"job": {"annotations": {}, "resources": {}, "ttlSecondsAfterFinished": 30},
                "rbac": {"annotations": {}, "labels": {}}}}
EG_CONFIG = """apiVersion: gateway.envoyproxy.io/v1alpha1
kind: EnvoyGateway
gateway:
  controllerName: gateway.envoyproxy.io/gatewayclass-controller
logging:
  level:
    default: debug
provider:
  kubernetes:
    rateLimitDeployment:
      container:
        image: docker.io/envoyproxy/ratelimit:49af5cca
      patch:
        type: StrategicMerge
        value:
          spec:
            template:
              spec:
                containers:
                - imagePullPolicy: IfNotPresent
                  name: envoy-ratelimit
    shutdownManager:
      image: docker.io/envoyproxy/gateway:v1.2.6
  type: Kubernetes
"""
GW_NS, GW_NAME = "default", "homelab"
PROXY = "envoy-%s-%s-%s" % (GW_NS, GW_NAME, hashlib.sha256(
    ("%s/%s" % (GW_NS, GW_NAME)).encode()).hexdigest()[:8])
PROXY_LABELS = {"app.kubernetes.io/component": "proxy",
                "app.kubernetes.io/managed-by": "envoy-gateway",
                "app.kubernetes.io/name": "envoy",
                "gateway.envoyproxy.io/owning-gateway-name": GW_NAME,
                "gateway.envoyproxy.io/owning-gateway-namespace": GW_NS}


def eg_rules():
    gw = ["gateways", "grpcroutes", "httproutes", "referencegrants", "tcproutes", "tlsroutes",
          "udproutes", "backendtlspolicies"]
    egr = ["envoyproxies", "envoypatchpolicies", "clienttrafficpolicies",
           "backendtrafficpolicies", "securitypolicies", "envoyextensionpolicies", "backends",
           "httproutefilters"]
    return [R([""], ["nodes", "namespaces"], RO),
            R(["gateway.networking.k8s.io"], ["gatewayclasses"], RO + ["patch", "update"]),
            R(["gateway.networking.k8s.io"], ["gatewayclasses/status"], ["update"]),
            R(["multicluster.x-k8s.io"], ["serviceimports"], RO),
            R([""], ["configmaps", "secrets", "services"], RO),
            R(["apps"], ["deployments", "daemonsets"], RO),
            R(["discovery.k8s.io"], ["endpointslices"], RO),
            R(["gateway.envoyproxy.io"], egr, RO),
            R(["gateway.envoyproxy.io"], [r + "/status" for r in egr[1:6]], ["update"]),
            R(["gateway.networking.k8s.io"], gw, RO),
            R(["gateway.networking.k8s.io"], [r + "/status" for r in gw], ["update"])]


def envoy_gateway():
    labels = helm_labels("eg", "gateway-helm", "gateway-helm", EG_VERSION, EG_VERSION)
    sel = {"app.kubernetes.io/instance": "eg", "app.kubernetes.io/name": "gateway-helm"}
    src = "gateway-helm/templates/"
    ns = EG_NS
    docs = [
        (src + "envoy-gateway-serviceaccount.yaml",
         {"apiVersion": "v1", "kind": "ServiceAccount",
          "metadata": {"name": "envoy-gateway", "namespace": ns, "labels": labels}}),
        (src + "envoy-gateway-config.yaml",
         {"apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {"name": "envoy-gateway-config", "namespace": ns, "labels": labels},
          "data": {"envoy-gateway.yaml": EG_CONFIG}}),
        (src + "envoy-gateway-rbac.yaml",
         {"apiVersion": RBAC_API, "kind": "ClusterRole",
          "metadata": {"creationTimestamp": None, "name": "eg-gateway-helm-envoy-gateway-role"},
          "rules": eg_rules()}),
        (src + "envoy-gateway-rbac.yaml",
         {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
          "metadata": {"name": "eg-gateway-helm-envoy-gateway-rolebinding"},
          "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                      "name": "eg-gateway-helm-envoy-gateway-role"},
          "subjects": [{"kind": "ServiceAccount", "name": "envoy-gateway", "namespace": ns}]}),
        (src + "infra-manager-rbac.yaml",
         {"apiVersion": RBAC_API, "kind": "Role",
          "metadata": {"name": "eg-gateway-helm-infra-manager", "namespace": ns,
                       "labels": labels},
          "rules": [R([""], ["serviceaccounts", "services", "configmaps"],
                      ["create", "get", "delete", "deletecollection", "patch"]),
                    R(["apps"], ["deployments", "daemonsets"],
                      ["create", "get", "delete", "deletecollection", "patch"]),
                    R(["autoscaling", "policy"], ["horizontalpodautoscalers",
                                                  "poddisruptionbudgets"],
                      ["create", "get", "delete", "deletecollection", "patch"])]}),
        (src + "leader-election-rbac.yaml",
         {"apiVersion": RBAC_API, "kind": "Role",
          "metadata": {"name": "eg-gateway-helm-leader-election-role", "namespace": ns,
                       "labels": labels},
          "rules": [R([""], ["configmaps"], RO + ["create", "update", "patch", "delete"]),
                    R(["coordination.k8s.io"], ["leases"], RO + ["create", "update", "patch",
                                                                 "delete"]),
                    R([""], ["events"], ["create", "patch"])]}),
        (src + "infra-manager-rbac.yaml",
         {"apiVersion": RBAC_API, "kind": "RoleBinding",
          "metadata": {"name": "eg-gateway-helm-infra-manager", "namespace": ns,
                       "labels": labels},
          "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                      "name": "eg-gateway-helm-infra-manager"},
          "subjects": [{"kind": "ServiceAccount", "name": "envoy-gateway", "namespace": ns}]}),
        (src + "leader-election-rbac.yaml",
         {"apiVersion": RBAC_API, "kind": "RoleBinding",
          "metadata": {"name": "eg-gateway-helm-leader-election-rolebinding", "namespace": ns,
                       "labels": labels},
          "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                      "name": "eg-gateway-helm-leader-election-role"},
          "subjects": [{"kind": "ServiceAccount", "name": "envoy-gateway", "namespace": ns}]}),
        (src + "envoy-gateway-service.yaml",
         {"apiVersion": "v1", "kind": "Service",
          "metadata": {"name": "envoy-gateway", "namespace": ns,
                       "labels": dict({"control-plane": "envoy-gateway"}, **labels)},
          "spec": {"selector": dict({"control-plane": "envoy-gateway"}, **sel),
                   "ports": [{"name": n, "port": p, "targetPort": p} for n, p in (
                       ("grpc", 18000), ("ratelimit", 18001), ("wasm", 18002),
                       ("metrics", 19001))]}}),
        (src + "envoy-gateway-deployment.yaml",
         {"apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": {"name": "envoy-gateway", "namespace": ns,
                       "labels": dict({"control-plane": "envoy-gateway"}, **labels)},
          "spec": {"replicas": 1,
                   "selector": {"matchLabels": dict({"control-plane": "envoy-gateway"}, **sel)},
                   "template": {
                       "metadata": {"annotations": {"prometheus.io/port": "19001",
                                                    "prometheus.io/scrape": "true"},
                                    "labels": dict({"control-plane": "envoy-gateway"}, **sel)},
                       "spec": {
                           "containers": [{
                               "args": ["server", "--config-path=/config/envoy-gateway.yaml"],
                               "env": [{"name": "ENVOY_GATEWAY_NAMESPACE", "valueFrom": {
                                   "fieldRef": {"apiVersion": "v1",
                                                "fieldPath": "metadata.namespace"}}},
                                       {"name": "KUBERNETES_CLUSTER_DOMAIN",
                                        "value": "cluster.local"}],
                               "image": IMAGES["eg"], "imagePullPolicy": "IfNotPresent",
                               "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8081},
                                                 "initialDelaySeconds": 15, "periodSeconds": 20},
                               "name": "envoy-gateway",
                               "ports": [{"containerPort": p, "name": n} for n, p in (
                                   ("grpc", 18000), ("ratelimit", 18001), ("wasm", 18002),
                                   ("metrics", 19001))],
                               "readinessProbe": {"httpGet": {"path": "/readyz", "port": 8081},
                                                  "initialDelaySeconds": 5, "periodSeconds": 10},
                               "resources": {"limits": {"memory": "1024Mi"},
                                             "requests": {"cpu": "100m", "memory": "256Mi"}},
                               "securityContext": {"allowPrivilegeEscalation": False,
                                                   "capabilities": {"drop": ["ALL"]},
                                                   "privileged": False, "runAsGroup": 65532,
                                                   "runAsNonRoot": True, "runAsUser": 65532,
                                                   "seccompProfile": {"type": "RuntimeDefault"}},
                               "volumeMounts": [{"mountPath": "/config",
                                                 "name": "envoy-gateway-config",
                                                 "readOnly": True},
                                                {"mountPath": "/certs", "name": "certs",
                                                 "readOnly": True}]}],
                           "imagePullSecrets": [],
                           "serviceAccountName": "envoy-gateway",
                           "terminationGracePeriodSeconds": 10,
                           "volumes": [{"configMap": {"defaultMode": 420,
                                                      "name": "envoy-gateway-config"},
                                        "name": "envoy-gateway-config"},
                                       {"name": "certs",
                                        "secret": {"secretName": "envoy-gateway"}}]}}}}),
    ]
    # certgen: Helm hooks (kept in the release's hooks, not its manifest; no ownership annotations)
    hook_labels = dict(labels)
    hooks_docs = [
        (src + "certgen-rbac.yaml", {
            "apiVersion": "v1", "kind": "ServiceAccount",
            "metadata": {"name": "eg-gateway-helm-certgen", "namespace": ns,
                         "labels": hook_labels, "annotations": {"helm.sh/hook": "pre-install"}}}),
        (src + "certgen-rbac.yaml", {
            "apiVersion": RBAC_API, "kind": "Role",
            "metadata": {"name": "eg-gateway-helm-certgen", "namespace": ns,
                         "labels": hook_labels, "annotations": {"helm.sh/hook": "pre-install"}},
            "rules": [R([""], ["secrets"], ["get", "create", "update"])]}),
        (src + "certgen-rbac.yaml", {
            "apiVersion": RBAC_API, "kind": "RoleBinding",
            "metadata": {"name": "eg-gateway-helm-certgen", "namespace": ns,
                         "labels": hook_labels, "annotations": {"helm.sh/hook": "pre-install"}},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                        "name": "eg-gateway-helm-certgen"},
            "subjects": [{"kind": "ServiceAccount", "name": "eg-gateway-helm-certgen",
                          "namespace": ns}]}),
        (src + "certgen.yaml", {
            "apiVersion": "batch/v1", "kind": "Job",
            "metadata": {"name": "eg-gateway-helm-certgen", "namespace": ns,
                         "labels": hook_labels,
                         "annotations": {"helm.sh/hook": "pre-install, pre-upgrade"}},
            "spec": {"backoffLimit": 1, "completions": 1, "parallelism": 1, "template": {
                "metadata": {"labels": {"app": "certgen"}},
                "spec": {"containers": [{
                    "command": ["envoy-gateway", "certgen"],
                    "env": [{"name": "ENVOY_GATEWAY_NAMESPACE", "valueFrom": {"fieldRef": {
                        "apiVersion": "v1", "fieldPath": "metadata.namespace"}}},
                            {"name": "KUBERNETES_CLUSTER_DOMAIN", "value": "cluster.local"}],
                    "image": IMAGES["eg"], "imagePullPolicy": "IfNotPresent",
                    "name": "envoy-gateway-certgen",
                    "securityContext": {"allowPrivilegeEscalation": False,
                                        "capabilities": {"drop": ["ALL"]}, "privileged": False,
                                        "readOnlyRootFilesystem": True, "runAsGroup": 65534,
                                        "runAsNonRoot": True, "runAsUser": 65534,
                                        "seccompProfile": {"type": "RuntimeDefault"}}}],
                    "imagePullSecrets": [], "restartPolicy": "Never",
                    "serviceAccountName": "eg-gateway-helm-certgen"}}}}),
    ]
    t_hook = "2025-02-08T10:42:19Z"
    t_done = "2025-02-08T10:42:31Z"
    t_main = "2025-02-08T10:42:32Z"
    hooks = []
    for i, (path, d) in enumerate(hooks_docs):
        is_job = d["kind"] == "Job"
        hooks.append({"name": d["metadata"]["name"], "kind": d["kind"], "path": path,
                      "manifest": "# Source: %s\n%s" % (path, yaml.dump(
                          d, Dumper=ManifestDumper, sort_keys=False, width=4096)),
                      "events": ["pre-install", "pre-upgrade"] if is_job else ["pre-install"],
                      "last_run": {"started_at": go_time(t_hook, 101 + i),
                                   "completed_at": go_time(t_done if is_job else t_hook, 202 + i),
                                   "phase": "Succeeded"},
                      "weight": 0})
        if not is_job:
            simple(d, t_hook, "helm")
    # the Job: created by Helm, run by the job controller, kept (no TTL, no delete policy)
    jd = clean(copy.deepcopy(hooks_docs[3][1]))
    live = default_workload(jd)
    m = live["metadata"]
    juid = uid("Job", ns, m["name"])
    m.update({"creationTimestamp": t_hook, "uid": juid, "generation": 1})
    view = owned_view(live)
    live["spec"]["selector"] = {"matchLabels": {"batch.kubernetes.io/controller-uid": juid}}
    live["spec"]["template"]["metadata"]["labels"].update({
        "batch.kubernetes.io/controller-uid": juid, "batch.kubernetes.io/job-name": m["name"],
        "controller-uid": juid, "job-name": m["name"]})
    live["status"] = {"completionTime": t_done, "conditions": [
        {"lastProbeTime": t_done, "lastTransitionTime": t_done,
         "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached",
         "status": "True", "type": t} for t in ("SuccessCriteriaMet", "Complete")],
        "ready": 0, "startTime": t_hook, "succeeded": 1, "terminating": 0,
        "uncountedTerminatedPods": {}}
    add(live, [mf("helm", t_hook, view, "batch/v1"),
               mf(M_KCM, t_done, pick(live, *[("status", k) for k in live["status"]]),
                  "batch/v1", sub="status")])
    make_pod("%s-%s" % (m["name"], rand("certgen-pod", 5)), ns, live["spec"]["template"],
             oref("batch/v1", "Job", m["name"], ns), "node1", t_hook,
             "2025-02-08T10:42:27Z", completed="2025-02-08T10:42:29Z",
             generate_name=m["name"] + "-")
    # what certgen wrote: controller-runtime client, user agent "envoy-gateway/..."
    for name, typ, keys in (("envoy-gateway", "kubernetes.io/tls", ("ca.crt", "tls.crt",
                                                                     "tls.key")),
                            ("envoy", "kubernetes.io/tls", ("ca.crt", "tls.crt", "tls.key")),
                            ("envoy-rate-limit", "kubernetes.io/tls",
                             ("ca.crt", "tls.crt", "tls.key")),
                            ("envoy-oidc-hmac", "Opaque", ("hmac-secret",))):
        data = {}
        for k in keys:
            if k == "hmac-secret":
                data[k] = b64(hashlib.sha256(b"hmac").digest())
            elif k == "tls.key":
                data[k] = b64(fake_pem("RSA PRIVATE KEY", "eg-key-" + name, 8))
            else:
                data[k] = b64(fake_pem("CERTIFICATE", "eg-%s-%s" % (k, name)))
        sec = {"apiVersion": "v1", "kind": "Secret",
               "metadata": {"name": name, "namespace": ns,
                            "labels": {"control-plane": "envoy-gateway"}},
               "type": typ, "data": data}
        simple(sec, "2025-02-08T10:42:28Z", "envoy-gateway")
    # the release's templates, created by `helm install`
    rendered = [(p, clean(helm_stamp(copy.deepcopy(d), "eg", ns))) for p, d in docs]
    for p, d in rendered:
        if d["kind"] in ("Service", "Deployment"):
            continue
        simple(d, t_main, "helm")
    svc_live, svc_d = service(dict(rendered)[src + "envoy-gateway-service.yaml"], t_main)
    svc_live["metadata"].update({"creationTimestamp": t_main,
                                 "uid": uid("Service", ns, "envoy-gateway")})
    add(svc_live, [mf("helm", t_main, owned_view(svc_d), "v1")])

    def creators(live):
        return [mf("helm", t_main, owned_view(live, drop=[
            ("metadata", "annotations", "deployment.kubernetes.io/revision")]), "apps/v1")]
    _, pods = deployment(dict(rendered)[src + "envoy-gateway-deployment.yaml"], creators, t_main,
                         ["node1"], started="2025-02-08T10:42:49Z")
    endpoints(svc_live, pods, t_main, time="2025-02-08T10:42:49Z")
    helm_record("eg", ns, {"name": "gateway-helm", "version": EG_VERSION,
                           "appVersion": EG_VERSION,
                           "description": "The Helm chart for Envoy Gateway",
                           "home": "https://gateway.envoyproxy.io/",
                           "keywords": ["gateway-api", "envoyproxy", "envoy-gateway", "eg"]},
                1, "deployed", T_EG, t_main, EG_USER_VALUES, EG_CHART_VALUES, docs,
                "Install complete", hooks=hooks,
                notes="**************************************************************************\n"
                      "*** PLEASE BE PATIENT: Envoy Gateway may take a few minutes to install ***\n"
                      "**************************************************************************"
                      "\n\nEnvoy Gateway is an open source project for managing Envoy Proxy as a "
                      "standalone or Kubernetes-based application gateway.\n")
    lease = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
             "metadata": {"name": "5b9825d2.gateway.envoyproxy.io", "namespace": ns},
             "spec": {"acquireTime": "2025-04-06T08:31:20.000000Z",
                      "holderIdentity": "%s_%s" % (pods[0][0], uuid.uuid5(NS_UID, "eg-le")),
                      "leaseDurationSeconds": 15, "leaseTransitions": 1,
                      "renewTime": "2025-06-20T08:14:57.602114Z"}}
    simple(lease, "2025-02-08T10:42:51Z", "envoy-gateway", "2025-06-20T08:14:57Z")


def eg_crds():
    """crds/ of gateway-helm: created by Helm as they are in the files (no release labels or
    annotations) and never upgraded by it. Helm skips a CRD that already exists, so with K3s's
    traefik-crd in place only the experimental-channel kinds come from here."""
    out = []
    for kind, plural in (("Backend", "backends"),
                         ("BackendTrafficPolicy", "backendtrafficpolicies"),
                         ("ClientTrafficPolicy", "clienttrafficpolicies"),
                         ("EnvoyExtensionPolicy", "envoyextensionpolicies"),
                         ("EnvoyPatchPolicy", "envoypatchpolicies"),
                         ("EnvoyProxy", "envoyproxies"),
                         ("HTTPRouteFilter", "httproutefilters"),
                         ("SecurityPolicy", "securitypolicies")):
        out.append(crd("gateway.envoyproxy.io", kind, plural,
                       versions=(("v1alpha1", True, True),), categories=["envoy-gateway"],
                       annotations={"controller-gen.kubebuilder.io/version": "v0.16.1"}))
    std = {c["metadata"]["name"] for c in gateway_api_crds("standard")}
    for c in gateway_api_crds("experimental"):
        if TRAEFIK[0] and c["metadata"]["name"] in std:
            continue
        out.append(c)
    for c in out:
        crd_live(c, T_EG, "helm")
        CRD_VERSIONS.extend((c["spec"]["group"], v["name"], T_EG) for v in c["spec"]["versions"])


def eg_proxy(gw_live):
    """What Envoy Gateway generates for the owner's Gateway: server-side applied with field
    manager envoy-gateway, labelled with the owning Gateway, no ownerReferences."""
    ns, t = EG_NS, "2025-02-09T17:40:04Z"
    applied_sa = {"apiVersion": "v1", "kind": "ServiceAccount",
                  "metadata": {"labels": dict(PROXY_LABELS), "name": PROXY, "namespace": ns}}
    simple(applied_sa, t, "envoy-gateway", op="Apply")
    cm = {"apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {"labels": dict(PROXY_LABELS), "name": PROXY, "namespace": ns},
          "data": {"xds-certificate.json": '{"resources":[{"@type":"type.googleapis.com/envoy.'
                                           'extensions.transport_sockets.tls.v3.Secret","name":'
                                           '"xds_certificate","tls_certificate":{"certificate_'
                                           'chain":{"filename":"/certs/tls.crt"},"private_key":'
                                           '{"filename":"/certs/tls.key"}}}]}',
                   "xds-trusted-ca.json": '{"resources":[{"@type":"type.googleapis.com/envoy.'
                                          'extensions.transport_sockets.tls.v3.Secret","name":'
                                          '"xds_trusted_ca","validation_context":{"trusted_ca":'
                                          '{"filename":"/certs/ca.crt"},"match_typed_subject_alt'
                                          '_names":[{"san_type":"DNS","matcher":{"exact":"envoy-'
                                          'gateway"}}]}}]}'}}
    simple(cm, t, "envoy-gateway", op="Apply")
    svc = {"apiVersion": "v1", "kind": "Service",
           "metadata": {"labels": dict(PROXY_LABELS), "name": PROXY, "namespace": ns},
           "spec": {"externalTrafficPolicy": "Local",
                    "ports": [{"name": "http-8080", "port": 8080, "protocol": "TCP",
                               "targetPort": 8080}],
                    "selector": dict(PROXY_LABELS), "sessionAffinity": "None",
                    "type": "LoadBalancer"}}
    svc_live, _ = service(svc, t, lb_ingress=["192.168.1.10"])
    svc_live["spec"]["healthCheckNodePort"] = node_port(ns, PROXY, 1)
    svc_live["metadata"].update({"creationTimestamp": t, "uid": uid("Service", ns, PROXY)})
    add(svc_live, [mf("envoy-gateway", t, owned_view(svc), "v1", op="Apply"),
                   mf(M_CCM, "2025-02-09T17:40:21Z", pick(svc_live, ("status", "loadBalancer")),
                      "v1", sub="status")])
    envs = [{"name": "ENVOY_GATEWAY_NAMESPACE", "valueFrom": {"fieldRef": {
        "apiVersion": "v1", "fieldPath": "metadata.namespace"}}},
            {"name": "ENVOY_POD_NAME", "valueFrom": {"fieldRef": {
                "apiVersion": "v1", "fieldPath": "metadata.name"}}}]
    http = lambda path, port: {"path": path, "port": port, "scheme": "HTTP"}
    bootstrap = ("admin:\n  access_log:\n  - name: envoy.access_loggers.file\n    typed_config:\n"
                 "      \"@type\": type.googleapis.com/envoy.extensions.access_loggers.file.v3."
                 "FileAccessLog\n      path: /dev/null\n  address:\n    socket_address:\n"
                 "      address: 127.0.0.1\n      port_value: 19000\n"
                 "layered_runtime:\n  layers:\n  - name: global_config\n    static_layer:\n"
                 "      envoy.restart_features.use_eds_cache_for_ads: true\n"
                 "dynamic_resources:\n  ads_config:\n    api_type: DELTA_GRPC\n"
                 "    transport_api_version: V3\n    grpc_services:\n    - envoy_grpc:\n"
                 "        cluster_name: xds_cluster\n  cds_config:\n    ads: {}\n"
                 "    resource_api_version: V3\n  lds_config:\n    ads: {}\n"
                 "    resource_api_version: V3\nstatic_resources:\n  clusters:\n"
                 "  - name: xds_cluster\n    type: STRICT_DNS\n    load_assignment:\n"
                 "      cluster_name: xds_cluster\n      endpoints:\n      - lb_endpoints:\n"
                 "        - endpoint:\n            address:\n              socket_address:\n"
                 "                address: envoy-gateway\n                port_value: 18000\n")
    dep = {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"labels": dict(PROXY_LABELS), "name": PROXY, "namespace": ns},
           "spec": {"progressDeadlineSeconds": 600, "replicas": 1, "revisionHistoryLimit": 10,
                    "selector": {"matchLabels": dict(PROXY_LABELS)},
                    "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"},
                                 "type": "RollingUpdate"},
                    "template": {
                        "metadata": {"annotations": {"prometheus.io/path": "/stats/prometheus",
                                                     "prometheus.io/port": "19001",
                                                     "prometheus.io/scrape": "true"},
                                     "labels": dict(PROXY_LABELS)},
                        "spec": {
                            "automountServiceAccountToken": False,
                            "containers": [
                                {"args": ["--service-cluster %s" % PROXY,
                                          "--service-node $(ENVOY_POD_NAME)",
                                          "--config-yaml " + bootstrap, "--log-level warn",
                                          "--cpuset-threads", "--drain-strategy immediate",
                                          "--drain-time-s 60"],
                                 "command": ["envoy"], "env": envs, "image": IMAGES["envoy"],
                                 "imagePullPolicy": "IfNotPresent",
                                 "lifecycle": {"preStop": {"httpGet": http(
                                     "/shutdown/ready", 19002)}},
                                 "name": "envoy",
                                 "ports": [{"containerPort": 8080, "name": "http-8080",
                                            "protocol": "TCP"},
                                           {"containerPort": 19001, "name": "metrics",
                                            "protocol": "TCP"}],
                                 "readinessProbe": {"failureThreshold": 1,
                                                    "httpGet": http("/ready", 19003),
                                                    "periodSeconds": 5, "successThreshold": 1,
                                                    "timeoutSeconds": 1},
                                 "resources": {"requests": {"cpu": "100m", "memory": "512Mi"}},
                                 "startupProbe": {"failureThreshold": 30,
                                                  "httpGet": http("/ready", 19003),
                                                  "periodSeconds": 10, "successThreshold": 1,
                                                  "timeoutSeconds": 1},
                                 "terminationMessagePath": "/dev/termination-log",
                                 "terminationMessagePolicy": "File",
                                 "volumeMounts": [{"mountPath": "/certs", "name": "certs",
                                                   "readOnly": True},
                                                  {"mountPath": "/sds", "name": "sds"}]},
                                {"args": ["envoy", "shutdown-manager"],
                                 "command": ["envoy-gateway"], "env": envs, "image": IMAGES["eg"],
                                 "imagePullPolicy": "IfNotPresent",
                                 "lifecycle": {"preStop": {"exec": {"command": [
                                     "envoy-gateway", "envoy", "shutdown", "--drain-timeout",
                                     "60s", "--min-drain-duration", "10s"]}}},
                                 "livenessProbe": {"failureThreshold": 3,
                                                   "httpGet": http("/healthz", 19002),
                                                   "periodSeconds": 10, "successThreshold": 1,
                                                   "timeoutSeconds": 1},
                                 "name": "shutdown-manager",
                                 "readinessProbe": {"failureThreshold": 3,
                                                    "httpGet": http("/healthz", 19002),
                                                    "periodSeconds": 10, "successThreshold": 1,
                                                    "timeoutSeconds": 1},
                                 "resources": {"requests": {"cpu": "10m", "memory": "32Mi"}},
                                 "startupProbe": {"failureThreshold": 30,
                                                  "httpGet": http("/healthz", 19002),
                                                  "periodSeconds": 10, "successThreshold": 1,
                                                  "timeoutSeconds": 1},
                                 "terminationMessagePath": "/dev/termination-log",
                                 "terminationMessagePolicy": "File"}],
                            "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
                            "schedulerName": "default-scheduler", "serviceAccountName": PROXY,
                            "terminationGracePeriodSeconds": 360,
                            "volumes": [{"name": "certs", "secret": {"defaultMode": 420,
                                                                     "secretName": "envoy"}},
                                        {"configMap": {"defaultMode": 420, "items": [
                                            {"key": "xds-trusted-ca.json",
                                             "path": "xds-trusted-ca.json"},
                                            {"key": "xds-certificate.json",
                                             "path": "xds-certificate.json"}],
                                            "name": PROXY, "optional": False}, "name": "sds"}]}}}}

    def creators(live):
        return [mf("envoy-gateway", t, owned_view(dep), "apps/v1", op="Apply")]
    _, pods = deployment(dep, creators, t, ["node1"], started="2025-02-09T17:40:19Z")
    endpoints(svc_live, pods, t, time="2025-02-09T17:40:19Z")
    svclb(svc_live, t, "2025-02-09T17:40:20Z")


# ==================================================================================================
# Volumes: local-path provisioning
# ==================================================================================================
def local_path_pv(pvc, node, bound_at):
    """The PV local-path-provisioner creates for a claim, and the binding annotations."""
    m = pvc["metadata"]
    name = "pvc-" + m["uid"]
    size = pvc["spec"]["resources"]["requests"]["storage"]
    pv = {"apiVersion": "v1", "kind": "PersistentVolume",
          "metadata": {"name": name,
                       "annotations": {"local.path.provisioner/selected-node": node,
                                       "pv.kubernetes.io/provisioned-by": "rancher.io/local-path"},
                       "finalizers": ["kubernetes.io/pv-protection"]},
          "spec": {"accessModes": list(pvc["spec"]["accessModes"]),
                   "capacity": {"storage": size},
                   "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                                "name": m["name"], "namespace": m["namespace"],
                                "resourceVersion": str(2000 + int(hx("crv" + name, 4), 16) % 5000),
                                "uid": m["uid"]},
                   "hostPath": {"path": "/var/lib/rancher/k3s/storage/%s_%s_%s" % (
                       name, m["namespace"], m["name"]), "type": "DirectoryOrCreate"},
                   "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [
                       {"key": "kubernetes.io/hostname", "operator": "In", "values": [node]}]}]}},
                   "persistentVolumeReclaimPolicy": "Delete", "storageClassName": "local-path",
                   "volumeMode": "Filesystem"},
          "status": {"lastPhaseTransitionTime": bound_at, "phase": "Bound"}}
    live = materialize(pv, bound_at)
    add(live, [mf("local-path-provisioner", bound_at, owned_view(live, drop=[
        ("metadata", "finalizers")]), "v1"),
               mf(M_KCM, bound_at, pick(live, ("status", "phase")), "v1", sub="status")])
    return name


def bind_claim(pvc, node, scheduled, bound):
    """Mutates a live PVC the way the scheduler and the PV controller leave it bound."""
    ann = pvc["metadata"].setdefault("annotations", {})
    ann.update({"pv.kubernetes.io/bind-completed": "yes",
                "pv.kubernetes.io/bound-by-controller": "yes",
                "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path",
                "volume.kubernetes.io/selected-node": node,
                "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path"})
    pvc["metadata"]["finalizers"] = ["kubernetes.io/pvc-protection"]
    pvname = local_path_pv(pvc, node, bound)
    pvc["spec"]["volumeName"] = pvname
    size = pvc["spec"]["resources"]["requests"]["storage"]
    pvc["status"] = {"accessModes": list(pvc["spec"]["accessModes"]),
                     "capacity": {"storage": size}, "phase": "Bound"}
    return [mf(M_SCHED, scheduled, pick(pvc, ("metadata", "annotations",
                                              "volume.kubernetes.io/selected-node")), "v1"),
            mf(M_KCM, bound, {"metadata": {"annotations": {
                k: ann[k] for k in ("pv.kubernetes.io/bind-completed",
                                    "pv.kubernetes.io/bound-by-controller",
                                    "volume.beta.kubernetes.io/storage-provisioner",
                                    "volume.kubernetes.io/storage-provisioner")}},
                "spec": {"volumeName": pvname}}, "v1"),
            mf(M_KCM, bound, pick(pvc, ("status", "accessModes"), ("status", "capacity"),
                                  ("status", "phase")), "v1", sub="status")]


# ==================================================================================================
# logging: Grafana and Loki, installed by the owner with helm
# ==================================================================================================
LG = "logging"
GRAFANA_PASSWORD = "Hl-gr4fana-7f3Kq2!"
GRAFANA_VALUES = {"adminUser": "admin", "adminPassword": GRAFANA_PASSWORD,
                  "nodeSelector": {"hardware": "light"}, "persistence": {"enabled": False},
                  "datasources": {"datasources.yaml": {"apiVersion": 1, "datasources": [
                      {"name": "Loki", "type": "loki", "access": "proxy",
                       "url": "http://loki.logging.svc.cluster.local:3100", "isDefault": True}]}}}
GRAFANA_DEFAULTS = {"replicas": 1, "adminUser": "admin", "adminPassword": None,
                    "service": {"enabled": True, "type": "ClusterIP", "port": 80,
                                "targetPort": 3000},
                    "persistence": {"enabled": False, "size": "10Gi"},
                    "rbac": {"create": True, "namespaced": False},
                    "serviceAccount": {"create": True, "automountServiceAccountToken": False},
                    "image": {"registry": "docker.io", "repository": "grafana/grafana", "tag": ""}}
LOKI_V1 = {"deploymentMode": "SingleBinary",
           "loki": {"auth_enabled": False, "commonConfig": {"replication_factor": 1},
                    "storage": {"type": "filesystem"},
                    "schemaConfig": {"configs": [{"from": "2024-04-01", "store": "tsdb",
                                                  "object_store": "filesystem", "schema": "v13",
                                                  "index": {"prefix": "loki_index_",
                                                            "period": "24h"}}]}},
           "singleBinary": {"replicas": 1,
                            "persistence": {"size": "20Gi", "storageClass": "local-path"}},
           "backend": {"replicas": 0}, "read": {"replicas": 0}, "write": {"replicas": 0},
           "gateway": {"enabled": False}, "chunksCache": {"enabled": False},
           "resultsCache": {"enabled": False}, "lokiCanary": {"enabled": False},
           "test": {"enabled": False}}
LOKI_V2 = copy.deepcopy(LOKI_V1)
LOKI_V2["singleBinary"]["nodeSelector"] = {"hardware": "light"}
LOKI_V2["loki"]["limits_config"] = {"retention_period": "744h"}
LOKI_DEFAULTS = {"deploymentMode": "SimpleScalable",
                 "loki": {"auth_enabled": True, "schemaConfig": {}, "storage": {"type": "s3"}},
                 "singleBinary": {"replicas": 0, "persistence": {"size": "10Gi"}},
                 "gateway": {"enabled": True}, "chunksCache": {"enabled": True}}


def grafana():
    labels = helm_labels("grafana", "grafana", "grafana", "8.10.4", "11.5.2")
    sel = {"app.kubernetes.io/instance": "grafana", "app.kubernetes.io/name": "grafana"}
    src = "grafana/templates/"
    ini = ("[analytics]\ncheck_for_updates = true\n[grafana_net]\nurl = https://grafana.net\n"
           "[log]\nmode = console\n[paths]\ndata = /var/lib/grafana/\n"
           "logs = /var/log/grafana\nplugins = /var/lib/grafana/plugins\n"
           "provisioning = /etc/grafana/provisioning\n[server]\ndomain = ''\n")
    ds = ("apiVersion: 1\ndatasources:\n- access: proxy\n  isDefault: true\n  name: Loki\n"
          "  type: loki\n  url: http://loki.logging.svc.cluster.local:3100\n")
    docs = [
        (src + "serviceaccount.yaml", {"apiVersion": "v1", "kind": "ServiceAccount",
                                       "automountServiceAccountToken": False,
                                       "metadata": {"labels": labels, "name": "grafana",
                                                    "namespace": LG}}),
        (src + "secret.yaml", {"apiVersion": "v1", "kind": "Secret",
                               "metadata": {"name": "grafana", "namespace": LG, "labels": labels},
                               "type": "Opaque",
                               "data": {"admin-user": b64("admin"),
                                        "admin-password": b64(GRAFANA_PASSWORD),
                                        "ldap-toml": ""}}),
        (src + "configmap.yaml", {"apiVersion": "v1", "kind": "ConfigMap",
                                  "metadata": {"name": "grafana", "namespace": LG,
                                               "labels": labels},
                                  "data": {"grafana.ini": ini, "datasources.yaml": ds}}),
        (src + "clusterrole.yaml", {"kind": "ClusterRole", "apiVersion": RBAC_API,
                                    "metadata": {"labels": labels,
                                                 "name": "grafana-clusterrole"},
                                    "rules": []}),
        (src + "clusterrolebinding.yaml", {
            "kind": "ClusterRoleBinding", "apiVersion": RBAC_API,
            "metadata": {"name": "grafana-clusterrolebinding", "labels": labels},
            "subjects": [{"kind": "ServiceAccount", "name": "grafana", "namespace": LG}],
            "roleRef": {"kind": "ClusterRole", "name": "grafana-clusterrole",
                        "apiGroup": "rbac.authorization.k8s.io"}}),
        (src + "role.yaml", {"apiVersion": RBAC_API, "kind": "Role",
                             "metadata": {"name": "grafana", "namespace": LG, "labels": labels},
                             "rules": []}),
        (src + "rolebinding.yaml", {
            "apiVersion": RBAC_API, "kind": "RoleBinding",
            "metadata": {"name": "grafana", "namespace": LG, "labels": labels},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                        "name": "grafana"},
            "subjects": [{"kind": "ServiceAccount", "name": "grafana", "namespace": LG}]}),
        (src + "service.yaml", {"apiVersion": "v1", "kind": "Service",
                                "metadata": {"name": "grafana", "namespace": LG,
                                             "labels": labels},
                                "spec": {"type": "ClusterIP",
                                         "ports": [{"name": "service", "port": 80,
                                                    "protocol": "TCP",
                                                    "targetPort": "grafana"}],
                                         "selector": sel}}),
        (src + "deployment.yaml", {
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "grafana", "namespace": LG, "labels": labels},
            "spec": {"replicas": 1, "revisionHistoryLimit": 10,
                     "selector": {"matchLabels": sel},
                     "strategy": {"type": "RollingUpdate"},
                     "template": {
                         "metadata": {"labels": sel, "annotations": {
                             "checksum/config": hx("grafana-config", 64),
                             "checksum/sc-dashboard-provider-config": hx("grafana-dash", 64),
                             "checksum/secret": hx("grafana-secret", 64),
                             "kubectl.kubernetes.io/default-container": "grafana"}},
                         "spec": {
                             "serviceAccountName": "grafana",
                             "automountServiceAccountToken": True,
                             "securityContext": {"fsGroup": 472, "runAsGroup": 472,
                                                 "runAsNonRoot": True, "runAsUser": 472},
                             "nodeSelector": {"hardware": "light"},
                             "enableServiceLinks": True,
                             "containers": [{
                                 "name": "grafana", "image": IMAGES["grafana"],
                                 "imagePullPolicy": "IfNotPresent",
                                 "securityContext": {"allowPrivilegeEscalation": False,
                                                     "capabilities": {"drop": ["ALL"]},
                                                     "seccompProfile": {"type": "RuntimeDefault"}},
                                 "volumeMounts": [
                                     {"name": "config", "mountPath": "/etc/grafana/grafana.ini",
                                      "subPath": "grafana.ini"},
                                     {"name": "storage", "mountPath": "/var/lib/grafana"},
                                     {"name": "config", "mountPath":
                                      "/etc/grafana/provisioning/datasources/datasources.yaml",
                                      "subPath": "datasources.yaml"}],
                                 "ports": [{"name": "grafana", "containerPort": 3000,
                                            "protocol": "TCP"},
                                           {"name": "gossip-tcp", "containerPort": 9094,
                                            "protocol": "TCP"},
                                           {"name": "gossip-udp", "containerPort": 9094,
                                            "protocol": "UDP"},
                                           {"name": "profiling", "containerPort": 6060,
                                            "protocol": "TCP"}],
                                 "env": [{"name": "POD_IP", "valueFrom": {"fieldRef": {
                                     "fieldPath": "status.podIP"}}},
                                         {"name": "GF_SECURITY_ADMIN_USER", "valueFrom": {
                                             "secretKeyRef": {"name": "grafana",
                                                              "key": "admin-user"}}},
                                         {"name": "GF_SECURITY_ADMIN_PASSWORD", "valueFrom": {
                                             "secretKeyRef": {"name": "grafana",
                                                              "key": "admin-password"}}},
                                         {"name": "GF_PATHS_DATA", "value": "/var/lib/grafana/"},
                                         {"name": "GF_PATHS_LOGS", "value": "/var/log/grafana"},
                                         {"name": "GF_PATHS_PLUGINS",
                                          "value": "/var/lib/grafana/plugins"},
                                         {"name": "GF_PATHS_PROVISIONING",
                                          "value": "/etc/grafana/provisioning"}],
                                 "livenessProbe": {"failureThreshold": 10, "httpGet": {
                                     "path": "/api/health", "port": 3000},
                                     "initialDelaySeconds": 60, "timeoutSeconds": 30},
                                 "readinessProbe": {"httpGet": {"path": "/api/health",
                                                                "port": 3000}}}],
                             "volumes": [{"name": "config", "configMap": {"name": "grafana"}},
                                         {"name": "storage", "emptyDir": {}}]}}}}),
    ]
    t = "2025-02-08T11:05:41Z"
    rendered = [(p, clean(helm_stamp(copy.deepcopy(d), "grafana", LG))) for p, d in docs]
    for p, d in rendered:
        if d["kind"] in ("Service", "Deployment"):
            continue
        simple(d, t, "helm")
    svc_live, svc_d = service(dict(rendered)[src + "service.yaml"], t)
    svc_live["metadata"].update({"creationTimestamp": t, "uid": uid("Service", LG, "grafana")})
    add(svc_live, [mf("helm", t, owned_view(svc_d), "v1")])

    def creators(live):
        return [mf("helm", t, owned_view(live, drop=[
            ("metadata", "annotations", "deployment.kubernetes.io/revision")]), "apps/v1")]
    _, pods = deployment(dict(rendered)[src + "deployment.yaml"], creators, t, ["node1"],
                         started="2025-02-08T11:06:19Z")
    endpoints(svc_live, pods, t, time="2025-02-08T11:06:19Z", named={"grafana": 3000})
    helm_record("grafana", LG, {"name": "grafana", "version": "8.10.4", "appVersion": "11.5.2",
                                "description": "The leading tool for querying and visualizing "
                                               "time series and metrics.",
                                "home": "https://grafana.com", "kubeVersion": "^1.8.0-0"},
                1, "deployed", T_GRAFANA, t, GRAFANA_VALUES, GRAFANA_DEFAULTS, docs,
                "Install complete",
                notes="1. Get your 'admin' user password by running:\n\n   kubectl get secret "
                      "--namespace logging grafana -o jsonpath=\"{.data.admin-password}\" | "
                      "base64 --decode ; echo\n")


def loki():
    labels = helm_labels("loki", "loki", "loki", "6.27.0", "3.4.2")
    sel = {"app.kubernetes.io/component": "single-binary", "app.kubernetes.io/instance": "loki",
           "app.kubernetes.io/name": "loki"}
    src = "loki/templates/"
    cfg = ("auth_enabled: false\ncommon:\n  compactor_address: 'http://loki:3100'\n"
           "  path_prefix: /var/loki\n  replication_factor: 1\n  storage:\n    filesystem:\n"
           "      chunks_directory: /var/loki/chunks\n      rules_directory: /var/loki/rules\n"
           "frontend:\n  scheduler_address: \"\"\nlimits_config:\n%s"
           "  max_cache_freshness_per_query: 10m\n  query_timeout: 300s\n"
           "  reject_old_samples: true\n  reject_old_samples_max_age: 168h\n"
           "  split_queries_by_interval: 15m\n  volume_enabled: true\n"
           "memberlist:\n  join_members:\n  - loki-memberlist\nschema_config:\n  configs:\n"
           "  - from: \"2024-04-01\"\n    index:\n      period: 24h\n      prefix: loki_index_\n"
           "    object_store: filesystem\n    schema: v13\n    store: tsdb\n"
           "server:\n  grpc_listen_port: 9095\n  http_listen_port: 3100\n"
           "  http_server_read_timeout: 600s\n  http_server_write_timeout: 600s\n"
           "storage_config:\n  filesystem:\n    directory: /var/loki/chunks\n")

    def render(rev):
        lim = "  retention_period: 744h\n" if rev == 2 else ""
        spec = {
            "serviceAccountName": "loki", "automountServiceAccountToken": True,
            "enableServiceLinks": True,
            "securityContext": {"fsGroup": 10001, "runAsGroup": 10001, "runAsNonRoot": True,
                                "runAsUser": 10001},
            "terminationGracePeriodSeconds": 30,
            "containers": [{
                "name": "loki", "image": IMAGES["loki"], "imagePullPolicy": "IfNotPresent",
                "args": ["-config.file=/etc/loki/config/config.yaml", "-target=all"],
                "ports": [{"name": "http-metrics", "containerPort": 3100, "protocol": "TCP"},
                          {"name": "grpc", "containerPort": 9095, "protocol": "TCP"},
                          {"name": "http-memberlist", "containerPort": 7946,
                           "protocol": "TCP"}],
                "securityContext": {"allowPrivilegeEscalation": False,
                                    "capabilities": {"drop": ["ALL"]},
                                    "readOnlyRootFilesystem": True},
                "readinessProbe": {"httpGet": {"path": "/ready", "port": "http-metrics"},
                                   "initialDelaySeconds": 30, "timeoutSeconds": 1},
                "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"},
                                 {"name": "config", "mountPath": "/etc/loki/config"},
                                 {"name": "runtime-config",
                                  "mountPath": "/etc/loki/runtime-config"},
                                 {"name": "storage", "mountPath": "/var/loki"}],
                "resources": {}}],
            "affinity": {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
                {"labelSelector": {"matchLabels": sel},
                 "topologyKey": "kubernetes.io/hostname"}]}},
            "volumes": [{"name": "tmp", "emptyDir": {}},
                        {"name": "config", "configMap": {"name": "loki", "items": [
                            {"key": "config.yaml", "path": "config.yaml"}]}},
                        {"name": "runtime-config", "configMap": {"name": "loki-runtime"}}]}
        if rev == 2:
            spec["nodeSelector"] = {"hardware": "light"}
        return [
            (src + "loki/serviceaccount.yaml", {"apiVersion": "v1", "kind": "ServiceAccount",
                                                "metadata": {"name": "loki", "namespace": LG,
                                                             "labels": labels},
                                                "automountServiceAccountToken": True}),
            (src + "config.yaml", {"apiVersion": "v1", "kind": "ConfigMap",
                                   "metadata": {"name": "loki", "namespace": LG,
                                                "labels": labels},
                                   "data": {"config.yaml": cfg % lim}}),
            (src + "runtime-configmap.yaml", {"apiVersion": "v1", "kind": "ConfigMap",
                                              "metadata": {"name": "loki-runtime",
                                                           "namespace": LG, "labels": labels},
                                              "data": {"runtime-config.yaml": "{}\n"}}),
            (src + "single-binary/service-headless.yaml", {
                "apiVersion": "v1", "kind": "Service",
                "metadata": {"name": "loki-headless", "namespace": LG,
                             "labels": dict(labels, **{"variant": "headless",
                                                       "prometheus.io/service-monitor":
                                                           "false"})},
                "spec": {"clusterIP": "None", "ports": [
                    {"name": "http-metrics", "port": 3100, "targetPort": "http-metrics",
                     "protocol": "TCP"}], "selector": {"app.kubernetes.io/name": "loki",
                                                       "app.kubernetes.io/instance": "loki"}}}),
            (src + "single-binary/service.yaml", {
                "apiVersion": "v1", "kind": "Service",
                "metadata": {"name": "loki", "namespace": LG, "labels": labels},
                "spec": {"type": "ClusterIP", "ports": [
                    {"name": "http-metrics", "port": 3100, "targetPort": "http-metrics",
                     "protocol": "TCP"},
                    {"name": "grpc", "port": 9095, "targetPort": "grpc", "protocol": "TCP"}],
                    "selector": sel}}),
            (src + "single-binary/statefulset.yaml", {
                "apiVersion": "apps/v1", "kind": "StatefulSet",
                "metadata": {"name": "loki", "namespace": LG,
                             "labels": dict(labels, **{"app.kubernetes.io/component":
                                                       "single-binary",
                                                       "app.kubernetes.io/part-of": "memberlist"})},
                "spec": {"replicas": 1, "podManagementPolicy": "Parallel",
                         "updateStrategy": {"rollingUpdate": {"partition": 0}},
                         "serviceName": "loki-headless", "revisionHistoryLimit": 10,
                         "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Delete",
                                                                  "whenScaled": "Delete"},
                         "selector": {"matchLabels": sel},
                         "template": {"metadata": {"annotations": {
                             "checksum/config": hx("loki-config-%d" % rev, 64)},
                             "labels": dict(sel, **{"app.kubernetes.io/part-of": "memberlist"})},
                             "spec": spec},
                         "volumeClaimTemplates": [{"apiVersion": "v1",
                                                   "kind": "PersistentVolumeClaim",
                                                   "metadata": {"name": "storage"},
                                                   "spec": {"accessModes": ["ReadWriteOnce"],
                                                            "resources": {"requests": {
                                                                "storage": "20Gi"}},
                                                            "storageClassName": "local-path"}}]}}),
        ]
    chart = {"name": "loki", "version": "6.27.0", "appVersion": "3.4.2",
             "description": "Helm chart for Grafana Loki and Grafana Enterprise Logs supporting "
                            "monolithic, simple scalable, and microservices modes.",
             "home": "https://grafana.github.io/helm-charts", "kubeVersion": "^1.10.0-0"}
    t1, t2 = "2025-02-08T11:12:04Z", "2025-03-01T16:20:56Z"
    helm_record("loki", LG, chart, 1, "superseded", T_LOKI, t1, LOKI_V1, LOKI_DEFAULTS,
                render(1), "Install complete", modified=t2)
    docs = render(2)
    helm_record("loki", LG, chart, 2, "deployed", T_LOKI, t2, LOKI_V2, LOKI_DEFAULTS, docs,
                "Upgrade complete")
    rendered = dict((p, clean(helm_stamp(copy.deepcopy(d), "loki", LG))) for p, d in docs)
    for p, d in rendered.items():
        if d["kind"] in ("Service", "StatefulSet"):
            continue
        simple(d, t1, "helm", t2 if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "loki"
               else t1)
    svcs = {}
    for p in ("single-binary/service-headless.yaml", "single-binary/service.yaml"):
        d = rendered[src + p]
        live, dflt = service(d, t1)
        if d["spec"].get("clusterIP") == "None":
            live["spec"].update({"clusterIP": "None", "clusterIPs": ["None"]})
        live["metadata"].update({"creationTimestamp": t1,
                                 "uid": uid("Service", LG, d["metadata"]["name"])})
        add(live, [mf("helm", t1, owned_view(dflt), "v1")])
        svcs[d["metadata"]["name"]] = live
    # the StatefulSet, its revisions, Pod and claim
    sts = default_workload(copy.deepcopy(rendered[src + "single-binary/statefulset.yaml"]))
    m = sts["metadata"]
    m.update({"creationTimestamp": t1, "uid": uid("StatefulSet", LG, "loki"), "generation": 2})
    h1, h2 = rand("loki-rev1", 10), rand("loki-rev2", 10)
    sts["status"] = {"availableReplicas": 1, "collisionCount": 0, "currentReplicas": 1,
                     "currentRevision": "loki-" + h2, "observedGeneration": 2,
                     "readyReplicas": 1, "replicas": 1, "updateRevision": "loki-" + h2,
                     "updatedReplicas": 1}
    add(sts, [mf("helm", t2, owned_view(sts), "apps/v1"),
              mf(M_KCM, "2025-03-01T16:21:49Z", pick(sts, *[("status", k) for k in
                                                            sts["status"]]), "apps/v1",
                 sub="status")])
    old_t = default_template(copy.deepcopy(clean(dict(render(1))[
        src + "single-binary/statefulset.yaml"])["spec"]["template"]))
    controller_revision("StatefulSet", "loki", LG, h1, old_t, t1, sel, revision=1)
    controller_revision("StatefulSet", "loki", LG, h2, sts["spec"]["template"], t2, sel,
                        revision=2)
    t = copy.deepcopy(sts["spec"]["template"])
    t["metadata"]["labels"].update({"apps.kubernetes.io/pod-index": "0",
                                    "controller-revision-hash": "loki-" + h2,
                                    "statefulset.kubernetes.io/pod-name": "loki-0"})
    t["spec"]["hostname"] = "loki-0"
    t["spec"]["subdomain"] = "loki-headless"
    t["spec"]["volumes"].insert(0, {"name": "storage", "persistentVolumeClaim": {
        "claimName": "storage-loki-0"}})
    pod, ip = make_pod("loki-0", LG, t, oref("apps/v1", "StatefulSet", "loki", LG), "node1",
                       "2025-03-01T16:21:01Z", "2025-03-01T16:21:03Z")
    # the claim from volumeClaimTemplates
    pvc = {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
           "metadata": meta("PersistentVolumeClaim", "storage-loki-0", LG, sel, None, t1,
                            owner=None),
           "spec": {"accessModes": ["ReadWriteOnce"],
                    "resources": {"requests": {"storage": "20Gi"}},
                    "storageClassName": "local-path", "volumeMode": "Filesystem"}}
    creator = mf(M_KCM, t1, owned_view(pvc), "v1")
    managed = [creator] + bind_claim(pvc, "node1", "2025-02-08T11:12:05Z",
                                     "2025-02-08T11:12:09Z")
    add(pvc, managed)
    endpoints(svcs["loki"], [(pod["metadata"]["name"], ip, "node1")], t1,
              time="2025-03-01T16:21:34Z", named={"http-metrics": 3100, "grpc": 9095})
    endpoints(svcs["loki-headless"], [(pod["metadata"]["name"], ip, "node1")], t1,
              time="2025-03-01T16:21:34Z", named={"http-metrics": 3100})
    return pod


# ==================================================================================================
# What the owner applied by hand
# ==================================================================================================
T_POD_REPLACED = "2025-06-20T07:51:03Z"   # the owner deleted a stuck log-analyzer Pod


def gateway_objects():
    gc = {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "GatewayClass",
          "metadata": {"name": "eg"},
          "spec": {"controllerName": "gateway.envoyproxy.io/gatewayclass-controller"}}
    gc_status = {"conditions": [{"lastTransitionTime": "2025-02-09T17:40:03Z",
                                 "message": "Valid GatewayClass", "observedGeneration": 1,
                                 "reason": "Accepted", "status": "True", "type": "Accepted"}]}
    live = kubectl_apply(gc, T_GW, generation=1, cr=True, status=gc_status)
    live["metadata"]["managedFields"] = finalize_managed(live["metadata"]["managedFields"] + [
        mf("envoy-gateway", "2025-02-09T17:40:03Z", pick(live, ("status", "conditions")),
           "gateway.networking.k8s.io/v1", sub="status", cr=True)])
    gw = {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway",
          "metadata": {"name": GW_NAME, "namespace": GW_NS},
          "spec": {"gatewayClassName": "eg",
                   "listeners": [{"allowedRoutes": {"namespaces": {"from": "All"}},
                                  "name": "http", "port": 8080, "protocol": "HTTP"}]}}
    cond = lambda typ, reason, msg, when: {"lastTransitionTime": when, "message": msg,
                                           "observedGeneration": 1, "reason": reason,
                                           "status": "True", "type": typ}
    gw_status = {"addresses": [{"type": "IPAddress", "value": "192.168.1.10"}],
                 "conditions": [cond("Accepted", "Accepted", "The Gateway has been scheduled by "
                                     "Envoy Gateway", "2025-02-09T17:40:04Z"),
                                cond("Programmed", "Programmed", "Address assigned to the "
                                     "Gateway, 1/1 envoy replicas available",
                                     "2025-02-09T17:40:21Z")],
                 "listeners": [{"attachedRoutes": 1, "conditions": [
                     cond("Programmed", "Programmed", "Sending translated listener "
                          "configuration to the data plane", "2025-02-09T17:40:04Z"),
                     cond("Accepted", "Accepted", "Listener has been successfully translated",
                          "2025-02-09T17:40:04Z"),
                     cond("ResolvedRefs", "ResolvedRefs", "Listener has been successfully "
                          "translated", "2025-02-09T17:40:04Z")],
                     "name": "http", "supportedKinds": [
                         {"group": "gateway.networking.k8s.io", "kind": "HTTPRoute"},
                         {"group": "gateway.networking.k8s.io", "kind": "GRPCRoute"}]}]}
    live = kubectl_apply(gw, T_GW, generation=1, cr=True, status=gw_status)
    live["metadata"]["managedFields"] = finalize_managed(live["metadata"]["managedFields"] + [
        mf("envoy-gateway", "2025-02-15T20:33:12Z", pick(live, *[("status", k) for k in
                                                                gw_status]),
           "gateway.networking.k8s.io/v1", sub="status", cr=True)])
    eg_proxy(live)
    route = {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
             "metadata": {"name": "llama-cpp", "namespace": "llm"},
             "spec": {"hostnames": ["llm.homelab.lan"],
                      "parentRefs": [{"name": GW_NAME, "namespace": GW_NS,
                                      "sectionName": "http"}],
                      "rules": [{"backendRefs": [{"name": "llama-cpp", "port": 8080}]}]}}

    def route_defaults(o):
        # the CRD's OpenAPI defaults, applied by the API server on create
        for p in o["spec"]["parentRefs"]:
            p.setdefault("group", "gateway.networking.k8s.io")
            p.setdefault("kind", "Gateway")
        for r in o["spec"]["rules"]:
            r.setdefault("matches", [{"path": {"type": "PathPrefix", "value": "/"}}])
            for b in r["backendRefs"]:
                b.setdefault("group", "")
                b.setdefault("kind", "Service")
                b.setdefault("weight", 1)
    rstatus = {"parents": [{"conditions": [
        cond("Accepted", "Accepted", "Route is accepted", "2025-02-15T20:33:12Z"),
        cond("ResolvedRefs", "ResolvedRefs", "Resolved all the Object references for the Route",
             "2025-02-15T20:33:12Z")],
        "controllerName": "gateway.envoyproxy.io/gatewayclass-controller",
        "parentRef": {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": GW_NAME,
                      "namespace": GW_NS, "sectionName": "http"}}]}
    live = kubectl_apply(route, T_LLM, generation=1, cr=True, status=rstatus,
                         defaults=route_defaults)
    live["metadata"]["managedFields"] = finalize_managed(live["metadata"]["managedFields"] + [
        mf("envoy-gateway", "2025-02-15T20:33:12Z", pick(live, ("status", "parents")),
           "gateway.networking.k8s.io/v1", sub="status", cr=True)])


def owner_ingressroute():
    ir = {"apiVersion": "traefik.io/v1alpha1", "kind": "IngressRoute",
          "metadata": {"name": "grafana", "namespace": LG},
          "spec": {"entryPoints": ["websecure"],
                   "routes": [{"kind": "Rule", "match": "Host(`grafana.homelab.lan`)",
                               "services": [{"name": "grafana", "port": 80}]}],
                   "tls": {}}}
    kubectl_apply(ir, "2025-02-08T11:20:37Z", generation=1, cr="atomic")


def deployment_by_kubectl(rendered, created, pods, scaled=None, started=None):
    """kubectl apply of a Deployment: last-applied, and the applier owns the defaulted fields."""
    dep = copy.deepcopy(rendered)
    dep["metadata"].setdefault("annotations", {})[
        "kubectl.kubernetes.io/last-applied-configuration"] = last_applied(rendered)

    def creators(live):
        view = owned_view(live, drop=[("metadata", "annotations",
                                       "deployment.kubernetes.io/revision")])
        entries = [mf("kubectl-client-side-apply", created, view, "apps/v1")]
        if scaled:
            # an Update takes a field from its previous owner
            entries[0]["fieldsV1"]["f:spec"].pop("f:replicas")
            entries.append(mf("kubectl", scaled[0], {"spec": {"replicas": scaled[1]}},
                              "apps/v1", sub="scale"))
        return entries
    return deployment(dep, creators, created, pods, generation=2 if scaled else 1,
                      scaled=scaled, started=started, owner_made=True)


def llm():
    ns = "llm"
    cm = {"apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {"name": "llama-cpp-config", "namespace": ns,
                       "labels": {"app": "llama-cpp"}},
          "data": {"CTX_SIZE": "8192", "MODEL_FILE": "qwen2.5-7b-instruct-q4_k_m.gguf",
                   "MODEL_RELEASE": "2024-04-01", "N_GPU_LAYERS": "0", "THREADS": "12"}}
    kubectl_apply(cm, T_LLM)
    pvc = {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
           "metadata": {"name": "llama-models", "namespace": ns, "labels": {"app": "llama-cpp"}},
           "spec": {"accessModes": ["ReadWriteOnce"],
                    "resources": {"requests": {"storage": "40Gi"}}}}
    live = copy.deepcopy(pvc)
    live["metadata"]["annotations"] = {
        "kubectl.kubernetes.io/last-applied-configuration": last_applied(pvc)}
    live["spec"]["volumeMode"] = "Filesystem"
    live["metadata"].update({"creationTimestamp": T_LLM,
                             "uid": uid("PersistentVolumeClaim", ns, "llama-models")})
    creator = mf("kubectl-client-side-apply", T_LLM, owned_view(live), "v1")
    # the DefaultStorageClass admission plugin fills in the class: nobody owns it
    live["spec"]["storageClassName"] = "local-path"
    managed = [creator] + bind_claim(live, "node2", "2025-02-15T20:33:09Z",
                                     "2025-02-15T20:33:14Z")
    add(live, managed, owner_made=True)
    dep = {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"name": "llama-cpp", "namespace": ns, "labels": {"app": "llama-cpp"}},
           "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "llama-cpp"}},
                    "strategy": {"type": "Recreate"},
                    "template": {"metadata": {"labels": {"app": "llama-cpp"}}, "spec": {
                        "containers": [{
                            "name": "llama-cpp", "image": IMAGES["llama"],
                            "args": ["-m", "/models/$(MODEL_FILE)", "--host", "0.0.0.0",
                                     "--port", "8080", "-c", "$(CTX_SIZE)", "-t", "$(THREADS)"],
                            "envFrom": [{"configMapRef": {"name": "llama-cpp-config"}}],
                            "ports": [{"containerPort": 8080, "name": "http"}],
                            "readinessProbe": {"httpGet": {"path": "/health", "port": "http"},
                                               "periodSeconds": 15, "timeoutSeconds": 5},
                            "resources": {"limits": {"memory": "24Gi"},
                                          "requests": {"cpu": "8", "memory": "12Gi"}},
                            "volumeMounts": [{"mountPath": "/models", "name": "models"}]}],
                        "nodeSelector": {"hardware": "heavy"},
                        "tolerations": [{"effect": "NoSchedule", "key": "heavy",
                                         "operator": "Equal", "value": "true"}],
                        "volumes": [{"name": "models", "persistentVolumeClaim": {
                            "claimName": "llama-models"}}]}}}}
    _, pods = deployment_by_kubectl(dep, T_LLM, ["node2"], started="2025-02-15T20:36:41Z")
    svc = {"apiVersion": "v1", "kind": "Service",
           "metadata": {"name": "llama-cpp", "namespace": ns, "labels": {"app": "llama-cpp"}},
           "spec": {"ports": [{"name": "http", "port": 8080, "targetPort": "http"}],
                    "selector": {"app": "llama-cpp"}}}
    svc_live = service_by_kubectl(svc, T_LLM)
    endpoints(svc_live, pods, T_LLM, time="2025-02-15T20:36:41Z", named={"http": 8080})
    return pods


def service_by_kubectl(rendered, created):
    obj = copy.deepcopy(rendered)
    obj["metadata"].setdefault("annotations", {})[
        "kubectl.kubernetes.io/last-applied-configuration"] = last_applied(rendered)
    live, d = service(obj, created)
    m = live["metadata"]
    m.update({"creationTimestamp": created, "uid": uid("Service", m["namespace"], m["name"])})
    return add(live, [mf("kubectl-client-side-apply", created, owned_view(d), "v1")],
               owner_made=True)


def log_analyzer():
    ns = "log-analyzer"
    sa_ = {"apiVersion": "v1", "kind": "ServiceAccount",
           "metadata": {"name": "log-analyzer", "namespace": ns}}
    kubectl_apply(sa_, T_LA)
    cm = {"apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {"name": "log-analyzer-config", "namespace": ns,
                       "labels": {"app": "log-analyzer"}},
          "data": {"LLM_URL": "http://llama-cpp.llm.svc.cluster.local:8080",
                   "LOKI_URL": "http://loki.logging.svc.cluster.local:3100",
                   "LOG_LEVEL": "info", "LOOKBACK": "24h", "SCHEMA_SINCE": "2024-04-01"}}
    kubectl_apply(cm, T_LA)
    # kubectl create secret generic log-analyzer-credentials --from-literal=...
    sec = {"apiVersion": "v1", "kind": "Secret",
           "metadata": {"name": "log-analyzer-credentials", "namespace": ns},
           "type": "Opaque",
           "data": {"LLM_API_KEY": b64("sk-homelab-4f9c2a71d8e3"),
                    "LOKI_BASIC_AUTH": b64("analyzer:W7u!pR2zq")}}
    simple(sec, T_LA_SECRET, "kubectl-create", owner_made=True)
    dep = {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"name": "log-analyzer", "namespace": ns,
                        "labels": {"app": "log-analyzer"}},
           "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "log-analyzer"}},
                    "template": {"metadata": {"labels": {"app": "log-analyzer"}}, "spec": {
                        "serviceAccountName": "log-analyzer",
                        "containers": [{
                            "name": "log-analyzer", "image": IMAGES["log-analyzer"],
                            "envFrom": [{"configMapRef": {"name": "log-analyzer-config"}},
                                        {"secretRef": {"name": "log-analyzer-credentials"}}],
                            "ports": [{"containerPort": 8000, "name": "http"}],
                            "resources": {"limits": {"cpu": "500m", "memory": "256Mi"},
                                          "requests": {"cpu": "50m", "memory": "128Mi"}}}],
                        "nodeSelector": {"hardware": "light"}}}}}
    _, pods = deployment_by_kubectl(dep, T_LA, [("node1", T_POD_REPLACED), ("node1", T_SCALE)],
                                    scaled=(T_SCALE, 2), started="2025-02-22T13:47:35Z")
    svc = {"apiVersion": "v1", "kind": "Service",
           "metadata": {"name": "log-analyzer", "namespace": ns,
                        "labels": {"app": "log-analyzer"}},
           "spec": {"ports": [{"name": "http", "port": 80, "targetPort": "http"}],
                    "selector": {"app": "log-analyzer"}}}
    svc_live = service_by_kubectl(svc, T_LA)
    endpoints(svc_live, pods, T_LA, time="2025-06-20T07:51:09Z", named={"http": 8000})
    cr = {"apiVersion": RBAC_API, "kind": "ClusterRole",
          "metadata": {"name": "log-analyzer-reader"},
          "rules": [R([""], ["pods", "pods/log", "events", "namespaces"], RO),
                    R(["apps"], ["deployments", "replicasets", "statefulsets", "daemonsets"],
                      RO)]}
    kubectl_apply(cr, T_LA)
    crb = {"apiVersion": RBAC_API, "kind": "ClusterRoleBinding",
           "metadata": {"name": "log-analyzer-reader"},
           "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                       "name": "log-analyzer-reader"},
           "subjects": [{"kind": "ServiceAccount", "name": "log-analyzer", "namespace": ns}]}
    kubectl_apply(crb, T_LA)
    return pods


FLUX_CRDS = [("source.toolkit.fluxcd.io", "GitRepository", "gitrepositories", "source-controller",
              (("v1", True, True), ("v1beta2", True, False)), ["gitrepo"]),
             ("source.toolkit.fluxcd.io", "HelmChart", "helmcharts", "source-controller",
              (("v1", True, True), ("v1beta2", True, False)), ["hc"]),
             ("source.toolkit.fluxcd.io", "HelmRepository", "helmrepositories",
              "source-controller", (("v1", True, True), ("v1beta2", True, False)), ["helmrepo"]),
             ("source.toolkit.fluxcd.io", "OCIRepository", "ocirepositories", "source-controller",
              (("v1beta2", True, True),), ["ocirepo"]),
             ("kustomize.toolkit.fluxcd.io", "Kustomization", "kustomizations",
              "kustomize-controller", (("v1", True, True),), ["ks"]),
             ("helm.toolkit.fluxcd.io", "HelmRelease", "helmreleases", "helm-controller",
              (("v2", True, True), ("v2beta2", True, False)), ["hr"])]


def flux_crds():
    """Left from a first try: the owner applied Flux's CRDs (from `flux install --export`) with
    kubectl and removed the rest. No Flux controller runs."""
    for group, kind, plural, component, versions, short in FLUX_CRDS:
        c = crd(group, kind, plural, versions=versions, short=short,
                labels={"app.kubernetes.io/component": component,
                        "app.kubernetes.io/instance": "flux-system",
                        "app.kubernetes.io/part-of": "flux",
                        "app.kubernetes.io/version": "v2.5.1"},
                annotations={"controller-gen.kubebuilder.io/version": "v0.16.1"})
        obj = copy.deepcopy(c)
        obj["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"] = \
            last_applied(c)
        crd_live(obj, T_FLUX, "kubectl-client-side-apply")
        CRD_VERSIONS.extend((group, v[0], T_FLUX) for v in versions)


def backup_crd():
    c = crd("homelab.example.com", "Backup", "backups", versions=(("v1alpha1", True, True),),
            short=["bk"])
    obj = copy.deepcopy(c)
    obj["metadata"]["annotations"] = {
        "kubectl.kubernetes.io/last-applied-configuration": last_applied(c)}
    crd_live(obj, T_BACKUP, "kubectl-client-side-apply", owner_made=True)
    CRD_VERSIONS.append(("homelab.example.com", "v1alpha1", T_BACKUP))
    b = {"apiVersion": "homelab.example.com/v1alpha1", "kind": "Backup",
         "metadata": {"name": "llama-models-nightly", "namespace": "llm"},
         "spec": {"retention": {"keepDaily": 7, "keepWeekly": 4}, "schedule": "0 3 * * *",
                  "source": {"persistentVolumeClaim": "llama-models"},
                  "target": "s3://homelab-backups/llm"}}
    kubectl_apply(b, "2025-03-15T21:02:31Z", generation=1, cr="atomic")


# ==================================================================================================
# Events (kept for an hour: only the last hour's are left) and metrics.k8s.io
# ==================================================================================================
def find(kind, ns, name):
    for o in OBJECTS:
        m = o["metadata"]
        if o["kind"] == kind and m.get("namespace") == ns and m["name"] == name:
            return o
    raise KeyError((kind, ns, name))


def ref(obj, field_path=None):
    m = obj["metadata"]
    r = {"apiVersion": obj["apiVersion"], "kind": obj["kind"], "name": m["name"],
         "namespace": m["namespace"], "uid": m["uid"], "resourceVersion": "@"}
    if field_path:
        r["fieldPath"] = field_path
    return r


def core_event(obj, reason, message, when, component, host=None, typ="Normal", count=1,
               first=None, field_path=None):
    m = obj["metadata"]
    name = "%s.%s" % (m["name"], hx("ev/%s/%s/%s" % (m["name"], reason, when), 16))
    ev = {"apiVersion": "v1", "kind": "Event",
          "metadata": {"name": name, "namespace": m["namespace"],
                       "creationTimestamp": first or when,
                       "uid": uid("Event", m["namespace"], name)},
          "count": count, "eventTime": None, "firstTimestamp": first or when,
          "involvedObject": ref(obj, field_path), "lastTimestamp": when, "message": message,
          "reason": reason, "reportingComponent": component,
          "reportingInstance": host or "", "source": {"component": component}, "type": typ}
    if host:
        ev["source"]["host"] = host
    add(ev)
    return ev


def events(la_pods, llm_pods):
    la_pod = find("Pod", "log-analyzer", la_pods[0][0])
    rs_name = la_pod["metadata"]["ownerReferences"][0]["name"]
    rs = find("ReplicaSet", "log-analyzer", rs_name)
    gone = "%s-%s" % (rs_name, rand("gone-pod", 5))
    core_event(rs, "SuccessfulCreate", "Created pod: " + la_pod["metadata"]["name"],
               T_POD_REPLACED, "replicaset-controller")
    # the scheduler records with the events.k8s.io API
    name = "%s.%s" % (la_pod["metadata"]["name"], hx("sched", 16))
    add({"apiVersion": "events.k8s.io/v1", "kind": "Event",
         "metadata": {"name": name, "namespace": "log-analyzer",
                      "creationTimestamp": T_POD_REPLACED,
                      "uid": uid("Event", "log-analyzer", name)},
         "action": "Binding", "eventTime": T_POD_REPLACED[:-1] + ".402117Z",
         "note": "Successfully assigned log-analyzer/%s to node1" % la_pod["metadata"]["name"],
         "reason": "Scheduled", "regarding": ref(la_pod),
         "reportingController": "default-scheduler",
         "reportingInstance": "default-scheduler-node1", "type": "Normal"})
    c = "spec.containers{log-analyzer}"
    core_event(la_pod, "Pulled", 'Container image "%s" already present on machine' %
               IMAGES["log-analyzer"], "2025-06-20T07:51:04Z", "kubelet", "node1", field_path=c)
    core_event(la_pod, "Created", "Created container: log-analyzer", "2025-06-20T07:51:04Z",
               "kubelet", "node1", field_path=c)
    core_event(la_pod, "Started", "Started container log-analyzer", "2025-06-20T07:51:05Z",
               "kubelet", "node1", field_path=c)
    gone_obj = {"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": gone, "namespace": "log-analyzer",
                             "uid": uid("Pod", "log-analyzer", gone)}}
    ev = core_event(gone_obj, "Killing", "Stopping container log-analyzer",
                    "2025-06-20T07:51:02Z", "kubelet", "node1", field_path=c)
    ev["involvedObject"]["resourceVersion"] = "5012"
    llm_pod = find("Pod", "llm", llm_pods[0][0])
    core_event(llm_pod, "Unhealthy",
               'Readiness probe failed: Get "http://%s:8080/health": context deadline exceeded '
               '(Client.Timeout exceeded while awaiting headers)' % llm_pods[0][1],
               "2025-06-20T08:12:44Z", "kubelet", "node2", typ="Warning", count=14,
               first="2025-06-20T07:24:59Z", field_path="spec.containers{llama-cpp}")
    name = "traefik.%s" % hx("lb-update", 16)
    if TRAEFIK[0]:
        svc = find("Service", "kube-system", "traefik")
        add({"apiVersion": "events.k8s.io/v1", "kind": "Event",
             "metadata": {"name": name, "namespace": "kube-system",
                          "creationTimestamp": "2025-06-20T07:38:20Z",
                          "uid": uid("Event", "kube-system", name)},
             "action": "UpdatedLoadBalancer", "eventTime": None,
             "deprecatedCount": 1, "deprecatedFirstTimestamp": "2025-06-20T07:38:20Z",
             "deprecatedLastTimestamp": "2025-06-20T07:38:20Z",
             "deprecatedSource": {"component": "service-lb-controller"},
             "note": "Updated LoadBalancer with new IPs: [] -> [192.168.1.10]",
             "reason": "UpdatedLoadBalancer", "regarding": ref(svc),
             "reportingController": "service-lb-controller",
             "reportingInstance": "", "type": "Normal"})


def metrics():
    """metrics.k8s.io objects as `kubectl get podmetrics,nodemetrics -A -o yaml` prints them."""
    ts = "2025-06-20T08:14:46Z"
    for o in list(OBJECTS):
        if o["kind"] != "Pod" or o["status"]["phase"] != "Running":
            continue
        m = o["metadata"]
        containers = []
        for c in o["spec"]["containers"]:
            h = int(hx("usage/%s/%s/%s" % (m["namespace"], m["name"], c["name"]), 8), 16)
            big = c["name"] in ("llama-cpp", "loki", "grafana", "traefik", "envoy")
            cpu = (h % 9000000 + 200000) * (40 if big else 1)
            mem = (h % 60000 + 9000) * (60 if c["name"] == "llama-cpp" else 3 if big else 1)
            containers.append({"name": c["name"], "usage": {"cpu": "%dn" % cpu,
                                                            "memory": "%dKi" % mem}})
        OBJECTS.append({"apiVersion": "metrics.k8s.io/v1beta1", "kind": "PodMetrics",
                        "metadata": {"creationTimestamp": T_NOW,
                                     "labels": dict(m.get("labels", {})),
                                     "name": m["name"], "namespace": m["namespace"]},
                        "containers": containers, "timestamp": ts, "window": "15.031s"})
    for name in NODES:
        node = find("Node", None, name)
        OBJECTS.append({"apiVersion": "metrics.k8s.io/v1beta1", "kind": "NodeMetrics",
                        "metadata": {"creationTimestamp": T_NOW,
                                     "labels": dict(node["metadata"]["labels"]), "name": name},
                        "timestamp": "2025-06-20T08:14:43Z",
                        "usage": {"cpu": "612813455n" if name == "node1" else "5104377260n",
                                  "memory": "5238812Ki" if name == "node1" else "19893044Ki"},
                        "window": "20.044s"})


def last_write(o):
    m = o["metadata"]
    times = [m.get("creationTimestamp") or ""]
    times += [e["time"] for e in m.get("managedFields", [])]
    for k in ("lastTimestamp", "eventTime", "deprecatedLastTimestamp"):
        if o.get(k):
            times.append(o[k][:19] + "Z")
    return max(times)


def assign_resource_versions():
    stored = [o for o in OBJECTS if "uid" in o["metadata"]]
    order = sorted(range(len(stored)), key=lambda i: (last_write(stored[i]), i))
    rv = 1400
    for i in order:
        rv += 1 + int(hx("rv%d" % i, 2), 16) % 23
        stored[i]["metadata"]["resourceVersion"] = str(rv)
    index = {(o["kind"], o["metadata"].get("namespace"), o["metadata"]["name"]): o
             for o in stored}
    for o in stored:
        for key in ("involvedObject", "regarding"):
            r = o.get(key)
            if r and r.get("resourceVersion") == "@":
                target = index.get((r["kind"], r.get("namespace"), r["name"]))
                r["resourceVersion"] = target["metadata"]["resourceVersion"]


# ==================================================================================================
# Assembly, output and checks
# ==================================================================================================
def build(traefik=True):
    reset(traefik)
    del ADDONS[:]
    del CRD_VERSIONS[:]
    POD_IPS.clear()
    namespaces()
    namespace_defaults()
    controller_service_accounts()
    nodes()
    leader_leases()
    priority_classes()
    kubernetes_service()
    apiserver_configmaps()
    bootstrap_rbac()
    apf()
    k3s_system_objects()
    coredns()
    local_storage()
    metrics_server()
    k3s_rbac_and_runtimes()
    if traefik:
        helm_charts()
        helm_install_job("traefik-crd", [], {}, T_UPGRADE, "2025-04-06T08:30:21Z",
                         T_UPGRADE_HELM)
        helm_install_job("traefik", ["--set-string", "global.systemDefaultRegistry="],
                         {"values-01_HelmChart.yaml": traefik_values_content("3.3.2"),
                          "values-10_HelmChartConfig.yaml": HCC_VALUES},
                         T_UPGRADE, "2025-04-06T08:31:09Z", "2025-04-06T08:31:43Z", restarts=1,
                         values_changed=T_UPGRADE)
        traefik_release()
        owner_helmchartconfig()
    addon_objects()
    eg_crds()
    envoy_gateway()
    gateway_objects()
    grafana()
    loki()
    if traefik:
        owner_ingressroute()
    llm_pods = llm()
    la_pods = log_analyzer()
    flux_crds()
    backup_crd()
    api_services(CRD_VERSIONS)
    events(la_pods, llm_pods)
    metrics()
    assign_resource_versions()
    order = {"Namespace": 0, "Node": 1}
    items = sorted(OBJECTS, key=lambda o: (
        order.get(o["kind"], 2), group_of(o["apiVersion"]), o["kind"],
        o["metadata"].get("namespace", ""), o["metadata"]["name"]))
    return items


class KubectlDumper(yaml.SafeDumper):
    """Block style with sorted keys, as `kubectl get -o yaml` prints; strings that would read as
    another type are double-quoted like kubectl's, multi-line strings are literal blocks."""


def _kubectl_str(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    if dumper.resolve(yaml.ScalarNode, data, (True, False)) != "tag:yaml.org,2002:str" or \
            data == "" or data.strip() != data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


KubectlDumper.add_representer(str, _kubectl_str)
KubectlDumper.ignore_aliases = lambda self, data: True


def render(traefik=True):
    items = build(traefik)
    variant = "" if traefik else " (started with --disable traefik)"
    head = ("# A stock K3s %s homelab%s, as `kubectl get -o yaml` shows it.\n"
            "# Generated by generate-k3s-homelab.py; edit that script, not this file.\n"
            % (K3S, variant))
    body = yaml.dump({"apiVersion": "v1", "items": items, "kind": "List",
                      "metadata": {"resourceVersion": ""}}, Dumper=KubectlDumper,
                     sort_keys=True, width=4096, default_flow_style=False)
    return head + body


def owner_lines():
    return "".join("%s %s/%s\n" % o for o in sorted(OWNER))


OUT_MAIN = os.path.join(HERE, "k3s-homelab.yaml")
OUT_NO_TRAEFIK = os.path.join(HERE, "k3s-homelab-no-traefik.yaml")
OUT_OWNER = os.path.join(HERE, "expected-owner-objects.txt")


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --- --check ----------------------------------------------------------------------------------
def check_fields(node, where):
    if not isinstance(node, dict):
        raise ValueError("%s: fieldsV1 node is not a map" % where)
    for k, v in node.items():
        if k == ".":
            if v != {}:
                raise ValueError("%s: '.' must be {}" % where)
            continue
        if k[:2] not in ("f:", "k:", "v:", "i:"):
            raise ValueError("%s: bad fieldsV1 key %r" % (where, k))
        if k[:2] == "k:" and not isinstance(json.loads(k[2:]), dict):
            raise ValueError("%s: bad key %r" % (where, k))
        if k[:2] == "v:":
            json.loads(k[2:])
        check_fields(v, where + "/" + k)


def decode_release(sec):
    raw = base64.b64decode(base64.b64decode(sec["data"]["release"], validate=True),
                           validate=True)
    if raw[:3] != b"\x1f\x8b\x08":
        raise ValueError("not gzip")
    import gzip
    return json.loads(gzip.decompress(raw))


def check_file(path, expect_traefik):
    problems = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    doc = yaml.safe_load(text)
    if doc.get("kind") != "List" or doc.get("apiVersion") != "v1":
        problems.append("not a v1 List")
    seen = set()
    releases = 0
    kinds = {}
    for i, o in enumerate(doc["items"]):
        where = "%s item %d" % (os.path.basename(path), i)
        for k in ("apiVersion", "kind", "metadata"):
            if k not in o:
                problems.append("%s: no %s" % (where, k))
        m = o.get("metadata", {})
        if not m.get("name"):
            problems.append("%s: no metadata.name" % where)
            continue
        where = "%s %s %s/%s" % (os.path.basename(path), o["kind"], m.get("namespace", "-"),
                                 m["name"])
        key = (group_of(o["apiVersion"]), o["kind"], m.get("namespace"), m["name"])
        if key in seen:
            problems.append("%s: duplicate" % where)
        seen.add(key)
        kinds[o["kind"]] = kinds.get(o["kind"], 0) + 1
        if o["apiVersion"] != "metrics.k8s.io/v1beta1":
            for k in ("uid", "resourceVersion", "creationTimestamp"):
                if k not in m:
                    problems.append("%s: no metadata.%s" % (where, k))
        for e in m.get("managedFields", []):
            for k in ("apiVersion", "fieldsType", "fieldsV1", "manager", "operation", "time"):
                if k not in e:
                    problems.append("%s: managedFields entry without %s" % (where, k))
            if e.get("fieldsType") != "FieldsV1" or e.get("operation") not in ("Update", "Apply"):
                problems.append("%s: bad managedFields entry %r" % (where, e.get("manager")))
            if set(e) - {"apiVersion", "fieldsType", "fieldsV1", "manager", "operation", "time",
                         "subresource"}:
                problems.append("%s: unknown managedFields keys" % where)
            try:
                check_fields(e.get("fieldsV1", {}), where)
            except ValueError as err:
                problems.append(str(err))
        if o["kind"] == "Secret" and o.get("type") == "helm.sh/release.v1":
            releases += 1
            try:
                r = decode_release(o)
                labels = m["labels"]
                if (r["name"], str(r["version"]), r["info"]["status"], r["namespace"]) != (
                        labels["name"], labels["version"], labels["status"], m["namespace"]):
                    problems.append("%s: release JSON does not match the labels" % where)
                md = r["chart"]["metadata"]
                for k in ("name", "version", "appVersion"):
                    if not md.get(k):
                        problems.append("%s: chart.metadata.%s missing" % (where, k))
                docs = [d for d in yaml.safe_load_all(r["manifest"]) if d]
                if not docs or "# Source: " not in r["manifest"]:
                    problems.append("%s: empty manifest" % where)
                for h in r.get("hooks", []):
                    yaml.safe_load(h["manifest"])
            except Exception as err:   # noqa: BLE001 - report any decoding failure
                problems.append("%s: release does not decode: %s" % (where, err))
    has_traefik = ("helm.cattle.io", "HelmChart", "kube-system", "traefik") in seen
    if has_traefik != expect_traefik:
        problems.append("%s: traefik HelmChart presence is %s" % (path, has_traefik))
    if os.path.getsize(path) > 1536 * 1024:
        problems.append("%s: larger than 1.5 MiB" % path)
    return problems, seen, releases, kinds


def check():
    problems = []
    results = {}
    for path, traefik in ((OUT_MAIN, True), (OUT_NO_TRAEFIK, False)):
        fresh = render(traefik)
        with open(path, encoding="utf-8") as f:
            if f.read() != fresh:
                problems.append("%s differs from a fresh generation" % path)
        if render(traefik) != fresh:
            problems.append("generation is not deterministic")
        p, seen, releases, kinds = check_file(path, traefik)
        problems += p
        results[path] = (len(seen), releases, kinds, seen)
        if traefik:
            expected = owner_lines()
            with open(OUT_OWNER, encoding="utf-8") as f:
                if f.read() != expected:
                    problems.append("expected-owner-objects.txt differs from the generator's")
            for line in expected.splitlines():
                gkind, rest = line.split(" ")
                grp, kind = gkind.split("/")
                ns, name = rest.split("/", 1)
                key = ("" if grp == "core" else grp, kind, None if ns == "-" else ns, name)
                if key not in seen:
                    problems.append("owner object %s is not in the fixture" % line)
    for path, (n, releases, kinds, _) in results.items():
        print("%s: %d objects, %d Helm release records, %d bytes" % (
            os.path.basename(path), n, releases, os.path.getsize(path)))
    if problems:
        for p in problems:
            print("PROBLEM: " + p)
        return 1
    print("all checks passed")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--disable-traefik", action="store_true",
                    help="model K3s started with --disable traefik")
    ap.add_argument("--check", action="store_true",
                    help="validate both fixtures and their determinism")
    args = ap.parse_args()
    if args.check:
        return check()
    if args.disable_traefik:
        write(OUT_NO_TRAEFIK, render(False))
    else:
        write(OUT_MAIN, render(True))
        write(OUT_OWNER, owner_lines())
    return 0


if __name__ == "__main__":
    sys.exit(main())
