// Services a host hands to a plugin: the plugin never reaches for host globals.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// The plugin's own section of the host configuration: flat string keys.
class PluginConfig {
 public:
  virtual ~PluginConfig() = default;
  /// The value of `key`, or nothing when the key is absent.
  virtual std::optional<std::string> get(std::string_view key) const = 0;
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
};

}  // namespace servicedesk
