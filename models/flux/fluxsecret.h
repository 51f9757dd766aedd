#pragma once

#include <QJsonObject>
#include <QString>

namespace Fluxdesk {

struct DeployKey;
struct FluxKnownHosts;

// The Secret Flux's GitRepository reads the repository with (spec.secretRef), as
// `flux create secret git` and `flux bootstrap` make it: namespace and name flux-system.
// The objects are ready for server-side apply; they hold the secret in `data` (base64), so the
// caller applies them and lets them go: never written into the repository, logged or shown (show
// describeFluxSecret instead).
inline constexpr char FluxSecretName[] = "flux-system";
inline constexpr char FluxSecretNamespace[] = "flux-system";

// SSH: data identity (the private key), identity.pub and known_hosts.
QJsonObject fluxSshSecret(const DeployKey &key, const FluxKnownHosts &knownHosts,
                          const QString &name = QLatin1String(FluxSecretName),
                          const QString &ns = QLatin1String(FluxSecretNamespace));
// HTTPS with a token: data username and password (`flux create secret git --username
// --password`); GitHub and Gitea take any user name with a token, "git" by convention.
QJsonObject fluxTokenSecret(const QString &username, const QString &token,
                            const QString &name = QLatin1String(FluxSecretName),
                            const QString &ns = QLatin1String(FluxSecretNamespace));

// What the Secret holds, for the window and the CLI: its name, and per key what it is without
// the secret (the public key's type, fingerprint and comment; known_hosts' hosts and key
// fingerprints; "hidden" for the private key, the password and anything unknown).
QString describeFluxSecret(const QJsonObject &secret);

} // namespace Fluxdesk
