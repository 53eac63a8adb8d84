// The demo directory of DESIGN.md (plus the IT staff member `helpdesk`), for unit tests.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "servicedesk/directory.hpp"

namespace servicedesk::testing {

/// tuffytitan, tessatitan, dcoordinator, newhire, helpdesk and athletics-admin, with the
/// demo's departments and `<username>@example.edu` addresses. Search matches any part of
/// the username or display name, any case, in this order.
class DemoDirectory final : public Directory {
 public:
  DemoDirectory();
  std::vector<const DirectoryEntry*> search(std::string_view query, KindFilter kind,
                                            std::size_t limit) const override;
  const DirectoryEntry* find(std::string_view username) const override;

 private:
  std::vector<DirectoryEntry> entries_;
};

}  // namespace servicedesk::testing
