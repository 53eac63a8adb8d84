// The data folder: created private (0700, files 0600) and checked for looser modes at start.
#pragma once

#include <filesystem>
#include <string>

namespace servicedesk::host {

/// Sets the process umask to 077 (every file the host or a plugin creates is 0600, every
/// folder 0700), creates `folder` when missing, and warns about an existing folder or file
/// in it that others may read. False with `error` set when the folder cannot be created.
bool prepare_data_folder(const std::filesystem::path& folder, std::string& error);

}  // namespace servicedesk::host
