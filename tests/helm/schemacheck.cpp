// Kept so the suites that list it need no change: the check itself is models/flux/fluxschema.cpp.
#include "schemacheck.h"
