// The Duo calls of one fulfilment: read, then find or create, associate, disassociate.
#include "duo_fulfil_steps.hpp"

#include <algorithm>
#include <optional>

#include "duo_admin_backend.hpp"
#include "duo_answers.hpp"
#include "phone_format.hpp"
#include "phone_policy.hpp"
#include "refusals.hpp"

namespace servicedesk::duo {
namespace {

/// Thrown inside this file only: a call failed (temporary or not) or the request cannot be
/// applied. `run` turns both into an ApplyResult.
struct CallFailed {
  DuoError error;
};
struct Refusal {
  std::string message;
};

bool holds(const DuoUser& user, const std::string& phone_id) {
  return std::any_of(user.phones.begin(), user.phones.end(),
                     [&](const DuoPhone& phone) { return phone.id == phone_id; });
}

std::optional<DuoPhone> with_number(const DuoUser& user, const std::string& e164) {
  for (const DuoPhone& phone : user.phones)
    if (phone.number == e164) return phone;
  return std::nullopt;
}

/// The phones of `user` ending in `four` (or every one when `four` is empty), other than `e164`.
std::vector<DuoPhone> candidates(const std::vector<DuoPhone>& phones, const std::string& four,
                                 const std::string& e164) {
  std::vector<DuoPhone> found;
  for (const DuoPhone& phone : phones)
    if (phone.number != e164 && (four.empty() || last_four(phone.number) == four))
      found.push_back(phone);
  return found;
}

}  // namespace

FulfilSteps::FulfilSteps(AdminApiClient& client, std::string ritm, NameOf name_of)
    : client_(client), ritm_(std::move(ritm)), name_of_(std::move(name_of)) {}

ApplyResult FulfilSteps::run(const DuoRequest& request, AccountKind kind) {
  try {
    if (kind == AccountKind::person) {
      person(request);
    } else {
      if (request.request_type != "add" && request.request_type != "update" &&
          request.request_type != "remove")
        throw Refusal{"Unknown request type '" + request.request_type + "'."};
      if (request.members.empty()) throw Refusal{"The request names no users of the account."};
      for (const MemberChange& row : request.members)
        member(request.account, row, request.request_type);
    }
  } catch (const CallFailed& failed) {
    const auto status =
        failed.error.temporary() ? ApplyResult::Status::temporary : ApplyResult::Status::refused;
    std::string message = failed.error.temporary() ? std::string(kDuoUnreachable) + " "
                                                   : std::string("Duo refused the change: ");
    return {status, message + failed.error.describe() + "."};
  } catch (const Refusal& refusal) {
    return {ApplyResult::Status::refused, refusal.message};
  }
  std::string text;
  for (const std::string& line : done_) text += (text.empty() ? "" : " ") + line;
  return {ApplyResult::Status::done, text};
}

DuoReply FulfilSteps::must(DuoReply reply) {
  if (!reply.ok()) throw CallFailed{reply.error};
  return reply;
}

DuoUser FulfilSteps::user(const std::string& username) {
  touched_.push_back(username);
  UserRead read = DuoAdminBackend::read_user(client_, ritm_, username);
  if (!read.ok()) throw CallFailed{read.error};
  if (!read.user) throw Refusal{name_of_(username) + " (" + username + ") has no Duo account."};
  return std::move(*read.user);
}

std::string FulfilSteps::e164_of(const std::string& typed, const std::string& name) {
  const auto e164 = to_e164(typed);
  if (!e164) throw Refusal{"The phone number for " + name + " is not a valid number."};
  return *e164;
}

DuoPhone FulfilSteps::find_or_create(const std::string& e164,
                                     const std::vector<const DuoUser*>& known) {
  for (const DuoUser* user : known)
    if (auto phone = with_number(*user, e164)) return *phone;
  DuoReply found = must(client_.get(ritm_, "/admin/v1/phones", {{"number", e164}}));
  if (found.response.is_array() && !found.response.empty()) {
    const std::string id = phone_id_of(found.response.front());
    if (id.empty()) throw CallFailed{{DuoError::Kind::protocol, 200, 0, "no phone_id", ""}};
    return {id, e164};
  }
  DuoReply created =
      must(client_.post(ritm_, "/admin/v1/phones", {{"number", e164}, {"type", "mobile"}}));
  const std::string id = phone_id_of(created.response);
  if (id.empty()) throw CallFailed{{DuoError::Kind::protocol, 200, 0, "no phone_id", ""}};
  return {id, e164};
}

void FulfilSteps::associate(DuoUser& user, const DuoPhone& phone) {
  if (holds(user, phone.id)) return;
  must(client_.post(ritm_, "/admin/v1/users/" + user.id + "/phones", {{"phone_id", phone.id}}));
  user.phones.push_back(phone);
}

void FulfilSteps::disassociate(DuoUser& user, const DuoPhone& phone) {
  if (!holds(user, phone.id)) return;
  must(client_.del(ritm_, "/admin/v1/users/" + user.id + "/phones/" + phone.id));
  std::erase_if(user.phones, [&](const DuoPhone& held) { return held.id == phone.id; });
}

void FulfilSteps::drop_from_person(DuoUser& user, const DuoPhone& phone) {
  const DuoReply read = must(client_.get(ritm_, "/admin/v1/phones/" + phone.id));
  if (held_by_another_user(read.response, user.id)) {
    disassociate(user, phone);  // another user keeps the phone
    return;
  }
  must(client_.del(ritm_, "/admin/v1/phones/" + phone.id));  // nobody else: delete it
  std::erase_if(user.phones, [&](const DuoPhone& held) { return held.id == phone.id; });
}

void FulfilSteps::person(const DuoRequest& request) {
  const std::string& type = request.request_type;
  if (type == "remove") throw Refusal{std::string(kRemoveOnlyAdministrative)};
  if (type != "add" && type != "update") throw Refusal{"Unknown request type '" + type + "'."};
  DuoUser holder = user(request.account);
  const std::string name = name_of_(request.account);
  const std::string e164 = e164_of(request.phone, name);
  const bool new_in_place = with_number(holder, e164).has_value();
  std::optional<DuoPhone> old;
  if (type == "update") {
    const auto found = candidates(holder.phones, request.replace_last_four, e164);
    if (found.size() == 1) {
      old = found.front();
    } else if (found.size() > 1) {
      throw Refusal{"The last four digits of the phone to update are missing for " + name + "."};
    } else if (!new_in_place) {
      throw Refusal{request.replace_last_four.empty()
                        ? name + " has no phone on Duo to update."
                        : no_phone_ending_message(request.replace_last_four, name)};
    }
  }
  if (!new_in_place) associate(holder, find_or_create(e164, {&holder}));
  if (old) drop_from_person(holder, *old);
  if (type == "add")
    done_.push_back("Added " + mask_phone(e164) + " for " + name + ".");
  else
    done_.push_back(
        "Replaced " +
        (old ? "phone ending " + last_four(old->number) : std::string("the old phone")) + " with " +
        mask_phone(e164) + " for " + name + ".");
}

void FulfilSteps::member(const std::string& account, const MemberChange& row,
                         const std::string& type) {
  DuoUser owner = user(account);
  DuoUser holder = user(row.user);
  const std::string name = name_of_(row.user);
  const std::string where = " on " + name_of_(account);
  std::vector<DuoPhone> shared;
  for (const DuoPhone& phone : owner.phones)
    if (holds(holder, phone.id)) shared.push_back(phone);
  const std::string e164 = type == "remove" ? std::string() : e164_of(row.phone, name);
  const auto on_both = [&] {
    const auto phone = with_number(owner, e164);
    return phone && holds(holder, phone->id);
  };
  const bool new_in_place = type != "remove" && on_both();
  std::optional<DuoPhone> old;
  if (type != "add") {
    const auto found = candidates(shared, row.last_four, e164);
    if (!found.empty()) old = found.front();
    if (!old && type == "update" && !new_in_place)
      throw Refusal{no_phone_ending_message(row.last_four, name)};
  }
  if (type != "remove" && !new_in_place) {
    const DuoPhone phone = find_or_create(e164, {&owner, &holder});
    associate(holder, phone);
    associate(owner, phone);
  }
  if (old) disassociate(owner, *old);  // the member keeps the phone on their own account
  if (type == "add")
    done_.push_back("Added " + mask_phone(e164) + " for " + name + where + ".");
  else if (type == "update")
    done_.push_back(
        "Replaced " +
        (old ? "phone ending " + last_four(old->number) : std::string("the old phone")) + " with " +
        mask_phone(e164) + " for " + name + where + ".");
  else
    done_.push_back(old ? "Removed phone ending " + last_four(old->number) + " of " + name + where +
                              "."
                        : "No phone ending in " + row.last_four + " of " + name + " is" + where +
                              " any more; nothing to remove.");
}

}  // namespace servicedesk::duo
