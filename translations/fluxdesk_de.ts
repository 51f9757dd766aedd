<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BootstrapApply</name>
    <message>
        <source>Applied every object (%1); Flux is running.</source>
        <translation>Alle Objekte angewendet (%1); Flux läuft.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Applied (%1, they stay in the cluster):</source>
        <translation>Angewendet (%1, sie bleiben im Cluster):</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Sent when cancelled, may be in the cluster: %1</source>
        <translation>Beim Abbruch gesendet, möglicherweise im Cluster: %1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Run the bootstrap again to apply the rest: applying is idempotent.</source>
        <translation>Führen Sie den Bootstrap erneut aus, um den Rest anzuwenden: Das Anwenden ist idempotent.</translation>
    </message>
    <message>
        <source>[redacted]</source>
        <translation>[geschwärzt]</translation>
    </message>
    <message>
        <source>%1: %2 of %3 ready, waiting for %4</source>
        <translation>%1: %2 von %3 bereit, wartet auf %4</translation>
    </message>
    <message>
        <source>Flux is running</source>
        <translation>Flux läuft</translation>
    </message>
    <message>
        <source>Applying %1</source>
        <translation>%1 wird angewendet</translation>
    </message>
    <message>
        <source>The object has no apiVersion, kind or metadata.name</source>
        <translation>Das Objekt hat kein apiVersion, kind oder metadata.name</translation>
    </message>
    <message>
        <source>discovery of %1 failed: %2</source>
        <translation>Discovery von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>no matches for kind &quot;%1&quot; in version &quot;%2&quot;: the cluster does not serve this type (is its CustomResourceDefinition installed?)</source>
        <translation>keine Treffer für kind &quot;%1&quot; in Version &quot;%2&quot;: Der Cluster stellt diesen Typ nicht bereit (ist seine CustomResourceDefinition installiert?)</translation>
    </message>
    <message>
        <source>%1 %2 is namespaced but has no metadata.namespace</source>
        <translation>%1 %2 ist namespaced, hat aber kein metadata.namespace</translation>
    </message>
    <message>
        <source>Waiting for the CustomResourceDefinitions to be established (%1)</source>
        <translation>Warten, bis die CustomResourceDefinitions etabliert sind (%1)</translation>
    </message>
    <message>
        <source>Waiting for the controllers to be available (%1)</source>
        <translation>Warten, bis die Controller verfügbar sind (%1)</translation>
    </message>
    <message>
        <source>Waiting for the GitRepository to be ready (%1)</source>
        <translation>Warten, bis das GitRepository bereit ist (%1)</translation>
    </message>
    <message>
        <source>no %1 condition yet</source>
        <translation>noch keine Bedingung %1</translation>
    </message>
    <message>
        <source>the controller has not seen generation %1 yet</source>
        <translation>der Controller hat Generation %1 noch nicht gesehen</translation>
    </message>
    <message>
        <source>Ready is for an older generation (%1 of %2)</source>
        <translation>Ready gilt für eine ältere Generation (%1 von %2)</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>established, but %1 does not list %2 yet</source>
        <translation>etabliert, aber %1 führt %2 noch nicht auf</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not ready after %1 s: %2</source>
        <translation>Nach %1 s nicht bereit: %2</translation>
    </message>
</context>
<context>
    <name>ChartCatalog</name>
    <message>
        <source>chart catalog: %1</source>
        <translation>Chart-Katalog: %1</translation>
    </message>
    <message>
        <source>no &quot;repositories&quot; list</source>
        <translation>keine &quot;repositories&quot;-Liste</translation>
    </message>
    <message>
        <source>repository &quot;%1&quot;: type must be http or oci</source>
        <translation>Repository &quot;%1&quot;: type muss http oder oci sein</translation>
    </message>
    <message>
        <source>a repository lacks name or url</source>
        <translation>einem Repository fehlt name oder url</translation>
    </message>
    <message>
        <source>repository &quot;%1&quot; has a chart without name</source>
        <translation>Repository &quot;%1&quot; enthält ein Chart ohne Namen</translation>
    </message>
    <message>
        <source>chart &quot;%1&quot;: crds must be none, folder or templates</source>
        <translation>Chart &quot;%1&quot;: crds muss none, folder oder templates sein</translation>
    </message>
    <message>
        <source>chart &quot;%1&quot; is listed twice</source>
        <translation>Chart &quot;%1&quot; ist doppelt aufgeführt</translation>
    </message>
</context>
<context>
    <name>ChartSourceResolver</name>
    <message>
        <source>chart source chosen by the user</source>
        <translation>vom Benutzer gewählte Chart-Quelle</translation>
    </message>
    <message>
        <source>the Helm repository &quot;%1&quot; (%2) no longer receives chart &quot;%3&quot;; using %4</source>
        <translation>das Helm-Repository &quot;%1&quot; (%2) erhält keine neuen Versionen von Chart &quot;%3&quot; mehr; %4 wird verwendet</translation>
    </message>
    <message>
        <source>found in the Helm repository &quot;%1&quot; at version %2</source>
        <translation>im Helm-Repository &quot;%1&quot; in Version %2 gefunden</translation>
    </message>
    <message>
        <source>from the built-in chart catalog (%1)</source>
        <translation>aus dem eingebauten Chart-Katalog (%1)</translation>
    </message>
    <message>
        <source>the Helm repository &quot;%1&quot; lists chart &quot;%2&quot; but not version %3 (its cached index may be old: run helm repo update)</source>
        <translation>das Helm-Repository &quot;%1&quot; führt Chart &quot;%2&quot;, aber nicht Version %3 (der zwischengespeicherte Index ist möglicherweise veraltet: führen Sie helm repo update aus)</translation>
    </message>
    <message>
        <source>no source is known for chart &quot;%1&quot;; choose its repository</source>
        <translation>für Chart &quot;%1&quot; ist keine Quelle bekannt; wählen Sie das Repository</translation>
    </message>
</context>
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
    <message>
        <source>Default RBAC the API server creates and keeps.</source>
        <translation>Standard-RBAC, das der API-Server anlegt und pflegt.</translation>
    </message>
    <message>
        <source>One of K3s&apos;s own CustomResourceDefinitions.</source>
        <translation>Eine der eigenen CustomResourceDefinitions von K3s.</translation>
    </message>
    <message>
        <source>The kubelet registers it for its node.</source>
        <translation>Das Kubelet registriert es für seinen Knoten.</translation>
    </message>
    <message>
        <source>The API server&apos;s own Service and endpoints, which it maintains.</source>
        <translation>Der eigene Service und die Endpunkte des API-Servers, die er selbst pflegt.</translation>
    </message>
    <message>
        <source>Provisioned dynamically by %1 for claim %2: the claim creates it again.</source>
        <translation>Dynamisch von %1 für den Claim %2 bereitgestellt: Der Claim erzeugt es erneut.</translation>
    </message>
    <message>
        <source>Created by StatefulSet %1 from its volumeClaimTemplates.</source>
        <translation>Vom StatefulSet %1 aus seinen volumeClaimTemplates erzeugt.</translation>
    </message>
    <message>
        <source>Helm&apos;s record of a release K3s installs from its HelmChart %1.</source>
        <translation>Helms Eintrag eines Releases, das K3s aus seinem HelmChart %1 installiert.</translation>
    </message>
    <message>
        <source>Served by a read-only API (%1): readings, not an object anyone applies.</source>
        <translation>Von einer schreibgeschützten API (%1) bereitgestellt: Messwerte, kein Objekt, das jemand anwendet.</translation>
    </message>
    <message>
        <source>Part of Helm release %1, which K3s installs from its HelmChart %2.</source>
        <translation>Teil des Helm-Releases %1, das K3s aus seinem HelmChart %2 installiert.</translation>
    </message>
    <message>
        <source>An EndpointSlice %1 writes for its Service.</source>
        <translation>Ein EndpointSlice, den %1 für seinen Service schreibt.</translation>
    </message>
    <message>
        <source>One of Flux&apos;s own CustomResourceDefinitions: bootstrapping Flux installs it.</source>
        <translation>Eine der eigenen CustomResourceDefinitions von Flux: Das Bootstrapping von Flux installiert sie.</translation>
    </message>
    <message>
        <source>A Helm hook (%1): Helm runs it with its release, which carries it.</source>
        <translation>Ein Helm-Hook (%1): Helm führt ihn mit seinem Release aus, das ihn mitbringt.</translation>
    </message>
    <message>
        <source>A hook (%1) of Helm release %2: Helm runs it, so the release&apos;s HelmRelease carries it.</source>
        <translation>Ein Hook (%1) des Helm-Releases %2: Helm führt ihn aus, also bringt das HelmRelease des Releases ihn mit.</translation>
    </message>
    <message>
        <source>Installed from the crds/ folder of Helm release %1&apos;s chart: its HelmRelease carries it (install.crds: CreateReplace).</source>
        <translation>Aus dem Ordner crds/ des Charts von Helm-Release %1 installiert: Sein HelmRelease bringt sie mit (install.crds: CreateReplace).</translation>
    </message>
    <message>
        <source>Installed by Helm from a chart&apos;s crds/ folder: the chart&apos;s HelmRelease carries it (install.crds: CreateReplace).</source>
        <translation>Von Helm aus dem Ordner crds/ eines Charts installiert: Das HelmRelease des Charts bringt sie mit (install.crds: CreateReplace).</translation>
    </message>
    <message>
        <source>Labelled as managed by %1, a controller that generates it.</source>
        <translation>Als von %1 verwaltet gekennzeichnet, einem Controller, der es erzeugt.</translation>
    </message>
    <message>
        <source>Only %1 ever wrote it, never a person&apos;s tool: a controller or a chart&apos;s hook generated it.</source>
        <translation>Nur %1 hat es je geschrieben, nie das Werkzeug einer Person: Ein Controller oder der Hook eines Charts hat es erzeugt.</translation>
    </message>
    <message>
        <source>Written by %1: created by hand, so the migration must carry it.</source>
        <translation>Von %1 geschrieben: von Hand angelegt, also muss die Migration es mitnehmen.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
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
    <message>
        <source>cluster &quot;%1&quot; sets both insecure-skip-tls-verify and a certificate authority (certificate-authority or certificate-authority-data): specifying a root certificates file with the insecure flag is not allowed; remove one of them</source>
        <translation>Cluster &quot;%1&quot; setzt sowohl insecure-skip-tls-verify als auch eine Zertifizierungsstelle (certificate-authority oder certificate-authority-data): eine Stammzertifikatsdatei zusammen mit der insecure-Option ist nicht erlaubt; entfernen Sie eines von beiden</translation>
    </message>
    <message>
        <source>The token of user &quot;%1&quot; is sent unencrypted to %2: anyone on the network path can read and reuse it; use an https:// server</source>
        <translation>Das Token des Benutzers &quot;%1&quot; wird unverschlüsselt an %2 gesendet: jeder auf dem Netzwerkweg kann es lesen und wiederverwenden; verwenden Sie einen https://-Server</translation>
    </message>
    <message>
        <source>The password of user &quot;%1&quot; is sent unencrypted to %2: anyone on the network path can read and reuse it; use an https:// server</source>
        <translation>Das Passwort des Benutzers &quot;%1&quot; wird unverschlüsselt an %2 gesendet: jeder auf dem Netzwerkweg kann es lesen und wiederverwenden; verwenden Sie einen https://-Server</translation>
    </message>
</context>
<context>
    <name>EditorTabs</name>
    <message>
        <source>%1 is not a YAML file (.yaml or .yml): Clean and Split work on Kubernetes manifests.</source>
        <translation>%1 ist keine YAML-Datei (.yaml oder .yml): Bereinigen und Aufteilen arbeiten mit Kubernetes-Manifesten.</translation>
    </message>
    <message>
        <source>%1 lists the files Flux applies; it holds no cluster objects to clean or split.</source>
        <translation>%1 listet die Dateien auf, die Flux anwendet; sie enthält keine Cluster-Objekte zum Bereinigen oder Aufteilen.</translation>
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
    <name>FluxActions</name>
    <message>
        <source>Reconcile</source>
        <translation>Abgleichen</translation>
    </message>
    <message>
        <source>Reconcile with source</source>
        <translation>Mit Quelle abgleichen</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Aussetzen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Force upgrade</source>
        <translation>Upgrade erzwingen</translation>
    </message>
    <message>
        <source>Reset failure counts</source>
        <translation>Fehlerzähler zurücksetzen</translation>
    </message>
    <message>
        <source>%1: only a HelmRelease can be forced or reset</source>
        <translation>%1: Nur ein HelmRelease kann erzwungen oder zurückgesetzt werden</translation>
    </message>
    <message>
        <source>%1: the cluster&apos;s Flux serves HelmRelease %2, whose helm-controller knows no force or reset; they came with Flux 2.2 (HelmRelease v2beta2): upgrade Flux, or use Reconcile</source>
        <translation>%1: Das Flux im Cluster stellt HelmRelease %2 bereit, dessen helm-controller weder Erzwingen noch Zurücksetzen kennt; beides kam mit Flux 2.2 (HelmRelease v2beta2): Aktualisieren Sie Flux oder verwenden Sie Abgleichen</translation>
    </message>
    <message>
        <source>%1 is suspended: Flux does not reconcile it until it is resumed. Resume it first.</source>
        <translation>%1 ist ausgesetzt: Flux gleicht es erst ab, wenn es fortgesetzt wird. Setzen Sie es zuerst fort.</translation>
    </message>
    <message>
        <source>%1 is not a Flux object Fluxdesk knows how to reconcile</source>
        <translation>%1 ist kein Flux-Objekt, das Fluxdesk abgleichen kann</translation>
    </message>
    <message>
        <source>%1: cannot reconcile its source of kind %2</source>
        <translation>%1: Seine Quelle vom Typ %2 kann nicht abgeglichen werden</translation>
    </message>
    <message>
        <source>%1: its source %2 is not in the cluster; reconcile it alone or fix its source reference</source>
        <translation>%1: Seine Quelle %2 ist nicht im Cluster; gleichen Sie es allein ab oder korrigieren Sie die Quellreferenz</translation>
    </message>
    <message>
        <source>%1: its source %2 is suspended; resume the source, or reconcile without source</source>
        <translation>%1: Seine Quelle %2 ist ausgesetzt; setzen Sie die Quelle fort oder gleichen Sie ohne Quelle ab</translation>
    </message>
</context>
<context>
    <name>FluxStatus</name>
    <message>
        <source>Suspended: Flux does not reconcile it until it is resumed</source>
        <translation>Ausgesetzt: Flux gleicht es erst ab, wenn es fortgesetzt wird</translation>
    </message>
    <message>
        <source>Suspended; last status: %1</source>
        <translation>Ausgesetzt; letzter Status: %1</translation>
    </message>
    <message>
        <source>The controller has not yet seen the latest change (generation %1, observed %2)</source>
        <translation>Der Controller hat die neueste Änderung noch nicht gesehen (Generation %1, beobachtet %2)</translation>
    </message>
    <message>
        <source>No status yet: its controller has not reported on it (is Flux running?)</source>
        <translation>Noch kein Status: Sein Controller hat nichts dazu gemeldet (läuft Flux?)</translation>
    </message>
    <message>
        <source>No Ready condition in its status</source>
        <translation>Keine Ready-Bedingung in seinem Status</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Reconciling</source>
        <translation>Wird abgeglichen</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>FluxWatchSession</name>
    <message>
        <source>Flux is not installed in this cluster</source>
        <translation>Flux ist in diesem Cluster nicht installiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Watching %1 Flux kinds</source>
        <translation>%1 Flux-Typen werden beobachtet</translation>
    </message>
</context>
<context>
    <name>Fluxdesk</name>
    <message>
        <source>a manifest must be a map (apiVersion, kind, metadata, ...)</source>
        <translation>ein Manifest muss eine Map sein (apiVersion, kind, metadata, ...)</translation>
    </message>
    <message>
        <source>a List item must be a map</source>
        <translation>ein List-Element muss eine Map sein</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is too large to edit (%1 MB; the limit is %2 MB)</source>
        <translation>Die Datei ist zu groß zum Bearbeiten (%1 MB; das Limit liegt bei %2 MB)</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (binary or another encoding)</source>
        <translation>Die Datei ist kein UTF-8-Text (binär oder eine andere Kodierung)</translation>
    </message>
    <message>
        <source>file too large to lint (%1 MB)</source>
        <translation>Datei zu groß für die Prüfung (%1 MB)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Excluded by your decision (%1).</source>
        <translation>Durch Ihre Entscheidung ausgeschlossen (%1).</translation>
    </message>
    <message>
        <source>Part of Helm release %1, which you excluded.</source>
        <translation>Teil des Helm-Releases %1, das Sie ausgeschlossen haben.</translation>
    </message>
    <message>
        <source>Part of Helm release %1, which could not be converted.</source>
        <translation>Teil des Helm-Releases %1, das nicht konvertiert werden konnte.</translation>
    </message>
    <message>
        <source>Part of Helm release %1: its HelmRelease (%2) carries it.</source>
        <translation>Teil des Helm-Releases %1: Sein HelmRelease (%2) enthält es.</translation>
    </message>
    <message>
        <source>Secrets are written only when included: their data would land in Git as plain text.</source>
        <translation>Secrets werden nur geschrieben, wenn sie eingeschlossen sind: Ihre Daten würden im Klartext in Git landen.</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>on disk only</source>
        <translation>nur auf der Festplatte</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>the plan writes this file; refusing to delete it</source>
        <translation>der Plan schreibt diese Datei; sie wird nicht gelöscht</translation>
    </message>
    <message>
        <source>only YAML files under infrastructure/, workloads/ and the cluster&apos;s folder can be deleted</source>
        <translation>nur YAML-Dateien unter infrastructure/, workloads/ und im Ordner des Clusters können gelöscht werden</translation>
    </message>
    <message>
        <source>not on disk; nothing to delete</source>
        <translation>nicht auf der Festplatte; nichts zu löschen</translation>
    </message>
    <message>
        <source>still lists &quot;%1&quot;, which would be deleted: accept the plan&apos;s version of this file too, or keep %2</source>
        <translation>führt noch &quot;%1&quot;, das gelöscht würde: Übernehmen Sie auch für diese Datei die Version des Plans, oder behalten Sie %2</translation>
    </message>
    <message>
        <source>Holds the credentials moved out of %1; Secrets are written only when included.</source>
        <translation>Enthält die aus %1 verschobenen Zugangsdaten; Secrets werden nur geschrieben, wenn sie aufgenommen sind.</translation>
    </message>
    <message>
        <source>Reads its credentials from Secret %1, which is not in the repository: create it in the cluster before Flux applies this HelmRelease, or include it.</source>
        <translation>Liest seine Zugangsdaten aus dem Secret %1, das nicht im Repository liegt: Legen Sie es im Cluster an, bevor Flux dieses HelmRelease anwendet, oder nehmen Sie es auf.</translation>
    </message>
    <message>
        <source>values.%1 is a credential .fluxdesk/plan.yaml does not keep, and the running release has no value there: put it into Secret %2 yourself (targetPath %3).</source>
        <translation>values.%1 ist ein Zugangsdatum, das .fluxdesk/plan.yaml nicht speichert, und das laufende Release hat dort keinen Wert: Legen Sie ihn selbst im Secret %2 ab (targetPath %3).</translation>
    </message>
    <message>
        <source>values.%1 is a credential .fluxdesk/plan.yaml does not keep, and the running release has no value there: it is left out of the HelmRelease.</source>
        <translation>values.%1 ist ein Zugangsdatum, das .fluxdesk/plan.yaml nicht speichert, und das laufende Release hat dort keinen Wert: Es wird im HelmRelease ausgelassen.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>das Speicherkontingent ist aufgebraucht</translation>
    </message>
    <message>
        <source>the file is too large (for the file system or a file size limit)</source>
        <translation>die Datei ist zu groß (für das Dateisystem oder eine Dateigrößenbegrenzung)</translation>
    </message>
    <message>
        <source>refusing a symbolic link in the path: %1</source>
        <translation>symbolischer Link im Pfad abgelehnt: %1</translation>
    </message>
    <message>
        <source>cannot write: %1; nothing was changed</source>
        <translation>kann nicht schreiben: %1; nichts wurde geändert</translation>
    </message>
    <message>
        <source>Excluded with namespace %1 by your rule (%2).</source>
        <translation>Mit dem Namespace %1 durch Ihre Regel ausgeschlossen (%2).</translation>
    </message>
    <message>
        <source>Excluded with every %1 by your rule (%2).</source>
        <translation>Mit allen Objekten vom Typ %1 durch Ihre Regel ausgeschlossen (%2).</translation>
    </message>
    <message>
        <source>exclude.%1 must be a list, such as [%2]</source>
        <translation>exclude.%1 muss eine Liste sein, z. B. [%2]</translation>
    </message>
    <message>
        <source>exclude.%1: &quot;%2&quot; is not a valid entry (such as %3)</source>
        <translation>exclude.%1: &quot;%2&quot; ist kein gültiger Eintrag (z. B. %3)</translation>
    </message>
    <message>
        <source>refusing to write outside the repository: %1</source>
        <translation>Schreiben außerhalb des Repositorys abgelehnt: %1</translation>
    </message>
    <message>
        <source>The repository has no remote: add one (git remote add origin URL) and push, so that Flux can read it from the cluster.</source>
        <translation>Das Repository hat kein Remote: Fügen Sie eines hinzu (git remote add origin URL) und pushen Sie, damit Flux es aus dem Cluster lesen kann.</translation>
    </message>
    <message>
        <source>Flux cannot read a path relative to a home folder (%1): give the remote as ssh://USER@HOST/PATH</source>
        <translation>Flux kann keinen Pfad relativ zu einem Home-Ordner lesen (%1): Geben Sie das Remote als ssh://USER@HOST/PATH an</translation>
    </message>
    <message>
        <source>Flux reads the repository from the cluster, which cannot reach %1: push to a Git server (ssh:// or https://) and use its URL as the remote</source>
        <translation>Flux liest das Repository aus dem Cluster, der %1 nicht erreichen kann: Pushen Sie auf einen Git-Server (ssh:// oder https://) und verwenden Sie dessen URL als Remote</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>refusing to write outside the repository</source>
        <translation>Schreiben außerhalb des Repositorys abgelehnt</translation>
    </message>
    <message>
        <source>not a Flux components manifest: %1</source>
        <extracomment>%1 says what is missing or wrong</extracomment>
        <translation>kein Komponenten-Manifest von Flux: %1</translation>
    </message>
    <message>
        <source>it is %1 MB, larger than any Flux release&apos;s (%2 MB at most)</source>
        <translation>es ist %1 MB groß, größer als das jedes Flux-Releases (höchstens %2 MB)</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>es ist leer</translation>
    </message>
    <message>
        <source>this document is not a Kubernetes object (no apiVersion and kind)</source>
        <translation>dieses Dokument ist kein Kubernetes-Objekt (kein apiVersion und kind)</translation>
    </message>
    <message>
        <source>it has no Namespace flux-system</source>
        <translation>es enthält keinen Namespace flux-system</translation>
    </message>
    <message>
        <source>it has no Deployment %1 in flux-system</source>
        <translation>es enthält kein Deployment %1 in flux-system</translation>
    </message>
    <message>
        <source>it installs %1 but not its CustomResourceDefinition %2</source>
        <translation>es installiert %1, aber nicht dessen CustomResourceDefinition %2</translation>
    </message>
    <message>
        <source>its version &quot;%1&quot; is not a Flux release version</source>
        <translation>seine Version &quot;%1&quot; ist keine Flux-Release-Version</translation>
    </message>
    <message>
        <source>this is the components manifest of Flux %1, not of %2 as asked: choose the manifest of %2, or ask for %1</source>
        <translation>dies ist das Komponenten-Manifest von Flux %1, nicht von %2 wie angefordert: Wählen Sie das Manifest von %2 oder fordern Sie %1 an</translation>
    </message>
    <message>
        <source>set the repository up for encrypted Secrets first (fluxdesk-cli secrets setup --repo FOLDER)</source>
        <translation>richten Sie das Repository zuerst für verschlüsselte Secrets ein (fluxdesk-cli secrets setup --repo FOLDER)</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Age</name>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <source>not an age secret key (it does not begin with &quot;%1&quot;)</source>
        <translation>kein privater age-Schlüssel (er beginnt nicht mit &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>a secret key holds 32 bytes, not %1</source>
        <translation>ein privater Schlüssel umfasst 32 Bytes, nicht %1</translation>
    </message>
    <message>
        <source>could not wrap the file key</source>
        <translation>der Dateischlüssel konnte nicht verpackt werden</translation>
    </message>
    <message>
        <source>malformed age header: a bad X25519 stanza</source>
        <translation>fehlerhafter age-Header: eine ungültige X25519-Stanza</translation>
    </message>
    <message>
        <source>malformed age secret key: %1</source>
        <translation>fehlerhafter privater age-Schlüssel: %1</translation>
    </message>
    <message>
        <source>malformed age recipient &quot;%1&quot;: %2</source>
        <translation>fehlerhafter age-Empfänger &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>malformed age recipient &quot;%1&quot;: it does not begin with &quot;age1&quot; (lower case)</source>
        <translation>fehlerhafter age-Empfänger &quot;%1&quot;: er beginnt nicht mit &quot;age1&quot; (Kleinbuchstaben)</translation>
    </message>
    <message>
        <source>malformed age recipient &quot;%1&quot;: it holds %2 bytes, not 32</source>
        <translation>fehlerhafter age-Empfänger &quot;%1&quot;: er umfasst %2 Bytes, nicht 32</translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation>die Zeile ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>expected an age secret key (&quot;%1...&quot;), a comment or an empty line</source>
        <translation>erwartet: ein privater age-Schlüssel (&quot;%1...&quot;), ein Kommentar oder eine leere Zeile</translation>
    </message>
    <message>
        <source>no age secret key in the file</source>
        <translation>kein privater age-Schlüssel in der Datei</translation>
    </message>
    <message>
        <source>no recipients to encrypt to</source>
        <translation>keine Empfänger zum Verschlüsseln</translation>
    </message>
    <message>
        <source>no identity matched any of the file&apos;s recipients</source>
        <translation>keine Identität passt zu einem der Empfänger der Datei</translation>
    </message>
    <message>
        <source>the age header&apos;s MAC is wrong: the header was altered</source>
        <translation>der MAC des age-Headers ist falsch: Der Header wurde verändert</translation>
    </message>
    <message>
        <source>invalid armor: %1</source>
        <translation>ungültige Armor-Kodierung: %1</translation>
    </message>
    <message>
        <source>data after the end line</source>
        <translation>Daten nach der Endzeile</translation>
    </message>
    <message>
        <source>too much whitespace after the end line</source>
        <translation>zu viel Leerraum nach der Endzeile</translation>
    </message>
    <message>
        <source>the text ends before the end line</source>
        <translation>der Text endet vor der Endzeile</translation>
    </message>
    <message>
        <source>too much whitespace before the begin line</source>
        <translation>zu viel Leerraum vor der Anfangszeile</translation>
    </message>
    <message>
        <source>the first line is not &quot;%1&quot;</source>
        <translation>die erste Zeile ist nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an empty line in the base64 data</source>
        <translation>eine leere Zeile in den Base64-Daten</translation>
    </message>
    <message>
        <source>a line longer than %1 columns</source>
        <translation>eine Zeile, länger als %1 Spalten</translation>
    </message>
    <message>
        <source>bad base64 data</source>
        <translation>ungültige Base64-Daten</translation>
    </message>
    <message>
        <source>a short line that is not followed by the end line</source>
        <translation>eine kurze Zeile, auf die nicht die Endzeile folgt</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>%1 failed in OpenSSL (%2)</source>
        <translation>%1 in OpenSSL fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>an X25519 secret key is 32 bytes, not %1</source>
        <translation>ein privater X25519-Schlüssel umfasst 32 Bytes, nicht %1</translation>
    </message>
    <message>
        <source>X25519 keys are 32 bytes</source>
        <translation>X25519-Schlüssel umfassen 32 Bytes</translation>
    </message>
    <message>
        <source>the X25519 share is a low-order point (the shared secret is all zeros)</source>
        <translation>der X25519-Anteil ist ein Punkt niedriger Ordnung (das gemeinsame Geheimnis besteht nur aus Nullen)</translation>
    </message>
    <message>
        <source>malformed age header: %1</source>
        <translation>fehlerhafter age-Header: %1</translation>
    </message>
    <message>
        <source>not an age file (it does not begin with &quot;%1&quot;)</source>
        <translation>keine age-Datei (sie beginnt nicht mit &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>the header ends before its MAC line</source>
        <translation>der Header endet vor seiner MAC-Zeile</translation>
    </message>
    <message>
        <source>bad MAC line %1</source>
        <translation>ungültige MAC-Zeile %1</translation>
    </message>
    <message>
        <source>bad MAC %1</source>
        <translation>ungültiger MAC %1</translation>
    </message>
    <message>
        <source>expected a stanza or the MAC line, found %1</source>
        <translation>erwartet: eine Stanza oder die MAC-Zeile, gefunden: %1</translation>
    </message>
    <message>
        <source>bad stanza line %1</source>
        <translation>ungültige Stanza-Zeile %1</translation>
    </message>
    <message>
        <source>a stanza of type %1 ends without a short body line</source>
        <translation>eine Stanza vom Typ %1 endet ohne kurze Body-Zeile</translation>
    </message>
    <message>
        <source>bad body line %1 in a stanza of type %2</source>
        <translation>ungültige Body-Zeile %1 in einer Stanza vom Typ %2</translation>
    </message>
    <message>
        <source>the payload is damaged or truncated</source>
        <translation>die Nutzdaten sind beschädigt oder abgeschnitten</translation>
    </message>
    <message>
        <source>could not encrypt the payload</source>
        <translation>die Nutzdaten konnten nicht verschlüsselt werden</translation>
    </message>
    <message>
        <source>invalid character U+%1</source>
        <translation>ungültiges Zeichen U+%1</translation>
    </message>
    <message>
        <source>mixed upper and lower case</source>
        <translation>gemischte Groß- und Kleinschreibung</translation>
    </message>
    <message>
        <source>no separator &apos;1&apos; after a prefix</source>
        <translation>kein Trennzeichen &apos;1&apos; nach einem Präfix</translation>
    </message>
    <message>
        <source>too short for a checksum</source>
        <translation>zu kurz für eine Prüfsumme</translation>
    </message>
    <message>
        <source>a character Bech32 does not use</source>
        <translation>ein Zeichen, das Bech32 nicht verwendet</translation>
    </message>
    <message>
        <source>invalid checksum</source>
        <translation>ungültige Prüfsumme</translation>
    </message>
    <message>
        <source>invalid padding at the end of the data</source>
        <translation>ungültiges Padding am Ende der Daten</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::AgeKeys</name>
    <message>
        <source>SOPS_AGE_KEY_FILE names a file that is not there</source>
        <translation>SOPS_AGE_KEY_FILE nennt eine Datei, die nicht vorhanden ist</translation>
    </message>
    <message>
        <source>cannot make the folder for the key</source>
        <translation>der Ordner für den Schlüssel kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Back up %1 now, somewhere other than this computer and the repository. The Secrets encrypted to %2 can be read only with this key: if it is lost, so are they.</source>
        <translation>Sichern Sie %1 jetzt an einem Ort außerhalb dieses Computers und des Repositorys. Die für %2 verschlüsselten Secrets lassen sich nur mit diesem Schlüssel lesen: Geht er verloren, sind auch sie verloren.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::BootstrapAccessPage</name>
    <message>
        <source>Flux&apos;s access to the repository</source>
        <translation>Zugriff von Flux auf das Repository</translation>
    </message>
    <message>
        <source>Flux reads the repository with these credentials, kept in the cluster as the flux-system Secret. Keys and tokens are never written to the repository or to a log.</source>
        <translation>Flux liest das Repository mit diesen Zugangsdaten, die im Cluster als Secret flux-system liegen. Schlüssel und Tokens werden nie in das Repository oder in ein Protokoll geschrieben.</translation>
    </message>
    <message>
        <source>An SSH &amp;deploy key made here (read-only)</source>
        <translation>Ein hier erzeugter SSH-&amp;Deploy-Key (nur lesend)</translation>
    </message>
    <message>
        <source>ECDSA P-384 (as flux bootstrap makes it)</source>
        <translation>ECDSA P-384 (wie flux bootstrap ihn erzeugt)</translation>
    </message>
    <message>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
    <message>
        <source>Show it to add by hand</source>
        <translation>Zum Hinzufügen von Hand anzeigen</translation>
    </message>
    <message>
        <source>Add it through GitHub&apos;s API</source>
        <translation>Über die API von GitHub hinzufügen</translation>
    </message>
    <message>
        <source>Add it through Gitea&apos;s or Forgejo&apos;s API</source>
        <translation>Über die API von Gitea oder Forgejo hinzufügen</translation>
    </message>
    <message>
        <source>a token allowed to add deploy keys</source>
        <translation>ein Token, das Deploy Keys hinzufügen darf</translation>
    </message>
    <message>
        <source>&amp;HTTPS with a token</source>
        <translation>&amp;HTTPS mit einem Token</translation>
    </message>
    <message>
        <source>a token that may read the repository</source>
        <translation>ein Token, das das Repository lesen darf</translation>
    </message>
    <message>
        <source>The flux-system Secret is in the cluster &amp;already</source>
        <translation>Das Secret flux-system ist &amp;bereits im Cluster</translation>
    </message>
    <message>
        <source>the checkout&apos;s remote, as Flux must reach it</source>
        <translation>das Remote des Checkouts, so wie Flux es erreichen muss</translation>
    </message>
    <message>
        <source>Set it when the cluster reaches the Git host by another address than this computer</source>
        <translation>Angeben, wenn der Cluster den Git-Host unter einer anderen Adresse erreicht als dieser Computer</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <source>Deploy key:</source>
        <translation>Deploy Key:</translation>
    </message>
    <message>
        <source>Host token:</source>
        <translation>Host-Token:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Flux reads &amp;from:</source>
        <translation>Flux liest &amp;von:</translation>
    </message>
    <message>
        <source>The Secret flux-system/sops-age, holding your private age key: Flux decrypts the repository&apos;s encrypted Secrets with it. Anyone who can read Secrets in flux-system can then read them too.</source>
        <translation>Das Secret flux-system/sops-age mit Ihrem privaten age-Schlüssel: Flux entschlüsselt damit die verschlüsselten Secrets des Repositorys. Wer Secrets in flux-system lesen kann, kann dann auch diese lesen.</translation>
    </message>
    <message>
        <source>Give Flux your &amp;age key to decrypt the encrypted Secrets (%1)</source>
        <translation>Flux Ihren &amp;age-Schlüssel zum Entschlüsseln der verschlüsselten Secrets geben (%1)</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::BootstrapComponentsPage</name>
    <message>
        <source>Flux to install</source>
        <translation>Zu installierendes Flux</translation>
    </message>
    <message>
        <source>Flux&apos;s controllers go into %1, and clusters/%2/flux-system/ into %3, as flux bootstrap git lays it out.</source>
        <translation>Die Controller von Flux kommen nach %1 und clusters/%2/flux-system/ nach %3, so wie flux bootstrap git es anlegt.</translation>
    </message>
    <message>
        <source>e.g. 2.6.4</source>
        <translation>z. B. 2.6.4</translation>
    </message>
    <message>
        <source>A release of Flux, as github.com/fluxcd/flux2/releases lists it</source>
        <translation>Ein Release von Flux, wie github.com/fluxcd/flux2/releases es aufführt</translation>
    </message>
    <message>
        <source>Download the release&apos;s install.yaml (checksum-verified)</source>
        <translation>install.yaml des Releases herunterladen (Prüfsumme geprüft)</translation>
    </message>
    <message>
        <source>Ask the flux CLI on PATH (flux install --export)</source>
        <translation>Die flux-CLI im PATH fragen (flux install --export)</translation>
    </message>
    <message>
        <source>Ask the flux CLI (none found on PATH)</source>
        <translation>Die flux-CLI fragen (keine im PATH gefunden)</translation>
    </message>
    <message>
        <source>A components file…</source>
        <translation>Eine Komponentendatei…</translation>
    </message>
    <message>
        <source>gotk-components.yaml or install.yaml of a Flux release</source>
        <translation>gotk-components.yaml oder install.yaml eines Flux-Releases</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Use the &amp;Flux Operator: a FluxInstance instead of the components (the operator must run in the cluster)</source>
        <translation>Den &amp;Flux Operator verwenden: eine FluxInstance statt der Komponenten (der Operator muss im Cluster laufen)</translation>
    </message>
    <message>
        <source>The kubeconfig turns TLS verification off for this cluster: Fluxdesk cannot tell it is talking to the real API server, and the repository&apos;s credentials go to it.</source>
        <translation>Die kubeconfig schaltet die TLS-Prüfung für diesen Cluster ab: Fluxdesk kann nicht erkennen, ob es mit dem echten API-Server spricht, und die Zugangsdaten des Repositorys gehen an ihn.</translation>
    </message>
    <message>
        <source>Flux &amp;version:</source>
        <translation>Flux-&amp;Version:</translation>
    </message>
    <message>
        <source>&amp;Components from:</source>
        <translation>&amp;Komponenten aus:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Flux Components Manifest</source>
        <translation>Komponenten-Manifest von Flux</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The FluxInstance asks the operator for this version of Flux (empty: the newest 2.x) and points it at the repository.</source>
        <translation>Die FluxInstance verlangt vom Operator diese Version von Flux (leer: die neueste 2.x) und richtet sie auf das Repository aus.</translation>
    </message>
    <message>
        <source>The file is checked as a Flux components manifest before anything is written. The version may stay empty: the file&apos;s own is used.</source>
        <translation>Die Datei wird als Komponenten-Manifest von Flux geprüft, bevor etwas geschrieben wird. Die Version darf leer bleiben: Dann gilt die der Datei.</translation>
    </message>
    <message>
        <source>The release&apos;s install.yaml is downloaded from GitHub and compared with the release&apos;s published checksums.</source>
        <translation>Die install.yaml des Releases wird von GitHub heruntergeladen und mit den veröffentlichten Prüfsummen des Releases verglichen.</translation>
    </message>
    <message>
        <source>The flux CLI exports the components of this version.</source>
        <translation>Die flux-CLI exportiert die Komponenten dieser Version.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::BootstrapController</name>
    <message>
        <source>&amp;Bootstrap Flux…</source>
        <translation>&amp;Bootstrap von Flux…</translation>
    </message>
    <message>
        <source>Install Flux in the cluster and point it at the repository, as flux bootstrap does</source>
        <translation>Flux im Cluster installieren und auf das Repository ausrichten, wie flux bootstrap es tut</translation>
    </message>
    <message>
        <source>Connect to the live cluster first: Flux is bootstrapped into a running cluster, not into %1.</source>
        <translation>Verbinden Sie sich zuerst mit dem laufenden Cluster: Flux wird in einen laufenden Cluster gebracht, nicht in %1.</translation>
    </message>
    <message>
        <source>Wait until the cluster is loaded: the takeover baseline records what runs.</source>
        <translation>Warten Sie, bis der Cluster geladen ist: Der Ausgangsstand der Übernahme hält fest, was läuft.</translation>
    </message>
    <message>
        <source>Load the cluster first: the takeover baseline records what runs in it.</source>
        <translation>Laden Sie zuerst den Cluster: Der Ausgangsstand der Übernahme hält fest, was darin läuft.</translation>
    </message>
    <message>
        <source>Open the repository first: Flux&apos;s files are committed and pushed there.</source>
        <translation>Öffnen Sie zuerst das Repository: Die Dateien von Flux werden dort committet und gepusht.</translation>
    </message>
    <message>
        <source>Recording the takeover baseline</source>
        <translation>Ausgangsstand der Übernahme aufzeichnen</translation>
    </message>
    <message>
        <source>Bootstrapping Flux: recording the takeover baseline…</source>
        <translation>Bootstrap von Flux: Ausgangsstand der Übernahme wird aufgezeichnet…</translation>
    </message>
    <message>
        <source>Bootstrapping Flux: %1…</source>
        <translation>Bootstrap von Flux: %1…</translation>
    </message>
    <message>
        <source>Flux runs and reads the repository: loading the cluster again to watch it</source>
        <translation>Flux läuft und liest das Repository: Der Cluster wird neu geladen, um es zu beobachten</translation>
    </message>
    <message>
        <source>Bootstrap failed: %1</source>
        <translation>Bootstrap fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Bootstrap cancelled: %1</source>
        <translation>Bootstrap abgebrochen: %1</translation>
    </message>
    <message>
        <source>Flux gets no age key: %1</source>
        <translation>Flux erhält keinen age-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Reading your age key</source>
        <translation>Ihr age-Schlüssel wird gelesen</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::BootstrapPreflightPage</name>
    <message>
        <source>Pre-flight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <source>What flux check --pre checks, and whether the repository is committed, pushed and reachable.</source>
        <translation>Was flux check --pre prüft, und ob das Repository committet, gepusht und erreichbar ist.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 checks stop the bootstrap: do what they say, then Check Again.</source>
        <translation>%1 von %2 Prüfungen verhindern den Bootstrap: Tun Sie, was sie sagen, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Nothing stops the bootstrap; read the %1 warnings first.</source>
        <translation>Nichts verhindert den Bootstrap; lesen Sie zuerst die Warnungen (%1).</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>Alle Prüfungen bestanden.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::BootstrapRunPage</name>
    <message>
        <source>Bootstrap</source>
        <translation>Bootstrap</translation>
    </message>
    <message>
        <source>Each step waits for the one before. Cancel stops at once and says what is in the cluster.</source>
        <translation>Jeder Schritt wartet auf den vorigen. Abbrechen hält sofort an und sagt, was im Cluster ist.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Add this deploy key to the repository (read-only)</source>
        <translation>Diesen Deploy Key zum Repository hinzufügen (nur lesend)</translation>
    </message>
    <message>
        <source>&amp;Copy Key</source>
        <translation>Schlüssel &amp;kopieren</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>C&amp;hange Settings</source>
        <translation>Einstellungen &amp;ändern</translation>
    </message>
    <message>
        <source>The public key is on the clipboard.</source>
        <translation>Der öffentliche Schlüssel ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Fingerprint %1</source>
        <translation>Fingerabdruck %1</translation>
    </message>
    <message>
        <source>Open the deploy keys page</source>
        <translation>Seite der Deploy Keys öffnen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Added at the host: fingerprint %1</source>
        <translation>Beim Host hinzugefügt: Fingerabdruck %1</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <source>Committed %1 and pushed.</source>
        <translation>%1 committet und gepusht.</translation>
    </message>
    <message>
        <source>Committed %1, not pushed.</source>
        <translation>%1 committet, nicht gepusht.</translation>
    </message>
    <message>
        <source>Flux runs and reads the repository.</source>
        <translation>Flux läuft und liest das Repository.</translation>
    </message>
    <message>
        <source>Watch it in the Flux view, then open the takeover report to check that Flux adopted what was running.</source>
        <translation>Beobachten Sie es in der Flux-Ansicht und öffnen Sie dann den Übernahmebericht, um zu prüfen, ob Flux übernommen hat, was lief.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Nothing was applied to the cluster.</source>
        <translation>Auf den Cluster wurde nichts angewendet.</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>Abgebrochen: %1.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::BootstrapSession</name>
    <message>
        <source>Reading the repository&apos;s remote</source>
        <translation>Remote des Repositorys lesen</translation>
    </message>
    <message>
        <source>Getting Flux&apos;s components</source>
        <translation>Komponenten von Flux beschaffen</translation>
    </message>
    <message>
        <source>Writing the flux-system files</source>
        <translation>flux-system-Dateien schreiben</translation>
    </message>
    <message>
        <source>Committing and pushing</source>
        <translation>Commit und Push</translation>
    </message>
    <message>
        <source>Making the credentials Flux reads the repository with</source>
        <translation>Zugangsdaten erstellen, mit denen Flux das Repository liest</translation>
    </message>
    <message>
        <source>Applying Flux to the cluster</source>
        <translation>Flux auf den Cluster anwenden</translation>
    </message>
    <message>
        <source>commit %1 was made but not pushed: %2</source>
        <translation>Commit %1 wurde erstellt, aber nicht gepusht: %2</translation>
    </message>
    <message>
        <source>HTTPS needs a token for Flux to read the repository with</source>
        <translation>HTTPS benötigt ein Token, mit dem Flux das Repository liest</translation>
    </message>
    <message>
        <source>Flux reads %1 over HTTPS: give a token, or use an SSH remote for a deploy key</source>
        <translation>Flux liest %1 über HTTPS: Geben Sie ein Token an oder verwenden Sie ein SSH-Remote für einen Deploy Key</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::BootstrapWizard</name>
    <message>
        <source>Bootstrap Flux</source>
        <translation>Bootstrap von Flux</translation>
    </message>
    <message>
        <source>Takeover &amp;Report</source>
        <translation>Übernahme&amp;bericht</translation>
    </message>
    <message>
        <source>&amp;Bootstrap</source>
        <translation>&amp;Bootstrap</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ChangesModel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Umbenannt</translation>
    </message>
    <message>
        <source>Type changed</source>
        <translation>Typ geändert</translation>
    </message>
    <message>
        <source>Conflicted</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Renamed from %1</source>
        <translation>Umbenannt von %1</translation>
    </message>
    <message>
        <source>%1, partly staged</source>
        <translation>%1, teilweise vorgemerkt</translation>
    </message>
    <message>
        <source>%1, staged</source>
        <translation>%1, vorgemerkt</translation>
    </message>
    <message>
        <source>File (check to stage)</source>
        <translation>Datei (ankreuzen zum Vormerken)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>1 new file</source>
        <translation>1 neue Datei</translation>
    </message>
    <message>
        <source>%1 new files</source>
        <translation>%1 neue Dateien</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>%1 renamed</source>
        <translation>%1 umbenannt</translation>
    </message>
    <message>
        <source>%1 in conflict</source>
        <translation>%1 mit Konflikt</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Joins the counts of a change summary: &quot;118 new files, 3 changed&quot;</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ChangesPanel</name>
    <message>
        <source>No repository is open. Open the checkout your manifests go to, or initialise a new repository in an empty folder, to review, commit and push changes here.</source>
        <translation>Kein Repository geöffnet. Öffnen Sie den Checkout, in den Ihre Manifeste geschrieben werden, oder initialisieren Sie ein neues Repository in einem leeren Ordner, um Änderungen hier zu prüfen, zu committen und zu pushen.</translation>
    </message>
    <message>
        <source>Open Repository…</source>
        <translation>Repository öffnen…</translation>
    </message>
    <message>
        <source>Initialise a Repository Here…</source>
        <translation>Repository hier initialisieren…</translation>
    </message>
    <message>
        <source>Creates a new git repository (first branch &quot;main&quot;) in an empty folder</source>
        <translation>Legt ein neues Git-Repository (erster Branch &quot;main&quot;) in einem leeren Ordner an</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>&amp;Fetch</translation>
    </message>
    <message>
        <source>Download the remote&apos;s new commits and refresh ahead/behind</source>
        <translation>Neue Commits des Remotes herunterladen und Vorsprung/Rückstand aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stage &amp;All</source>
        <translation>&amp;Alle vormerken</translation>
    </message>
    <message>
        <source>&amp;Unstage All</source>
        <translation>Alle &amp;Vormerkungen aufheben</translation>
    </message>
    <message>
        <source>Select a file to see its changes.</source>
        <translation>Wählen Sie eine Datei aus, um ihre Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>Commit message (a default naming the change is proposed once files are staged)</source>
        <translation>Commit-Nachricht (sobald Dateien vorgemerkt sind, wird eine Standardnachricht vorgeschlagen, die die Änderung benennt)</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Commit</translation>
    </message>
    <message>
        <source>Commit the staged files (Ctrl+Return)</source>
        <translation>Die vorgemerkten Dateien committen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Commit &amp;&amp; &amp;Push</source>
        <translation>Commit &amp;&amp; &amp;Push</translation>
    </message>
    <message>
        <source>Commit the staged files and push the branch (never forced)</source>
        <translation>Die vorgemerkten Dateien committen und den Branch pushen (niemals erzwungen)</translation>
    </message>
    <message>
        <source>Committing is not possible here: %1</source>
        <translation>Committen ist hier nicht möglich: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Detached HEAD (no branch checked out)</source>
        <translation>Detached HEAD (kein Branch ausgecheckt)</translation>
    </message>
    <message>
        <source>Branch %1 — no commits yet</source>
        <translation>Branch %1 — noch keine Commits</translation>
    </message>
    <message>
        <source>Branch %1 — no upstream yet (the first push goes to origin)</source>
        <translation>Branch %1 — noch kein Upstream (der erste Push geht an origin)</translation>
    </message>
    <message>
        <source>Branch %1 → %2 — %3 ahead, %4 behind</source>
        <translation>Branch %1 → %2 — %3 voraus, %4 zurück</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Write a commit message first.</source>
        <translation>Schreiben Sie zuerst eine Commit-Nachricht.</translation>
    </message>
    <message>
        <source>Not committed: git needs your name and email for the commit.</source>
        <translation>Nicht committet: Git benötigt Ihren Namen und Ihre E-Mail-Adresse für den Commit.</translation>
    </message>
    <message>
        <source>Committing and pushing…</source>
        <translation>Commit und Push werden ausgeführt…</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Commit wird ausgeführt…</translation>
    </message>
    <message>
        <source>Committed %1.</source>
        <translation>%1 committet.</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Fetch wird ausgeführt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Open Repository</source>
        <translation>Repository öffnen</translation>
    </message>
    <message>
        <source>Initialise a Repository in an Empty Folder</source>
        <translation>Repository in einem leeren Ordner initialisieren</translation>
    </message>
    <message>
        <source>%1 is not empty. Choose an empty folder to initialise a repository in, or open the repository that folder belongs to.</source>
        <translation>%1 ist nicht leer. Wählen Sie einen leeren Ordner, um darin ein Repository zu initialisieren, oder öffnen Sie das Repository, zu dem dieser Ordner gehört.</translation>
    </message>
    <message>
        <source>Initialised an empty repository with the branch main.</source>
        <translation>Leeres Repository mit dem Branch main initialisiert.</translation>
    </message>
    <message>
        <source>Counting objects: %v of %m</source>
        <translation>Objekte werden gezählt: %v von %m</translation>
    </message>
    <message>
        <source>Compressing: %v of %m</source>
        <translation>Komprimierung: %v von %m</translation>
    </message>
    <message>
        <source>Uploading: %v of %m objects</source>
        <translation>Hochladen: %v von %m Objekten</translation>
    </message>
    <message>
        <source>Downloading: %v of %m objects</source>
        <translation>Herunterladen: %v von %m Objekten</translation>
    </message>
    <message>
        <source>Resolving: %v of %m</source>
        <translation>Auflösen: %v von %m</translation>
    </message>
    <message>
        <source>The remote branch has commits this checkout does not have, so the push was refused. Press Fetch to download them, then merge or rebase with your git tool and push again. Fluxdesk never force-pushes.
(%1)</source>
        <translation>Der Remote-Branch enthält Commits, die dieser Checkout nicht hat, daher wurde der Push abgelehnt. Klicken Sie auf Fetch, um sie herunterzuladen, führen Sie dann mit Ihrem Git-Werkzeug einen Merge oder Rebase durch und pushen Sie erneut. Fluxdesk führt niemals einen Force-Push aus.
(%1)</translation>
    </message>
    <message>
        <source>The remote refused the push: %1</source>
        <translation>Das Remote hat den Push abgelehnt: %1</translation>
    </message>
    <message>
        <source>Nothing is staged: check the files to commit, or press Stage All.</source>
        <translation>Nichts vorgemerkt: Kreuzen Sie die zu committenden Dateien an oder klicken Sie auf Alle vormerken.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No changes: the work tree matches the last commit.</source>
        <translation>Keine Änderungen: Der Arbeitsbaum entspricht dem letzten Commit.</translation>
    </message>
    <message>
        <source>Committed %1 and pushed %2 to %3.</source>
        <translation>%1 committet und %2 nach %3 gepusht.</translation>
    </message>
    <message>
        <source>Pushed %1 to %2.</source>
        <translation>%1 nach %2 gepusht.</translation>
    </message>
    <message>
        <source>Fetched: %1 ahead, %2 behind.</source>
        <translation>Fetch ausgeführt: %1 voraus, %2 zurück.</translation>
    </message>
    <message>
        <source>The branch now tracks it.</source>
        <translation>Der Branch verfolgt ihn jetzt als Upstream.</translation>
    </message>
    <message>
        <source>Committed %1 (the commit is kept), but the push failed. %2</source>
        <translation>%1 committet (der Commit bleibt erhalten), aber der Push ist fehlgeschlagen. %2</translation>
    </message>
    <message>
        <source>Clone…</source>
        <translation>Klonen…</translation>
    </message>
    <message>
        <source>Clones a repository from a URL into a new or empty folder</source>
        <translation>Klont ein Repository von einer URL in einen neuen oder leeren Ordner</translation>
    </message>
    <message>
        <source>Pus&amp;h</source>
        <translation>Pus&amp;h</translation>
    </message>
    <message>
        <source>Push the branch&apos;s commits without committing (never forced)</source>
        <translation>Die Commits des Branches pushen, ohne zu committen (niemals erzwungen)</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Push %1 to origin for the first time and track it (never forced)</source>
        <translation>%1 zum ersten Mal nach origin pushen und als Upstream verfolgen (niemals erzwungen)</translation>
    </message>
    <message>
        <source>Push 1 commit to %1 (never forced)</source>
        <translation>1 Commit nach %1 pushen (niemals erzwungen)</translation>
    </message>
    <message>
        <source>Push %1 commits to %2 (never forced)</source>
        <translation>%1 Commits nach %2 pushen (niemals erzwungen)</translation>
    </message>
    <message>
        <source>Nothing to push: %1 has every commit of this branch</source>
        <translation>Nichts zu pushen: %1 enthält alle Commits dieses Branches</translation>
    </message>
    <message>
        <source>the remote</source>
        <translation>das Remote</translation>
    </message>
    <message>
        <source>Pushing…</source>
        <translation>Push wird ausgeführt…</translation>
    </message>
    <message>
        <source>Not reverted: git needs your name and email for the new commit.</source>
        <translation>Nicht zurückgenommen: Git benötigt Ihren Namen und Ihre E-Mail-Adresse für den neuen Commit.</translation>
    </message>
    <message>
        <source>Reverting %1…</source>
        <translation>%1 wird zurückgenommen…</translation>
    </message>
    <message>
        <source>Not cloned: %1</source>
        <translation>Nicht geklont: %1</translation>
    </message>
    <message>
        <source>Cloning %1 into %2…</source>
        <translation>%1 wird nach %2 geklont…</translation>
    </message>
    <message>
        <source>Cloned into %1.</source>
        <translation>Nach %1 geklont.</translation>
    </message>
    <message>
        <source>Reverted %1 with the new commit %2 (not pushed yet).</source>
        <translation>%1 mit dem neuen Commit %2 zurückgenommen (noch nicht gepusht).</translation>
    </message>
    <message>
        <source>Not reverted: %1</source>
        <translation>Nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>%1; %2 of %3 staged: Commit records the staged files.</source>
        <extracomment>%1: what changed (&quot;118 new files, 3 changed&quot;); %2 of %3: staged files of all</extracomment>
        <translation>%1; %2 von %3 vorgemerkt: Der Commit erfasst die vorgemerkten Dateien.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::CleanPreviewDialog</name>
    <message>
        <source>Clean %1</source>
        <translation>%1 bereinigen</translation>
    </message>
    <message>
        <source>Nothing to clean: the text has no server-written fields.</source>
        <translation>Nichts zu bereinigen: Der Text enthält keine vom Server geschriebenen Felder.</translation>
    </message>
    <message>
        <source>Nothing to remove. Applying only rewrites the text in the conventional key order and indentation shown in the diff.</source>
        <translation>Nichts zu entfernen. Beim Anwenden wird der Text nur in der üblichen Schlüsselreihenfolge und Einrückung neu geschrieben, wie im Diff gezeigt.</translation>
    </message>
    <message>
        <source>Fields to remove: %1, by %2 rules. Review the diff, then Apply.</source>
        <extracomment>Clean preview summary: number of fields, number of rules</extracomment>
        <translation>Zu entfernende Felder: %1, nach %2 Regeln. Prüfen Sie den Diff und klicken Sie dann auf Anwenden.</translation>
    </message>
    <message>
        <source>This text has comments. The cleaned text is written anew and will not keep them; Undo brings them back.</source>
        <translation>Dieser Text enthält Kommentare. Der bereinigte Text wird neu geschrieben und behält sie nicht; Rückgängig stellt sie wieder her.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>%1
Rule %2: %3</source>
        <extracomment>Clean preview: field path, rule name, the rule&apos;s reason</extracomment>
        <translation>%1
Regel %2: %3</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Not fixed by the clean</source>
        <translation>Durch das Bereinigen nicht behoben</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>The diff could not be computed: %1</source>
        <translation>Der Diff konnte nicht berechnet werden: %1</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::CleanRules</name>
    <message>
        <source>a rule without a name</source>
        <translation>eine Regel ohne Namen</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;: %2</source>
        <translation>Regel &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>needs a list of paths</source>
        <translation>benötigt eine Liste von Pfaden</translation>
    </message>
    <message>
        <source>unknown condition &quot;%1&quot;</source>
        <translation>unbekannte Bedingung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>userSet must be keep or ignore</source>
        <translation>userSet muss keep oder ignore sein</translation>
    </message>
    <message>
        <source>bad path &quot;%1&quot;</source>
        <translation>ungültiger Pfad &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a rules file needs a &quot;rules&quot; list</source>
        <translation>eine Regeldatei benötigt eine &quot;rules&quot;-Liste</translation>
    </message>
    <message>
        <source>every rule must be a map</source>
        <translation>jede Regel muss eine Map sein</translation>
    </message>
    <message>
        <source>cannot read the file</source>
        <translation>die Datei kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Cli</name>
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
    <message>
        <source>cannot read standard input</source>
        <translation>die Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: comments are not kept in the cleaned output</source>
        <translation>%1: Kommentare bleiben in der bereinigten Ausgabe nicht erhalten</translation>
    </message>
    <message>
        <source>commit needs --repo DIR</source>
        <translation>commit benötigt --repo DIR</translation>
    </message>
    <message>
        <source>commit needs a message: -m MSG</source>
        <translation>commit benötigt eine Nachricht: -m MSG</translation>
    </message>
    <message>
        <source>commit %1 was made but not pushed: %2</source>
        <translation>Commit %1 wurde erstellt, aber nicht gepusht: %2</translation>
    </message>
    <message>
        <source>pushed %1 to %2 (%3)%4
</source>
        <translation>%1 nach %2 gepusht (%3)%4
</translation>
    </message>
    <message>
        <source>, upstream set</source>
        <translation>, Upstream gesetzt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>convert-helm needs a RELEASE (and -n NAMESPACE)</source>
        <translation>convert-helm benötigt ein RELEASE (und -n NAMESPACE)</translation>
    </message>
    <message>
        <source>no Helm release &quot;%1&quot;; releases: %2</source>
        <translation>kein Helm-Release &quot;%1&quot;; Releases: %2</translation>
    </message>
    <message>
        <source>no Helm release &quot;%1&quot; in namespace %2; releases there: %3</source>
        <translation>kein Helm-Release &quot;%1&quot; im Namespace %2; Releases dort: %3</translation>
    </message>
    <message>
        <source>Helm release &quot;%1&quot; exists in several namespaces (%2): give -n</source>
        <translation>Helm-Release &quot;%1&quot; existiert in mehreren Namespaces (%2): geben Sie -n an</translation>
    </message>
    <message>
        <source>lint needs --repo DIR</source>
        <translation>lint benötigt --repo DIR</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>Ordner existiert nicht</translation>
    </message>
    <message>
        <source>unknown template field {%1}; known: {namespace} {kind} {name} {group}</source>
        <translation>unbekanntes Vorlagenfeld {%1}; bekannt: {namespace} {kind} {name} {group}</translation>
    </message>
    <message>
        <source>split needs a FILE (or - for standard input)</source>
        <translation>split benötigt eine FILE (oder - für die Standardeingabe)</translation>
    </message>
    <message>
        <source>written</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>beibehalten</translation>
    </message>
    <message>
        <source>plan needs --repo DIR</source>
        <translation>plan benötigt --repo DIR</translation>
    </message>
    <message>
        <source>the repository folder does not exist</source>
        <translation>der Repository-Ordner existiert nicht</translation>
    </message>
    <message>
        <source>--cluster &quot;%1&quot; is not a valid name (lower-case letters, digits and &apos;-&apos;)</source>
        <translation>--cluster &quot;%1&quot; ist kein gültiger Name (Kleinbuchstaben, Ziffern und &apos;-&apos;)</translation>
    </message>
    <message>
        <source>bootstrap</source>
        <translation>Bootstrap</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <source>--%1 needs plan --write</source>
        <translation>--%1 benötigt plan --write</translation>
    </message>
    <message>
        <source>--accept and --accept-all exclude each other</source>
        <translation>--accept und --accept-all schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>--remove and --remove-all-stale exclude each other</source>
        <translation>--remove und --remove-all-stale schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>not in plan</source>
        <translation>nicht im Plan</translation>
    </message>
    <message>
        <source>%1 written, %2 updated, %3 unchanged, %4 kept as edited, %5 removed, %6 no longer planned
</source>
        <translation>%1 geschrieben, %2 aktualisiert, %3 unverändert, %4 als bearbeitet beibehalten, %5 entfernt, %6 nicht mehr geplant
</translation>
    </message>
    <message>
        <source>hint: kept files differ from the plan; --accept PATH (repeatable) or --accept-all writes the plan&apos;s version
</source>
        <translation>Hinweis: beibehaltene Dateien weichen vom Plan ab; --accept PATH (wiederholbar) oder --accept-all schreibt die Version des Plans
</translation>
    </message>
    <message>
        <source>hint: --remove PATH (repeatable) or --remove-all-stale deletes the files no longer planned
</source>
        <translation>Hinweis: --remove PATH (wiederholbar) oder --remove-all-stale löscht die nicht mehr geplanten Dateien
</translation>
    </message>
    <message>
        <source>--accept: not a file of the plan</source>
        <translation>--accept: keine Datei des Plans</translation>
    </message>
    <message>
        <source>%1 planned, %2 up to date, %3 differ, %4 on disk only, %5 no longer planned, %6 objects excluded
</source>
        <translation>%1 geplant, %2 aktuell, %3 abweichend, %4 nur auf der Festplatte, %5 nicht mehr geplant, %6 Objekte ausgeschlossen
</translation>
    </message>
    <message>
        <source>the file changed while it was being read</source>
        <translation>die Datei hat sich geändert, während sie gelesen wurde</translation>
    </message>
    <message>
        <source>%1 does not take --%2</source>
        <translation>%1 akzeptiert kein --%2</translation>
    </message>
    <message>
        <source>split takes --repo only with --clean</source>
        <translation>split akzeptiert --repo nur zusammen mit --clean</translation>
    </message>
    <message>
        <source>1 Secret</source>
        <translation>1 Secret</translation>
    </message>
    <message>
        <source>%1 Secrets</source>
        <translation>%1 Secrets</translation>
    </message>
    <message>
        <source>left out %1, whose data would land in Git in plain text (--include-secrets writes them): %2</source>
        <translation>%1 ausgelassen, deren Daten im Klartext in Git landen würden (--include-secrets schreibt sie): %2</translation>
    </message>
    <message>
        <source>the HelmRelease reads its credential-like values (%1) from Secret %2/%3, keys %4, which is not printed: create it in the cluster before Flux applies the HelmRelease, or plan the repository and include it; --inline-credentials keeps them in spec.values as plain text</source>
        <translation>das HelmRelease liest seine Werte, die wie Zugangsdaten aussehen (%1), aus dem Secret %2/%3, Schlüssel %4, das nicht ausgegeben wird: Legen Sie es im Cluster an, bevor Flux das HelmRelease anwendet, oder planen Sie das Repository und nehmen Sie es auf; --inline-credentials behält sie als Klartext in spec.values</translation>
    </message>
    <message>
        <source>--force-demo needs plan with --demo</source>
        <translation>--force-demo benötigt plan mit --demo</translation>
    </message>
    <message>
        <source>plan --write refuses to write the built-in demo cluster into a repository that already holds manifests; connect your cluster with --kubeconfig/--context, or add --force-demo to write the demo&apos;s objects anyway</source>
        <translation>plan --write schreibt den eingebauten Demo-Cluster nicht in ein Repository, das bereits Manifeste enthält; verbinden Sie Ihren Cluster mit --kubeconfig/--context, oder fügen Sie --force-demo hinzu, um die Objekte der Demo trotzdem zu schreiben</translation>
    </message>
    <message>
        <source>validate needs --repo DIR</source>
        <translation>validate benötigt --repo DIR</translation>
    </message>
    <message>
        <source>the repository has no folder clusters/%1; name a cluster folder it has, or leave --cluster out to validate them all</source>
        <translation>das Repository hat keinen Ordner clusters/%1; nennen Sie einen vorhandenen Cluster-Ordner, oder lassen Sie --cluster weg, um alle zu validieren</translation>
    </message>
    <message>
        <source>no server dry-run: %1 is not a live cluster; the kustomize builds, schemas and lint are checked</source>
        <translation>kein Server-Dry-Run: %1 ist kein Live-Cluster; geprüft werden die kustomize-Builds, die Schemas und Lint</translation>
    </message>
    <message>
        <source>validated 1 kustomization of %1: %2</source>
        <translation>1 Kustomization von %1 validiert: %2</translation>
    </message>
    <message>
        <source>validated %1 kustomizations of %2: %3</source>
        <translation>%1 Kustomizations von %2 validiert: %3</translation>
    </message>
    <message>
        <source>flux needs a subcommand: %1</source>
        <translation>flux benötigt einen Unterbefehl: %1</translation>
    </message>
    <message>
        <source>flux: unknown subcommand &quot;%1&quot;; available: %2</source>
        <translation>flux: unbekannter Unterbefehl &quot;%1&quot;; verfügbar: %2</translation>
    </message>
    <message>
        <source>flux %1 needs KIND NAME</source>
        <translation>flux %1 benötigt KIND NAME</translation>
    </message>
    <message>
        <source>flux %1: unexpected argument &quot;%2&quot;</source>
        <translation>flux %1: unerwartetes Argument &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--record needs flux takeover</source>
        <translation>--record benötigt flux takeover</translation>
    </message>
    <message>
        <source>--pre needs flux check</source>
        <translation>--pre benötigt flux check</translation>
    </message>
    <message>
        <source>--version V needs flux check --pre or flux bootstrap</source>
        <translation>--version V benötigt flux check --pre oder flux bootstrap</translation>
    </message>
    <message>
        <source>--%1 needs flux bootstrap</source>
        <translation>--%1 benötigt flux bootstrap</translation>
    </message>
    <message>
        <source>--version and --components-file exclude each other</source>
        <translation>--version und --components-file schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>--ssh-key-algorithm is ecdsa or ed25519</source>
        <translation>--ssh-key-algorithm ist ecdsa oder ed25519</translation>
    </message>
    <message>
        <source>--host-api is github or gitea</source>
        <translation>--host-api ist github oder gitea</translation>
    </message>
    <message>
        <source>--host-api needs --host-token-env VAR (the variable holding the API token)</source>
        <translation>--host-api benötigt --host-token-env VAR (die Variable mit dem API-Token)</translation>
    </message>
    <message>
        <source>--token-env (HTTPS) excludes a deploy key (--host-api, --ssh-key-algorithm)</source>
        <translation>--token-env (HTTPS) schließt einen Deploy Key aus (--host-api, --ssh-key-algorithm)</translation>
    </message>
    <message>
        <source>--with-source needs flux reconcile</source>
        <translation>--with-source benötigt flux reconcile</translation>
    </message>
    <message>
        <source>flux %1 needs KIND NAME (KIND: %2)</source>
        <translation>flux %1 benötigt KIND NAME (KIND: %2)</translation>
    </message>
    <message>
        <source>flux %1: unknown kind &quot;%2&quot;; Flux&apos;s kinds: %3</source>
        <translation>flux %1: unbekanntes Kind &quot;%2&quot;; Kinds von Flux: %3</translation>
    </message>
    <message>
        <source>%1 %2/%3 not found in the cluster</source>
        <translation>%1 %2/%3 nicht im Cluster gefunden</translation>
    </message>
    <message>
        <source>%1 %2: the environment variable is empty or not set</source>
        <translation>%1 %2: Die Umgebungsvariable ist leer oder nicht gesetzt</translation>
    </message>
    <message>
        <source>flux bootstrap needs --repo DIR</source>
        <translation>flux bootstrap benötigt --repo DIR</translation>
    </message>
    <message>
        <source>flux bootstrap needs the Flux version to install (--version V, e.g. 2.6.1) or its components manifest (--components-file F): there is no flux CLI on PATH to ask</source>
        <translation>flux bootstrap benötigt die zu installierende Flux-Version (--version V, z. B. 2.6.1) oder deren Komponenten-Manifest (--components-file F): Im PATH gibt es keine flux-CLI, die man fragen könnte</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Add this deploy key (read-only) to the repository, at %1:
%2
fingerprint %3
</source>
        <translation>Fügen Sie diesen Deploy Key (schreibgeschützt) dem Repository hinzu, unter %1:
%2
Fingerprint %3
</translation>
    </message>
    <message>
        <source>written   %1
</source>
        <translation>geschrieben %1
</translation>
    </message>
    <message>
        <source>committed %1%2
</source>
        <translation>committet   %1%2
</translation>
    </message>
    <message>
        <source> and pushed</source>
        <translation> und gepusht</translation>
    </message>
    <message>
        <source>deploy key %1 added at %2
</source>
        <translation>Deploy Key %1 hinzugefügt unter %2
</translation>
    </message>
    <message>
        <source>bootstrap cancelled while %1</source>
        <translation>Bootstrap abgebrochen bei: %1</translation>
    </message>
    <message>
        <source>Flux runs and reads the repository: watch it with `fluxdesk-cli flux status`, then check the takeover with `fluxdesk-cli flux takeover --repo %1`
</source>
        <translation>Flux läuft und liest das Repository: Beobachten Sie es mit `fluxdesk-cli flux status` und prüfen Sie dann die Übernahme mit `fluxdesk-cli flux takeover --repo %1`
</translation>
    </message>
    <message>
        <source>pre-flight checks failed
</source>
        <translation>Vorabprüfungen fehlgeschlagen
</translation>
    </message>
    <message>
        <source>pre-flight checks passed for Flux %1
</source>
        <translation>Vorabprüfungen für Flux %1 bestanden
</translation>
    </message>
    <message>
        <source>Flux is not fully up
</source>
        <translation>Flux läuft nicht vollständig
</translation>
    </message>
    <message>
        <source>all checks passed
</source>
        <translation>alle Prüfungen bestanden
</translation>
    </message>
    <message>
        <source>no Flux objects in %1: Flux is not installed, or holds nothing yet</source>
        <translation>keine Flux-Objekte in %1: Flux ist nicht installiert oder enthält noch nichts</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>SUSPENDED</source>
        <translation>AUSGESETZT</translation>
    </message>
    <message>
        <source>REVISION</source>
        <translation>REVISION</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>MELDUNG</translation>
    </message>
    <message>
        <source>Flux already runs in this cluster (namespace flux-system): what is recorded now may already be Flux&apos;s own objects, so a takeover that already recreated something cannot be seen</source>
        <translation>Flux läuft bereits in diesem Cluster (Namespace flux-system): Was jetzt erfasst wird, können bereits die eigenen Objekte von Flux sein, daher ist eine Übernahme, die bereits etwas neu erstellt hat, nicht erkennbar</translation>
    </message>
    <message>
        <source>recorded %1 objects and %2 Helm releases (%3 objects of theirs) in %4
</source>
        <translation>%1 Objekte und %2 Helm-Releases (mit %3 zugehörigen Objekten) in %4 erfasst
</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>Release %1</translation>
    </message>
    <message>
        <source>flux takeover needs --repo DIR</source>
        <translation>flux takeover benötigt --repo DIR</translation>
    </message>
    <message>
        <source>no takeover baseline: record what runs before Flux takes over with `fluxdesk-cli flux takeover --repo DIR --record` (Fluxdesk&apos;s bootstrap records it)</source>
        <translation>kein Ausgangsstand für die Übernahme: Erfassen Sie, was läuft, bevor Flux übernimmt, mit `fluxdesk-cli flux takeover --repo DIR --record` (der Bootstrap von Fluxdesk erfasst ihn)</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>BEFUND</translation>
    </message>
    <message>
        <source>OBJECT</source>
        <translation>OBJEKT</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETAIL</translation>
    </message>
    <message>
        <source>the baseline holds no uids: recreated objects are told by their creation time only</source>
        <translation>der Ausgangsstand enthält keine uids: Neu erstellte Objekte werden nur an ihrer Erstellungszeit erkannt</translation>
    </message>
    <message>
        <source>%1 adopted in place, %2 not yet, %3 warnings, %4 in danger
</source>
        <translation>%1 an Ort und Stelle übernommen, %2 noch nicht, %3 Warnungen, %4 in Gefahr
</translation>
    </message>
    <message>
        <source>%1 needs a live cluster (--kubeconfig/--context), not %2</source>
        <translation>%1 benötigt einen Live-Cluster (--kubeconfig/--context), nicht %2</translation>
    </message>
    <message>
        <source>Usage: fluxdesk-cli [--kubeconfig PATH] [--context NAME] [--snapshot PATH | --demo] [--json] COMMAND

Commands:
  contexts              list the kubeconfig&apos;s contexts, the current one marked &apos;*&apos;
  inventory --out DIR   a record of what the cluster runs before you migrate it (namespaces, Helm releases and their values, workloads, services, storage, CRDs) as files in DIR; each file is private (mode 0600, readable by you alone): Helm values hold passwords
  snapshot --out FILE   every listed object as one kind: List (.yaml or .json); the file is private (mode 0600, readable by you alone): it holds the cluster&apos;s Secrets
  releases              Helm releases: NAME NAMESPACE REVISION STATUS CHART VERSION APP-VERSION
  convert-helm RELEASE -n NAMESPACE [--inline-credentials]
                        the Flux source + HelmRelease for one release; values that look like credentials move to a Secret read through valuesFrom (not printed) unless --inline-credentials keeps them in spec.values as plain text
  split FILE|- --out DIR [--template T] [--clean [--repo DIR]] [--include-secrets]
                        one file per resource (default template {name}-{kind}.yaml, fields {namespace} {kind} {name} {group}, preset kubectl-slice); --clean cleans each one first, as clean does; Secrets are left out unless --include-secrets; prints each path written
  lint --repo DIR       problems as FILE:LINE:COL: severity: message; exit 1 on errors
  clean [FILE|-] [--repo DIR] [--include-secrets]
                        cleaned manifests on stdout (server fields and defaults removed; --repo applies DIR/.fluxdesk/clean-rules.yaml); problems as warnings on stderr; Secrets (Helm&apos;s release records too) are left out unless --include-secrets, as their data would land in Git in plain text
  plan --repo DIR [--cluster NAME] [--encrypt-secrets] [--write [--accept PATH | --accept-all] [--remove PATH | --remove-all-stale]]
                        the planned repository, a status per file (&quot;not in plan&quot;: YAML the plan no longer produces); exit 1 when files are planned or differ; --write writes new files and keeps hand-edited ones unless --accept names them (repeatable; --accept-all: every differing file), deletes only the not-in-plan files --remove names (repeatable; --remove-all-stale: all of them); with --demo, --write refuses a repository that already holds manifests unless --force-demo is given; --encrypt-secrets writes included Secrets SOPS-encrypted for the recipients of the repository&apos;s .sops.yaml (see secrets setup; kept in .fluxdesk/plan.yaml as secrets: {encrypt: true})
  validate --repo DIR [--cluster NAME]
                        what Flux will read, checked before a push: builds every kustomization Flux reads (kustomize, else kubectl kustomize), checks every Flux object against the Flux schemas, lints; problems as FILE:LINE:COL: severity: message; exit 1 on errors; with --kubeconfig/--context (a live cluster) also a server-side dry-run apply, not with --snapshot or --demo
  commit --repo DIR -m MSG [--push]
                        stage everything, commit, print the commit id; --push pushes to the upstream (or origin); exit 1 when nothing to commit, 2 when refused or the push fails (the commit stays)
  flux check [--pre [--version V] [--repo DIR]]
                        like flux check: Flux&apos;s controllers up, its source and flux-system Kustomization Ready; --pre, before a bootstrap: the Kubernetes version within Flux V&apos;s range (default: the newest Fluxdesk knows), permission to create cluster-scoped objects, Flux or the Flux Operator already installed, and with --repo the checkout committed, pushed and its remote reachable; exit 1 when a check fails
  flux bootstrap --repo DIR [--cluster NAME] [--version V | --components-file F] [--operator] [--sync-url URL] [--ssh-key-algorithm ecdsa|ed25519] [--token-env VAR] [--host-api github|gitea --host-token-env VAR] [--sops-age]
                        install Flux and point it at the repository as flux bootstrap git does, without the flux CLI: pre-flight; the takeover baseline; clusters/NAME/flux-system/ (gotk-components.yaml from a flux CLI on PATH, the release&apos;s install.yaml of version V checked against its checksums, or file F; --operator: a FluxInstance) committed and pushed; an SSH deploy key (shown to add, or added through the GitHub/Gitea API with the token in VAR) or an HTTPS token read from VAR; then server-side apply and a wait until Flux is Ready; --sops-age: the Secret sops-age with your age keys that open .sops.yaml&apos;s recipients, so Flux decrypts the Secrets
  flux status           every Flux object with its status, revision, suspended and message, like flux get all -A; exit 1 when one failed or stalled
  flux reconcile KIND NAME [-n NS] [--with-source]
                        ask Flux to reconcile now and wait until it did (the requestedAt annotation, as flux reconcile sets it and waits; --with-source: its source first); KIND: kustomization (ks), helmrelease (hr), gitrepository, helmrepository, ocirepository, helmchart, fluxinstance; NS defaults to flux-system; a suspended object is refused (exit 1)
  flux suspend|resume KIND NAME [-n NS]
                        set or clear spec.suspend, as flux suspend and resume do
  flux takeover --repo DIR [--record]
                        whether Flux adopted what ran before, object by object and Helm release by release, in place (the same uid; the release&apos;s next revision) or made it again; --record first writes what runs now to DIR/.fluxdesk/takeover.yaml, before Flux takes over; exit 1 while anything is not yet adopted, 2 on danger (an object holding data recreated, a release reinstalled)
  secrets keygen [--out FILE]
                        a new age key pair, like age-keygen: the private key is added to FILE (default: $SOPS_AGE_KEY_FILE, else ~/.config/sops/age/keys.txt, where sops looks; mode 0600), the public key (age1...) printed; back the key up: without it the Secrets encrypted to it are lost
  secrets encrypt FILE [--age RECIPIENT]... [--encrypted-regex R] [--in-place]
                        FILE as a SOPS file, like sops -e: to the --age recipients, else to those of the first .sops.yaml creation rule (in FILE&apos;s folder or above) matching it; printed, or written over FILE with --in-place
  secrets decrypt FILE [--in-place]
                        a SOPS file in the clear, like sops -d, with the age keys sops would use ($SOPS_AGE_KEY, $SOPS_AGE_KEY_FILE, ~/.config/sops/age/keys.txt); its MAC is checked; exit 1 when it does not decrypt
  secrets setup --repo DIR [--age RECIPIENT]...
                        make DIR ready for encrypted Secrets: .sops.yaml with a rule for the Secret files (data and stringData encrypted to the recipients, default: your age keys&apos;), .gitignore entries for key files, and spec.decryption (sops, Secret sops-age) on every Flux Kustomization whose path holds them; lists the Secret files still in plain text and exits 1 while there are any

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
  contexts              die Kontexte der Kubeconfig auflisten, der aktuelle mit &apos;*&apos; markiert
  inventory --out DIR   eine Aufstellung dessen, was der Cluster vor der Migration ausführt (Namespaces, Helm-Releases und ihre Values, Workloads, Services, Speicher, CRDs), als Dateien in DIR; jede Datei ist privat (Modus 0600, nur für Sie lesbar): Helm-Values enthalten Passwörter
  snapshot --out FILE   alle aufgelisteten Objekte als eine kind: List (.yaml oder .json); die Datei ist privat (Modus 0600, nur für Sie lesbar): Sie enthält die Secrets des Clusters
  releases              Helm-Releases: NAME NAMESPACE REVISION STATUS CHART VERSION APP-VERSION
  convert-helm RELEASE -n NAMESPACE [--inline-credentials]
                        die Flux-Quelle + das HelmRelease für ein Release; Values, die wie Zugangsdaten aussehen, wandern in ein Secret, das über valuesFrom gelesen wird (nicht ausgegeben), sofern --inline-credentials sie nicht als Klartext in spec.values behält
  split FILE|- --out DIR [--template T] [--clean [--repo DIR]] [--include-secrets]
                        eine Datei pro Ressource (Standardvorlage {name}-{kind}.yaml, Felder {namespace} {kind} {name} {group}, Voreinstellung kubectl-slice); --clean bereinigt jede zuerst, wie clean es tut; Secrets werden ausgelassen, außer mit --include-secrets; gibt jeden geschriebenen Pfad aus
  lint --repo DIR       Probleme als FILE:LINE:COL: severity: message; Exit-Code 1 bei Fehlern
  clean [FILE|-] [--repo DIR] [--include-secrets]
                        bereinigte Manifeste auf stdout (Server-Felder und Standardwerte entfernt; --repo wendet DIR/.fluxdesk/clean-rules.yaml an); Probleme als Warnungen auf stderr; Secrets (auch die Release-Einträge von Helm) werden ausgelassen, außer mit --include-secrets, da ihre Daten sonst im Klartext in Git landen würden
  plan --repo DIR [--cluster NAME] [--encrypt-secrets] [--write [--accept PATH | --accept-all] [--remove PATH | --remove-all-stale]]
                        das geplante Repository, ein Status pro Datei (&quot;nicht im Plan&quot;: YAML, das der Plan nicht mehr erzeugt); Exit-Code 1, wenn Dateien geplant sind oder abweichen; --write schreibt neue Dateien und behält von Hand bearbeitete, sofern --accept sie nicht nennt (wiederholbar; --accept-all: jede abweichende Datei), löscht nur die nicht geplanten Dateien, die --remove nennt (wiederholbar; --remove-all-stale: alle); mit --demo verweigert --write ein Repository, das bereits Manifeste enthält, sofern nicht --force-demo angegeben ist; --encrypt-secrets schreibt eingeschlossene Secrets SOPS-verschlüsselt für die Empfänger der .sops.yaml des Repositorys (siehe secrets setup; in .fluxdesk/plan.yaml als secrets: {encrypt: true} gespeichert)
  validate --repo DIR [--cluster NAME]
                        was Flux lesen wird, vor einem Push geprüft: baut jede Kustomization, die Flux liest (kustomize, sonst kubectl kustomize), prüft jedes Flux-Objekt gegen die Flux-Schemas, führt Lint aus; Probleme als FILE:LINE:COL: severity: message; Exit-Code 1 bei Fehlern; mit --kubeconfig/--context (ein Live-Cluster) zusätzlich ein serverseitiges Dry-Run-Apply, nicht mit --snapshot oder --demo
  commit --repo DIR -m MSG [--push]
                        alles vormerken, committen, die Commit-ID ausgeben; --push pusht zum Upstream (oder nach origin); Exit-Code 1, wenn nichts zu committen ist, 2, wenn abgelehnt oder der Push fehlschlägt (der Commit bleibt erhalten)
  flux check [--pre [--version V] [--repo DIR]]
                        wie flux check: die Controller von Flux laufen, seine Quelle und die flux-system-Kustomization sind bereit; --pre, vor einem Bootstrap: die Kubernetes-Version im Bereich von Flux V (Standard: die neueste, die Fluxdesk kennt), die Berechtigung, clusterweite Objekte anzulegen, ob Flux oder der Flux Operator bereits installiert ist, und mit --repo, ob der Checkout committet und gepusht und sein Remote erreichbar ist; Exit-Code 1, wenn eine Prüfung fehlschlägt
  flux bootstrap --repo DIR [--cluster NAME] [--version V | --components-file F] [--operator] [--sync-url URL] [--ssh-key-algorithm ecdsa|ed25519] [--token-env VAR] [--host-api github|gitea --host-token-env VAR] [--sops-age]
                        Flux installieren und auf das Repository richten, wie flux bootstrap git es tut, ohne die flux-CLI: Vorabprüfung; der Ausgangsstand für die Übernahme; clusters/NAME/flux-system/ (gotk-components.yaml von einer flux-CLI im PATH, die install.yaml des Releases in Version V, gegen dessen Prüfsummen geprüft, oder die Datei F; --operator: eine FluxInstance) committet und gepusht; ein SSH-Deploy-Key (zum Hinzufügen angezeigt oder über die GitHub-/Gitea-API mit dem Token aus VAR hinzugefügt) oder ein HTTPS-Token aus VAR; dann serverseitiges Apply und Warten, bis Flux bereit ist; --sops-age: das Secret sops-age mit Ihren age-Schlüsseln, die die Empfänger der .sops.yaml öffnen, damit Flux die Secrets entschlüsselt
  flux status           jedes Flux-Objekt mit Status, Revision, ausgesetzt und Meldung, wie flux get all -A; Exit-Code 1, wenn eines fehlgeschlagen oder blockiert ist
  flux reconcile KIND NAME [-n NS] [--with-source]
                        Flux bitten, jetzt abzugleichen, und warten, bis es geschehen ist (die Annotation requestedAt, wie flux reconcile sie setzt und wartet; --with-source: zuerst seine Quelle); KIND: kustomization (ks), helmrelease (hr), gitrepository, helmrepository, ocirepository, helmchart, fluxinstance; NS ist standardmäßig flux-system; ein ausgesetztes Objekt wird abgelehnt (Exit-Code 1)
  flux suspend|resume KIND NAME [-n NS]
                        spec.suspend setzen oder entfernen, wie flux suspend und resume es tun
  flux takeover --repo DIR [--record]
                        ob Flux übernommen hat, was vorher lief, Objekt für Objekt und Helm-Release für Helm-Release, an Ort und Stelle (dieselbe uid; die nächste Revision des Releases) oder es neu erstellt hat; --record schreibt zuerst, was jetzt läuft, nach DIR/.fluxdesk/takeover.yaml, bevor Flux übernimmt; Exit-Code 1, solange noch etwas nicht übernommen ist, 2 bei Gefahr (ein Objekt mit Daten neu erstellt, ein Release neu installiert)
  secrets keygen [--out FILE]
                        ein neues age-Schlüsselpaar, wie age-keygen: Der private Schlüssel wird zu FILE hinzugefügt (Standard: $SOPS_AGE_KEY_FILE, sonst ~/.config/sops/age/keys.txt, wo sops sucht; Modus 0600), der öffentliche Schlüssel (age1...) ausgegeben; sichern Sie den Schlüssel: Ohne ihn sind die für ihn verschlüsselten Secrets verloren
  secrets encrypt FILE [--age RECIPIENT]... [--encrypted-regex R] [--in-place]
                        FILE als SOPS-Datei, wie sops -e: für die --age-Empfänger, sonst für die der ersten passenden Erstellungsregel der .sops.yaml (im Ordner von FILE oder darüber); ausgegeben oder mit --in-place über FILE geschrieben
  secrets decrypt FILE [--in-place]
                        eine SOPS-Datei im Klartext, wie sops -d, mit den age-Schlüsseln, die sops verwenden würde ($SOPS_AGE_KEY, $SOPS_AGE_KEY_FILE, ~/.config/sops/age/keys.txt); ihr MAC wird geprüft; Exit-Code 1, wenn sie sich nicht entschlüsseln lässt
  secrets setup --repo DIR [--age RECIPIENT]...
                        DIR für verschlüsselte Secrets vorbereiten: .sops.yaml mit einer Regel für die Secret-Dateien (data und stringData für die Empfänger verschlüsselt, Standard: Ihre age-Schlüssel), .gitignore-Einträge für Schlüsseldateien und spec.decryption (sops, Secret sops-age) in jeder Flux-Kustomization, deren Pfad sie enthält; listet die Secret-Dateien auf, die noch im Klartext vorliegen, und endet mit Exit-Code 1, solange es welche gibt

Optionen:
  --kubeconfig PATH     Kubeconfig-Datei (Standard: $KUBECONFIG, ~/.kube/config, /etc/rancher/k3s/k3s.yaml)
  --context NAME        zu verwendender Kontext (Standard: current-context)
  --snapshot PATH       Objekte aus einer Datei oder einem Ordner mit Ausgaben von kubectl -o yaml|json lesen
  --demo                den eingebauten Demo-Cluster verwenden
  --json                JSON-Ausgabe (contexts, releases; snapshot und inventory ignorieren sie)
  -h, --help            diese Hilfe anzeigen
  --version             die Version anzeigen

Exit-Status: 0 Erfolg, 1 Probleme gefunden, 2 ungültige Eingabe, Aufruf- oder Verbindungsfehler, 130 unterbrochen.
</translation>
    </message>
    <message>
        <source>secrets needs a subcommand: %1</source>
        <translation>secrets benötigt einen Unterbefehl: %1</translation>
    </message>
    <message>
        <source>secrets: unknown subcommand &quot;%1&quot;; available: %2</source>
        <translation>secrets: unbekannter Unterbefehl &quot;%1&quot;; verfügbar: %2</translation>
    </message>
    <message>
        <source>secrets %1 needs FILE</source>
        <translation>secrets %1 benötigt FILE</translation>
    </message>
    <message>
        <source>secrets %1: unexpected argument &quot;%2&quot;</source>
        <translation>secrets %1: unerwartetes Argument &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--in-place needs secrets encrypt or decrypt</source>
        <translation>--in-place benötigt secrets encrypt oder decrypt</translation>
    </message>
    <message>
        <source>--in-place needs a FILE, not standard input</source>
        <translation>--in-place benötigt eine Datei (FILE), nicht die Standardeingabe</translation>
    </message>
    <message>
        <source>--age needs secrets encrypt or secrets setup</source>
        <translation>--age benötigt secrets encrypt oder secrets setup</translation>
    </message>
    <message>
        <source>--encrypted-regex needs secrets encrypt</source>
        <translation>--encrypted-regex benötigt secrets encrypt</translation>
    </message>
    <message>
        <source>--sops-age: %1</source>
        <translation>--sops-age: %1</translation>
    </message>
    <message>
        <source>Flux gets the age key of %1 (Secret flux-system/sops-age)</source>
        <translation>Flux erhält den age-Schlüssel von %1 (Secret flux-system/sops-age)</translation>
    </message>
    <message>
        <source>the plan writes Secrets encrypted, but Flux gets no key to decrypt them: add --sops-age, or put the key in the cluster later</source>
        <translation>der Plan schreibt Secrets verschlüsselt, aber Flux erhält keinen Schlüssel, um sie zu entschlüsseln: Fügen Sie --sops-age hinzu, oder legen Sie den Schlüssel später im Cluster ab</translation>
    </message>
    <message>
        <source>%1: no --age RECIPIENT given and no .sops.yaml found in its folder or above it</source>
        <translation>%1: kein --age RECIPIENT angegeben und keine .sops.yaml in seinem Ordner oder darüber gefunden</translation>
    </message>
    <message>
        <source>%1: no creation rule with age recipients in %2 matches this file</source>
        <translation>%1: keine Erstellungsregel mit age-Empfängern in %2 passt auf diese Datei</translation>
    </message>
    <message>
        <source>no age key found: set SOPS_AGE_KEY_FILE or SOPS_AGE_KEY, or make one with &quot;fluxdesk-cli secrets keygen&quot; (it goes to %1)</source>
        <translation>kein age-Schlüssel gefunden: Setzen Sie SOPS_AGE_KEY_FILE oder SOPS_AGE_KEY, oder erzeugen Sie einen mit &quot;fluxdesk-cli secrets keygen&quot; (er wird in %1 abgelegt)</translation>
    </message>
    <message>
        <source>the private key was added to %1 (readable by you alone)</source>
        <translation>der private Schlüssel wurde zu %1 hinzugefügt (nur für Sie lesbar)</translation>
    </message>
    <message>
        <source>--age: not an age recipient: %1</source>
        <translation>--age: kein age-Empfänger: %1</translation>
    </message>
    <message>
        <source>%1: already encrypted (it has a sops block)</source>
        <translation>%1: bereits verschlüsselt (enthält einen sops-Block)</translation>
    </message>
    <message>
        <source>%1: not a SOPS file (no sops block with a mac)</source>
        <translation>%1: keine SOPS-Datei (kein sops-Block mit einem mac)</translation>
    </message>
    <message>
        <source>secrets setup needs --repo DIR</source>
        <translation>secrets setup benötigt --repo DIR</translation>
    </message>
    <message>
        <source>no --age RECIPIENT given and no age key found: make one with &quot;fluxdesk-cli secrets keygen&quot;</source>
        <translation>kein --age RECIPIENT angegeben und kein age-Schlüssel gefunden: Erzeugen Sie einen mit &quot;fluxdesk-cli secrets keygen&quot;</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>already set up</source>
        <translation>bereits eingerichtet</translation>
    </message>
    <message>
        <source>plain text: %1 (encrypt it: fluxdesk-cli secrets encrypt %1 --in-place)</source>
        <translation>Klartext: %1 (zum Verschlüsseln: fluxdesk-cli secrets encrypt %1 --in-place)</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::CloneDialog</name>
    <message>
        <source>Clone a Repository</source>
        <translation>Repository klonen</translation>
    </message>
    <message>
        <source>https://…, ssh://… or git@host:path</source>
        <translation>https://…, ssh://… oder git@host:Pfad</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>Ein neuer oder leerer Ordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Clone</source>
        <translation>&amp;Klonen</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Enter the URL of the repository to clone.</source>
        <translation>Geben Sie die URL des zu klonenden Repositorys ein.</translation>
    </message>
    <message>
        <source>Choose the folder to clone into.</source>
        <translation>Wählen Sie den Ordner, in den geklont werden soll.</translation>
    </message>
    <message>
        <source>Choose the folder with its full path.</source>
        <translation>Geben Sie den Ordner mit vollständigem Pfad an.</translation>
    </message>
    <message>
        <source>%1 is a file: choose a new or empty folder.</source>
        <translation>%1 ist eine Datei: Wählen Sie einen neuen oder leeren Ordner.</translation>
    </message>
    <message>
        <source>%1 is not empty: choose a new or empty folder to clone into.</source>
        <translation>%1 ist nicht leer: Wählen Sie einen neuen oder leeren Ordner, in den geklont werden soll.</translation>
    </message>
    <message>
        <source>Clone Into Folder</source>
        <translation>In Ordner klonen</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ClusterPane</name>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
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
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>What the badges mean and what to do about each</source>
        <translation>Was die Badges bedeuten und was jeweils zu tun ist</translation>
    </message>
    <message>
        <source>Filter: name, namespace, ns:NAME kind:KIND key=value</source>
        <translation>Filter: Name, Namespace, ns:NAME kind:KIND Schlüssel=Wert</translation>
    </message>
    <message>
        <source>Words match object names, kinds and namespaces (kube-system shows that namespace&apos;s objects). ns:kube-system matches one namespace exactly, kind:ConfigMap one kind (kind:Deployment.apps with its group), key=value a label (app=loki). Every word must match: ns:media kind:ConfigMap app=jellyfin.</source>
        <translation>Wörter passen auf Objektnamen, Kinds und Namespaces (kube-system zeigt die Objekte dieses Namespaces). ns:kube-system passt genau auf einen Namespace, kind:ConfigMap auf ein Kind (kind:Deployment.apps mit seiner Gruppe), Schlüssel=Wert auf ein Label (app=loki). Jedes Wort muss passen: ns:media kind:ConfigMap app=jellyfin.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Exclude from Plan</source>
        <translation>Aus dem Plan ausschließen</translation>
    </message>
    <message>
        <source>Exclude %1 Objects from Plan</source>
        <translation>%1 Objekte aus dem Plan ausschließen</translation>
    </message>
    <message>
        <source>Include in Plan (Secrets as Plain Text)</source>
        <translation>In den Plan einschließen (Secrets im Klartext)</translation>
    </message>
    <message>
        <source>Include in Plan</source>
        <translation>In den Plan einschließen</translation>
    </message>
    <message>
        <source>Exclude Every %1 in All Namespaces</source>
        <translation>Alle Objekte vom Typ %1 in allen Namespaces ausschließen</translation>
    </message>
    <message>
        <source>Adds %1 to exclude.kinds in %2</source>
        <translation>Fügt %1 zu exclude.kinds in %2 hinzu</translation>
    </message>
    <message>
        <source>Include Every %1 in All Namespaces</source>
        <translation>Alle Objekte vom Typ %1 in allen Namespaces einschließen</translation>
    </message>
    <message>
        <source>Exclude Namespace %1</source>
        <translation>Namespace %1 ausschließen</translation>
    </message>
    <message>
        <source>Adds %1 to exclude.namespaces in %2</source>
        <translation>Fügt %1 zu exclude.namespaces in %2 hinzu</translation>
    </message>
    <message>
        <source>Include Namespace %1</source>
        <translation>Namespace %1 einschließen</translation>
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
    <name>Fluxdesk::ComponentsSource</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Flux version (such as 2.4.0)</source>
        <translation>&quot;%1&quot; ist keine Flux-Version (wie 2.4.0)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Flux component&apos;s name</source>
        <translation>&quot;%1&quot; ist nicht der Name einer Flux-Komponente</translation>
    </message>
    <message>
        <source>there is no flux CLI on PATH: install it (https://fluxcd.io/flux/installation/), or download the release&apos;s install.yaml instead</source>
        <translation>im PATH gibt es keine flux-CLI: Installieren Sie sie (https://fluxcd.io/flux/installation/) oder laden Sie stattdessen die install.yaml des Releases herunter</translation>
    </message>
    <message>
        <source>%1 printed more than %2 MB; stopped it</source>
        <translation>%1 hat mehr als %2 MB ausgegeben; gestoppt</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2): %3</source>
        <extracomment>%1 the command, %2 its exit code, %3 what it printed on stderr</extracomment>
        <translation>%1 fehlgeschlagen (Exit-Code %2): %3</translation>
    </message>
    <message>
        <source>it said nothing</source>
        <translation>keine Ausgabe</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 s; stopped it</source>
        <translation>%1 wurde nicht innerhalb von %2 s beendet; gestoppt</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: refusing it (no Flux release&apos;s is)</source>
        <translation>%1 ist größer als %2 MB: abgelehnt (kein Flux-Release ist so groß)</translation>
    </message>
    <message>
        <source>cannot download the checksums of Flux %1: %2</source>
        <translation>die Prüfsummen von Flux %1 können nicht heruntergeladen werden: %2</translation>
    </message>
    <message>
        <source>cannot download the components manifest of Flux %1: %2</source>
        <translation>das Komponenten-Manifest von Flux %1 kann nicht heruntergeladen werden: %2</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not a Flux components manifest: it is larger than %1 MB</source>
        <translation>kein Komponenten-Manifest von Flux: Es ist größer als %1 MB</translation>
    </message>
    <message>
        <source>the download&apos;s sha256 is %1, but the release&apos;s checksums file says %2: it is damaged or not the release&apos;s; try again</source>
        <translation>der sha256-Wert des Downloads ist %1, aber die Prüfsummendatei des Releases nennt %2: Der Download ist beschädigt oder stammt nicht vom Release; versuchen Sie es erneut</translation>
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
        <source>The connection is not verified or not encrypted: anyone on the network path could read or change what Fluxdesk sees, and read what it sends.</source>
        <translation>Die Verbindung ist nicht geprüft oder nicht verschlüsselt: jeder auf dem Netzwerkweg könnte lesen oder ändern, was Fluxdesk sieht, und lesen, was es sendet.</translation>
    </message>
    <message>
        <source>Kubeconfig: %1</source>
        <extracomment>Cluster list: a kubeconfig file used before; picking it loads its contexts</extracomment>
        <translation>Kubeconfig: %1</translation>
    </message>
    <message>
        <source>Load the contexts of %1 (used before)</source>
        <translation>Die Kontexte von %1 laden (zuvor verwendet)</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::DemoRepositoryBanner</name>
    <message>
        <source>The demo cluster is planned against your repository %1</source>
        <translation>Der Demo-Cluster wird in Ihr Repository %1 geplant</translation>
    </message>
    <message>
        <source>The objects shown are Fluxdesk&apos;s built-in examples, not your cluster&apos;s, and this repository already holds manifests: writing this plan would mix the examples into them. Connect your cluster (File &gt; Open Kubeconfig, or a context in the Cluster list) to plan what really runs.</source>
        <translation>Die angezeigten Objekte sind die eingebauten Beispiele von Fluxdesk, nicht die Ihres Clusters, und dieses Repository enthält bereits Manifeste: Wenn Sie diesen Plan schreiben, werden die Beispiele mit ihnen vermischt. Verbinden Sie Ihren Cluster (Datei &gt; Kubeconfig öffnen oder ein Kontext in der Cluster-Liste), um zu planen, was wirklich läuft.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::DeployKey</name>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Could not generate the deploy key: %1 failed (%2).</source>
        <translation>Der Deploy Key konnte nicht erzeugt werden: %1 fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>Could not generate the deploy key: OpenSSL returned a compressed ECDSA point.</source>
        <translation>Der Deploy Key konnte nicht erzeugt werden: OpenSSL hat einen komprimierten ECDSA-Punkt geliefert.</translation>
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
    <name>Fluxdesk::DocumentLinter</name>
    <message>
        <source>missing apiVersion</source>
        <translation>apiVersion fehlt</translation>
    </message>
    <message>
        <source>missing kind</source>
        <translation>kind fehlt</translation>
    </message>
    <message>
        <source>missing metadata.name</source>
        <translation>metadata.name fehlt</translation>
    </message>
    <message>
        <source>%1 was removed and has no replacement</source>
        <translation>%1 wurde entfernt und hat keinen Ersatz</translation>
    </message>
    <message>
        <source>%1 was removed; use %2</source>
        <translation>%1 wurde entfernt; verwenden Sie %2</translation>
    </message>
    <message>
        <source>HelmRepository of type oci is in maintenance mode; use an OCIRepository (source.toolkit.fluxcd.io/v1) and the HelmRelease&apos;s chartRef</source>
        <translation>HelmRepository vom Typ oci befindet sich im Wartungsmodus; verwenden Sie ein OCIRepository (source.toolkit.fluxcd.io/v1) und chartRef im HelmRelease</translation>
    </message>
    <message>
        <source>image &quot;%1&quot; has no tag; pin a version</source>
        <translation>Image &quot;%1&quot; hat kein Tag; legen Sie eine feste Version fest</translation>
    </message>
    <message>
        <source>image &quot;%1&quot; uses the latest tag; pin a version</source>
        <translation>Image &quot;%1&quot; verwendet das Tag latest; legen Sie eine feste Version fest</translation>
    </message>
    <message>
        <source>container &quot;%1&quot; has no resource requests or limits</source>
        <translation>Container &quot;%1&quot; hat keine Resource-Requests oder -Limits</translation>
    </message>
    <message>
        <source>Secret &quot;%1&quot; in plain text; encrypt it (SOPS) before committing</source>
        <translation>Secret &quot;%1&quot; im Klartext; verschlüsseln Sie es (SOPS) vor dem Commit</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::EditorDocument</name>
    <message>
        <source>The document has no file name yet</source>
        <translation>Das Dokument hat noch keinen Dateinamen</translation>
    </message>
    <message>
        <source>The file changed on disk since it was opened</source>
        <translation>Die Datei wurde seit dem Öffnen auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>Die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The document has no file to reload from</source>
        <translation>Das Dokument hat keine Datei, aus der es neu geladen werden kann</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::EditorPage</name>
    <message>
        <source>Reload from Disk</source>
        <translation>Von Festplatte neu laden</translation>
    </message>
    <message>
        <source>Replace the text with the file&apos;s (Undo brings your text back)</source>
        <translation>Den Text durch den Inhalt der Datei ersetzen (Rückgängig stellt Ihren Text wieder her)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1*</source>
        <extracomment>Tab title of a document with unsaved changes</extracomment>
        <translation>%1*</translation>
    </message>
    <message>
        <source>The file is still loading</source>
        <translation>Die Datei wird noch geladen</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was opened</source>
        <translation>%1 wurde seit dem Öffnen auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk</source>
        <translation>%1 neu geladen: Die Datei wurde auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 was deleted or moved on disk. Saving writes it again.</source>
        <translation>%1 wurde auf der Festplatte gelöscht oder verschoben. Beim Speichern wird die Datei neu geschrieben.</translation>
    </message>
    <message>
        <source>%1 changed on disk and here. Saving asks whether to overwrite it.</source>
        <translation>%1 wurde auf der Festplatte und hier geändert. Beim Speichern werden Sie gefragt, ob die Datei überschrieben werden soll.</translation>
    </message>
    <message>
        <source>Read-only: encrypted</source>
        <translation>Schreibgeschützt: verschlüsselt</translation>
    </message>
    <message>
        <source>Decrypted: the file on disk stays encrypted</source>
        <translation>Entschlüsselt: Die Datei auf der Festplatte bleibt verschlüsselt</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::EditorTabs</name>
    <message>
        <source>&amp;Save</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab sch&amp;ließen</translation>
    </message>
    <message>
        <source>Next Tab</source>
        <translation>Nächster Tab</translation>
    </message>
    <message>
        <source>Previous Tab</source>
        <translation>Vorheriger Tab</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>Erse&amp;tzen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächstes suchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Vorheriges suchen</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>C&amp;lean…</source>
        <translation>&amp;Bereinigen…</translation>
    </message>
    <message>
        <source>Remove what the cluster wrote (status, uid, managedFields, defaults…); shows every change before applying it</source>
        <translation>Entfernen, was der Cluster geschrieben hat (status, uid, managedFields, Standardwerte…); zeigt jede Änderung vor dem Anwenden</translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation>Au&amp;fteilen…</translation>
    </message>
    <message>
        <source>Write one file per resource and list them in kustomization.yaml</source>
        <translation>Eine Datei pro Ressource schreiben und sie in kustomization.yaml auflisten</translation>
    </message>
    <message>
        <source>Could not open the file: %1</source>
        <translation>Die Datei konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>Die Datei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was opened.</source>
        <translation>%1 wurde seit dem Öffnen auf der Festplatte geändert.</translation>
    </message>
    <message>
        <source>Overwrite it with the text here, or reload the file (Undo brings your text back)?</source>
        <translation>Mit dem Text hier überschreiben oder die Datei neu laden (Rückgängig stellt Ihren Text wieder her)?</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The file was not saved.</source>
        <translation>Die Datei wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>Your changes are lost if you close without saving.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie ohne Speichern schließen.</translation>
    </message>
    <message>
        <source>Cleaning %1…</source>
        <translation>%1 wird bereinigt…</translation>
    </message>
    <message>
        <source>Clean failed: %1</source>
        <translation>Bereinigen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <source>%1 cannot be cleaned.</source>
        <translation>%1 kann nicht bereinigt werden.</translation>
    </message>
    <message>
        <source>The text changed while it was cleaned: press Clean again</source>
        <translation>Der Text wurde während des Bereinigens geändert: Klicken Sie erneut auf Bereinigen</translation>
    </message>
    <message>
        <source>Cleaned %1: Undo restores the text</source>
        <translation>%1 bereinigt: Rückgängig stellt den Text wieder her</translation>
    </message>
    <message>
        <source>Split into %1 files in %2; kustomization.yaml lists them</source>
        <extracomment>Status after a split: number of files, folder</extracomment>
        <translation>In %1 Dateien in %2 aufgeteilt; kustomization.yaml listet sie auf</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation>Zeile (1–%1):</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Tab title of a file whose name another tab shows too: name, then its folder</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Saved to %1, where the plan puts this object: the plan keeps your version</source>
        <extracomment>Status bar after saving a live object&apos;s copy where the plan puts it</extracomment>
        <translation>Unter %1 gespeichert, wo der Plan dieses Objekt ablegt: Der Plan behält Ihre Version</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::EncryptedFiles</name>
    <message>
        <source>cannot encrypt with %1: %2</source>
        <translation>Verschlüsseln mit %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>the repository has no %1 saying whom to encrypt Secrets for: %2</source>
        <translation>das Repository hat keine %1, die angibt, für wen Secrets verschlüsselt werden: %2</translation>
    </message>
    <message>
        <source>no creation rule of %1 with age recipients applies to this file: %2</source>
        <translation>keine Erstellungsregel von %1 mit age-Empfängern gilt für diese Datei: %2</translation>
    </message>
    <message>
        <source>in plain text on disk; the plan encrypts it</source>
        <translation>auf der Festplatte im Klartext; der Plan verschlüsselt sie</translation>
    </message>
    <message>
        <source>encrypted, and cannot be compared: %1</source>
        <translation>verschlüsselt und nicht vergleichbar: %1</translation>
    </message>
    <message>
        <source>decrypts to other content than the plan&apos;s</source>
        <translation>entschlüsselt zu anderem Inhalt als dem des Plans</translation>
    </message>
    <message>
        <source>encrypted for %1, while %2 names %3</source>
        <translation>verschlüsselt für %1, während %2 %3 nennt</translation>
    </message>
    <message>
        <source>encrypts other keys than %1 says</source>
        <translation>verschlüsselt andere Schlüssel, als %1 angibt</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::EncryptionDialog</name>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>Encrypt Secrets (SOPS)</source>
        <translation>Secrets verschlüsseln (SOPS)</translation>
    </message>
    <message>
        <source>Your age key</source>
        <translation>Ihr age-Schlüssel</translation>
    </message>
    <message>
        <source>Create &amp;Key</source>
        <translation>&amp;Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Make a new age key pair, as age-keygen does, and keep the private key where sops looks for it</source>
        <translation>Ein neues age-Schlüsselpaar erzeugen, wie age-keygen es tut, und den privaten Schlüssel dort ablegen, wo sops ihn sucht</translation>
    </message>
    <message>
        <source>&amp;Copy Public Key</source>
        <translation>Öffentlichen Schlüssel &amp;kopieren</translation>
    </message>
    <message>
        <source>This repository</source>
        <translation>Dieses Repository</translation>
    </message>
    <message>
        <source>&amp;Set Up Repository</source>
        <translation>Repository &amp;einrichten</translation>
    </message>
    <message>
        <source>Write .sops.yaml (Secret files encrypted to your key), keep key files out of Git (.gitignore) and let the Flux Kustomizations decrypt (spec.decryption)</source>
        <translation>.sops.yaml schreiben (Secret-Dateien für Ihren Schlüssel verschlüsselt), Schlüsseldateien aus Git heraushalten (.gitignore) und die Flux-Kustomizations entschlüsseln lassen (spec.decryption)</translation>
    </message>
    <message>
        <source>&amp;Write included Secrets encrypted</source>
        <translation>Eingeschlossene Secrets &amp;verschlüsselt schreiben</translation>
    </message>
    <message>
        <source>The plan writes the Secrets you include, and the Secrets holding Helm credentials, as SOPS files instead of plain text</source>
        <translation>Der Plan schreibt die Secrets, die Sie einschließen, und die Secrets mit Helm-Zugangsdaten als SOPS-Dateien statt im Klartext</translation>
    </message>
    <message>
        <source>The cluster</source>
        <translation>Der Cluster</translation>
    </message>
    <message>
        <source>Flux decrypts with the private key kept in the Secret sops-age in flux-system. Putting it there gives the cluster your key: anyone who can read Secrets in flux-system can read your encrypted Secrets.</source>
        <translation>Flux entschlüsselt mit dem privaten Schlüssel aus dem Secret sops-age in flux-system. Wenn Sie ihn dort ablegen, erhält der Cluster Ihren Schlüssel: Wer Secrets in flux-system lesen kann, kann Ihre verschlüsselten Secrets lesen.</translation>
    </message>
    <message>
        <source>&amp;Put Key in Cluster</source>
        <translation>Schlüssel im Cluster &amp;ablegen</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>No age key yet. Create one: it stays on this computer (%1) and never goes into the repository.</source>
        <translation>Noch kein age-Schlüssel. Erzeugen Sie einen: Er bleibt auf diesem Computer (%1) und gelangt nie ins Repository.</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>Cannot read a key: %1</source>
        <translation>Ein Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No repository is open.</source>
        <translation>Kein Repository geöffnet.</translation>
    </message>
    <message>
        <source>.sops.yaml cannot be read: %1</source>
        <translation>.sops.yaml kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Set up: Secret files are encrypted to %1.</source>
        <translation>Eingerichtet: Secret-Dateien werden für %1 verschlüsselt.</translation>
    </message>
    <message>
        <source>Not set up for encrypted Secrets yet.</source>
        <translation>Noch nicht für verschlüsselte Secrets eingerichtet.</translation>
    </message>
    <message>
        <source>Secret files are encrypted to %1, and none of your keys opens them.</source>
        <translation>Secret-Dateien werden für %1 verschlüsselt, und keiner Ihrer Schlüssel öffnet sie.</translation>
    </message>
    <message>
        <source>Set up would write: %1.</source>
        <translation>Einrichten würde schreiben: %1.</translation>
    </message>
    <message>
        <source>Encrypted: %1.</source>
        <translation>Verschlüsselt: %1.</translation>
    </message>
    <message>
        <source>In plain text: %1.</source>
        <translation>Im Klartext: %1.</translation>
    </message>
    <message>
        <source>Created the age key %1 in %2.</source>
        <translation>Der age-Schlüssel %1 wurde in %2 erzeugt.</translation>
    </message>
    <message>
        <source>Set up the repository with your key first: the cluster gets the key that opens the repository&apos;s Secrets.</source>
        <translation>Richten Sie zuerst das Repository mit Ihrem Schlüssel ein: Der Cluster erhält den Schlüssel, der die Secrets des Repositorys öffnet.</translation>
    </message>
    <message>
        <source>Create or update the Secret sops-age in flux-system</source>
        <translation>Das Secret sops-age in flux-system anlegen oder aktualisieren</translation>
    </message>
    <message>
        <source>Create Another &amp;Key</source>
        <translation>Weiteren &amp;Schlüssel erzeugen</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace this match</source>
        <translation>Diesen Treffer ersetzen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Replace every match</source>
        <translation>Alle Treffer ersetzen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Wrapped around</source>
        <translation>Suche am Anfang fortgesetzt</translation>
    </message>
    <message>
        <source>Replaced: %1</source>
        <translation>Ersetzt: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxActionRunner</name>
    <message>
        <source>Not connected to a cluster</source>
        <translation>Nicht mit einem Cluster verbunden</translation>
    </message>
    <message>
        <source>%1 suspended</source>
        <translation>%1 ausgesetzt</translation>
    </message>
    <message>
        <source>%1 resumed</source>
        <translation>%1 fortgesetzt</translation>
    </message>
    <message>
        <source>Reconciliation of %1 requested</source>
        <translation>Abgleich von %1 angefordert</translation>
    </message>
    <message>
        <source>%1 %2…</source>
        <translation>%2: %1…</translation>
    </message>
    <message>
        <source>%1 of %2 failed: %3</source>
        <translation>%1 für %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Waiting for %1 to be reconciled…</source>
        <translation>Warten auf den Abgleich von %1…</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>Lesen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 failed to reconcile: %2; %3 was not reconciled</source>
        <translation>Abgleich von %1 fehlgeschlagen: %2; %3 wurde nicht abgeglichen</translation>
    </message>
    <message>
        <source>%1 did not finish reconciling within %2 seconds (is its controller running?); %3 was not reconciled</source>
        <translation>%1 wurde nicht innerhalb von %2 Sekunden abgeglichen (läuft sein Controller?); %3 wurde nicht abgeglichen</translation>
    </message>
    <message>
        <source>%1 reconciled</source>
        <translation>%1 abgeglichen</translation>
    </message>
    <message>
        <source>%1 reconciled: revision %2</source>
        <translation>%1 abgeglichen: Revision %2</translation>
    </message>
    <message>
        <source>%1 failed to reconcile: %2</source>
        <translation>Abgleich von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 did not finish reconciling within %2 seconds (is its controller running?)</source>
        <translation>%1 wurde nicht innerhalb von %2 Sekunden abgeglichen (läuft sein Controller?)</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxController</name>
    <message>
        <source>&amp;Reconcile</source>
        <translation>&amp;Abgleichen</translation>
    </message>
    <message>
        <source>Ask Flux to reconcile the selected object now (reconcile.fluxcd.io/requestedAt)</source>
        <translation>Flux bitten, das ausgewählte Objekt jetzt abzugleichen (reconcile.fluxcd.io/requestedAt)</translation>
    </message>
    <message>
        <source>Reconcile with &amp;Source</source>
        <translation>Mit &amp;Quelle abgleichen</translation>
    </message>
    <message>
        <source>Fetch the object&apos;s source first, wait until it is Ready, then reconcile the object (like flux reconcile --with-source)</source>
        <translation>Zuerst die Quelle des Objekts abrufen, warten, bis sie bereit ist, dann das Objekt abgleichen (wie flux reconcile --with-source)</translation>
    </message>
    <message>
        <source>S&amp;uspend</source>
        <translation>A&amp;ussetzen</translation>
    </message>
    <message>
        <source>Stop Flux from reconciling the selected object (spec.suspend: true)</source>
        <translation>Verhindern, dass Flux das ausgewählte Objekt abgleicht (spec.suspend: true)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Let Flux reconcile the selected object again</source>
        <translation>Flux das ausgewählte Objekt wieder abgleichen lassen</translation>
    </message>
    <message>
        <source>&amp;Force Upgrade</source>
        <translation>Upgrade &amp;erzwingen</translation>
    </message>
    <message>
        <source>Make helm-controller install or upgrade the release once, even without a change (reconcile.fluxcd.io/forceAt)</source>
        <translation>Den helm-controller das Release einmal installieren oder upgraden lassen, auch ohne Änderung (reconcile.fluxcd.io/forceAt)</translation>
    </message>
    <message>
        <source>Reset &amp;Failure Counts</source>
        <translation>Fehler&amp;zähler zurücksetzen</translation>
    </message>
    <message>
        <source>Clear the HelmRelease&apos;s failure counts so helm-controller retries (reconcile.fluxcd.io/resetAt)</source>
        <translation>Die Fehlerzähler des HelmRelease zurücksetzen, damit helm-controller es erneut versucht (reconcile.fluxcd.io/resetAt)</translation>
    </message>
    <message>
        <source>&amp;Cancel Flux Action</source>
        <translation>Flux-Aktion a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the running action (what was already sent stays sent)</source>
        <translation>Nicht mehr auf die laufende Aktion warten (bereits Gesendetes bleibt gesendet)</translation>
    </message>
    <message>
        <source>%1 cancelled; the requests already sent stay sent</source>
        <translation>%1 abgebrochen; bereits gesendete Anfragen bleiben gesendet</translation>
    </message>
    <message>
        <source>Connect to a cluster to see its Flux objects.</source>
        <translation>Verbinden Sie sich mit einem Cluster, um seine Flux-Objekte zu sehen.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message numerus="yes">
        <source>Flux: %n object(s) watched live</source>
        <translation>
            <numerusform>Flux: %n Objekt wird live beobachtet</numerusform>
            <numerusform>Flux: %n Objekte werden live beobachtet</numerusform>
        </translation>
    </message>
    <message>
        <source>The events could not be read: %1</source>
        <translation>Die Events konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Flux is not installed in this cluster: none of its kinds is served. Bootstrap Flux to see its objects here.</source>
        <translation>Flux ist in diesem Cluster nicht installiert: Keiner seiner Typen wird bereitgestellt. Führen Sie den Bootstrap von Flux aus, um seine Objekte hier zu sehen.</translation>
    </message>
    <message>
        <source>The cluster&apos;s API types were not discovered; Flux objects cannot be watched.</source>
        <translation>Die API-Typen des Clusters wurden nicht ermittelt; Flux-Objekte können nicht beobachtet werden.</translation>
    </message>
    <message>
        <source>Not connected: Flux status needs a live cluster.</source>
        <translation>Nicht verbunden: Der Flux-Status benötigt einen Live-Cluster.</translation>
    </message>
    <message>
        <source>Flux status needs a live cluster: these Flux objects are shown as %1 holds them, read-only.</source>
        <translation>Der Flux-Status benötigt einen Live-Cluster: Diese Flux-Objekte werden so angezeigt, wie %1 sie enthält, schreibgeschützt.</translation>
    </message>
    <message>
        <source>Flux status needs a live cluster: %1 holds no Flux objects.</source>
        <translation>Der Flux-Status benötigt einen Live-Cluster: %1 enthält keine Flux-Objekte.</translation>
    </message>
    <message>
        <source>Not watching: %1 is no live cluster</source>
        <translation>Nicht beobachtet: %1 ist kein Live-Cluster</translation>
    </message>
    <message>
        <source>%1 %2/%3 is gone from the cluster.</source>
        <translation>%1 %2/%3 ist nicht mehr im Cluster.</translation>
    </message>
    <message>
        <source>Events need a live cluster.</source>
        <translation>Events benötigen einen Live-Cluster.</translation>
    </message>
    <message>
        <source>Reading events…</source>
        <translation>Events werden gelesen…</translation>
    </message>
    <message>
        <source>Flux actions need a live cluster</source>
        <translation>Flux-Aktionen benötigen einen Live-Cluster</translation>
    </message>
    <message>
        <source>Select a Flux object first</source>
        <translation>Wählen Sie zuerst ein Flux-Objekt aus</translation>
    </message>
    <message>
        <source>Another Flux action is running; wait for it or cancel it</source>
        <translation>Eine andere Flux-Aktion läuft; warten Sie auf sie oder brechen Sie sie ab</translation>
    </message>
    <message>
        <source>%1 is already suspended</source>
        <translation>%1 ist bereits ausgesetzt</translation>
    </message>
    <message>
        <source>%1 is not suspended</source>
        <translation>%1 ist nicht ausgesetzt</translation>
    </message>
    <message>
        <source>%1: %2 %3/%4…</source>
        <translation>%1: %2 %3/%4…</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxDetailView</name>
    <message>
        <source>Select a Flux object to see its conditions, what it depends on and its events.</source>
        <translation>Wählen Sie ein Flux-Objekt aus, um seine Bedingungen, seine Abhängigkeiten und seine Events zu sehen.</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Last attempted</source>
        <translation>Zuletzt versucht</translation>
    </message>
    <message>
        <source>Last applied</source>
        <translation>Zuletzt angewendet</translation>
    </message>
    <message>
        <source>Helm release</source>
        <translation>Helm-Release</translation>
    </message>
    <message>
        <source>%1 in %2, revision %3</source>
        <translation>%1 in %2, Revision %3</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <source>yes: Flux leaves it alone until it is resumed</source>
        <translation>ja: Flux lässt es in Ruhe, bis es fortgesetzt wird</translation>
    </message>
    <message>
        <source>(missing)</source>
        <extracomment>After a referenced Flux object that the cluster does not have</extracomment>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>its dependsOn chain leads back to itself: Flux never applies it</source>
        <translation>seine dependsOn-Kette führt zu ihm selbst zurück: Flux wendet es nie an</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>No conditions reported yet.</source>
        <translation>Noch keine Bedingungen gemeldet.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>No events about this object (the cluster keeps them for an hour).</source>
        <translation>Keine Events zu diesem Objekt (der Cluster bewahrt sie eine Stunde lang auf).</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxGraphView</name>
    <message>
        <source>missing: %1 %2/%3</source>
        <translation>fehlt: %1 %2/%3</translation>
    </message>
    <message>
        <source>Fit to View</source>
        <translation>An Ansicht anpassen</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>dependency cycle: %1 depends on %2, which leads back to it. Flux reconciles neither until one dependsOn entry is removed.</source>
        <translation>Abhängigkeitszyklus: %1 hängt von %2 ab, das zu ihm zurückführt. Flux gleicht keines von beiden ab, bis ein dependsOn-Eintrag entfernt wird.</translation>
    </message>
    <message>
        <source>%1 waits for %2 (dependsOn)</source>
        <translation>%1 wartet auf %2 (dependsOn)</translation>
    </message>
    <message>
        <source>%1 installs the chart %2</source>
        <translation>%1 installiert das Chart %2</translation>
    </message>
    <message>
        <source>%1 reads from %2</source>
        <translation>%1 liest aus %2</translation>
    </message>
    <message>
        <source>Not in the cluster, yet %1 refers to it: create it, or correct the reference in the repository.</source>
        <translation>Nicht im Cluster, aber %1 verweist darauf: Legen Sie es an oder korrigieren Sie den Verweis im Repository.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Revision: %1</source>
        <translation>Revision: %1</translation>
    </message>
    <message>
        <source>In a dependency cycle: Flux reconciles none of its members until the cycle is broken.</source>
        <translation>In einem Abhängigkeitszyklus: Flux gleicht keines seiner Mitglieder ab, bis der Zyklus aufgelöst ist.</translation>
    </message>
    <message>
        <source>No Flux objects yet. Once Flux runs in the cluster, its sources, Kustomizations and HelmReleases appear here with what depends on what.</source>
        <translation>Noch keine Flux-Objekte. Sobald Flux im Cluster läuft, erscheinen hier seine Quellen, Kustomizations und HelmReleases mit ihren Abhängigkeiten.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxKnownHosts</name>
    <message>
        <source>%1 is not in your known_hosts (%2), so Fluxdesk cannot tell Flux which host key to trust. Connect to it once and confirm its key (Fetch or Push in Fluxdesk, or &quot;%3&quot;), or run &quot;%4&quot; and compare the fingerprints with those your Git host publishes before you add the lines. Then try again.</source>
        <translation>%1 ist nicht in Ihrer known_hosts-Datei (%2), daher kann Fluxdesk Flux nicht mitteilen, welchem Host-Schlüssel es vertrauen soll. Verbinden Sie sich einmal damit und bestätigen Sie seinen Schlüssel (Fetch oder Push in Fluxdesk, oder &quot;%3&quot;), oder führen Sie &quot;%4&quot; aus und vergleichen Sie die Fingerprints mit denen, die Ihr Git-Host veröffentlicht, bevor Sie die Zeilen hinzufügen. Versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 offered the key %2, but your known_hosts (%3) holds another key of that type for it. Someone may be intercepting the connection, or the host&apos;s key was replaced: check the fingerprint with the host&apos;s owner, and fix known_hosts before Flux is given any key.</source>
        <translation>%1 hat den Schlüssel %2 angeboten, aber Ihre known_hosts-Datei (%3) enthält für ihn einen anderen Schlüssel dieses Typs. Möglicherweise fängt jemand die Verbindung ab, oder der Schlüssel des Hosts wurde ersetzt: Prüfen Sie den Fingerabdruck mit dem Betreiber des Hosts, und korrigieren Sie known_hosts, bevor Flux einen Schlüssel erhält.</translation>
    </message>
    <message>
        <source>%1 offered the key %2, which your known_hosts (%3) marks as revoked. Flux is not given a revoked key; ask the host&apos;s owner for its current key.</source>
        <translation>%1 hat den Schlüssel %2 angeboten, den Ihre known_hosts-Datei (%3) als widerrufen markiert. Flux erhält keinen widerrufenen Schlüssel; fragen Sie den Betreiber des Hosts nach seinem aktuellen Schlüssel.</translation>
    </message>
    <message>
        <source>%1 offered a %2 key (%3), but your known_hosts (%4) holds only %5 keys for it. Connect once with Fluxdesk (Fetch or Push) to confirm the new key, then try again.</source>
        <translation>%1 hat einen %2-Schlüssel (%3) angeboten, aber Ihre known_hosts-Datei (%4) enthält für ihn nur %5-Schlüssel. Verbinden Sie sich einmal mit Fluxdesk (Fetch oder Push), um den neuen Schlüssel zu bestätigen, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxPanel</name>
    <message>
        <source>Flux</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Filter by name, kind, namespace, status or message</source>
        <translation>Nach Name, Kind, Namespace, Status oder Meldung filtern</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxReach</name>
    <message>
        <source>%1/ is not listed by any kustomization.yaml: Flux never applies it. List %2 in the resources of %3</source>
        <extracomment>Lint: folder (with a trailing /), the entry to add, the kustomization file to add it to</extracomment>
        <translation>%1/ ist in keiner kustomization.yaml aufgeführt: Flux wendet ihn nie an. Nehmen Sie %2 in die resources von %3 auf</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxSecret</name>
    <message>
        <source>Secret %1 in namespace %2:</source>
        <translation>Secret %1 im Namespace %2:</translation>
    </message>
    <message>
        <source>no host keys</source>
        <translation>keine Host-Schlüssel</translation>
    </message>
    <message>
        <source>the private SSH key (hidden)</source>
        <translation>der private SSH-Schlüssel (verborgen)</translation>
    </message>
    <message>
        <source>the token (hidden)</source>
        <translation>das Token (verborgen)</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(verborgen)</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxSettingsDialog</name>
    <message>
        <source>e.g. 10m or 1h30m</source>
        <translation>z. B. 10m oder 1h30m</translation>
    </message>
    <message>
        <source>Flux Reconciliation Settings</source>
        <translation>Einstellungen für den Flux-Abgleich</translation>
    </message>
    <message>
        <source>Each entry point is a Flux Kustomization in clusters/&lt;cluster&gt;/ that applies one folder of the repository. Hover over a field for guidance.</source>
        <translation>Jeder Einstiegspunkt ist eine Flux-Kustomization in clusters/&lt;cluster&gt;/, die einen Ordner des Repositorys anwendet. Bewegen Sie die Maus über ein Feld, um Hinweise zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Restore Defaults</source>
        <translation>&amp;Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>&amp;Retry interval:</source>
        <translation>&amp;Wiederholungsintervall:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <source>&amp;Prune: delete from the cluster what is removed from Git</source>
        <translation>&amp;Prune: aus dem Cluster löschen, was aus Git entfernt wird</translation>
    </message>
    <message>
        <source>Prune:</source>
        <translation>Prune:</translation>
    </message>
    <message>
        <source>&amp;Wait for the applied objects to become ready</source>
        <translation>Auf &amp;Bereitschaft der angewendeten Objekte warten</translation>
    </message>
    <message>
        <source>Wait:</source>
        <translation>Warten:</translation>
    </message>
    <message>
        <source>Flux reports this entry point ready only when every object it applied is ready, so entry points that depend on it start after that.</source>
        <translation>Flux meldet diesen Einstiegspunkt erst dann als bereit, wenn jedes von ihm angewendete Objekt bereit ist; davon abhängige Einstiegspunkte starten also erst danach.</translation>
    </message>
    <message>
        <source>%1 (not an entry point of this plan)</source>
        <extracomment>Flux settings: a dependency on an entry point that does not exist</extracomment>
        <translation>%1 (kein Einstiegspunkt dieses Plans)</translation>
    </message>
    <message>
        <source>&amp;Depends on:</source>
        <translation>&amp;Abhängig von:</translation>
    </message>
    <message>
        <source>Entry points Flux applies, and waits to be ready, before this one. Workloads depend on infrastructure so that CRDs, controllers and storage exist before the applications that use them.</source>
        <translation>Einstiegspunkte, die Flux vor diesem anwendet und deren Bereitschaft es abwartet. Workloads hängen von der Infrastruktur ab, damit CRDs, Controller und Speicher vorhanden sind, bevor die Anwendungen starten, die sie nutzen.</translation>
    </message>
    <message>
        <source>List Deployments and StatefulSets as &amp;health checks</source>
        <translation>Deployments und StatefulSets als &amp;Health-Checks aufführen</translation>
    </message>
    <message>
        <source>Health checks:</source>
        <translation>Health-Checks:</translation>
    </message>
    <message>
        <source>Adds this folder&apos;s Deployments and StatefulSets under spec.healthChecks, so Flux reports the entry point ready only when they are. Flux ignores health checks while Wait is on, because Wait already checks every object.</source>
        <translation>Fügt die Deployments und StatefulSets dieses Ordners unter spec.healthChecks ein, sodass Flux den Einstiegspunkt erst als bereit meldet, wenn sie es sind. Flux ignoriert Health-Checks, solange Warten eingeschaltet ist, weil Warten bereits jedes Objekt prüft.</translation>
    </message>
    <message>
        <source>Flux ignores health checks while Wait is on; turn Wait off for them to take effect.</source>
        <translation>Flux ignoriert Health-Checks, solange Warten eingeschaltet ist; schalten Sie Warten aus, damit sie wirken.</translation>
    </message>
    <message>
        <source>%1 cannot depend on %2: %2 already depends on %1, directly or through other entry points, and Flux would wait for each forever.</source>
        <extracomment>Flux settings: %1 is the entry point being edited, %2 the one it would depend on</extracomment>
        <translation>%1 kann nicht von %2 abhängen: %2 hängt bereits von %1 ab, direkt oder über andere Einstiegspunkte, und Flux würde ewig auf beide warten.</translation>
    </message>
    <message>
        <source>%1 and %2 depend on each other, directly or through other entry points, and Flux would apply neither. Uncheck one of the dependencies.</source>
        <translation>%1 und %2 hängen voneinander ab, direkt oder über andere Einstiegspunkte, und Flux würde keinen von beiden anwenden. Entfernen Sie das Häkchen bei einer der Abhängigkeiten.</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>retry interval</source>
        <translation>Wiederholungsintervall</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>%1: the %2 is empty. Use a duration such as 10m or 1h30m.</source>
        <extracomment>Flux settings: %1 entry point, %2 field name</extracomment>
        <translation>%1: Das %2 ist leer. Verwenden Sie eine Dauer wie 10m oder 1h30m.</translation>
    </message>
    <message>
        <source>%1: the %2 &quot;%3&quot; is not a duration. Use a duration such as 10m or 1h30m.</source>
        <extracomment>Flux settings: %1 entry point, %2 field name, %3 what the user typed</extracomment>
        <translation>%1: Das %2 &quot;%3&quot; ist keine Dauer. Verwenden Sie eine Dauer wie 10m oder 1h30m.</translation>
    </message>
    <message>
        <source>%1 depends on %2, which is not an entry point of this plan, and Flux would wait for it forever. Uncheck it.</source>
        <translation>%1 hängt von %2 ab, das kein Einstiegspunkt dieses Plans ist, und Flux würde ewig darauf warten. Entfernen Sie das Häkchen.</translation>
    </message>
    <message>
        <source>Fluxdesk&apos;s defaults: infrastructure first, then the workloads that depend on it, both pruning and waiting.</source>
        <translation>Standardwerte von Fluxdesk: zuerst die Infrastruktur, dann die davon abhängigen Workloads, beide mit Prune und Warten.</translation>
    </message>
    <message>
        <source>How often Flux re-applies this folder from Git, which also reverts drift such as a manual kubectl edit. The default, 10m, suits infrastructure, which changes rarely; workloads, which change more often, may use 5m.</source>
        <translation>Wie oft Flux diesen Ordner erneut aus Git anwendet; dabei werden auch Abweichungen wie ein manuelles kubectl edit rückgängig gemacht. Der Standardwert 10m passt zur Infrastruktur, die sich selten ändert; Workloads, die sich häufiger ändern, können 5m verwenden.</translation>
    </message>
    <message>
        <source>How soon Flux tries again after a failed apply, instead of waiting a whole interval. The default is 1m.</source>
        <translation>Wie schnell Flux es nach einem fehlgeschlagenen Anwenden erneut versucht, statt ein ganzes Intervall zu warten. Der Standardwert ist 1m.</translation>
    </message>
    <message>
        <source>How long one apply, including waiting for readiness, may take before Flux declares it failed. The default is 5m.</source>
        <translation>Wie lange ein Anwenden einschließlich des Wartens auf Bereitschaft dauern darf, bevor Flux es als fehlgeschlagen meldet. Der Standardwert ist 5m.</translation>
    </message>
    <message>
        <source>Objects whose files are removed from Git are deleted from the cluster. Be careful when removing files: for critical infrastructure, consider starting with prune off and cleaning up by hand.</source>
        <translation>Objekte, deren Dateien aus Git entfernt werden, werden aus dem Cluster gelöscht. Seien Sie beim Entfernen von Dateien vorsichtig: Erwägen Sie bei kritischer Infrastruktur, mit ausgeschaltetem Prune zu beginnen und von Hand aufzuräumen.</translation>
    </message>
    <message>
        <source>&amp;Suspended: Flux leaves it alone for now</source>
        <translation>Aus&amp;gesetzt: Flux lässt ihn vorerst in Ruhe</translation>
    </message>
    <message>
        <source>Take over later:</source>
        <translation>Später übernehmen:</translation>
    </message>
    <message>
        <source>Writes spec.suspend: true, so Flux does not apply this entry point yet. Take the cluster over one side at a time: keep the workloads suspended until the infrastructure is Ready, then clear this and commit to let Flux take them over.</source>
        <translation>Schreibt spec.suspend: true, sodass Flux diesen Einstiegspunkt noch nicht anwendet. Übernehmen Sie den Cluster eine Seite nach der anderen: Lassen Sie die Workloads ausgesetzt, bis die Infrastruktur Ready ist, entfernen Sie dann dieses Häkchen und committen Sie, damit Flux sie übernimmt.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FluxStatusModel</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Kustomizations</source>
        <translation>Kustomizations</translation>
    </message>
    <message>
        <source>HelmReleases</source>
        <translation>HelmReleases</translation>
    </message>
    <message>
        <source>Flux instances</source>
        <translation>Flux-Instanzen</translation>
    </message>
    <message>
        <source>%1 of %2 ready</source>
        <translation>%1 von %2 bereit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Last applied</source>
        <translation>Zuletzt angewendet</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::FolderHandles</name>
    <message>
        <source>cannot open the folder: %1</source>
        <translation>der Ordner kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>refusing a path outside the folder</source>
        <translation>Pfad außerhalb des Ordners abgelehnt</translation>
    </message>
    <message>
        <source>cannot create the folder: %1</source>
        <translation>kann den Ordner nicht anlegen: %1</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>writing into a folder needs a POSIX system</source>
        <translation>das Schreiben in einen Ordner braucht ein POSIX-System</translation>
    </message>
    <message>
        <source>cannot delete: %1</source>
        <translation>kann nicht löschen: %1</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Git</name>
    <message>
        <source>invalid name or email</source>
        <translation>ungültiger Name oder ungültige E-Mail-Adresse</translation>
    </message>
    <message>
        <source>your name and email for commits are not set (git config user.name and user.email)</source>
        <translation>Ihr Name und Ihre E-Mail-Adresse für Commits sind nicht gesetzt (git config user.name und user.email)</translation>
    </message>
    <message>
        <source>cannot read your git identity</source>
        <translation>Ihre Git-Identität kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>no commit %1</source>
        <translation>kein Commit %1</translation>
    </message>
    <message>
        <source>%1 is not a commit</source>
        <translation>%1 ist kein Commit</translation>
    </message>
    <message>
        <source>cannot create the commit</source>
        <translation>der Commit kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>a name and an email are both needed</source>
        <translation>Name und E-Mail-Adresse werden beide benötigt</translation>
    </message>
    <message>
        <source>cannot open the repository&apos;s config</source>
        <translation>die Konfiguration des Repositorys kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot save your identity in the repository&apos;s config</source>
        <translation>Ihre Identität kann nicht in der Konfiguration des Repositorys gespeichert werden</translation>
    </message>
    <message>
        <source>the commit message is empty</source>
        <translation>die Commit-Nachricht ist leer</translation>
    </message>
    <message>
        <source>cannot read the index</source>
        <translation>der Index kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the index has unresolved conflicts</source>
        <translation>der Index enthält ungelöste Konflikte</translation>
    </message>
    <message>
        <source>cannot write the tree</source>
        <translation>der Tree kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot read the tree</source>
        <translation>der Tree kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>nothing to commit</source>
        <translation>nichts zu committen</translation>
    </message>
    <message>
        <source>cannot read the history</source>
        <translation>der Verlauf kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read a commit</source>
        <translation>ein Commit kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>commit or discard your changes before reverting (%1 is changed)</source>
        <translation>committen oder verwerfen Sie Ihre Änderungen vor dem Revert (%1 ist geändert)</translation>
    </message>
    <message>
        <source>cannot revert %1</source>
        <translation>%1 kann nicht zurückgenommen werden</translation>
    </message>
    <message>
        <source>reverting %1 conflicts with later changes: revert it in your git tool</source>
        <translation>der Revert von %1 steht in Konflikt mit späteren Änderungen: Führen Sie den Revert mit Ihrem Git-Werkzeug durch</translation>
    </message>
    <message>
        <source>cannot update the files for the revert</source>
        <translation>die Dateien für den Revert können nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>cannot format the diff</source>
        <translation>der Diff kann nicht formatiert werden</translation>
    </message>
    <message>
        <source>cannot read HEAD</source>
        <translation>HEAD kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot compute the diff</source>
        <translation>der Diff kann nicht berechnet werden</translation>
    </message>
    <message>
        <source>cannot read the commit&apos;s tree</source>
        <translation>der Tree des Commits kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the parent commit</source>
        <translation>der Eltern-Commit kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the parent&apos;s tree</source>
        <translation>der Tree des Eltern-Commits kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the branch has no upstream and the repository has no remote named &quot;%1&quot;</source>
        <translation>der Branch hat keinen Upstream, und das Repository hat kein Remote namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot read the remote %1</source>
        <translation>das Remote %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the push was rejected because the remote has commits you don&apos;t have: fetch, then rebase or merge in your git tool and push again. Your commit is kept.</source>
        <translation>der Push wurde abgelehnt, weil das Remote Commits enthält, die Sie nicht haben: Führen Sie einen Fetch aus, dann einen Rebase oder Merge mit Ihrem Git-Werkzeug, und pushen Sie erneut. Ihr Commit bleibt erhalten.</translation>
    </message>
    <message>
        <source>there is no commit to push yet</source>
        <translation>es gibt noch keinen Commit zum Pushen</translation>
    </message>
    <message>
        <source>the remote rejected the push (%1)</source>
        <translation>das Remote hat den Push abgelehnt (%1)</translation>
    </message>
    <message>
        <source>the remote rejected the push (%1):
%2</source>
        <translation>das Remote hat den Push abgelehnt (%1):
%2</translation>
    </message>
    <message>
        <source>the push failed</source>
        <translation>der Push ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>pushed, but the upstream could not be set</source>
        <translation>gepusht, aber der Upstream konnte nicht gesetzt werden</translation>
    </message>
    <message>
        <source>the fetch failed</source>
        <translation>der Fetch ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cannot add the remote %1</source>
        <translation>das Remote %1 kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>%1 is not a git repository</source>
        <translation>%1 ist kein Git-Repository</translation>
    </message>
    <message>
        <source>cannot open the repository</source>
        <translation>das Repository kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 is a bare repository: it has no working tree to commit from</source>
        <translation>%1 ist ein Bare-Repository: Es hat keinen Arbeitsbaum, aus dem committet werden kann</translation>
    </message>
    <message>
        <source>cannot initialise a repository</source>
        <translation>ein Repository kann nicht initialisiert werden</translation>
    </message>
    <message>
        <source>cannot clone %1</source>
        <translation>%1 kann nicht geklont werden</translation>
    </message>
    <message>
        <source>HEAD is detached (no branch is checked out): check out a branch in your git tool first</source>
        <translation>HEAD ist losgelöst (kein Branch ausgecheckt): Checken Sie zuerst mit Ihrem Git-Werkzeug einen Branch aus</translation>
    </message>
    <message>
        <source>a merge is in progress: finish or abort it in your git tool first</source>
        <translation>ein Merge ist im Gange: Schließen Sie ihn zuerst mit Ihrem Git-Werkzeug ab oder brechen Sie ihn ab</translation>
    </message>
    <message>
        <source>a rebase is in progress: finish or abort it in your git tool first</source>
        <translation>ein Rebase ist im Gange: Schließen Sie ihn zuerst mit Ihrem Git-Werkzeug ab oder brechen Sie ihn ab</translation>
    </message>
    <message>
        <source>a git operation (cherry-pick, revert, bisect or am) is in progress: finish or abort it in your git tool first</source>
        <translation>eine Git-Operation (cherry-pick, revert, bisect oder am) ist im Gange: Schließen Sie sie zuerst mit Ihrem Git-Werkzeug ab oder brechen Sie sie ab</translation>
    </message>
    <message>
        <source>cannot read the upstream branch</source>
        <translation>der Upstream-Branch kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot compare with the upstream branch</source>
        <translation>ein Vergleich mit dem Upstream-Branch ist nicht möglich</translation>
    </message>
    <message>
        <source>cannot write the index</source>
        <translation>der Index kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot read the status</source>
        <translation>der Status kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot stage %1</source>
        <translation>%1 kann nicht vorgemerkt werden</translation>
    </message>
    <message>
        <source>cannot stage all changes</source>
        <translation>nicht alle Änderungen können vorgemerkt werden</translation>
    </message>
    <message>
        <source>cannot unstage</source>
        <translation>die Vormerkung kann nicht aufgehoben werden</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>update %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>the SSH agent</source>
        <translation>der SSH-Agent</translation>
    </message>
    <message>
        <source>SSH authentication failed: no SSH agent and no key in %1</source>
        <translation>SSH-Authentifizierung fehlgeschlagen: kein SSH-Agent und kein Schlüssel in %1</translation>
    </message>
    <message>
        <source>SSH authentication failed: the server accepted none of %1</source>
        <translation>SSH-Authentifizierung fehlgeschlagen: Der Server hat keinen von %1 akzeptiert</translation>
    </message>
    <message>
        <source>authentication failed: the server refused the user name and password or token</source>
        <translation>Authentifizierung fehlgeschlagen: Der Server hat Benutzername und Passwort bzw. Token abgelehnt</translation>
    </message>
    <message>
        <source>authentication required: no credential helper answered and there is nobody to ask</source>
        <translation>Authentifizierung erforderlich: Kein Credential-Helper hat geantwortet, und es ist niemand da, der gefragt werden kann</translation>
    </message>
    <message>
        <source>the server asks for an authentication method Fluxdesk does not support</source>
        <translation>der Server verlangt eine Authentifizierungsmethode, die Fluxdesk nicht unterstützt</translation>
    </message>
    <message>
        <source>the SSH server&apos;s host key cannot be checked</source>
        <translation>der Host-Schlüssel des SSH-Servers kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>the host key of %1 has changed (now %2): this can mean someone is intercepting the connection. Refused; if the change is expected, remove the old key from %3.</source>
        <translation>der Host-Schlüssel von %1 hat sich geändert (jetzt %2): Das kann bedeuten, dass jemand die Verbindung abfängt. Abgelehnt; wenn die Änderung erwartet ist, entfernen Sie den alten Schlüssel aus %3.</translation>
    </message>
    <message>
        <source>the host key of %1 (%2) is revoked in %3</source>
        <translation>der Host-Schlüssel von %1 (%2) ist in %3 widerrufen</translation>
    </message>
    <message>
        <source>%1 is not a known host (key %2); not connecting</source>
        <translation>%1 ist kein bekannter Host (Schlüssel %2); keine Verbindung</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read the git configuration</source>
        <translation>die Git-Konfiguration kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read http.sslVerify</source>
        <translation>http.sslVerify kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read http.sslCAInfo</source>
        <translation>http.sslCAInfo kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 turns off the verification of HTTPS certificates: Fluxdesk does not connect without it. Remove it and add the server&apos;s CA with git config http.sslCAInfo FILE instead.</source>
        <translation>%1 schaltet die Prüfung von HTTPS-Zertifikaten ab: Ohne sie stellt Fluxdesk keine Verbindung her. Entfernen Sie die Einstellung und fügen Sie stattdessen die CA des Servers mit git config http.sslCAInfo FILE hinzu.</translation>
    </message>
    <message>
        <source>the CA certificate file %1 (from %2) does not exist</source>
        <translation>die CA-Zertifikatsdatei %1 (aus %2) existiert nicht</translation>
    </message>
    <message>
        <source>cannot use the CA certificates in %1 (from %2)</source>
        <translation>die CA-Zertifikate in %1 (aus %2) können nicht verwendet werden</translation>
    </message>
    <message>
        <source>The server&apos;s certificate for %1 is not trusted (%2). Add its CA with git config http.sslCAInfo FILE.</source>
        <translation>Dem Zertifikat des Servers für %1 wird nicht vertraut (%2). Fügen Sie seine CA mit git config http.sslCAInfo FILE hinzu.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate for %1 is not trusted (%2), checked against %3 from %4.</source>
        <translation>Dem Zertifikat des Servers für %1 wird nicht vertraut (%2), geprüft gegen %3 aus %4.</translation>
    </message>
    <message>
        <source>the system keychain: %1</source>
        <translation>Schlüsselbund des Systems: %1</translation>
    </message>
    <message>
        <source>no host in the URL</source>
        <translation>die URL nennt keinen Host</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>The username and token were not remembered (%1).</source>
        <translation>Benutzername und Token wurden nicht gespeichert (%1).</translation>
    </message>
    <message>
        <source>the remote URL %1 names no protocol or no host: Fluxdesk does not ask a git credential helper for it. Correct the URL with git remote set-url.</source>
        <translation>die Remote-URL %1 nennt kein Protokoll oder keinen Host: Fluxdesk fragt keinen Git-Credential-Helper danach. Korrigieren Sie die URL mit git remote set-url.</translation>
    </message>
    <message>
        <source>the %1 of the remote URL %2 holds a line break or NUL character, which could make a git credential helper answer for another host: refused before asking any helper. Correct the URL with git remote set-url (or the password you entered).</source>
        <translation>%1 der Remote-URL %2 enthält einen Zeilenumbruch oder ein NUL-Zeichen, womit ein Git-Credential-Helper für einen anderen Host antworten könnte: abgelehnt, bevor ein Helper gefragt wurde. Korrigieren Sie die URL mit git remote set-url (oder das eingegebene Passwort).</translation>
    </message>
    <message>
        <source>%1 is known in %2 only with keys of other types (%3), but offered a %4 key (%5): the server&apos;s keys may have been replaced, or someone may be intercepting the connection. Not connecting; if the server&apos;s administrator confirms this key, add it to %2.</source>
        <translation>%1 ist in %2 nur mit Schlüsseln anderer Typen (%3) bekannt, bot aber einen %4-Schlüssel an (%5): die Schlüssel des Servers wurden vielleicht ersetzt, oder jemand fängt die Verbindung ab. Keine Verbindung; wenn der Administrator des Servers diesen Schlüssel bestätigt, fügen Sie ihn %2 hinzu.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>%1 offered no host key of the types %2 holds for it (%3): the server&apos;s keys may have been replaced, or someone may be intercepting the connection. Not connecting. If the server&apos;s administrator confirms its new key, connect once with ssh to review and accept it.</source>
        <translation>%1 bot keinen Host-Schlüssel der Typen an, die %2 für ihn enthält (%3): die Schlüssel des Servers wurden vielleicht ersetzt, oder jemand fängt die Verbindung ab. Keine Verbindung. Wenn der Administrator des Servers den neuen Schlüssel bestätigt, verbinden Sie sich einmal mit ssh, um ihn zu prüfen und anzunehmen.</translation>
    </message>
    <message>
        <source>the branch has no commit yet: commit and push first</source>
        <translation>der Branch hat noch keinen Commit: committen und pushen Sie zuerst</translation>
    </message>
    <message>
        <source>cannot reach the remote %1</source>
        <translation>das Remote %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>cannot list the branches of %1</source>
        <translation>die Branches von %1 können nicht aufgelistet werden</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::GitHistoryModel</name>
    <message>
        <source>Commit</source>
        <extracomment>History column: the commit&apos;s short hash</extracomment>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::GitHostApi</name>
    <message>
        <source>GitHub Enterprise at %1</source>
        <translation>GitHub Enterprise unter %1</translation>
    </message>
    <message>
        <source>Gitea at %1</source>
        <translation>Gitea unter %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No token was given for %1: add the deploy key at %2 by hand, or give a token that may administer the repository.</source>
        <translation>Für %1 wurde kein Token angegeben: Fügen Sie den Deploy Key unter %2 von Hand hinzu, oder geben Sie ein Token an, das das Repository verwalten darf.</translation>
    </message>
    <message>
        <source>Fluxdesk sends the token only over HTTPS, and %1 is not an HTTPS address: use the https:// address of the API.</source>
        <translation>Fluxdesk sendet das Token nur über HTTPS, und %1 ist keine HTTPS-Adresse: Verwenden Sie die https://-Adresse der API.</translation>
    </message>
    <message>
        <source>Could not reach %1 at %2: %3. Check the address and your connection; the host&apos;s TLS certificate must be trusted by this system.</source>
        <translation>%1 unter %2 ist nicht erreichbar: %3. Prüfen Sie die Adresse und Ihre Verbindung; dieses System muss dem TLS-Zertifikat des Hosts vertrauen.</translation>
    </message>
    <message>
        <source>%1 refused the token (HTTP 401: %2). Check that it is current and made for this host; it needs admin rights on %3 (classic token: the repo scope; fine-grained: Administration read and write).</source>
        <translation>%1 hat das Token abgelehnt (HTTP 401: %2). Prüfen Sie, ob es gültig und für diesen Host erstellt ist; es benötigt Administratorrechte für %3 (klassisches Token: den Scope repo; fine-grained: Administration mit Lese- und Schreibzugriff).</translation>
    </message>
    <message>
        <source>%1 does not let this token add deploy keys to %2 (HTTP 403: %3). The token needs admin rights on the repository, or add the key by hand at %4.</source>
        <translation>%1 erlaubt diesem Token nicht, Deploy Keys zu %2 hinzuzufügen (HTTP 403: %3). Das Token benötigt Administratorrechte für das Repository, oder fügen Sie den Schlüssel unter %4 von Hand hinzu.</translation>
    </message>
    <message>
        <source>%1 found no repository %2 (HTTP 404: %3). Check the owner and name in the remote URL, and that the token may see the repository (a private repository answers 404 to a token without access).</source>
        <translation>%1 hat kein Repository %2 gefunden (HTTP 404: %3). Prüfen Sie Besitzer und Namen in der Remote-URL und ob das Token das Repository sehen darf (ein privates Repository antwortet einem Token ohne Zugriff mit 404).</translation>
    </message>
    <message>
        <source>%1 refused the deploy key for %2 (HTTP 422: %3). A key can be added only once on a host: if it is already there, see %4, or generate a new key.</source>
        <translation>%1 hat den Deploy Key für %2 abgelehnt (HTTP 422: %3). Ein Schlüssel kann auf einem Host nur einmal hinzugefügt werden: Wenn er bereits vorhanden ist, sehen Sie unter %4 nach, oder erzeugen Sie einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>%1 answered with a redirect to %2 (HTTP %3), which Fluxdesk does not follow with a token: give the API&apos;s address itself.</source>
        <translation>%1 hat mit einer Weiterleitung nach %2 geantwortet (HTTP %3), der Fluxdesk mit einem Token nicht folgt: Geben Sie direkt die Adresse der API an.</translation>
    </message>
    <message>
        <source>%1 could not add the deploy key to %2 (HTTP %3: %4).</source>
        <translation>%1 konnte den Deploy Key nicht zu %2 hinzufügen (HTTP %3: %4).</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::GitPrompter</name>
    <message>
        <source>Sign In to the Remote</source>
        <translation>Am Remote anmelden</translation>
    </message>
    <message>
        <source>%1 asks for a username and a password or access token.</source>
        <translation>%1 verlangt einen Benutzernamen und ein Passwort oder Zugriffstoken.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>&amp;Passwort oder Token:</translation>
    </message>
    <message>
        <source>SSH Key Passphrase</source>
        <translation>Passphrase des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>The passphrase of the key %1:</source>
        <translation>Die Passphrase des Schlüssels %1:</translation>
    </message>
    <message>
        <source>Unknown SSH Host</source>
        <translation>Unbekannter SSH-Host</translation>
    </message>
    <message>
        <source>The host %1 (port %2) is not in your known_hosts file yet.</source>
        <translation>Der Host %1 (Port %2) ist noch nicht in Ihrer known_hosts-Datei.</translation>
    </message>
    <message>
        <source>Its %1 key has the fingerprint
%2

Compare it with the one your server&apos;s administrator gives you. Trust this host and remember its key?</source>
        <translation>Sein %1-Schlüssel hat den Fingerabdruck
%2

Vergleichen Sie ihn mit dem, den Ihnen der Administrator Ihres Servers nennt. Diesem Host vertrauen und seinen Schlüssel speichern?</translation>
    </message>
    <message>
        <source>Trust and Connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>Kept by the system keychain once the server accepted it, never in a plain-text file</source>
        <translation>Wird im Schlüsselbund des Systems aufbewahrt, sobald der Server es angenommen hat, nie in einer Klartextdatei</translation>
    </message>
    <message>
        <source>SSH Host Known with Other Keys</source>
        <translation>SSH-Host mit anderen Schlüsseln bekannt</translation>
    </message>
    <message>
        <source>Your known_hosts file knows the host %1 (port %2) only with keys of other types (%3), but it now offers a %4 key.</source>
        <translation>Ihre known_hosts-Datei kennt den Host %1 (Port %2) nur mit Schlüsseln anderer Typen (%3), aber er bietet jetzt einen %4-Schlüssel an.</translation>
    </message>
    <message>
        <source>The server&apos;s keys may have been replaced, or someone may be intercepting the connection. The new key has the fingerprint
%1

Trust it only if your server&apos;s administrator confirms this fingerprint. Trust this key and remember it?</source>
        <translation>Die Schlüssel des Servers wurden vielleicht ersetzt, oder jemand fängt die Verbindung ab. Der neue Schlüssel hat den Fingerabdruck
%1

Vertrauen Sie ihm nur, wenn der Administrator Ihres Servers diesen Fingerabdruck bestätigt. Diesem Schlüssel vertrauen und ihn merken?</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::GitRemoteAddress</name>
    <message>
        <source>The remote %1 is not a Git host address Flux can read: use ssh://git@host/owner/repository.git, git@host:owner/repository.git or https://host/owner/repository.git.</source>
        <translation>Das Remote %1 ist keine Git-Host-Adresse, die Flux lesen kann: Verwenden Sie ssh://git@host/owner/repository.git, git@host:owner/repository.git oder https://host/owner/repository.git.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::HelpDialog</name>
    <message>
        <source>Fluxdesk Guide</source>
        <translation>Fluxdesk-Handbuch</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::HistoryPanel</name>
    <message>
        <source>… (the rest of this diff is not shown: it is longer than %1 MiB; your git tool shows it in full)</source>
        <translation>… (der Rest dieses Diffs wird nicht angezeigt: Er ist länger als %1 MiB; Ihr Git-Werkzeug zeigt ihn vollständig)</translation>
    </message>
    <message>
        <source>&amp;Revert…</source>
        <translation>&amp;Zurücknehmen…</translation>
    </message>
    <message>
        <source>Revert…</source>
        <translation>Zurücknehmen…</translation>
    </message>
    <message>
        <source>Select a commit to see what it changed.</source>
        <translation>Wählen Sie einen Commit aus, um seine Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
    <message>
        <source>No commits yet.</source>
        <translation>Noch keine Commits.</translation>
    </message>
    <message>
        <source>Showing the newest %1 commits of %2; your git tool shows the older ones.</source>
        <translation>Die neuesten %1 von %2 Commits werden angezeigt; Ihr Git-Werkzeug zeigt die älteren.</translation>
    </message>
    <message>
        <source>1 commit on %1.</source>
        <translation>1 Commit auf %1.</translation>
    </message>
    <message>
        <source>%1 commits on %2.</source>
        <translation>%1 Commits auf %2.</translation>
    </message>
    <message>
        <source>Loading the diff…</source>
        <translation>Diff wird geladen…</translation>
    </message>
    <message>
        <source>Revert Commit</source>
        <translation>Commit zurücknehmen</translation>
    </message>
    <message>
        <source>Revert commit %1 “%2”?</source>
        <translation>Commit %1 „%2“ zurücknehmen?</translation>
    </message>
    <message>
        <source>A new commit undoes its changes on the branch; the commit itself stays in the history. Nothing is pushed.</source>
        <translation>Ein neuer Commit macht seine Änderungen auf dem Branch rückgängig; der Commit selbst bleibt im Verlauf. Es wird nichts gepusht.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <source>Create a new commit that undoes the selected commit: once it is pushed, Flux rolls the cluster back to match</source>
        <translation>Einen neuen Commit erstellen, der den ausgewählten Commit rückgängig macht: Sobald er gepusht ist, setzt Flux den Cluster entsprechend zurück</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::IdentityDialog</name>
    <message>
        <source>Who Is Committing?</source>
        <translation>Wer committet?</translation>
    </message>
    <message>
        <source>Git does not know your name and email yet (user.name and user.email). They are written into every commit as its author.</source>
        <translation>Git kennt Ihren Namen und Ihre E-Mail-Adresse noch nicht (user.name und user.email). Sie werden in jeden Commit als dessen Autor eingetragen.</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>you@example.org</translation>
    </message>
    <message>
        <source>Save in this repository&apos;s config</source>
        <translation>In der Konfiguration dieses Repositorys speichern</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Committen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
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
    <message>
        <source>The list of %1 is larger than %2, the most Fluxdesk reads for one resource type: it was not loaded completely</source>
        <translation>Die Liste von %1 ist größer als %2, das Meiste, was Fluxdesk für einen Ressourcentyp liest: sie wurde nicht vollständig geladen</translation>
    </message>
    <message>
        <source>The listing of %1 was started again after its continue token expired, and the new token expired too: it was not loaded completely; try again later (%2)</source>
        <translation>Die Auflistung von %1 wurde neu begonnen, nachdem ihr Continue-Token abgelaufen war, und das neue Token lief auch ab: sie wurde nicht vollständig geladen; versuchen Sie es später erneut (%2)</translation>
    </message>
    <message numerus="yes">
        <source>The server sent a continue token for %1 that it had sent before: following it would list the same pages for ever, so the listing stopped after %n page(s) and is incomplete</source>
        <translation>
            <numerusform>Der Server sandte für %1 ein Continue-Token, das er schon einmal gesandt hatte: ihm zu folgen würde dieselben Seiten endlos auflisten, daher wurde die Auflistung nach %n Seite angehalten und ist unvollständig</numerusform>
            <numerusform>Der Server sandte für %1 ein Continue-Token, das er schon einmal gesandt hatte: ihm zu folgen würde dieselben Seiten endlos auflisten, daher wurde die Auflistung nach %n Seiten angehalten und ist unvollständig</numerusform>
        </translation>
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
    <message>
        <source>Helm releases</source>
        <translation>Helm-Releases</translation>
    </message>
    <message>
        <source>Releases Helm installed (current revision of each): select one to see its values and the Flux objects that adopt it</source>
        <translation>Von Helm installierte Releases (jeweils die aktuelle Revision): Wählen Sie eines aus, um seine Values und die Flux-Objekte zu sehen, die es übernehmen</translation>
    </message>
    <message>
        <source>%1/%2 · %3 %4 · rev %5</source>
        <extracomment>Release row: namespace/release · chart version · revision</extracomment>
        <translation>%1/%2 · %3 %4 · Rev. %5</translation>
    </message>
    <message>
        <source>Helm release %1/%2
Chart %3 %4 (app %5), revision %6, %7</source>
        <translation>Helm-Release %1/%2
Chart %3 %4 (App %5), Revision %6, %7</translation>
    </message>
    <message>
        <source>Not deployed: it is not converted until Helm finishes or rolls back.</source>
        <translation>Nicht deployt: Es wird erst konvertiert, wenn Helm fertig ist oder ein Rollback erfolgt ist.</translation>
    </message>
    <message>
        <source>K3s</source>
        <extracomment>Release row badge: K3s installs and keeps this release</extracomment>
        <translation>K3s</translation>
    </message>
    <message>
        <source>K3s installs it from its HelmChart %1 and keeps it itself: it is never converted. Customise it with a HelmChartConfig.</source>
        <translation>K3s installiert es aus seinem HelmChart %1 und pflegt es selbst: Es wird nie umgewandelt. Passen Sie es mit einer HelmChartConfig an.</translation>
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
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>The response of %1 to %2 is larger than %3, the most Fluxdesk reads for one request: refused</source>
        <translation>Die Antwort von %1 auf %2 ist größer als %3, das Meiste, was Fluxdesk für eine Anfrage liest: abgelehnt</translation>
    </message>
    <message>
        <source>The response of %1 to %2 did not complete within %3 seconds (the server sends too slowly, or without end): cut off</source>
        <translation>Die Antwort von %1 auf %2 wurde nicht innerhalb von %3 Sekunden fertig (der Server sendet zu langsam oder ohne Ende): abgebrochen</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::KustomizationFile</name>
    <message>
        <source>a kustomization holds one YAML document, this file has %1</source>
        <translation>eine Kustomization enthält ein YAML-Dokument, diese Datei hat %1</translation>
    </message>
    <message>
        <source>a kustomization must be a map of fields</source>
        <translation>eine Kustomization muss eine Zuordnung von Feldern sein</translation>
    </message>
    <message>
        <source>`resources` must be a list of paths</source>
        <translation>`resources` muss eine Liste von Pfaden sein</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::MainWindow</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
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
    <message>
        <source>Live Object</source>
        <translation>Live-Objekt</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Open in Editor</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <source>Open an editable copy to clean, split and save (or double-click the object)</source>
        <translation>Eine bearbeitbare Kopie zum Bereinigen, Aufteilen und Speichern öffnen (oder auf das Objekt doppelklicken)</translation>
    </message>
    <message>
        <source>Select an object in the cluster tree to see its live YAML here; double-click it to edit a copy. Open a file of your repository with File &gt; Open File.</source>
        <translation>Wählen Sie ein Objekt im Cluster-Baum aus, um hier sein Live-YAML zu sehen; doppelklicken Sie darauf, um eine Kopie zu bearbeiten. Öffnen Sie eine Datei Ihres Repositorys mit Datei &gt; Datei öffnen.</translation>
    </message>
    <message>
        <source>Open &amp;File…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a YAML file (of the repository) in the editor</source>
        <translation>Eine YAML-Datei (des Repositorys) im Editor öffnen</translation>
    </message>
    <message>
        <source>Open Object in &amp;Editor</source>
        <translation>Objekt im &amp;Editor öffnen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Live: %1</source>
        <extracomment>Tab title of the read-only preview of a live object</extracomment>
        <translation>Live: %1</translation>
    </message>
    <message>
        <source>Editing a copy of %1: Clean removes what the cluster wrote, Save writes it to the repository</source>
        <extracomment>Status bar after opening a live object in the editor</extracomment>
        <translation>Kopie von %1 wird bearbeitet: Bereinigen entfernt, was der Cluster geschrieben hat, Speichern schreibt sie ins Repository</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Open &amp;Repository…</source>
        <translation>&amp;Repository öffnen…</translation>
    </message>
    <message>
        <source>Recent Repositories</source>
        <translation>Zuletzt verwendete Repositorys</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Release: %1</source>
        <extracomment>Tab title of the Helm release view</extracomment>
        <translation>Release: %1</translation>
    </message>
    <message>
        <source>Helm release %1/%2 as Flux objects</source>
        <translation>Helm-Release %1/%2 als Flux-Objekte</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>Choose the checkout to plan into, review, commit and push</source>
        <translation>Den Checkout wählen, in den geplant wird, um Änderungen zu prüfen, zu committen und zu pushen</translation>
    </message>
    <message>
        <source>Editing a copy of %1: Clean removes what the cluster wrote, Save writes it to %2 in the repository</source>
        <extracomment>Status bar after opening a live object in the editor; %2 is the file the plan puts it in</extracomment>
        <translation>Kopie von %1 wird bearbeitet: Bereinigen entfernt, was der Cluster geschrieben hat, Speichern schreibt sie nach %2 im Repository</translation>
    </message>
    <message>
        <source>&amp;Repository</source>
        <translation>&amp;Repository</translation>
    </message>
    <message>
        <source>Fluxdesk &amp;Guide</source>
        <translation>Fluxdesk-&amp;Handbuch</translation>
    </message>
    <message>
        <source>The panes, the badges and the flow from cluster to Flux repository</source>
        <translation>Die Bereiche, die Badges und der Weg vom Cluster zum Flux-Repository</translation>
    </message>
    <message>
        <source>Badge &amp;Legend</source>
        <translation>Badge-&amp;Legende</translation>
    </message>
    <message>
        <source>Flux</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>F&amp;lux</source>
        <translation>F&amp;lux</translation>
    </message>
    <message>
        <source>Flux Graph</source>
        <translation>Flux-Graph</translation>
    </message>
    <message>
        <source>%1 %2/%3 is not in the Flux view: connect to the live cluster</source>
        <translation>%1 %2/%3 ist nicht in der Flux-Ansicht: Verbinden Sie sich mit dem laufenden Cluster</translation>
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
    <name>Fluxdesk::OwnershipLegend</name>
    <message>
        <source>You created it by hand (kubectl apply, a dashboard): only the cluster has it.</source>
        <translation>Sie haben es von Hand angelegt (kubectl apply, ein Dashboard): Nur der Cluster hat es.</translation>
    </message>
    <message>
        <source>A Helm release created it from its chart.</source>
        <translation>Ein Helm-Release hat es aus seinem Chart erstellt.</translation>
    </message>
    <message>
        <source>Helm&apos;s own record of a release revision (a sh.helm.release.v1 Secret).</source>
        <translation>Helms eigener Eintrag einer Release-Revision (ein Secret sh.helm.release.v1).</translation>
    </message>
    <message>
        <source>Flux already applies it from a Git repository.</source>
        <translation>Flux wendet es bereits aus einem Git-Repository an.</translation>
    </message>
    <message>
        <source>Part of Kubernetes or K3s itself.</source>
        <translation>Teil von Kubernetes oder K3s selbst.</translation>
    </message>
    <message>
        <source>A controller made it for its owner (a Pod for a ReplicaSet, a ReplicaSet for a Deployment).</source>
        <translation>Ein Controller hat es für seinen Eigentümer erzeugt (einen Pod für ein ReplicaSet, ein ReplicaSet für ein Deployment).</translation>
    </message>
    <message>
        <source>The cluster created it automatically (a default ServiceAccount, kube-root-ca.crt, an Event).</source>
        <translation>Der Cluster hat es automatisch angelegt (ein Standard-ServiceAccount, kube-root-ca.crt, ein Event).</translation>
    </message>
    <message>
        <source>A reading of a read-only API (metrics.k8s.io), not an object anyone applies.</source>
        <translation>Ein Messwert einer schreibgeschützten API (metrics.k8s.io), kein Objekt, das jemand anwendet.</translation>
    </message>
    <message>
        <source>The plan writes it to a file: review it, move it, or exclude what you no longer need.</source>
        <translation>Der Plan schreibt es in eine Datei: Prüfen Sie es, verschieben Sie es oder schließen Sie aus, was Sie nicht mehr brauchen.</translation>
    </message>
    <message>
        <source>Its release&apos;s HelmRelease carries it: select the release under &quot;Helm releases&quot; to review the values.</source>
        <translation>Das HelmRelease seines Releases bringt es mit: Wählen Sie das Release unter &quot;Helm-Releases&quot; aus, um die Values zu prüfen.</translation>
    </message>
    <message>
        <source>Left out: the HelmRelease adopts the running release and keeps these records.</source>
        <translation>Ausgelassen: Das HelmRelease übernimmt das laufende Release und behält diese Einträge.</translation>
    </message>
    <message>
        <source>Left out: it is in Git already. Nothing to do.</source>
        <translation>Ausgelassen: Es ist bereits in Git. Nichts zu tun.</translation>
    </message>
    <message>
        <source>Left out: K3s keeps it. Leave it alone.</source>
        <translation>Ausgelassen: K3s pflegt es. Lassen Sie es unverändert.</translation>
    </message>
    <message>
        <source>Left out: its owner is migrated, and the controller makes it again.</source>
        <translation>Ausgelassen: Sein Eigentümer wird migriert, und der Controller erzeugt es erneut.</translation>
    </message>
    <message>
        <source>Left out: the cluster makes it again. Include it only if you changed it.</source>
        <translation>Ausgelassen: Der Cluster erzeugt es erneut. Nehmen Sie es nur auf, wenn Sie es geändert haben.</translation>
    </message>
    <message>
        <source>Never written: there is nothing to apply.</source>
        <translation>Nie geschrieben: Es gibt nichts anzuwenden.</translation>
    </message>
    <message>
        <source>A Helm release that is installed and settled.</source>
        <translation>Ein Helm-Release, das installiert ist und keine laufende Operation hat.</translation>
    </message>
    <message>
        <source>Converted into a HelmRelease that adopts it.</source>
        <translation>In ein HelmRelease umgewandelt, das es übernimmt.</translation>
    </message>
    <message>
        <source>A Helm operation is running or was interrupted.</source>
        <translation>Eine Helm-Operation läuft oder wurde unterbrochen.</translation>
    </message>
    <message>
        <source>Not converted: wait for it, or roll it back with helm rollback.</source>
        <translation>Nicht umgewandelt: Warten Sie sie ab, oder setzen Sie das Release mit helm rollback zurück.</translation>
    </message>
    <message>
        <source>The release&apos;s last operation failed.</source>
        <translation>Die letzte Operation des Releases ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Not converted: repair it with helm rollback or a good upgrade.</source>
        <translation>Nicht umgewandelt: Reparieren Sie es mit helm rollback oder einem erfolgreichen Upgrade.</translation>
    </message>
    <message>
        <source>Badges of the Cluster Tree</source>
        <translation>Badges im Cluster-Baum</translation>
    </message>
    <message>
        <source>Each object of the cluster tree has a badge saying who manages it; hover over a badge in the tree for the reason. Objects left out are listed when &quot;Show owned and generated objects&quot; is on.</source>
        <translation>Jedes Objekt im Cluster-Baum hat ein Badge, das angibt, wer es verwaltet; bewegen Sie die Maus im Baum über ein Badge, um den Grund zu sehen. Ausgelassene Objekte werden aufgeführt, wenn &quot;Untergeordnete und generierte Objekte anzeigen&quot; eingeschaltet ist.</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::PlanController</name>
    <message>
        <source>Repository plan</source>
        <translation>Repository-Plan</translation>
    </message>
    <message>
        <source>&amp;Write Plan…</source>
        <translation>Plan &amp;schreiben…</translation>
    </message>
    <message>
        <source>Write the planned files into the repository, after showing what will be created, replaced and deleted</source>
        <translation>Die geplanten Dateien ins Repository schreiben, nachdem angezeigt wurde, was angelegt, ersetzt und gelöscht wird</translation>
    </message>
    <message>
        <source>Flux &amp;Settings…</source>
        <translation>Flux-&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Intervals, prune, wait, dependencies and health checks of the Flux Kustomizations</source>
        <translation>Intervalle, Prune, Warten, Abhängigkeiten und Health-Checks der Flux-Kustomizations</translation>
    </message>
    <message>
        <source>&amp;Re-plan</source>
        <translation>&amp;Neu planen</translation>
    </message>
    <message>
        <source>Read the repository again and compare it with the plan</source>
        <translation>Das Repository erneut lesen und mit dem Plan vergleichen</translation>
    </message>
    <message>
        <source>The plan could not be changed</source>
        <translation>Der Plan konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Plan written: %1 new, %2 replaced, %3 kept as edited, %4 deleted</source>
        <extracomment>Status bar after Write Plan</extracomment>
        <translation>Plan geschrieben: %1 neu, %2 ersetzt, %3 als bearbeitet beibehalten, %4 gelöscht</translation>
    </message>
    <message>
        <source>The repository&apos;s plan could not be read</source>
        <translation>Der Plan des Repositorys konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The repository&apos;s clean rules could not be read; the defaults were used</source>
        <translation>Die Bereinigungsregeln des Repositorys konnten nicht gelesen werden; die Standardregeln wurden verwendet</translation>
    </message>
    <message>
        <source>Plan: carried by the HelmRelease in %1</source>
        <extracomment>Live object preview: what the plan does with the object</extracomment>
        <translation>Plan: im HelmRelease in %1 enthalten</translation>
    </message>
    <message>
        <source>Plan: written as plain text to %1</source>
        <translation>Plan: im Klartext nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Plan: YAML manifest %1</source>
        <translation>Plan: YAML-Manifest %1</translation>
    </message>
    <message>
        <source>Plan: excluded. %1</source>
        <translation>Plan: ausgeschlossen. %1</translation>
    </message>
    <message>
        <source>%1 is not written yet: this is the plan&apos;s version (Write Plan writes it)</source>
        <extracomment>Status bar after opening a planned file that is not written yet</extracomment>
        <translation>%1 ist noch nicht geschrieben: Dies ist die Version des Plans (Plan schreiben schreibt sie)</translation>
    </message>
    <message>
        <source>Delete Files</source>
        <translation>Dateien löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n file(s) from the repository? Files that are not committed cannot be recovered.</source>
        <translation>
            <numerusform>%n Datei aus dem Repository löschen? Nicht committete Dateien können nicht wiederhergestellt werden.</numerusform>
            <numerusform>%n Dateien aus dem Repository löschen? Nicht committete Dateien können nicht wiederhergestellt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to exclude: those objects are out of the plan already</source>
        <extracomment>Status bar after a bulk decision that changed nothing</extracomment>
        <translation>Nichts auszuschließen: Diese Objekte sind bereits außerhalb des Plans</translation>
    </message>
    <message>
        <source>Nothing to include: those objects are in the plan already</source>
        <translation>Nichts einzuschließen: Diese Objekte sind bereits im Plan</translation>
    </message>
    <message>
        <source>Excluded 1 object from the plan (%1)</source>
        <extracomment>Status bar after a bulk decision</extracomment>
        <translation>1 Objekt aus dem Plan ausgeschlossen (%1)</translation>
    </message>
    <message>
        <source>Excluded %1 objects from the plan (%2)</source>
        <translation>%1 Objekte aus dem Plan ausgeschlossen (%2)</translation>
    </message>
    <message>
        <source>Included 1 object in the plan (%1)</source>
        <translation>1 Objekt in den Plan eingeschlossen (%1)</translation>
    </message>
    <message>
        <source>Included %1 objects in the plan (%2)</source>
        <translation>%1 Objekte in den Plan eingeschlossen (%2)</translation>
    </message>
    <message>
        <source>Write the Demo Cluster?</source>
        <translation>Den Demo-Cluster schreiben?</translation>
    </message>
    <message>
        <source>The plan is of the built-in demo cluster, not of your cluster, and %1 already holds manifests.</source>
        <translation>Der Plan stammt vom eingebauten Demo-Cluster, nicht von Ihrem Cluster, und %1 enthält bereits Manifeste.</translation>
    </message>
    <message>
        <source>Writing it puts the demo&apos;s example objects into your repository. To plan your own cluster, cancel and connect it with File &gt; Open Kubeconfig or a context in the Cluster list.</source>
        <translation>Beim Schreiben gelangen die Beispielobjekte der Demo in Ihr Repository. Um Ihren eigenen Cluster zu planen, brechen Sie ab und verbinden Sie ihn über Datei &gt; Kubeconfig öffnen oder einen Kontext in der Cluster-Liste.</translation>
    </message>
    <message>
        <source>Write the Demo Objects</source>
        <translation>Demo-Objekte schreiben</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::PlanDecisions</name>
    <message>
        <source>the plan file must be a map</source>
        <translation>die Plan-Datei muss eine Map sein</translation>
    </message>
    <message>
        <source>expected kind: Plan, found &quot;%1&quot;</source>
        <translation>kind: Plan erwartet, &quot;%1&quot; gefunden</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot; is not a valid name</source>
        <translation>Cluster &quot;%1&quot; ist kein gültiger Name</translation>
    </message>
    <message>
        <source>every entry of objects needs kind and name</source>
        <translation>jeder Eintrag von objects benötigt kind und name</translation>
    </message>
    <message>
        <source>unknown decision &quot;%1&quot; (include or exclude)</source>
        <translation>unbekannte Entscheidung &quot;%1&quot; (include oder exclude)</translation>
    </message>
    <message>
        <source>path &quot;%1&quot; must be a .yaml file under infrastructure/ or workloads/</source>
        <translation>Pfad &quot;%1&quot; muss eine .yaml-Datei unter infrastructure/ oder workloads/ sein</translation>
    </message>
    <message>
        <source>every entry of entryPoints must be a map</source>
        <translation>jeder Eintrag von entryPoints muss eine Map sein</translation>
    </message>
    <message>
        <source>unknown entry point &quot;%1&quot; (%2)</source>
        <translation>unbekannter Einstiegspunkt &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>entry point &quot;%1&quot; is listed twice</source>
        <translation>Einstiegspunkt &quot;%1&quot; ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a duration such as 30s, 10m or 1h30m</source>
        <translation>%1 &quot;%2&quot; ist keine Dauer wie 30s, 10m oder 1h30m</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 muss true oder false sein</translation>
    </message>
    <message>
        <source>dependsOn must be a list of entry point names</source>
        <translation>dependsOn muss eine Liste mit Namen von Einstiegspunkten sein</translation>
    </message>
    <message>
        <source>dependsOn &quot;%1&quot; must name another entry point (%2)</source>
        <translation>dependsOn &quot;%1&quot; muss einen anderen Einstiegspunkt nennen (%2)</translation>
    </message>
    <message>
        <source>entry points &quot;%1&quot; and &quot;%2&quot; depend on each other</source>
        <translation>die Einstiegspunkte &quot;%1&quot; und &quot;%2&quot; hängen voneinander ab</translation>
    </message>
    <message>
        <source>every entry of releases needs a namespace and a name</source>
        <translation>jeder Eintrag unter releases braucht einen Namespace und einen Namen</translation>
    </message>
    <message>
        <source>values must be a map</source>
        <translation>values muss eine Map sein</translation>
    </message>
    <message>
        <source>credentials must be secret or inline</source>
        <translation>credentials muss secret oder inline sein</translation>
    </message>
    <message>
        <source>credentialsInSecret must be a list of paths into values</source>
        <translation>credentialsInSecret muss eine Liste von Pfaden in values sein</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; (bekannt: %2)</translation>
    </message>
    <message>
        <source>exclude must be a map with kinds and namespaces, such as {kinds: [ConfigMap], namespaces: [kube-system]}</source>
        <translation>exclude muss eine Map mit kinds und namespaces sein, z. B. {kinds: [ConfigMap], namespaces: [kube-system]}</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; under exclude (kinds or namespaces)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; unter exclude (kinds oder namespaces)</translation>
    </message>
    <message>
        <source>secrets must be a map, such as {encrypt: true}</source>
        <translation>secrets muss eine Map sein, etwa {encrypt: true}</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; under secrets (encrypt)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; unter secrets (encrypt)</translation>
    </message>
    <message>
        <source>secrets.encrypt must be true or false</source>
        <translation>secrets.encrypt muss true oder false sein</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::PlanDiffDialog</name>
    <message>
        <source>The diff could not be computed: %1</source>
        <translation>Der Diff konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>The file on disk already has the plan&apos;s text.</source>
        <translation>Die Datei auf der Festplatte enthält bereits den Text des Plans.</translation>
    </message>
    <message>
        <source>%1 Differs from the Plan</source>
        <translation>%1 weicht vom Plan ab</translation>
    </message>
    <message>
        <source>%1 on disk is not what the plan would write. Lines starting with - are on disk only, lines starting with + are the plan&apos;s.</source>
        <translation>%1 auf der Festplatte entspricht nicht dem, was der Plan schreiben würde. Zeilen, die mit - beginnen, gibt es nur auf der Festplatte; Zeilen, die mit + beginnen, stammen aus dem Plan.</translation>
    </message>
    <message>
        <source>Use the &amp;Plan&apos;s Version</source>
        <translation>&amp;Version des Plans verwenden</translation>
    </message>
    <message>
        <source>Replace the file on disk with the plan&apos;s text when the plan is written</source>
        <translation>Die Datei auf der Festplatte beim Schreiben des Plans durch den Text des Plans ersetzen</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Leave the file on disk as it is</source>
        <translation>Die Datei auf der Festplatte unverändert lassen</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::PlanPane</name>
    <message>
        <source>Open your repository checkout to see the Flux repository this cluster becomes: every planned file beside what is on disk. An empty folder works too.</source>
        <translation>Öffnen Sie Ihren Repository-Checkout, um das Flux-Repository zu sehen, zu dem dieser Cluster wird: jede geplante Datei neben dem, was auf der Festplatte liegt. Ein leerer Ordner funktioniert auch.</translation>
    </message>
    <message>
        <source>Open repository…</source>
        <translation>Repository öffnen…</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>&amp;Cluster name:</source>
        <translation>&amp;Clustername:</translation>
    </message>
    <message>
        <source>Names the clusters/&lt;name&gt;/ folder: lower-case letters, digits and &apos;-&apos;.</source>
        <translation>Benennt den Ordner clusters/&lt;name&gt;/: Kleinbuchstaben, Ziffern und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Flux settings…</source>
        <translation>Flux-Einstellungen…</translation>
    </message>
    <message>
        <source>Intervals, prune, wait, dependsOn and health checks of the Flux Kustomizations.</source>
        <translation>Intervalle, Prune, Warten, dependsOn und Health-Checks der Flux-Kustomizations.</translation>
    </message>
    <message>
        <source>Write plan…</source>
        <translation>Plan schreiben…</translation>
    </message>
    <message>
        <source>Shows what changes in the checkout, then writes it.</source>
        <translation>Zeigt, was sich im Checkout ändert, und schreibt es dann.</translation>
    </message>
    <message>
        <source>No plan yet: connect to a cluster to plan the repository.</source>
        <translation>Noch kein Plan: Verbinden Sie sich mit einem Cluster, um das Repository zu planen.</translation>
    </message>
    <message>
        <source>Objects to migrate: %1 · Files: %2 · Excluded: %3 · Differing: %4</source>
        <translation>Zu migrierende Objekte: %1 · Dateien: %2 · Ausgeschlossen: %3 · Abweichend: %4</translation>
    </message>
    <message>
        <source>%1 · On disk only: %2</source>
        <translation>%1 · Nur auf der Festplatte: %2</translation>
    </message>
    <message>
        <source>Rename File</source>
        <translation>Datei umbenennen</translation>
    </message>
    <message>
        <source>New path in the repository (under infrastructure/ or workloads/, ending in .yaml):</source>
        <translation>Neuer Pfad im Repository (unter infrastructure/ oder workloads/, mit der Endung .yaml):</translation>
    </message>
    <message>
        <source>%1 is not a place for an object: use a .yaml file under infrastructure/ or workloads/ (not kustomization.yaml).</source>
        <translation>%1 ist kein Ort für ein Objekt: Verwenden Sie eine .yaml-Datei unter infrastructure/ oder workloads/ (nicht kustomization.yaml).</translation>
    </message>
    <message>
        <source>Move to Folder</source>
        <translation>In Ordner verschieben</translation>
    </message>
    <message>
        <source>Folder under infrastructure/ or workloads/ (a new one is created):</source>
        <translation>Ordner unter infrastructure/ oder workloads/ (ein neuer wird angelegt):</translation>
    </message>
    <message>
        <source>Open in Editor</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <source>Show Diff</source>
        <translation>Diff anzeigen</translation>
    </message>
    <message>
        <source>Move to Folder…</source>
        <translation>In Ordner verschieben…</translation>
    </message>
    <message>
        <source>Rename File…</source>
        <translation>Datei umbenennen…</translation>
    </message>
    <message>
        <source>Exclude from Plan</source>
        <translation>Aus dem Plan ausschließen</translation>
    </message>
    <message>
        <source>Include as Plain Text</source>
        <translation>Im Klartext einschließen</translation>
    </message>
    <message>
        <source>Include in Plan (Secrets as Plain Text)</source>
        <translation>In den Plan einschließen (Secrets im Klartext)</translation>
    </message>
    <message>
        <source>Include in Plan</source>
        <translation>In den Plan einschließen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Exclude Every %1 in All Namespaces</source>
        <translation>Alle Objekte vom Typ %1 in allen Namespaces ausschließen</translation>
    </message>
    <message>
        <source>Adds %1 to exclude.kinds in %2</source>
        <translation>Fügt %1 zu exclude.kinds in %2 hinzu</translation>
    </message>
    <message>
        <source>Exclude Namespace %1</source>
        <translation>Namespace %1 ausschließen</translation>
    </message>
    <message>
        <source>Adds %1 to exclude.namespaces in %2</source>
        <translation>Fügt %1 zu exclude.namespaces in %2 hinzu</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::PlanSession</name>
    <message>
        <source>Objects can only move to a folder under infrastructure/ or workloads/, not to %1.</source>
        <translation>Objekte können nur in einen Ordner unter infrastructure/ oder workloads/ verschoben werden, nicht nach %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a place for a manifest: use a .yaml file under infrastructure/ or workloads/ (not a kustomization.yaml).</source>
        <translation>&quot;%1&quot; ist kein Ort für ein Manifest: Verwenden Sie eine .yaml-Datei unter infrastructure/ oder workloads/ (keine kustomization.yaml).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid cluster name: use lower-case letters, digits and &apos;-&apos;.</source>
        <translation>&quot;%1&quot; ist kein gültiger Clustername: Verwenden Sie Kleinbuchstaben, Ziffern und &apos;-&apos;.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::PlanTreeModel</name>
    <message>
        <source>Excluded (%1)</source>
        <translation>Ausgeschlossen (%1)</translation>
    </message>
    <message>
        <source>User objects left out (%1)</source>
        <translation>Ausgelassene Benutzerobjekte (%1)</translation>
    </message>
    <message>
        <source>Created by Helm releases (%1)</source>
        <translation>Von Helm-Releases erstellt (%1)</translation>
    </message>
    <message>
        <source>Helm release records (%1)</source>
        <translation>Helm-Release-Einträge (%1)</translation>
    </message>
    <message>
        <source>Already managed by Flux (%1)</source>
        <translation>Bereits von Flux verwaltet (%1)</translation>
    </message>
    <message>
        <source>Owned by a controller (%1)</source>
        <translation>Einem Controller untergeordnet (%1)</translation>
    </message>
    <message>
        <source>Generated automatically (%1)</source>
        <translation>Automatisch generiert (%1)</translation>
    </message>
    <message>
        <source>Kubernetes and K3s internals (%1)</source>
        <translation>Interna von Kubernetes und K3s (%1)</translation>
    </message>
    <message>
        <source>%1 · plain text</source>
        <translation>%1 · Klartext</translation>
    </message>
    <message>
        <source>left to flux bootstrap</source>
        <translation>flux bootstrap überlassen</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <source>%1 differing</source>
        <translation>%1 abweichend</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 neu</translation>
    </message>
    <message>
        <source>%1 on disk only</source>
        <translation>%1 nur auf der Festplatte</translation>
    </message>
    <message>
        <source>%1: not on disk yet; writing the plan creates it.</source>
        <translation>%1: noch nicht auf der Festplatte; das Schreiben des Plans legt die Datei an.</translation>
    </message>
    <message>
        <source>%1: on disk exactly as planned.</source>
        <translation>%1: auf der Festplatte genau wie geplant.</translation>
    </message>
    <message>
        <source>%1: the file on disk differs from the plan. Open the diff to compare; writing keeps your version unless you accept the plan&apos;s.</source>
        <translation>%1: Die Datei auf der Festplatte weicht vom Plan ab. Öffnen Sie den Diff zum Vergleichen; beim Schreiben bleibt Ihre Version erhalten, sofern Sie nicht die des Plans übernehmen.</translation>
    </message>
    <message>
        <source>%1: in the repository, but the plan does not produce it.</source>
        <translation>%1: im Repository, aber der Plan erzeugt die Datei nicht.</translation>
    </message>
    <message>
        <source>This Secret lands in Git unencrypted: anyone who can read the repository can read its data.</source>
        <translation>Dieses Secret landet unverschlüsselt in Git: Jeder, der das Repository lesen kann, kann seine Daten lesen.</translation>
    </message>
    <message>
        <source>Stands for %1 live objects.</source>
        <translation>Steht für %1 Live-Objekte.</translation>
    </message>
    <message>
        <source>%1/ is left to flux bootstrap: Fluxdesk neither plans nor writes it.</source>
        <translation>%1/ wird flux bootstrap überlassen: Fluxdesk plant und schreibt diesen Ordner nicht.</translation>
    </message>
    <message>
        <source>Live objects the repository will not contain, with why.</source>
        <translation>Live-Objekte, die das Repository nicht enthalten wird, mit Begründung.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Read-only API readings (%1)</source>
        <translation>Messwerte schreibgeschützter APIs (%1)</translation>
    </message>
    <message>
        <source>In the cluster</source>
        <translation>Im Cluster</translation>
    </message>
    <message>
        <source>%1 is not in the cluster yet: Flux creates it once the plan is committed and reconciled.</source>
        <translation>%1 ist noch nicht im Cluster: Flux legt es an, sobald der Plan committet und abgeglichen ist.</translation>
    </message>
    <message>
        <source>not in the cluster</source>
        <translation>nicht im Cluster</translation>
    </message>
    <message>
        <source>%1 in the cluster: %2</source>
        <translation>%1 im Cluster: %2</translation>
    </message>
    <message>
        <source>Revision: %1</source>
        <translation>Revision: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>readiness · revision</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · encrypted</source>
        <translation>%1 · verschlüsselt</translation>
    </message>
    <message>
        <source>This Secret is written encrypted (SOPS, age): Git holds its data only as ciphertext, and Flux decrypts it with the key in flux-system/sops-age.</source>
        <translation>Dieses Secret wird verschlüsselt geschrieben (SOPS, age): Git enthält seine Daten nur als Chiffretext, und Flux entschlüsselt es mit dem Schlüssel in flux-system/sops-age.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::PrivateFile</name>
    <message>
        <source>cannot write: %1</source>
        <translation>kann nicht schreiben: %1</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ProblemModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ProblemsPanel</name>
    <message>
        <source>No problems in the open files</source>
        <translation>Keine Probleme in den geöffneten Dateien</translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2, notes: %3</source>
        <extracomment>Problems summary: counts of errors, warnings and notes</extracomment>
        <translation>Fehler: %1, Warnungen: %2, Hinweise: %3</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ReleaseConversion</name>
    <message>
        <source>values must be a map of keys to values</source>
        <translation>values muss eine Map von Schlüsseln auf Werte sein</translation>
    </message>
    <message>
        <source>Enter a repository URL (https://...) or an OCI chart URL (oci://...).</source>
        <translation>Geben Sie eine Repository-URL (https://...) oder eine OCI-Chart-URL (oci://...) ein.</translation>
    </message>
    <message>
        <source>Unsupported scheme &quot;%1&quot;: use https://, http:// or oci://.</source>
        <translation>Nicht unterstütztes Schema &quot;%1&quot;: Verwenden Sie https://, http:// oder oci://.</translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation>Von Ihnen gewählt</translation>
    </message>
    <message>
        <source>From your Helm client&apos;s repositories (the chart&apos;s index lists this version)</source>
        <translation>Aus den Repositorys Ihres Helm-Clients (der Index des Charts führt diese Version)</translation>
    </message>
    <message>
        <source>From Fluxdesk&apos;s chart catalog</source>
        <translation>Aus dem Chart-Katalog von Fluxdesk</translation>
    </message>
    <message>
        <source>From your Helm client&apos;s repositories, which list the chart but not this version: check it is still published</source>
        <translation>Aus den Repositorys Ihres Helm-Clients, die das Chart führen, aber nicht diese Version: Prüfen Sie, ob sie noch veröffentlicht ist</translation>
    </message>
    <message>
        <source>Unknown: no Helm repository or catalog entry lists this chart</source>
        <translation>Unbekannt: Kein Helm-Repository und kein Katalogeintrag führt dieses Chart</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ReleaseView</name>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Generate the HelmRelease again with these values</source>
        <translation>Das HelmRelease mit diesen Values neu erzeugen</translation>
    </message>
    <message>
        <source>Values (user-supplied)</source>
        <translation>Values (vom Benutzer angegeben)</translation>
    </message>
    <message>
        <source>Choose source…</source>
        <translation>Quelle wählen…</translation>
    </message>
    <message>
        <source>Enter the chart&apos;s Helm repository URL or its oci:// URL; the plan keeps the choice</source>
        <translation>Geben Sie die URL des Helm-Repositorys des Charts oder seine oci://-URL ein; der Plan merkt sich die Wahl</translation>
    </message>
    <message>
        <source>Secret (plain text): encrypt it or keep it out of Git before committing.</source>
        <translation>Secret (Klartext): Verschlüsseln Sie es oder halten Sie es vor dem Commit aus Git heraus.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Migration checklist</source>
        <translation>Migrations-Checkliste</translation>
    </message>
    <message>
        <source>Flux objects</source>
        <translation>Flux-Objekte</translation>
    </message>
    <message>
        <source>Flux source and HelmRelease (generated)</source>
        <translation>Flux-Quelle und HelmRelease (generiert)</translation>
    </message>
    <message>
        <source>Chart Source</source>
        <translation>Chart-Quelle</translation>
    </message>
    <message>
        <source>Where is chart &quot;%1&quot; %2 published? Enter its Helm repository URL (https://…) or the chart&apos;s OCI URL (oci://registry/path/%1).</source>
        <translation>Wo ist Chart &quot;%1&quot; %2 veröffentlicht? Geben Sie die URL seines Helm-Repositorys (https://…) oder die OCI-URL des Charts (oci://registry/path/%1) ein.</translation>
    </message>
    <message>
        <source>Helm release %1/%2 — chart %3 %4, revision %5, %6</source>
        <translation>Helm-Release %1/%2 — Chart %3 %4, Revision %5, %6</translation>
    </message>
    <message>
        <source>No Helm release selected</source>
        <translation>Kein Helm-Release ausgewählt</translation>
    </message>
    <message>
        <source>Not converted — this release is &quot;%1&quot;: %2</source>
        <translation>Nicht konvertiert — dieses Release ist &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Chart source: %1 (%2)</source>
        <translation>Chart-Quelle: %1 (%2)</translation>
    </message>
    <message>
        <source>Chart source: unknown</source>
        <translation>Chart-Quelle: unbekannt</translation>
    </message>
    <message>
        <source>Change source…</source>
        <translation>Quelle ändern…</translation>
    </message>
    <message>
        <source>the key names a credential</source>
        <translation>der Schlüssel bezeichnet Zugangsdaten</translation>
    </message>
    <message>
        <source>the value looks random</source>
        <translation>der Wert sieht zufällig aus</translation>
    </message>
    <message>
        <source>values.%1 — %2</source>
        <translation>values.%1 — %2</translation>
    </message>
    <message>
        <source>values.%1 — %2; stays: %3</source>
        <translation>values.%1 — %2; bleibt: %3</translation>
    </message>
    <message>
        <source>values.%1 → Secret %2 (valuesFrom)</source>
        <translation>values.%1 → Secret %2 (valuesFrom)</translation>
    </message>
    <message>
        <source>No value looks like a credential.</source>
        <translation>Kein Wert sieht nach Zugangsdaten aus.</translation>
    </message>
    <message>
        <source>Credentials (%1)</source>
        <translation>Zugangsdaten (%1)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Move them to a Secret read through valuesFrom</source>
        <translation>In ein Secret verschieben, das über valuesFrom gelesen wird</translation>
    </message>
    <message>
        <source>Take the flagged values out of spec.values into a Secret the HelmRelease reads through valuesFrom; the plan writes the Secret only when you include it</source>
        <translation>Die markierten Werte aus spec.values in ein Secret verschieben, das das HelmRelease über valuesFrom liest; der Plan schreibt das Secret nur, wenn Sie es aufnehmen</translation>
    </message>
    <message>
        <source>Keep them in spec.values as plain text</source>
        <translation>Als Klartext in spec.values behalten</translation>
    </message>
    <message>
        <source>The values stay in the HelmRelease and reach Git unencrypted; the plan file keeps them too</source>
        <translation>Die Werte bleiben im HelmRelease und gelangen unverschlüsselt in Git; auch die Plandatei speichert sie</translation>
    </message>
    <message>
        <source>Not converted — %1</source>
        <translation>Nicht umgewandelt — %1</translation>
    </message>
    <message>
        <source>values.%1 → Secret %2 (valuesFrom). Changed here: the plan keeps no credential value, so its Secret holds the running release&apos;s value; put the new one into the Secret yourself.</source>
        <translation>values.%1 → Secret %2 (valuesFrom). Hier geändert: Der Plan speichert keine Zugangsdaten, also enthält sein Secret den Wert des laufenden Releases; legen Sie den neuen selbst im Secret ab.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::RepositoryContent</name>
    <message>
        <source>refusing a path outside the repository</source>
        <translation>ein Pfad außerhalb des Repositorys wird abgelehnt</translation>
    </message>
    <message>
        <source>the repository folder does not exist</source>
        <translation>der Repository-Ordner existiert nicht</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::RepositoryPaths</name>
    <message>
        <source>the repository folder does not exist</source>
        <translation>der Repository-Ordner existiert nicht</translation>
    </message>
    <message>
        <source>refusing a path outside the repository</source>
        <translation>ein Pfad außerhalb des Repositorys wird abgelehnt</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ResourceWatch</name>
    <message>
        <source>the watch of %1</source>
        <translation>die Überwachung von %1</translation>
    </message>
    <message>
        <source>The connection to the cluster is gone; %1 is not watched</source>
        <translation>Die Verbindung zum Cluster ist abgebrochen; %1 wird nicht überwacht</translation>
    </message>
    <message>
        <source>The server sent a continue token for %1 that it had sent before: following it would list the same pages for ever</source>
        <translation>Der Server hat für %1 ein continue-Token gesendet, das er bereits zuvor gesendet hatte: Ihm zu folgen würde endlos dieselben Seiten auflisten</translation>
    </message>
    <message>
        <source>The server listed %1 without a resourceVersion, so it cannot be watched from there</source>
        <translation>Der Server hat %1 ohne resourceVersion aufgelistet, daher kann es nicht ab diesem Stand überwacht werden</translation>
    </message>
    <message>
        <source>An event on the watch of %1 is larger than %2, the most Fluxdesk reads for one object: the stream was cut off</source>
        <translation>Ein Event bei der Überwachung von %1 ist größer als %2, das Maximum, das Fluxdesk für ein Objekt liest: Der Stream wurde abgebrochen</translation>
    </message>
    <message>
        <source>Listing %1 again: %2</source>
        <translation>%1 wird erneut aufgelistet: %2</translation>
    </message>
    <message>
        <source>The watch of %1 ended in the middle of an event</source>
        <translation>Die Überwachung von %1 endete mitten in einem Event</translation>
    </message>
    <message numerus="yes">
        <source>%1; listing again in %n second(s)</source>
        <translation>
            <numerusform>%1; erneutes Auflisten in %n Sekunde</numerusform>
            <numerusform>%1; erneutes Auflisten in %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; reconnecting in %n second(s)</source>
        <translation>
            <numerusform>%1; neue Verbindung in %n Sekunde</numerusform>
            <numerusform>%1; neue Verbindung in %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Fluxdesk::SecretsController</name>
    <message>
        <source>&amp;Encrypt Secrets (SOPS)…</source>
        <translation>Secrets &amp;verschlüsseln (SOPS)…</translation>
    </message>
    <message>
        <source>&amp;Encrypt Secrets</source>
        <translation>Secrets &amp;verschlüsseln</translation>
    </message>
    <message>
        <source>Write the Secrets you include encrypted (SOPS, age) instead of in plain text</source>
        <translation>Die Secrets, die Sie einschließen, verschlüsselt (SOPS, age) statt im Klartext schreiben</translation>
    </message>
    <message>
        <source>Your age key, the repository&apos;s set-up for encrypted Secrets and the key Flux decrypts them with</source>
        <translation>Ihr age-Schlüssel, die Einrichtung des Repositorys für verschlüsselte Secrets und der Schlüssel, mit dem Flux sie entschlüsselt</translation>
    </message>
    <message>
        <source>Connect to the live cluster first: the key goes into its flux-system namespace.</source>
        <translation>Verbinden Sie sich zuerst mit dem Live-Cluster: Der Schlüssel kommt in seinen Namespace flux-system.</translation>
    </message>
    <message>
        <source>The key is being put into the cluster.</source>
        <translation>Der Schlüssel wird im Cluster abgelegt.</translation>
    </message>
    <message>
        <source>Set the repository up: until then the plan cannot write Secrets encrypted.</source>
        <translation>Richten Sie das Repository ein: Bis dahin kann der Plan Secrets nicht verschlüsselt schreiben.</translation>
    </message>
    <message>
        <source>Create a key and set the repository up: until then the plan cannot write Secrets encrypted.</source>
        <translation>Erzeugen Sie einen Schlüssel und richten Sie das Repository ein: Bis dahin kann der Plan Secrets nicht verschlüsselt schreiben.</translation>
    </message>
    <message>
        <source>Creating an age key…</source>
        <translation>age-Schlüssel wird erzeugt…</translation>
    </message>
    <message>
        <source>Created the age key %1</source>
        <translation>Der age-Schlüssel %1 wurde erzeugt</translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation>Der Schlüssel wurde nicht erzeugt: %1</translation>
    </message>
    <message>
        <source>Setting up %1…</source>
        <translation>%1 wird eingerichtet…</translation>
    </message>
    <message>
        <source>The repository was not set up: %1</source>
        <translation>Das Repository wurde nicht eingerichtet: %1</translation>
    </message>
    <message>
        <source>The repository was already set up.</source>
        <translation>Das Repository war bereits eingerichtet.</translation>
    </message>
    <message>
        <source>Set up the repository: wrote %1.</source>
        <translation>Repository eingerichtet: %1 geschrieben.</translation>
    </message>
    <message>
        <source>The plan writes included Secrets encrypted (.fluxdesk/plan.yaml)</source>
        <translation>Der Plan schreibt eingeschlossene Secrets verschlüsselt (.fluxdesk/plan.yaml)</translation>
    </message>
    <message>
        <source>The plan writes included Secrets as plain text (.fluxdesk/plan.yaml)</source>
        <translation>Der Plan schreibt eingeschlossene Secrets im Klartext (.fluxdesk/plan.yaml)</translation>
    </message>
    <message>
        <source>The key was not put into the cluster: %1</source>
        <translation>Der Schlüssel wurde nicht im Cluster abgelegt: %1</translation>
    </message>
    <message>
        <source>The Secret flux-system/%1 holds the key for %2: Flux can decrypt the repository&apos;s Secrets.</source>
        <translation>Das Secret flux-system/%1 enthält den Schlüssel für %2: Flux kann die Secrets des Repositorys entschlüsseln.</translation>
    </message>
    <message>
        <source>Putting the key into the cluster…</source>
        <translation>Der Schlüssel wird im Cluster abgelegt…</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ServerDryRun</name>
    <message>
        <source>The object has no apiVersion, kind or metadata.name</source>
        <translation>Dem Objekt fehlt apiVersion, kind oder metadata.name</translation>
    </message>
    <message>
        <source>Discovery of %1 failed: %2</source>
        <translation>Discovery von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Not checked: its CustomResourceDefinition is applied with it and is not in the cluster yet</source>
        <translation>Nicht geprüft: Seine CustomResourceDefinition wird zusammen mit ihm angewendet und ist noch nicht im Cluster</translation>
    </message>
    <message>
        <source>no matches for kind &quot;%1&quot; in version &quot;%2&quot;</source>
        <translation>keine Treffer für kind &quot;%1&quot; in Version &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 %2 is namespaced but has no metadata.namespace: set it, or a targetNamespace in the Flux Kustomization that applies it</source>
        <translation>%1 %2 ist namespaced, hat aber kein metadata.namespace: Setzen Sie es oder ein targetNamespace in der Flux-Kustomization, die es anwendet</translation>
    </message>
    <message>
        <source>The object is %1, more than the %2 the API server accepts in one request</source>
        <translation>Das Objekt ist %1 groß, mehr als die %2, die der API-Server in einer Anfrage annimmt</translation>
    </message>
    <message>
        <source>would be created</source>
        <translation>würde erstellt</translation>
    </message>
    <message>
        <source>would be configured</source>
        <translation>würde konfiguriert</translation>
    </message>
    <message>
        <source>Not checked: its namespace &quot;%1&quot; is created by the same apply</source>
        <translation>Nicht geprüft: Sein Namespace &quot;%1&quot; wird erst beim selben Anwenden erstellt</translation>
    </message>
    <message>
        <source>[redacted]</source>
        <translation>[geschwärzt]</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::Sops</name>
    <message>
        <source>.sops.yaml must be a mapping</source>
        <translation>.sops.yaml muss eine Map sein</translation>
    </message>
    <message>
        <source>creation_rules must be a list</source>
        <translation>creation_rules muss eine Liste sein</translation>
    </message>
    <message>
        <source>a creation rule must be a mapping</source>
        <translation>eine Erstellungsregel muss eine Map sein</translation>
    </message>
    <message>
        <source>path_regex is not a regular expression: %1</source>
        <translation>path_regex ist kein regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>not an age recipient: %1</source>
        <translation>kein age-Empfänger: %1</translation>
    </message>
    <message>
        <source>cannot tell where the creation rules are written</source>
        <translation>es ist nicht erkennbar, wo die Erstellungsregeln stehen</translation>
    </message>
    <message>
        <source>Decrypted for editing with your age key. Saving encrypts it again (SOPS) to the recipients it was encrypted to.</source>
        <translation>Zum Bearbeiten mit Ihrem age-Schlüssel entschlüsselt. Beim Speichern wird die Datei wieder (SOPS) für die Empfänger verschlüsselt, für die sie verschlüsselt war.</translation>
    </message>
    <message>
        <source>This file is encrypted (SOPS) and no age key was found to open it (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, ~/.config/sops/age/keys.txt). It is shown as stored and cannot be saved.</source>
        <translation>Diese Datei ist verschlüsselt (SOPS), und es wurde kein age-Schlüssel gefunden, um sie zu öffnen (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, ~/.config/sops/age/keys.txt). Sie wird wie gespeichert angezeigt und kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This file is encrypted (SOPS) and cannot be opened: %1. It is shown as stored and cannot be saved.</source>
        <translation>Diese Datei ist verschlüsselt (SOPS) und kann nicht geöffnet werden: %1. Sie wird wie gespeichert angezeigt und kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Saved encrypted (SOPS) to the recipients .sops.yaml names for this file: the text here never reaches the disk in the clear.</source>
        <translation>Verschlüsselt (SOPS) für die Empfänger gespeichert, die .sops.yaml für diese Datei nennt: Der Text hier gelangt nie im Klartext auf die Festplatte.</translation>
    </message>
    <message>
        <source>the repository is not set up for encrypted Secrets (no .sops.yaml)</source>
        <translation>das Repository ist nicht für verschlüsselte Secrets eingerichtet (keine .sops.yaml)</translation>
    </message>
    <message>
        <source>none of your age keys is among the recipients .sops.yaml names (%1)</source>
        <translation>keiner Ihrer age-Schlüssel ist unter den Empfängern, die .sops.yaml nennt (%1)</translation>
    </message>
    <message>
        <source>spec is not written as a block mapping: add spec.decryption by hand (provider: sops, secretRef.name: sops-age)</source>
        <translation>spec ist nicht als Block-Mapping geschrieben: Fügen Sie spec.decryption von Hand hinzu (provider: sops, secretRef.name: sops-age)</translation>
    </message>
    <message>
        <source>no age recipient to encrypt to: make a key first</source>
        <translation>kein age-Empfänger zum Verschlüsseln: Erzeugen Sie zuerst einen Schlüssel</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>Ordner existiert nicht</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::SplitDialog</name>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation>%1 aufteilen</translation>
    </message>
    <message>
        <source>Fields: {namespace}, {kind}, {name}, {group}. Names are written in kebab-case; kubectl-slice&apos;s preset is {kind}-{name}.yaml.</source>
        <translation>Felder: {namespace}, {kind}, {name}, {group}. Namen werden in kebab-case geschrieben; das Preset von kubectl-slice ist {kind}-{name}.yaml.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>alle Kinds</translation>
    </message>
    <message>
        <source>e.g. Secret, Event</source>
        <translation>z. B. Secret, Event</translation>
    </message>
    <message>
        <source>names, * as wildcard</source>
        <translation>Namen, * als Platzhalter</translation>
    </message>
    <message>
        <source>Order as Helm installs (Namespaces and CRDs first)</source>
        <translation>In der Reihenfolge der Helm-Installation (Namespaces und CRDs zuerst)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>File names:</source>
        <translation>Dateinamen:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Only kinds:</source>
        <translation>Nur Kinds:</translation>
    </message>
    <message>
        <source>Leave out kinds:</source>
        <translation>Kinds auslassen:</translation>
    </message>
    <message>
        <source>Leave out names:</source>
        <translation>Namen auslassen:</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Aufteilen</translation>
    </message>
    <message>
        <source>Split into Folder</source>
        <translation>In Ordner aufteilen</translation>
    </message>
    <message>
        <source>List the new files in kustomization.yaml instead of %1</source>
        <translation>Die neuen Dateien in kustomization.yaml statt in %1 auflisten</translation>
    </message>
    <message>
        <source>The text cannot be split: %1</source>
        <translation>Der Text kann nicht aufgeteilt werden: %1</translation>
    </message>
    <message>
        <source>Enter a file name template.</source>
        <translation>Geben Sie eine Vorlage für die Dateinamen ein.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Split preview: Kind namespace/name</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>replaces the existing file</source>
        <translation>ersetzt die vorhandene Datei</translation>
    </message>
    <message>
        <source>Choose the folder to write into.</source>
        <translation>Wählen Sie den Zielordner.</translation>
    </message>
    <message>
        <source>Files to write: %1 (objects left out: %2), and kustomization.yaml.</source>
        <extracomment>Split preview summary</extracomment>
        <translation>Zu schreibende Dateien: %1 (ausgelassene Objekte: %2) sowie kustomization.yaml.</translation>
    </message>
    <message>
        <source>Files to write: %1, and kustomization.yaml.</source>
        <translation>Zu schreibende Dateien: %1 sowie kustomization.yaml.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Include Secrets (their data is written as plain text)</source>
        <translation>Secrets aufnehmen (ihre Daten werden im Klartext geschrieben)</translation>
    </message>
    <message>
        <source>Secrets left out: %1 (their data would land in Git as plain text).</source>
        <translation>Ausgelassene Secrets: %1 (ihre Daten würden im Klartext in Git landen).</translation>
    </message>
    <message>
        <source>Choose: wire it up, or leave it unwired</source>
        <translation>Wählen Sie: anbinden oder nicht angebunden lassen</translation>
    </message>
    <message>
        <source>the repository&apos;s top folder</source>
        <translation>den obersten Ordner des Repositorys</translation>
    </message>
    <message>
        <source>Flux applies %1 already.</source>
        <extracomment>Split dialog: a folder of the repository</extracomment>
        <translation>Flux wendet %1 bereits an.</translation>
    </message>
    <message>
        <source>No kustomization lists %1 yet: Flux would not apply it.</source>
        <translation>Noch keine Kustomization führt %1 auf: Flux würde ihn nicht anwenden.</translation>
    </message>
    <message>
        <source>Wire it up: list it in %1</source>
        <extracomment>Split dialog: the kustomization files that will list the new folder</extracomment>
        <translation>Anbinden: in %1 aufführen</translation>
    </message>
    <message>
        <source>Leave it unwired (Flux will not apply it)</source>
        <translation>Nicht angebunden lassen (Flux wendet ihn nicht an)</translation>
    </message>
    <message>
        <source>No folder Flux applies has a kustomization that could list %1: it stays unwired, and Flux will not apply it.</source>
        <translation>Kein Ordner, den Flux anwendet, hat eine Kustomization, die %1 aufführen könnte: Er bleibt nicht angebunden, und Flux wendet ihn nicht an.</translation>
    </message>
    <message>
        <source>No folder above %1 is applied by Flux. Wire it up to the nearest folder Flux applies, or leave it unwired?</source>
        <translation>Kein Ordner oberhalb von %1 wird von Flux angewendet. An den nächstgelegenen Ordner anbinden, den Flux anwendet, oder nicht angebunden lassen?</translation>
    </message>
    <message>
        <source>Wire it up to %1 (list %2 in %3)</source>
        <extracomment>Split dialog: folder, the entry added, the kustomization file it is added to</extracomment>
        <translation>An %1 anbinden (%2 in %3 aufführen)</translation>
    </message>
    <message>
        <source>Choose whether Flux should apply the folder.</source>
        <translation>Wählen Sie, ob Flux den Ordner anwenden soll.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::StagedWrite</name>
    <message>
        <source>not a file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>not on disk; nothing to delete</source>
        <translation>nicht auf dem Datenträger; nichts zu löschen</translation>
    </message>
    <message>
        <source>writing into a folder needs a POSIX system</source>
        <translation>das Schreiben in einen Ordner braucht ein POSIX-System</translation>
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
    <message>
        <source>The kubeconfig used last time (%1) is gone and no other was found: showing the built-in demo cluster</source>
        <translation>Die zuletzt verwendete Kubeconfig (%1) ist nicht mehr vorhanden, und keine andere wurde gefunden: Der eingebaute Demo-Cluster wird angezeigt</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::TakeoverController</name>
    <message>
        <source>Record Takeover &amp;Baseline…</source>
        <translation>Ausgangsstand für die Übernahme auf&amp;zeichnen…</translation>
    </message>
    <message>
        <source>Before Flux takes over: record what runs now (the plan&apos;s objects with their uids, the Helm releases at their revisions) in the repository&apos;s .fluxdesk/takeover.yaml</source>
        <translation>Bevor Flux übernimmt: aufzeichnen, was jetzt läuft (die Objekte des Plans mit ihren uids, die Helm-Releases in ihren Revisionen), in .fluxdesk/takeover.yaml des Repositorys</translation>
    </message>
    <message>
        <source>&amp;Takeover Report…</source>
        <translation>Übernahme&amp;bericht…</translation>
    </message>
    <message>
        <source>The migration checklist and, object by object, whether Flux adopted what ran in place</source>
        <translation>Die Migrations-Checkliste und, Objekt für Objekt, ob Flux das Laufende an Ort und Stelle übernommen hat</translation>
    </message>
    <message>
        <source>Loading the cluster…</source>
        <translation>Cluster wird geladen…</translation>
    </message>
    <message>
        <source>The cluster was not loaded again: %1</source>
        <translation>Der Cluster wurde nicht neu geladen: %1</translation>
    </message>
    <message>
        <source>Open a repository first: the takeover baseline is kept in its .fluxdesk/takeover.yaml.</source>
        <translation>Öffnen Sie zuerst ein Repository: Der Ausgangsstand der Übernahme wird in dessen .fluxdesk/takeover.yaml gespeichert.</translation>
    </message>
    <message>
        <source>Wait until the cluster is loaded: the baseline records all of what runs.</source>
        <translation>Warten Sie, bis der Cluster geladen ist: Der Ausgangsstand erfasst alles, was läuft.</translation>
    </message>
    <message>
        <source>Load the cluster first: the baseline records what runs in it.</source>
        <translation>Laden Sie zuerst den Cluster: Der Ausgangsstand erfasst, was darin läuft.</translation>
    </message>
    <message>
        <source>Planning %1 to record the takeover baseline…</source>
        <translation>%1 wird geplant, um den Ausgangsstand der Übernahme aufzuzeichnen…</translation>
    </message>
    <message>
        <source>Recording the baseline…</source>
        <translation>Ausgangsstand wird aufgezeichnet…</translation>
    </message>
    <message>
        <source>Nothing to record</source>
        <translation>Nichts aufzuzeichnen</translation>
    </message>
    <message>
        <source>The plan of %1 migrates no object and no Helm release of this cluster, so there is nothing Flux could take over. Check the plan&apos;s exclusions, then record again.</source>
        <translation>Der Plan von %1 migriert kein Objekt und kein Helm-Release dieses Clusters, daher gibt es nichts, was Flux übernehmen könnte. Prüfen Sie die Ausschlüsse des Plans, und zeichnen Sie dann erneut auf.</translation>
    </message>
    <message>
        <source>%1 objects and %2 Helm releases (%3 objects of theirs) of %4, each object with its uid and each release at its revision, go to %5. It holds names, uids and revisions, nothing secret: commit it with the repository.</source>
        <translation>%1 Objekte und %2 Helm-Releases (mit %3 Objekten) von %4, jedes Objekt mit seiner uid und jedes Release in seiner Revision, werden in %5 geschrieben. Die Datei enthält Namen, uids und Revisionen, nichts Geheimes: Committen Sie sie mit dem Repository.</translation>
    </message>
    <message>
        <source>It replaces the baseline recorded there before.</source>
        <translation>Damit wird der dort zuvor aufgezeichnete Ausgangsstand ersetzt.</translation>
    </message>
    <message>
        <source>Flux already runs in this cluster (namespace flux-system): what is recorded now may already be Flux&apos;s own objects, so a takeover that already recreated something cannot be seen.</source>
        <translation>Flux läuft bereits in diesem Cluster (Namespace flux-system): Was jetzt aufgezeichnet wird, können bereits Objekte von Flux selbst sein, sodass eine Übernahme, die bereits etwas neu erstellt hat, nicht erkennbar ist.</translation>
    </message>
    <message>
        <source>Record Takeover Baseline</source>
        <translation>Ausgangsstand für die Übernahme aufzeichnen</translation>
    </message>
    <message>
        <source>Record what runs now as the takeover baseline?</source>
        <translation>Was jetzt läuft, als Ausgangsstand für die Übernahme aufzeichnen?</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <source>No takeover baseline recorded.</source>
        <translation>Kein Ausgangsstand für die Übernahme aufgezeichnet.</translation>
    </message>
    <message>
        <source>The takeover baseline was not saved</source>
        <translation>Der Ausgangsstand der Übernahme wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Recorded %1 objects and %2 Helm releases in %3.</source>
        <translation>%1 Objekte und %2 Helm-Releases in %3 aufgezeichnet.</translation>
    </message>
    <message>
        <source>Checking the takeover…</source>
        <translation>Übernahme wird geprüft…</translation>
    </message>
    <message>
        <source>Open a repository: the takeover baseline is kept in its .fluxdesk/takeover.yaml, and the report compares the cluster with it.</source>
        <translation>Öffnen Sie ein Repository: Der Ausgangsstand der Übernahme wird in dessen .fluxdesk/takeover.yaml gespeichert, und der Bericht vergleicht den Cluster damit.</translation>
    </message>
    <message>
        <source>The takeover baseline cannot be read: %1
Fix the file, or record the baseline again.</source>
        <translation>Der Ausgangsstand der Übernahme kann nicht gelesen werden: %1
Korrigieren Sie die Datei, oder zeichnen Sie den Ausgangsstand erneut auf.</translation>
    </message>
    <message>
        <source>No takeover baseline in %1, and Flux already runs in this cluster (since %2). A baseline recorded now holds the objects as they are now: whatever Flux already deleted and made again has its new uid in it, so it can only be caught by its creation time, after Flux arrived. The verdicts would rest on timestamps alone.</source>
        <translation>Kein Ausgangsstand für die Übernahme in %1, und Flux läuft bereits in diesem Cluster (seit %2). Ein jetzt aufgezeichneter Ausgangsstand enthält die Objekte so, wie sie jetzt sind: Was Flux bereits gelöscht und neu erstellt hat, steht darin mit seiner neuen uid und lässt sich nur noch an seiner Erstellungszeit nach der Ankunft von Flux erkennen. Die Befunde würden allein auf Zeitstempeln beruhen.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>einem unbekannten Zeitpunkt</translation>
    </message>
    <message>
        <source>No takeover baseline in %1 yet. Record one before Flux takes over: it keeps what runs now (each object&apos;s uid, each Helm release&apos;s revision), so the report can tell &quot;adopted in place&quot; from &quot;deleted and made again&quot;.</source>
        <translation>Noch kein Ausgangsstand für die Übernahme in %1. Zeichnen Sie einen auf, bevor Flux übernimmt: Er hält fest, was jetzt läuft (die uid jedes Objekts, die Revision jedes Helm-Releases), damit der Bericht &quot;an Ort und Stelle übernommen&quot; von &quot;gelöscht und neu erstellt&quot; unterscheiden kann.</translation>
    </message>
    <message>
        <source>Baseline recorded %1, checked against %2 as loaded.</source>
        <translation>Ausgangsstand aufgezeichnet: %1; geprüft gegen %2 im geladenen Zustand.</translation>
    </message>
    <message>
        <source>The baseline holds no uids for some objects: whether they were made again is told by their creation time only.</source>
        <translation>Der Ausgangsstand enthält für einige Objekte keine uids: Ob sie neu erstellt wurden, lässt sich nur an ihrer Erstellungszeit erkennen.</translation>
    </message>
    <message>
        <source>Export Takeover Report</source>
        <translation>Übernahmebericht exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The takeover report was not saved</source>
        <translation>Der Übernahmebericht wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>%1: %2. Choose another folder.</source>
        <translation>%1: %2. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Takeover report saved to %1.</source>
        <translation>Übernahmebericht in %1 gespeichert.</translation>
    </message>
    <message>
        <source>%1 is not in the cluster tree: it is gone, or the filter hides it.</source>
        <translation>%1 ist nicht im Cluster-Baum: Es existiert nicht mehr, oder der Filter blendet es aus.</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::TakeoverDialog</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>Gefahr</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Step 7: Bootstrap Flux</source>
        <translation>Schritt 7: Bootstrap von Flux</translation>
    </message>
    <message>
        <source>Step 8: Reconciliation boundaries</source>
        <translation>Schritt 8: Grenzen des Abgleichs</translation>
    </message>
    <message>
        <source>Step 9: Migrate incrementally</source>
        <translation>Schritt 9: Schrittweise migrieren</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Flux Takeover</source>
        <translation>Flux-Übernahme</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Takeover</source>
        <translation>Übernahme</translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation>Noch kein Bericht.</translation>
    </message>
    <message>
        <source>The migration&apos;s last steps, as the cluster shows them now: bootstrap Flux, let it apply the entry points, then let it take over what runs, one side at a time.</source>
        <translation>Die letzten Schritte der Migration, wie der Cluster sie jetzt zeigt: Bootstrap von Flux, die Einstiegspunkte von Flux anwenden lassen, dann Flux übernehmen lassen, was läuft, eine Seite nach der anderen.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Record Baseline Now</source>
        <translation>Ausgangsstand jetzt aufzeichnen</translation>
    </message>
    <message>
        <source>Record what runs now (the plan&apos;s objects with their uids, the Helm releases at their revisions) in .fluxdesk/takeover.yaml, so the takeover can be checked object by object</source>
        <translation>Aufzeichnen, was jetzt läuft (die Objekte des Plans mit ihren uids, die Helm-Releases in ihren Revisionen), in .fluxdesk/takeover.yaml, damit die Übernahme Objekt für Objekt geprüft werden kann</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Load the cluster again and check the takeover anew</source>
        <translation>Den Cluster neu laden und die Übernahme erneut prüfen</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Save the report as `fluxdesk-cli flux takeover --json` prints it</source>
        <translation>Den Bericht so speichern, wie `fluxdesk-cli flux takeover --json` ihn ausgibt</translation>
    </message>
    <message>
        <source>%1 adopted in place, %2 not yet, %3 warnings, %4 in danger</source>
        <translation>%1 an Ort und Stelle übernommen, %2 noch nicht, %3 Warnungen, %4 gefährdet</translation>
    </message>
    <message>
        <source>Bootstrap…</source>
        <translation>Bootstrap…</translation>
    </message>
    <message>
        <source>Install Flux in this cluster and point it at the repository</source>
        <translation>Flux in diesem Cluster installieren und auf das Repository ausrichten</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Abgleichen</translation>
    </message>
    <message>
        <source>Ask Flux to reconcile %1 %2/%3 now</source>
        <translation>Flux bitten, %1 %2/%3 jetzt abzugleichen</translation>
    </message>
    <message>
        <source>Resume in Git…</source>
        <translation>In Git fortsetzen…</translation>
    </message>
    <message>
        <source>Clear Suspended for %1 in the Flux settings, then commit and push</source>
        <translation>Häkchen bei Ausgesetzt für %1 in den Flux-Einstellungen entfernen, dann committen und pushen</translation>
    </message>
    <message>
        <source>Show Report</source>
        <translation>Bericht anzeigen</translation>
    </message>
    <message>
        <source>Show the takeover verdicts object by object</source>
        <translation>Die Befunde der Übernahme Objekt für Objekt anzeigen</translation>
    </message>
    <message>
        <source> (fluxdesk-cli flux bootstrap --repo DIR)</source>
        <translation> (fluxdesk-cli flux bootstrap --repo DIR)</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::TakeoverModel</name>
    <message>
        <source>Danger</source>
        <translation>Gefahr</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>Release %1</translation>
    </message>
    <message>
        <source>Applied by %1</source>
        <translation>Angewendet von %1</translation>
    </message>
    <message>
        <source>Double-click to open %1</source>
        <translation>Doppelklicken, um %1 zu öffnen</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::ValidationController</name>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Validieren</translation>
    </message>
    <message>
        <source>Build every kustomization Flux will read, check the Flux objects against Flux&apos;s schemas and lint the repository (with a connected cluster, also ask the API server for a dry-run); Commit does this first</source>
        <translation>Jede Kustomization bauen, die Flux lesen wird, die Flux-Objekte gegen die Schemas von Flux prüfen und Lint auf das Repository anwenden (bei verbundenem Cluster zusätzlich den API-Server um einen Dry-Run bitten); Commit führt dies zuerst aus</translation>
    </message>
    <message>
        <source>Cancel Validation</source>
        <translation>Validierung abbrechen</translation>
    </message>
    <message>
        <source>Validating: %1 (%2 of %3)…</source>
        <translation>Validierung: %1 (%2 von %3)…</translation>
    </message>
    <message>
        <source>Open a repository first: Validate checks the checkout Flux reads.</source>
        <translation>Öffnen Sie zuerst ein Repository: Validieren prüft den Checkout, den Flux liest.</translation>
    </message>
    <message>
        <source>Validating before the commit…</source>
        <translation>Vor dem Commit wird validiert…</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Wird validiert…</translation>
    </message>
    <message>
        <source>Validation cancelled: nothing was committed.</source>
        <translation>Validierung abgebrochen: Es wurde nichts committet.</translation>
    </message>
    <message>
        <source>Validation cancelled.</source>
        <translation>Validierung abgebrochen.</translation>
    </message>
    <message>
        <source>Validation passed (%1).</source>
        <translation>Validierung bestanden (%1).</translation>
    </message>
    <message>
        <source>Validation failed: %1. First: %2</source>
        <translation>Validierung fehlgeschlagen: %1. Erstes Problem: %2</translation>
    </message>
    <message>
        <source>Not committed: validation failed (%1). Fix the problems listed, or commit anyway.</source>
        <translation>Nicht committet: Validierung fehlgeschlagen (%1). Beheben Sie die aufgeführten Probleme oder committen Sie trotzdem.</translation>
    </message>
    <message>
        <source>Validation Failed</source>
        <translation>Validierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Validation found %1 in what Flux will read. If you push it as it is, Flux may fail to apply it.</source>
        <translation>Die Validierung hat %1 in dem gefunden, was Flux lesen wird. Wenn Sie es so pushen, kann Flux es möglicherweise nicht anwenden.</translation>
    </message>
    <message>
        <source>First: %1

The Problems list shows them all.</source>
        <translation>Erstes Problem: %1

Die Liste &quot;Probleme&quot; zeigt alle.</translation>
    </message>
    <message>
        <source>Commit Anyway</source>
        <translation>Trotzdem committen</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::WatchStream</name>
    <message>
        <source>The server sent malformed JSON for %1: expected an object</source>
        <translation>Der Server hat für %1 fehlerhaftes JSON gesendet: Objekt erwartet</translation>
    </message>
    <message>
        <source>The server sent a watch event of unknown type &quot;%1&quot; for %2</source>
        <translation>Der Server hat für %2 ein Watch-Event vom unbekannten Typ &quot;%1&quot; gesendet</translation>
    </message>
    <message>
        <source>The server sent a watch event without an object for %1</source>
        <translation>Der Server hat für %1 ein Watch-Event ohne Objekt gesendet</translation>
    </message>
    <message>
        <source>The server sent a list for %1 without an items array</source>
        <translation>Der Server hat für %1 eine Liste ohne items-Array gesendet</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::WriteChoicesModel</name>
    <message>
        <source>New (%1)</source>
        <translation>Neu (%1)</translation>
    </message>
    <message>
        <source>Updated by the plan (%1)</source>
        <translation>Vom Plan aktualisiert (%1)</translation>
    </message>
    <message>
        <source>Changed on disk (%1)</source>
        <translation>Auf der Festplatte geändert (%1)</translation>
    </message>
    <message>
        <source>No longer planned (%1)</source>
        <translation>Nicht mehr geplant (%1)</translation>
    </message>
    <message>
        <source>Files the plan adds to the repository.</source>
        <translation>Dateien, die der Plan dem Repository hinzufügt.</translation>
    </message>
    <message>
        <source>Files nobody edited since Fluxdesk wrote them, whose plan changed (a setting, a move, a changed object): they are replaced.</source>
        <translation>Dateien, die seit dem Schreiben durch Fluxdesk niemand bearbeitet hat und deren Plan sich geändert hat (eine Einstellung, eine Verschiebung, ein geändertes Objekt): Sie werden ersetzt.</translation>
    </message>
    <message>
        <source>Files edited since Fluxdesk wrote them (or written by hand): they keep your edits unless you tick them.</source>
        <translation>Dateien, die seit dem Schreiben durch Fluxdesk bearbeitet (oder von Hand geschrieben) wurden: Sie behalten Ihre Änderungen, sofern Sie sie nicht ankreuzen.</translation>
    </message>
    <message>
        <source>YAML files the plan no longer produces. They stay unless you tick them; deleting is permanent unless the file is committed.</source>
        <translation>YAML-Dateien, die der Plan nicht mehr erzeugt. Sie bleiben erhalten, sofern Sie sie nicht ankreuzen; das Löschen ist endgültig, sofern die Datei nicht committet ist.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Replace with the plan&apos;s version</source>
        <translation>Durch die Version des Plans ersetzen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deletes %1 from the checkout. This is permanent unless the file is committed in Git.</source>
        <translation>Löscht %1 aus dem Checkout. Das ist endgültig, sofern die Datei nicht in Git committet ist.</translation>
    </message>
    <message>
        <source>Unticked, %1 keeps your edits.</source>
        <translation>Nicht angekreuzt behält %1 Ihre Änderungen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>Fluxdesk::WritePlanDialog</name>
    <message>
        <source>Write Plan into %1</source>
        <translation>Plan nach %1 schreiben</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>Write plan summary: new files, changed on disk, no longer planned</extracomment>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>1 new file</source>
        <translation>1 neue Datei</translation>
    </message>
    <message>
        <source>%1 new files</source>
        <translation>%1 neue Dateien</translation>
    </message>
    <message>
        <source>1 changed on disk</source>
        <translation>1 auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 changed on disk</source>
        <translation>%1 auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>1 no longer planned</source>
        <translation>1 nicht mehr geplant</translation>
    </message>
    <message>
        <source>%1 no longer planned</source>
        <translation>%1 nicht mehr geplant</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Write plan summary, then files the plan changed that nobody edited</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>1 updated by the plan</source>
        <translation>1 vom Plan aktualisiert</translation>
    </message>
    <message>
        <source>%1 updated by the plan</source>
        <translation>%1 vom Plan aktualisiert</translation>
    </message>
    <message>
        <source>%1 (%2 already up to date)</source>
        <extracomment>Write plan summary, then the number of files already up to date</extracomment>
        <translation>%1 (%2 bereits aktuell)</translation>
    </message>
    <message>
        <source>Select a file to see what will be written.</source>
        <translation>Wählen Sie eine Datei aus, um zu sehen, was geschrieben wird.</translation>
    </message>
    <message>
        <source>Deleting a file is permanent unless it is committed in Git. Unticked files are kept.</source>
        <translation>Das Löschen einer Datei ist endgültig, sofern sie nicht in Git committet ist. Nicht angekreuzte Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <source>Nothing to write: every planned file is up to date on disk.</source>
        <translation>Nichts zu schreiben: Jede geplante Datei ist auf der Festplatte aktuell.</translation>
    </message>
    <message>
        <source>Nothing to write: the files changed on disk keep your edits. Tick &quot;Replace with the plan&apos;s version&quot; for a file to write the plan&apos;s text instead.</source>
        <translation>Nichts zu schreiben: Die auf der Festplatte geänderten Dateien behalten Ihre Änderungen. Kreuzen Sie bei einer Datei &quot;Durch die Version des Plans ersetzen&quot; an, um stattdessen den Text des Plans zu schreiben.</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>The plan has no file %1.</source>
        <translation>Der Plan enthält keine Datei %1.</translation>
    </message>
    <message>
        <source>Write %1, Delete %2</source>
        <extracomment>Write plan button: number of files written, number deleted</extracomment>
        <translation>%1 schreiben, %2 löschen</translation>
    </message>
    <message>
        <source>Delete 1 File</source>
        <translation>1 Datei löschen</translation>
    </message>
    <message>
        <source>Delete %1 Files</source>
        <translation>%1 Dateien löschen</translation>
    </message>
    <message>
        <source>Write 1 File</source>
        <translation>1 Datei schreiben</translation>
    </message>
    <message>
        <source>Write %1 Files</source>
        <translation>%1 Dateien schreiben</translation>
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
    <name>HelmClientConfig</name>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>HelmMigrationGuide</name>
    <message>
        <source>Commit the source and the HelmRelease; do not touch the running release by hand. Its releaseName is &quot;%1&quot; in namespace %2, so Flux adopts the running release and upgrades it in place instead of installing a second copy.</source>
        <translation>Committen Sie die Quelle und das HelmRelease; ändern Sie das laufende Release nicht von Hand. Sein releaseName ist &quot;%1&quot; im Namespace %2, daher übernimmt Flux das laufende Release und aktualisiert es an Ort und Stelle, statt eine zweite Kopie zu installieren.</translation>
    </message>
    <message>
        <source>Wait until `flux get helmreleases -n %1 %2` shows Ready=True.</source>
        <translation>Warten Sie, bis `flux get helmreleases -n %1 %2` Ready=True anzeigt.</translation>
    </message>
    <message>
        <source>Verify with `helm history %1 -n %2` that the newest revision was made by Flux&apos;s helm-controller (a new revision after %3, described as an upgrade) and that the workloads kept running.</source>
        <translation>Prüfen Sie mit `helm history %1 -n %2`, dass die neueste Revision vom helm-controller von Flux erstellt wurde (eine neue Revision nach %3, als Upgrade beschrieben) und dass die Workloads weiterlaufen.</translation>
    </message>
    <message>
        <source>Changing releaseName, targetNamespace or storageNamespace later makes Flux uninstall the release and install it anew, with downtime and possibly lost data.</source>
        <translation>Wenn Sie releaseName, targetNamespace oder storageNamespace später ändern, deinstalliert Flux das Release und installiert es neu, mit Ausfallzeit und möglicherweise Datenverlust.</translation>
    </message>
    <message>
        <source>Never run `helm uninstall %1 -n %2`: Flux now manages that very release, and uninstalling it deletes the running workloads, even where another migration guide tells you to remove the old release. From now on change values in Git, not with helm upgrade.</source>
        <translation>Führen Sie niemals `helm uninstall %1 -n %2` aus: Flux verwaltet jetzt genau dieses Release, und eine Deinstallation löscht die laufenden Workloads, selbst wenn eine andere Migrationsanleitung Sie auffordert, das alte Release zu entfernen. Ändern Sie Values ab jetzt in Git, nicht mit helm upgrade.</translation>
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
    <message>
        <source>The Helm release records decompress to more than %1 in all, the most Fluxdesk decodes for one cluster: %2 was not decoded</source>
        <translation>Die Helm-Release-Datensätze entpacken sich zu insgesamt mehr als %1, dem Meisten, was Fluxdesk für einen Cluster dekodiert: %2 wurde nicht dekodiert</translation>
    </message>
    <message>
        <source>The Helm release records decompress to more than %1 in all, the most Fluxdesk decodes for one cluster: %2 and the %3 records after it were not decoded</source>
        <translation>Die Helm-Release-Datensätze entpacken sich zu insgesamt mehr als %1, dem Meisten, was Fluxdesk für einen Cluster dekodiert: %2 und die %3 Datensätze danach wurden nicht dekodiert</translation>
    </message>
</context>
<context>
    <name>HelmReleaseGenerator</name>
    <message>
        <source>Helm release %1 is %2 (revision %3): a Helm operation is running or was interrupted. Not converted: wait for it to finish, or roll it back with helm rollback, then convert the deployed revision.</source>
        <translation>Helm-Release %1 ist %2 (Revision %3): Eine Helm-Operation läuft oder wurde unterbrochen. Nicht konvertiert: Warten Sie, bis sie abgeschlossen ist, oder setzen Sie das Release mit helm rollback zurück, und konvertieren Sie dann die deployte Revision.</translation>
    </message>
    <message>
        <source>Helm release %1 is being uninstalled (revision %2). Not converted.</source>
        <translation>Helm-Release %1 wird gerade deinstalliert (Revision %2). Nicht konvertiert.</translation>
    </message>
    <message>
        <source>Helm release %1 is %2 (revision %3) and has no deployed revision. Not converted: repair it with helm rollback or a successful helm upgrade first.</source>
        <translation>Helm-Release %1 ist %2 (Revision %3) und hat keine deployte Revision. Nicht konvertiert: Reparieren Sie es zuerst mit helm rollback oder einem erfolgreichen helm upgrade.</translation>
    </message>
    <message>
        <source>no source is known for chart &quot;%1&quot; %2: choose its repository; the HelmRelease refers to a HelmRepository named &quot;%1&quot; until then</source>
        <translation>für Chart &quot;%1&quot; %2 ist keine Quelle bekannt: Wählen Sie das Repository; bis dahin verweist das HelmRelease auf ein HelmRepository namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>chart &quot;%1&quot; installs its CRDs from templates when the value %2 is set; keep it as it is in the running release</source>
        <translation>Chart &quot;%1&quot; installiert seine CRDs aus den Templates, wenn der Value %2 gesetzt ist; behalten Sie ihn so bei wie im laufenden Release</translation>
    </message>
    <message>
        <source>Helm release %1/%2 is K3s&apos;s: K3s installs it from its HelmChart %3 and keeps it itself, so it is not converted. Customise it with a HelmChartConfig, which the plan carries.</source>
        <translation>Das Helm-Release %1/%2 gehört K3s: K3s installiert es aus seinem HelmChart %3 und pflegt es selbst, daher wird es nicht umgewandelt. Passen Sie es mit einer HelmChartConfig an, die der Plan mitnimmt.</translation>
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
    <name>MigrationChecklist</name>
    <message>
        <source>The repository is Flux&apos;s source</source>
        <translation>Das Repository ist die Quelle von Flux</translation>
    </message>
    <message>
        <source>Flux applies the repository</source>
        <translation>Flux wendet das Repository an</translation>
    </message>
    <message>
        <source>Flux applies clusters/%1</source>
        <translation>Flux wendet clusters/%1 an</translation>
    </message>
    <message>
        <source>Flux&apos;s controllers run</source>
        <translation>Die Controller von Flux laufen</translation>
    </message>
    <message>
        <source>Flux is not installed: bootstrap it</source>
        <translation>Flux ist nicht installiert: Führen Sie den Bootstrap aus</translation>
    </message>
    <message>
        <source>not installed: %1</source>
        <translation>nicht installiert: %1</translation>
    </message>
    <message>
        <source>not available yet: %1</source>
        <translation>noch nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>%1 controllers available</source>
        <translation>%1 Controller verfügbar</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Ready at %1</source>
        <translation>Ready bei %1</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>ausgesetzt</translation>
    </message>
    <message>
        <source>reconciling</source>
        <translation>wird abgeglichen</translation>
    </message>
    <message>
        <source>%1 flux-system/flux-system not in the cluster yet</source>
        <translation>%1 flux-system/flux-system ist noch nicht im Cluster</translation>
    </message>
    <message>
        <source>comes with the bootstrap</source>
        <translation>kommt mit dem Bootstrap</translation>
    </message>
    <message>
        <source>Flux applies %1/</source>
        <translation>Flux wendet %1/ an</translation>
    </message>
    <message>
        <source>Kustomization flux-system/%1 not in the cluster yet: flux-system applies clusters/%2/%1.yaml</source>
        <translation>Kustomization flux-system/%1 ist noch nicht im Cluster: flux-system wendet clusters/%2/%1.yaml an</translation>
    </message>
    <message>
        <source>suspended, and what it depends on is Ready: take it over (clear Suspended in Flux settings, commit and push)</source>
        <translation>ausgesetzt, und wovon es abhängt, ist Ready: Übernehmen Sie es (Häkchen bei Ausgesetzt in den Flux-Einstellungen entfernen, committen und pushen)</translation>
    </message>
    <message>
        <source>suspended until %1 is Ready</source>
        <translation>ausgesetzt, bis %1 Ready ist</translation>
    </message>
    <message>
        <source>Helm release %1 adopted</source>
        <translation>Helm-Release %1 übernommen</translation>
    </message>
    <message>
        <source>Objects adopted in place</source>
        <translation>Objekte an Ort und Stelle übernommen</translation>
    </message>
    <message>
        <source>%1 of %2 adopted in place</source>
        <translation>%1 von %2 an Ort und Stelle übernommen</translation>
    </message>
    <message>
        <source>; %1 recreated or lost</source>
        <translation>; %1 neu erstellt oder verloren</translation>
    </message>
    <message>
        <source>Leave the Helm releases installed</source>
        <translation>Helm-Releases installiert lassen</translation>
    </message>
    <message>
        <source>Never run `helm uninstall` on an adopted release: Flux manages that very release now, and uninstalling it deletes its running workloads. Change it in Git instead.</source>
        <translation>Führen Sie niemals `helm uninstall` für ein übernommenes Release aus: Flux verwaltet jetzt genau dieses Release, und eine Deinstallation löscht seine laufenden Workloads. Ändern Sie es stattdessen in Git.</translation>
    </message>
</context>
<context>
    <name>PlanJob</name>
    <message>
        <source>%1 (the default clean rules were used)</source>
        <translation>%1 (die Standard-Bereinigungsregeln wurden verwendet)</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>Secret %1 is written as plain text; encrypt it (SOPS) or keep it out of Git.</source>
        <translation>Secret %1 wird im Klartext geschrieben; verschlüsseln Sie es (SOPS) oder halten Sie es aus Git heraus.</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>could not check</source>
        <translation>nicht prüfbar</translation>
    </message>
    <message>
        <source>Kubernetes version</source>
        <translation>Kubernetes-Version</translation>
    </message>
    <message>
        <source>Permission to create cluster-scoped objects</source>
        <translation>Berechtigung zum Anlegen clusterweiter Objekte</translation>
    </message>
    <message>
        <source>Flux already installed</source>
        <translation>Flux bereits installiert</translation>
    </message>
    <message>
        <source>Flux Operator</source>
        <translation>Flux Operator</translation>
    </message>
    <message>
        <source>Repository committed</source>
        <translation>Repository committet</translation>
    </message>
    <message>
        <source>Repository pushed</source>
        <translation>Repository gepusht</translation>
    </message>
    <message>
        <source>Remote reachable</source>
        <translation>Remote erreichbar</translation>
    </message>
    <message>
        <source>Check the connection and your permissions, then run the pre-flight again.</source>
        <translation>Prüfen Sie die Verbindung und Ihre Berechtigungen, und führen Sie dann die Vorabprüfung erneut aus.</translation>
    </message>
    <message>
        <source>The API server&apos;s /version answer names no version.</source>
        <translation>Die Antwort von /version des API-Servers nennt keine Version.</translation>
    </message>
    <message>
        <source>Kubernetes %1; Flux %2 is not in Fluxdesk&apos;s table of supported versions (it knows Flux v2.0 to %3)</source>
        <translation>Kubernetes %1; Flux %2 ist nicht in der Tabelle unterstützter Versionen von Fluxdesk (sie kennt Flux v2.0 bis %3)</translation>
    </message>
    <message>
        <source>Check Flux %1&apos;s release notes for the Kubernetes versions it supports.</source>
        <translation>Prüfen Sie in den Release Notes von Flux %1, welche Kubernetes-Versionen unterstützt werden.</translation>
    </message>
    <message>
        <source>Kubernetes %1 is older than %2, the oldest Flux %3 runs on</source>
        <translation>Kubernetes %1 ist älter als %2, die älteste Version, auf der Flux %3 läuft</translation>
    </message>
    <message>
        <source>Upgrade the cluster to Kubernetes %1 or newer, or choose an older Flux version.</source>
        <translation>Aktualisieren Sie den Cluster auf Kubernetes %1 oder neuer, oder wählen Sie eine ältere Flux-Version.</translation>
    </message>
    <message>
        <source>Kubernetes %1 is newer than %2, the newest Flux %3 is tested on</source>
        <translation>Kubernetes %1 ist neuer als %2, die neueste Version, mit der Flux %3 getestet ist</translation>
    </message>
    <message>
        <source>Flux will probably work; a newer Flux release is tested on this Kubernetes.</source>
        <translation>Flux funktioniert wahrscheinlich; ein neueres Flux-Release ist mit dieser Kubernetes-Version getestet.</translation>
    </message>
    <message>
        <source>Kubernetes %1, within Flux %2&apos;s range %3 to %4</source>
        <translation>Kubernetes %1, innerhalb des Bereichs %3 bis %4 von Flux %2</translation>
    </message>
    <message>
        <source>You may create %1</source>
        <translation>Sie dürfen %1 anlegen</translation>
    </message>
    <message>
        <source>Not allowed to create %1</source>
        <translation>Keine Berechtigung, %1 anzulegen</translation>
    </message>
    <message>
        <source>Not allowed to create %1: %2</source>
        <translation>Keine Berechtigung, %1 anzulegen: %2</translation>
    </message>
    <message>
        <source>Bootstrap installs cluster-wide objects: connect with a cluster-admin kubeconfig (on K3s, /etc/rancher/k3s/k3s.yaml).</source>
        <translation>Der Bootstrap installiert clusterweite Objekte: Verbinden Sie sich mit einer Kubeconfig mit cluster-admin-Rechten (bei K3s /etc/rancher/k3s/k3s.yaml).</translation>
    </message>
    <message>
        <source>The namespace flux-system exists but holds no Flux controllers, and no Flux CRDs are installed</source>
        <translation>Der Namespace flux-system existiert, enthält aber keine Flux-Controller, und es sind keine Flux-CRDs installiert</translation>
    </message>
    <message>
        <source>Flux is not installed</source>
        <translation>Flux ist nicht installiert</translation>
    </message>
    <message>
        <source>an unknown version</source>
        <translation>eine unbekannte Version</translation>
    </message>
    <message>
        <source>no controllers in flux-system</source>
        <translation>keine Controller in flux-system</translation>
    </message>
    <message>
        <source>Flux %1 is installed: Flux CRDs: %2; controllers: %3</source>
        <translation>Flux %1 ist installiert: Flux-CRDs: %2; Controller: %3</translation>
    </message>
    <message>
        <source>Bootstrapping applies Flux %1 over it, as `flux bootstrap` does: its controllers and CRDs are replaced in place. If another tool manages this Flux, stop here.</source>
        <translation>Der Bootstrap wendet Flux %1 darüber an, wie es `flux bootstrap` tut: Seine Controller und CRDs werden an Ort und Stelle ersetzt. Wenn ein anderes Werkzeug dieses Flux verwaltet, brechen Sie hier ab.</translation>
    </message>
    <message>
        <source>The Flux Operator is not installed</source>
        <translation>Der Flux Operator ist nicht installiert</translation>
    </message>
    <message>
        <source>The Flux Operator is installed (CRD fluxinstances.fluxcd.controlplane.io)</source>
        <translation>Der Flux Operator ist installiert (CRD fluxinstances.fluxcd.controlplane.io)</translation>
    </message>
    <message>
        <source>The Flux Operator %1 is installed (CRD fluxinstances.fluxcd.controlplane.io)</source>
        <translation>Der Flux Operator %1 ist installiert (CRD fluxinstances.fluxcd.controlplane.io)</translation>
    </message>
    <message>
        <source>Bootstrap with the Operator (a FluxInstance) rather than the flux-system files, or the Operator and the files will fight over the controllers.</source>
        <translation>Führen Sie den Bootstrap mit dem Operator (einer FluxInstance) statt mit den flux-system-Dateien aus, sonst streiten sich der Operator und die Dateien um die Controller.</translation>
    </message>
    <message>
        <source>Open a git checkout of the repository Flux will read.</source>
        <translation>Öffnen Sie einen Git-Checkout des Repositorys, das Flux lesen wird.</translation>
    </message>
    <message>
        <source>Nothing uncommitted</source>
        <translation>Keine nicht committeten Änderungen</translation>
    </message>
    <message>
        <source>Uncommitted changes: %1 (%2)</source>
        <translation>Nicht committete Änderungen: %1 (%2)</translation>
    </message>
    <message>
        <source>Commit (and push) them first: Flux reads only what is on the remote.</source>
        <translation>Committen (und pushen) Sie sie zuerst: Flux liest nur, was auf dem Remote liegt.</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>Check the remote&apos;s URL, your network and credentials (git push from a terminal shows the same problem).</source>
        <translation>Prüfen Sie die URL des Remotes, Ihr Netzwerk und Ihre Zugangsdaten (git push in einem Terminal zeigt dasselbe Problem).</translation>
    </message>
    <message>
        <source>The branch %1 is not on %2 (no %3 there)</source>
        <translation>Der Branch %1 ist nicht auf %2 (dort gibt es kein %3)</translation>
    </message>
    <message>
        <source>Push the branch.</source>
        <translation>Pushen Sie den Branch.</translation>
    </message>
    <message>
        <source>HEAD %1 is not on %2&apos;s %3 (it has %4)</source>
        <translation>HEAD %1 ist nicht auf %3 von %2 (dort steht %4)</translation>
    </message>
    <message>
        <source>Push your commits (pull first if the remote has others).</source>
        <translation>Pushen Sie Ihre Commits (führen Sie zuerst einen Pull aus, wenn das Remote andere hat).</translation>
    </message>
    <message>
        <source>HEAD %1 is on %2&apos;s %3</source>
        <translation>HEAD %1 ist auf %3 von %2</translation>
    </message>
    <message>
        <source>%1 answers</source>
        <translation>%1 antwortet</translation>
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
</context>
<context>
    <name>Takeover</name>
    <message>
        <source>Kustomization %1</source>
        <translation>Kustomization %1</translation>
    </message>
    <message>
        <source>HelmRelease %1</source>
        <translation>HelmRelease %1</translation>
    </message>
    <message>
        <source>gone from the cluster</source>
        <translation>nicht mehr im Cluster</translation>
    </message>
    <message>
        <source>created %1, after Flux arrived</source>
        <translation>erstellt %1, nach der Ankunft von Flux</translation>
    </message>
    <message>
        <source>uid %1 → %2: deleted and made again</source>
        <translation>uid %1 → %2: gelöscht und neu erstellt</translation>
    </message>
    <message>
        <source>; the data it held may be lost</source>
        <translation>; die darin gespeicherten Daten sind möglicherweise verloren</translation>
    </message>
    <message>
        <source>not applied by Flux yet</source>
        <translation>noch nicht von Flux angewendet</translation>
    </message>
    <message>
        <source>adopted in place</source>
        <translation>an Ort und Stelle übernommen</translation>
    </message>
    <message>
        <source>kept in place by the release&apos;s upgrade</source>
        <translation>durch das Upgrade des Releases an Ort und Stelle erhalten</translation>
    </message>
    <message>
        <source>waits for its release to be adopted</source>
        <translation>wartet auf die Übernahme seines Releases</translation>
    </message>
    <message>
        <source>installed as release %1, not the running %2: two releases now manage the same objects</source>
        <translation>als Release %1 installiert, nicht als das laufende %2: Zwei Releases verwalten jetzt dieselben Objekte</translation>
    </message>
    <message>
        <source>the release is gone: revision %1 was uninstalled</source>
        <translation>das Release existiert nicht mehr: Revision %1 wurde deinstalliert</translation>
    </message>
    <message>
        <source>revision %1 after revision %2 vanished: Helm installed the release anew</source>
        <translation>Revision %1, nachdem Revision %2 verschwunden ist: Helm hat das Release neu installiert</translation>
    </message>
    <message>
        <source>HelmRelease not in the cluster yet: revision %1 runs as Helm left it</source>
        <translation>HelmRelease noch nicht im Cluster: Revision %1 läuft so, wie Helm sie hinterlassen hat</translation>
    </message>
    <message>
        <source>adopted, revision %1 → %2</source>
        <translation>übernommen, Revision %1 → %2</translation>
    </message>
    <message>
        <source>revision %1 written, HelmRelease not Ready yet</source>
        <translation>Revision %1 geschrieben, HelmRelease noch nicht Ready</translation>
    </message>
    <message>
        <source>revision %1 runs as Helm left it: helm-controller has not upgraded it yet</source>
        <translation>Revision %1 läuft so, wie Helm sie hinterlassen hat: Der helm-controller hat sie noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not a takeover baseline (kind: TakeoverBaseline expected)</source>
        <translation>kein Ausgangsstand für die Übernahme (kind: TakeoverBaseline erwartet)</translation>
    </message>
    <message>
        <source>a release without name, storageNamespace or revision</source>
        <translation>ein Release ohne name, storageNamespace oder revision</translation>
    </message>
    <message>
        <source>an object without kind or name</source>
        <translation>ein Objekt ohne kind oder name</translation>
    </message>
    <message>
        <source>not yet adopted</source>
        <translation>noch nicht übernommen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>recreated</source>
        <translation>neu erstellt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>reinstalled</source>
        <translation>neu installiert</translation>
    </message>
</context>
<context>
    <name>TextDiff</name>
    <message>
        <source>cannot compute the diff: %1</source>
        <translation>der Diff kann nicht berechnet werden: %1</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Asking the API server (dry-run)</source>
        <translation>API-Server wird befragt (Dry-Run)</translation>
    </message>
    <message>
        <source>Neither kustomize nor kubectl was found on the PATH, so the kustomizations Flux reads were not built. Install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, then validate again.</source>
        <translation>Weder kustomize noch kubectl wurde im PATH gefunden, daher wurden die Kustomizations, die Flux liest, nicht gebaut. Installieren Sie kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) oder kubectl und validieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>kustomize build %1 failed: %2</source>
        <translation>kustomize build %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 %2 did not finish within %3 seconds and was stopped; a remote resource may be unreachable.</source>
        <translation>%1 %2 wurde nicht innerhalb von %3 Sekunden beendet und daher gestoppt; eine entfernte Ressource ist möglicherweise nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 %2 is not a kind the current Flux controllers serve</source>
        <translation>%1 %2 ist kein Kind, das die aktuellen Flux-Controller unterstützen</translation>
    </message>
    <message>
        <source>%1 %2 is not served by the current Flux controllers (Flux 2.7 and 2.8 removed the beta APIs); use %3</source>
        <translation>%1 %2 wird von den aktuellen Flux-Controllern nicht unterstützt (Flux 2.7 und 2.8 haben die Beta-APIs entfernt); verwenden Sie %3</translation>
    </message>
    <message>
        <source>The repository has no folder %1: Flux&apos;s flux-system Kustomization of cluster %2 reads it. Write the plan first, or name another cluster.</source>
        <translation>Das Repository hat keinen Ordner %1: Die flux-system-Kustomization von Flux für Cluster %2 liest ihn. Schreiben Sie zuerst den Plan, oder nennen Sie einen anderen Cluster.</translation>
    </message>
    <message>
        <source>The repository has no clusters/&lt;cluster&gt;/ folder, so Flux has nothing to read. Write the plan first (Plan &gt; Write Plan, or fluxdesk-cli plan --write).</source>
        <translation>Das Repository hat keinen Ordner clusters/&lt;cluster&gt;/, daher hat Flux nichts zu lesen. Schreiben Sie zuerst den Plan (Plan &gt; Plan schreiben oder fluxdesk-cli plan --write).</translation>
    </message>
    <message>
        <source>The output of kustomize build %1 does not read: %2</source>
        <translation>Die Ausgabe von kustomize build %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>%1 as kustomize builds %2: %3</source>
        <translation>%1, wie kustomize %2 baut: %3</translation>
    </message>
    <message>
        <source>Kustomization %1 reads %2 %3, not this repository: not built here</source>
        <translation>Kustomization %1 liest %2 %3, nicht dieses Repository: hier nicht gebaut</translation>
    </message>
    <message>
        <source>spec.path %1 of Kustomization %2 leaves the repository</source>
        <translation>spec.path %1 der Kustomization %2 verlässt das Repository</translation>
    </message>
    <message>
        <source>spec.path %1 of Kustomization %2 is not a folder of the repository: Flux would fail to apply it. Create the folder or correct the path.</source>
        <translation>spec.path %1 der Kustomization %2 ist kein Ordner des Repositorys: Flux könnte sie nicht anwenden. Legen Sie den Ordner an oder korrigieren Sie den Pfad.</translation>
    </message>
    <message>
        <source>Kustomization %1</source>
        <translation>Kustomization %1</translation>
    </message>
    <message>
        <source>Reading the repository&apos;s files</source>
        <translation>Dateien des Repositorys werden gelesen</translation>
    </message>
    <message>
        <source>the flux-system Kustomization of %1</source>
        <translation>die flux-system-Kustomization von %1</translation>
    </message>
    <message>
        <source>Building %1</source>
        <translation>%1 wird gebaut</translation>
    </message>
    <message>
        <source>Linting</source>
        <translation>Lint wird ausgeführt</translation>
    </message>
    <message>
        <source>ConfigMap %1: %2: %3 is read as a date by kustomize, which Flux applies as &quot;%3T00:00:00Z&quot; (or refuses); quote it: &quot;%3&quot;</source>
        <translation>ConfigMap %1: %2: %3 wird von kustomize als Datum gelesen, das Flux als &quot;%3T00:00:00Z&quot; anwendet (oder ablehnt); setzen Sie den Wert in Anführungszeichen: &quot;%3&quot;</translation>
    </message>
    <message>
        <source>The server dry-run did not run: %1</source>
        <translation>Der Server-Dry-Run wurde nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>%1: the API server refuses it (dry-run): %2</source>
        <translation>%1: Der API-Server lehnt es ab (Dry-Run): %2</translation>
    </message>
    <message>
        <source>no problems</source>
        <translation>keine Probleme</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>ValuesCredentials</name>
    <message>
        <source>it is inside a list; move the whole list by hand</source>
        <translation>es steht in einer Liste; verschieben Sie die ganze Liste von Hand</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; cannot be written as a targetPath</source>
        <translation>der Schlüssel &quot;%1&quot; kann nicht als targetPath geschrieben werden</translation>
    </message>
    <message>
        <source>the path is too long</source>
        <translation>der Pfad ist zu lang</translation>
    </message>
    <message>
        <source>its key names a credential</source>
        <translation>sein Schlüssel bezeichnet Zugangsdaten</translation>
    </message>
    <message>
        <source>it is a long random-looking string</source>
        <translation>es ist eine lange, zufällig aussehende Zeichenkette</translation>
    </message>
    <message>
        <source>values.%1 looks like a credential (%2); move it to a Secret through valuesFrom</source>
        <translation>values.%1 sieht nach Zugangsdaten aus (%2); verschieben Sie es über valuesFrom in ein Secret</translation>
    </message>
    <message>
        <source>values.%1 looks like a credential (%2); it cannot be moved to valuesFrom automatically: %3</source>
        <translation>values.%1 sieht nach Zugangsdaten aus (%2); es kann nicht automatisch nach valuesFrom verschoben werden: %3</translation>
    </message>
    <message>
        <source>it is not a path into the values</source>
        <translation>es ist kein Pfad in die Werte</translation>
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
    <message>
        <source>unexpected content</source>
        <translation>unerwarteter Inhalt</translation>
    </message>
    <message>
        <source>document too large: aliases expand to more than %1 MiB (a &apos;billion laughs&apos; document?)</source>
        <translation>Dokument zu groß: Aliase entfalten sich zu mehr als %1 MiB (ein &apos;Billion Laughs&apos;-Dokument?)</translation>
    </message>
    <message>
        <source>document too large: aliases expand to more than %1 nodes (a &apos;billion laughs&apos; document?)</source>
        <translation>Dokument zu groß: Aliase entfalten sich zu mehr als %1 Knoten (ein &apos;Billion Laughs&apos;-Dokument?)</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>Verschachtelung tiefer als %1 Ebenen</translation>
    </message>
    <message>
        <source>%1 of YAML is more than the %2 read at once; split it into smaller files</source>
        <translation>%1 YAML ist mehr als die %2, die auf einmal gelesen werden; teilen Sie es in kleinere Dateien</translation>
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
