#!/usr/bin/env bash
# Installs what Fluxdesk needs on Debian 12 / Ubuntu, only the packages that are missing.
#   scripts/setup-deps.sh [build|package|test]   (default: build)
# "build" is enough to build and run the app; "package" adds what builds and checks the .deb
# (dpkg-shlibdeps, lintian, debootstrap: scripts/package-test.sh); "test" adds those and Qt 5 +
# KF5 SyntaxHighlighting, the real tools the tests drive (kubectl, openssl,
# desktop-file-validate, appstreamcli, PyYAML, a private D-Bus session bus with GNOME Keyring's
# Secret Service for the keychain test) and clang with libFuzzer for the fuzz targets
# (tests/fuzz).
set -euo pipefail

profile=${1:-build}

build_pkgs=(
    g++ cmake ninja-build pkg-config ca-certificates
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libyaml-cpp-dev libgit2-dev zlib1g-dev libssl-dev openssl fonts-dejavu-core libjemalloc-dev
    # QtKeychain loads libsecret (the Secret Service client) at run time; nothing depends on it.
    qtkeychain-qt6-dev libsecret-1-0
)
test_pkgs=(
    qtbase5-dev qttools5-dev qttools5-dev-tools libkf5syntaxhighlighting-dev
    desktop-file-utils appstream git
    openssh-server openssh-client lighttpd lighttpd-mod-openssl
    qtkeychain-qt5-dev gnome-keyring dbus-daemon dbus-bin
    # tst_typeroundtrip reads Fluxdesk's output with PyYAML, a YAML 1.1 reader.
    python3 python3-yaml
    # The fuzz preset: clang (14 on Debian 12) and its runtime libraries, libFuzzer among them
    # (libclang_rt.fuzzer*.a, in libclang-rt-14-dev).
    clang libclang-rt-dev
    # SOPS and age interoperability (tests/secrets): Debian's age and age-keygen, and Node.js for
    # the independent SOPS implementation from the npm registry (tests/secrets/interop).
    age
)
# CPack's Depends comes from dpkg-shlibdeps (dpkg-dev); the package test checks the .deb with
# lintian and installs it in a debootstrapped Debian 12.
package_pkgs=(dpkg-dev file lintian debootstrap)

pkgs=("${build_pkgs[@]}")
if [ "$profile" = package ] || [ "$profile" = test ]; then
    pkgs+=("${package_pkgs[@]}")
fi
if [ "$profile" = test ]; then
    pkgs+=("${test_pkgs[@]}")
fi

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
# Debian's kubectl (kubernetes-client) conflicts with a kubectl the machine already has from
# another vendor: install it only where no kubectl exists at all.
if [ "$profile" = test ] && ! command -v kubectl >/dev/null 2>&1; then
    missing+=(kubernetes-client)
fi

# Node.js and npm: only where there is no node at all (a machine may have its own build).
if [ "$profile" = test ] && ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi

# The npm packages of tests/secrets/interop, exactly as its package-lock.json names them.
install_interop() {
    [ "$profile" = test ] || return 0
    local dir
    dir="$(cd "$(dirname "$0")/.." && pwd)/tests/secrets/interop"
    [ -f "$dir/package-lock.json" ] || return 0
    if [ -f "$dir/node_modules/.package-lock.json" ] &&
        [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
        return 0
    fi
    echo "setup-deps: npm ci in tests/secrets/interop"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
}

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup-deps: all ${#pkgs[@]} packages present"
    install_interop
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
    sudo=(sudo)
fi
echo "setup-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
install_interop
