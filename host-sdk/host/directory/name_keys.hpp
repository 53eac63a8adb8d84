// Normalized search keys: how names and queries are compared ("Titan, Tuffy" == "titan tuffy").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/directory.hpp"

namespace servicedesk::host {

/// Lower-cases ASCII, treats commas as spaces, collapses runs of spaces and trims both ends:
/// "  TITAN,  T " -> "titan t". Bytes above 0x7F pass through unchanged.
std::string normalize_name(std::string_view text);

/// Which form of an entry a key indexes; ranks exact username matches first.
enum class KeyForm : unsigned char { username, name };

/// The normalized forms an entry is found by: its username; its display name as written
/// ("titan tuffy"); and, for "Last, First" names, "First Last" ("tuffy titan").
std::vector<std::string> name_forms(const DirectoryEntry& entry);

}  // namespace servicedesk::host
