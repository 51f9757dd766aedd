#!/usr/bin/env node
// An independent SOPS (age, YAML) implementation used to check that
// Fluxdesk's own SOPS code interoperates in both directions.
//
//   decrypt FILE --identity KEYFILE
//       Decrypts with sops-age, verifies the MAC independently, prints the
//       plaintext YAML (without the sops block).
//   encrypt FILE --recipient age1... [--recipient ...]
//           [--encrypted-regex R | --unencrypted-regex R |
//            --encrypted-suffix S | --unencrypted-suffix S]
//           [--mac-only-encrypted]
//       Encrypts a plaintext YAML document the way sops 3.9+ does and prints
//       the encrypted file.
//
// Scope: a single YAML document whose top level is a mapping with string
// keys. Comments in the input are dropped by `encrypt` (sops would encrypt
// them); `decrypt` ignores comments (they never enter the MAC).

// Node 18 reports its X25519 WebCrypto support as experimental; keep stderr
// for real messages.
process.removeAllListeners('warning');
process.on('warning', (w) => {
    if (w.name !== 'ExperimentalWarning') {
        process.stderr.write(`${w.name}: ${w.message}\n`);
    }
});

// Node 18 has no global WebCrypto object; the libraries below need one.
if (typeof globalThis.crypto === 'undefined') {
    globalThis.crypto = (await import('node:crypto')).webcrypto;
}

const { readFile } = await import('node:fs/promises');
const YAML = await import('yaml');
const age = await import('age-encryption');
const { gcm } = await import('@noble/ciphers/aes');
const { sha512 } = await import('@noble/hashes/sha2');
const { decryptSops } = await import('sops-age');

const SOPS_VERSION = '3.9.4';
const DEFAULT_UNENCRYPTED_SUFFIX = '_unencrypted';
const IV_BYTES = 32; // sops uses a 256-bit GCM nonce
const TAG_BYTES = 16;
// Prefix hashed first when mac_only_encrypted is set (fixed by sops).
const MAC_ONLY_ENCRYPTED_INIT = Uint8Array.from([
    0x8a, 0x3f, 0xd2, 0xad, 0x54, 0xce, 0x66, 0x52, 0x7b, 0x10, 0x34, 0xf3, 0xd1, 0x47, 0xbe, 0x0b,
    0x0b, 0x97, 0x5b, 0x3b, 0xf4, 0x4f, 0x72, 0xc6, 0xfd, 0xad, 0xec, 0x81, 0x76, 0xf2, 0x7d, 0x69,
]);
const ENC_RE = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]/;
const PARSE_OPTIONS = { intAsBigInt: true, uniqueKeys: true };
const STRINGIFY_OPTIONS = { indent: 4, lineWidth: 0, minContentWidth: 0 };

class Failure extends Error {}

function fail(message) {
    throw new Failure(message);
}

// ---------------------------------------------------------------- tree

// The document as sops sees it: maps are ordered lists of [key, value],
// lists are arrays, leaves are string | bigint (int) | number (float) |
// boolean | null. Aliases are resolved, comments dropped.
class TreeMap {
    constructor(entries = []) {
        this.entries = entries;
    }
}

function nodeToTree(node, doc, where) {
    if (YAML.isAlias(node)) {
        return nodeToTree(node.resolve(doc), doc, where);
    }
    if (YAML.isMap(node)) {
        const entries = [];
        for (const pair of node.items) {
            const key = YAML.isScalar(pair.key) ? pair.key.value : pair.key;
            if (typeof key !== 'string') {
                fail(`non-string key under ${where || 'the top level'}: only string keys are supported`);
            }
            entries.push([key, pair.value === null ? null : nodeToTree(pair.value, doc, `${where}${key}:`)]);
        }
        return new TreeMap(entries);
    }
    if (YAML.isSeq(node)) {
        return node.items.map((item) => (item === null ? null : nodeToTree(item, doc, where)));
    }
    if (YAML.isScalar(node)) {
        const v = node.value;
        if (v === null || typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') {
            return v;
        }
        fail(`unsupported scalar at ${where}`);
    }
    fail(`unsupported YAML node at ${where}`);
}

function parseSingleDocument(text, file) {
    const docs = YAML.parseAllDocuments(text, PARSE_OPTIONS);
    if (!Array.isArray(docs)) {
        fail(`${file}: no YAML document`);
    }
    if (docs.length !== 1) {
        fail(`${file}: expected exactly one YAML document, found ${docs.length}`);
    }
    const doc = docs[0];
    if (doc.errors.length > 0) {
        fail(`${file}: invalid YAML: ${doc.errors[0].message}`);
    }
    if (doc.contents === null) {
        return new TreeMap();
    }
    if (!YAML.isMap(doc.contents)) {
        fail(`${file}: the top level of the document must be a mapping`);
    }
    return nodeToTree(doc.contents, doc, '');
}

function treeToNode(value) {
    if (value instanceof TreeMap) {
        const map = new YAML.YAMLMap();
        for (const [k, v] of value.entries) {
            map.items.push(new YAML.Pair(new YAML.Scalar(k), treeToNode(v)));
        }
        return map;
    }
    if (Array.isArray(value)) {
        const seq = new YAML.YAMLSeq();
        for (const v of value) {
            seq.items.push(treeToNode(v));
        }
        return seq;
    }
    if (value instanceof YAML.Scalar) {
        return value;
    }
    return new YAML.Scalar(value);
}

function stringifyTree(tree) {
    const doc = new YAML.Document(null, PARSE_OPTIONS);
    doc.contents = treeToNode(tree);
    return doc.toString(STRINGIFY_OPTIONS);
}

// Visits the leaves in sops's walk order; `path` holds only map keys (list
// items keep the path of their list). Null leaves are skipped, as in sops.
function walkLeaves(value, path, visit) {
    if (value instanceof TreeMap) {
        for (const entry of value.entries) {
            entry[1] = walkLeaves(entry[1], [...path, entry[0]], visit);
        }
        return value;
    }
    if (Array.isArray(value)) {
        return value.map((v) => walkLeaves(v, path, visit));
    }
    if (value === null) {
        return null;
    }
    return visit(value, path);
}

// ---------------------------------------------------------------- values

// Go's strconv.FormatFloat(f, 'f', -1, 64): shortest round-trip digits,
// never an exponent.
function formatFloat(f) {
    if (Number.isNaN(f)) {
        return 'NaN';
    }
    if (f === Infinity) {
        return '+Inf';
    }
    if (f === -Infinity) {
        return '-Inf';
    }
    if (Object.is(f, -0)) {
        return '-0';
    }
    const sign = f < 0 ? '-' : '';
    const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(f).toExponential());
    const digits = m[1] + (m[2] || '');
    const point = Number(m[3]) + 1; // position of the decimal point in digits
    let out;
    if (point <= 0) {
        out = `0.${'0'.repeat(-point)}${digits}`;
    } else if (point >= digits.length) {
        out = digits + '0'.repeat(point - digits.length);
    } else {
        out = `${digits.slice(0, point)}.${digits.slice(point)}`;
    }
    return sign + out;
}

// sops's type name and byte form of a leaf (sops.ToBytes / the AES cipher).
function typedBytes(value) {
    switch (typeof value) {
        case 'string':
            return ['str', value];
        case 'bigint':
            return ['int', value.toString()];
        case 'number':
            return ['float', formatFloat(value)];
        case 'boolean':
            return ['bool', value ? 'True' : 'False'];
        default:
            fail(`cannot encode a value of type ${typeof value}`);
    }
}

// Parses decrypted bytes as sops does for the given type.
function fromTyped(type, text, where) {
    switch (type) {
        case 'str':
            return text;
        case 'int':
            if (!/^[+-]?\d+$/.test(text)) {
                fail(`${where}: bad int value`);
            }
            return BigInt(text);
        case 'float': {
            const special = { NaN: NaN, '+Inf': Infinity, Inf: Infinity, '-Inf': -Infinity };
            if (text in special) {
                return special[text];
            }
            const f = Number(text);
            if (text.trim() === '' || Number.isNaN(f)) {
                fail(`${where}: bad float value`);
            }
            return f;
        }
        case 'bool': {
            const t = ['1', 't', 'T', 'TRUE', 'true', 'True'];
            const f = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
            if (t.includes(text)) {
                return true;
            }
            if (f.includes(text)) {
                return false;
            }
            fail(`${where}: bad bool value`);
        }
        default:
            fail(`${where}: unsupported value type "${type}"`);
    }
}

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function b64(bytes) {
    return Buffer.from(bytes).toString('base64');
}

function unb64(text, what, where) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
        fail(`${where}: ${what} is not valid base64`);
    }
    return new Uint8Array(Buffer.from(text, 'base64'));
}

function aesEncrypt(key, type, text, aad) {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = gcm(key, iv, utf8.encode(aad)).encrypt(utf8.encode(text));
    const data = sealed.subarray(0, sealed.length - TAG_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    return `ENC[AES256_GCM,data:${b64(data)},iv:${b64(iv)},tag:${b64(tag)},type:${type}]`;
}

// Returns [type, plaintext string].
function aesDecrypt(key, value, aad, where) {
    const m = ENC_RE.exec(value);
    if (!m) {
        fail(`${where}: value is not in sops's ENC[AES256_GCM,...] format`);
    }
    const data = unb64(m[1], 'data', where);
    const iv = unb64(m[2], 'iv', where);
    const tag = unb64(m[3], 'tag', where);
    if (iv.length === 0 || tag.length !== TAG_BYTES) {
        fail(`${where}: bad iv or tag length`);
    }
    const sealed = new Uint8Array(data.length + tag.length);
    sealed.set(data);
    sealed.set(tag, data.length);
    let plain;
    try {
        plain = gcm(key, iv, utf8.encode(aad)).decrypt(sealed);
    } catch (e) {
        fail(`${where}: AES-GCM authentication failed (wrong data key, tampered value or wrong path)`);
    }
    try {
        return [m[4], utf8Strict.decode(plain)];
    } catch (e) {
        fail(`${where}: decrypted value is not UTF-8`);
    }
}

// ---------------------------------------------------------------- rules

function makeRules(meta) {
    const given = ['unencrypted_suffix', 'encrypted_suffix', 'unencrypted_regex', 'encrypted_regex'].filter(
        (k) => typeof meta[k] === 'string' && meta[k] !== ''
    );
    if (given.length > 1) {
        fail(`only one of ${given.join(', ')} may be set`);
    }
    for (const k of ['unencrypted_comment_regex', 'encrypted_comment_regex']) {
        if (meta[k]) {
            fail(`${k} is not supported by this tool`);
        }
    }
    const re = (r) => {
        try {
            return new RegExp(r);
        } catch (e) {
            fail(`invalid regular expression ${JSON.stringify(r)}: ${e.message}`);
        }
    };
    // Same order of checks as sops's shouldBeEncrypted; path holds map keys.
    return (path) => {
        let encrypted = true;
        if (meta.unencrypted_suffix && path.some((p) => p.endsWith(meta.unencrypted_suffix))) {
            encrypted = false;
        }
        if (meta.encrypted_suffix) {
            encrypted = path.some((p) => p.endsWith(meta.encrypted_suffix));
        }
        if (meta.unencrypted_regex && path.some((p) => re(meta.unencrypted_regex).test(p))) {
            encrypted = false;
        }
        if (meta.encrypted_regex) {
            const r = re(meta.encrypted_regex);
            encrypted = path.some((p) => r.test(p));
        }
        return encrypted;
    };
}

function aadOf(path) {
    return `${path.join(':')}:`;
}

function macInit(macOnlyEncrypted) {
    const h = sha512.create();
    if (macOnlyEncrypted) {
        h.update(MAC_ONLY_ENCRYPTED_INIT);
    }
    return h;
}

function hexUpper(bytes) {
    return Buffer.from(bytes).toString('hex').toUpperCase();
}

// Go's time.Parse(RFC3339) + Format(RFC3339): drops fractional seconds and
// writes a zero offset as Z. That string is the MAC's additional data.
function lastModifiedAad(text) {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
    if (!m) {
        fail(`sops.lastmodified ${JSON.stringify(text)} is not an RFC 3339 time`);
    }
    const zone = m[3].toUpperCase() === 'Z' || /^[+-]00:00$/.test(m[3]) ? 'Z' : m[3];
    return m[1].toUpperCase() + zone;
}

// ---------------------------------------------------------------- commands

function parseArgs(argv, spec) {
    const out = { positional: [] };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (!a.startsWith('--')) {
            out.positional.push(a);
            continue;
        }
        const name = a.slice(2);
        if (!(name in spec)) {
            fail(`unknown option ${a}`);
        }
        if (spec[name] === 'flag') {
            out[name] = true;
            continue;
        }
        if (i + 1 >= argv.length) {
            fail(`option ${a} needs a value`);
        }
        const v = argv[++i];
        if (spec[name] === 'list') {
            (out[name] ||= []).push(v);
        } else if (name in out) {
            fail(`option ${a} given twice`);
        } else {
            out[name] = v;
        }
    }
    return out;
}

async function readText(file) {
    try {
        return await readFile(file, 'utf8');
    } catch (e) {
        fail(`cannot read ${file}: ${e.code || e.message}`);
    }
}

async function encryptCommand(argv) {
    const args = parseArgs(argv, {
        recipient: 'list',
        'encrypted-regex': 'value',
        'unencrypted-regex': 'value',
        'encrypted-suffix': 'value',
        'unencrypted-suffix': 'value',
        'mac-only-encrypted': 'flag',
    });
    if (args.positional.length !== 1) {
        fail('encrypt needs exactly one FILE');
    }
    if (!args.recipient) {
        fail('encrypt needs at least one --recipient age1...');
    }
    const file = args.positional[0];
    const tree = parseSingleDocument(await readText(file), file);
    if (tree.entries.some(([k]) => k === 'sops')) {
        fail(`${file}: already has a top-level "sops" key`);
    }

    const meta = {
        unencrypted_suffix: args['unencrypted-suffix'],
        encrypted_suffix: args['encrypted-suffix'],
        unencrypted_regex: args['unencrypted-regex'],
        encrypted_regex: args['encrypted-regex'],
    };
    if (!Object.values(meta).some((v) => v !== undefined)) {
        meta.unencrypted_suffix = DEFAULT_UNENCRYPTED_SUFFIX;
    }
    const macOnlyEncrypted = !!args['mac-only-encrypted'];
    const shouldEncrypt = makeRules(meta);

    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const hash = macInit(macOnlyEncrypted);
    walkLeaves(tree, [], (value, path) => {
        const encrypted = shouldEncrypt(path);
        const [type, text] = typedBytes(value);
        if (!macOnlyEncrypted || encrypted) {
            hash.update(utf8.encode(text));
        }
        if (!encrypted) {
            return value;
        }
        // sops leaves empty strings empty
        return type === 'str' && text === '' ? '' : aesEncrypt(dataKey, type, text, aadOf(path));
    });

    const lastModified = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const mac = aesEncrypt(dataKey, 'str', hexUpper(hash.digest()), lastModified);

    const ageEntries = [];
    for (const recipient of args.recipient) {
        const e = new age.Encrypter();
        try {
            e.addRecipient(recipient);
        } catch (err) {
            fail(`bad recipient ${JSON.stringify(recipient)}: ${err.message}`);
        }
        const enc = new YAML.Scalar(age.armor.encode(await e.encrypt(dataKey)));
        enc.type = 'BLOCK_LITERAL';
        ageEntries.push(new TreeMap([['recipient', recipient], ['enc', enc]]));
    }

    // Field order of the metadata struct written by sops 3.9 to 3.12.
    const lm = new YAML.Scalar(lastModified);
    lm.type = 'QUOTE_DOUBLE';
    const sops = [['age', ageEntries], ['lastmodified', lm], ['mac', mac]];
    for (const k of ['unencrypted_suffix', 'encrypted_suffix', 'unencrypted_regex', 'encrypted_regex']) {
        if (meta[k] !== undefined) {
            sops.push([k, meta[k]]);
        }
    }
    if (macOnlyEncrypted) {
        sops.push(['mac_only_encrypted', true]);
    }
    sops.push(['version', SOPS_VERSION]);
    tree.entries.push(['sops', new TreeMap(sops)]);
    process.stdout.write(stringifyTree(tree));
}

function readIdentities(text, file) {
    const keys = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
    if (keys.length === 0) {
        fail(`${file}: no AGE-SECRET-KEY-1 line`);
    }
    return keys;
}

function treeGet(map, key) {
    const e = map instanceof TreeMap ? map.entries.find(([k]) => k === key) : undefined;
    return e ? e[1] : undefined;
}

async function unwrapDataKey(sops, identities) {
    const entries = treeGet(sops, 'age');
    if (!Array.isArray(entries) || entries.length === 0) {
        fail('sops.age lists no recipients');
    }
    const d = new age.Decrypter();
    for (const k of identities) {
        d.addIdentity(k);
    }
    for (const entry of entries) {
        const enc = treeGet(entry, 'enc');
        if (typeof enc !== 'string') {
            continue;
        }
        try {
            const key = await d.decrypt(age.armor.decode(enc), 'uint8array');
            if (key.length !== 32) {
                fail('the age-wrapped data key is not 32 bytes');
            }
            return key;
        } catch (e) {
            if (e instanceof Failure) {
                throw e;
            }
        }
    }
    fail('no identity in the key file opens any sops.age data key (wrong key?)');
}

function sameValue(mine, theirs) {
    switch (typeof mine) {
        case 'bigint':
            return typeof theirs === 'number' && Number(mine) === theirs;
        case 'number':
            return typeof theirs === 'number' && (theirs === mine || (Number.isNaN(mine) && Number.isNaN(theirs)));
        default:
            return mine === theirs;
    }
}

function compareWithSopsAge(mine, theirs, where) {
    if (mine instanceof TreeMap) {
        if (typeof theirs !== 'object' || theirs === null || Array.isArray(theirs)) {
            fail(`sops-age and the verifier disagree at ${where || 'the top level'}`);
        }
        const keys = Object.keys(theirs);
        if (keys.length !== mine.entries.length) {
            fail(`sops-age and the verifier disagree on the keys under ${where || 'the top level'}`);
        }
        for (const [k, v] of mine.entries) {
            if (!Object.prototype.hasOwnProperty.call(theirs, k)) {
                fail(`sops-age result lacks key ${where}${k}`);
            }
            compareWithSopsAge(v, theirs[k], `${where}${k}:`);
        }
        return;
    }
    if (Array.isArray(mine)) {
        if (!Array.isArray(theirs) || theirs.length !== mine.length) {
            fail(`sops-age and the verifier disagree on the list at ${where}`);
        }
        mine.forEach((v, i) => compareWithSopsAge(v, theirs[i], where));
        return;
    }
    if (!sameValue(mine, theirs)) {
        fail(`sops-age and the verifier disagree on the value at ${where}`);
    }
}

// Decrypts every value of `tree` in place and checks the MAC as sops does:
// the plaintext bytes of the values, in tree order, hashed with SHA-512;
// compared with sops.mac, decrypted with lastmodified as additional data.
function verifyTree(tree, meta, dataKey) {
    const macOnlyEncrypted = meta.mac_only_encrypted === true || meta.mac_only_encrypted === 'true';
    const shouldEncrypt = makeRules(meta);
    const hash = macInit(macOnlyEncrypted);
    walkLeaves(tree, [], (value, path) => {
        const where = path.join(":");
        const encrypted = shouldEncrypt(path);
        let plain = value;
        if (encrypted) {
            if (typeof value !== 'string') {
                fail(`${where}: expected an encrypted string, found a ${typeof value}`);
            }
            if (value !== '') {
                const [type, t] = aesDecrypt(dataKey, value, aadOf(path), where);
                plain = fromTyped(type, t, where);
            }
        }
        if (!macOnlyEncrypted || encrypted) {
            hash.update(utf8.encode(typedBytes(plain)[1]));
        }
        return plain;
    });
    const computed = hexUpper(hash.digest());
    if (typeof meta.mac !== 'string' || meta.mac === '') {
        fail('sops.mac is missing');
    }
    if (typeof meta.lastmodified !== 'string') {
        fail('sops.lastmodified is missing');
    }
    let macType;
    let stored;
    try {
        [macType, stored] = aesDecrypt(dataKey, meta.mac, lastModifiedAad(meta.lastmodified), 'sops.mac');
    } catch (e) {
        fail(`cannot decrypt sops.mac (tampered mac or lastmodified?): ${e.message}`);
    }
    if (macType !== 'str') {
        fail('sops.mac is not a string value');
    }
    if (stored !== computed) {
        fail(`MAC mismatch: file has ${stored}, computed ${computed}`);
    }
}

// Splits the sops block off the top-level mapping.
function splitSops(tree, file) {
    const i = tree.entries.findIndex(([k]) => k === 'sops');
    if (i < 0 || !(tree.entries[i][1] instanceof TreeMap)) {
        fail(`${file}: no sops metadata mapping`);
    }
    const sops = tree.entries[i][1];
    tree.entries.splice(i, 1);
    return sops;
}

async function verifyCommand(argv) {
    const args = parseArgs(argv, { 'data-key-hex': 'value' });
    if (args.positional.length !== 1 || !/^[0-9a-fA-F]{64}$/.test(args['data-key-hex'] || '')) {
        fail('verify needs FILE and --data-key-hex <64 hex digits>');
    }
    const file = args.positional[0];
    const tree = parseSingleDocument(await readText(file), file);
    const sops = splitSops(tree, file);
    verifyTree(tree, Object.fromEntries(sops.entries), Uint8Array.from(Buffer.from(args['data-key-hex'], 'hex')));
    process.stdout.write(stringifyTree(tree));
}

async function decryptCommand(argv) {
    const args = parseArgs(argv, { identity: 'value' });
    if (args.positional.length !== 1) {
        fail('decrypt needs exactly one FILE');
    }
    if (!args.identity) {
        fail('decrypt needs --identity KEYFILE');
    }
    const file = args.positional[0];
    const text = await readText(file);
    const identities = readIdentities(await readText(args.identity), args.identity);

    const tree = parseSingleDocument(text, file);
    const sops = splitSops(tree, file);
    const meta = Object.fromEntries(sops.entries);

    // 1. Verify the MAC independently, decrypting every value on the way.
    const dataKey = await unwrapDataKey(sops, identities);
    verifyTree(tree, meta, dataKey);

    // 2. Decrypt with sops-age (which does not check the MAC).
    let theirs;
    let lastError;
    for (const secretKey of identities) {
        try {
            theirs = await decryptSops(text, { secretKey, fileType: 'yaml' });
            break;
        } catch (e) {
            lastError = e;
        }
    }
    if (theirs === undefined) {
        fail(`sops-age cannot decrypt ${file}: ${lastError.message.split('\n').join(' ')}`);
    }

    // 3. Both decoders must agree on every value.
    compareWithSopsAge(tree, theirs, '');
    process.stdout.write(stringifyTree(tree));
}

const usage = `usage:
  sops-interop.mjs decrypt FILE --identity KEYFILE
  sops-interop.mjs encrypt FILE --recipient age1... [--recipient age1...]
      [--encrypted-regex R | --unencrypted-regex R | --encrypted-suffix S | --unencrypted-suffix S]
      [--mac-only-encrypted]
  sops-interop.mjs verify FILE --data-key-hex HEX
`;

try {
    const [command, ...rest] = process.argv.slice(2);
    if (command === 'encrypt') {
        await encryptCommand(rest);
    } else if (command === 'decrypt') {
        await decryptCommand(rest);
    } else if (command === 'verify') {
        await verifyCommand(rest);
    } else {
        process.stderr.write(usage);
        process.exit(2);
    }
} catch (e) {
    const message = e instanceof Failure ? e.message : `unexpected error: ${e && e.message ? e.message : e}`;
    process.stderr.write(`sops-interop: ${message}\n`);
    process.exit(1);
}
