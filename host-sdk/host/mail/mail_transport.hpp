// How a formatted mail leaves the host: a maildir folder or an SMTP server.
#pragma once

#include <string>

namespace servicedesk::host {

/// One message ready for the wire.
struct Envelope {
  std::string from;  ///< envelope sender (MAIL FROM)
  std::string to;    ///< envelope recipient (RCPT TO)
  std::string data;  ///< the complete RFC 5322 message, CRLF line ends
};

/// The outcome of one delivery attempt.
struct DeliveryResult {
  bool delivered = false;
  std::string error;  ///< why not; safe to log (never contains the message body)
};

/// Delivers one message. Implementations may be called from one worker thread at a time.
class MailTransport {
 public:
  virtual ~MailTransport() = default;
  virtual DeliveryResult deliver(const Envelope& envelope) = 0;
  /// "maildir:/var/mail" or "smtp://127.0.0.1:25": for logs and the startup banner.
  virtual std::string describe() const = 0;
};

}  // namespace servicedesk::host
