# Helpers shared by every folder.

# Warnings every OneWindow target is built with; errors when ONEWINDOW_WARNINGS_AS_ERRORS is on.
function(onewindow_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
            -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wconversion -Wno-sign-conversion)
        if(ONEWINDOW_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    elseif(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(ONEWINDOW_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    endif()
endfunction()

# onewindow_add_test(<folder> <name> SOURCES ... LIBRARIES ... [ENVIRONMENT ...] [LABELS ...])
# Builds tst_<name> from Qt Test sources and registers it as "<folder>/<name>" in CTest.
function(onewindow_add_test folder name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES;ENVIRONMENT;LABELS" ${ARGN})
    set(target tst_${name})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    onewindow_warnings(${target})
    add_test(NAME ${folder}/${name} COMMAND ${target})
    set_tests_properties(${folder}/${name} PROPERTIES
        LABELS "${folder};${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}"
        TIMEOUT 300)
endfunction()
