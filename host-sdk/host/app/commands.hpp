// The catalog administrators' subcommands of servicedesk-host: test, try, handlers, lint.
#pragma once

#include <string>
#include <vector>

#include "app/host_config.hpp"

namespace servicedesk::host {

/// `test [PATHS]`: every case of the `*.tests.yaml` files (default: the catalog folders).
int run_test_command(const HostConfig& config, const std::vector<std::string>& paths);

/// `lint [PATHS] [--format text|json|sarif]`: exit 1 on errors (warnings alone pass).
int run_lint_command(const HostConfig& config, const std::vector<std::string>& paths,
                     const std::string& format);

/// `handlers [--format text|markdown]`: every handler of the loaded plugins.
int run_handlers_command(const HostConfig& config, const std::string& format);

/// What `try` was asked.
struct TryRequest {
  std::string form_file;
  std::string answers_file;  ///< a JSON object of answers; "-" reads standard input
  std::string as;            ///< a username; empty: anyone the item is offered to
  std::string format = "text";
};
/// `try FORM --answers FILE [--as USER]`: what the portal would show for these answers.
int run_try_command(const HostConfig& config, const TryRequest& request);

}  // namespace servicedesk::host
