// Maildir delivery: tmp/ -> fsync -> rename into new/ -> fsync new/.
#include "mail/maildir_transport.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <system_error>

namespace servicedesk::host {

namespace {

std::string os_error(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  // '/' and ':' would break the file name (maildir convention: \057 and \072).
  std::string out;
  for (const char* p = name; *p; ++p) {
    if (*p == '/') {
      out += "\\057";
    } else if (*p == ':') {
      out += "\\072";
    } else {
      out.push_back(*p);
    }
  }
  return out;
}

}  // namespace

MaildirTransport::MaildirTransport(std::filesystem::path root) : root_(std::move(root)) {}

std::string MaildirTransport::describe() const {
  return "maildir:" + root_.string();
}

std::string MaildirTransport::unique_name() {
  // time.M<usec>P<pid>Q<counter>.host: unique per process, per host, per delivery.
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now - seconds);
  return std::to_string(seconds.count()) + ".M" + std::to_string(micros.count()) + "P" +
         std::to_string(::getpid()) + "Q" + std::to_string(++counter_) + "." + host_name();
}

DeliveryResult MaildirTransport::deliver(const Envelope& envelope) {
  DeliveryResult result;
  std::error_code ec;
  for (const char* sub : {"tmp", "new", "cur"}) {
    std::filesystem::create_directories(root_ / sub, ec);
    if (ec) {
      result.error = "cannot create " + (root_ / sub).string() + ": " + ec.message();
      return result;
    }
  }
  const std::string name = unique_name();
  const auto tmp = root_ / "tmp" / name;
  const auto target = root_ / "new" / name;

  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    result.error = os_error("cannot create " + tmp.string());
    return result;
  }
  const bool written = write_all(fd, envelope.data) && ::fsync(fd) == 0;
  const std::string write_error = written ? "" : os_error("cannot write " + tmp.string());
  if (::close(fd) != 0 || !written) {
    ::unlink(tmp.c_str());
    result.error = written ? os_error("cannot close " + tmp.string()) : write_error;
    return result;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    result.error = os_error("cannot move the message into " + (root_ / "new").string());
    ::unlink(tmp.c_str());
    return result;
  }
  if (!sync_directory(root_ / "new")) {
    // The file is in new/ already; a reader sees it, so this counts as delivered.
    result.error.clear();
  }
  result.delivered = true;
  return result;
}

}  // namespace servicedesk::host
