#pragma once

#include <QCoreApplication>

namespace Fluxdesk::Age {

// The translation context of every age message.
class AgeText
{
    Q_DECLARE_TR_FUNCTIONS(Fluxdesk::Age)
};

} // namespace Fluxdesk::Age
