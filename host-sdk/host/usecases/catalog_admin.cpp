// The catalog status and the form versions, for catalog administrators and IT staff.
#include "usecases/catalog_admin.hpp"

#include <charconv>

#include "usecases/answer_view.hpp"

namespace servicedesk::host {
namespace {

/// `limit` as a number within 1..kMaxVersionsListed, or nullopt.
std::optional<std::size_t> parse_limit(const std::optional<std::string>& limit) {
  if (!limit) return kDefaultVersionsListed;
  std::size_t value = 0;
  const char* end = limit->data() + limit->size();
  const auto [ptr, ec] = std::from_chars(limit->data(), end, value);
  if (ec != std::errc() || ptr != end || value == 0 || value > kMaxVersionsListed)
    return std::nullopt;
  return value;
}

}  // namespace

Outcome may_read_catalog_status(const Requester& requester) {
  if (is_staff(requester) || is_catalog_admin(requester) || requester.has_role("admin")) return {};
  return Outcome::refuse(Refusal::forbidden,
                         "Only catalog administrators and IT staff can see the catalog status.");
}

CatalogRead catalog_status(const Desk& desk, const Requester& requester) {
  if (Outcome refusal = may_read_catalog_status(requester); !refusal.ok())
    return {std::move(refusal), {}};
  return {{}, desk.catalog.status()};
}

CatalogRead form_versions(const Desk& desk, const Requester& requester, std::string_view item_id,
                          const std::optional<std::string>& limit) {
  if (Outcome refusal = may_read_catalog_status(requester); !refusal.ok())
    return {std::move(refusal), {}};
  const auto count = parse_limit(limit);
  if (!count)
    return {Outcome::refuse(Refusal::bad_input, "\"limit\" must be a whole number from 1 to " +
                                                    std::to_string(kMaxVersionsListed) + "."),
            {}};
  const auto form = desk.catalog.find(item_id);
  const std::vector<FormVersionRecord> recorded = desk.store.form_versions(item_id, *count);
  if (!form && recorded.empty())
    return {Outcome::refuse(Refusal::not_found, "No such catalog item."), {}};
  nlohmann::json live = nullptr;
  std::string live_hash;
  if (form) {
    live_hash = form_version_hash(form_version_fields(*form));
    live = {{"content_hash", live_hash}, {"loaded_at_ms", desk.catalog.loaded_at_ms(item_id)}};
  }
  nlohmann::json versions = nlohmann::json::array();
  for (const FormVersionRecord& version : recorded) {
    versions.push_back({{"content_hash", version.content_hash},
                        {"loaded_at_ms", version.loaded_at_ms},
                        {"items", version.items},
                        {"live", version.content_hash == live_hash}});
  }
  return {{}, {{"item", std::string(item_id)}, {"live", std::move(live)}, {"versions", versions}}};
}

}  // namespace servicedesk::host
