#pragma once

#include "fakeapply.h"
#include "fakecontroller.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>

class QThread;

namespace Fluxdesk::Testing {

// Certificates made with the openssl CLI for one test run: a CA, a server cert for 127.0.0.1 and
// localhost, RSA and EC client certs signed by the CA, an expired client cert, and a second,
// unrelated CA (for "wrong CA" cases). Keys: RSA ones are PKCS#8 ("BEGIN PRIVATE KEY"), the EC
// client key is SEC1 ("BEGIN EC PRIVATE KEY") as K3s writes it.
struct TestPki
{
    QString dir;
    QString caCert, caKey;
    QString serverCert, serverKey;
    QString clientCert, clientKey;     // RSA, CN=fluxdesk-test, O=system:masters
    QString ecClientCert, ecClientKey; // EC P-256
    QString expiredClientCert, expiredClientKey;
    QString otherCaCert, otherCaKey;
    QString foreignClientCert, foreignClientKey; // signed by the other CA: must be rejected
    QString error;                               // non-empty when generation failed

    static TestPki generate(const QString &dir);
    bool ok() const { return error.isEmpty(); }
};

// A protocol-faithful fake Kubernetes API server for tests and benchmarks: HTTP/1.1 (keep-alive)
// over TLS or plain TCP on 127.0.0.1; client-certificate and bearer-token auth; discovery at
// /api, /api/v1, /apis, /apis/<group>/<version> for the types of the objects it serves (plus the
// core types always present); cluster-wide and namespaced LIST with limit/continue paging; GET
// of single objects; /version; Status bodies for errors; injectable faults and admission denials.
// Types are keyed by group and kind, never kind alone: the same kind in two groups (traefik.io and
// traefik.containo.us) is two types with their own objects, while a kind given in several versions
// of one group is one set of objects served in each version, the preferred version (GA, then
// beta, then alpha) first in discovery. The read-only APIs are served as the real ones are: the
// metrics.k8s.io group (pods and nodes, kinds PodMetrics and NodeMetrics) and ComponentStatus
// with verbs get and list only.
//
// Writes, with the real server's semantics and Status errors:
// - server-side apply (PATCH application/apply-patch+yaml; fieldManager, dryRun=All; the rules
//   in fakeapply.h); POST, PUT, DELETE and the merge, strategic-merge and JSON patches, on an
//   object or its status subresource (the rules in fakewrites.h);
// - CustomResourceDefinitions: a stored CRD adds its group, served versions, plural, kind,
//   scope, shortNames, categories and subresources to discovery, and its objects can be listed,
//   got, watched and written from then on; deleting it deletes its objects and its types. Objects
//   of a group and kind with neither a CRD nor a built-in type are served as before when given to
//   setObjects(); written to, an unknown type answers 404 as the real server does.
// - POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews answers status.allowed: true,
//   false with a reason for what denyAccess() names.
// Every stored write takes the next resourceVersion of one global counter, and is kept in a
// journal (Options::journalCapacity events; compactJournal() forgets them all). A write that
// changes nothing but resourceVersion and managedFields' times stores nothing, as on the real
// server. Lists are served at the journal's current resourceVersion, so list-then-watch loses
// nothing.
//
// Watches: GET <collection>?watch=1|true, cluster-wide or in a namespace, with resourceVersion,
// allowWatchBookmarks, timeoutSeconds, labelSelector and fieldSelector (metadata.name,
// metadata.namespace), streamed as the real server does: 200, Transfer-Encoding chunked, one JSON
// event a line and a chunk ({"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":{...}}).
// - resourceVersion "" or "0": ADDED for each current object first, then the changes;
// - resourceVersion N: the journal's changes after N; an N older than the journal keeps is one
//   ERROR event (Status 410, reason Expired, "too old resource version: N (oldest)") and the end
//   of the stream; so is a watch the journal outgrows while it lags behind;
// - an object leaving a watch's label selector is DELETED for it, one entering it ADDED;
// - allowWatchBookmarks: a BOOKMARK (apiVersion, kind, metadata.resourceVersion only) every
//   Options::bookmarkIntervalMs; timeoutSeconds ends the stream with its last chunk (the
//   connection stays open for the next request); dropWatches() ends every open watch and closes
//   its connection, as a restarting server does;
// - fault rules match watch requests too (Status, Delay; MalformedJson mangles the first line,
//   ResetMidBody resets the connection in the first lines; the others do nothing to a watch).
//
// Controllers (fakecontroller.h) run in the server's thread after stored writes; their changes
// are writes like any other (watchers see them). applyChange() makes the same change from a test.
class FakeApiServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool tls = true;
        QString certFile, keyFile; // server identity (TestPki::serverCert/serverKey)
        QString clientCaFile;      // when set, client certificates signed by it are accepted
        QString token;             // when set, "Authorization: Bearer <token>" is accepted
        int latencyMs = 0;         // added before every response
        QString gitVersion = QStringLiteral("v1.32.0+fake"); // /version (major, minor from it)
        int bookmarkIntervalMs = 1000; // between two BOOKMARK events of a watch that allows them
        int journalCapacity = 1000;    // the writes a watch can resume over
    };

    enum class Fault
    {
        None,
        Status,
        Delay,
        ResetMidBody,
        MalformedJson,
        // Hostile or unlucky servers, for the client's limits:
        RepeatContinue,  // every page of a LIST is the first, with the same continue token
        Oversized,       // the body padded with padBytes of JSON whitespace (valid, just big)
        Trickle,         // the body sent one byte every intervalMs: never idle, never done
        ExpiredContinue, // a LIST carrying a continue token gets 410 Expired, as the real
                         // server answers once etcd compacted the token's revision
    };
    struct FaultRule
    {
        QString pathPrefix; // matched against the request path (without query)
        Fault fault = Fault::None;
        int status = 500;       // for Fault::Status (401, 403, 404, 500 ...)
        QString message;        // Status.message for Fault::Status
        int delayMs = 0;        // for Fault::Delay
        int times = 0;          // applies to the first `times` requests it matches; 0: to every one
        qsizetype padBytes = 0; // for Fault::Oversized
        int intervalMs = 100;   // for Fault::Trickle: between two bytes of the body
        // Oversized and Trickle: no Content-Length, the body ends when the server closes (as
        // HTTP/1.1 allows), so a client cannot tell the size up front.
        bool withoutContentLength = false;
    };

    explicit FakeApiServer(const Options &options, QObject *parent = nullptr);
    ~FakeApiServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only
    quint16 port() const;
    QUrl url() const;

    // Every public method but listen() is thread-safe (a mutex), so a test may call them directly
    // on FakeApiServerThread::server().
    // Objects are served as-is (with resourceVersion/uid/creationTimestamp added when missing).
    // setObjects() replaces everything, as an etcd restored from a backup: it is no write and
    // makes no watch events; it forgets the journal and ends every open watch (a client relists
    // when it resumes: its resourceVersion is older than the journal now).
    void setObjects(const QList<QJsonObject> &objects);
    void setGitVersion(const QString &gitVersion);
    // SelfSubjectAccessReviews whose resourceAttributes match (an empty or "*" pattern matches
    // anything) answer allowed: false with reason.
    void denyAccess(const QString &verb, const QString &group, const QString &resource,
                    const QString &reason = {});
    // Forgets the journal: a watch can resume from the current resourceVersion only.
    void compactJournal();
    // Ends every open watch (queued to the server's thread: it happens once that thread runs).
    void dropWatches();
    // Runs controller after every stored write from now on (and once at once).
    void addController(std::shared_ptr<FakeController> controller);
    // A stored write as a controller's (FakeChange::delayMs is ignored here).
    void applyChange(const FakeChange &change);
    // The last write's resourceVersion: the one lists are served at.
    qint64 resourceVersion() const;
    void addFault(const FaultRule &rule);
    void clearFaults();
    // A validating webhook that denies applies of objects carrying a label (thread-safe).
    void addAdmissionRule(const AdmissionRule &rule);
    // The objects as served now, applies included (thread-safe).
    QList<QJsonObject> objects() const;

    // Requests seen so far ("GET /api/v1/pods?limit=500"); never includes headers.
    QStringList requestLog() const;
    int requestCount() const;

    // Writes a kubeconfig that points at this server (cluster "fake", user "fake-user",
    // context "fake"), with either the client cert or the token as credentials.
    enum class Credentials
    {
        ClientCertificate,
        Token
    };
    bool writeKubeconfig(const QString &path, const TestPki &pki, Credentials credentials) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Runs a FakeApiServer in its own thread, so a test may block (e.g. QProcess::waitForFinished on
// kubectl) while the server keeps answering.
class FakeApiServerThread
{
public:
    explicit FakeApiServerThread(const FakeApiServer::Options &options);
    ~FakeApiServerThread();
    bool start(const QList<QJsonObject> &objects); // listens on a free port
    // Lives in the server thread: the thread-safe methods above may be called directly; for
    // anything else use QMetaObject::invokeMethod with Qt::BlockingQueuedConnection.
    FakeApiServer *server() const;
    QUrl url() const;
    // FakeApiServer::writeKubeconfig, run in the server's thread.
    bool writeKubeconfig(const QString &path, const TestPki &pki,
                         FakeApiServer::Credentials credentials) const;

private:
    std::unique_ptr<QThread> m_thread;
    FakeApiServer *m_server = nullptr;
    QUrl m_url;
};

// A synthetic homelab-shaped cluster of about `count` objects over many types (namespaces,
// deployments, services, configmaps, secrets, pods, ...), for paging tests and benchmarks.
QList<QJsonObject> generateCluster(int count);

} // namespace Fluxdesk::Testing
