# yaml-cpp and libgit2, each in a release without the published holes Fluxdesk's inputs could
# reach: both read what other people control (a cluster's YAML, a snapshot someone sent, a cloned
# repository, a remote). An older one stops the configure with the version found and the reason,
# instead of building something that parses hostile input with a known stack overflow or pushes
# over SSH without checking the host key. Included by the top-level CMakeLists.txt (and by
# tests/cli/dependencyversions, which configures it against fake old packages).

# yaml-cpp 0.7.0 added the recursion limit (DepthGuard) that fixes CVE-2017-5950, CVE-2018-20573,
# CVE-2018-20574 and CVE-2019-6285: deep nesting overflowed the stack. Debian 12 ships 0.7.0.
set(FLUXDESK_YAML_CPP_MINIMUM 0.7.0)
# libgit2 1.5.1 checks SSH host keys by default (CVE-2023-22742: 1.5.0 and older did not). Debian
# 12 ships 1.5.1, with CVE-2024-24575 and CVE-2024-24577 (fixed upstream in 1.6.5 and 1.7.2)
# backported; elsewhere prefer libgit2 1.7.2 or newer.
set(FLUXDESK_LIBGIT2_MINIMUM 1.5.1)
set(FLUXDESK_LIBGIT2_ADVISED 1.7.2)

function(fluxdesk_require_version package found minimum debianPackage reason)
    if(found STREQUAL "" OR found VERSION_LESS minimum)
        if(found STREQUAL "")
            set(found "(version unknown)")
        endif()
        message(FATAL_ERROR "${package} ${found} was found, but Fluxdesk needs ${package} "
            ">= ${minimum}: ${reason} Install a newer one (Debian 12: apt install ${debianPackage}) "
            "or point CMake at one (CMAKE_PREFIX_PATH, PKG_CONFIG_PATH).")
    endif()
endfunction()

# find_package(yaml-cpp) with the minimum checked here, so an old one gets the reason, not
# CMake's "no compatible version" alone.
macro(fluxdesk_find_yaml_cpp)
    find_package(yaml-cpp REQUIRED)
    fluxdesk_require_version(yaml-cpp "${yaml-cpp_VERSION}" ${FLUXDESK_YAML_CPP_MINIMUM} libyaml-cpp-dev
        "older releases overflow the stack on deeply nested YAML (CVE-2017-5950, CVE-2018-20573, "
        "CVE-2018-20574, CVE-2019-6285), and Fluxdesk reads YAML from clusters, snapshots and "
        "repositories other people control.")
endmacro()

# pkg_check_modules(LIBGIT2 ... libgit2) with the minimum checked the same way.
macro(fluxdesk_find_libgit2)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
    fluxdesk_require_version(libgit2 "${LIBGIT2_VERSION}" ${FLUXDESK_LIBGIT2_MINIMUM} libgit2-dev
        "older releases do not check an SSH server's host key by default (CVE-2023-22742), so a "
        "push could go to a machine in the middle.")
    if(LIBGIT2_VERSION VERSION_LESS FLUXDESK_LIBGIT2_ADVISED)
        message(STATUS "libgit2 ${LIBGIT2_VERSION}: make sure your distribution backported the "
            "fixes for CVE-2024-24575 and CVE-2024-24577 (Debian 12's 1.5.1+ds-1+deb12u1 and "
            "later do), or use libgit2 >= ${FLUXDESK_LIBGIT2_ADVISED}")
    endif()
endmacro()
