// Reading the nested sections of the host's configuration: http, tls, metrics.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "app/host_config.hpp"

namespace servicedesk::host {

/// "file:line:col: " of `node`.
std::string where(const std::filesystem::path& file, const YAML::Node& node);

/// `http: {worker_threads, max_header_bytes, ..., max_connections_per_client}`.
void apply_http_section(const std::filesystem::path& file, const YAML::Node& section,
                        HttpConfig& http, std::vector<std::string>& problems);
/// `tls: {cert_file, key_file}`.
void apply_tls_section(const std::filesystem::path& file, const YAML::Node& section,
                       HostConfig& config, std::vector<std::string>& problems);
/// `metrics: {token_env}`.
void apply_metrics_section(const std::filesystem::path& file, const YAML::Node& section,
                           HostConfig& config, std::vector<std::string>& problems);

/// `jobs: {host_id, lease_ms, poll_interval_ms, initial_backoff_ms, max_backoff_ms,
/// max_attempts, answer_wait_ms}`.
void apply_jobs_section(const std::filesystem::path& file, const YAML::Node& section,
                        JobSettings& jobs, std::vector<std::string>& problems);

}  // namespace servicedesk::host
