// Command lines run through popen, their output captured.
#include "command.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace servicedesk::test {

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CommandResult run_host_command(const std::string& arguments) {
  return run_command(std::string(SERVICEDESK_HOST_BINARY) + " " + arguments + " 2>&1");
}

}  // namespace servicedesk::test
