// Hot reload: a background thread that polls the catalog folder and swaps in edits.
#include <spdlog/spdlog.h>

#include "catalog/form_repository.hpp"

namespace servicedesk::host {

void FormRepository::start_watching(std::chrono::milliseconds interval) {
  std::lock_guard lock(watch_mutex_);
  if (watcher_.joinable()) return;
  stopping_ = false;
  watcher_ = std::thread([this, interval] { watch_loop(interval); });
  for (const auto& folder : folders_)
    spdlog::info("catalog: watching {} for edits every {} ms", folder.string(), interval.count());
}

void FormRepository::stop() {
  {
    std::lock_guard lock(watch_mutex_);
    stopping_ = true;
  }
  watch_wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void FormRepository::watch_loop(std::chrono::milliseconds interval) {
  // Polling (size + mtime) is portable and cheap for a folder of a few files (a few stat
  // calls, ~20 us), so a short interval keeps an edit's way to live within the reload target.
  std::unique_lock lock(watch_mutex_);
  while (!stopping_) {
    watch_wake_.wait_for(lock, interval, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    try {
      reload_changed();
    } catch (const std::exception& e) {
      spdlog::error("catalog: reload failed: {}", e.what());
    }
    lock.lock();
  }
}

}  // namespace servicedesk::host
