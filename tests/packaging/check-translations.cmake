# Runs lupdate over the sources into a copy of the .ts and fails when the copy changes:
# a new string without an entry, or an entry whose string is gone.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
get_filename_component(name ${TS} NAME)
configure_file(${TS} ${WORK}/${name} COPYONLY)
execute_process(COMMAND ${LUPDATE} -no-obsolete -locations none @${SOURCES_LIST} -ts ${WORK}/${name}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${err}")
endif()
file(READ ${TS} before)
file(READ ${WORK}/${name} after)
if(NOT before STREQUAL after)
    message("${out}")
    message(FATAL_ERROR "translations/${name} is out of step with the sources; run "
                        "`cmake --build <build-dir> --target update_translations` and translate "
                        "the new strings")
endif()
message(STATUS "${name} is in step: ${out}")
