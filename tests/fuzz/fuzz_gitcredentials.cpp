// The request text for `git credential fill|approve|reject` (credentialRequestText): a remote URL
// in, "key=value" lines and an empty line out, or a refusal. The input is the URL, optionally
// followed by "\x01username" and "\x01password" (set decoded, as the sign-in dialog's answers are).
// Read back as git reads it (lines split at '\n', the key up to the first '='), the text must hold
// exactly the URL's own protocol and host, each once, and nothing after the empty line: no URL
// can make a helper answer for another host (CVE-2020-5260). A refusal never depends on the
// password's value (it would show it).
#include "fuzzsupport.h"

#include "git/gitcredentials.h"

#include <QList>
#include <QMap>
#include <QUrl>

using namespace Fluxdesk;

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = FluxdeskFuzz::bytesOf(data, size).split('\x01');
    QUrl url(QString::fromUtf8(parts.value(0)), QUrl::TolerantMode);
    if (parts.size() > 1)
        url.setUserName(QString::fromUtf8(parts.at(1)), QUrl::DecodedMode);
    if (parts.size() > 2)
        url.setPassword(QString::fromUtf8(parts.at(2)), QUrl::DecodedMode);

    const Result<QByteArray> text = credentialRequestText(url);
    const QString password = url.password(QUrl::FullyDecoded);
    if (!text.ok()) {
        if (text.error().message.isEmpty())
            FluxdeskFuzz::fail("a refusal without a message", QString());
        if (!password.isEmpty()) {
            QUrl other = url;
            other.setPassword(QString(password.size(), QLatin1Char('x')), QUrl::DecodedMode);
            const Result<QByteArray> refusedToo = credentialRequestText(other);
            if (!refusedToo.ok() && refusedToo.error().message != text.error().message)
                FluxdeskFuzz::fail("a refusal's message depends on the password",
                                   refusedToo.error().message);
        }
        return 0;
    }

    const QByteArray &request = *text;
    if (!request.endsWith("\n\n") || request.indexOf("\n\n") != request.size() - 2)
        FluxdeskFuzz::fail("the request does not end at its one empty line",
                           QString::fromUtf8(request));
    if (request.contains('\0') || request.contains('\r'))
        FluxdeskFuzz::fail("the request holds a NUL or a carriage return",
                           QString::fromUtf8(request));
    QMap<QByteArray, QByteArray> fields;
    const QList<QByteArray> lines = request.left(request.size() - 2).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            FluxdeskFuzz::fail("a line without a key", QString::fromUtf8(request));
        const QByteArray key = line.left(eq);
        if (fields.contains(key))
            FluxdeskFuzz::fail("a key given twice", QString::fromUtf8(request));
        fields.insert(key, line.mid(eq + 1));
    }
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        static const QList<QByteArray> known{"protocol", "host", "path", "username", "password"};
        if (!known.contains(it.key()))
            FluxdeskFuzz::fail("an unknown key", QString::fromUtf8(request));
    }
    QString host = url.host(QUrl::FullyDecoded);
    if (url.port() > 0)
        host += QLatin1Char(':') + QString::number(url.port());
    if (fields.value("protocol") != url.scheme().toUtf8() || fields.value("host") != host.toUtf8())
        FluxdeskFuzz::fail(
            "the request names another protocol or host than the URL",
            QStringLiteral("URL host %1, request:\n%2").arg(host, QString::fromUtf8(request)));
    return 0;
}
