// Private modes for the data folder and a start-up check of what is already there.
#include "app/data_folder.hpp"

#include <sys/stat.h>

#include <spdlog/spdlog.h>

namespace servicedesk::host {
namespace {

namespace fs = std::filesystem;

constexpr fs::perms kOthers = fs::perms::group_all | fs::perms::others_all;
constexpr std::size_t kMaxChecked = 20000;  // a large maildir must not slow start-up
constexpr std::size_t kMaxNamed = 5;

std::string octal(fs::perms perms) {
  char text[8];
  std::snprintf(text, sizeof text, "%03o", static_cast<unsigned>(perms) & 0777u);
  return text;
}

void warn_about_loose_entries(const fs::path& folder) {
  std::error_code ec;
  std::size_t checked = 0;
  std::size_t loose = 0;
  const auto note = [&](const fs::path& path, fs::perms perms) {
    if ((perms & kOthers) == fs::perms::none) return;
    if (++loose <= kMaxNamed)
      spdlog::warn("{} is mode {}: others on this machine may read it (chmod go-rwx)",
                   path.string(), octal(perms));
  };
  note(folder, fs::status(folder, ec).permissions());
  for (fs::recursive_directory_iterator
           it(folder, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end && checked < kMaxChecked; it.increment(ec), ++checked) {
    const auto status = it->symlink_status(ec);
    if (ec || fs::is_symlink(status)) continue;
    note(it->path(), status.permissions());
  }
  if (loose > kMaxNamed)
    spdlog::warn("{} more entries in {} are readable by others", loose - kMaxNamed,
                 folder.string());
}

}  // namespace

bool prepare_data_folder(const fs::path& folder, std::string& error) {
  ::umask(077);
  std::error_code ec;
  const bool existed = fs::exists(folder, ec);
  if (!existed) {
    fs::create_directories(folder, ec);
    if (!ec) fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) {
      error = "cannot create the data folder " + folder.string() + ": " + ec.message();
      return false;
    }
    return true;
  }
  if (!fs::is_directory(folder, ec)) {
    error = "the data folder " + folder.string() + " is not a folder";
    return false;
  }
  warn_about_loose_entries(folder);
  return true;
}

}  // namespace servicedesk::host
