# The Debian package: `cmake --build --preset release --target package` writes
# build/release/fluxdesk_<version>-<release>_<arch>.deb with everything the install() rules place
# (both executables, the desktop entry, AppStream metainfo, icon, man pages, copyright and
# changelog; the translations are compiled into the executables). Depends is computed by
# dpkg-shlibdeps from the libraries the executables link (dpkg-dev), plus the Qt platform plugins
# the window loads at run time, which no linker sees. scripts/package-test.sh installs the .deb in
# a clean Debian 12 chroot and runs lintian on it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fluxdesk)
set(CPACK_PACKAGE_VENDOR "The Fluxdesk developers")
set(CPACK_PACKAGE_CONTACT "The Fluxdesk developers <maintainers@fluxdesk.dev>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "move a hand-managed Kubernetes homelab into Flux GitOps")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${PROJECT_SOURCE_DIR}/packaging/debian/description.txt)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The same release as packaging/debian/changelog.in's entry (set in packaging/CMakeLists.txt).
set(CPACK_DEBIAN_PACKAGE_RELEASE ${FLUXDESK_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# Root-owned files with Debian's modes (0755 folders and executables, 0644 the rest), whatever
# the umask of the machine that built it.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
if(QT_VERSION_MAJOR EQUAL 6)
    # The xcb platform plugin (X11) is its own package with Qt 6; Qt 5 ships it in libqt5gui5.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
    # Wayland without XWayland, the SVG icon engine, the Secret Service QtKeychain talks to.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, libqt6svg6, libsecret-1-0")
else()
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qtwayland5, libqt5svg5, libsecret-1-0")
endif()
# git: its credential helpers are asked first for HTTPS pushes; kubectl: exec credential
# plugins and the validation's `kubectl kustomize`.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "git, kubernetes-client")

include(CPack)
