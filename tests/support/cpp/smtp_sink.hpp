// Mail helpers for tests: a real SMTP server (tests/support/smtp_sink.py) and a mail reader.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace servicedesk::test {

/// A python3 aiosmtpd server (tests/support/smtp_sink.py) on 127.0.0.1:`port` storing each
/// mail as a file in `folder`; its output goes to `<folder's parent>/smtp_sink.log`.
class SmtpSink {
 public:
  enum class Start { now, later };
  /// `credentials` "user:password" makes the server require AUTH (no TLS; tests only).
  /// With Start::later the server is not running until start().
  SmtpSink(int port, std::filesystem::path folder, std::string credentials = "",
           Start when = Start::now);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  /// Starts the server (when it is not running) and waits until it listens; throws otherwise.
  void start();
  /// Stops the server (SIGTERM) and waits for it to exit.
  void stop();
  int port() const { return port_; }
  const std::filesystem::path& folder() const { return folder_; }

 private:
  int port_;
  std::filesystem::path folder_;
  std::string credentials_;
  pid_t pid_ = -1;
};

/// tests/support/parse_mail.py's reading of the mail in `file` (Python's email package).
nlohmann::json parse_with_python(const std::filesystem::path& file);

}  // namespace servicedesk::test
