// Notifications delivered to a maildir: one complete RFC 5322 file per message under new/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "mail/delivery_worker.hpp"
#include "mail/maildir_transport.hpp"
#include "memory_outbox.hpp"
#include "scratch.hpp"
#include "smtp_sink.hpp"

namespace servicedesk::host {
namespace {

using test::TempDir;
using ::testing::HasSubstr;
using testing::MemoryOutbox;

TEST(MaildirDelivery, WritesOneFilePerMessageUnderNew) {
  TempDir dir;
  MemoryOutbox outbox;
  outbox.add("REQ0000001", "tuffytitan@example.edu", "Tuffy Titan",
             "REQ0000001 DUO Account updates received", "Phone ending in 0101.\n");
  outbox.add("REQ0000001", "dcoordinator@example.edu", "Dana Coordinator",
             "REQ0000001 DUO Account updates received", "Phone ending in 0101.\n");
  outbox.add("REQ0000002", "newhire@example.edu", "Nova Hire", "REQ0000002 received", "Hi\n");
  MaildirTransport transport(dir.path() / "mail");
  DeliveryWorker worker(outbox, transport);

  EXPECT_EQ(worker.run_once(), 3u);

  const auto files = test::files_in(dir.path() / "mail" / "new");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_TRUE(test::files_in(dir.path() / "mail" / "tmp").empty());
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "mail" / "cur"));
  std::set<std::string> recipients;
  for (const auto& file : files) {
    const auto parsed = test::parse_with_python(file);
    recipients.insert(parsed["headers"]["To"][0].get<std::string>());
    EXPECT_EQ(parsed["headers"]["From"][0], "IT Service Desk <servicedesk@example.edu>");
    EXPECT_TRUE(parsed["headers"].contains("Message-ID"));
    EXPECT_TRUE(parsed["date_ok"].get<bool>());
  }
  EXPECT_EQ(recipients, (std::set<std::string>{"Tuffy Titan <tuffytitan@example.edu>",
                                               "Dana Coordinator <dcoordinator@example.edu>",
                                               "Nova Hire <newhire@example.edu>"}));
  for (const auto& row : outbox.rows()) {
    EXPECT_EQ(row.state, DeliveryState::sent);
    EXPECT_EQ(row.times_marked_sent, 1);
  }
  EXPECT_EQ(worker.delivered(), 3u);
  EXPECT_EQ(worker.failures(), 0u);
  EXPECT_EQ(outbox.depth(), 0u);
  EXPECT_EQ(worker.run_once(), 0u) << "nothing is delivered twice";
}

TEST(MaildirDelivery, FileNamesAreUniqueUnderBurst) {
  TempDir dir;
  MaildirTransport transport(dir.path());
  for (int i = 0; i < 50; ++i) {
    const auto result = transport.deliver(
        {"a@example.edu", "b@example.edu", "Subject: " + std::to_string(i) + "\r\n\r\nx\r\n"});
    ASSERT_TRUE(result.delivered) << result.error;
  }
  EXPECT_EQ(test::files_in(dir.path() / "new").size(), 50u);
}

TEST(MaildirDelivery, UnwritableFolderFailsAndTheMessageStaysQueued) {
  TempDir dir;
  const auto blocker = dir.path() / "not-a-folder";
  std::ofstream(blocker) << "a file where the maildir should be";
  MemoryOutbox outbox;
  outbox.add("REQ0000003", "tuffytitan@example.edu", "Tuffy Titan", "Subject", "Body\n");
  MaildirTransport transport(blocker);
  DeliveryWorker worker(outbox, transport);

  worker.run_once();

  const auto rows = outbox.rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, DeliveryState::failed_retrying);
  EXPECT_THAT(rows[0].last_error, HasSubstr("cannot create"));
  EXPECT_EQ(worker.failures(), 1u);
  EXPECT_EQ(outbox.depth(), 1u);
}

}  // namespace
}  // namespace servicedesk::host
