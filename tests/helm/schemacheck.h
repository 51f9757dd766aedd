#pragma once

// The tests check generated objects with the product's schema check (models/flux/fluxschema.h),
// against the compact schemas in tests/data/flux-schema.
#include "flux/fluxschema.h"

namespace Fluxdesk::Testing {

using Fluxdesk::SchemaSet;
using Fluxdesk::validateAgainstSchema;

} // namespace Fluxdesk::Testing
