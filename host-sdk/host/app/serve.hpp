// `servicedesk-host serve`: run the service desk until SIGINT or SIGTERM.
#pragma once

#include "app/host_config.hpp"

namespace servicedesk::host {

/// Serves with `config`; returns the process exit code. SIGINT and SIGTERM must already be
/// blocked in every thread (main does so first) so that this function can wait for them.
int serve(const HostConfig& config);

}  // namespace servicedesk::host
