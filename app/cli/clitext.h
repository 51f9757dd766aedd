#pragma once

#include <QCoreApplication>

namespace Fluxdesk::Cli {

// The translation context of fluxdesk-cli's messages: Text::tr("...") is what lupdate extracts.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::Cli)
};

} // namespace Fluxdesk::Cli
