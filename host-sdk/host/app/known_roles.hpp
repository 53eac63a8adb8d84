// The roles a catalog item's `available_for` may name: the directory's and the host's own.
#pragma once

#include <string>
#include <vector>

#include "app/host_config.hpp"
#include "app/host_parts.hpp"

namespace servicedesk::host {

/// Every role some person holds in the directory, every role the LDAP settings map, and
/// the host's own roles (`it_staff`, `catalog_admin`), sorted and distinct.
std::vector<std::string> known_roles(const HostConfig& config, const HostParts& parts);

}  // namespace servicedesk::host
