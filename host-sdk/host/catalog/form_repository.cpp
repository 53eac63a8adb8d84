// The live catalog-item forms: loading, atomic swap and per-file status.
#include "catalog/form_repository.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include <spdlog/spdlog.h>

#include "catalog/catalog_files.hpp"
#include "catalog/item_registration.hpp"
#include "servicedesk/forms/form_checks.hpp"

namespace servicedesk::host {
namespace {

bool is_form_file(const std::filesystem::directory_entry& entry) {
  std::error_code ec;
  return entry.is_regular_file(ec) && is_form_file_name(entry.path());
}

std::string first_lines(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (std::size_t i = 0; i < diagnostics.size() && i < 5; ++i)
    out += "\n  " + diagnostics[i].to_string();
  if (diagnostics.size() > 5)
    out += "\n  ... and " + std::to_string(diagnostics.size() - 5) + " more";
  return out;
}

/// What `lint` would warn about in a form that loaded (a swallowed `mandatory: true`), logged.
std::vector<Diagnostic> warnings_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<Diagnostic> warnings = form_warnings(text.str(), file);
  for (const Diagnostic& warning : warnings) spdlog::warn("catalog: {}", warning.to_string());
  return warnings;
}

}  // namespace

FormRepository::FormRepository(std::filesystem::path folder, const HandlerCatalog& handlers)
    : FormRepository(std::vector<std::filesystem::path>{std::move(folder)}, handlers) {}

FormRepository::FormRepository(std::vector<std::filesystem::path> folders,
                               const HandlerCatalog& handlers)
    : folders_(std::move(folders)),
      handlers_(handlers),
      live_(std::make_shared<const Published>()) {}

std::vector<std::filesystem::directory_entry> FormRepository::entries(bool& unreadable) const {
  std::vector<std::filesystem::directory_entry> out;
  unreadable = false;
  for (const auto& folder : folders_) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) out.push_back(entry);
    if (ec) {
      unreadable = true;
      spdlog::warn("catalog: cannot read folder {}: {}", folder.string(), ec.message());
      continue;
    }
    const auto drafts = folder / kDraftsFolder;
    // No drafts: nothing to read. A drafts folder given as a catalog folder of its own
    // (`servicedesk-host test catalog-items/drafts`) serves its forms as live ones.
    if (!std::filesystem::is_directory(drafts, ec) ||
        std::find(folders_.begin(), folders_.end(), drafts) != folders_.end())
      continue;
    for (const auto& entry : std::filesystem::directory_iterator(drafts, ec)) out.push_back(entry);
    if (ec) {
      unreadable = true;
      spdlog::warn("catalog: cannot read folder {}: {}", drafts.string(), ec.message());
    }
  }
  return out;
}

bool FormRepository::is_draft(const std::filesystem::path& file) const {
  return std::any_of(folders_.begin(), folders_.end(),
                     [&](const std::filesystem::path& folder) {
                       return file.parent_path() == folder / kDraftsFolder;
                     }) &&
         std::find(folders_.begin(), folders_.end(), file.parent_path()) == folders_.end();
}

FormRepository::~FormRepository() {
  stop();
}

std::size_t FormRepository::load_all() {
  std::lock_guard lock(write_mutex_);
  std::vector<std::filesystem::path> paths;
  bool unreadable = false;
  for (const auto& entry : entries(unreadable)) {
    if (is_form_file(entry)) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  companions_changed_locked();
  for (const auto& path : paths) load_file_locked(path, false);
  publish_locked();
  return static_cast<std::size_t>(std::count_if(files_.begin(), files_.end(),
                                                [](const auto& f) { return !f.second.status.ok; }));
}

bool FormRepository::load_file_locked(const std::filesystem::path& file, bool settle) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  const auto mtime = std::filesystem::last_write_time(file, ec);
  FormLoadResult result = load_form_file(file, handlers_);
  if (result.ok()) {
    if (auto problem = registration_problem(*result.form, file, handlers_)) {
      result.diagnostics.push_back(std::move(*problem));
      result.form.reset();
    }
  }
  if (!result.ok() && settle) {
    // An editor or a copy may be half-way through writing it: report it once it stays so.
    auto [pending, first] = unsettled_.try_emplace(file, size, mtime);
    if (first || pending->second != std::pair{size, mtime}) {
      pending->second = {size, mtime};
      spdlog::debug("catalog: {} does not load yet; waiting for it to be complete", file.string());
      return false;
    }
  }
  unsettled_.erase(file);
  FileState& state = files_[file];
  state.size = size;
  state.mtime = mtime;
  state.status.file = file;
  state.status.draft = is_draft(file);
  state.status.checked_at = std::chrono::system_clock::now();
  if (result.ok()) {
    state.form = std::move(result.form);
    state.status.ok = true;
    state.status.live = true;
    state.status.item_id = state.form->header().id;
    state.status.diagnostics.clear();
    state.status.loaded_at = state.status.checked_at;
    spdlog::info("catalog: loaded {}{} (item {}{})", state.status.draft ? "draft " : "",
                 file.string(), state.status.item_id,
                 state.status.draft ? "; never offered to requesters" : "");
    state.status.warnings = warnings_of(file);
  } else {
    state.status.ok = false;
    state.status.live = state.form != nullptr;
    state.status.diagnostics = std::move(result.diagnostics);
    spdlog::error("catalog: refused {} ({} problem(s)){}{}", file.string(),
                  state.status.diagnostics.size(),
                  state.form ? "; the last good version stays live" : "",
                  first_lines(state.status.diagnostics));
  }
  return true;
}

void FormRepository::publish_locked() {
  auto next = std::make_shared<Published>();
  for (const auto& [path, state] : files_) {
    if (!state.form) continue;
    FormMap& forms = state.status.draft ? next->drafts : next->live;
    forms.emplace(state.form->header().id, state.form);
  }
  std::lock_guard lock(live_mutex_);
  live_ = std::move(next);
}

std::shared_ptr<const FormRepository::Published> FormRepository::live() const {
  std::lock_guard lock(live_mutex_);
  return live_;
}

bool FormRepository::companions_changed_locked() {
  decltype(companions_) now;
  bool unreadable = false;
  for (const auto& entry : entries(unreadable)) {
    std::error_code file_ec;
    // A form's own file and its test cases are no companion: neither is read by a form.
    if (!entry.is_regular_file(file_ec) || entry.path().extension() == ".yaml") continue;
    const auto size = std::filesystem::file_size(entry.path(), file_ec);
    const auto mtime = std::filesystem::last_write_time(entry.path(), file_ec);
    if (!file_ec) now.emplace(entry.path(), std::make_pair(size, mtime));
  }
  const bool changed = now != companions_;
  companions_ = std::move(now);
  return changed;
}

std::size_t FormRepository::reload_changed() {
  std::lock_guard lock(write_mutex_);
  std::vector<std::filesystem::path> present;
  std::size_t changed = 0;
  const bool reload_all = companions_changed_locked();
  bool unreadable = false;
  for (const auto& entry : entries(unreadable)) {
    if (!is_form_file(entry)) continue;
    present.push_back(entry.path());
    std::error_code size_ec, time_ec;
    const auto size = std::filesystem::file_size(entry.path(), size_ec);
    const auto mtime = std::filesystem::last_write_time(entry.path(), time_ec);
    if (size_ec || time_ec) continue;
    auto it = files_.find(entry.path());
    const bool unsettled = unsettled_.count(entry.path()) != 0;
    if (!reload_all && !unsettled && it != files_.end() && it->second.size == size &&
        it->second.mtime == mtime)
      continue;
    if (load_file_locked(entry.path(), true)) ++changed;
  }
  if (unreadable) {
    // An unreadable folder (being replaced, unmounted) is no reason to drop live forms.
    if (changed != 0) publish_locked();
    return changed;
  }
  for (auto it = files_.begin(); it != files_.end();) {
    if (std::find(present.begin(), present.end(), it->first) == present.end()) {
      const std::string& item = it->second.status.item_id;
      if (it->second.status.draft)
        spdlog::info("catalog: draft {} was removed or published", it->first.string());
      else
        spdlog::warn("catalog: {} was removed; item {} is no longer offered", it->first.string(),
                     item.empty() ? "(none)" : item);
      unsettled_.erase(it->first);
      it = files_.erase(it);
      ++changed;
    } else {
      ++it;
    }
  }
  if (changed != 0) publish_locked();
  return changed;
}

namespace {

std::shared_ptr<const Form> find_in(
    const std::map<std::string, std::shared_ptr<const Form>, std::less<>>& forms,
    std::string_view item_id) {
  auto it = forms.find(item_id);
  return it == forms.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const Form>> all_of(
    const std::map<std::string, std::shared_ptr<const Form>, std::less<>>& forms) {
  std::vector<std::shared_ptr<const Form>> out;
  out.reserve(forms.size());
  for (const auto& [id, form] : forms) out.push_back(form);
  return out;
}

}  // namespace

std::shared_ptr<const Form> FormRepository::find(std::string_view item_id) const {
  return find_in(live()->live, item_id);
}

std::vector<std::shared_ptr<const Form>> FormRepository::forms() const {
  return all_of(live()->live);
}

std::shared_ptr<const Form> FormRepository::find_draft(std::string_view item_id) const {
  return find_in(live()->drafts, item_id);
}

std::vector<std::shared_ptr<const Form>> FormRepository::drafts() const {
  return all_of(live()->drafts);
}

std::string FormRepository::describe(const RegisteredItem& item) const {
  if (auto form = find(item.id)) return form->header().name + " in " + form->header().category;
  std::lock_guard lock(write_mutex_);
  auto it = files_.end();
  std::string expected;
  for (const auto& folder : folders_) {
    if (it == files_.end()) it = files_.find(folder / item.form_file);
    expected += (expected.empty() ? "" : " or ") + (folder / item.form_file).string();
  }
  if (it == files_.end()) return "form missing: expected " + expected;
  return "form refused (" + std::to_string(it->second.status.diagnostics.size()) +
         " problem(s); run `servicedesk-host lint`)";
}

std::vector<FormFileStatus> FormRepository::status() const {
  std::lock_guard lock(write_mutex_);
  std::vector<FormFileStatus> out;
  for (const auto& [path, state] : files_) out.push_back(state.status);
  return out;
}

}  // namespace servicedesk::host
