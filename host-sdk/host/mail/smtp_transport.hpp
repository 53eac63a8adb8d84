// Delivers mail to an SMTP server through libcurl.
#pragma once

#include <chrono>
#include <string>

#include "mail/mail_transport.hpp"

namespace servicedesk::host {

/// Where and how to reach the SMTP server.
struct SmtpSettings {
  std::string url = "smtp://127.0.0.1:25";  ///< smtp://host:port (or smtps://)
  bool starttls = false;                    ///< require STARTTLS before sending
  std::string username;                     ///< AUTH when not empty
  std::string password;                     ///< never logged
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{30000};  ///< whole transaction
};

/// One SMTP transaction per message; no connection is kept between messages.
class SmtpTransport final : public MailTransport {
 public:
  explicit SmtpTransport(SmtpSettings settings);
  DeliveryResult deliver(const Envelope& envelope) override;
  std::string describe() const override;

 private:
  SmtpSettings settings_;
};

}  // namespace servicedesk::host
