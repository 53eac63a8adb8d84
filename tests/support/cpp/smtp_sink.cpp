// The SMTP sink as a child process, and mails read back through Python's email package.
#include "smtp_sink.hpp"

#include <stdexcept>

#include "child_process.hpp"
#include "command.hpp"
#include "scratch.hpp"

namespace servicedesk::test {
namespace {

// Debian's interpreter: it has python3-aiosmtpd, whatever python3 comes first on PATH.
constexpr const char* kPython = "/usr/bin/python3";

std::string support_script(const char* name) {
  return (std::filesystem::path(SERVICEDESK_TEST_SUPPORT_DIR) / name).string();
}

}  // namespace

SmtpSink::SmtpSink(int port, std::filesystem::path folder, std::string credentials, Start when)
    : port_(port), folder_(std::move(folder)), credentials_(std::move(credentials)) {
  if (when == Start::now) start();
}

SmtpSink::~SmtpSink() {
  stop();
}

void SmtpSink::start() {
  if (pid_ > 0) return;
  std::filesystem::create_directories(folder_);
  const std::filesystem::path output = folder_.parent_path() / "smtp_sink.log";
  std::error_code ec;
  const auto offset = std::filesystem::exists(output) ? std::filesystem::file_size(output, ec) : 0;
  std::vector<std::string> args{kPython, support_script("smtp_sink.py"), std::to_string(port_),
                                folder_.string()};
  if (!credentials_.empty()) args.push_back(credentials_);
  pid_ = child::spawn(args, output);
  bool gone = false;
  const bool ready = eventually(
      [&] {
        int status = 0;
        gone = gone || child::exited(pid_, status);
        const std::string text = read_file(output);
        return gone || (text.size() > offset && text.find("ready", offset) != std::string::npos);
      },
      20.0);
  if (gone) pid_ = -1;
  if (!ready || gone) {
    stop();
    throw std::runtime_error("smtp_sink.py did not start (is python3-aiosmtpd installed?): " +
                             read_file(output));
  }
}

void SmtpSink::stop() {
  child::terminate(pid_);
  pid_ = -1;
}

nlohmann::json parse_with_python(const std::filesystem::path& file) {
  const std::string command =
      std::string(kPython) + " '" + support_script("parse_mail.py") + "' '" + file.string() + "'";
  const CommandResult result = run_command(command);
  if (result.exit_code != 0) throw std::runtime_error("parse_mail.py failed: " + result.output);
  return nlohmann::json::parse(result.output);
}

}  // namespace servicedesk::test
