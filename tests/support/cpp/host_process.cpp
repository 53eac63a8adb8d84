// The real host binary as a child process for tests and the load driver.
#include "host_process.hpp"

#include <fstream>
#include <regex>
#include <stdexcept>
#include <thread>

#include "child_process.hpp"

namespace servicedesk::test {
namespace {

HostOptions options_with(std::vector<std::string> extra_args,
                         const std::filesystem::path& log_dir) {
  HostOptions options;
  options.extra_args = std::move(extra_args);
  options.log_dir = log_dir;
  return options;
}

/// One "Vm...:" figure of /proc/PID/status, in KiB; -1 when it cannot be read.
long proc_status_kib(pid_t pid, const std::string& key) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key, 0) == 0) return std::stol(line.substr(key.size()));
  }
  return -1;
}

}  // namespace

HostProcess::HostProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra_args,
                         const std::filesystem::path& log_dir)
    : HostProcess(data_dir, options_with(std::move(extra_args), log_dir)) {}

HostProcess::HostProcess(const std::filesystem::path& data_dir, HostOptions options)
    : log_file_((options.log_dir.empty() ? data_dir : options.log_dir) / "host.log") {
  std::filesystem::create_directories(log_file_.parent_path());
  // Each start appends; remember where this start's lines begin.
  std::error_code ec;
  const auto offset =
      std::filesystem::exists(log_file_) ? std::filesystem::file_size(log_file_, ec) : 0;
  const std::string binary =
      options.binary.empty() ? std::string(SERVICEDESK_HOST_BINARY) : options.binary.string();
  std::vector<std::string> args{binary,        "serve",      "--listen",
                                "127.0.0.1:0", "--data-dir", data_dir.string()};
  if (options.threads > 0) args.insert(args.end(), {"--threads", std::to_string(options.threads)});
  args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
  const auto started = std::chrono::steady_clock::now();
  pid_ = child::spawn(args, log_file_);
  const bool ready = wait_ready(offset, options.ready_seconds);
  time_to_ready_ = std::chrono::steady_clock::now() - started;
  int status = 0;
  const bool gone = ready && child::exited(pid_, status);  // gone right after saying ready
  if (!ready || gone) {
    const std::string output = log();
    if (!gone) child::terminate(pid_);
    pid_ = -1;
    throw std::runtime_error("servicedesk-host did not start:\n" + output);
  }
}

bool HostProcess::wait_ready(std::uintmax_t log_offset, double seconds) {
  const std::regex ready(R"(ready on https?://127\.0\.0\.1:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string text = log();
    std::smatch match;
    const auto begin = text.begin() + static_cast<std::ptrdiff_t>(
                                          std::min<std::uintmax_t>(log_offset, text.size()));
    if (std::regex_search(begin, text.end(), match, ready)) {
      port_ = std::stoi(match[1].str());
      return true;
    }
    int status = 0;
    if (child::exited(pid_, status)) {
      pid_ = -1;  // reaped: nothing left to stop
      return false;
    }
    // Read often: the load driver times start-up with this.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

HostProcess::~HostProcess() {
  stop();
}

int HostProcess::stop() {
  const int code = child::terminate(pid_);
  pid_ = -1;
  return code;
}

long HostProcess::peak_rss_kib() const {
  return proc_status_kib(pid_, "VmHWM:");
}

long HostProcess::rss_kib() const {
  return proc_status_kib(pid_, "VmRSS:");
}

void HostProcess::kill_hard() {
  child::kill_and_reap(pid_);
  pid_ = -1;
}

bool HostProcess::has_exited(int& status) {
  if (pid_ <= 0 || !child::exited(pid_, status)) return false;
  pid_ = -1;
  return true;
}

std::string HostProcess::log() const {
  return read_file(log_file_);
}

}  // namespace servicedesk::test
