#include "componentssource.h"

#include "git/giturl.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

namespace Fluxdesk {

namespace {

// The last lines of a program's error output, enough to say why it failed.
QString tail(const QByteArray &output)
{
    QStringList lines = QString::fromUtf8(output).trimmed().split(QLatin1Char('\n'));
    if (lines.size() > 12)
        lines = lines.mid(lines.size() - 12);
    QString text = lines.join(QLatin1Char('\n')).trimmed();
    if (text.size() > 2000)
        text = text.right(2000);
    return text;
}

QUrl below(const QUrl &base, const QString &relative)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + relative);
    return url;
}

// The sha256 that a goreleaser checksums file gives name ("<hex>  <name>" per line), "" if none.
QByteArray checksumOf(const QByteArray &checksums, const QByteArray &name)
{
    for (const QByteArray &line : checksums.split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() == 2 && (parts.at(1) == name || parts.at(1) == '*' + name))
            return parts.at(0).toLower();
    }
    return {};
}

} // namespace

ComponentsSource::ComponentsSource(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{}

ComponentsSource::~ComponentsSource()
{
    stopTransfers();
}

QUrl ComponentsSource::defaultReleaseBaseUrl()
{
    return QUrl(QStringLiteral("https://github.com/fluxcd/flux2/releases/download"));
}

QString ComponentsSource::fluxOnPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("flux"));
}

quint64 ComponentsSource::begin()
{
    stopTransfers();
    m_jobs.cancel();
    m_busy = true;
    m_canceled = false;
    m_manifest.reset();
    m_error = Error();
    return ++m_request;
}

void ComponentsSource::stopTransfers()
{
    if (m_process) {
        disconnect(m_process, nullptr, this, nullptr);
        // Deleted once it has ended (a killed process ends at once), without waiting here.
        if (m_process->state() == QProcess::NotRunning) {
            m_process->deleteLater();
        } else {
            connect(m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), m_process,
                    &QObject::deleteLater);
            m_process->kill();
        }
        m_process = nullptr;
    }
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ComponentsSource::fail(quint64 request, const Error &error)
{
    if (request != m_request || !m_busy)
        return;
    stopTransfers();
    m_jobs.cancel();
    m_busy = false;
    m_error = error;
    Q_EMIT finished(false);
}

void ComponentsSource::cancel()
{
    if (!m_busy)
        return;
    m_canceled = true;
    fail(m_request, Error(tr("cancelled")));
}

void ComponentsSource::fromCli(const QString &version, const QStringList &components)
{
    const quint64 request = begin();
    const auto failSoon = [this, request](const Error &error) {
        QTimer::singleShot(0, this, [this, request, error] { fail(request, error); });
    };
    const QString v = normalizedFluxVersion(version);
    if (v.isEmpty())
        return failSoon(Error(tr("\"%1\" is not a Flux version (such as 2.4.0)").arg(version)));
    static const QRegularExpression componentName(QStringLiteral("^[a-z][a-z0-9-]*$"));
    for (const QString &c : components) {
        if (!componentName.match(c).hasMatch())
            return failSoon(Error(tr("\"%1\" is not a Flux component's name").arg(c)));
    }
    const QString program = m_fluxProgram.isEmpty() ? fluxOnPath() : m_fluxProgram;
    if (program.isEmpty())
        return failSoon(Error(tr("there is no flux CLI on PATH: install it "
                                 "(https://fluxcd.io/flux/installation/), or download the "
                                 "release's install.yaml instead")));
    const QStringList arguments{
        QStringLiteral("install"), QStringLiteral("--export"), QStringLiteral("--version=") + v,
        QStringLiteral("--components=") + components.join(QLatin1Char(','))};
    const QString origin = QStringLiteral("flux ") + arguments.join(QLatin1Char(' '));
    auto *process = new QProcess(this);
    m_process = process;
    auto output = std::make_shared<QByteArray>();
    connect(process, &QProcess::readyReadStandardOutput, this, [=] {
        output->append(process->readAllStandardOutput());
        Q_EMIT progress(output->size(), 0, origin);
        if (output->size() > m_maxBytes)
            fail(request, Error(tr("%1 printed more than %2 MB; stopped it")
                                    .arg(origin)
                                    .arg(m_maxBytes / (1024 * 1024))));
    });
    connect(process, &QProcess::errorOccurred, this, [=](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(request,
                 Error(tr("cannot run %1: %2").arg(program, process->errorString()), program));
    });
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [=](int code, QProcess::ExitStatus status) {
                output->append(process->readAllStandardOutput());
                const QString errors = tail(process->readAllStandardError());
                if (status != QProcess::NormalExit || code != 0) {
                    //: %1 the command, %2 its exit code, %3 what it printed on stderr
                    fail(request,
                         Error(tr("%1 failed (exit code %2): %3")
                                   .arg(origin)
                                   .arg(status == QProcess::NormalExit ? code : -1)
                                   .arg(errors.isEmpty() ? tr("it said nothing") : errors)));
                    return;
                }
                m_process = nullptr;
                process->deleteLater();
                check(request, *output, origin, v);
            });
    QTimer::singleShot(m_timeoutMs, process, [=] {
        fail(request, Error(tr("%1 did not finish within %2 s; stopped it")
                                .arg(origin)
                                .arg(m_timeoutMs / 1000.0)));
    });
    process->setProgram(program);
    process->setArguments(arguments);
    process->start();
}

QNetworkReply *ComponentsSource::get(quint64 request, const QUrl &url, const QString &what)
{
    QNetworkRequest req(url);
    // GitHub answers release assets with a redirect to its storage.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_nam->get(req);
    m_reply = reply;
    auto received = std::make_shared<qint64>(0);
    connect(reply, &QNetworkReply::downloadProgress, this, [=](qint64 done, qint64 total) {
        if (request != m_request)
            return;
        if (total > m_maxBytes || done > m_maxBytes) {
            fail(request, Error(tr("%1 is larger than %2 MB: refusing it (no Flux release's "
                                   "is)")
                                    .arg(displayUrl(url.toString()))
                                    .arg(m_maxBytes / (1024 * 1024))));
            return;
        }
        Q_EMIT progress(done, total, what);
    });
    return reply;
}

QString ComponentsSource::replyError(QNetworkReply *reply) const
{
    if (reply->error() == QNetworkReply::NoError)
        return {};
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return reply->errorString();
    const QString reason =
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
    QString body = QString::fromUtf8(reply->read(4096)).simplified();
    if (body.size() > 300)
        body = body.left(300) + QStringLiteral("…");
    QString text = QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
    if (!body.isEmpty())
        text += QStringLiteral(": ") + body;
    return text;
}

void ComponentsSource::download(const QString &version)
{
    const quint64 request = begin();
    const QString v = normalizedFluxVersion(version);
    if (v.isEmpty()) {
        const Error error(tr("\"%1\" is not a Flux version (such as 2.4.0)").arg(version));
        QTimer::singleShot(0, this, [this, request, error] { fail(request, error); });
        return;
    }
    const QUrl checksumsUrl = below(m_baseUrl, v + QStringLiteral("/flux_") + v.mid(1) +
                                                   QStringLiteral("_checksums.txt"));
    const QUrl installUrl = below(m_baseUrl, v + QStringLiteral("/install.yaml"));
    QNetworkReply *sums = get(request, checksumsUrl, QStringLiteral("checksums"));
    connect(sums, &QNetworkReply::finished, this, [=] {
        sums->deleteLater();
        if (request != m_request)
            return;
        const QString where = displayUrl(checksumsUrl.toString());
        if (const QString error = replyError(sums); !error.isEmpty())
            return fail(
                request,
                Error(tr("cannot download the checksums of Flux %1: %2").arg(v, error), where));
        const QByteArray expected = checksumOf(sums->readAll(), "install.yaml");
        QNetworkReply *install = get(request, installUrl, QStringLiteral("install.yaml"));
        connect(install, &QNetworkReply::finished, this, [=] {
            install->deleteLater();
            if (request != m_request)
                return;
            const QString origin = displayUrl(installUrl.toString());
            if (const QString error = replyError(install); !error.isEmpty())
                return fail(request, Error(tr("cannot download the components manifest of Flux "
                                              "%1: %2")
                                               .arg(v, error),
                                           origin));
            m_reply = nullptr;
            check(request, install->readAll(), origin, v, expected, !expected.isEmpty());
        });
    });
}

void ComponentsSource::fromFile(const QString &path)
{
    const quint64 request = begin();
    const qint64 maxBytes = m_maxBytes;
    m_jobs.start(
        [path, maxBytes](const JobContext &) -> Result<QByteArray> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error(tr("cannot read: %1").arg(file.errorString()), path);
            if (file.size() > maxBytes)
                return Error(tr("not a Flux components manifest: it is larger than %1 MB")
                                 .arg(maxBytes / (1024 * 1024)),
                             path);
            return file.readAll();
        },
        [this, request, path](Result<QByteArray> text) {
            if (!text)
                return fail(request, text.error());
            check(request, *text, path, {});
        });
}

void ComponentsSource::check(quint64 request, const QByteArray &text, const QString &origin,
                             const QString &version, const QByteArray &expectedSha256,
                             bool checksumListed)
{
    if (request != m_request)
        return;
    m_jobs.start(
        [=](const JobContext &) -> Result<ComponentsManifest> {
            if (checksumListed) {
                const QByteArray actual =
                    QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex();
                if (actual != expectedSha256)
                    //: %1 the computed sha256, %2 the published one
                    return Error(
                        tr("the download's sha256 is %1, but the release's checksums "
                           "file says %2: it is damaged or not the release's; try "
                           "again")
                            .arg(QString::fromLatin1(actual), QString::fromLatin1(expectedSha256)),
                        origin);
            }
            Result<ComponentsManifest> manifest = checkComponentsManifest(text, origin, version);
            if (manifest)
                manifest->checksumVerified = checksumListed;
            return manifest;
        },
        [this, request](Result<ComponentsManifest> manifest) {
            if (request != m_request)
                return;
            if (!manifest)
                return fail(request, manifest.error());
            m_busy = false;
            m_manifest = std::move(*manifest);
            Q_EMIT finished(true);
        });
}

} // namespace Fluxdesk
