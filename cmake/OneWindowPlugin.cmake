# onewindow_add_plugin(NAME <name> SOURCES ... [LIBRARIES ...] [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds a department plugin: a Qt plugin (a MODULE library, lib<name>.so) that links the plugin
# SDK and is built with the project's warnings. The client finds plugins in a "plugins" folder
# next to its executable, so by default the plugin lands in ${CMAKE_BINARY_DIR}/client/plugins,
# where a build tree's `onewindow` finds it without installing. Tests pass OUTPUT_DIRECTORY (and
# NO_INSTALL) to keep fixture plugins apart from the real ones.
#
# The target is onewindow_plugin_<name>; every installed plugin is also a dependency of the
# onewindow_plugins target (plugins/CMakeLists.txt). Sources may include .qrc files (AUTORCC is
# on) and the plugin's JSON metadata file, which Q_PLUGIN_METADATA(... FILE "x.json") embeds;
# AUTOMOC rebuilds the plugin when that file changes.

include_guard(GLOBAL)
include(GNUInstallDirs)

function(onewindow_add_plugin)
    cmake_parse_arguments(PARSE_ARGV 0 ARG "NO_INSTALL" "NAME;OUTPUT_DIRECTORY" "SOURCES;LIBRARIES")
    if(ARG_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "onewindow_add_plugin: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT ARG_NAME OR NOT ARG_SOURCES)
        message(FATAL_ERROR "onewindow_add_plugin needs NAME and SOURCES")
    endif()
    if(NOT TARGET OneWindow::plugin_sdk)
        message(FATAL_ERROR "onewindow_add_plugin: add plugins/sdk before any plugin")
    endif()
    if(NOT ARG_OUTPUT_DIRECTORY)
        set(ARG_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/client/plugins")
    endif()

    set(target onewindow_plugin_${ARG_NAME})
    # SHARED: a loadable module even if Qt itself were built statically.
    qt_add_plugin(${target} SHARED)
    target_sources(${target} PRIVATE ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE OneWindow::plugin_sdk ${ARG_LIBRARIES})
    set_target_properties(${target} PROPERTIES
        OUTPUT_NAME ${ARG_NAME}
        AUTOMOC ON
        AUTORCC ON
        # The generator expression stops multi-config generators from adding a per-config folder:
        # the client looks in exactly one place.
        LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}$<0:>"
        # Only the Qt plugin entry points are exported; two plugins never clash on a helper's name.
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    onewindow_warnings(${target})

    if(NOT ARG_NO_INSTALL)
        # Beside the client's private library (lib/onewindow), which the RUNPATH finds.
        set_target_properties(${target} PROPERTIES INSTALL_RPATH "$ORIGIN/..")
        install(TARGETS ${target} LIBRARY DESTINATION ${ONEWINDOW_INSTALL_PKGLIBDIR}/plugins COMPONENT client)
        # Real plugins join onewindow_plugins, so that building the client builds them too.
        if(TARGET onewindow_plugins)
            add_dependencies(onewindow_plugins ${target})
        endif()
    endif()
endfunction()
