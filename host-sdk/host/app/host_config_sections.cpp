// The http, tls, metrics and jobs sections of the host's configuration.
#include "app/host_config_sections.hpp"

namespace servicedesk::host {
namespace {

/// A positive whole number, or a problem naming the setting.
template <class Number>
bool positive(const std::filesystem::path& file, const YAML::Node& node, const std::string& name,
              Number& out, std::vector<std::string>& problems) {
  const auto value = node.as<long long>();
  if (value <= 0) {
    problems.push_back(where(file, node) + "\"" + name + "\" must be a positive number");
    return false;
  }
  out = static_cast<Number>(value);
  return true;
}

bool milliseconds(const std::filesystem::path& file, const YAML::Node& node,
                  const std::string& name, std::chrono::milliseconds& out,
                  std::vector<std::string>& problems) {
  long long value = 0;
  if (!positive(file, node, name, value, problems)) return false;
  out = std::chrono::milliseconds(value);
  return true;
}

}  // namespace

void apply_http_section(const std::filesystem::path& file, const YAML::Node& section,
                        HttpConfig& http, std::vector<std::string>& problems) {
  if (!section.IsMap()) {
    problems.push_back(where(file, section) + "\"http\" must be a mapping of settings");
    return;
  }
  auto& limits = http.limits;
  for (const auto& entry : section) {
    const std::string name = entry.first.as<std::string>("");
    const YAML::Node& value = entry.second;
    if (name == "worker_threads")
      positive(file, value, name, http.worker_threads, problems);
    else if (name == "max_header_bytes")
      positive(file, value, name, limits.max_header_bytes, problems);
    else if (name == "max_body_bytes")
      positive(file, value, name, limits.max_body_bytes, problems);
    else if (name == "head_timeout_ms")
      milliseconds(file, value, name, limits.head_timeout, problems);
    else if (name == "body_timeout_ms")
      milliseconds(file, value, name, limits.body_timeout, problems);
    else if (name == "idle_timeout_ms")
      milliseconds(file, value, name, limits.idle_timeout, problems);
    else if (name == "write_timeout_ms")
      milliseconds(file, value, name, limits.write_timeout, problems);
    else if (name == "retry_after_seconds")
      positive(file, value, name, limits.retry_after_seconds, problems);
    else if (name == "max_connections")
      positive(file, value, name, http.max_connections, problems);
    else if (name == "max_connections_per_client")
      positive(file, value, name, http.max_connections_per_client, problems);
    else
      problems.push_back(where(file, entry.first) + "unknown http setting \"" + name + "\"");
  }
}

void apply_tls_section(const std::filesystem::path& file, const YAML::Node& section,
                       HostConfig& config, std::vector<std::string>& problems) {
  if (!section.IsMap()) {
    problems.push_back(where(file, section) + "\"tls\" must be {cert_file, key_file}");
    return;
  }
  for (const auto& entry : section) {
    const std::string name = entry.first.as<std::string>("");
    if (name == "cert_file")
      config.tls_cert_file = entry.second.as<std::string>();
    else if (name == "key_file")
      config.tls_key_file = entry.second.as<std::string>();
    else
      problems.push_back(where(file, entry.first) + "unknown tls setting \"" + name + "\"");
  }
  if (config.tls_cert_file.empty() || config.tls_key_file.empty())
    problems.push_back(where(file, section) + "tls needs both cert_file and key_file");
}

void apply_metrics_section(const std::filesystem::path& file, const YAML::Node& section,
                           HostConfig& config, std::vector<std::string>& problems) {
  if (!section.IsMap()) {
    problems.push_back(where(file, section) + "\"metrics\" must be {token_env}");
    return;
  }
  for (const auto& entry : section) {
    const std::string name = entry.first.as<std::string>("");
    if (name == "token_env")
      config.metrics_token_env = entry.second.as<std::string>();
    else
      problems.push_back(where(file, entry.first) + "unknown metrics setting \"" + name + "\"");
  }
}

void apply_jobs_section(const std::filesystem::path& file, const YAML::Node& section,
                        JobSettings& jobs, std::vector<std::string>& problems) {
  if (!section.IsMap()) {
    problems.push_back(where(file, section) + "\"jobs\" must be a mapping of settings");
    return;
  }
  for (const auto& entry : section) {
    const std::string name = entry.first.as<std::string>("");
    const YAML::Node& value = entry.second;
    if (name == "host_id")
      jobs.host_id = value.as<std::string>();
    else if (name == "lease_ms")
      milliseconds(file, value, name, jobs.lease, problems);
    else if (name == "poll_interval_ms")
      milliseconds(file, value, name, jobs.poll_interval, problems);
    else if (name == "initial_backoff_ms")
      milliseconds(file, value, name, jobs.initial_backoff, problems);
    else if (name == "max_backoff_ms")
      milliseconds(file, value, name, jobs.max_backoff, problems);
    else if (name == "max_attempts")
      positive(file, value, name, jobs.max_attempts, problems);
    else if (name == "answer_wait_ms")
      milliseconds(file, value, name, jobs.answer_wait, problems);
    else
      problems.push_back(where(file, entry.first) + "unknown jobs setting \"" + name + "\"");
  }
}

}  // namespace servicedesk::host
