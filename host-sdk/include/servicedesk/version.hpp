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
#define SERVICEDESK_API_MAJOR 2
/// Bumped when the SDK grows in a compatible way. A host refuses plugins built against
/// a newer minor than its own, since they may use what the host does not have.
/// 2.1: plugin config sections are trees (PluginConfig::section, HostServices::config_problem),
/// plugins count events for /metrics (HostServices::count), fulfilment handlers can say a
/// failure is temporary (FulfilmentInput::feedback).
/// 2.2: an item can be fulfilled at checkout without a staff decision
/// (Registrar::fulfil_at_checkout); fulfilment runs as a durable job, retried on temporary
/// failures.
#define SERVICEDESK_API_MINOR 2

namespace servicedesk {

inline constexpr std::uint32_t kApiMajor = SERVICEDESK_API_MAJOR;
inline constexpr std::uint32_t kApiMinor = SERVICEDESK_API_MINOR;

}  // namespace servicedesk
