// Services a host hands to a plugin: the plugin never reaches for host globals.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/config_node.hpp"
#include "servicedesk/directory.hpp"

namespace servicedesk {

/// Where a plugin writes its log lines; the host decides format and destination.
/// Never pass a full phone number, a password or a token.
class Logger {
 public:
  virtual ~Logger() = default;
  virtual void info(std::string_view message) = 0;
  virtual void warn(std::string_view message) = 0;
  virtual void error(std::string_view message) = 0;
};

/// One e-mail a plugin asks the host to send (queued in the host's outbox).
struct OutgoingMail {
  std::string to_username;  ///< a directory username; the host resolves the address
  std::string subject;
  std::string body;  ///< plain text; mask phone numbers to their last four digits
};

/// Sends mail through the host's outbox (durable, retried).
class Notifier {
 public:
  virtual ~Notifier() = default;
  virtual void send(const OutgoingMail& mail) = 0;
};

/// The plugin's own section of the host configuration (`plugins: {<name>: {...}}`).
/// Growth rule: virtual functions are only ever appended, so a plugin built for an older
/// minor calls the same slots.
class PluginConfig {
 public:
  virtual ~PluginConfig() = default;
  /// The text of the top-level scalar `key`, or nothing when the key is absent or is not
  /// a scalar (SDK 1.0's flat view).
  virtual std::optional<std::string> get(std::string_view key) const = 0;
  /// Since SDK 1.1: the whole section as a tree with file locations (an absent node when
  /// the host configures nothing for the plugin).
  virtual const ConfigNode& section() const {
    static const ConfigNode nothing;
    return nothing;
  }
};

/// Everything the host offers a plugin. Lives as long as the plugin is loaded.
class HostServices {
 public:
  virtual ~HostServices() = default;
  virtual const Directory& directory() const = 0;
  virtual Logger& logger() = 0;
  virtual Notifier& notifier() = 0;
  virtual const PluginConfig& config() const = 0;
  /// A folder the plugin may keep its own files in (created by the host).
  virtual std::filesystem::path data_dir() const = 0;
  /// Since SDK 1.1: reports a mistake in the plugin's section, written at `where`, as a
  /// plain sentence. A host refuses to start serving while any is reported; the plugin
  /// should report every mistake it finds, then throw from its register function.
  virtual void config_problem(const ConfigLocation& where, std::string_view message) {
    (void)where;
    (void)message;
  }
  /// Since SDK 1.1: adds one to the plugin's counter `name` for `outcome` (both short
  /// snake_case words, such as "duo_calls" and "rate_limited"); the host shows it in
  /// /metrics. Never pass a phone, a username or a secret.
  virtual void count(std::string_view name, std::string_view outcome) {
    (void)name;
    (void)outcome;
  }
};

}  // namespace servicedesk
