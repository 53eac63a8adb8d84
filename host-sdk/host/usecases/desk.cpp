// Who may do what, and finding the form a requester may order.
#include "usecases/desk.hpp"

#include <algorithm>

namespace servicedesk::host {

bool Requester::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool is_staff(const Requester& requester) {
  return requester.has_role(kStaffRole);
}

bool is_catalog_admin(const Requester& requester) {
  return requester.has_role(kCatalogAdminRole);
}

bool may_order(const Form& form, const Requester& requester) {
  const auto& roles = form.header().roles;
  if (roles.empty()) return true;
  return std::any_of(roles.begin(), roles.end(),
                     [&](const std::string& role) { return requester.has_role(role); });
}

OrderableForm find_orderable(const Desk& desk, std::string_view item_id,
                             const Requester& requester) {
  auto form = desk.catalog.find(item_id);
  if (!form) return {nullptr, Outcome::refuse(Refusal::not_found, "No such catalog item.")};
  if (!may_order(*form, requester))
    return {nullptr, Outcome::refuse(Refusal::forbidden, "You may not order this item.")};
  return {std::move(form), {}};
}

}  // namespace servicedesk::host
