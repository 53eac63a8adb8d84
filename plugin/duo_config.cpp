// Checks the plugin's config section and reports mistakes with their file:line:col.
#include "duo_config.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace servicedesk::duo {
namespace {

using Environment = std::function<std::optional<std::string>(const std::string&)>;

std::optional<std::string> from_process_environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

/// Reads one `duo_admin_api` section; each mistake goes to `report`.
class AdminSectionReader {
 public:
  AdminSectionReader(HostServices& services, const Environment& environment)
      : services_(services), environment_(environment) {}

  std::optional<DuoAdminConfig> read(const ConfigNode& section, const ConfigLocation& key_where) {
    if (!section.is_map()) {
      report(section.where(), "`duo_admin_api` must be a mapping of settings (host, ikey, ...).");
      return std::nullopt;
    }
    DuoAdminConfig config;
    for (const ConfigNode::Entry& entry : section.entries()) read_entry(entry, config);
    require(section, key_where, "host", config.api.host);
    require(section, key_where, "ikey", config.api.ikey);
    if (!section.find("skey_env"))
      report(key_where,
             "`duo_admin_api` needs `skey_env`, the environment variable holding the "
             "secret key.");
    if (config.api.endpoint.empty() && !config.api.host.empty())
      config.api.endpoint = "https://" + config.api.host;
    if (!ok_) return std::nullopt;
    return config;
  }

  bool ok() const { return ok_; }

 private:
  void report(const ConfigLocation& where, const std::string& message) {
    ok_ = false;
    services_.config_problem(where, message);
  }

  void require(const ConfigNode& section, const ConfigLocation& where, const char* key,
               const std::string& value) {
    if (!section.find(key))
      report(where, std::string("`duo_admin_api` needs `") + key + "`.");
    else if (value.empty() && ok_)
      report(section.find(key)->where(), std::string("`") + key + "` must not be empty.");
  }

  void read_entry(const ConfigNode::Entry& entry, DuoAdminConfig& config) {
    const ConfigNode& value = entry.value;
    if (!value.is_scalar()) {
      report(value.where(), "`" + entry.key + "` must be a single value.");
      return;
    }
    const std::string& text = value.scalar();
    if (entry.key == "host") {
      config.api.host = text;
      if (!is_api_host_name(text))
        report(value.where(),
               "`host` must be the API host name alone, such as "
               "api-1a2b3c4d.duosecurity.com (no scheme, port or path).");
    } else if (entry.key == "endpoint") {
      config.api.endpoint = text;
      check_endpoint(value);
    } else if (entry.key == "ikey") {
      config.api.ikey = text;
    } else if (entry.key == "skey_env") {
      const std::optional<std::string> secret = environment_(text);
      if (text.empty())
        report(value.where(), "`skey_env` must name an environment variable.");
      else if (!secret || secret->empty())
        report(value.where(), "the secret key is missing: the environment variable " + text +
                                  " named by `skey_env` is not set or is empty.");
      else
        config.api.skey = *secret;
    } else if (entry.key == "timeout_ms") {
      config.api.timeout = std::chrono::milliseconds(number(value, 100, 120000));
    } else if (entry.key == "cache_ttl_ms") {
      config.cache_ttl = std::chrono::milliseconds(number(value, 0, 300000));
    } else if (entry.key == "fulfil") {
      if (text == "on_approval")
        config.fulfil = FulfilMode::on_approval;
      else if (text == "automatic")
        config.fulfil = FulfilMode::automatic;
      else
        report(value.where(), "`fulfil` must be `on_approval` or `automatic`.");
    } else {
      report(entry.key_where, "unknown key `" + entry.key +
                                  "` in `duo_admin_api`; expected host, endpoint, ikey, skey_env, "
                                  "timeout_ms, cache_ttl_ms or fulfil.");
    }
  }

  void check_endpoint(const ConfigNode& value) {
    const std::string& text = value.scalar();
    const bool https = text.rfind("https://", 0) == 0;
    const bool local_http = text.rfind("http://127.0.0.1", 0) == 0 ||
                            text.rfind("http://localhost", 0) == 0 ||
                            text.rfind("http://[::1]", 0) == 0;
    if (!https && !local_http)
      report(value.where(),
             "`endpoint` must be an https:// address (plain http:// only to this "
             "machine, for a test server).");
    else if (text.back() == '/')
      report(value.where(), "`endpoint` must not end with a slash.");
  }

  long long number(const ConfigNode& value, long long low, long long high) {
    long long parsed = 0;
    const std::string& text = value.scalar();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (error != std::errc() || end != text.data() + text.size() || parsed < low || parsed > high) {
      report(value.where(), "expected a whole number of milliseconds from " + std::to_string(low) +
                                " to " + std::to_string(high) + ".");
      return low;
    }
    return parsed;
  }

  HostServices& services_;
  const Environment& environment_;
  bool ok_ = true;
};

}  // namespace

bool is_api_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos) return false;
  if (host.front() == '.' || host.back() == '.' || host.front() == '-') return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
  });
}

DuoPluginConfig read_plugin_config(HostServices& services, const Environment& environment) {
  DuoPluginConfig config;
  const ConfigNode& root = services.config().section();
  const Environment lookup = environment ? environment : Environment(from_process_environment);
  if (!root.is_map()) {
    // A host of SDK 1.0's shape, or nothing configured: the flat view only.
    config.ledger_file = services.config().get("ledger_file").value_or("");
    return config;
  }
  for (const ConfigNode::Entry& entry : root.entries()) {
    if (entry.key == "ledger_file" && entry.value.is_scalar()) {
      config.ledger_file = entry.value.scalar();
    } else if (entry.key == "duo_admin_api") {
      AdminSectionReader reader(services, lookup);
      config.admin_api = reader.read(entry.value, entry.key_where);
      config.ok = config.ok && reader.ok();
    } else {
      config.ok = false;
      services.config_problem(
          entry.key_where, "unknown key `" + entry.key +
                               "` for duo-account-updates; expected ledger_file or duo_admin_api.");
    }
  }
  return config;
}

}  // namespace servicedesk::duo
