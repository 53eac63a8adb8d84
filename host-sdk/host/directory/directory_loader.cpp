// Reading the directory file (YAML or CSV) into records, with positions for every problem.
#include "directory/directory_loader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "directory/directory_parsing.hpp"

namespace servicedesk::host {

namespace {

std::string lower_extension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

DirectoryRecordsResult read_directory_records(const std::filesystem::path& file) {
  DirectoryRecordsResult result;
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    result.diagnostics.push_back({name, 0, 0, "cannot open the directory file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();

  std::vector<ParsedRecord> parsed;
  const std::string ext = lower_extension(file);
  if (ext == ".csv") {
    parsed = parse_directory_csv(text.str(), name, result.diagnostics);
  } else if (ext == ".yaml" || ext == ".yml") {
    parsed = parse_directory_yaml(text.str(), name, result.diagnostics);
  } else {
    result.diagnostics.push_back(
        {name, 0, 0, "unknown directory file type '" + ext + "': expected .yaml, .yml or .csv"});
    return result;
  }

  // Duplicates are reported here, where the position of both occurrences is known.
  std::unordered_map<std::string, int> first_line;
  for (auto& item : parsed) {
    const auto [it, inserted] = first_line.emplace(item.record.entry.username, item.line);
    if (!inserted) {
      result.diagnostics.push_back({name, item.line, item.column,
                                    "duplicate username '" + item.record.entry.username +
                                        "' (first defined on line " + std::to_string(it->second) +
                                        ")"});
      continue;
    }
    result.records.push_back(std::move(item.record));
  }
  if (!result.ok()) result.records.clear();
  return result;
}

DirectoryLoadResult load_directory_file(const std::filesystem::path& file) {
  auto read = read_directory_records(file);
  DirectoryLoadResult result;
  result.diagnostics = std::move(read.diagnostics);
  if (result.diagnostics.empty()) {
    result.directory = std::make_unique<IndexedDirectory>(std::move(read.records));
  }
  return result;
}

}  // namespace servicedesk::host
