# Strict Qt defines, warnings and sanitizers for every Fluxdesk target.
function(fluxdesk_setup_target target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY
        QT_USE_QSTRINGBUILDER
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_BEFORE=0x050F00)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
        -Wnon-virtual-dtor -Woverloaded-virtual)
    if(FLUXDESK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(FLUXDESK_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
            -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# Links an executable with jemalloc when it was found (see the top-level CMakeLists.txt), with
# Fluxdesk's options for it (app/allocatoroptions.cpp). Nothing calls jemalloc by name, so
# --no-as-needed keeps the linker from dropping it; the options symbol is exported for jemalloc
# to find.
function(fluxdesk_use_fast_allocator target)
    if(JEMALLOC_FOUND)
        target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/app/allocatoroptions.cpp)
        target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed"
            PkgConfig::JEMALLOC "-Wl,--pop-state" "-Wl,--export-dynamic-symbol=malloc_conf")
    endif()
endfunction()
