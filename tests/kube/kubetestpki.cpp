#include "kubetestpki.h"

#include <QFile>
#include <QProcess>

namespace Fluxdesk::Testing {

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

bool KubeTestPki::run(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QLatin1String("openssl ") + args.join(QLatin1Char(' ')) + QLatin1String(": ") +
                  QString::fromLocal8Bit(p.readAllStandardError()) + p.errorString();
        return false;
    }
    return true;
}

bool KubeTestPki::finish(const QString &name, TestCertificate *out)
{
    out->certFile = m_dir + QLatin1Char('/') + name + QLatin1String(".crt");
    out->keyFile = m_dir + QLatin1Char('/') + name + QLatin1String(".key");
    out->certPem = readAll(out->certFile);
    out->keyPem = readAll(out->keyFile);
    if (out->certPem.isEmpty() || out->keyPem.isEmpty()) {
        m_error = QLatin1String("no output for ") + name;
        return false;
    }
    return true;
}

bool KubeTestPki::selfSigned(const QString &name, const QStringList &newkey, const QString &convert,
                             KeyFormat format, TestCertificate *out)
{
    const QString crt = name + QLatin1String(".crt");
    const QString key = name + QLatin1String(".key");
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509")};
    args << newkey
         << QStringList{QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"),
                        key,
                        QStringLiteral("-out"),
                        crt,
                        QStringLiteral("-subj"),
                        QLatin1String("/CN=") + name,
                        QStringLiteral("-days"),
                        QStringLiteral("30")};
    if (!run(args))
        return false;
    // OpenSSL 3 writes PKCS#8; the older "traditional" forms are still common in kubeconfigs.
    // `openssl ec` writes SEC1 by default; `openssl rsa` must be asked for PKCS#1.
    QStringList convertArgs{convert, QStringLiteral("-in"), key, QStringLiteral("-out"), key};
    if (convert == QLatin1String("rsa"))
        convertArgs << QStringLiteral("-traditional");
    if (format == KeyFormat::Traditional && !run(convertArgs))
        return false;
    return finish(name, out);
}

bool KubeTestPki::rsa(const QString &name, TestCertificate *out, KeyFormat format)
{
    return selfSigned(name, {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")},
                      QStringLiteral("rsa"), format, out);
}

bool KubeTestPki::ec(const QString &name, TestCertificate *out, KeyFormat format)
{
    return selfSigned(name,
                      {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:P-256")},
                      QStringLiteral("ec"), format, out);
}

bool KubeTestPki::expired(const QString &name, TestCertificate *out)
{
    const QString key = name + QLatin1String(".key");
    const QString csr = name + QLatin1String(".csr");
    const QString db = m_dir + QLatin1Char('/') + name + QLatin1String("-ca");
    const QByteArray config = "[ca]\ndefault_ca = d\n[d]\ndatabase = " + db.toUtf8() +
                              ".index\nnew_certs_dir = " + m_dir.toUtf8() +
                              "\nserial = " + db.toUtf8() +
                              ".serial\ndefault_md = sha256\npolicy = p\nunique_subject = no\n"
                              "[p]\ncommonName = supplied\n";
    if (!writeAll(db + QLatin1String(".cnf"), config) ||
        !writeAll(db + QLatin1String(".index"), {}) ||
        !writeAll(db + QLatin1String(".serial"), "01\n")) {
        m_error = QStringLiteral("cannot write the openssl ca database");
        return false;
    }
    if (!run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
              QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
              QStringLiteral("-out"), csr, QStringLiteral("-subj"), QLatin1String("/CN=") + name}))
        return false;
    if (!run({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
              db + QLatin1String(".cnf"), QStringLiteral("-selfsign"), QStringLiteral("-keyfile"),
              key, QStringLiteral("-in"), csr, QStringLiteral("-out"), name + QLatin1String(".crt"),
              QStringLiteral("-notext"), QStringLiteral("-startdate"),
              QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
              QStringLiteral("20200102000000Z")}))
        return false;
    return finish(name, out);
}

} // namespace Fluxdesk::Testing
