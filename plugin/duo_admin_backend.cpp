// Duo reads for the rules (cached) and the entry to the fulfilment steps.
#include "duo_admin_backend.hpp"

#include <algorithm>

#include "duo_answers.hpp"
#include "duo_fulfil_steps.hpp"
#include "phone_policy.hpp"

namespace servicedesk::duo {
namespace {

AdminApiSettings with_attempts(AdminApiSettings settings, int attempts) {
  settings.max_attempts = attempts;
  return settings;
}

std::vector<std::string> numbers_of(const std::vector<DuoPhone>& phones) {
  std::vector<std::string> numbers;
  for (const DuoPhone& phone : phones) numbers.push_back(phone.number);
  return numbers;
}

}  // namespace

DuoAdminBackend::DuoAdminBackend(const AdminApiSettings& settings,
                                 std::chrono::milliseconds cache_ttl,
                                 AdminApiClient::Observer observer, NameOf display_name)
    : reads_(with_attempts(settings, 2), observer),
      writes_(settings, observer),
      cache_(cache_ttl,
             [this](const std::string& username) { return read_user(reads_, "read", username); }),
      display_name_(std::move(display_name)) {}

UserRead DuoAdminBackend::read_user(AdminApiClient& client, std::string_view tag,
                                    const std::string& username) {
  UserRead read;
  DuoReply users = client.get(tag, "/admin/v1/users", {{"username", username}});
  if (!users.ok()) {
    read.error = users.error;
    return read;
  }
  read = read_user_answer(users.response, username);
  if (!read.user) return read;  // no such user, or an answer of the wrong shape
  DuoReply phones = client.get_all(tag, "/admin/v1/users/" + read.user->id + "/phones");
  if (!phones.ok()) {
    read.error = phones.error;
    read.user.reset();
    return read;
  }
  auto listed = read_phones_answer(phones.response);
  if (!listed) {
    read.error = {DuoError::Kind::protocol, 200, 0, "a phone without phone_id", ""};
    read.user.reset();
    return read;
  }
  read.user->phones = std::move(*listed);
  return read;
}

PhonesRead DuoAdminBackend::phones(std::string_view account, std::string_view user) {
  const UserRead owner = cache_.get(account);
  if (!owner.ok()) return {{}, true};
  if (!owner.user) return {};
  if (account == user) return {numbers_of(owner.user->phones), false};
  const UserRead member = cache_.get(user);
  if (!member.ok()) return {{}, true};
  if (!member.user) return {};
  // A member's phone on an administrative account: associated with both users.
  std::vector<std::string> shared;
  for (const DuoPhone& phone : owner.user->phones) {
    const auto& theirs = member.user->phones;
    if (std::any_of(theirs.begin(), theirs.end(),
                    [&](const DuoPhone& other) { return other.id == phone.id; }))
      shared.push_back(phone.number);
  }
  return {shared, false};
}

ApplyResult DuoAdminBackend::apply(std::string_view ritm, const DuoRequest& request,
                                   AccountKind kind) {
  FulfilSteps steps(writes_, std::string(ritm), display_name_);
  ApplyResult result = steps.run(request, kind);
  for (const std::string& username : steps.touched_users()) cache_.invalidate(username);
  return result;
}

}  // namespace servicedesk::duo
