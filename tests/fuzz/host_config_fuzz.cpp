// libFuzzer target: the host's config file (YAML, every section) read over the defaults,
// then the identity settings finished as `serve` does. Problems are fine; crashes are not.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/host_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // apply_config_file reads a file (marks name it): one scratch file per fuzzing process.
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("host_config_fuzz-" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  servicedesk::host::HostConfig config = servicedesk::host::default_config();
  if (servicedesk::host::apply_config_file(file, config).empty())
    (void)servicedesk::host::finish_identity_settings(config);
  return 0;
}
