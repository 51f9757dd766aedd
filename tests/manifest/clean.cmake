# Cleaning rules (issue 3): the cleaner against before/after YAML pairs in tests/data/clean, and
# fluxdesk-cli clean run as a process.
fluxdesk_add_test(tst_cleaner
    SOURCES tst_cleaner.cpp
    LABELS manifest)

fluxdesk_add_test(tst_cli_clean
    SOURCES tst_cli_clean.cpp
    LABELS manifest cli)
target_compile_definitions(tst_cli_clean PRIVATE FLUXDESK_CLI="$<TARGET_FILE:fluxdesk-cli>")
add_dependencies(tst_cli_clean fluxdesk-cli)
