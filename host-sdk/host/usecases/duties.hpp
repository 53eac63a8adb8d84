// Separation of duties and the DITC's scope: who may decide, and for whom a DITC may request.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "store/store.hpp"
#include "usecases/desk.hpp"

namespace servicedesk::host {

/// IT staff never decide (fulfil or reject) an item they opened or that is for them.
Outcome may_decide_item(const Requester& requester, const RequestItemRecord& item);

/// With `ditc_scope: department`, a DITC ordering an item offered to DITCs may only name
/// people and administrative accounts of their own department: in the answers' directory
/// fields (top level and rows' columns). Nothing to refuse otherwise.
Outcome within_ditc_scope(const Desk& desk, const Requester& requester, const Form& form,
                          const nlohmann::json& answers);

/// The same scope for the checkout's Requested For.
Outcome requested_for_within_scope(const Desk& desk, const Requester& requester, const Form& form,
                                   const std::string& requested_for);

}  // namespace servicedesk::host
