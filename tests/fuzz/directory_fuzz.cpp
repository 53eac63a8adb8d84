// libFuzzer target: the directory file readers (CSV and YAML) on any text. The first byte
// chooses the reader, so one corpus serves both.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "directory/directory_parsing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool csv = (data[0] & 1) != 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<servicedesk::Diagnostic> diagnostics;
  if (csv) {
    servicedesk::host::parse_directory_csv(text, "fuzz.csv", diagnostics);
  } else {
    servicedesk::host::parse_directory_yaml(text, "fuzz.yaml", diagnostics);
  }
  return 0;
}
