#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Fluxdesk::Testing {

// A certificate and its private key, as files in the generator's folder and as PEM bytes.
struct TestCertificate
{
    QString certFile;
    QString keyFile;
    QByteArray certPem;
    QByteArray keyPem;
};

// Small openssl-CLI generator for the kubeconfig tests (kept apart from tests/fakeapi's TestPki
// so these suites build on their own). Every call returns false and sets error() on failure.
class KubeTestPki
{
public:
    explicit KubeTestPki(const QString &dir) : m_dir(dir) {}

    enum class KeyFormat
    {
        Pkcs8,
        Traditional
    }; // Traditional: "RSA PRIVATE KEY" / "EC PRIVATE KEY"

    bool rsa(const QString &name, TestCertificate *out, KeyFormat format = KeyFormat::Pkcs8);
    bool ec(const QString &name, TestCertificate *out, KeyFormat format = KeyFormat::Pkcs8);
    // A self-signed RSA certificate valid only for a day in 2020 (`openssl ca` takes explicit
    // -startdate/-enddate; OpenSSL 3.0's req/x509 refuse a negative -days).
    bool expired(const QString &name, TestCertificate *out);
    QString error() const { return m_error; }

private:
    bool run(const QStringList &args);
    bool selfSigned(const QString &name, const QStringList &newkey, const QString &convert,
                    KeyFormat format, TestCertificate *out);
    bool finish(const QString &name, TestCertificate *out);

    QString m_dir;
    QString m_error;
};

} // namespace Fluxdesk::Testing
