#!/usr/bin/env python3
"""Writes the compact schemas tests/helm/schemacheck reads, from Flux's CRDs.

Usage: extract-schema.py CRD_DIR [OUT_DIR] [--all]
  (CRD_DIR e.g. /work/shared/flux-crds: the CRDs of helm-controller v1.6.0, source-controller
  v1.9.0 and kustomize-controller v1.9.0; OUT_DIR defaults to this folder, the tests' set.
  --all also writes GitRepository, HelmChart and a core/v1 ConfigMap: the product's set in
  resources/flux-schema, which `fluxdesk-cli validate` and Repository > Validate check against:
  extract-schema.py /work/shared/flux-crds resources/flux-schema --all)

Each output keeps of the CRD's openAPIV3Schema what a structural check needs: type,
properties, required, enum, items, additionalProperties, pattern, min/maxLength, minimum,
maximum, format and the x-kubernetes-preserve-unknown-fields / x-kubernetes-int-or-string
markers. Descriptions, defaults and CEL rules are dropped, and so is status (generated objects
must not carry one). metadata, which a CRD leaves as a bare object, gets the ObjectMeta fields
manifests use, so a misspelt metadata field fails too.
"""
import os
import sys

import yaml

KEEP = {"type", "properties", "required", "enum", "items", "additionalProperties", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "format",
        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string"}

STRING_MAP = {"type": "object", "additionalProperties": {"type": "string"}}
OBJECT_META = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 253},
        "namespace": {"type": "string", "minLength": 1, "maxLength": 63},
        "labels": STRING_MAP,
        "annotations": STRING_MAP,
        "finalizers": {"type": "array", "items": {"type": "string"}},
    },
}

CRDS = {
    "helmrelease-v2.yaml": ("helm.toolkit.fluxcd.io_helmreleases.yaml", "v2"),
    "helmrepository-v1.yaml": ("source.toolkit.fluxcd.io_helmrepositories.yaml", "v1"),
    "ocirepository-v1.yaml": ("source.toolkit.fluxcd.io_ocirepositories.yaml", "v1"),
    "kustomization-v1.yaml": ("kustomize.toolkit.fluxcd.io_kustomizations.yaml", "v1"),
}

# Only in the product's set (--all): every Flux object a repository holds.
MORE_CRDS = {
    "gitrepository-v1.yaml": ("source.toolkit.fluxcd.io_gitrepositories.yaml", "v1"),
    "helmchart-v1.yaml": ("source.toolkit.fluxcd.io_helmcharts.yaml", "v1"),
}


# The core v1 Secret a credential move produces (from the Kubernetes API reference), so the
# check covers it too.
SECRET = {
    "group": "",
    "version": "v1",
    "kind": "Secret",
    "from": "Kubernetes API reference, core/v1 Secret",
    "schema": {
        "type": "object",
        "required": ["apiVersion", "kind", "metadata"],
        "properties": {
            "apiVersion": {"type": "string"},
            "kind": {"type": "string"},
            "metadata": OBJECT_META,
            "type": {"type": "string"},
            "immutable": {"type": "boolean"},
            "data": STRING_MAP,
            "stringData": STRING_MAP,
        },
    },
}


# The core v1 ConfigMap: data values must be strings after kustomize build (an unquoted
# 2024-04-01 or 5 is not).
CONFIGMAP = {
    "group": "",
    "version": "v1",
    "kind": "ConfigMap",
    "from": "Kubernetes API reference, core/v1 ConfigMap",
    "schema": {
        "type": "object",
        "required": ["apiVersion", "kind", "metadata"],
        "properties": {
            "apiVersion": {"type": "string"},
            "kind": {"type": "string"},
            "metadata": OBJECT_META,
            "immutable": {"type": "boolean"},
            "data": STRING_MAP,
            "binaryData": STRING_MAP,
        },
    },
}


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def write(path, doc, header):
    with open(path, "w") as f:
        f.write(header)
        yaml.dump(doc, f, Dumper=NoAliasDumper, sort_keys=False, width=100)


def compact(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key not in KEEP:
                continue
            if key == "properties":
                out[key] = {name: compact(sub) for name, sub in value.items()}
            elif isinstance(value, (dict, list)) and key not in ("required", "enum"):
                out[key] = compact(value)
            else:
                out[key] = value
        return out
    if isinstance(node, list):
        return [compact(item) for item in node]
    return node


def main():
    args = [a for a in sys.argv[1:] if a != "--all"]
    everything = "--all" in sys.argv[1:]
    crd_dir = args[0]
    here = args[1] if len(args) > 1 else os.path.dirname(os.path.abspath(__file__))
    crds = dict(CRDS, **MORE_CRDS) if everything else CRDS
    for target, (source, version) in crds.items():
        with open(os.path.join(crd_dir, source)) as f:
            crd = yaml.safe_load(f)
        spec = crd["spec"]
        served = [v for v in spec["versions"] if v["name"] == version][0]
        schema = compact(served["schema"]["openAPIV3Schema"])
        schema["properties"].pop("status", None)
        schema["properties"]["metadata"] = OBJECT_META
        schema["required"] = ["apiVersion", "kind", "metadata", "spec"]
        doc = {
            "group": spec["group"],
            "version": version,
            "kind": spec["names"]["kind"],
            "from": source,
            "schema": schema,
        }
        write(os.path.join(here, target), doc,
              "# Generated by extract-schema.py from %s (%s); do not edit.\n" % (source, version))
    write(os.path.join(here, "secret-v1.yaml"), SECRET,
          "# Generated by extract-schema.py (hand-written core/v1 Secret); do not edit.\n")
    if everything:
        write(os.path.join(here, "configmap-v1.yaml"), CONFIGMAP,
              "# Generated by extract-schema.py (hand-written core/v1 ConfigMap); do not edit.\n")


if __name__ == "__main__":
    main()
