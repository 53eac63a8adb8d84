// The live catalog-item forms: loaded from a folder, swapped atomically on hot reload.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk::host {

/// The folder under each catalog folder whose forms are drafts: loaded and checked like the
/// others, never offered to requesters. Publishing a draft is moving its file up one folder.
inline constexpr std::string_view kDraftsFolder = "drafts";

/// What became of one YAML file, for logs and the admin endpoint.
struct FormFileStatus {
  std::filesystem::path file;
  std::string item_id;  ///< of the live version; empty when none ever loaded
  bool draft = false;   ///< the file lies in a catalog folder's `drafts/`
  bool ok = false;      ///< the file's current content is live (for a draft: loaded)
  bool live = false;    ///< some version of this file is live (the last good one when !ok)
  std::vector<Diagnostic> diagnostics;  ///< why the current content was refused
  std::vector<Diagnostic> warnings;     ///< what `lint` warns about in the live version
  std::chrono::system_clock::time_point checked_at;
  std::chrono::system_clock::time_point loaded_at;  ///< when the live version was loaded
};

/// Every form of a folder that a loaded plugin registered. A file whose item id no plugin
/// registered, or that is not the item's registered form file, is refused like a broken
/// one (its status says why) and never served. Readers (`find`, `forms`) never block on a reload:
/// they copy a shared pointer to an immutable snapshot; a request in flight keeps the form it got.
class FormRepository {
 public:
  /// `catalog` (items and handlers) must outlive the repository.
  FormRepository(std::filesystem::path folder, const HandlerCatalog& catalog);
  /// Forms from several folders (`--catalog-dir` repeated), read in the order given.
  FormRepository(std::vector<std::filesystem::path> folders, const HandlerCatalog& catalog);
  ~FormRepository();
  FormRepository(const FormRepository&) = delete;
  FormRepository& operator=(const FormRepository&) = delete;

  /// Loads every `*.yaml` of the folder (sorted). Returns how many files were refused.
  std::size_t load_all();
  /// Reloads files whose size or modification time changed, loads new files and drops
  /// deleted ones. A changed file that fails to load is reported only when it fails again
  /// unchanged on the next call (it may have been caught half-written). An edit of any other file
  /// of the folder (a notification body_file) reloads every form. Returns how many files were
  /// (re)loaded or dropped. Thread-safe.
  std::size_t reload_changed();

  /// Polls the folder every `interval` on a background thread until stop().
  void start_watching(std::chrono::milliseconds interval = std::chrono::milliseconds(10));
  void stop();

  /// The live form of an item, or nullptr. Drafts are never found here.
  std::shared_ptr<const Form> find(std::string_view item_id) const;
  /// Every live form, sorted by item id.
  std::vector<std::shared_ptr<const Form>> forms() const;
  /// The draft of an item (from a `drafts/` folder), or nullptr. Drafts are keyed apart from
  /// the live forms: a draft with a live form's id never replaces it.
  std::shared_ptr<const Form> find_draft(std::string_view item_id) const;
  /// Every loaded draft, sorted by item id.
  std::vector<std::shared_ptr<const Form>> drafts() const;
  /// One status per YAML file, sorted by file name.
  std::vector<FormFileStatus> status() const;
  /// What the folder holds for a registered item: "Name in Category" when its form is live,
  /// else why not (form file missing or refused).
  std::string describe(const RegisteredItem& item) const;
  const std::vector<std::filesystem::path>& folders() const { return folders_; }

 private:
  using FormMap = std::map<std::string, std::shared_ptr<const Form>, std::less<>>;
  /// What readers see: the live forms and, apart, the drafts.
  struct Published {
    FormMap live;
    FormMap drafts;
  };
  struct FileState {
    FormFileStatus status;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type mtime;
    std::shared_ptr<const Form> form;  // the live version from this file
  };

  /// Loads one file into `files_` (caller holds `write_mutex_`). With `settle`, a file that
  /// fails to load is taken as still being written until it fails again unchanged (same size
  /// and modification time) on the next poll: nothing is reported or changed meanwhile, and
  /// false is returned. Returns true when `files_` took the result.
  bool load_file_locked(const std::filesystem::path& file, bool settle);
  void publish_locked();
  void watch_loop(std::chrono::milliseconds interval);

  /// Every entry of every folder and of its `drafts/` (when there is one); `unreadable` is
  /// set (and logged) when a folder cannot be read.
  std::vector<std::filesystem::directory_entry> entries(bool& unreadable) const;
  /// Whether `file` lies in the `drafts/` folder of one of the catalog folders.
  bool is_draft(const std::filesystem::path& file) const;

  std::vector<std::filesystem::path> folders_;
  const HandlerCatalog& handlers_;
  /// The published forms. A plain mutex, not std::atomic<std::shared_ptr>: libstdc++ 12
  /// implements that with a lock bit ThreadSanitizer cannot see, so every reload was reported
  /// as a race; holding the mutex for one pointer copy costs the same.
  std::shared_ptr<const Published> live() const;
  mutable std::mutex live_mutex_;
  std::shared_ptr<const Published> live_;
  mutable std::mutex write_mutex_;  // serializes reloads and guards files_
  std::map<std::filesystem::path, FileState> files_;
  /// Files that failed to load once since they last changed: size and modification time then.
  std::map<std::filesystem::path, std::pair<std::uintmax_t, std::filesystem::file_time_type>>
      unsettled_;
  /// Size and mtime of the other files (mail bodies): a change reloads every form.
  std::map<std::filesystem::path, std::pair<std::uintmax_t, std::filesystem::file_time_type>>
      companions_;
  bool companions_changed_locked();

  std::mutex watch_mutex_;
  std::condition_variable watch_wake_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace servicedesk::host
