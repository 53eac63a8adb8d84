// A raw TCP client for attack tests: sends any bytes, from any 127.x.y.z source address.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>

namespace servicedesk::test {

/// One TCP connection to 127.0.0.1:port, bound to `source` (another loopback address lets
/// an attacker and a normal client differ, as they would on a network).
class RawConnection {
 public:
  RawConnection(int port, const std::string& source = "127.0.0.2");
  ~RawConnection();
  RawConnection(RawConnection&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  RawConnection& operator=(RawConnection&&) = delete;
  RawConnection(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  /// Sends all of `bytes`; false when the peer closed or reset the connection.
  bool send(const std::string& bytes);
  /// Reads until the peer closes or `wait` passes; what arrived.
  std::string read_until_closed(std::chrono::milliseconds wait);
  /// Reads until `marker` arrives, the peer closes or `wait` passes.
  std::string read_until(const std::string& marker, std::chrono::milliseconds wait);
  /// Whether the peer has closed (a read returns end of file or a reset) within `wait`.
  bool closed_by_peer(std::chrono::milliseconds wait);

 private:
  int fd_ = -1;
};

/// The resident memory of process `pid` in KiB (VmRSS), or -1.
long resident_kib(pid_t pid);

/// Raises this process's open-file limit to its hard maximum.
void raise_file_limit();

}  // namespace servicedesk::test
