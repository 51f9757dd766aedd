# cmake -DFLUXDESK_SOURCE_DIR=... -DWORK_DIR=... -P check.cmake
# Configures the probe project against a fake yaml-cpp (a CMake config) and a fake libgit2 (a .pc
# file) of chosen versions: the old ones must stop the configure with the version found and the
# CVE, the minimum ones must pass.

function(fake_packages dir yamlVersion gitVersion)
    file(REMOVE_RECURSE ${dir})
    file(WRITE ${dir}/yaml-cpp/yaml-cpp-config.cmake "# fake\n")
    file(WRITE ${dir}/yaml-cpp/yaml-cpp-config-version.cmake
        "set(PACKAGE_VERSION \"${yamlVersion}\")\n"
        "if(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)\n"
        "  set(PACKAGE_VERSION_COMPATIBLE FALSE)\n"
        "else()\n"
        "  set(PACKAGE_VERSION_COMPATIBLE TRUE)\n"
        "endif()\n")
    file(WRITE ${dir}/pkgconfig/libgit2.pc
        "prefix=${dir}\nincludedir=\${prefix}/include\nlibdir=\${prefix}/lib\n"
        "Name: libgit2\nDescription: fake\nVersion: ${gitVersion}\n"
        "Libs: -L\${libdir} -lgit2\nCflags: -I\${includedir}\n")
endfunction()

# expect: a regular expression the configure output must match, or PASS for a clean configure.
function(check name yamlVersion gitVersion expect)
    set(dir ${WORK_DIR}/${name})
    fake_packages(${dir}/fake ${yamlVersion} ${gitVersion})
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_LIBDIR=${dir}/fake/pkgconfig
            PKG_CONFIG_PATH=${dir}/fake/pkgconfig
            ${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR} -B ${dir}/build
            -DFLUXDESK_SOURCE_DIR=${FLUXDESK_SOURCE_DIR} -Dyaml-cpp_DIR=${dir}/fake/yaml-cpp
        RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(REGEX REPLACE "[ \t\r\n]+" " " text "${out}${err}")
    if(expect STREQUAL "PASS")
        if(NOT result EQUAL 0)
            message(FATAL_ERROR "${name}: configure failed with yaml-cpp ${yamlVersion}, "
                "libgit2 ${gitVersion}:\n${out}${err}")
        endif()
    elseif(result EQUAL 0)
        message(FATAL_ERROR "${name}: configure accepted yaml-cpp ${yamlVersion}, "
            "libgit2 ${gitVersion}")
    elseif(NOT text MATCHES "${expect}")
        message(FATAL_ERROR "${name}: the error does not match \"${expect}\":\n${out}${err}")
    endif()
    message(STATUS "${name}: as expected")
endfunction()

check(old-yaml-cpp 0.6.3 1.5.1
    "yaml-cpp 0.6.3 was found, but Fluxdesk needs yaml-cpp >= 0.7.0: .*CVE-2017-5950")
check(old-libgit2 0.7.0 1.1.0
    "libgit2 1.1.0 was found, but Fluxdesk needs libgit2 >= 1.5.1: .*CVE-2023-22742")
check(libgit2-1.5.0 0.7.0 1.5.0 "libgit2 1.5.0 was found, .*CVE-2023-22742")
check(minimum 0.7.0 1.5.1 PASS)
check(newer 0.8.0 1.7.2 PASS)
