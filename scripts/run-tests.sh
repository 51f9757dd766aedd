#!/usr/bin/env bash
# Sets up, builds and runs every test: the Qt 6 build with AddressSanitizer + UBSan, then the
# Qt 5.15 + KF5 SyntaxHighlighting build.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-deps.sh test

jobs=$(nproc 2>/dev/null || echo 2)
status=0
for preset in asan qt5; do
    echo "=== $preset: configure and build"
    cmake --preset "$preset"
    cmake --build --preset "$preset" -j "$jobs"
    echo "=== $preset: test"
    ctest --preset "$preset" -j "$jobs" || status=1
done
exit $status
