// Helpers shared by the directory tests: usernames of results, temporary files.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scratch.hpp"  // tests/support/cpp
#include "servicedesk/directory.hpp"

namespace servicedesk::host::testing {

inline std::vector<std::string> usernames(const std::vector<const DirectoryEntry*>& entries) {
  std::vector<std::string> names;
  for (const auto* entry : entries) names.push_back(entry->username);
  return names;
}

/// A file in a fresh temporary folder, removed with the object.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text) : path_(dir_.path() / name) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  servicedesk::test::TempDir dir_;
  std::filesystem::path path_;
};

}  // namespace servicedesk::host::testing
