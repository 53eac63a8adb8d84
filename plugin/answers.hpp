// The DUO item's answers read into plain values, tolerant of anything a client sends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "servicedesk/handlers.hpp"

namespace servicedesk::duo {

/// The ids of the DUO form's fields the handlers read. The same names are declared to the
/// host at registration (request_fields()), so a form that renames one fails to load at
/// the binding instead of switching a rule off.
namespace field_ids {
inline constexpr const char* kAccount = "account";
inline constexpr const char* kRequestType = "request_type";
inline constexpr const char* kPhone = "phone";
inline constexpr const char* kReplaceLastFour = "replace_last_four";
inline constexpr const char* kMembers = "members";
inline constexpr const char* kUser = "user";           ///< a column of members
inline constexpr const char* kLastFour = "last_four";  ///< a column of members
}  // namespace field_ids

/// What read_request reads: the fields and members' columns above.
std::vector<FieldRead> request_fields();

/// One row of the administrative section.
struct MemberChange {
  std::string user;       ///< directory username
  std::string last_four;  ///< of the phone to update or remove
  std::string phone;      ///< the phone to add, or the replacement, as typed or E.164
};

/// What a DUO Account updates request asks for. Missing or mistyped answers read as empty,
/// so handlers never throw on what a client sent.
struct DuoRequest {
  std::string account;            ///< username of the person or administrative account
  std::string request_type;       ///< "add", "update" or "remove"
  std::string phone;              ///< person accounts: the phone to add or the replacement
  std::string replace_last_four;  ///< person accounts with several phones, on update
  std::vector<MemberChange> members;
};

/// Reads `answers` (the contract's answers object); never throws.
DuoRequest read_request(const nlohmann::json& answers);

/// The string at `key` of `object`, trimmed, or "" when absent or not a string.
std::string string_at(const nlohmann::json& object, std::string_view key);

}  // namespace servicedesk::duo
