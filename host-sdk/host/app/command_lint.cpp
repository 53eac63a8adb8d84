// `servicedesk-host lint`: the catalog's problems as text, JSON or SARIF 2.1.0.
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/host_parts.hpp"
#include "app/known_roles.hpp"
#include "catalog/lint.hpp"

namespace servicedesk::host {

int run_lint_command(const HostConfig& config, const std::vector<std::string>& paths,
                     const std::string& format) {
  auto parts = load_host_parts_for_command(config, spdlog::level::warn);
  if (!parts) return 1;
  std::vector<std::filesystem::path> targets(paths.begin(), paths.end());
  if (targets.empty()) targets.assign(config.catalog_dirs.begin(), config.catalog_dirs.end());
  const LintReport report =
      lint_files(targets, parts->plugins->catalog(), known_roles(config, *parts));
  if (format == "json") {
    std::cout << lint_json(report).dump(2) << "\n";
  } else if (format == "sarif") {
    std::cout << lint_sarif(report, SERVICEDESK_HOST_VERSION).dump(2) << "\n";
  } else {
    write_lint_text(report, std::cout);
  }
  return report.exit_code();
}

}  // namespace servicedesk::host
