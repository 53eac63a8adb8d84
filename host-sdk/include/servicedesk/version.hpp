// The SDK's API version and the rules by which the plugin boundary may grow.
#pragma once

#include <cstdint>

// Growth rules for everything in include/servicedesk/ (the plugin-facing headers).
//
// A MINOR version may only add, never change:
//  - new functions, types and constants;
//  - new virtual functions at the END of Registrar, HostServices, Directory, Logger,
//    Notifier and PluginConfig (a plugin built against an older minor never calls them);
//  - new members at the END of PluginInfo, which the host reads only when the plugin's
//    api_minor says they exist;
//  - new members at the END of the input structs the host builds and plugins only read
//    (FieldInput, FormInput, CartView, SummaryInput, FulfilmentInput).
// Everything else needs a MAJOR bump: removing, reordering or retyping a member or a
// virtual function; growing a struct a plugin builds and hands to the host (ItemInfo,
// ParamSpec, FieldRead, HandlerContract, RuleVerdict, FieldError, GuardVerdict,
// FulfilmentResult); a new handler kind; a new meaning for an existing value.
// C++ library types cross the boundary (std::string, std::vector, std::variant,
// std::unique_ptr, nlohmann::json), so host and plugins are built with the same compiler,
// C++ standard library, Boost and nlohmann_json versions, and the same SDK major.

/// Bumped when a change breaks plugins built against an older SDK (see the rules above).
/// A host refuses plugins of another major. 2: items carry only id and form file (name,
/// category and description come from the YAML); handlers register one contract
/// (parameters and the fields they read) through Registrar::add_handler.
/// 3: handlers return HandlerOutcome (a thrown exception's text reaches the host's log);
/// FieldInput::answers and FieldInput::row hold validated answers, not the request body;
/// ParamSpec needs its type, RuleParams getters check it, ParamType::field; form rules
/// declare a Cost and run live in /evaluate.
#define SERVICEDESK_API_MAJOR 3
/// Bumped when the SDK grows in a compatible way. A host refuses plugins built against
/// a newer minor than its own, since they may use what the host does not have.
/// (2.1 made plugin config sections trees (PluginConfig::section, HostServices::config_problem),
/// let plugins count events for /metrics (HostServices::count) and fulfilment handlers say a
/// failure is temporary (FulfilmentInput::feedback); 2.2 let an item be fulfilled at checkout
/// (Registrar::fulfil_at_checkout), fulfilment running as a durable job. All of it is part
/// of 3.0.) 3.1 added ParamType::date_field.
#define SERVICEDESK_API_MINOR 1

namespace servicedesk {

inline constexpr std::uint32_t kApiMajor = SERVICEDESK_API_MAJOR;
inline constexpr std::uint32_t kApiMinor = SERVICEDESK_API_MINOR;

}  // namespace servicedesk
