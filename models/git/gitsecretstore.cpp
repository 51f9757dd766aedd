#include "gitsecretstore.h"

#ifdef FLUXDESK_HAVE_QTKEYCHAIN
#include "gitkeychainstore.h"
#endif

#include <QUrl>

namespace Fluxdesk {

QString GitSecretStore::keyFor(const QString &url)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    QUrl key;
    key.setScheme(parsed.scheme().toLower());
    key.setHost(parsed.host()); // QUrl lower-cases it
    key.setPort(parsed.port());
    key.setUserName(parsed.userName());
    return key.toString(QUrl::FullyEncoded);
}

std::optional<GitUserPass> ReadOnlySecretStore::find(const QString &url)
{
    return m_store ? m_store->find(url) : std::nullopt;
}

GitResult<GitDone> ReadOnlySecretStore::store(const QString &, const GitUserPass &)
{
    return GitDone{};
}

GitResult<GitDone> ReadOnlySecretStore::erase(const QString &)
{
    return GitDone{};
}

std::unique_ptr<GitSecretStore> createSystemSecretStore()
{
#ifdef FLUXDESK_HAVE_QTKEYCHAIN
    return std::make_unique<GitKeychainStore>();
#else
    return nullptr;
#endif
}

} // namespace Fluxdesk
