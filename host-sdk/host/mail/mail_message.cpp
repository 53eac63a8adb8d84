// RFC 5322 / MIME formatting of one plain-text notification mail.
#include "mail/mail_message.hpp"

#include <servicedesk/internet_date.hpp>

#include "mail/mime_encoding.hpp"

namespace servicedesk::host {

namespace {

// 7bit lines stay well under RFC 5322's 998 octets; longer ones go quoted-printable.
constexpr std::size_t kPlainLineLimit = 200;

bool body_is_plain(std::string_view body) {
  std::size_t width = 0;
  bool line_start = true;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    if (c == '\n') {
      width = 0;
      line_start = true;
      continue;
    }
    if (c == '\r') {
      if (i + 1 < body.size() && body[i + 1] == '\n') continue;
      return false;  // a bare CR is not allowed in a 7bit body
    }
    if (c >= 0x80 || c == 0 || (line_start && c == '.')) return false;
    line_start = false;
    if (++width > kPlainLineLimit) return false;
  }
  return true;
}

std::string crlf_lines(std::string_view body) {
  std::string out;
  out.reserve(body.size() + body.size() / 40 + 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') continue;  // body_is_plain allowed only CRLF
    if (body[i] == '\n') {
      out += "\r\n";
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

std::string mailbox(const Mailbox& box) {
  const std::string name = mime::display_name(box.name);
  return name.empty() ? "<" + box.address + ">" : name + " <" + box.address + ">";
}

bool is_message_id(std::string_view id) {
  const auto at = id.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == id.size()) return false;
  if (id.find('@', at + 1) != std::string_view::npos) return false;
  for (unsigned char c : id) {
    if (c <= 0x20 || c >= 0x7F || c == '<' || c == '>' || c == '"' || c == '\\' || c == '(' ||
        c == ')' || c == ',' || c == ';' || c == ':' || c == '[' || c == ']') {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_deliverable_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  for (unsigned char c : address) {
    if (c <= 0x20 || c >= 0x7F) return false;
    if (std::string_view("<>()[]\\,;:\"").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string rfc5322_date(std::chrono::system_clock::time_point when) {
  return internet_date(when);
}

FormattedMail format_message(const MailMessage& message) {
  FormattedMail result;
  if (!is_deliverable_address(message.to.address)) {
    result.error = "the recipient address is not a deliverable local@domain address";
    return result;
  }
  if (!is_deliverable_address(message.from.address)) {
    result.error = "the sender address is not a deliverable local@domain address";
    return result;
  }
  if (!is_message_id(message.message_id)) {
    result.error = "the Message-ID is not of the form left@right";
    return result;
  }
  const bool plain = body_is_plain(message.body);
  std::string& out = result.data;
  out.reserve(message.body.size() * 2 + 512);
  out += "Date: " + rfc5322_date(message.date) + "\r\n";
  out += "From: " + mailbox(message.from) + "\r\n";
  out += "To: " + mailbox(message.to) + "\r\n";
  out += "Subject: " + mime::header_text(message.subject) + "\r\n";
  out += "Message-ID: <" + message.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += std::string("Content-Transfer-Encoding: ") + (plain ? "7bit" : "quoted-printable") +
         "\r\n\r\n";
  out += plain ? crlf_lines(message.body) : mime::quoted_printable(message.body);
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return result;
}

}  // namespace servicedesk::host
