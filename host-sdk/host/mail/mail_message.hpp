// RFC 5322 / MIME formatting of one plain-text notification mail.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace servicedesk::host {

/// A mailbox: an address and an optional display name.
struct Mailbox {
  std::string address;  ///< "tuffytitan@example.edu"
  std::string name;     ///< "Tuffy Titan"; may be empty
};

/// Everything a notification mail consists of, before formatting.
struct MailMessage {
  Mailbox from;
  Mailbox to;
  std::string subject;     ///< UTF-8; encoded as RFC 2047 words when not plain ASCII
  std::string body;        ///< UTF-8 plain text, any line ends
  std::string message_id;  ///< without angle brackets: "REQ0000001.7@example.edu"
  std::chrono::system_clock::time_point date;
};

/// A formatted message, or why it could not be formatted (an unusable address).
struct FormattedMail {
  std::string data;   ///< the complete message with CRLF line ends
  std::string error;  ///< empty on success
  bool ok() const { return error.empty(); }
};

/// Formats `message` as a MIME text/plain; charset=utf-8 message with CRLF line ends.
/// Header values lose any CR/LF (no header injection); the body is sent 7bit when it is
/// short-lined ASCII, else quoted-printable; no body line ever starts with a dot, so the
/// result is safe for SMTP and maildir alike.
FormattedMail format_message(const MailMessage& message);

/// Whether `address` is a plain addr-spec we are willing to put on the wire (local@domain,
/// no spaces, controls, quotes or angle brackets).
bool is_deliverable_address(std::string_view address);

/// RFC 5322 date in UTC: "Tue, 05 Mar 2024 10:00:00 +0000".
std::string rfc5322_date(std::chrono::system_clock::time_point when);

}  // namespace servicedesk::host
