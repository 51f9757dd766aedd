#!/usr/bin/env bash
# Benchmark (not a test): `fluxdesk-cli clean` + `fluxdesk-cli split` on a generated 10,000-object
# multi-document export (managedFields and status, about 8 MB) against the roadmap's own method in
# the same run: Debian's `yq -y 'del(...)'` for cleaning and Debian's `kubernetes-split-yaml` for
# splitting (issue 3's targets: >= 10x faster than yq, >= 3x faster than kubernetes-split-yaml).
# The same work is timed as two commands (clean, then split of its output) and as one
# (split --clean), which must write the same files; both ratios are reported.
#
# Usage: clean-split-vs-peers.sh FLUXDESK_CLI
# Environment: OBJECTS (10000), RUNS (3; the slow yq gets PEER_RUNS, default 1), KEEP=1 keeps the
# scratch folder, NO_INSTALL=1 never runs apt-get. The peers are benchmark-only tools, not test
# dependencies: missing ones are installed with apt-get (sudo when not root) or the script says how.
# The file system counts: on ext4 without a journal, creating 10,000 files shortly after deleting
# 10,000 (every run here does) costs each tool seconds of kernel time that vary from run to run;
# TMPDIR=/dev/shm measures the tools rather than the disk.
set -euo pipefail

cli=$(realpath "${1:?usage: $0 FLUXDESK_CLI}")
objects=${OBJECTS:-10000}
runs=${RUNS:-3}
peer_runs=${PEER_RUNS:-1}

need() {
    local tool=$1 package=$2
    command -v "$tool" >/dev/null && return 0
    if [[ "${NO_INSTALL:-0}" != 1 ]]; then
        echo "installing $package (benchmark peer)..." >&2
        local sudo=
        [[ $(id -u) -ne 0 ]] && sudo=sudo
        $sudo apt-get install -y "$package" >/dev/null 2>&1 || true
    fi
    command -v "$tool" >/dev/null && return 0
    echo "missing $tool: install it with 'sudo apt-get install $package'" >&2
    exit 2
}
need yq yq
need kubernetes-split-yaml kubernetes-split-yaml
need python3 python3

work=$(mktemp -d "${TMPDIR:-/tmp}/fluxdesk-clean-bench.XXXXXX")
cleanup() { [[ "${KEEP:-0}" == 1 ]] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT

# The export: what `kubectl get -o yaml` of a busy cluster looks like, one object per document.
python3 - "$objects" "$work/big.yaml" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
kinds = ["Deployment", "Service", "ConfigMap", "ServiceAccount", "ConfigMap", "Secret"]
out = []
for i in range(n):
    kind = kinds[i % len(kinds)]
    ns = "ns-%d" % (i % 40)
    name = "app-%d" % i
    api = "apps/v1" if kind == "Deployment" else "v1"
    # The status writer's managedFields entry only where there is a status.
    status_manager = f"""  - apiVersion: {api}
    fieldsType: FieldsV1
    fieldsV1:
      f:status:
        f:observedGeneration: {{}}
    manager: kube-controller-manager
    operation: Update
    subresource: status
    time: "2025-01-01T10:00:05Z"
""" if kind == "Deployment" else ""
    meta = f"""metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{{"apiVersion":"{api}","kind":"{kind}","metadata":{{"name":"{name}","namespace":"{ns}"}}}}'
  creationTimestamp: "2025-01-{1 + i % 28:02d}T10:00:00Z"
  generation: 3
  labels:
    app.kubernetes.io/name: {name}
  managedFields:
  - apiVersion: {api}
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:annotations:
          .: {{}}
          f:kubectl.kubernetes.io/last-applied-configuration: {{}}
    manager: kubectl-client-side-apply
    operation: Update
    time: "2025-01-01T10:00:00Z"
{status_manager}  name: {name}
  namespace: {ns}
  resourceVersion: "{100000 + i}"
  uid: 6f1c{i:08x}-0000-4000-8000-00000000{i % 10000:04d}
"""
    if kind == "Deployment":
        body = f"""spec:
  progressDeadlineSeconds: 600
  replicas: 1
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app.kubernetes.io/name: {name}
    spec:
      containers:
      - image: ghcr.io/example/{name}:1.{i % 50}.0
        imagePullPolicy: IfNotPresent
        name: app
        ports:
        - containerPort: 8080
          protocol: TCP
        resources:
          requests:
            cpu: 10m
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {{}}
      terminationGracePeriodSeconds: 30
status:
  availableReplicas: 1
  conditions:
  - lastTransitionTime: "2025-01-01T10:00:05Z"
    reason: MinimumReplicasAvailable
    status: "True"
    type: Available
  observedGeneration: 3
  readyReplicas: 1
  replicas: 1
  updatedReplicas: 1
"""
    elif kind == "Service":
        body = f"""spec:
  clusterIP: 10.43.{i % 250}.{i % 200 + 1}
  clusterIPs:
  - 10.43.{i % 250}.{i % 200 + 1}
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - name: http
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app.kubernetes.io/name: {name}
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {{}}
"""
    elif kind == "ConfigMap":
        body = f"""data:
  app.properties: |
    feature.flag.{i}=true
"""
    elif kind == "Secret":
        body = """data:
  token: c2VjcmV0LXRva2VuLXZhbHVl
type: Opaque
"""
    else:
        body = ""
    out.append(f"apiVersion: {api}\nkind: {kind}\n{meta}{body}")
with open(path, "w") as f:
    f.write("---\n".join(out))
PY
size=$(stat -c %s "$work/big.yaml")
echo "input: $objects objects, $((size / 1024)) KiB ($work/big.yaml)"

cd "$work"
# Each split writes into a folder that the untimed preparation just emptied (hyperfine --prepare),
# for fluxdesk-cli and kubernetes-split-yaml alike: deleting the last run's 10,000 files is neither
# tool's work.
fluxdesk_cmd="'$cli' clean --include-secrets big.yaml > cleaned.yaml && '$cli' split --include-secrets cleaned.yaml --out d1 > /dev/null"
# The same work in one command: split --clean writes the files clean then split write.
cleansplit_cmd="'$cli' split --include-secrets big.yaml --clean --out d3 > /dev/null"
clean_cmd="'$cli' clean --include-secrets big.yaml > cleaned.yaml"
split_cmd="'$cli' split --include-secrets big.yaml --out d0 > /dev/null"
yq_cmd="yq -y 'del(.metadata.creationTimestamp, .metadata.generation, .metadata.resourceVersion, .metadata.uid, .metadata.managedFields, .status)' big.yaml > yq.yaml"
ksy_cmd="kubernetes-split-yaml --outdir d2 big.yaml > /dev/null"

# Sanity and warm-up: every tool sees every object.
rm -rf d1 d2 d3
eval "$fluxdesk_cmd"
eval "$cleansplit_cmd"
eval "$ksy_cmd"
echo "files: fluxdesk-cli split=$(find d1 -name '*.yaml' ! -name kustomization.yaml | wc -l)" \
    "kubernetes-split-yaml=$(find d2 -name '*.yaml' | wc -l)"
diff -r d1 d3 >/dev/null || { echo "split --clean wrote other files than clean then split" >&2; exit 1; }
grep -q managedFields cleaned.yaml && echo "WARNING: cleaned.yaml still has managedFields" >&2

seconds_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
time_cmd() { # name runs command [untimed preparation] -> prints median seconds
    local name=$1 n=$2 cmd=$3 prepare=${4:-true}
    if [[ "${NO_HYPERFINE:-0}" != 1 ]] && command -v hyperfine >/dev/null; then
        hyperfine --style basic --shell bash --runs "$n" --export-json "$work/$name.json" \
            --prepare "$prepare" --command-name "$name" "$cmd" >&2
        seconds_of "$work/$name.json"
    else
        local times=()
        for _ in $(seq 1 "$n"); do
            local t0 t1
            eval "$prepare"
            t0=$(date +%s.%N)
            eval "$cmd"
            t1=$(date +%s.%N)
            times+=("$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$t0" "$t1")")
        done
        python3 -c 'import statistics,sys; print(statistics.median(map(float, sys.argv[1:])))' "${times[@]}"
    fi
}

t_fluxdesk=$(time_cmd fluxdesk-clean+split "$runs" "$fluxdesk_cmd" "rm -rf d1")
t_onestep=$(time_cmd fluxdesk-split--clean "$runs" "$cleansplit_cmd" "rm -rf d3")
t_clean=$(time_cmd fluxdesk-clean "$runs" "$clean_cmd")
t_split=$(time_cmd fluxdesk-split "$runs" "$split_cmd" "rm -rf d0")
t_ksy=$(time_cmd kubernetes-split-yaml "$runs" "$ksy_cmd" "rm -rf d2")
t_yq=$(time_cmd yq-del "$peer_runs" "$yq_cmd")

python3 - "$t_fluxdesk" "$t_onestep" "$t_clean" "$t_split" "$t_yq" "$t_ksy" <<'PY'
import sys
f, one, c, s, yq, ksy = map(float, sys.argv[1:])
print()
print(f"fluxdesk-cli clean, then split : {f:8.3f} s  (clean {c:.3f} s, split alone {s:.3f} s)")
print(f"fluxdesk-cli split --clean     : {one:8.3f} s  (the same files, one command)")
for name, peer, target in (("yq -y 'del(...)'", yq, 10), ("kubernetes-split-yaml", ksy, 3)):
    print(f"{name:<30} : {peer:8.3f} s  -> clean, then split {peer / f:5.1f}x faster; "
          f"split --clean {peer / one:5.1f}x (target >= {target}x)")
for label, t in (("clean, then split", f), ("split --clean", one)):
    ok = yq / t >= 10 and ksy / t >= 3
    print(f"{label}: " + ("targets met" if ok else "TARGETS NOT MET"))
PY
