// Kubeconfig parsing: any bytes in, a kubeconfig or an error out, no crash. Each context is then
// resolved (base64 certificates and keys decoded and parsed) unless resolving would read a file
// or run an exec plugin: a fuzz target touches neither disk nor processes.
#include "fuzzsupport.h"

#include "kube/connectionsettings.h"
#include "kube/kubeconfig.h"

using namespace Fluxdesk;

namespace {

bool touchesOutside(const KubeCluster *cluster, const KubeUser *user)
{
    if (cluster && !cluster->certificateAuthorityFile.isEmpty())
        return true;
    return user && (user->hasExec || !user->clientCertificateFile.isEmpty() ||
                    !user->clientKeyFile.isEmpty() || !user->tokenFile.isEmpty());
}

} // namespace

FLUXDESK_FUZZ_SETUP()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // An absolute name in a folder that does not exist: relative paths resolve against it.
    const Result<Kubeconfig> config = Kubeconfig::loadFromData(
        FluxdeskFuzz::bytesOf(data, size), QStringLiteral("/nonexistent/fuzz/kubeconfig"));
    if (!config.ok()) {
        if (config.error().message.isEmpty())
            FluxdeskFuzz::fail("an error without a message", config.error().toString());
        return 0;
    }
    int resolved = 0;
    for (const KubeContext &context : config->contexts()) {
        if (config->context(context.name) == nullptr)
            FluxdeskFuzz::fail("a listed context cannot be found by its name", context.name);
        const KubeCluster *cluster = config->cluster(context.cluster);
        const KubeUser *user = config->user(context.user);
        if (touchesOutside(cluster, user) || ++resolved > 4)
            continue;
        const Result<ConnectionSettings> settings = resolveContext(*config, context.name);
        if (settings.ok() && settings->contextName != context.name)
            FluxdeskFuzz::fail("resolved another context", settings->contextName);
    }
    return 0;
}
