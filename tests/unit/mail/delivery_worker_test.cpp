// The delivery worker's own promises: backoff, clean stop, wake-up, counters, quiet logs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "mail/delivery_worker.hpp"
#include "mail/maildir_transport.hpp"
#include "memory_outbox.hpp"
#include "scratch.hpp"

namespace servicedesk::host {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::TempDir;
using ::testing::HasSubstr;
using testing::MemoryOutbox;
using ::testing::Not;

TEST(DeliveryBackoff, DoublesFromOneSecondUpToFiveMinutes) {
  const DeliveryOptions options;
  EXPECT_EQ(backoff_delay(0, options), 1s);
  EXPECT_EQ(backoff_delay(1, options), 2s);
  EXPECT_EQ(backoff_delay(2, options), 4s);
  EXPECT_EQ(backoff_delay(8, options), 256s);
  EXPECT_EQ(backoff_delay(9, options), 5min);
  EXPECT_EQ(backoff_delay(1000, options), 5min);
}

TEST(DeliveryWorker, StopsPromptlyWhileWaitingForTheNextPoll) {
  TempDir dir;
  MemoryOutbox outbox;
  MaildirTransport transport(dir.path());
  DeliveryOptions options;
  options.poll_interval = 60s;
  DeliveryWorker worker(outbox, transport, options);
  worker.start();
  std::this_thread::sleep_for(50ms);
  const auto start = std::chrono::steady_clock::now();
  worker.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST(DeliveryWorker, WakeDeliversWithoutWaitingForThePoll) {
  TempDir dir;
  MemoryOutbox outbox;
  MaildirTransport transport(dir.path());
  DeliveryOptions options;
  options.poll_interval = 60s;
  DeliveryWorker worker(outbox, transport, options);
  worker.start();
  std::this_thread::sleep_for(50ms);  // the first pass found an empty outbox
  outbox.add("REQ0000001", "tuffytitan@example.edu", "Tuffy Titan", "Subject", "Body\n");
  worker.wake();
  EXPECT_TRUE(eventually([&] { return outbox.depth() == 0; }, 5.0));
  worker.stop();
  EXPECT_EQ(test::files_in(dir.path() / "new").size(), 1u);
}

TEST(DeliveryWorker, DrainsMoreThanOneBatchPerPass) {
  TempDir dir;
  MemoryOutbox outbox;
  for (int i = 0; i < 45; ++i) {
    outbox.add("REQ0000001", "u" + std::to_string(i) + "@example.edu", "", "S", "B\n");
  }
  MaildirTransport transport(dir.path());
  DeliveryOptions options;
  options.poll_interval = 60s;
  options.batch_size = 10;
  DeliveryWorker worker(outbox, transport, options);
  worker.start();
  EXPECT_TRUE(eventually([&] { return outbox.depth() == 0; }, 10.0));
  worker.stop();
  EXPECT_EQ(worker.delivered(), 45u);
}

// A transport that fails by throwing: the worker must contain it.
class ThrowingTransport final : public MailTransport {
 public:
  DeliveryResult deliver(const Envelope&) override { throw std::runtime_error("socket exploded"); }
  std::string describe() const override { return "throwing"; }
};

TEST(DeliveryWorker, ThrowingTransportCountsAsAFailedAttempt) {
  MemoryOutbox outbox;
  outbox.add("REQ0000001", "tuffytitan@example.edu", "Tuffy Titan", "Subject", "Body\n");
  ThrowingTransport transport;
  DeliveryWorker worker(outbox, transport);
  worker.run_once();
  const auto rows = outbox.rows();
  EXPECT_EQ(rows[0].state, DeliveryState::failed_retrying);
  EXPECT_THAT(rows[0].last_error, HasSubstr("socket exploded"));
  EXPECT_EQ(worker.failures(), 1u);
}

/// Refuses every message whose subject holds "refuse"; accepts the others.
class PickyTransport final : public MailTransport {
 public:
  DeliveryResult deliver(const Envelope& envelope) override {
    DeliveryResult result;
    if (envelope.data.find("refuse") != std::string::npos)
      result.error = "451 try later";
    else
      result.delivered = true;
    accepted += result.delivered;
    return result;
  }
  std::string describe() const override { return "picky"; }
  int accepted = 0;
};

TEST(DeliveryWorker, ALaterMailOfARequestWaitsForAnEarlierOneToTheSameAddress) {
  MemoryOutbox outbox;
  outbox.add("REQ0000001", "tuffytitan@example.edu", "Tuffy Titan", "refuse: submitted", "B\n");
  outbox.add("REQ0000001", "tuffytitan@example.edu", "Tuffy Titan", "fulfilled", "B\n");
  outbox.add("REQ0000001", "newhire@example.edu", "Nova Hire", "fulfilled", "B\n");
  outbox.add("", "tuffytitan@example.edu", "Tuffy Titan", "a notice of no request", "B\n");
  PickyTransport transport;
  DeliveryWorker worker(outbox, transport);
  EXPECT_EQ(worker.run_once(), 3u);
  const auto rows = outbox.rows();
  EXPECT_EQ(rows[0].state, DeliveryState::failed_retrying);
  EXPECT_EQ(rows[1].state, DeliveryState::pending) << "sent before the earlier mail";
  EXPECT_EQ(rows[1].message.attempts, 0);
  EXPECT_EQ(rows[2].state, DeliveryState::sent) << "another recipient need not wait";
  EXPECT_EQ(rows[3].state, DeliveryState::sent);
  EXPECT_EQ(transport.accepted, 2);
}

TEST(DeliveryWorker, UndeliverableAddressIsRetriedNotDropped) {
  TempDir dir;
  MemoryOutbox outbox;
  outbox.add("REQ0000001", "not an address", "Someone", "Subject", "Body\n");
  MaildirTransport transport(dir.path());
  DeliveryWorker worker(outbox, transport);
  worker.run_once();
  EXPECT_EQ(outbox.rows()[0].state, DeliveryState::failed_retrying);
  EXPECT_EQ(outbox.depth(), 1u);
  EXPECT_TRUE(test::files_in(dir.path() / "new").empty());
}

TEST(DeliveryWorker, LogsNeverContainBodiesOrPhoneNumbers) {
  std::ostringstream captured;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured)));
  {
    TempDir dir;
    const std::string body = "New phone +1 714 555 0101 for BODY-MARKER\n";
    MemoryOutbox outbox;
    outbox.add("REQ0000001", "tuffytitan@example.edu", "Tuffy Titan", "Subject", body);
    MaildirTransport working(dir.path() / "ok");
    DeliveryWorker(outbox, working).run_once();

    const auto blocker = dir.path() / "blocked";
    std::ofstream(blocker) << "x";
    MemoryOutbox failing_outbox;
    failing_outbox.add("REQ0000002", "tuffytitan@example.edu", "Tuffy Titan", "Subject", body);
    MaildirTransport failing(blocker);
    DeliveryWorker(failing_outbox, failing).run_once();
  }
  spdlog::set_default_logger(previous);
  const std::string logs = captured.str();
  EXPECT_THAT(logs, HasSubstr("REQ0000001"));
  EXPECT_THAT(logs, HasSubstr("not delivered"));
  EXPECT_THAT(logs, Not(HasSubstr("BODY-MARKER")));
  EXPECT_THAT(logs, Not(HasSubstr("555")));
}

}  // namespace
}  // namespace servicedesk::host
