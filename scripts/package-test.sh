#!/usr/bin/env bash
# Builds the Debian package and checks it as a user would get it:
#   1. the release build (fluxdesk and fluxdesk-cli only) and `--target package` (CPack);
#   2. lintian on the .deb: any error fails (warnings are printed);
#   3. `apt-get install ./fluxdesk_*.deb` in a clean Debian 12 chroot (debootstrap minbase,
#      without recommended packages, so Depends alone must be enough), then inside it
#      `fluxdesk --self-test --demo` (offscreen, in German: the installed app must find its
#      translations) and `fluxdesk-cli --version`, and every installed file in its place.
#   scripts/package-test.sh [--no-build] [BUILD_DIR]
# BUILD_DIR defaults to build/release, the release preset's.
# --no-build checks the newest fluxdesk_*.deb already in BUILD_DIR.
# The debootstrapped base is kept in CACHE/base and copied for each run, the packages apt
# downloads in CACHE/apt-archives: only the first run on a machine downloads the base system,
# also for a fresh checkout. CACHE is $FLUXDESK_PACKAGE_CACHE, else
# ${XDG_CACHE_HOME:-~/.cache}/fluxdesk/package-test. The copy being tested is BUILD_DIR/package-test/root. The chroot and its mounts are removed on exit, also after a failure. Needs
# root for debootstrap, mount and chroot: through sudo when not root, as setup-deps.sh does.
# FLUXDESK_DEBIAN_MIRROR overrides the mirror (http://deb.debian.org/debian).
set -euo pipefail
cd "$(dirname "$0")/.."

build_it=1
if [ "${1:-}" = --no-build ]; then
    build_it=0
    shift
fi
build=${1:-build/release}
mirror=${FLUXDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "package-test: needs root or sudo (debootstrap, mount, chroot)" >&2
        exit 2
    fi
    sudo=(sudo)
fi

step() { echo "=== package: $* ($(date -u +%T))"; }

scripts/setup-deps.sh package

if [ $build_it -eq 1 ]; then
    step "release build and .deb"
    cmake --preset release -B "$build" >/dev/null
    cmake --build "$build" --target package
    # The release preset builds what it ships and nothing else: no test target.
    tests=$(ninja -C "$build" -t targets all | grep -cE '^tst_[A-Za-z0-9_]*: ' || true)
    if [ "$tests" -ne 0 ]; then
        echo "package-test: the release preset has $tests test targets: it must build no tests" >&2
        exit 1
    fi
fi
deb=$(find "$build" -maxdepth 1 -name 'fluxdesk_*.deb' -printf '%T@ %p\n' | sort -rn | head -n 1 |
    cut -d' ' -f2-)
if [ -z "$deb" ]; then
    echo "package-test: no fluxdesk_*.deb in $build: build it with" \
        "cmake --build $build --target package, or leave out --no-build" >&2
    exit 2
fi
echo "package-test: $deb, $(du -k "$deb" | cut -f1) KiB"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Suggests Installed-Size

step "lintian"
# --fail-on error: errors fail the run; warnings and information are printed for the reader.
lintian --fail-on error --display-info --tag-display-limit 0 "$deb"

work=$(realpath -m "$build/package-test")
cache=$(realpath -m "${FLUXDESK_PACKAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fluxdesk/package-test}")
base=$cache/base
root=$work/root
archives=$cache/apt-archives
mkdir -p "$work" "$cache" "$archives/partial"

cleanup() {
    for m in "$root/var/cache/apt/archives" "$root/proc"; do
        if mountpoint -q "$m" 2>/dev/null; then
            "${sudo[@]}" umount "$m" || "${sudo[@]}" umount -l "$m" || true
        fi
    done
    # --one-file-system: never follows a mount that failed to come off into the host.
    if [ -d "$root" ]; then
        "${sudo[@]}" rm -rf --one-file-system "$root"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cleanup

if [ ! -x "$base/usr/bin/apt-get" ]; then
    step "debootstrap --variant=minbase $suite (once; kept in $base)"
    "${sudo[@]}" rm -rf --one-file-system "$base.partial"
    "${sudo[@]}" debootstrap --variant=minbase "$suite" "$base.partial" "$mirror"
    "${sudo[@]}" mv "$base.partial" "$base"
fi

step "install into a copy of the clean $suite"
"${sudo[@]}" mkdir "$root"
"${sudo[@]}" cp -a "$base/." "$root/"
"${sudo[@]}" mount -t proc proc "$root/proc"
"${sudo[@]}" mount --bind "$archives" "$root/var/cache/apt/archives"
"${sudo[@]}" cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '%s\n' "deb $mirror $suite main" "deb $mirror $suite-updates main" \
    "deb http://deb.debian.org/debian-security $suite-security main" |
    "${sudo[@]}" tee "$root/etc/apt/sources.list" >/dev/null
"${sudo[@]}" cp "$deb" "$root/tmp/"
in_root() {
    "${sudo[@]}" chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"
}
in_root apt-get update -q
in_root DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "/tmp/$(basename "$deb")"

step "run it inside"
status=0
check() {
    if "$@"; then echo "ok: ${*: -3}"; else echo "FAILED: $*" >&2; status=1; fi
}
for f in /usr/bin/fluxdesk /usr/bin/fluxdesk-cli \
    /usr/share/applications/dev.fluxdesk.fluxdesk.desktop \
    /usr/share/metainfo/dev.fluxdesk.fluxdesk.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/dev.fluxdesk.fluxdesk.svg \
    /usr/share/man/man1/fluxdesk.1.gz /usr/share/man/man1/fluxdesk-cli.1.gz \
    /usr/share/doc/fluxdesk/copyright /usr/share/doc/fluxdesk/changelog.Debian.gz; do
    check in_root test -s "$f"
done
# Every library the executables link came with the package's Depends.
check in_root sh -c '! ldd /usr/bin/fluxdesk /usr/bin/fluxdesk-cli | grep "not found"'
cli_version=$(in_root fluxdesk-cli --version) || status=1
echo "fluxdesk-cli --version: $cli_version"
check test "$cli_version" = "fluxdesk-cli $(dpkg-deb --field "$deb" Version | cut -d- -f1)"
# German, so the summary proves the installed app found its translations.
self_test=$(in_root QT_QPA_PLATFORM=offscreen LANG=de_DE.UTF-8 LANGUAGE=de \
    timeout 120 fluxdesk --self-test --demo 2>&1) || { echo "$self_test" >&2; status=1; }
echo "fluxdesk --self-test --demo: $self_test"
check grep -q "geladen" <<<"$self_test"

if [ $status -eq 0 ]; then
    echo "package-test: OK: $(basename "$deb") installs, starts and passes lintian"
fi
exit $status
