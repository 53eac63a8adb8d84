// The use cases' shared ground: what they work on, who asks, and how a refusal reads.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/login_throttle.hpp"
#include "servicedesk/directory.hpp"
#include "servicedesk/forms/handler_failures.hpp"
#include "store/store.hpp"
#include "usecases/item_source.hpp"

namespace servicedesk::host {

/// What the use cases work on. Every member is owned by the app and outlives the calls.
struct Desk {
  Store& store;
  ItemSource& catalog;
  const Directory& directory;
  /// Called after a write queued mail, so delivery need not wait for the next poll.
  const std::function<void()>& mail_queued;
  /// Serializes staff decisions, so a fulfilment handler never runs twice for one RITM.
  std::mutex& decisions;
  /// `ditc_scope: department`: a DITC requests only within their own department.
  bool ditc_scope_department = false;
  /// Counts each person's refused answers (see answer_probes.hpp); null: no limit.
  FailureThrottle* refused_answers = nullptr;
  /// Runs fulfilment jobs outside the request; null: items with a fulfilment handler cannot
  /// be fulfilled.
  JobRunner* jobs = nullptr;
  /// Logs and counts each plugin handler that threw; null: failures are not reported.
  const HandlerFailureSink* handler_failures = nullptr;
};

/// The logged-in person a use case acts for.
struct Requester {
  const std::string& username;
  const std::vector<std::string>& roles;
  bool has_role(std::string_view role) const;
};

/// The role of IT staff: they fulfil requests and see every request and the catalog status.
inline constexpr std::string_view kStaffRole = "it_staff";

/// Whether the requester is IT staff.
bool is_staff(const Requester& requester);

/// The role of catalog administrators: they preview drafts and see the catalog status.
inline constexpr std::string_view kCatalogAdminRole = "catalog_admin";

/// Whether the requester is a catalog administrator.
bool is_catalog_admin(const Requester& requester);

/// Why a use case said no; the HTTP layer maps each to a status.
enum class Refusal {
  none,
  bad_input,    ///< the caller sent something unusable (400)
  forbidden,    ///< not this person's to do (403)
  not_found,    ///< no such thing (404)
  conflict,     ///< a rule or a concurrent change stands in the way (409)
  invalid,      ///< answers with errors by path (422)
  unavailable,  ///< the store failed; nothing was written (503)
  throttled,    ///< too many refusals for this person; try again after `retry_after` (429)
};

/// A use case's answer when it refuses: a sentence a person can act on, or errors by path.
struct Outcome {
  Refusal refusal = Refusal::none;
  std::string message;                               ///< set unless `invalid`
  nlohmann::json errors = nlohmann::json::object();  ///< `{PATH:[msg]}` when `invalid`
  std::chrono::seconds retry_after{};                ///< when `throttled`
  bool ok() const { return refusal == Refusal::none; }
  static Outcome refuse(Refusal why, std::string message) {
    return {why, std::move(message), nlohmann::json::object(), {}};
  }
  static Outcome invalid_answers(nlohmann::json errors) {
    return {Refusal::invalid, {}, std::move(errors), {}};
  }
};

/// Whether the requester may see and order the item (`available_for.roles`; empty = everyone).
bool may_order(const Form& form, const Requester& requester);

/// The live form of `item_id` the requester may order, or the refusal (404, 403).
struct OrderableForm {
  std::shared_ptr<const Form> form;
  Outcome outcome;
};
OrderableForm find_orderable(const Desk& desk, std::string_view item_id,
                             const Requester& requester);

}  // namespace servicedesk::host
