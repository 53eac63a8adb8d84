// Notifications over SMTP against a real server (aiosmtpd), including the server being down.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "mail/delivery_worker.hpp"
#include "mail/mail_message.hpp"
#include "mail/smtp_transport.hpp"
#include "memory_outbox.hpp"
#include "scratch.hpp"
#include "smtp_sink.hpp"

namespace servicedesk::host {
namespace {

using test::eventually;
using test::SmtpSink;
using test::TempDir;
using ::testing::HasSubstr;
using testing::MemoryOutbox;
using ::testing::Not;

SmtpSettings local_server(int port) {
  SmtpSettings settings;
  settings.url = "smtp://127.0.0.1:" + std::to_string(port);
  settings.connect_timeout = std::chrono::milliseconds(2000);
  settings.timeout = std::chrono::milliseconds(10000);
  return settings;
}

TEST(SmtpDelivery, ServerReceivesTheMessageIntact) {
  TempDir dir;
  SmtpSink sink(test::free_port(), dir.path() / "received");
  MailMessage mail;
  mail.from = {"servicedesk@example.edu", "IT Service Desk"};
  mail.to = {"tuffytitan@example.edu", "Tuffy Titan"};
  mail.subject = "REQ0000001 DUO Account updates received";
  mail.body = "First line\n.\n..two dots\nGrüße\n";
  mail.message_id = "REQ0000001.1@servicedesk.example.edu";
  mail.date = std::chrono::system_clock::now();
  const auto formatted = format_message(mail);
  ASSERT_TRUE(formatted.ok());

  SmtpTransport transport(local_server(sink.port()));
  const auto result =
      transport.deliver({"servicedesk@example.edu", "tuffytitan@example.edu", formatted.data});

  ASSERT_TRUE(result.delivered) << result.error;
  const auto files = test::files_in(sink.folder());
  ASSERT_EQ(files.size(), 1u);
  const auto parsed = test::parse_with_python(files[0]);
  EXPECT_EQ(parsed["headers"]["X-Envelope-From"][0], "servicedesk@example.edu");
  EXPECT_EQ(parsed["headers"]["X-Envelope-To"][0], "tuffytitan@example.edu");
  EXPECT_EQ(parsed["headers"]["Subject"][0], mail.subject);
  EXPECT_EQ(parsed["body"], mail.body);
}

TEST(SmtpDelivery, ServerDownReportsAnErrorWithoutTheMessage) {
  SmtpTransport transport(local_server(test::free_port()));
  const auto result = transport.deliver(
      {"servicedesk@example.edu", "tuffytitan@example.edu", "Subject: x\r\n\r\nSECRET-BODY\r\n"});
  EXPECT_FALSE(result.delivered);
  EXPECT_THAT(result.error, HasSubstr("smtp://127.0.0.1:"));
  EXPECT_THAT(result.error, Not(HasSubstr("SECRET-BODY")));
}

TEST(SmtpDelivery, AuthenticatesWithConfiguredCredentials) {
  TempDir dir;
  SmtpSink sink(test::free_port(), dir.path() / "received", "desk:s3cret");
  const Envelope envelope{"servicedesk@example.edu", "tuffytitan@example.edu",
                          "Subject: x\r\n\r\nBody\r\n"};

  auto settings = local_server(sink.port());
  settings.timeout = std::chrono::milliseconds(3000);
  EXPECT_FALSE(SmtpTransport(settings).deliver(envelope).delivered) << "no AUTH, no mail";
  settings.username = "desk";
  settings.password = "wrong";
  const auto refused = SmtpTransport(settings).deliver(envelope);
  EXPECT_FALSE(refused.delivered);
  EXPECT_THAT(refused.error, Not(HasSubstr("wrong"))) << "passwords stay out of errors";
  settings.password = "s3cret";
  const auto accepted = SmtpTransport(settings).deliver(envelope);
  EXPECT_TRUE(accepted.delivered) << accepted.error;
  EXPECT_EQ(test::files_in(sink.folder()).size(), 1u);
}

TEST(SmtpDelivery, ServerDownThenBackDeliversEverythingOnce) {
  TempDir dir;
  SmtpSink sink(test::free_port(), dir.path() / "received", "", SmtpSink::Start::later);
  MemoryOutbox outbox;
  std::set<std::string> recipients;
  for (int i = 1; i <= 5; ++i) {
    const std::string user = "user" + std::to_string(i);
    recipients.insert(user + "@example.edu");
    outbox.add("REQ000000" + std::to_string(i), user + "@example.edu", "User " + std::to_string(i),
               "REQ000000" + std::to_string(i) + " received", "Body " + std::to_string(i) + "\n");
  }
  SmtpTransport transport(local_server(sink.port()));
  DeliveryOptions options;
  options.poll_interval = std::chrono::milliseconds(20);
  options.initial_backoff = std::chrono::milliseconds(50);
  options.max_backoff = std::chrono::milliseconds(200);
  DeliveryWorker worker(outbox, transport, options);
  worker.start();

  // The server is down: every message fails, is kept, and is retried with growing delays.
  ASSERT_TRUE(eventually([&] {
    const auto rows = outbox.rows();
    return std::all_of(rows.begin(), rows.end(),
                       [](const auto& row) { return row.message.attempts >= 3; });
  }));
  for (const auto& row : outbox.rows()) {
    EXPECT_NE(row.state, DeliveryState::sent);
    EXPECT_THAT(row.last_error, HasSubstr("smtp://127.0.0.1:"));
    ASSERT_GE(row.retry_delays.size(), 3u);
    EXPECT_GT(row.retry_delays[1], row.retry_delays[0]);
    EXPECT_GT(row.retry_delays[2], row.retry_delays[1]);
    EXPECT_LE(row.retry_delays.back(), options.max_backoff);
  }
  EXPECT_GE(worker.failures(), 15u);
  EXPECT_EQ(worker.delivered(), 0u);
  EXPECT_EQ(outbox.depth(), 5u);

  // The server comes back: everything arrives, nothing twice.
  sink.start();
  ASSERT_TRUE(eventually([&] { return outbox.depth() == 0; }, 20.0));
  worker.stop();

  const auto files = test::files_in(sink.folder());
  ASSERT_EQ(files.size(), 5u);
  std::set<std::string> received;
  std::set<std::string> message_ids;
  for (const auto& file : files) {
    const auto parsed = test::parse_with_python(file);
    received.insert(parsed["headers"]["X-Envelope-To"][0].get<std::string>());
    message_ids.insert(parsed["headers"]["Message-ID"][0].get<std::string>());
  }
  EXPECT_EQ(received, recipients);
  EXPECT_EQ(message_ids.size(), 5u);
  for (const auto& row : outbox.rows()) EXPECT_EQ(row.times_marked_sent, 1);
  EXPECT_EQ(worker.delivered(), 5u);
}

}  // namespace
}  // namespace servicedesk::host
