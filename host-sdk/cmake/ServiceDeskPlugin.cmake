# servicedesk_add_plugin(<name> SOURCES ...): a plugin as a MODULE library with hidden
# visibility, linked to ServiceDesk::sdk; only the entry symbol is exported, and linking
# fails when no source declares it (SERVICEDESK_PLUGIN(...) missing).
function(servicedesk_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "OUTPUT_DIRECTORY" "SOURCES")
  set(exports_map "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/plugin-exports.map")
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ServiceDesk::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()
  # An undefined symbol is a load-time surprise in the host: refuse it at link time. Not
  # under clang's sanitizers: their runtime lives in the executable that loads the plugin.
  # A plugin without SERVICEDESK_PLUGIN(...) fails to link instead of failing at load.
  target_link_options(${name} PRIVATE "LINKER:--version-script=${exports_map}"
                      "LINKER:--require-defined=servicedesk_plugin_entry")
  if(NOT (CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_FLAGS MATCHES "-fsanitize="))
    target_link_options(${name} PRIVATE "LINKER:--no-undefined")
  endif()
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${exports_map})
endfunction()
