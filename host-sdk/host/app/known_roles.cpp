// The roles a catalog item's `available_for` may name: the directory's and the host's own.
#include "app/known_roles.hpp"

#include <set>

#include "usecases/desk.hpp"

namespace servicedesk::host {

std::vector<std::string> known_roles(const HostConfig& config, const HostParts& parts) {
  std::set<std::string> roles{std::string(kStaffRole), std::string(kCatalogAdminRole)};
  for (const auto& [role, group] : config.ldap.roles) roles.insert(role);
  if (parts.directory) {
    const auto snapshot = parts.directory->current();
    for (const DirectoryRecord& record : snapshot->records())
      roles.insert(record.roles.begin(), record.roles.end());
  }
  return {roles.begin(), roles.end()};
}

}  // namespace servicedesk::host
