// Drafts for catalog administrators: the list, and one draft's form with its problems.
#include "usecases/drafts.hpp"

namespace servicedesk::host {
namespace {

/// The status entries of the draft files (ItemSource::status).
std::vector<nlohmann::json> draft_files(const ItemSource& catalog) {
  std::vector<nlohmann::json> out;
  for (const auto& file : catalog.status().value("files", nlohmann::json::array()))
    if (file.value("draft", false)) out.push_back(file);
  return out;
}

}  // namespace

Outcome may_preview_drafts(const Requester& requester) {
  if (is_catalog_admin(requester)) return {};
  return Outcome::refuse(Refusal::forbidden, "Only catalog administrators can see drafts.");
}

CatalogRead list_drafts(const Desk& desk, const Requester& requester) {
  if (Outcome refusal = may_preview_drafts(requester); !refusal.ok())
    return {std::move(refusal), {}};
  nlohmann::json drafts = nlohmann::json::array();
  for (const auto& file : draft_files(desk.catalog)) {
    const std::string item = file.value("item", "");
    const auto form = item.empty() ? nullptr : desk.catalog.find_draft(item);
    drafts.push_back({{"item", item},
                      {"name", form ? form->header().name : ""},
                      {"category", form ? form->header().category : ""},
                      {"description", form ? form->header().description : ""},
                      {"path", file["path"]},
                      {"ok", file["ok"]},
                      {"loaded", form != nullptr},
                      {"replaces_live", !item.empty() && desk.catalog.find(item) != nullptr},
                      {"problems", file["problems"]}});
  }
  return {{}, {{"drafts", std::move(drafts)}}};
}

CatalogRead draft_view(const Desk& desk, const Requester& requester, std::string_view item_id) {
  if (Outcome refusal = may_preview_drafts(requester); !refusal.ok())
    return {std::move(refusal), {}};
  const auto form = desk.catalog.find_draft(item_id);
  if (!form) return {Outcome::refuse(Refusal::not_found, "No such draft."), {}};
  nlohmann::json body = {{"form", form->client_json()},
                         {"replaces_live", desk.catalog.find(item_id) != nullptr}};
  body["form"]["draft"] = true;
  for (const auto& file : draft_files(desk.catalog)) {
    if (file.value("item", "") != item_id) continue;
    body["path"] = file["path"];
    body["ok"] = file["ok"];
    body["problems"] = file["problems"];
  }
  return {{}, std::move(body)};
}

}  // namespace servicedesk::host
