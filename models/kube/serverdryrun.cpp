#include "serverdryrun.h"

namespace Fluxdesk {

struct ServerDryRun::Private
{
    ConnectionSettings settings;
};

ServerDryRun::ServerDryRun(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent), d(new Private{settings})
{}

ServerDryRun::~ServerDryRun() = default;

void ServerDryRun::start(const QList<QJsonObject> &objects)
{
    Q_UNUSED(objects);
}

void ServerDryRun::cancel() {}

} // namespace Fluxdesk
