#include "age.h"

#include <openssl/crypto.h>

#include <utility>

namespace Fluxdesk::Age {

namespace {

void wipe(QByteArray &bytes)
{
    // A shared buffer is still someone else's: detaching it here would only wipe a fresh copy.
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes = QByteArray();
}

} // namespace

SecretBytes::SecretBytes(QByteArray bytes) : m_bytes(std::move(bytes)) {}

SecretBytes::SecretBytes(const SecretBytes &other) = default;

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    wipe(m_bytes);
}

void SecretBytes::clear()
{
    wipe(m_bytes);
}

} // namespace Fluxdesk::Age
