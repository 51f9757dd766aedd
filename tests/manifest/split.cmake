# Splitting, linting and text diffs (issue 3). Included by tests/manifest/CMakeLists.txt.
fluxdesk_add_test(tst_splitter SOURCES tst_splitter.cpp LABELS manifest kubectl)
fluxdesk_add_test(tst_linter SOURCES tst_linter.cpp LABELS manifest)

# fluxdesk-cli split and lint as processes.
if(TARGET fluxdesk-cli)
    fluxdesk_add_test(tst_cli_split SOURCES tst_cli_split.cpp LABELS manifest cli kubectl)
    target_compile_definitions(tst_cli_split PRIVATE
        FLUXDESK_CLI_PATH="$<TARGET_FILE:fluxdesk-cli>")
    add_dependencies(tst_cli_split fluxdesk-cli)
endif()
