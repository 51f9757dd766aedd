#include "fakeapiserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace Fluxdesk::Testing {

namespace {

// One config for every step: request defaults, the extension sections, and an "openssl ca"
// section used for the expired certificate (x509 -req in OpenSSL 3.0 cannot backdate).
const char OpensslConfig[] = R"([ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign,digitalSignature
subjectKeyIdentifier = hash
[ server ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ client ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
[ client_ec ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
[ ca ]
default_ca = testca
[ testca ]
dir = .
database = index.txt
new_certs_dir = newcerts
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[ policy_any ]
commonName = supplied
organizationName = optional
)";

class Openssl
{
public:
    explicit Openssl(const QString &dir) : m_dir(dir) {}

    // Runs openssl in the PKI folder; on failure records the command and its stderr.
    bool run(const QStringList &arguments)
    {
        if (!error.isEmpty())
            return false;
        QProcess process;
        process.setWorkingDirectory(m_dir);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral("openssl"), arguments);
        if (!process.waitForStarted(10000)) {
            error = QStringLiteral("cannot run openssl: ") + process.errorString();
            return false;
        }
        process.closeWriteChannel();
        process.waitForFinished(60000);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            error = QStringLiteral("openssl ") + arguments.join(QLatin1Char(' ')) +
                    QStringLiteral(" failed: ") +
                    QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
            return false;
        }
        return true;
    }

    QString error;

private:
    QString m_dir;
};

QStringList rsaRequest(const QString &key, const QString &csr, const QString &subject)
{
    return {QStringLiteral("req"),
            QStringLiteral("-new"),
            QStringLiteral("-config"),
            QStringLiteral("openssl.cnf"),
            QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"),
            QStringLiteral("-keyout"),
            key,
            QStringLiteral("-out"),
            csr,
            QStringLiteral("-subj"),
            subject};
}

QStringList sign(const QString &csr, const QString &ca, const QString &caKey, const QString &out,
                 const QString &extensions)
{
    return {QStringLiteral("x509"),
            QStringLiteral("-req"),
            QStringLiteral("-in"),
            csr,
            QStringLiteral("-CA"),
            ca,
            QStringLiteral("-CAkey"),
            caKey,
            QStringLiteral("-CAcreateserial"),
            QStringLiteral("-out"),
            out,
            QStringLiteral("-days"),
            QStringLiteral("825"),
            QStringLiteral("-sha256"),
            QStringLiteral("-extfile"),
            QStringLiteral("openssl.cnf"),
            QStringLiteral("-extensions"),
            extensions};
}

QStringList selfSignedCa(const QString &key, const QString &cert, const QString &subject)
{
    return {QStringLiteral("req"),
            QStringLiteral("-x509"),
            QStringLiteral("-new"),
            QStringLiteral("-config"),
            QStringLiteral("openssl.cnf"),
            QStringLiteral("-extensions"),
            QStringLiteral("v3_ca"),
            QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"),
            QStringLiteral("-keyout"),
            key,
            QStringLiteral("-out"),
            cert,
            QStringLiteral("-days"),
            QStringLiteral("3650"),
            QStringLiteral("-sha256"),
            QStringLiteral("-subj"),
            subject};
}

} // namespace

TestPki TestPki::generate(const QString &directory)
{
    TestPki pki;
    QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("newcerts"))) {
        pki.error = QStringLiteral("cannot create ") + directory;
        return pki;
    }
    pki.dir = dir.absolutePath();
    auto path = [&dir](const char *name) {
        return dir.absoluteFilePath(QString::fromLatin1(name));
    };
    pki.caCert = path("ca.crt");
    pki.caKey = path("ca.key");
    pki.serverCert = path("server.crt");
    pki.serverKey = path("server.key");
    pki.clientCert = path("client.crt");
    pki.clientKey = path("client.key");
    pki.ecClientCert = path("client-ec.crt");
    pki.ecClientKey = path("client-ec.key");
    pki.expiredClientCert = path("client-expired.crt");
    pki.expiredClientKey = path("client-expired.key");
    pki.otherCaCert = path("other-ca.crt");
    pki.otherCaKey = path("other-ca.key");
    pki.foreignClientCert = path("client-foreign.crt");
    pki.foreignClientKey = path("client-foreign.key");

    auto writeFile = [&pki](const QString &file, const QByteArray &content) {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            pki.error = QStringLiteral("cannot write ") + file;
    };
    writeFile(path("openssl.cnf"), QByteArray(OpensslConfig));
    writeFile(path("index.txt"), QByteArray());
    writeFile(path("serial"), QByteArrayLiteral("1000\n"));
    if (!pki.error.isEmpty())
        return pki;

    Openssl openssl(pki.dir);
    openssl.run(selfSignedCa(pki.caKey, pki.caCert, QStringLiteral("/CN=fluxdesk-test-ca")));
    openssl.run(rsaRequest(pki.serverKey, path("server.csr"), QStringLiteral("/CN=127.0.0.1")));
    openssl.run(
        sign(path("server.csr"), pki.caCert, pki.caKey, pki.serverCert, QStringLiteral("server")));
    openssl.run(rsaRequest(pki.clientKey, path("client.csr"),
                           QStringLiteral("/O=system:masters/CN=fluxdesk-test")));
    openssl.run(
        sign(path("client.csr"), pki.caCert, pki.caKey, pki.clientCert, QStringLiteral("client")));
    // SEC1 EC key, as K3s writes its client keys.
    openssl.run({QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
                 QStringLiteral("-genkey"), QStringLiteral("-noout"), QStringLiteral("-out"),
                 pki.ecClientKey});
    openssl.run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"),
                 QStringLiteral("openssl.cnf"), QStringLiteral("-key"), pki.ecClientKey,
                 QStringLiteral("-out"), path("client-ec.csr"), QStringLiteral("-subj"),
                 QStringLiteral("/O=system:masters/CN=fluxdesk-test-ec")});
    openssl.run(sign(path("client-ec.csr"), pki.caCert, pki.caKey, pki.ecClientCert,
                     QStringLiteral("client_ec")));
    openssl.run(rsaRequest(pki.expiredClientKey, path("client-expired.csr"),
                           QStringLiteral("/O=system:masters/CN=fluxdesk-expired")));
    openssl.run({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                 QStringLiteral("openssl.cnf"), QStringLiteral("-cert"), pki.caCert,
                 QStringLiteral("-keyfile"), pki.caKey, QStringLiteral("-in"),
                 path("client-expired.csr"), QStringLiteral("-out"), pki.expiredClientCert,
                 QStringLiteral("-notext"), QStringLiteral("-extensions"), QStringLiteral("client"),
                 QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                 QStringLiteral("-enddate"), QStringLiteral("20200201000000Z")});
    openssl.run(
        selfSignedCa(pki.otherCaKey, pki.otherCaCert, QStringLiteral("/CN=fluxdesk-other-ca")));
    openssl.run(rsaRequest(pki.foreignClientKey, path("client-foreign.csr"),
                           QStringLiteral("/O=system:masters/CN=fluxdesk-foreign")));
    openssl.run(sign(path("client-foreign.csr"), pki.otherCaCert, pki.otherCaKey,
                     pki.foreignClientCert, QStringLiteral("client")));
    pki.error = openssl.error;
    return pki;
}

} // namespace Fluxdesk::Testing
