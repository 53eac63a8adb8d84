// Child processes for the test helpers: start with output to a file, poll, stop (internal).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace servicedesk::test::child {

/// Starts `args` (args[0] is the program's path) with stdout and stderr appended to `output`.
/// The child gets SIGTERM when the test process dies, and an empty signal mask.
pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& output);

/// Whether `pid` has exited (reaped; its wait status in `status`).
bool exited(pid_t pid, int& status);

/// SIGTERM, up to 20 s to exit, then SIGKILL; returns the exit code (-1 when killed or none).
int terminate(pid_t pid);

/// SIGKILL (a crash: nothing flushed or finished) and reap.
void kill_and_reap(pid_t pid);

}  // namespace servicedesk::test::child
