<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Classification</name>
    <message>
        <source>Lives in a Kubernetes system namespace; K3s maintains it.</source>
        <translation>Liegt in einem Kubernetes-System-Namespace; K3s verwaltet es.</translation>
    </message>
    <message>
        <source>A K3s addon manifest.</source>
        <translation>Ein K3s-Addon-Manifest.</translation>
    </message>
    <message>
        <source>A chart installed by K3s&apos;s built-in Helm controller.</source>
        <translation>Ein Chart, das der eingebaute Helm-Controller von K3s installiert hat.</translation>
    </message>
    <message>
        <source>Applied by K3s from its server manifests.</source>
        <translation>Von K3s aus seinen Server-Manifesten angewendet.</translation>
    </message>
    <message>
        <source>The API server&apos;s own Service, which it maintains.</source>
        <translation>Der eigene Service des API-Servers, den dieser selbst verwaltet.</translation>
    </message>
    <message>
        <source>A namespace Kubernetes creates itself.</source>
        <translation>Ein Namespace, den Kubernetes selbst anlegt.</translation>
    </message>
    <message>
        <source>A cluster node; it registers itself when K3s joins.</source>
        <translation>Ein Cluster-Node; er registriert sich selbst, wenn K3s beitritt.</translation>
    </message>
    <message>
        <source>An API service registration the API server manages.</source>
        <translation>Eine APIService-Registrierung, die der API-Server verwaltet.</translation>
    </message>
    <message>
        <source>Built-in RBAC the API server bootstraps.</source>
        <translation>Eingebautes RBAC, das der API-Server beim Start anlegt.</translation>
    </message>
    <message>
        <source>A built-in priority class.</source>
        <translation>Eine eingebaute PriorityClass.</translation>
    </message>
    <message>
        <source>API priority and fairness the API server maintains.</source>
        <translation>API Priority and Fairness, vom API-Server verwaltet.</translation>
    </message>
    <message>
        <source>Helm&apos;s record of a release revision; Flux&apos;s helm-controller will keep its own.</source>
        <translation>Helms Eintrag einer Release-Revision; der helm-controller von Flux führt einen eigenen.</translation>
    </message>
    <message>
        <source>Owned by %1, which re-creates it.</source>
        <translation>Gehört zu %1, wird von dort neu erstellt.</translation>
    </message>
    <message>
        <source>Endpoints the endpoints controller writes for the Service of the same name.</source>
        <translation>Endpoints, die der Endpoints-Controller für den gleichnamigen Service schreibt.</translation>
    </message>
    <message>
        <source>Every namespace gets a default ServiceAccount automatically.</source>
        <translation>Jeder Namespace erhält automatisch einen Standard-ServiceAccount.</translation>
    </message>
    <message>
        <source>The cluster CA bundle published into every namespace.</source>
        <translation>Das CA-Bundle des Clusters, das in jedem Namespace veröffentlicht wird.</translation>
    </message>
    <message>
        <source>A service account token the token controller fills in.</source>
        <translation>Ein ServiceAccount-Token, das der Token-Controller befüllt.</translation>
    </message>
    <message>
        <source>An event; events expire on their own.</source>
        <translation>Ein Event; Events laufen von selbst ab.</translation>
    </message>
    <message>
        <source>A lease a controller renews for leader election or heartbeats.</source>
        <translation>Ein Lease, das ein Controller für die Leader-Election oder Heartbeats erneuert.</translation>
    </message>
    <message>
        <source>Applied by the Flux Kustomization %1.</source>
        <translation>Von der Flux-Kustomization %1 angewendet.</translation>
    </message>
    <message>
        <source>Installed by the Flux HelmRelease %1.</source>
        <translation>Vom Flux-HelmRelease %1 installiert.</translation>
    </message>
    <message>
        <source>Labelled as managed by Helm.</source>
        <translation>Per Label als von Helm verwaltet gekennzeichnet.</translation>
    </message>
    <message>
        <source>Created by the Helm release %1.</source>
        <translation>Vom Helm-Release %1 erstellt.</translation>
    </message>
    <message>
        <source>No manager found: created by hand (kubectl apply), so the migration must carry it.</source>
        <translation>Keine verwaltende Instanz gefunden: von Hand erstellt (kubectl apply), daher muss die Migration es übernehmen.</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Helm</source>
        <translation>Helm</translation>
    </message>
    <message>
        <source>Helm record</source>
        <translation>Helm-Eintrag</translation>
    </message>
    <message>
        <source>Flux</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Untergeordnet</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generiert</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>file %1 not found</source>
        <translation>Datei %1 nicht gefunden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no valid PEM certificate</source>
        <translation>%1 enthält kein gültiges PEM-Zertifikat</translation>
    </message>
    <message>
        <source>proxy-url of cluster &quot;%1&quot; is not an http, https or socks5 URL</source>
        <translation>proxy-url von Cluster &quot;%1&quot; ist keine http-, https- oder socks5-URL</translation>
    </message>
    <message>
        <source>the client certificate %1 expired on %2</source>
        <translation>das Client-Zertifikat (%1) ist am %2 abgelaufen</translation>
    </message>
    <message>
        <source>%1 is not an unencrypted PEM RSA or EC private key</source>
        <translation>%1 ist kein unverschlüsselter privater RSA- oder EC-Schlüssel im PEM-Format</translation>
    </message>
    <message>
        <source>no context given and the kubeconfig sets no current-context</source>
        <translation>kein Kontext angegeben, und die Kubeconfig setzt keinen current-context</translation>
    </message>
    <message>
        <source>context &quot;%1&quot; not found</source>
        <translation>Kontext &quot;%1&quot; nicht gefunden</translation>
    </message>
    <message>
        <source>context &quot;%1&quot; names cluster &quot;%2&quot;, which is not defined</source>
        <translation>Kontext &quot;%1&quot; verweist auf Cluster &quot;%2&quot;, der nicht definiert ist</translation>
    </message>
    <message>
        <source>context &quot;%1&quot; names user &quot;%2&quot;, which is not defined</source>
        <translation>Kontext &quot;%1&quot; verweist auf Benutzer &quot;%2&quot;, der nicht definiert ist</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot; has no server</source>
        <translation>Cluster &quot;%1&quot; hat keinen Server</translation>
    </message>
    <message>
        <source>server &quot;%1&quot; of cluster &quot;%2&quot; is not an http or https URL</source>
        <translation>Server &quot;%1&quot; von Cluster &quot;%2&quot; ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>certificate-authority-data of cluster &quot;%1&quot;</source>
        <translation>certificate-authority-data von Cluster &quot;%1&quot;</translation>
    </message>
    <message>
        <source>TLS verification is off for cluster &quot;%1&quot;: the server&apos;s identity is not checked</source>
        <translation>TLS-Prüfung ist für Cluster &quot;%1&quot; abgeschaltet: Die Identität des Servers wird nicht geprüft</translation>
    </message>
    <message>
        <source>user &quot;%1&quot; needs both a client certificate and a client key</source>
        <translation>Benutzer &quot;%1&quot; benötigt sowohl ein Client-Zertifikat als auch einen Client-Schlüssel</translation>
    </message>
    <message>
        <source>client-certificate-data of user &quot;%1&quot;</source>
        <translation>client-certificate-data von Benutzer &quot;%1&quot;</translation>
    </message>
    <message>
        <source>client-key-data of user &quot;%1&quot;</source>
        <translation>client-key-data von Benutzer &quot;%1&quot;</translation>
    </message>
    <message>
        <source>token file %1 is empty</source>
        <translation>Token-Datei %1 ist leer</translation>
    </message>
    <message>
        <source>from the exec plugin of user &quot;%1&quot;</source>
        <translation>Ausgabe des Exec-Plugins von Benutzer &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ExecCredential</name>
    <message>
        <source>the exec plugin of user &quot;%1&quot; has an unsupported apiVersion &quot;%2&quot;</source>
        <translation>das Exec-Plugin von Benutzer &quot;%1&quot; hat eine nicht unterstützte apiVersion &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the exec plugin of user &quot;%1&quot; needs an interactive terminal, which Fluxdesk cannot offer</source>
        <translation>das Exec-Plugin von Benutzer &quot;%1&quot; benötigt ein interaktives Terminal, das Fluxdesk nicht bieten kann</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; was not found</source>
        <translation>Exec-Plugin &quot;%1&quot; von Benutzer &quot;%2&quot; wurde nicht gefunden</translation>
    </message>
    <message>
        <source>cannot start exec plugin &quot;%1&quot; of user &quot;%2&quot;: %3</source>
        <translation>Exec-Plugin &quot;%1&quot; von Benutzer &quot;%2&quot; kann nicht gestartet werden: %3</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; did not finish within %3 seconds</source>
        <translation>Exec-Plugin &quot;%1&quot; von Benutzer &quot;%2&quot; wurde nicht innerhalb von %3 Sekunden beendet</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; failed with exit code %3: %4</source>
        <translation>Exec-Plugin &quot;%1&quot; von Benutzer &quot;%2&quot; ist mit Exit-Code %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; of user &quot;%2&quot; printed an invalid ExecCredential: %3</source>
        <translation>Exec-Plugin &quot;%1&quot; von Benutzer &quot;%2&quot; hat ein ungültiges ExecCredential ausgegeben: %3</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>kind is not ExecCredential</source>
        <translation>kind ist nicht ExecCredential</translation>
    </message>
    <message>
        <source>apiVersion &quot;%1&quot; does not match &quot;%2&quot;</source>
        <translation>apiVersion &quot;%1&quot; stimmt nicht mit &quot;%2&quot; überein</translation>
    </message>
    <message>
        <source>clientCertificateData and clientKeyData must come together</source>
        <translation>clientCertificateData und clientKeyData müssen gemeinsam angegeben werden</translation>
    </message>
    <message>
        <source>status has neither a token nor a client certificate</source>
        <translation>status enthält weder ein Token noch ein Client-Zertifikat</translation>
    </message>
    <message>
        <source>expirationTimestamp &quot;%1&quot; is not RFC 3339</source>
        <translation>expirationTimestamp &quot;%1&quot; entspricht nicht RFC 3339</translation>
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
        <translation>Aufruf: fluxdesk-cli [--kubeconfig PATH] [--context NAME] [--snapshot PATH | --demo] [--json] COMMAND

Befehle:
  contexts              die Kontexte der Kubeconfig auflisten, der aktuelle ist mit &apos;*&apos; markiert
  inventory --out DIR   die Inventardateien aus Schritt 1 der Roadmap in DIR schreiben
  snapshot --out FILE   alle aufgelisteten Objekte als eine einzige kind: List (.yaml oder .json)
  releases              Helm-Releases: NAME NAMESPACE REVISION STATUS CHART VERSION APP-VERSION

Optionen:
  --kubeconfig PATH     Kubeconfig-Datei (Standard: $KUBECONFIG, ~/.kube/config, /etc/rancher/k3s/k3s.yaml)
  --context NAME        zu verwendender Kontext (Standard: current-context)
  --snapshot PATH       Objekte aus einer Datei oder einem Ordner mit Ausgaben von kubectl -o yaml|json lesen
  --demo                den eingebauten Demo-Cluster verwenden
  --json                JSON-Ausgabe (contexts, releases; snapshot und inventory ignorieren sie)
  -h, --help            diese Hilfe anzeigen
  --version             die Version anzeigen

Exit-Status: 0 Erfolg, 1 Probleme gefunden, 2 ungültige Eingabe, Aufruf- oder Verbindungsfehler, 130 abgebrochen.
</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; available commands: %2</source>
        <translation>unbekannter Befehl &quot;%1&quot;; verfügbare Befehle: %2</translation>
    </message>
    <message>
        <source>%1: unexpected argument &quot;%2&quot;</source>
        <translation>%1: unerwartetes Argument &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--snapshot and --demo exclude each other</source>
        <translation>--snapshot und --demo schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>--snapshot needs a path</source>
        <translation>--snapshot benötigt einen Pfad</translation>
    </message>
    <message>
        <source>%1 needs --out %2</source>
        <translation>%1 benötigt --out %2</translation>
    </message>
    <message>
        <source>%1 does not take --out</source>
        <translation>%1 akzeptiert kein --out</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei existiert nicht</translation>
    </message>
    <message>
        <source>no kubeconfig found (looked at %1); pass --kubeconfig PATH, or try --demo for the built-in demo cluster or --snapshot PATH</source>
        <translation>keine Kubeconfig gefunden (gesucht in %1); geben Sie --kubeconfig PATH an oder versuchen Sie --demo für den eingebauten Demo-Cluster bzw. --snapshot PATH</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>the kubeconfig sets no current-context; pass --context NAME (available: %1)</source>
        <translation>die Kubeconfig setzt keinen current-context; geben Sie --context NAME an (verfügbar: %1)</translation>
    </message>
    <message>
        <source>context &quot;%1&quot; not found in %2 (available: %3)</source>
        <translation>Kontext &quot;%1&quot; nicht in %2 gefunden (verfügbar: %3)</translation>
    </message>
    <message>
        <source>loading: %1/%2 resource types, %3 objects</source>
        <translation>wird geladen: %1/%2 Ressourcentypen, %3 Objekte</translation>
    </message>
    <message>
        <source>interrupted; nothing written</source>
        <translation>abgebrochen; nichts geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>partial results: %n resource type(s) could not be listed</source>
        <translation>
            <numerusform>Teilergebnis: %n Ressourcentyp konnte nicht aufgelistet werden</numerusform>
            <numerusform>Teilergebnis: %n Ressourcentypen konnten nicht aufgelistet werden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ClusterPane</name>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Filter: name, kind or label=value</source>
        <translation>Filter: Name, Kind oder Label=Wert</translation>
    </message>
    <message>
        <source>Words match object names and kinds; key=value matches a label (app=loki). Every word must match.</source>
        <translation>Wörter werden mit Objektnamen und Kinds abgeglichen; Schlüssel=Wert passt auf ein Label (app=loki). Jedes Wort muss passen.</translation>
    </message>
    <message>
        <source>Show owned and generated objects</source>
        <translation>Untergeordnete und generierte Objekte anzeigen</translation>
    </message>
    <message>
        <source>Also list what K3s, controllers and Helm&apos;s release records own: the migration leaves those out.</source>
        <translation>Auch auflisten, was K3s, Controllern und Helms Release-Einträgen gehört: Die Migration lässt diese Objekte aus.</translation>
    </message>
    <message>
        <source>Objects: %1</source>
        <translation>Objekte: %1</translation>
    </message>
    <message>
        <source>Objects shown: %1 of %2</source>
        <translation>Angezeigte Objekte: %1 von %2</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ClusterSession</name>
    <message>
        <source>The kubeconfig sets no current-context; choose a context</source>
        <translation>Die Kubeconfig setzt keinen current-context; wählen Sie einen Kontext</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Loaded %1 objects from %2</source>
        <translation>%1 Objekte aus %2 geladen</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ClusterSource</name>
    <message>
        <source>current context (kubeconfig)</source>
        <translation>aktueller Kontext (Kubeconfig)</translation>
    </message>
    <message>
        <source>%1 (kubeconfig)</source>
        <translation>%1 (Kubeconfig)</translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation>Demo-Cluster</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ConnectionBar</name>
    <message>
        <source>&amp;Cluster:</source>
        <translation>&amp;Cluster:</translation>
    </message>
    <message>
        <source>Kubeconfig context, the built-in demo cluster or a snapshot file</source>
        <translation>Kubeconfig-Kontext, der eingebaute Demo-Cluster oder eine Snapshot-Datei</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Load every object of the chosen cluster (F5)</source>
        <translation>Alle Objekte des gewählten Clusters laden (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>Laden stoppen (Esc)</translation>
    </message>
    <message>
        <source>%v of %m types</source>
        <translation>%v von %m Typen</translation>
    </message>
    <message>
        <source>Context %1 from %2</source>
        <translation>Kontext %1 aus %2</translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation>Demo-Cluster</translation>
    </message>
    <message>
        <source>A built-in homelab cluster to explore without a kubeconfig</source>
        <translation>Ein eingebauter Homelab-Cluster zum Ausprobieren ohne Kubeconfig</translation>
    </message>
    <message>
        <source>Snapshot: %1</source>
        <translation>Snapshot: %1</translation>
    </message>
    <message>
        <source>Open snapshot…</source>
        <translation>Snapshot öffnen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>The connection is not verified: anyone on the network path could read or change what Fluxdesk sees.</source>
        <translation>Die Verbindung ist nicht verifiziert: Jeder auf dem Netzwerkpfad könnte mitlesen oder verändern, was Fluxdesk sieht.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Discovery</name>
    <message>
        <source>The server sent malformed JSON for %1: expected an object</source>
        <translation>Der Server hat für %1 fehlerhaftes JSON gesendet: Objekt erwartet</translation>
    </message>
    <message>
        <source>The server sent malformed JSON for %1: %2 at offset %3</source>
        <translation>Der Server hat für %1 fehlerhaftes JSON gesendet: %2 an Offset %3</translation>
    </message>
    <message>
        <source>The server&apos;s /api lists no versions of the core API group</source>
        <translation>Der Endpunkt /api des Servers nennt keine Versionen der Core-API-Gruppe</translation>
    </message>
    <message>
        <source>The API resource list names no groupVersion</source>
        <translation>Die API-Ressourcenliste nennt keine groupVersion</translation>
    </message>
    <message>
        <source>The server sent a list for %1 without an items array</source>
        <translation>Der Server hat für %1 eine Liste ohne items-Array gesendet</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryExport</name>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryFilterModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Objects shown: %1; hidden by the filter: %2</source>
        <translation>Angezeigte Objekte: %1; vom Filter ausgeblendet: %2</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryLoader</name>
    <message>
        <source>Discovery of /api failed: %1</source>
        <translation>Discovery von /api fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Discovery of /apis failed: %1</source>
        <translation>Discovery von /apis fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Discovery of %1 failed: %2</source>
        <translation>Discovery von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Discovery of %1 failed, its objects are not loaded: %2</source>
        <translation>Discovery von %1 fehlgeschlagen, die zugehörigen Objekte werden nicht geladen: %2</translation>
    </message>
    <message>
        <source>Loaded %1 objects of %2 resource types.</source>
        <translation>%1 Objekte aus %2 Ressourcentypen geladen.</translation>
    </message>
    <message>
        <source>%1 types forbidden.</source>
        <translation>Zugriff auf %1 Typen verweigert.</translation>
    </message>
    <message>
        <source>%1 types failed.</source>
        <translation>%1 Typen fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::InventoryModel</name>
    <message>
        <source>Cluster-scoped</source>
        <translation>Clusterweit</translation>
    </message>
    <message>
        <source>Objects without a namespace: %1</source>
        <translation>Objekte ohne Namespace: %1</translation>
    </message>
    <message>
        <source>Namespace %1, objects: %2</source>
        <translation>Namespace %1, Objekte: %2</translation>
    </message>
    <message>
        <source>%1, objects: %2</source>
        <translation>%1, Objekte: %2</translation>
    </message>
    <message>
        <source>%1
Helm release: %2</source>
        <translation>%1
Helm-Release: %2</translation>
    </message>
    <message>
        <source>Who manages the object; hover over a badge for the reason</source>
        <translation>Wer das Objekt verwaltet; bewegen Sie die Maus über ein Badge, um den Grund zu sehen</translation>
    </message>
    <message>
        <source>Objects below the row; &quot;3 of 8&quot; when the filter hides some</source>
        <translation>Objekte unterhalb der Zeile; &quot;3 von 8&quot;, wenn der Filter einige ausblendet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::KubeClient</name>
    <message>
        <source>Connection refused by %1: is the API server running and is the port right?</source>
        <translation>Verbindung von %1 abgelehnt: Läuft der API-Server und stimmt der Port?</translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>Host nicht gefunden: %1</translation>
    </message>
    <message>
        <source>The request to %1 timed out after %2 seconds</source>
        <translation>Zeitüberschreitung der Anfrage an %1 nach %2 Sekunden</translation>
    </message>
    <message>
        <source>TLS failure: certificate verification of %1 failed: %2</source>
        <translation>TLS-Fehler: Zertifikatsprüfung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>TLS failure: the handshake with %1 failed: %2</source>
        <translation>TLS-Fehler: Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was reset before the response was complete</source>
        <translation>Die Verbindung zu %1 wurde zurückgesetzt, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>%1 closed the connection (a TLS client certificate rejected, or not an API server?)</source>
        <translation>%1 hat die Verbindung geschlossen (TLS-Client-Zertifikat abgelehnt oder kein API-Server?)</translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation>Netzwerkfehler bei der Kommunikation mit %1: %2</translation>
    </message>
    <message>
        <source>Unauthorized: the server rejected the credentials (%1)</source>
        <translation>Nicht autorisiert: Der Server hat die Anmeldedaten abgelehnt (%1)</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>The server sent malformed JSON for %1: %2 at offset %3</source>
        <translation>Der Server hat für %1 fehlerhaftes JSON gesendet: %2 an Offset %3</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::MainWindow</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Select an object in the cluster tree to see its live YAML here.</source>
        <translation>Wählen Sie ein Objekt im Cluster-Baum aus, um hier sein Live-YAML zu sehen.</translation>
    </message>
    <message>
        <source>Loading: types %1 of %2, objects %3</source>
        <translation>Wird geladen: Typen %1 von %2, Objekte %3</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Open &amp;Kubeconfig…</source>
        <translation>&amp;Kubeconfig öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Snapshot…</source>
        <translation>&amp;Snapshot öffnen…</translation>
    </message>
    <message>
        <source>Connect to the &amp;Demo Cluster</source>
        <translation>Mit dem &amp;Demo-Cluster verbinden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Connect / Refresh</source>
        <translation>&amp;Verbinden / Aktualisieren</translation>
    </message>
    <message>
        <source>C&amp;ancel Loading</source>
        <translation>Laden &amp;abbrechen</translation>
    </message>
    <message>
        <source>Show &amp;Owned and Generated Objects</source>
        <translation>&amp;Untergeordnete und generierte Objekte anzeigen</translation>
    </message>
    <message>
        <source>&amp;Filter Objects</source>
        <translation>Objekte &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;About Fluxdesk</source>
        <translation>Ü&amp;ber Fluxdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>The kubeconfig could not be used</source>
        <translation>Die Kubeconfig konnte nicht verwendet werden</translation>
    </message>
    <message>
        <source>%1 lists no contexts</source>
        <translation>%1 enthält keine Kontexte</translation>
    </message>
    <message>
        <source>Open Kubeconfig</source>
        <translation>Kubeconfig öffnen</translation>
    </message>
    <message>
        <source>Open Snapshot</source>
        <translation>Snapshot öffnen</translation>
    </message>
    <message>
        <source>Kubernetes objects (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Kubernetes-Objekte (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A resource type that could not be listed, then the server&apos;s message
----------
Ownership badge, then the classification&apos;s reason</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Some resource types could not be listed; the rest of the cluster is shown</source>
        <translation>Einige Ressourcentypen konnten nicht aufgelistet werden; der Rest des Clusters wird angezeigt</translation>
    </message>
    <message>
        <source>Cancelled; objects loaded before stopping: %1</source>
        <translation>Abgebrochen; vor dem Abbruch geladene Objekte: %1</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>%1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Loading %1 failed</source>
        <translation>Laden von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Objects from %1: %2</source>
        <translation>Objekte aus %1: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Status bar: why this source was chosen, then the load&apos;s result</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No object selected</source>
        <translation>Kein Objekt ausgewählt</translation>
    </message>
    <message>
        <source>%1 — %2 — Fluxdesk</source>
        <extracomment>Window title: cluster source, repository folder</extracomment>
        <translation>%1 — %2 — Fluxdesk</translation>
    </message>
    <message>
        <source>%1 — Fluxdesk</source>
        <translation>%1 — Fluxdesk</translation>
    </message>
    <message>
        <source>Fluxdesk</source>
        <translation>Fluxdesk</translation>
    </message>
    <message>
        <source>About Fluxdesk</source>
        <translation>Über Fluxdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Fluxdesk %1&lt;/h3&gt;&lt;p&gt;Move a hand-managed Kubernetes homelab into Flux GitOps.&lt;/p&gt;&lt;p&gt;YAML highlighting: %2&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Fluxdesk %1&lt;/h3&gt;&lt;p&gt;Ein von Hand verwaltetes Kubernetes-Homelab nach Flux GitOps überführen.&lt;/p&gt;&lt;p&gt;YAML-Hervorhebung: %2&lt;/p&gt;&lt;p&gt;Lizenziert unter der Apache License 2.0.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Startup</name>
    <message>
        <source>The kubeconfig has no context named &quot;%1&quot;</source>
        <translation>Die Kubeconfig hat keinen Kontext namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The kubeconfig lists no contexts: %1</source>
        <translation>Die Kubeconfig enthält keine Kontexte: %1</translation>
    </message>
    <message>
        <source>Opening the snapshot %1</source>
        <translation>Snapshot %1 wird geöffnet</translation>
    </message>
    <message>
        <source>Showing the built-in demo cluster</source>
        <translation>Der eingebaute Demo-Cluster wird angezeigt</translation>
    </message>
    <message>
        <source>No kubeconfig found: showing the built-in demo cluster</source>
        <translation>Keine Kubeconfig gefunden: Der eingebaute Demo-Cluster wird angezeigt</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbindung zu %1 wird hergestellt</translation>
    </message>
    <message>
        <source>The kubeconfig could not be used; pick a context, the demo cluster or a snapshot</source>
        <translation>Die Kubeconfig konnte nicht verwendet werden; wählen Sie einen Kontext, den Demo-Cluster oder einen Snapshot</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::YamlView</name>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
</context>
<context>
    <name>HelmRelease</name>
    <message>
        <source>cannot initialise zlib</source>
        <translation>zlib kann nicht initialisiert werden</translation>
    </message>
    <message>
        <source>the gzip data is corrupt</source>
        <translation>die gzip-Daten sind beschädigt</translation>
    </message>
    <message>
        <source>the release decompresses to more than %1 bytes</source>
        <translation>das Release ist entpackt größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the gzip data is truncated</source>
        <translation>die gzip-Daten sind unvollständig</translation>
    </message>
    <message>
        <source>the release is not valid JSON: %1</source>
        <translation>das Release ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>the release has no name</source>
        <translation>das Release hat keinen Namen</translation>
    </message>
    <message>
        <source>the release is not valid base64</source>
        <translation>das Release ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>the release is larger than %1 bytes</source>
        <translation>das Release ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>Helm release record %1: %2</source>
        <translation>Helm-Release-Eintrag %1: %2</translation>
    </message>
    <message>
        <source>not a Helm release record</source>
        <translation>kein Helm-Release-Eintrag</translation>
    </message>
    <message>
        <source>data.release is missing</source>
        <translation>data.release fehlt</translation>
    </message>
    <message>
        <source>the Secret&apos;s data is not valid base64</source>
        <translation>die Daten des Secrets sind kein gültiges Base64</translation>
    </message>
</context>
<context>
    <name>Kubeconfig</name>
    <message>
        <source>&quot;%1&quot; must be a list</source>
        <translation>&quot;%1&quot; muss eine Liste sein</translation>
    </message>
    <message>
        <source>an entry of &quot;%1&quot; is not a mapping</source>
        <translation>ein Eintrag in &quot;%1&quot; ist kein Mapping</translation>
    </message>
    <message>
        <source>an entry of &quot;%1&quot; has no name</source>
        <translation>ein Eintrag in &quot;%1&quot; hat keinen Namen</translation>
    </message>
    <message>
        <source>duplicate name &quot;%1&quot; in &quot;%2&quot;</source>
        <translation>doppelter Name &quot;%1&quot; in &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; of &quot;%2&quot; is not a mapping</source>
        <translation>&quot;%1&quot; von &quot;%2&quot; ist kein Mapping</translation>
    </message>
    <message>
        <source>&quot;%1&quot; of &quot;%2&quot; is not valid base64</source>
        <translation>&quot;%1&quot; von &quot;%2&quot; ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>the exec plugin of user &quot;%1&quot; has no command</source>
        <translation>das Exec-Plugin von Benutzer &quot;%1&quot; hat keinen Befehl</translation>
    </message>
    <message>
        <source>&quot;exec&quot; of user &quot;%1&quot; is not a mapping</source>
        <translation>&quot;exec&quot; von Benutzer &quot;%1&quot; ist kein Mapping</translation>
    </message>
    <message>
        <source>a kubeconfig must be a mapping</source>
        <translation>eine Kubeconfig muss ein Mapping sein</translation>
    </message>
    <message>
        <source>cannot read the kubeconfig: %1</source>
        <translation>die Kubeconfig kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>kubeconfig file not found</source>
        <translation>Kubeconfig-Datei nicht gefunden</translation>
    </message>
    <message>
        <source>none of the kubeconfig files exist: %1</source>
        <translation>keine der Kubeconfig-Dateien existiert: %1</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>%1 is not a Kubernetes object</source>
        <translation>%1 ist kein Kubernetes-Objekt</translation>
    </message>
    <message>
        <source>Lists nested too deeply</source>
        <translation>Lists zu tief verschachtelt</translation>
    </message>
    <message>
        <source>item %1 of %2</source>
        <translation>%2, Element %1</translation>
    </message>
    <message>
        <source>%1 has no %2</source>
        <translation>%1: keine Angabe für %2</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>Dokument %1</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Yaml</name>
    <message>
        <source>document too large (alias expansion or size limit)</source>
        <translation>Dokument zu groß (Alias-Expansion oder Größenlimit)</translation>
    </message>
    <message>
        <source>nesting too deep</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>only scalar keys are supported</source>
        <translation>nur skalare Schlüssel werden unterstützt</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot;</source>
        <translation>doppelter Schlüssel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation>nicht abgeschlossene Zeichenkette in Anführungszeichen</translation>
    </message>
    <message>
        <source>binary data (a NUL byte) in YAML</source>
        <translation>Binärdaten (ein NUL-Byte) im YAML</translation>
    </message>
    <message>
        <source>text is not valid UTF-8</source>
        <translation>Text ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>expected one YAML document, found %1</source>
        <translation>ein YAML-Dokument erwartet, %1 gefunden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Move a hand-managed Kubernetes homelab into Flux GitOps.</source>
        <translation>Ein von Hand verwaltetes Kubernetes-Homelab nach Flux GitOps überführen.</translation>
    </message>
    <message>
        <source>Open the built-in demo cluster.</source>
        <translation>Den eingebauten Demo-Cluster öffnen.</translation>
    </message>
    <message>
        <source>Read contexts from this kubeconfig file.</source>
        <translation>Kontexte aus dieser Kubeconfig-Datei lesen.</translation>
    </message>
    <message>
        <source>Connect to this context.</source>
        <translation>Mit diesem Kontext verbinden.</translation>
    </message>
    <message>
        <source>Open a snapshot file or folder of kubectl output.</source>
        <translation>Eine Snapshot-Datei oder einen Ordner mit kubectl-Ausgaben öffnen.</translation>
    </message>
    <message>
        <source>The Git checkout the plan will be written to.</source>
        <translation>Der Git-Checkout, in den der Plan geschrieben wird.</translation>
    </message>
    <message>
        <source>Load the chosen source, print a summary and exit (0 on success).</source>
        <translation>Die gewählte Quelle laden, eine Zusammenfassung ausgeben und beenden (0 bei Erfolg).</translation>
    </message>
</context>
</TS>
