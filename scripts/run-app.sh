#!/usr/bin/env bash
# Sets up, builds and launches Fluxdesk. With no kubeconfig on this machine it opens the built-in
# demo cluster. Extra arguments go to the app (e.g. --kubeconfig PATH --context NAME, --demo).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-deps.sh build
cmake --preset release
# The window only: the release preset builds no tests (scripts/run-tests.sh builds those).
cmake --build --preset release --target fluxdesk
exec build/release/app/fluxdesk "$@"
