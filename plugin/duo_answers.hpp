// Reading Duo's answers: the envelope, and the users, phones and holders the plugin needs.
// Never throws: an answer that is not the shape Duo documents is a protocol error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "duo_account_cache.hpp"
#include "duo_admin_client.hpp"

namespace servicedesk::duo {

/// Duo's envelope (`{"stat": "OK", "response": ...}` or `{"stat": "FAIL", "code": ...}`)
/// read into a reply; a status that disagrees with `stat` is a protocol error.
DuoReply read_envelope(long status, const std::string& body);

/// The user a `GET /admin/v1/users?username=` answer names, without phones: no user when
/// the list is empty, a protocol error when the first entry has no `user_id`.
UserRead read_user_answer(const nlohmann::json& response, std::string_view username);

/// The phones of a `GET /admin/v1/users/{id}/phones` answer (numbers in E.164 where they
/// parse); nullopt when an entry is not a phone object with a `phone_id`.
std::optional<std::vector<DuoPhone>> read_phones_answer(const nlohmann::json& response);

/// The `phone_id` of an object, or "" when there is none.
std::string phone_id_of(const nlohmann::json& phone);

/// Whether a `GET /admin/v1/phones/{id}` answer lists a user other than `user_id`.
bool held_by_another_user(const nlohmann::json& phone, const std::string& user_id);

}  // namespace servicedesk::duo
