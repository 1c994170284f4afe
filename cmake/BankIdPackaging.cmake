# The Debian package of the desk: `cmake --build build --target package` (CPack, DEB generator) writes
# build/bankid-desk_<version>_amd64.deb. Included last by the top-level CMakeLists.txt (not in the fuzz build).
#
# What goes in (prefix /usr in the package, CMAKE_INSTALL_PREFIX for `cmake --install`):
#   bin/bankid-desk, bin/bankid-cli, bin/bankid-simulator     install(TARGETS) in app/, cli/, simulator/
#   share/applications/bankid-desk.desktop                    the desktop entry (desktop id = file name)
#   share/icons/hicolor/<N>x<N>/apps/bankid-desk.png          committed PNGs (resources/icons/render-hicolor.sh)
#   share/icons/hicolor/scalable/apps/bankid-desk.svg
#   share/metainfo/se.bankiddesk.desk.metainfo.xml            AppStream
#   share/man/man1/bankid-{desk,cli,simulator}.1.gz           docs/man, gzip -9n
#   share/doc/bankid-desk/{copyright,changelog.gz}            Debian's machine-readable copyright; the changelog
# Translations are not installed as files: the .qm catalogue is embedded in the binaries (:/i18n), the only
# place Translations::install() loads it from.
#
# The version (package, man pages, metainfo, changelog) is the CMake project version, like BankIdVersion.h.

# The package is the desk: a build without it (BANKID_BUILD_DESK=OFF, core + CLI only) makes no .deb.
if(NOT TARGET bankid-desk)
  message(STATUS "No Debian package: bankid-desk is not built (the .deb needs the desk)")
  return()
endif()

include(GNUInstallDirs)

set(BANKID_PACKAGE_NAME bankid-desk)
set(BANKID_PACKAGE_MAINTAINER "BankID Desk maintainers <maintainers@users.noreply.r-seed-e734f7d2.example>")
set(BANKID_PACKAGING_DIR ${PROJECT_BINARY_DIR}/packaging)
# Directories the install creates are 0755 whatever the umask (lintian: non-standard-dir-perm).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# --- Files made from templates (the version) and compressed: gzip -9n leaves out the name and time stamp, so
# an unchanged input gives the same bytes (lintian: package-contains-timestamped-gzip). ----------------------
set(BANKID_MAN_PAGES bankid-desk bankid-cli bankid-simulator)
set(BANKID_PACKAGING_OUTPUTS)
foreach(page IN LISTS BANKID_MAN_PAGES)
  configure_file(${PROJECT_SOURCE_DIR}/docs/man/${page}.1.in ${BANKID_PACKAGING_DIR}/man/${page}.1 @ONLY)
  add_custom_command(OUTPUT ${BANKID_PACKAGING_DIR}/man/${page}.1.gz
    COMMAND gzip -9nf -k ${BANKID_PACKAGING_DIR}/man/${page}.1
    DEPENDS ${BANKID_PACKAGING_DIR}/man/${page}.1
    COMMENT "Compressing the manual page ${page}.1"
    VERBATIM)
  list(APPEND BANKID_PACKAGING_OUTPUTS ${BANKID_PACKAGING_DIR}/man/${page}.1.gz)
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/resources/deb/changelog.in ${BANKID_PACKAGING_DIR}/doc/changelog @ONLY)
add_custom_command(OUTPUT ${BANKID_PACKAGING_DIR}/doc/changelog.gz
  COMMAND gzip -9nf -k ${BANKID_PACKAGING_DIR}/doc/changelog
  DEPENDS ${BANKID_PACKAGING_DIR}/doc/changelog
  VERBATIM)
list(APPEND BANKID_PACKAGING_OUTPUTS ${BANKID_PACKAGING_DIR}/doc/changelog.gz)
configure_file(${PROJECT_SOURCE_DIR}/resources/se.bankiddesk.desk.metainfo.xml.in
               ${BANKID_PACKAGING_DIR}/se.bankiddesk.desk.metainfo.xml @ONLY)
# Part of ALL: `cpack` alone (tests/package) packs what the last build made and builds nothing itself.
add_custom_target(bankid_packaging_files ALL DEPENDS ${BANKID_PACKAGING_OUTPUTS})

# --- Install rules (the binaries' own are in app/, cli/ and simulator/) -----------------------------------------
install(FILES ${PROJECT_SOURCE_DIR}/resources/bankid-desk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/bankid-desk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# The sizes render-hicolor.sh makes; tests/package checks each one is in the package.
set(BANKID_ICON_SIZES 16 22 24 32 48 64 128 256)
foreach(size IN LISTS BANKID_ICON_SIZES)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/bankid-desk.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${BANKID_PACKAGING_DIR}/se.bankiddesk.desk.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(page IN LISTS BANKID_MAN_PAGES)
  install(FILES ${BANKID_PACKAGING_DIR}/man/${page}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/deb/copyright ${BANKID_PACKAGING_DIR}/doc/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${BANKID_PACKAGE_NAME})

# --- CPack: one .deb ------------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${BANKID_PACKAGE_NAME})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "BankID Desk maintainers")
set(CPACK_PACKAGE_CONTACT "${BANKID_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # lintian: unstripped-binary-or-object (the build keeps its debug info)
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/BankIdPackageStrip.cmake) # and what dh_strip also removes
set(CPACK_THREADS 0)      # xz on all cores

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # bankid-desk_<version>_<arch>.deb (no Debian revision: native)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${BANKID_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The synopsis (lintian: under 80 characters, no article, no full stop), then the long description (CPack indents
# its lines by one space in the control file).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Swedish BankID Relying Party desk client, CLI and simulator")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "BankID Desk identifies people and has them sign with Swedish BankID (RP API
v6.0) at a service desk: log in, identify a caller, sign text, sign documents
with a receipt, verify receipts and digital ID cards, with a tamper-evident
audit log.
.
The package holds the desk application bankid-desk, the terminal client
bankid-cli and bankid-simulator, a local BankID server for training and tests.")
# Libraries the binaries link: found by dpkg-shlibdeps (libqt6core6, libqt6network6, libqt6gui6,
# libqt6widgets6, libqt6multimedia6, libssl3, libxmlsec1-openssl, libqrencode4, libzbar0, ...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What Qt loads at run time, unseen by dpkg-shlibdeps:
# - the icons are SVG (the window and task icons): the imageformats and iconengines SVG plugins are in libqt6svg6;
# - the TLS backend plugin (plugins/tls/libqopensslbackend.so) is in libqt6network6, and it dlopen()s
#   libssl.so.3: both are dependencies through shlibdeps already (the binaries link Qt Network and libssl);
# - the xcb platform plugin is in libqt6gui6 (through shlibdeps too).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4)")
# Wanted for the full desk, optional to run it:
# - gstreamer1.0-plugins-good: v4l2src, the webcam of Verify ID card (Qt Multimedia's GStreamer backend);
# - qt6-translations-l10n: Qt's own texts (dialog buttons) in Swedish;
# - libengine-pkcs11-openssl, p11-kit-modules: an RP key on a PKCS#11 token (--cert pkcs11:...).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gstreamer1.0-plugins-good, qt6-translations-l10n, libengine-pkcs11-openssl, p11-kit-modules")
# A Wayland session runs the desk through XWayland without it; native Wayland needs the plugin.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland, opensc")

include(CPack)
