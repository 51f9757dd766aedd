#!/usr/bin/env bash
# Benchmark (not a test): `fluxdesk-cli snapshot` against `kubectl get <every listable type> -A
# -o json` on the same fake API server in the same run (issue 2's performance target: >= 3x).
#
# Usage: snapshot-vs-kubectl.sh FLUXDESK_CLI FAKE_KUBE_APISERVER
# Environment: OBJECTS (10000), LATENCY_MS (20), RUNS (3), KUBECTL (kubectl), KEEP=1 keeps the
# scratch folder, NO_HYPERFINE=1 forces the bash loop. Times with hyperfine when installed, else
# a bash loop of `date +%s.%N`; peak RSS from /usr/bin/time -v (Debian package `time`).
set -euo pipefail

cli=${1:?usage: $0 FLUXDESK_CLI FAKE_KUBE_APISERVER}
fake=${2:?usage: $0 FLUXDESK_CLI FAKE_KUBE_APISERVER}
objects=${OBJECTS:-10000}
latency=${LATENCY_MS:-20}
runs=${RUNS:-3}
kubectl=${KUBECTL:-kubectl}

work=$(mktemp -d "${TMPDIR:-/tmp}/fluxdesk-bench.XXXXXX")
server_pid=
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [[ "${KEEP:-0}" == 1 ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
# kubectl caches discovery under $HOME/.kube/cache: a scratch HOME keeps runs independent of the
# developer's own cache (the warm-up run fills it, as it would on a workstation).
export HOME="$work/home"
mkdir -p "$HOME"
unset KUBECONFIG

kubeconfig="$work/kubeconfig"
"$fake" --generate "$objects" --latency "$latency" --pki-dir "$work/pki" \
    --kubeconfig-out "$kubeconfig" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
    grep -q '^listening on ' "$work/server.log" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
    sleep 0.1
done
grep -q '^listening on ' "$work/server.log" || { echo "fake server did not start" >&2; exit 2; }
echo "server: $(grep '^listening on ' "$work/server.log" | cut -d' ' -f3) objects=$objects latency=${latency}ms (TLS, client certificate)"

types=$("$kubectl" --kubeconfig "$kubeconfig" api-resources --verbs=list -o name | paste -sd, -)
echo "listable types: $(tr ',' '\n' <<<"$types" | wc -l)"

cli_cmd="$cli --kubeconfig $kubeconfig snapshot --out $work/snapshot.json"
kubectl_cmd="$kubectl --kubeconfig $kubeconfig get $types -A -o json > $work/kubectl.json"

# Sanity: both see the same objects (also the warm-up of caches and page cache).
eval "$cli_cmd" >/dev/null
eval "$kubectl_cmd"
count() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$1"; }
cli_count=$(count "$work/snapshot.json")
kubectl_count=$(count "$work/kubectl.json")
echo "objects: fluxdesk-cli=$cli_count kubectl=$kubectl_count"
[[ "$cli_count" == "$kubectl_count" ]] || echo "WARNING: object counts differ" >&2

median_of() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

if [[ "${NO_HYPERFINE:-0}" != 1 ]] && command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --warmup 1 --style basic --export-json "$work/hyperfine.json" \
        -n fluxdesk-cli "$cli_cmd" -n kubectl "$kubectl_cmd"
    read -r cli_median kubectl_median < <(python3 -c '
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
print(r["fluxdesk-cli"], r["kubectl"])' "$work/hyperfine.json")
else
    time_runs() {
        for _ in $(seq 1 "$runs"); do
            local start end
            start=$(date +%s.%N)
            eval "$1" >/dev/null
            end=$(date +%s.%N)
            awk -v s="$start" -v e="$end" 'BEGIN {printf "%.6f\n", e - s}'
        done | median_of
    }
    cli_median=$(time_runs "$cli_cmd")
    kubectl_median=$(time_runs "$kubectl_cmd")
fi

rss_kb="n/a"
if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v $cli_cmd >/dev/null 2>"$work/time.log"
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.log")
fi

ratio=$(awk -v k="$kubectl_median" -v c="$cli_median" 'BEGIN {printf "%.2f", k / c}')
printf '\nfluxdesk-cli snapshot median: %.3f s\n' "$cli_median"
printf 'kubectl get -A -o json median: %.3f s\n' "$kubectl_median"
printf 'speed-up: %sx (target >= 3x)\n' "$ratio"
printf 'fluxdesk-cli peak RSS: %s KiB\n' "$rss_kb"
