// The access log: one line per answer on standard output, written in batches.
#pragma once

#include <spdlog/logger.h>

namespace servicedesk::host {

/// The access log's logger. Its lines go to standard output in the same format as every
/// other log line, but are not flushed one by one: a background flush every 100 ms writes
/// them out, and so does any other log line (they share standard output, so the order
/// holds). On a terminal each line is flushed at once. A crash (kill -9) may lose the last
/// 100 ms of access lines, never a warning or an error.
spdlog::logger& access_log();

}  // namespace servicedesk::host
