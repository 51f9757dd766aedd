#!/usr/bin/env bash
# Sets up, builds and runs every test: the Qt 6 build with AddressSanitizer + UBSan, then the
# Qt 5.15 + KF5 SyntaxHighlighting build, then the fuzz targets (clang, libFuzzer with ASan +
# UBSan): their seeds and regressions once, then each target for FLUXDESK_FUZZ_SECONDS (25 s)
# of fuzzing, then the Debian package (scripts/package-test.sh: the release build, lintian, and an
# install in a clean Debian 12 chroot). Any finding fails the run.
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

echo "=== fuzz: configure and build"
cmake --preset fuzz
cmake --build --preset fuzz -j "$jobs"
echo "=== fuzz: seeds and regressions"
ctest --preset fuzz -j "$jobs" || status=1
echo "=== fuzz: each target for ${FLUXDESK_FUZZ_SECONDS:-25} s"
scripts/fuzz.sh all "${FLUXDESK_FUZZ_SECONDS:-25}" || status=1

echo "=== package: the .deb, lintian, an install in a clean Debian 12"
scripts/package-test.sh || status=1
exit $status
