#!/bin/sh
# Test exec credential plugin (copied into a temporary folder by tst_connectionsettings):
# counts its runs per $NAME, records $KUBERNETES_EXEC_INFO and prints an ExecCredential whose
# token carries args[0] and the run number, so the tests see cache hits.
dir=$(dirname "$0")
n=$(cat "$dir/count-$NAME" 2>/dev/null || echo 0)
n=$((n+1))
echo "$n" > "$dir/count-$NAME"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/info-$NAME"
case "$MODE" in
fail) echo "boom line1" >&2; echo "line2" >&2; echo '{"status":{"token":"s3cr3t-value"}}'; exit 3 ;;
bad) echo 'not json s3cr3t-value'; exit 0 ;;
sleep) exec sleep 20 ;;
cert) cat "$dir/cert.json"; exit 0 ;;
esac
exp=""
if [ -n "$EXPIRY" ]; then exp=",\"expirationTimestamp\":\"$EXPIRY\""; fi
printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s-%s"%s}}\n' "$API" "$1" "$n" "$exp"
