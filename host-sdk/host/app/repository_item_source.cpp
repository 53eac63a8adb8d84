// The admin view of the catalog folder: each file's status and its file:line:col errors.
#include "app/repository_item_source.hpp"

namespace servicedesk::host {

nlohmann::json RepositoryItemSource::status() const {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& file : repository_.status()) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& diagnostic : file.diagnostics) errors.push_back(diagnostic.to_string());
    files.push_back({{"file", file.file.filename().string()},
                     {"item", file.item_id},
                     {"ok", file.ok},
                     {"live", file.live},
                     {"errors", std::move(errors)}});
  }
  nlohmann::json folders = nlohmann::json::array();
  for (const auto& folder : repository_.folders()) folders.push_back(folder.string());
  // `folder` (the first) stays for clients that read one folder.
  return {{"folder", folders.empty() ? std::string() : folders[0].get<std::string>()},
          {"folders", std::move(folders)},
          {"files", std::move(files)}};
}

}  // namespace servicedesk::host
