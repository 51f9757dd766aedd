#include "giturl.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

#include <utility>

namespace Fluxdesk {

namespace {

struct Authority
{
    qsizetype userStart = -1; // -1: no userinfo
    qsizetype userEnd = -1;   // the ':' before the password, or the '@'
    qsizetype at = -1;        // the '@' that ends the userinfo
};

// Where the userinfo of "scheme://user:password@host/path" sits, found by hand: QUrl normalises
// (and may refuse) the very URLs that are worth hiding.
Authority findUserInfo(const QString &url)
{
    Authority found;
    // "scheme://authority..." or a scheme-relative "//authority..."
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    qsizetype start = 0;
    if (url.startsWith(QLatin1String("//")))
        start = 2;
    else if (scheme > 0)
        start = scheme + 3;
    else
        return found;
    qsizetype end = url.size();
    for (qsizetype i = start; i < url.size(); ++i) {
        const QChar c = url.at(i);
        if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#')) {
            end = i;
            break;
        }
    }
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < start)
        return found;
    found.userStart = start;
    found.at = at;
    const qsizetype colon = url.indexOf(QLatin1Char(':'), start);
    found.userEnd = colon >= 0 && colon < at ? colon : at;
    return found;
}

QString decoded(const QString &part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

bool looksLikeToken(const QString &user)
{
    static const char *const prefixes[] = {"ghp_",        "gho_",   "ghu_",  "ghs_",   "ghr_",
                                           "github_pat_", "glpat-", "gldt-", "glptt-", "glrt-"};
    for (const char *prefix : prefixes) {
        if (user.startsWith(QLatin1String(prefix), Qt::CaseInsensitive))
            return true;
    }
    // A user name is short and mostly letters; a token is a long run of letters and digits.
    if (user.size() < 20)
        return false;
    bool digit = false;
    bool letter = false;
    for (const QChar c : user) {
        digit = digit || c.isDigit();
        letter = letter || c.isLetter();
        if (c == QLatin1Char('.') || c == QLatin1Char('@') || c.isSpace())
            return false; // an e-mail address or a name
    }
    return digit && letter;
}

QString encodeControls(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("%%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper();
        else
            out += c;
    }
    return out;
}

} // namespace

QString displayUrl(const QString &url)
{
    const Authority info = findUserInfo(url);
    if (info.at < 0)
        return encodeControls(url);
    const QString user = url.mid(info.userStart, info.userEnd - info.userStart);
    const QString rest = url.mid(info.at + 1);
    const QString scheme = url.left(info.userStart);
    if (user.isEmpty() || looksLikeToken(decoded(user)))
        return encodeControls(scheme + rest);
    return encodeControls(scheme + user + QLatin1Char('@') + rest);
}

QString redactUrlSecrets(const QString &text, const QString &url)
{
    if (url.isEmpty())
        return text;
    QString out = text;
    out.replace(url, displayUrl(url));
    const Authority info = findUserInfo(url);
    if (info.at < 0)
        return out;
    QStringList secrets;
    if (info.userEnd < info.at)
        secrets << url.mid(info.userEnd + 1, info.at - info.userEnd - 1);
    const QString user = url.mid(info.userStart, info.userEnd - info.userStart);
    if (looksLikeToken(decoded(user)))
        secrets << user;
    for (const QString &secret : std::as_const(secrets)) {
        // Short secrets would match ordinary words of the message; the URL itself is replaced
        // above whatever their length.
        for (const QString &form : {secret, decoded(secret)}) {
            if (form.size() >= 4)
                out.replace(form, QStringLiteral("***"));
        }
    }
    return out;
}

} // namespace Fluxdesk
