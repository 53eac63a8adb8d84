// The SDK's API version: the contract between a host and the plugins built against it.
#pragma once

#include <cstdint>

/// Bumped when a change breaks plugins built against an older SDK (layout or meaning
/// of any type in these headers). A host refuses plugins of another major.
#define SERVICEDESK_API_MAJOR 1
/// Bumped when the SDK grows in a compatible way. A host refuses plugins built against
/// a newer minor than its own, since they may use what the host does not have.
/// 1.1: plugin config sections are trees (PluginConfig::section, HostServices::config_problem).
#define SERVICEDESK_API_MINOR 1

namespace servicedesk {

inline constexpr std::uint32_t kApiMajor = SERVICEDESK_API_MAJOR;
inline constexpr std::uint32_t kApiMinor = SERVICEDESK_API_MINOR;

}  // namespace servicedesk
