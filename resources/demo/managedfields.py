"""The fieldsV1 sets of managedFields as the API server writes them, for generated clusters.

Shared by resources/demo/generate-demo-cluster.py (the built-in demo cluster) and
tests/data/k3s/generate-k3s-homelab.py (the K3s homelab fixture): both give every object the
managedFields a real API server would keep, built from the object's own fields.
"""
import copy
import json

# Structs that are Go values (not pointers) in the built-in types: they exist in the zero object,
# so a create does not add them and the field set has no "." for them.
VALUE_STRUCTS = {"metadata", "spec", "status", "template", "strategy", "updateStrategy",
                 "resources", "roleRef", "names", "nodeInfo", "daemonEndpoints",
                 "kubeletEndpoint", "loadBalancer", "acceptedNames", "priorityLevelConfiguration",
                 "limitResponse"}
KEYED = {"containers": ("name",), "initContainers": ("name",), "env": ("name",),
         "volumeMounts": ("mountPath",), "volumes": ("name",), "conditions": ("type",),
         "imagePullSecrets": ("name",), "podIPs": ("ip",),
         "topologySpreadConstraints": ("topologyKey", "whenUnsatisfiable"),
         "addresses": ("type",), "listeners": ("name",)}
SETS = {"finalizers", "podCIDRs"}
ATOMIC_STRUCTS = {"roleRef", "selector"}
CR_KEYED = {"conditions": ("type",), "listeners": ("name",)}


def _key(item, keys):
    return "k:" + json.dumps({k: item[k] for k in keys}, sort_keys=True, separators=(",", ":"))


def fields(node, cr=False, key=None, root=True, apply=False):
    """The FieldsV1 set for a value, as structured-merge-diff serialises it.

    cr: False for built-in types; True for custom resources whose schema keys conditions and
    listeners; "atomic" for custom resources whose lists are all atomic. apply: the set of a
    server-side Apply, which names leaves and list items but never a map's or struct's "."."""
    if isinstance(node, dict):
        if not node or (not cr and not root and key in ATOMIC_STRUCTS):
            return {}
        out = {}
        if not root and not apply and (key not in VALUE_STRUCTS if not cr else key != "metadata"):
            out["."] = {}
        for k, v in node.items():
            out["f:" + k] = fields(v, cr, k, False, apply)
        return out
    if isinstance(node, list):
        if not node:
            return {}
        head = {} if apply else {".": {}}
        if key == "ownerReferences":
            out = dict(head)
            for item in node:
                out[_key(item, ("uid",))] = {}
            return out
        if key in SETS and (not cr or key == "finalizers"):
            out = dict(head)
            for item in node:
                out["v:" + json.dumps(item)] = {}
            return out
        keys = (CR_KEYED if cr is True else {} if cr else KEYED).get(key)
        if key == "ports" and not cr and isinstance(node[0], dict):
            keys = ("containerPort", "protocol") if "containerPort" in node[0] else \
                ("port", "protocol")
        if not keys:
            return {}
        out = dict(head)
        for item in node:
            sub = {".": {}}
            for k, v in item.items():
                sub["f:" + k] = fields(v, cr, k, False, apply)
            out[_key(item, keys)] = sub
        return out
    return {}


META_OWNED = ("labels", "annotations", "ownerReferences", "finalizers", "generateName")


def owned_view(obj, drop=(), keep_status=False):
    """What a creating Update owns: the object minus identity, server fields and status."""
    o = {}
    for k, v in obj.items():
        if k in ("apiVersion", "kind"):
            continue
        if k == "status" and not keep_status:
            continue
        if k == "metadata":
            m = {mk: copy.deepcopy(v[mk]) for mk in META_OWNED if mk in v}
            if m:
                o["metadata"] = m
            continue
        o[k] = copy.deepcopy(v)
    for path in drop:
        _drop(o, path)
    return o


def _drop(d, path):
    cur = d
    for p in path[:-1]:
        if isinstance(cur, dict) and p in cur:
            cur = cur[p]
        else:
            return
    if isinstance(cur, dict):
        cur.pop(path[-1], None)
        # an emptied map or struct leaves its parent as it was
    _prune(d, path[:-1])


def _prune(d, path):
    if not path:
        return
    cur = d
    for p in path[:-1]:
        cur = cur.get(p, {})
    if isinstance(cur.get(path[-1]), dict) and not cur[path[-1]] and path[-1] in (
            "annotations", "labels"):
        del cur[path[-1]]
        _prune(d, path[:-1])


def pick(obj, *paths):
    """A view holding only the given paths of obj (for status writers and partial owners)."""
    out = {}
    for path in paths:
        src = obj
        for p in path:
            src = src[p]
        cur = out
        for p in path[:-1]:
            cur = cur.setdefault(p, {})
        cur[path[-1]] = copy.deepcopy(src)
    return out


def mf(manager, time, view, api, op="Update", sub=None, cr=False):
    e = {"apiVersion": api, "fieldsType": "FieldsV1",
         "fieldsV1": fields(view, cr, apply=(op == "Apply")),
         "manager": manager, "operation": op, "time": time}
    if sub:
        e["subresource"] = sub
    return e


def merge_fields(a, b):
    out = copy.deepcopy(a)
    for k, v in b.items():
        out[k] = merge_fields(out[k], v) if k in out else copy.deepcopy(v)
    return out


def merge_managed(entries):
    """The server keeps one entry per manager, operation and subresource."""
    by = {}
    for e in entries:
        k = (e["manager"], e["operation"], e.get("subresource", ""))
        if k in by:
            old = by[k]
            merged = merge_fields(old["fieldsV1"], e["fieldsV1"])
            newer = e if e["time"] >= old["time"] else old
            by[k] = dict(newer, fieldsV1=merged)
        else:
            by[k] = e
    return [e for e in by.values() if e["fieldsV1"]]


def strip_dots(f, seen):
    """An Update that adds to a map or list item that already existed does not own its "."."""
    out = {}
    for k, v in f.items():
        if k == "." and seen is not None:
            continue
        out[k] = strip_dots(v, seen.get(k) if isinstance(seen, dict) else None)
    return out


def finalize_managed(entries):
    """entries[0] created the object; later Updates own only what they added."""
    creator, rest = entries[0], sorted(entries[1:], key=lambda e: e["time"])
    seen = creator["fieldsV1"]
    out = [creator]
    for e in rest:
        if e["operation"] == "Update":
            e = dict(e, fieldsV1=strip_dots(e["fieldsV1"], seen))
        seen = merge_fields(seen, e["fieldsV1"])
        out.append(e)
    return sort_managed(out)


def sort_managed(entries):
    """In the order the API server keeps them: Apply before Update, then by time, manager,
    apiVersion and subresource."""
    entries = merge_managed(entries)
    return sorted(entries, key=lambda e: (e["operation"], e["time"], e["manager"],
                                          e["apiVersion"], e.get("subresource", "")))
