// The portal's static files: a folder served read-only under "/".
#pragma once

#include <filesystem>

#include "http/message.hpp"

namespace servicedesk::host {

/// Serves GET/HEAD for files under one folder; refuses anything outside it.
class StaticFiles {
 public:
  /// An empty `folder` serves nothing.
  explicit StaticFiles(std::filesystem::path folder);
  /// Whether the folder exists (empty or missing serves nothing).
  bool usable() const { return usable_; }
  /// Answers `req` from the folder; false when no file matches (the caller answers 404).
  bool serve(const Request& req, Response& res) const;

 private:
  std::filesystem::path folder_;
  bool usable_ = false;
};

}  // namespace servicedesk::host
