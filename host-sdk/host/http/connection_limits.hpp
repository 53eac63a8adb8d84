// The limits every connection enforces while reading and writing.
#pragma once

#include <chrono>
#include <cstddef>

namespace servicedesk::host {

/// Per-connection limits; every one holds whatever the client sends.
struct ConnectionLimits {
  std::size_t max_header_bytes = 16 * 1024;        ///< request line and headers together
  std::size_t max_body_bytes = 64 * 1024;          ///< any transfer encoding
  std::chrono::milliseconds head_timeout{10000};   ///< first byte to the end of the head
  std::chrono::milliseconds body_timeout{10000};   ///< the whole body
  std::chrono::milliseconds idle_timeout{5000};    ///< waiting for the next request
  std::chrono::milliseconds write_timeout{10000};  ///< the whole answer
  int retry_after_seconds = 5;                     ///< sent with 503 beyond a cap
};

}  // namespace servicedesk::host
