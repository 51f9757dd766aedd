<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Classification</name>
    <message>
        <source>Lives in a Kubernetes system namespace; K3s maintains it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A K3s addon manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chart installed by K3s&apos;s built-in Helm controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied by K3s from its server manifests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server&apos;s own Service, which it maintains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A namespace Kubernetes creates itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cluster node; it registers itself when K3s joins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API service registration the API server manages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in RBAC the API server bootstraps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A built-in priority class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API priority and fairness the API server maintains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helm&apos;s record of a release revision; Flux&apos;s helm-controller will keep its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owned by %1, which re-creates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints the endpoints controller writes for the Service of the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every namespace gets a default ServiceAccount automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster CA bundle published into every namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service account token the token controller fills in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event; events expire on their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lease a controller renews for leader election or heartbeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied by the Flux Kustomization %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed by the Flux HelmRelease %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled as managed by Helm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by the Helm release %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No manager found: created by hand (kubectl apply), so the migration must carry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helm record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>file %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no valid PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy-url of cluster &quot;%1&quot; is not an http, https or socks5 URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client certificate %1 expired on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an unencrypted PEM RSA or EC private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no context given and the kubeconfig sets no current-context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context &quot;%1&quot; not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context &quot;%1&quot; names cluster &quot;%2&quot;, which is not defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context &quot;%1&quot; names user &quot;%2&quot;, which is not defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot; has no server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server &quot;%1&quot; of cluster &quot;%2&quot; is not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate-authority-data of cluster &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS verification is off for cluster &quot;%1&quot;: the server&apos;s identity is not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user &quot;%1&quot; needs both a client certificate and a client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client-certificate-data of user &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client-key-data of user &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token file %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the exec plugin of user &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExecCredential</name>
    <message>
        <source>the exec plugin of user &quot;%1&quot; has an unsupported apiVersion &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exec plugin of user &quot;%1&quot; needs an interactive terminal, which Fluxdesk cannot offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start exec plugin &quot;%1&quot; of user &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; did not finish within %3 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; failed with exit code %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; printed an invalid ExecCredential: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind is not ExecCredential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiVersion &quot;%1&quot; does not match &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clientCertificateData and clientKeyData must come together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status has neither a token nor a client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expirationTimestamp &quot;%1&quot; is not RFC 3339</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Cli</name>
    <message>
        <source>Usage: fluxdesk-cli [--kubeconfig PATH] [--context NAME] [--snapshot PATH | --demo] [--json] COMMAND

Commands:
  contexts              list the kubeconfig&apos;s contexts, the current one marked &apos;*&apos;
  inventory --out DIR   write the roadmap&apos;s step-1 inventory files into DIR
  snapshot --out FILE   every listed object as one kind: List (.yaml or .json)
  releases              Helm releases: NAME NAMESPACE REVISION STATUS CHART VERSION APP-VERSION

Options:
  --kubeconfig PATH     kubeconfig file (default: $KUBECONFIG, ~/.kube/config, /etc/rancher/k3s/k3s.yaml)
  --context NAME        context to use (default: current-context)
  --snapshot PATH       read objects from a file or folder of kubectl -o yaml|json output
  --demo                use the built-in demo cluster
  --json                JSON output (contexts, releases; snapshot and inventory ignore it)
  -h, --help            show this help
  --version             show the version

Exit status: 0 success, 1 problems found, 2 bad input, usage or connection error, 130 interrupted.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; available commands: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unexpected argument &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--snapshot and --demo exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--snapshot needs a path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --out %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take --out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no kubeconfig found (looked at %1); pass --kubeconfig PATH, or try --demo for the built-in demo cluster or --snapshot PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kubeconfig sets no current-context; pass --context NAME (available: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context &quot;%1&quot; not found in %2 (available: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading: %1/%2 resource types, %3 objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted; nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>partial results: %n resource type(s) could not be listed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ClusterPane</name>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: name, kind or label=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words match object names and kinds; key=value matches a label (app=loki). Every word must match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show owned and generated objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list what K3s, controllers and Helm&apos;s release records own: the migration leaves those out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects shown: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ClusterSession</name>
    <message>
        <source>The kubeconfig sets no current-context; choose a context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 objects from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ClusterSource</name>
    <message>
        <source>current context (kubeconfig)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (kubeconfig)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ConnectionBar</name>
    <message>
        <source>&amp;Cluster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubeconfig context, the built-in demo cluster or a snapshot file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load every object of the chosen cluster (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A built-in homelab cluster to explore without a kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is not verified: anyone on the network path could read or change what Fluxdesk sees.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Discovery</name>
    <message>
        <source>The server sent malformed JSON for %1: expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent malformed JSON for %1: %2 at offset %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s /api lists no versions of the core API group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API resource list names no groupVersion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a list for %1 without an items array</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryExport</name>
    <message>
        <source>cannot create the folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryFilterModel</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects shown: %1; hidden by the filter: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryLoader</name>
    <message>
        <source>Discovery of /api failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery of /apis failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery of %1 failed, its objects are not loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 objects of %2 resource types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 types forbidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 types failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryModel</name>
    <message>
        <source>Cluster-scoped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects without a namespace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace %1, objects: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, objects: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Helm release: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who manages the object; hover over a badge for the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects below the row; &quot;3 of 8&quot; when the filter hides some</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::KubeClient</name>
    <message>
        <source>Connection refused by %1: is the API server running and is the port right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to %1 timed out after %2 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS failure: certificate verification of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS failure: the handshake with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was reset before the response was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection (a TLS client certificate rejected, or not an API server?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorized: the server rejected the credentials (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent malformed JSON for %1: %2 at offset %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::MainWindow</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an object in the cluster tree to see its live YAML here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading: types %1 of %2, objects %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Kubeconfig…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the &amp;Demo Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect / Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancel Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Owned and Generated Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Fluxdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lists no contexts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes objects (*.yaml *.yml *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A resource type that could not be listed, then the server&apos;s message
----------
Ownership badge, then the classification&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some resource types could not be listed; the rest of the cluster is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; objects loaded before stopping: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Status bar: why this source was chosen, then the load&apos;s result</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No object selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — Fluxdesk</source>
        <extracomment>Window title: cluster source, repository folder</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Fluxdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fluxdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Fluxdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Fluxdesk %1&lt;/h3&gt;&lt;p&gt;Move a hand-managed Kubernetes homelab into Flux GitOps.&lt;/p&gt;&lt;p&gt;YAML highlighting: %2&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Startup</name>
    <message>
        <source>The kubeconfig has no context named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig lists no contexts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the snapshot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the built-in demo cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kubeconfig found: showing the built-in demo cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig could not be used; pick a context, the demo cluster or a snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fluxdesk::YamlView</name>
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelmRelease</name>
    <message>
        <source>cannot initialise zlib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gzip data is corrupt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release decompresses to more than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gzip data is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release is larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helm release record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Helm release record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data.release is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Secret&apos;s data is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kubeconfig</name>
    <message>
        <source>&quot;%1&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry of &quot;%1&quot; is not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry of &quot;%1&quot; has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate name &quot;%1&quot; in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; of &quot;%2&quot; is not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; of &quot;%2&quot; is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exec plugin of user &quot;%1&quot; has no command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;exec&quot; of user &quot;%1&quot; is not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a kubeconfig must be a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the kubeconfig: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubeconfig file not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of the kubeconfig files exist: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>%1 is not a Kubernetes object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Yaml</name>
    <message>
        <source>document too large (alias expansion or size limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nesting too deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only scalar keys are supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary data (a NUL byte) in YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one YAML document, found %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Move a hand-managed Kubernetes homelab into Flux GitOps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the built-in demo cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read contexts from this kubeconfig file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to this context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a snapshot file or folder of kubectl output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Git checkout the plan will be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the chosen source, print a summary and exit (0 on success).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
