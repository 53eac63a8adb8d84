// The real backend: a Duo tenant through the Admin API, with cached reads for the rules.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "duo_account_cache.hpp"
#include "duo_admin_client.hpp"
#include "duo_backend.hpp"

namespace servicedesk::duo {

/// Reads for the rules go through a short-lived cache (2 attempts per call, so a refusal
/// comes quickly); a fulfilment reads Duo afresh before each change (4 attempts per call).
class DuoAdminBackend final : public DuoBackend {
 public:
  using NameOf = std::function<std::string(std::string_view)>;
  DuoAdminBackend(const AdminApiSettings& settings, std::chrono::milliseconds cache_ttl,
                  AdminApiClient::Observer observer, NameOf display_name);

  PhonesRead phones(std::string_view account, std::string_view user) override;
  ApplyResult apply(std::string_view ritm, const DuoRequest& request, AccountKind kind) override;

  /// Reads `username` and its phones (every page) from Duo, tagged `tag` in the audit log.
  static UserRead read_user(AdminApiClient& client, std::string_view tag,
                            const std::string& username);

 private:
  AdminApiClient reads_;
  AdminApiClient writes_;
  DuoAccountCache cache_;
  NameOf display_name_;
};

}  // namespace servicedesk::duo
