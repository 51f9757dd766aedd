#pragma once

#include "core/error.h"
#include "core/jobrunner.h"
#include "flux/componentsmanifest.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QProcess;

namespace Fluxdesk {

// Where the components manifest of a chosen Flux version comes from, fetched asynchronously on
// the caller's thread (QProcess, QNetworkAccessManager) and checked off it (JobRunner):
//  - a `flux` CLI on PATH: `flux install --export --version=V --components=...`, stopped after a
//    timeout or on cancel;
//  - the release's published install.yaml, downloaded with progress and a size cap, its sha256
//    compared with the release's checksums file (goreleaser lists install.yaml there: flux2's
//    .goreleaser.yml, checksum.extra_files; a release whose checksums do not list it is checked
//    by its content alone, and the result says so);
//  - a file the user picked.
// Each request supersedes the one before: its process or download is stopped and its result
// dropped. finished() reports the one result of the current request.
class ComponentsSource : public QObject
{
    Q_OBJECT
public:
    explicit ComponentsSource(QObject *parent = nullptr);
    ~ComponentsSource() override;

    // Where releases are downloaded from; <base>/v<V>/install.yaml and
    // <base>/v<V>/flux_<V>_checksums.txt.
    static QUrl defaultReleaseBaseUrl();
    void setReleaseBaseUrl(const QUrl &url) { m_baseUrl = url; }
    // The flux CLI to run; "" finds `flux` on PATH.
    void setFluxProgram(const QString &program) { m_fluxProgram = program; }
    // The flux CLI, or a download, is stopped after this long without finishing.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Larger manifests (and checksum files) are refused while they arrive.
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }

    // The `flux` found on PATH ("" when there is none).
    static QString fluxOnPath();

    void fromCli(const QString &version, const QStringList &components);
    void download(const QString &version);
    void fromFile(const QString &path);
    // Stops the current request; finished(false) follows with "cancelled".
    void cancel();

    bool isBusy() const { return m_busy; }
    // After finished(): the manifest (ok) or what went wrong.
    const std::optional<ComponentsManifest> &manifest() const { return m_manifest; }
    Error error() const { return m_error; }
    bool wasCanceled() const { return m_canceled; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total, const QString &what);
    void finished(bool ok);

private:
    quint64 begin();
    void fail(quint64 request, const Error &error);
    void check(quint64 request, const QByteArray &text, const QString &origin,
               const QString &version, const QByteArray &expectedSha256 = {},
               bool checksumListed = false);
    void stopTransfers();
    QNetworkReply *get(quint64 request, const QUrl &url, const QString &what);
    // Error text of a finished reply, in the server's words; "" when it succeeded.
    QString replyError(QNetworkReply *reply) const;

    QUrl m_baseUrl = defaultReleaseBaseUrl();
    QString m_fluxProgram;
    int m_timeoutMs = 120000;
    qint64 m_maxBytes = maxComponentsManifestBytes;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QProcess> m_process;
    QPointer<QNetworkReply> m_reply;
    JobRunner m_jobs;
    quint64 m_request = 0;
    bool m_busy = false;
    bool m_canceled = false;
    std::optional<ComponentsManifest> m_manifest;
    Error m_error;
};

} // namespace Fluxdesk
