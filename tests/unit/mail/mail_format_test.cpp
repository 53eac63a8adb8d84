// The notification mail on the wire: RFC 5322 headers, MIME, encodings, read back by Python.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "mail/mail_message.hpp"
#include "mail/mime_encoding.hpp"
#include "scratch.hpp"
#include "smtp_sink.hpp"

namespace servicedesk::host {
namespace {

using test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

MailMessage confirmation() {
  MailMessage message;
  message.from = {"servicedesk@example.edu", "IT Service Desk"};
  message.to = {"tuffytitan@example.edu", "Tuffy Titan"};
  message.subject = "REQ0000001 DUO Account updates received";
  message.body =
      "Your request REQ0000001 (RITM0000001) was received.\n"
      "Phone ending in 0101.\n";
  message.message_id = "REQ0000001.1@servicedesk.example.edu";
  message.date = std::chrono::system_clock::from_time_t(1709632800);  // 2024-03-05 10:00 UTC
  return message;
}

nlohmann::json format_and_parse(const MailMessage& message, std::string* raw = nullptr) {
  const auto formatted = format_message(message);
  EXPECT_TRUE(formatted.ok()) << formatted.error;
  TempDir dir;
  const auto file = dir.path() / "message.eml";
  std::ofstream(file, std::ios::binary) << formatted.data;
  if (raw) *raw = formatted.data;
  return test::parse_with_python(file);
}

// Every line ends in CRLF, none is longer than RFC 5322 allows, none starts with a dot.
void expect_wire_safe(const std::string& data) {
  std::size_t start = 0;
  while (start < data.size()) {
    const auto lf = data.find('\n', start);
    ASSERT_NE(lf, std::string::npos) << "message must end with CRLF";
    ASSERT_EQ(data[lf - 1], '\r') << "bare LF at offset " << lf;
    const std::string line = data.substr(start, lf - 1 - start);
    EXPECT_EQ(line.find('\r'), std::string::npos) << "bare CR in: " << line;
    EXPECT_LE(line.size(), 998u);
    EXPECT_FALSE(line.starts_with(".")) << line;
    start = lf + 1;
  }
}

TEST(MailFormat, ConfirmationParsesBackWithEveryHeader) {
  std::string raw;
  const auto parsed = format_and_parse(confirmation(), &raw);
  expect_wire_safe(raw);
  const auto& h = parsed["headers"];
  EXPECT_EQ(h["To"][0], "Tuffy Titan <tuffytitan@example.edu>");
  EXPECT_EQ(h["From"][0], "IT Service Desk <servicedesk@example.edu>");
  EXPECT_EQ(h["Subject"][0], "REQ0000001 DUO Account updates received");
  EXPECT_EQ(h["Message-ID"][0], "<REQ0000001.1@servicedesk.example.edu>");
  EXPECT_EQ(h["MIME-Version"][0], "1.0");
  EXPECT_EQ(h["Date"][0], "Tue, 05 Mar 2024 10:00:00 +0000");
  EXPECT_TRUE(parsed["date_ok"].get<bool>());
  EXPECT_EQ(parsed["content_type"], "text/plain");
  EXPECT_EQ(parsed["charset"], "utf-8");
  EXPECT_EQ(parsed["transfer_encoding"], "7bit");
  EXPECT_EQ(parsed["body"], confirmation().body);
  EXPECT_TRUE(parsed["defects"].empty()) << parsed["defects"];
}

TEST(MailFormat, NonAsciiSubjectNameAndBodyRoundTrip) {
  auto message = confirmation();
  message.to.name = "Tüffy Titán";
  message.subject = "Solicitud REQ0000001 recibida — “DUO” ✓ " + std::string(80, 'x') + " ñandú";
  message.body = "Grüße aus dem IT-Büro.\n.a line that starts with a dot\n" +
                 std::string(300, 'y') + " = tail  \nlast line";
  std::string raw;
  const auto parsed = format_and_parse(message, &raw);
  expect_wire_safe(raw);
  EXPECT_THAT(raw, HasSubstr("=?UTF-8?B?"));
  EXPECT_EQ(parsed["headers"]["Subject"][0], message.subject);
  EXPECT_EQ(parsed["headers"]["To"][0], "Tüffy Titán <tuffytitan@example.edu>");
  EXPECT_EQ(parsed["transfer_encoding"], "quoted-printable");
  // Python hands back the text with LF line ends and adds one final line end.
  EXPECT_EQ(parsed["body"], message.body + "\n");
  EXPECT_TRUE(parsed["defects"].empty()) << parsed["defects"];
}

TEST(MailFormat, LeadingDotInPlainBodySwitchesToQuotedPrintable) {
  auto message = confirmation();
  message.body = "Line one\n.\nLine three\n";
  std::string raw;
  const auto parsed = format_and_parse(message, &raw);
  expect_wire_safe(raw);
  EXPECT_EQ(parsed["body"], message.body);
}

TEST(MailFormat, HeaderInjectionIsImpossible) {
  auto message = confirmation();
  message.subject = "Hello\r\nBcc: attacker@example.com";
  message.to.name = "Tuffy\nCc: other@example.com";
  const auto parsed = format_and_parse(message);
  EXPECT_FALSE(parsed["headers"].contains("Bcc"));
  EXPECT_FALSE(parsed["headers"].contains("Cc"));
  EXPECT_THAT(parsed["headers"]["Subject"][0].get<std::string>(), HasSubstr("Bcc"));
}

TEST(MailFormat, DisplayNameWithCommaIsQuoted) {
  auto message = confirmation();
  message.to.name = "Titan, Tuffy";
  const auto parsed = format_and_parse(message);
  EXPECT_EQ(parsed["headers"]["To"][0], "\"Titan, Tuffy\" <tuffytitan@example.edu>");
}

TEST(MailFormat, UnusableAddressesAreRefused) {
  for (const char* address : {"", "tuffy", "tuffy@", "@example.edu", "a b@example.edu", "a@b@c",
                              "x@example.edu>\r\nBcc: y@z", "<a@b>"}) {
    auto message = confirmation();
    message.to.address = address;
    EXPECT_FALSE(format_message(message).ok()) << address;
  }
  EXPECT_TRUE(is_deliverable_address("tuffytitan@example.edu"));
  auto message = confirmation();
  message.message_id = "no-at-sign";
  EXPECT_FALSE(format_message(message).ok());
}

TEST(MimeEncoding, QuotedPrintableKeepsLinesShortAndEscapesWhatItMust) {
  const std::string encoded = mime::quoted_printable(std::string(200, 'a') + "=b \nc\t\n");
  std::size_t start = 0;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n", start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start, 76u);
    start = end + 2;
  }
  EXPECT_THAT(encoded, HasSubstr("=3Db=20\r\nc=09"));
  EXPECT_THAT(mime::quoted_printable(".x"), Not(HasSubstr(".x")));
}

TEST(MimeEncoding, EncodedWordsNeverSplitACharacter) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "é";
  const std::string encoded = mime::header_text(text);
  std::size_t start = 0;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n ", start);
    if (end == std::string::npos) end = encoded.size();
    const std::string word = encoded.substr(start, end - start);
    EXPECT_LE(word.size(), 75u);
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?")) << word;
    start = end + 3;
  }
  EXPECT_EQ(mime::base64("Man"), "TWFu");
  EXPECT_EQ(mime::base64("Ma"), "TWE=");
  EXPECT_EQ(mime::base64("M"), "TQ==");
  EXPECT_EQ(mime::header_text("plain subject"), "plain subject");
}

}  // namespace
}  // namespace servicedesk::host
