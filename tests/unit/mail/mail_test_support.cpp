// Test helpers for mail: temporary folders, the Python helpers, a real SMTP server process.
#include "mail_test_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace servicedesk::host::testing {

namespace {

// Debian's interpreter: it has python3-aiosmtpd, whatever python3 comes first on PATH.
constexpr const char* kPython = "/usr/bin/python3";

std::filesystem::path support_script(const char* name) {
  return std::filesystem::path(SERVICEDESK_TEST_SUPPORT_DIR) / name;
}

bool port_accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "servicedesk-mail-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
    if (item.is_regular_file() && item.path().extension() != ".tmp") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json parse_with_python(const std::filesystem::path& file) {
  const std::string command = std::string(kPython) + " '" +
                              support_script("parse_mail.py").string() + "' '" + file.string() +
                              "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run parse_mail.py");
  std::string output;
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), n);
  if (::pclose(pipe) != 0) throw std::runtime_error("parse_mail.py failed: " + output);
  return nlohmann::json::parse(output);
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

SmtpSink::SmtpSink(int port, std::filesystem::path folder, std::string credentials)
    : port_(port), folder_(std::move(folder)), credentials_(std::move(credentials)) {}

SmtpSink::~SmtpSink() {
  stop();
}

void SmtpSink::start() {
  if (pid_ > 0) return;
  const std::string script = support_script("smtp_sink.py").string();
  const std::string port = std::to_string(port_);
  const std::string folder = folder_.string();
  std::vector<char*> argv = {const_cast<char*>(kPython), const_cast<char*>(script.c_str()),
                             const_cast<char*>(port.c_str()), const_cast<char*>(folder.c_str())};
  if (!credentials_.empty()) argv.push_back(credentials_.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (::posix_spawn(&pid, kPython, nullptr, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot start smtp_sink.py");
  }
  pid_ = pid;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!port_accepts(port_)) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("smtp_sink.py exited early (is python3-aiosmtpd installed?)");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      stop();
      throw std::runtime_error("smtp_sink.py did not start listening");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void SmtpSink::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

}  // namespace servicedesk::host::testing
