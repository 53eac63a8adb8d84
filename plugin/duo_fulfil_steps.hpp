// A fulfilled request mapped onto Duo's model: each step reads Duo first, so a rerun is safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "duo_account_cache.hpp"
#include "duo_admin_client.hpp"
#include "duo_backend.hpp"

namespace servicedesk::duo {

/// Runs one RITM's change against Duo (point 4 of the design):
/// - person Add: find the phone by number or create it (mobile), associate it with the user;
/// - person Update: the new number as for Add, then the replaced phone leaves the user (the
///   phone is deleted when no other user holds it);
/// - administrative account: a member's phone is one associated with both the account's
///   Duo user and the member's; Add associates with both, Update adds the new one and
///   disassociates the old one from the account, Remove disassociates from the account only.
/// Every step starts from a fresh read, so running the RITM again after a crash or a
/// timeout ends in the same state without duplicate phones.
class FulfilSteps {
 public:
  using NameOf = std::function<std::string(std::string_view)>;
  FulfilSteps(AdminApiClient& client, std::string ritm, NameOf name_of);

  ApplyResult run(const DuoRequest& request, AccountKind kind);
  /// Usernames whose phones may have changed (to drop from caches).
  const std::vector<std::string>& touched_users() const { return touched_; }

 private:
  DuoUser user(const std::string& username);
  DuoPhone find_or_create(const std::string& e164, const std::vector<const DuoUser*>& known);
  void associate(DuoUser& user, const DuoPhone& phone);
  void disassociate(DuoUser& user, const DuoPhone& phone);
  void drop_from_person(DuoUser& user, const DuoPhone& phone);
  DuoReply must(DuoReply reply);
  std::string e164_of(const std::string& typed, const std::string& name);

  void person(const DuoRequest& request);
  void member(const std::string& account, const MemberChange& row, const std::string& type);

  AdminApiClient& client_;
  std::string ritm_;
  NameOf name_of_;
  std::vector<std::string> done_;
  std::vector<std::string> touched_;
};

}  // namespace servicedesk::duo
