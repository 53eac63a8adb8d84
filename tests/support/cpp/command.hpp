// Runs a command line to completion and captures what it printed.
#pragma once

#include <string>

namespace servicedesk::test {

struct CommandResult {
  int exit_code = -1;  ///< -1 when it did not run or was killed by a signal
  std::string output;  ///< standard output (add " 2>&1" to the command for errors too)
};

/// Runs `command` with /bin/sh and waits for it.
CommandResult run_command(const std::string& command);

/// Runs the servicedesk-host built with the tests with `arguments`, output and errors captured.
CommandResult run_host_command(const std::string& arguments);

}  // namespace servicedesk::test
