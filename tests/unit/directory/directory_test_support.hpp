// Helpers shared by the directory tests: usernames of results, temporary files.
#pragma once

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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
  TempFile(const std::string& name, const std::string& text) {
    dir_ = std::filesystem::temp_directory_path() /
           ("directory-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(dir_);
    path_ = dir_ / name;
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static int& counter() {
    static int value = 0;
    return value;
  }
  std::filesystem::path dir_;
  std::filesystem::path path_;
};

}  // namespace servicedesk::host::testing
