// Step 11: the confirmation mails, to a maildir by default and to a real SMTP server.
#include <fstream>

#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using MaildirTest = HostApiTest;

/// The mail files whose subject starts with `request_number`.
std::vector<std::string> mails_for(const std::filesystem::path& folder,
                                   const std::string& request_number) {
  std::vector<std::string> found;
  for (const auto& file : files_in(folder)) {
    const std::string text = read_file(file);
    if (text.find("Subject: " + request_number + " ") != std::string::npos) found.push_back(text);
  }
  return found;
}

std::string checkout_one(ApiClient& client, const std::string& item, const nlohmann::json& answers,
                         const std::string& requested_for) {
  Reply added = client.post("/api/cart/items", {{"item", item}, {"answers", answers}});
  EXPECT_EQ(added.status, 201) << added.body;
  Reply done = client.post("/api/cart/checkout", {{"requested_for", requested_for}});
  EXPECT_EQ(done.status, 201) << done.body;
  return done.json["request"].value("number", "");
}

TEST_F(MaildirTest, SubmitterAndRequestedForEachGetMailWithNumbersAndMaskedPhone) {
  ApiClient client = as("dcoordinator");
  const std::string request =
      checkout_one(client, "duo-account-updates", duo_add_for_newhire("714 555 2468"), "newhire");
  const auto folder = data_dir() / "mail" / "new";
  ASSERT_TRUE(eventually([&] { return mails_for(folder, request).size() == 2; }));
  const auto mails = mails_for(folder, request);
  const std::string both = mails[0] + mails[1];
  EXPECT_NE(both.find("To: Dana Coordinator <dcoordinator@example.edu>"), std::string::npos);
  EXPECT_NE(both.find("To: Nova Hire <newhire@example.edu>"), std::string::npos);
  for (const auto& mail : mails) {
    EXPECT_NE(mail.find("RITM"), std::string::npos);
    EXPECT_NE(mail.find("2468"), std::string::npos);
    EXPECT_EQ(mail.find("555 2468"), std::string::npos);
    EXPECT_EQ(mail.find("7145552468"), std::string::npos);
    EXPECT_NE(mail.find("Message-ID: "), std::string::npos);
    EXPECT_NE(mail.find("Date: "), std::string::npos);
  }
  // The request shows both notifications as sent.
  ASSERT_TRUE(eventually([&] {
    auto notes = client.get("/api/requests/" + request).json["request"]["notifications"];
    return notes.size() == 2 && notes[0]["state"] == "sent" && notes[1]["state"] == "sent";
  }));
}

TEST_F(MaildirTest, OneMailWhenSubmitterIsRequestedFor) {
  ApiClient client = as("dcoordinator");
  const std::string request = checkout_one(client, "duo-account-updates",
                                           duo_add_for_newhire("714 555 1357"), "dcoordinator");
  const auto folder = data_dir() / "mail" / "new";
  ASSERT_TRUE(eventually([&] { return mails_for(folder, request).size() == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(mails_for(folder, request).size(), 1u);
  EXPECT_EQ(client.get("/api/requests/" + request).json["request"]["notifications"].size(), 1u);
}

TEST(SmtpDeliveryTest, MailReachesSmtpServerAndNothingIsLostWhileItIsDown) {
  TempDir dir;
  const int smtp_port = free_port();
  const auto inbox = dir.path() / "inbox";
  const auto config = dir.path() / "host.yaml";
  {
    std::ofstream out(config);
    out << "mail:\n  smtp: smtp://127.0.0.1:" << smtp_port
        << "\n  poll_interval_ms: 100\n  initial_backoff_ms: 200\n  max_backoff_ms: 400\n";
  }
  auto sink = std::make_unique<SmtpSink>(smtp_port, inbox);
  HostProcess host(dir.path() / "data", {"--config", config.string()});
  ApiClient client(host.port());
  ASSERT_EQ(client.log_in("dcoordinator").status, 200);

  const std::string first =
      checkout_one(client, "duo-account-updates", duo_add_for_newhire(), "newhire");
  ASSERT_TRUE(eventually([&] { return mails_for(inbox, first).size() == 2; }));
  EXPECT_NE(mails_for(inbox, first)[0].find("X-Envelope-To: "), std::string::npos);

  sink->stop();
  const std::string second =
      checkout_one(client, "request-software", software_answers(), "tuffytitan");
  auto states = [&](const std::string& request) {
    std::vector<std::string> result;
    const Reply shown = client.get("/api/requests/" + request);
    for (const auto& note : shown.json["request"]["notifications"]) result.push_back(note["state"]);
    return result;
  };
  ASSERT_TRUE(eventually([&] {
    return states(second) == std::vector<std::string>{"failed_retrying", "failed_retrying"};
  }));
  EXPECT_TRUE(mails_for(inbox, second).empty());
  ApiClient staff(host.port());
  ASSERT_EQ(staff.log_in("helpdesk").status, 200);
  EXPECT_NE(staff.get("/metrics").body.find("servicedesk_delivery_failures_total"),
            std::string::npos);

  sink = std::make_unique<SmtpSink>(smtp_port, inbox);
  ASSERT_TRUE(eventually([&] { return mails_for(inbox, second).size() == 2; }, 15.0));
  EXPECT_TRUE(eventually([&] {
    return states(second) == std::vector<std::string>{"sent", "sent"};
  }));
  EXPECT_EQ(mails_for(inbox, first).size(), 2u);  // nothing delivered twice
}

}  // namespace
}  // namespace servicedesk::test
