# Finds every dependency from the system (Debian 12 packages); nothing is fetched.
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(spdlog REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(CURL REQUIRED)
find_package(CLI11 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(ldap REQUIRED IMPORTED_TARGET ldap)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)

# libphonenumber ships no CMake or pkg-config file.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
if(NOT TARGET phonenumber::phonenumber)
  add_library(phonenumber::phonenumber UNKNOWN IMPORTED)
  set_target_properties(phonenumber::phonenumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
endif()

# valijson is header-only.
find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp REQUIRED)
if(NOT TARGET valijson::valijson)
  add_library(valijson::valijson INTERFACE IMPORTED)
  set_target_properties(valijson::valijson PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${VALIJSON_INCLUDE_DIR}")
endif()

# The host serves HTTP with Boost.Beast; tests and the load driver use cpp-httplib as a client.
if(SERVICEDESK_BUILD_TESTS OR SERVICEDESK_BUILD_BENCHMARKS)
  pkg_check_modules(httplib REQUIRED IMPORTED_TARGET cpp-httplib)
endif()
if(SERVICEDESK_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(SERVICEDESK_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
