// The admin view of the catalog folders: each file's status, its problems by line, the version
// live now and the drafts of its item.
#include "app/repository_item_source.hpp"

#include <set>

#include "servicedesk/forms/form_checks.hpp"
#include "usecases/answer_view.hpp"

namespace servicedesk::host {
namespace {

std::int64_t ms_of(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

/// `{line, column, severity, message}`: the portal shows each problem at its line.
nlohmann::json problem_json(const Diagnostic& problem) {
  const bool warning = is_warning(problem);
  return {{"line", problem.line},
          {"column", problem.column},
          {"severity", warning ? "warning" : "error"},
          {"message", warning ? problem.message.substr(std::string_view("warning: ").size())
                              : problem.message}};
}

/// The file's path under its catalog folder: `duo.yaml`, `drafts/duo.yaml`.
std::string shown_path(const FormFileStatus& file) {
  const std::string name = file.file.filename().string();
  return file.draft ? std::string(kDraftsFolder) + "/" + name : name;
}

}  // namespace

std::shared_ptr<const Form> RepositoryItemSource::find_draft(std::string_view item_id) const {
  return repository_.find_draft(item_id);
}

std::int64_t RepositoryItemSource::loaded_at_ms(std::string_view item_id) const {
  for (const auto& file : repository_.status()) {
    if (!file.draft && file.live && file.item_id == item_id) return ms_of(file.loaded_at);
  }
  return 0;
}

nlohmann::json RepositoryItemSource::status() const {
  const std::vector<FormFileStatus> statuses = repository_.status();
  nlohmann::json files = nlohmann::json::array();
  for (const auto& file : statuses) {
    nlohmann::json errors = nlohmann::json::array();
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& diagnostic : file.diagnostics) {
      errors.push_back(diagnostic.to_string());
      problems.push_back(problem_json(diagnostic));
    }
    if (file.ok)
      for (const auto& warning : file.warnings) problems.push_back(problem_json(warning));
    nlohmann::json version = nullptr;
    const auto form =
        file.draft ? repository_.find_draft(file.item_id) : repository_.find(file.item_id);
    if (file.live && form) {
      version = {{"content_hash", form_version_hash(form_version_fields(*form))},
                 {"loaded_at_ms", ms_of(file.loaded_at)}};
    }
    std::set<std::string> drafts;  // the drafts of this file's item
    if (!file.draft && !file.item_id.empty())
      for (const auto& other : statuses)
        if (other.draft && other.item_id == file.item_id) drafts.insert(shown_path(other));
    files.push_back({{"file", file.file.filename().string()},
                     {"path", shown_path(file)},
                     {"item", file.item_id},
                     {"draft", file.draft},
                     {"ok", file.ok},
                     {"live", file.live},
                     {"errors", std::move(errors)},
                     {"problems", std::move(problems)},
                     {"live_version", std::move(version)},
                     {"checked_at_ms", ms_of(file.checked_at)},
                     {"drafts", drafts}});
  }
  nlohmann::json folders = nlohmann::json::array();
  for (const auto& folder : repository_.folders()) folders.push_back(folder.string());
  // `folder` (the first) stays for clients that read one folder.
  return {{"folder", folders.empty() ? std::string() : folders[0].get<std::string>()},
          {"folders", std::move(folders)},
          {"files", std::move(files)}};
}

}  // namespace servicedesk::host
