// Makes realistic, deterministic directory people for tests and benchmarks (e.g. 100,000).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "directory/indexed_directory.hpp"

namespace servicedesk::host {

/// `count` people with common first and last names ("Smith, Maria"), departments and
/// usernames like "msmith000042" (digits keep them apart from hand-written usernames).
/// The same seed always yields the same people.
std::vector<DirectoryRecord> generate_people(std::size_t count, std::uint32_t seed = 1,
                                             const std::string& email_domain = "example.edu");

/// Appends generate_people(count, seed) to `records`.
void add_generated_people(std::vector<DirectoryRecord>& records, std::size_t count,
                          std::uint32_t seed = 1);

}  // namespace servicedesk::host
