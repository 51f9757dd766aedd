#pragma once

// What a bootstrap is asked to do (BootstrapOptions) and what it did (BootstrapResult): plain
// values shared by BootstrapSession, the command line and the window's wizard, which fills them
// without touching git or the network.

#include "flux/bootstrapapply.h"
#include "flux/deploykey.h"
#include "flux/githostapi.h"
#include "flux/takeover.h"
#include "git/gitcredentials.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Fluxdesk {

struct BootstrapOptions
{
    QString repoDir;
    QString cluster;
    // The URL Flux reads the repository from; empty: the checkout's remote as Flux must see it
    // (fluxSyncUrl). Set it when the cluster reaches the Git host by another address.
    QString syncUrl;

    enum class Components
    {
        FluxCli,  // `flux install --export` of a flux CLI on PATH
        Download, // the release's install.yaml, checksum-verified
        File,     // a file the user picked
    };
    Components components = Components::Download;
    QString fluxVersion; // "2.6.1"; for FluxCli and Download
    QString componentsFile;
    QUrl releaseBaseUrl; // empty: Flux's GitHub releases
    QString fluxProgram; // empty: `flux` on PATH

    // The Flux Operator's FluxInstance instead of the gotk files (the operator must run).
    bool useOperator = false;
    QString operatorDistribution = QStringLiteral("2.x");

    enum class Credentials
    {
        SshDeployKey, // a key made here, its public half added to the Git host
        HttpsToken,   // username and token
        Existing,     // the flux-system Secret is there already: leave it
    };
    Credentials credentials = Credentials::SshDeployKey;
    DeployKeyType keyType = DeployKeyType::EcdsaP384;
    QString httpsUsername = QStringLiteral("git");
    QString httpsToken; // never logged, never in a message
    // Add the deploy key through the host's API with this token (GitHub, Gitea/Forgejo);
    // without, the public key is shown to add by hand (deployKeyReady).
    std::optional<GitHostKind> hostApi;
    QString hostToken;
    QUrl hostApiBase;

    // With encrypted Secrets: the age keys (keys.txt text) Flux decrypts with, applied as the
    // Secret flux-system/sops-age with Flux (Sops::clusterKeys()); empty: none. The window asks
    // with giveSopsAgeKey and its controller reads the keys.
    QByteArray sopsAgeKeys;
    bool giveSopsAgeKey = false;

    GitCredentialSettings git; // known_hosts, keys and helpers for the push
    QString commitMessage = QStringLiteral("Add Flux sync manifests");
    // Recorded with the files when the checkout holds none yet (what ran before Flux).
    std::optional<TakeoverBaseline> baseline;
    BootstrapApply::Options apply;
};

struct BootstrapResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;       // what failed, in git's or the server's words
    QString failedStep;  // the step's title
    QStringList written; // files written into the checkout
    QString commit;      // the commit made ("" when nothing was to commit)
    bool pushed = false;
    QString publicKey;           // the deploy key's public half (SSH)
    QString fingerprint;         // its SHA256 fingerprint
    QUrl deployKeysPage;         // where to add it by hand
    bool deployKeyAdded = false; // through the host's API
    BootstrapApplyReport apply;
};

} // namespace Fluxdesk

Q_DECLARE_METATYPE(Fluxdesk::BootstrapOptions)
Q_DECLARE_METATYPE(Fluxdesk::BootstrapResult)
