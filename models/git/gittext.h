#pragma once

#include <QCoreApplication>

namespace Fluxdesk {

// The translation context of models/git's messages: GitText::tr("...") is what lupdate extracts.
class GitText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::Git)
};

} // namespace Fluxdesk
