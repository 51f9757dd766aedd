// HTTPS for git transfers: the process-wide CA gate, restoring the system's CAs, what the git
// config says about verification, and libgit2's certificate texts (used by gittransfer.cpp).
#include "gittls.h"

#include "githandles.h"
#include "gittext.h"

#include <QFile>
#include <QFileInfo>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace Fluxdesk::GitTls {

namespace {

// libgit2's CA list is process-wide (GIT_OPT_SET_SSL_CERT_LOCATIONS): one HTTPS operation at a
// time may own it. A flag under a condition variable rather than a std::mutex because the
// operation may end (finish() from the destructor) on another thread than the one it began on.
struct TlsGate
{
    std::mutex mutex;
    std::condition_variable released;
    bool busy = false;
};

TlsGate &tlsGate()
{
    static TlsGate gate;
    return gate;
}

} // namespace

// Waits for the gate; false when the transfer was cancelled meanwhile.
bool acquireTlsGate(const std::atomic_bool &cancelled)
{
    TlsGate &gate = tlsGate();
    std::unique_lock<std::mutex> lock(gate.mutex);
    while (gate.busy) {
        if (cancelled.load())
            return false;
        gate.released.wait_for(lock, std::chrono::milliseconds(100));
    }
    gate.busy = true;
    return true;
}

void releaseTlsGate()
{
    TlsGate &gate = tlsGate();
    {
        std::lock_guard<std::mutex> lock(gate.mutex);
        gate.busy = false;
    }
    gate.released.notify_one();
}

// Where libgit2 finds the system's CAs: put back after an operation that used its own CA file.
// With mbedTLS (Debian's libgit2) setting a location replaces the list, so this restores exactly
// the default. With the OpenSSL backend a location is added to the store and cannot be taken
// out again: there a CA configured for one repository stays trusted for the process.
void restoreDefaultCertificates()
{
    static const char *const files[] = {
        "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Arch
        "/etc/pki/tls/certs/ca-bundle.crt",   // Fedora, RHEL
        "/etc/ssl/ca-bundle.pem",             // openSUSE
        "/etc/ssl/cert.pem",                  // Alpine, BSDs
    };
    for (const char *file : files) {
        if (QFileInfo(QString::fromLatin1(file)).isFile()) {
            git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, nullptr);
            return;
        }
    }
    if (QFileInfo(QStringLiteral("/etc/ssl/certs")).isDir())
        git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, nullptr, "/etc/ssl/certs");
}

TlsConfig readTlsConfig(git_repository *repo)
{
    TlsConfig result;
    git_config *raw = nullptr;
    int rc = repo ? git_repository_config_snapshot(&raw, repo) : git_config_open_default(&raw);
    if (rc < 0) {
        result.error = lastGitError(rc, GitText::tr("cannot read the git configuration"));
        return result;
    }
    GitHandles::Config config(raw);
    if (!repo) {
        git_config *snapshot = nullptr;
        rc = git_config_snapshot(&snapshot, config.get());
        if (rc < 0) {
            result.error = lastGitError(rc, GitText::tr("cannot read the git configuration"));
            return result;
        }
        config.reset(snapshot);
    }
    int verify = 1;
    rc = git_config_get_bool(&verify, config.get(), "http.sslverify");
    if (rc < 0 && rc != GIT_ENOTFOUND) {
        result.error = lastGitError(rc, GitText::tr("cannot read http.sslVerify"));
        return result;
    }
    result.verify = rc == GIT_ENOTFOUND || verify != 0;
    GitHandles::Buf path;
    rc = git_config_get_path(&path.buf, config.get(), "http.sslcainfo");
    if (rc < 0 && rc != GIT_ENOTFOUND) {
        result.error = lastGitError(rc, GitText::tr("cannot read http.sslCAInfo"));
        return result;
    }
    if (rc == 0)
        result.caInfo = QFile::decodeName(QByteArray(path.buf.ptr, int(path.buf.size)));
    return result;
}

// "the SSL certificate is invalid: 0x08 - The certificate is not correctly signed by the
// trusted CA" -> "the certificate is not correctly signed by the trusted CA"; other texts as
// libgit2 wrote them.
QString certificateReason(const QString &libgit2Text)
{
    QString reason = libgit2Text;
    const qsizetype dash = reason.indexOf(QLatin1String(" - "));
    if (reason.startsWith(QLatin1String("the SSL certificate is invalid")) && dash > 0)
        reason = reason.mid(dash + 3);
    reason = reason.trimmed();
    if (!reason.isEmpty())
        reason[0] = reason.at(0).toLower();
    return reason;
}

} // namespace Fluxdesk::GitTls
