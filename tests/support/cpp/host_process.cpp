// Process control for the API tests: the host binary and the SMTP sink.
#include "host_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace servicedesk::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& output) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // A test killed by a timeout must not leave its host running.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    // The test runner may block signals; the child must see SIGTERM as usual.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

bool exited(pid_t pid, int& status) {
  return waitpid(pid, &status, WNOHANG) == pid;
}

int terminate(pid_t pid) {
  if (pid <= 0) return -1;
  kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 200; ++i) {  // 20 s
    if (exited(pid, status)) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return -1;
}

}  // namespace

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("servicedesk-api-" + std::to_string(getpid()) + "-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    close(fd);
    throw std::runtime_error("no free port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() != ".tmp")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

HostProcess::HostProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra_args,
                         const std::filesystem::path& log_dir)
    : log_file_((log_dir.empty() ? data_dir : log_dir) / "host.log") {
  std::filesystem::create_directories(log_file_.parent_path());
  // Each start appends; remember where this start's lines begin.
  std::error_code ec;
  const auto offset =
      std::filesystem::exists(log_file_) ? std::filesystem::file_size(log_file_, ec) : 0;
  std::vector<std::string> args{
      SERVICEDESK_HOST_BINARY, "serve",     "--listen", "127.0.0.1:0", "--data-dir",
      data_dir.string(),       "--threads", "4"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = spawn(args, log_file_);
  const std::regex ready(R"(ready on https?://127\.0\.0\.1:(\d+))");
  const bool started = eventually(
      [&] {
        const std::string text = log().substr(std::min<std::size_t>(offset, log().size()));
        std::smatch match;
        if (!std::regex_search(text, match, ready)) return false;
        port_ = std::stoi(match[1].str());
        return true;
      },
      30.0);
  int status = 0;
  if (!started || exited(pid_, status)) {
    const std::string output = log();
    terminate(pid_);
    pid_ = -1;
    throw std::runtime_error("servicedesk-host did not start:\n" + output);
  }
}

HostProcess::~HostProcess() {
  stop();
}

int HostProcess::stop() {
  const int code = terminate(pid_);
  pid_ = -1;
  return code;
}

void HostProcess::kill_hard() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string HostProcess::log() const {
  return read_file(log_file_);
}

FakeDuo::FakeDuo(const std::filesystem::path& folder, std::string api_host, std::string ikey,
                 std::string skey_env, int port) {
  std::filesystem::create_directories(folder);
  const std::filesystem::path output = folder / "fake_duo.out";
  std::error_code ec;
  const auto offset = std::filesystem::exists(output) ? std::filesystem::file_size(output, ec) : 0;
  std::vector<std::string> args{"/usr/bin/python3",
                                SERVICEDESK_TEST_SUPPORT_DIR "/fake_duo/fake_duo.py",
                                "--port",
                                std::to_string(port),
                                "--host",
                                std::move(api_host),
                                "--ikey",
                                std::move(ikey),
                                "--skey-env",
                                std::move(skey_env),
                                "--state",
                                (folder / "state.json").string(),
                                "--log",
                                (folder / "calls.jsonl").string()};
  if (std::filesystem::exists(folder / "seed.json")) {
    args.push_back("--seed");
    args.push_back((folder / "seed.json").string());
  }
  pid_ = spawn(args, output);
  const std::regex ready(R"(ready on (\d+))");
  const bool started = eventually(
      [&] {
        const std::string text = read_file(output);
        std::smatch match;
        const std::string fresh = text.substr(std::min<std::size_t>(offset, text.size()));
        if (!std::regex_search(fresh, match, ready)) return false;
        port_ = std::stoi(match[1].str());
        return true;
      },
      15.0);
  if (!started) {
    stop();
    throw std::runtime_error("fake_duo.py did not start: " + read_file(output));
  }
}

FakeDuo::~FakeDuo() {
  stop();
}

void FakeDuo::stop() {
  terminate(pid_);
  pid_ = -1;
}

SmtpSink::SmtpSink(int port, const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  const std::filesystem::path output = folder.parent_path() / "smtp_sink.log";
  std::error_code ec;
  const auto offset = std::filesystem::exists(output) ? std::filesystem::file_size(output, ec) : 0;
  pid_ = spawn({"/usr/bin/python3", SERVICEDESK_TEST_SUPPORT_DIR "/smtp_sink.py",
                std::to_string(port), folder.string()},
               output);
  const bool ready = eventually(
      [&] {
        const std::string text = read_file(output);
        return text.size() > offset && text.find("ready", offset) != std::string::npos;
      },
      15.0);
  if (!ready) {
    stop();
    throw std::runtime_error("smtp_sink.py did not start: " + read_file(output));
  }
}

SmtpSink::~SmtpSink() {
  stop();
}

void SmtpSink::stop() {
  terminate(pid_);
  pid_ = -1;
}

}  // namespace servicedesk::test
