// The plugin entry point: one exported symbol returning a plain info struct.
#pragma once

#include <cstdint>
#include <exception>
#include <string>

#include <boost/dll/alias.hpp>

#include "servicedesk/registrar.hpp"
#include "servicedesk/version.hpp"

namespace servicedesk {

/// The name of the exported entry symbol a host looks up.
inline constexpr const char* kPluginEntrySymbol = "servicedesk_plugin_entry";

/// What a plugin tells the host about itself. Layout rule: `api_major` and `api_minor`
/// stay the first two members in every SDK version, so any host can read them.
struct PluginInfo {
  std::uint32_t api_major;
  std::uint32_t api_minor;
  const char* name;     ///< "duo-account-updates"
  const char* version;  ///< the plugin's own version, "1.2.0"
  /// Calls the plugin's register function; returns false with `error` set when it threw.
  bool (*register_plugin)(Registrar& registrar, std::string& error) noexcept;
};

/// The entry's type: `const PluginInfo* entry()`.
using PluginEntryFn = const PluginInfo*();

}  // namespace servicedesk

/// Declares a plugin. Put it once in one source file of the plugin:
///   SERVICEDESK_PLUGIN("my-plugin", "1.0.0", register_my_plugin)
/// where `void register_my_plugin(servicedesk::Registrar&)` registers items and handlers.
/// An exception thrown by the register function is caught on the plugin's side.
#define SERVICEDESK_PLUGIN(NAME, VERSION, REGISTER_FUNCTION)                \
  namespace {                                                               \
  bool servicedesk_register_trampoline(::servicedesk::Registrar& registrar, \
                                       std::string& error) noexcept {       \
    try {                                                                   \
      REGISTER_FUNCTION(registrar);                                         \
      return true;                                                          \
    } catch (...) {                                                         \
      error = ::servicedesk::detail::describe_current_exception();          \
      return false;                                                         \
    }                                                                       \
  }                                                                         \
  const ::servicedesk::PluginInfo servicedesk_plugin_info_value{            \
      SERVICEDESK_API_MAJOR, SERVICEDESK_API_MINOR, NAME, VERSION,          \
      &servicedesk_register_trampoline};                                    \
  }                                                                         \
  namespace servicedesk_plugin_entry_ns {                                   \
  const ::servicedesk::PluginInfo* entry() {                                \
    return &servicedesk_plugin_info_value;                                  \
  }                                                                         \
  }                                                                         \
  BOOST_DLL_ALIAS(servicedesk_plugin_entry_ns::entry, servicedesk_plugin_entry)
