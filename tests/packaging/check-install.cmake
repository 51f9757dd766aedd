# Installs into a scratch prefix and checks that every desktop file lands where it belongs.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
foreach(f bin/fluxdesk bin/fluxdesk-cli
          share/applications/${APP_ID}.desktop
          share/metainfo/${APP_ID}.metainfo.xml
          share/icons/hicolor/scalable/apps/${APP_ID}.svg
          share/man/man1/fluxdesk.1.gz share/man/man1/fluxdesk-cli.1.gz
          share/doc/fluxdesk/copyright share/doc/fluxdesk/changelog.Debian.gz)
    if(NOT EXISTS ${PREFIX}/${f})
        message(FATAL_ERROR "missing after install: ${f}")
    endif()
endforeach()
message(STATUS "install layout OK")
