#!/bin/sh
# Self-check of sops-interop.mjs against itself, sops-age and the age CLI.
# Exit 0: all checks passed; 1: a check failed; 77: a prerequisite is missing
# (node, age, age-keygen, or `npm ci --prefix tests/secrets/interop`).
# NODE=/path/to/node selects the Node.js binary (default: node).
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
NODE=${NODE:-node}
TOOL="$HERE/sops-interop.mjs"

for tool in "$NODE" age age-keygen; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "selfcheck: SKIP: $tool not found" >&2
        exit 77
    fi
done
if [ ! -d "$HERE/node_modules/sops-age" ]; then
    echo "selfcheck: SKIP: run 'npm ci --prefix tests/secrets/interop' first" >&2
    exit 77
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM
cd "$WORK" || exit 1

FAILED=0
pass() { echo "PASS: $1"; }
failcheck() {
    echo "FAIL: $1" >&2
    FAILED=1
}

interop() { "$NODE" "$TOOL" "$@"; }

# expect_ok NAME CMD...: the command succeeds with an empty stderr.
expect_ok() {
    name=$1
    shift
    if "$@" >out.txt 2>err.txt && [ ! -s err.txt ]; then
        pass "$name"
    else
        failcheck "$name"
        cat err.txt >&2
    fi
}

# expect_fail NAME PATTERN CMD...: the command exits 1, prints nothing on
# stdout and "sops-interop: ...PATTERN..." on stderr.
expect_fail() {
    name=$1
    pattern=$2
    shift 2
    "$@" >out.txt 2>err.txt
    rc=$?
    if [ "$rc" -eq 1 ] && [ ! -s out.txt ] && grep -q "^sops-interop: .*$pattern" err.txt; then
        pass "$name ($(cat err.txt))"
    else
        failcheck "$name (exit $rc)"
        cat err.txt >&2
    fi
}

# same_text NAME EXPECTED_FILE ACTUAL_FILE
same_text() {
    if cmp -s "$2" "$3"; then
        pass "$1"
    else
        failcheck "$1"
        diff -u "$2" "$3" >&2
    fi
}

# has_line NAME FILE REGEX
has_line() {
    if grep -q -E "$3" "$2"; then
        pass "$1"
    else
        failcheck "$1: no line matching $3 in $2"
    fi
}

# edit FILE SED_SCRIPT: writes a tampered copy to tampered.yaml and checks
# that it differs from FILE.
edit() {
    sed -E "$2" "$1" >tampered.yaml
    if cmp -s "$1" tampered.yaml; then
        failcheck "tampering with $1 changed nothing: $2"
    fi
}

age-keygen -o k1.txt 2>/dev/null || exit 1
age-keygen -o k2.txt 2>/dev/null || exit 1
age-keygen -o k3.txt 2>/dev/null || exit 1
R1=$(age-keygen -y k1.txt)
R2=$(age-keygen -y k2.txt)

# ------------------------------------------------------------ Kubernetes Secret
cat >secret.yaml <<'EOF'
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
  namespace: prod
type: Opaque
data:
  password: cGFzc3dvcmQ=
  username: YWRtaW4=
stringData:
  config.yaml: |
    url: postgres://db:5432/app
    retries: 3
  token: "0123"
EOF
cat >secret.expected.yaml <<'EOF'
apiVersion: v1
kind: Secret
metadata:
    name: db-credentials
    namespace: prod
type: Opaque
data:
    password: cGFzc3dvcmQ=
    username: YWRtaW4=
stringData:
    config.yaml: |
        url: postgres://db:5432/app
        retries: 3
    token: "0123"
EOF

expect_ok "encrypt Secret with encrypted_regex" \
    interop encrypt secret.yaml --recipient "$R1" --encrypted-regex '^(data|stringData)$'
cp out.txt secret.enc.yaml
has_line "Secret: metadata stays clear" secret.enc.yaml '^    name: db-credentials$'
has_line "Secret: data is encrypted" secret.enc.yaml '^    password: ENC\[AES256_GCM,data:[^,]+,iv:[^,]+,tag:[^,]+,type:str\]$'
has_line "Secret: stringData is encrypted" secret.enc.yaml '^    config.yaml: ENC\[AES256_GCM,.*,type:str\]$'
has_line "Secret: encrypted_regex recorded" secret.enc.yaml '^    encrypted_regex: \^\(data\|stringData\)\$$'
has_line "Secret: lastmodified" secret.enc.yaml '^    lastmodified: "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"$'
has_line "Secret: version" secret.enc.yaml '^    version: 3\.[0-9]+\.[0-9]+$'
has_line "Secret: 32-byte IVs" secret.enc.yaml 'iv:[A-Za-z0-9+/]{43}=,tag:[A-Za-z0-9+/]{22}==,'
expect_ok "decrypt Secret" interop decrypt secret.enc.yaml --identity k1.txt
same_text "Secret round trip" secret.expected.yaml out.txt

# ------------------------------------------------------------ nested document
cat >nested.yaml <<'EOF'
# comments are not carried over
app:
  name: fluxdesk
  replicas: 3
  ratio: 0.25
  small: -2.5e-7
  whole: 3.0
  enabled: true
  disabled: False
  nothing: null
  empty: ""
  port: "8080"
  motd: |
    line one
    line two
  folded: >
    folded text
    continues
  tags:
    - a
    - 7
    - true
    - 1.5
  servers:
    - host: db1
      port: 5432
    - host: db2
      port: 5433
  unicode: "héllo wörld ✓"
  colon: "a: b"
  note_unencrypted: visible
  nested_unencrypted:
    deep: also visible
    count: 5
EOF
cat >nested.expected.yaml <<'EOF'
app:
    name: fluxdesk
    replicas: 3
    ratio: 0.25
    small: -2.5e-7
    whole: 3
    enabled: true
    disabled: false
    nothing: null
    empty: ""
    port: "8080"
    motd: |
        line one
        line two
    folded: |
        folded text continues
    tags:
        - a
        - 7
        - true
        - 1.5
    servers:
        - host: db1
          port: 5432
        - host: db2
          port: 5433
    unicode: héllo wörld ✓
    colon: "a: b"
    note_unencrypted: visible
    nested_unencrypted:
        deep: also visible
        count: 5
EOF

expect_ok "encrypt nested document (default unencrypted_suffix)" \
    interop encrypt nested.yaml --recipient "$R1" --recipient "$R2"
cp out.txt nested.enc.yaml
has_line "nested: int type" nested.enc.yaml '^    replicas: ENC\[.*,type:int\]$'
has_line "nested: float type" nested.enc.yaml '^    ratio: ENC\[.*,type:float\]$'
has_line "nested: bool type" nested.enc.yaml '^    enabled: ENC\[.*,type:bool\]$'
has_line "nested: list items encrypted" nested.enc.yaml '^        - ENC\[.*,type:int\]$'
has_line "nested: empty string stays empty" nested.enc.yaml '^    empty: ""$'
has_line "nested: _unencrypted key stays clear" nested.enc.yaml '^    note_unencrypted: visible$'
has_line "nested: below an _unencrypted key stays clear" nested.enc.yaml '^        count: 5$'
has_line "nested: default unencrypted_suffix recorded" nested.enc.yaml '^    unencrypted_suffix: _unencrypted$'
expect_ok "decrypt nested document with the first recipient" interop decrypt nested.enc.yaml --identity k1.txt
same_text "nested round trip (first recipient)" nested.expected.yaml out.txt
expect_ok "decrypt nested document with the second recipient" interop decrypt nested.enc.yaml --identity k2.txt
same_text "nested round trip (second recipient)" nested.expected.yaml out.txt

expect_ok "encrypt with --unencrypted-suffix" interop encrypt nested.yaml --recipient "$R1" --unencrypted-suffix _plain
cp out.txt suffix.enc.yaml
has_line "custom suffix recorded" suffix.enc.yaml '^    unencrypted_suffix: _plain$'
has_line "custom suffix: _unencrypted now encrypted" suffix.enc.yaml '^    note_unencrypted: ENC\['
expect_ok "decrypt --unencrypted-suffix file" interop decrypt suffix.enc.yaml --identity k1.txt
same_text "custom suffix round trip" nested.expected.yaml out.txt

expect_ok "encrypt with --mac-only-encrypted" interop encrypt nested.yaml --recipient "$R1" --mac-only-encrypted
cp out.txt maconly.enc.yaml
has_line "mac_only_encrypted recorded" maconly.enc.yaml '^    mac_only_encrypted: true$'
expect_ok "decrypt mac_only_encrypted file" interop decrypt maconly.enc.yaml --identity k1.txt
same_text "mac_only_encrypted round trip" nested.expected.yaml out.txt
edit maconly.enc.yaml 's/^    note_unencrypted: visible$/    note_unencrypted: changed/'
expect_ok "mac_only_encrypted: clear values are outside the MAC" interop decrypt tampered.yaml --identity k1.txt

# ------------------------------------------------------------ failures
expect_fail "wrong key" "no identity" interop decrypt secret.enc.yaml --identity k3.txt
expect_fail "missing key file" "cannot read" interop decrypt secret.enc.yaml --identity missing.txt

# one character of an encrypted value
edit secret.enc.yaml '/^    password: /{s/data:A/data:B/;t;s/data:./data:A/}'
expect_fail "tampered ENC value" "data:password:.*authentication failed" \
    interop decrypt tampered.yaml --identity k1.txt

# a valid ENC value moved to another key (the path is authenticated)
PW=$(sed -n 's/^    password: //p' secret.enc.yaml)
edit secret.enc.yaml "s|^    username: .*|    username: $PW|"
expect_fail "ENC value moved to another path" "data:username:.*authentication failed" \
    interop decrypt tampered.yaml --identity k1.txt

# one character of the MAC
edit secret.enc.yaml '/^    mac: /{s/data:A/data:B/;t;s/data:./data:A/}'
expect_fail "tampered mac" "cannot decrypt sops.mac" interop decrypt tampered.yaml --identity k1.txt

# lastmodified is the MAC's additional data
edit secret.enc.yaml 's/^    lastmodified: "[0-9]{4}/    lastmodified: "1999/'
expect_fail "tampered lastmodified" "cannot decrypt sops.mac" interop decrypt tampered.yaml --identity k1.txt

# a clear value is covered by the MAC
edit secret.enc.yaml 's/^    name: db-credentials$/    name: db-credentialz/'
expect_fail "tampered clear value" "MAC mismatch" interop decrypt tampered.yaml --identity k1.txt

# a removed value
edit secret.enc.yaml '/^    username: /d'
expect_fail "removed value" "MAC mismatch" interop decrypt tampered.yaml --identity k1.txt

# an encrypted value replaced by clear text
edit secret.enc.yaml 's/^    token: .*/    token: "0123"/'
expect_fail "clear text where ENC is expected" "not in sops's ENC" interop decrypt tampered.yaml --identity k1.txt

# ------------------------------------------------------------ age CLI
# The armored data key written by the encoder opens with the age CLI, and
# that key verifies the file.
"$NODE" --input-type=module -e "
import { readFileSync } from 'node:fs';
import { parse } from '$HERE/node_modules/yaml/dist/index.js';
process.stdout.write(parse(readFileSync('nested.enc.yaml', 'utf8')).sops.age[1].enc);
" >datakey.age 2>err.txt || failcheck "extract enc field"
if age -d -i k2.txt -o datakey.bin datakey.age 2>err.txt; then
    pass "age CLI opens the armored data key"
else
    failcheck "age CLI opens the armored data key"
    cat err.txt >&2
fi
if [ "$(wc -c <datakey.bin | tr -d ' ')" = 32 ]; then
    pass "data key is 32 bytes"
else
    failcheck "data key is 32 bytes"
fi
HEX=$(od -An -v -tx1 datakey.bin | tr -d ' \n')
expect_ok "verify with the data key from the age CLI" interop verify nested.enc.yaml --data-key-hex "$HEX"
same_text "verify output" nested.expected.yaml out.txt
# Known answer, independent of the tool's code: the MAC stored in the file
# (decrypted here with the data key from the age CLI) is the upper-case hex
# SHA-512 of the plaintext values in tree order, in sops's byte forms
# (ints in decimal, floats without exponent, True/False, nulls skipped).
{
    printf '%s' fluxdesk 3 0.25 -0.00000025 3 True False '' 8080
    printf 'line one\nline two\n'
    printf 'folded text continues\n'
    printf '%s' a 7 True 1.5 db1 5432 db2 5433 'héllo wörld ✓' 'a: b' visible 'also visible' 5
} >macinput.bin
EXPECTED_MAC=$(sha512sum macinput.bin | cut -d' ' -f1 | tr a-f A-F)
"$NODE" --input-type=module -e "
import { readFileSync } from 'node:fs';
import { parse } from '$HERE/node_modules/yaml/dist/index.js';
import { gcm } from '$HERE/node_modules/@noble/ciphers/esm/aes.js';
const sops = parse(readFileSync('nested.enc.yaml', 'utf8')).sops;
const m = /^ENC\[AES256_GCM,data:(.*),iv:(.*),tag:(.*),type:str\]\$/.exec(sops.mac);
const b = (s) => Buffer.from(s, 'base64');
const sealed = Buffer.concat([b(m[1]), b(m[3])]);
const key = Buffer.from('$HEX', 'hex');
const plain = gcm(key, b(m[2]), Buffer.from(sops.lastmodified)).decrypt(sealed);
process.stdout.write(Buffer.from(plain).toString());
" >storedmac.txt 2>err.txt || { failcheck "decrypt stored MAC"; cat err.txt >&2; }
if [ "$(cat storedmac.txt)" = "$EXPECTED_MAC" ]; then
    pass "stored MAC matches the known answer"
else
    failcheck "stored MAC matches the known answer: $(cat storedmac.txt) != $EXPECTED_MAC"
fi
if age -d -i k1.txt datakey.age >/dev/null 2>&1; then
    failcheck "data key wrapped for the second recipient opens with the first key"
else
    pass "each recipient has its own stanza"
fi

if [ "$FAILED" -ne 0 ]; then
    echo "selfcheck: FAILED" >&2
    exit 1
fi
echo "selfcheck: all checks passed"
