# Install rules: headers, the ServiceDesk::sdk target and a find_package(ServiceDesk) config.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/include/servicedesk
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS servicedesk_sdk EXPORT ServiceDeskTargets)
install(EXPORT ServiceDeskTargets NAMESPACE ServiceDesk::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ServiceDesk)

set(config_dir "${CMAKE_CURRENT_BINARY_DIR}/package")
configure_package_config_file(${CMAKE_CURRENT_SOURCE_DIR}/cmake/ServiceDeskConfig.cmake.in
  ${config_dir}/ServiceDeskConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ServiceDesk)
write_basic_package_version_file(${config_dir}/ServiceDeskConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${config_dir}/ServiceDeskConfig.cmake ${config_dir}/ServiceDeskConfigVersion.cmake
              ${CMAKE_CURRENT_SOURCE_DIR}/cmake/ServiceDeskPlugin.cmake
              ${CMAKE_CURRENT_SOURCE_DIR}/cmake/plugin-exports.map
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ServiceDesk)
