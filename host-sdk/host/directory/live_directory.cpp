// Snapshot swapping and health bookkeeping of the live directory.
#include "directory/live_directory.hpp"

namespace servicedesk::host {

LiveDirectory::LiveDirectory(std::unique_ptr<IndexedDirectory> initial, std::string source,
                             std::chrono::seconds grace)
    : current_(std::move(initial)), grace_(grace), last_success_(std::chrono::steady_clock::now()) {
  health_.source = std::move(source);
  health_.entries = current_->size();
  health_.refreshes = 1;
}

std::shared_ptr<const IndexedDirectory> LiveDirectory::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

std::vector<const DirectoryEntry*> LiveDirectory::search(std::string_view query, KindFilter kind,
                                                         std::size_t limit) const {
  return current()->search(query, kind, limit);
}

const DirectoryEntry* LiveDirectory::find(std::string_view username) const {
  return current()->find(username);
}

std::vector<std::string> LiveDirectory::roles(std::string_view username) const {
  return current()->roles(username);
}

std::string LiveDirectory::password_hash(std::string_view username) const {
  return current()->password_hash(username);
}

void LiveDirectory::replace(std::unique_ptr<IndexedDirectory> next, double load_seconds) {
  std::shared_ptr<const IndexedDirectory> incoming(std::move(next));
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  while (!retired_.empty() && now - retired_.front().first > grace_) retired_.pop_front();
  retired_.emplace_back(now, std::move(current_));
  current_ = std::move(incoming);
  health_.entries = current_->size();
  last_success_ = now;
  health_.stale = false;
  health_.last_error.clear();
  health_.last_load_seconds = load_seconds;
  ++health_.refreshes;
}

void LiveDirectory::mark_fresh(double load_seconds) {
  std::lock_guard lock(mutex_);
  last_success_ = std::chrono::steady_clock::now();
  health_.stale = false;
  health_.last_error.clear();
  health_.last_load_seconds = load_seconds;
  ++health_.refreshes;
}

void LiveDirectory::mark_failed(std::string error) {
  std::lock_guard lock(mutex_);
  health_.stale = true;
  health_.last_error = std::move(error);
  ++health_.failures;
}

DirectoryHealth LiveDirectory::health() const {
  std::lock_guard lock(mutex_);
  DirectoryHealth health = health_;
  health.age_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - last_success_).count();
  return health;
}

}  // namespace servicedesk::host
