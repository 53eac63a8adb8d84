// Loads the directory from a YAML or CSV file; every problem is a file:line:col Diagnostic.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "directory/indexed_directory.hpp"
#include "servicedesk/forms/form.hpp"

namespace servicedesk::host {

/// A loaded directory, or every problem found in its file.
struct DirectoryLoadResult {
  std::unique_ptr<IndexedDirectory> directory;
  std::vector<Diagnostic> diagnostics;  ///< 1-based line and column; 0 when unknown
  bool ok() const { return directory != nullptr; }
};

/// The records of a directory file, before indexing (so callers can add generated people).
struct DirectoryRecordsResult {
  std::vector<DirectoryRecord> records;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return diagnostics.empty(); }
};

/// Reads `.yaml`/`.yml` or `.csv` (chosen by extension). Never throws.
///
/// YAML: `email_domain: example.edu` (optional) and `entries:` a list of
/// `{username, display_name, kind: person|administrative, department, roles: [..], email}`
/// (email defaults to username@email_domain). CSV: a header row naming the columns
/// username,display_name,kind,department,roles[,email]; roles are `;`-separated.
/// Passwords never live here: the host keeps credentials apart from the directory.
DirectoryRecordsResult read_directory_records(const std::filesystem::path& file);

/// read_directory_records, then builds the index.
DirectoryLoadResult load_directory_file(const std::filesystem::path& file);

}  // namespace servicedesk::host
