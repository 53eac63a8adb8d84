// Attacks on the HTTP front: slow heads, idle crowds, oversized bodies and headers. Each
// leaves a normal user served promptly and the host's memory bounded.
#include <atomic>
#include <thread>
#include <vector>

#include "front_fixture.hpp"

namespace servicedesk::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* kHead = "GET /healthz HTTP/1.1\r\nHost: attack\r\n";

/// One host for the suite, with short deadlines so the attacks finish in seconds.
class AttackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    raise_file_limit();
    dir_ = std::make_unique<TempDir>();
    host_ = start_host(dir_->path(),
                       "http:\n  head_timeout_ms: 2500\n  body_timeout_ms: 2500\n"
                       "  idle_timeout_ms: 30000\n  max_connections_per_client: 1500\n");
    normal_visit(host_->port());  // warm up: first log-in, first catalog answer
    baseline_kib_ = resident_kib(host_->pid());
  }
  static void TearDownTestSuite() {
    host_.reset();
    dir_.reset();
  }
  static int port() { return host_->port(); }
  static void expect_memory_bounded(long allowance_mib) {
    test::expect_memory_bounded(host_->pid(), baseline_kib_, allowance_mib);
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<HostProcess> host_;
  static inline long baseline_kib_ = 0;
};

TEST_F(AttackTest, SlowlorisGets408WhileANormalUserIsServed) {
  std::vector<RawConnection> slow;
  for (int i = 0; i < 120; ++i) {
    slow.emplace_back(port(), "127.0.0.2");
    ASSERT_TRUE(slow.back().connected());
    slow.back().send(kHead);
  }
  // One more header byte every 2 s: each read is quick, only the head as a whole is late.
  std::atomic<bool> stop{false};
  std::thread dribble([&] {
    while (!stop) {
      for (auto& connection : slow) connection.send("X");
      for (int i = 0; i < 20 && !stop; ++i) std::this_thread::sleep_for(100ms);
    }
  });
  expect_served_promptly(normal_visit(port()));
  int answered_408 = 0;
  for (auto& connection : slow) {
    const std::string answer = connection.read_until_closed(6000ms);
    if (answer.rfind("HTTP/1.1 408", 0) == 0) ++answered_408;
  }
  stop = true;
  dribble.join();
  EXPECT_EQ(answered_408, 120);
  expect_memory_bounded(32);
}

TEST_F(AttackTest, ThousandIdleKeepAliveConnectionsCostNoService) {
  std::vector<RawConnection> idle;
  for (int i = 0; i < 1000; ++i) {
    idle.emplace_back(port(), "127.0.0.3");
    ASSERT_TRUE(idle.back().connected()) << i;
    idle.back().send(std::string(kHead) + "\r\n");
    ASSERT_NE(idle.back().read_until("}", 5000ms).find("200 OK"), std::string::npos) << i;
  }
  expect_served_promptly(normal_visit(port()));
  expect_memory_bounded(48);
  // They are still open and still served: keep-alive, not dropped.
  idle.front().send(std::string(kHead) + "\r\n");
  EXPECT_NE(idle.front().read_until("}", 5000ms).find("200 OK"), std::string::npos);
}

TEST_F(AttackTest, ChunkedBodyBeyondTheLimitIs413BeforeItIsBuffered) {
  RawConnection attacker(port());
  attacker.send(
      "POST /api/session HTTP/1.1\r\nHost: attack\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n");
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
  std::size_t sent = 0;
  std::string answer;
  // Keep sending 64 KiB chunks (up to 512 MiB) until the answer is there.
  while (sent < 512u * 1024 * 1024 && answer.empty() && attacker.send(chunk)) {
    sent += 0x10000;
    answer = attacker.read_until("\r\n\r\n", 1ms);
  }
  if (answer.empty()) answer = attacker.read_until("\r\n\r\n", 3000ms);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  // Refused after the limit (64 KiB), give or take what the socket buffers hold.
  EXPECT_LT(sent, 16u * 1024 * 1024);
  expect_served_promptly(normal_visit(port()));
  expect_memory_bounded(32);
}

TEST_F(AttackTest, DeclaredHugeBodyIs413AtOnce) {
  RawConnection attacker(port());
  attacker.send(
      "POST /api/session HTTP/1.1\r\nHost: attack\r\nContent-Type: application/json\r\n"
      "Content-Length: 536870912\r\n\r\n");
  EXPECT_EQ(attacker.read_until("\r\n\r\n", 3000ms).rfind("HTTP/1.1 413", 0), 0u);
  EXPECT_TRUE(attacker.closed_by_peer(3000ms));
}

TEST_F(AttackTest, LengthlessBodyIsNeverBuffered) {
  RawConnection attacker(port());
  attacker.send(
      "POST /api/session HTTP/1.1\r\nHost: attack\r\nContent-Type: application/json\r\n\r\n");
  // Without a length, HTTP/1.1 says there is no body: what follows is a malformed request.
  std::size_t sent = 0;
  const std::string junk(0x10000, '{');
  std::string answers;
  while (sent < 512u * 1024 * 1024 && attacker.send(junk)) {
    sent += junk.size();
    answers += attacker.read_until("", 1ms);
    if (answers.find("HTTP/1.1 400") != std::string::npos) break;
  }
  EXPECT_LT(sent, 16u * 1024 * 1024);
  answers += attacker.read_until_closed(3000ms);
  EXPECT_EQ(answers.rfind("HTTP/1.1 400", 0), 0u) << answers.substr(0, 200);
  expect_served_promptly(normal_visit(port()));
  expect_memory_bounded(32);
}

TEST_F(AttackTest, OversizedHeadersAre431) {
  RawConnection many_fields(port());
  std::string head = kHead;
  for (int i = 0; i < 2000; ++i)
    head += "X-Filler-" + std::to_string(i) + ": " + std::string(60, 'b') + "\r\n";
  many_fields.send(head + "\r\n");
  EXPECT_EQ(many_fields.read_until_closed(3000ms).rfind("HTTP/1.1 431", 0), 0u);

  RawConnection one_long_line(port());
  one_long_line.send(std::string(kHead) + "X-Long: " + std::string(1024 * 1024, 'c'));
  EXPECT_EQ(one_long_line.read_until_closed(3000ms).rfind("HTTP/1.1 431", 0), 0u);
  expect_served_promptly(normal_visit(port()));
  expect_memory_bounded(32);
}

TEST_F(AttackTest, ControlCharactersInAPathCannotForgeALogLine) {
  RawConnection client(port());
  client.send(
      "GET /api/nothing%0a[2026-01-01%2000:00:00.000]%20[info]%20POST%20/api/session%20200"
      "%0d%1b[31m HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(client.read_until_closed(3000ms).rfind("HTTP/1.1 404", 0), 0u);
  std::string log;
  ASSERT_TRUE(eventually([&] {
    log = host_->log();
    return log.find("/api/nothing") != std::string::npos;
  }));
  EXPECT_EQ(log.find("\n[2026-01-01"), std::string::npos);
  EXPECT_EQ(log.find('\x1b'), std::string::npos);
  EXPECT_EQ(log.find('\r'), std::string::npos);
  EXPECT_NE(log.find("/api/nothing\\n[2026-01-01 00:00:00.000] [info] POST /api/session 200\\r"
                     "\\x1b[31m 404"),
            std::string::npos);
}

/// Caps are small here so that a test can reach them.
TEST(ConnectionCapTest, BeyondACapClientsGet503WithRetryAfter) {
  raise_file_limit();
  TempDir dir;
  auto host = start_host(dir.path(),
                         "http:\n  max_connections: 40\n  max_connections_per_client: 20\n"
                         "  idle_timeout_ms: 30000\n  retry_after_seconds: 7\n");
  std::vector<RawConnection> held;
  for (int i = 0; i < 20; ++i) held.emplace_back(host->port(), "127.0.0.4");
  RawConnection one_too_many(host->port(), "127.0.0.4");
  std::string refused = one_too_many.read_until_closed(3000ms);
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After: 7\r\n"), std::string::npos);
  // Another address is under its own cap.
  expect_served_promptly(normal_visit(host->port()));

  for (int i = 0; i < 20; ++i) held.emplace_back(host->port(), "127.0.0.5");
  RawConnection beyond_total(host->port(), "127.0.0.6");
  EXPECT_EQ(beyond_total.read_until_closed(3000ms).rfind("HTTP/1.1 503", 0), 0u);
  // Once they leave, everyone is served again.
  held.clear();
  EXPECT_TRUE(eventually([&] { return normal_visit(host->port()).catalog == 200; }, 5.0));
}

// The idle deadline of a keep-alive connection starts again after each answer: a client
// that asks every 600 ms is never cut off, one that goes quiet is closed after 1 s.
TEST(IdleDeadlineTest, RenewedByEachRequestAndClosedAfterSilence) {
  TempDir dir;
  auto host = start_host(dir.path(), "http:\n  idle_timeout_ms: 1000\n");
  RawConnection connection(host->port(), "127.0.0.4");
  ASSERT_TRUE(connection.connected());
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(connection.send(std::string(kHead) + "\r\n")) << i;
    ASSERT_NE(connection.read_until("}", 2000ms).find("200 OK"), std::string::npos) << i;
    if (i < 3) {
      EXPECT_FALSE(connection.closed_by_peer(600ms)) << "closed early, round " << i;
    }
  }
  const auto silent_since = std::chrono::steady_clock::now();
  EXPECT_TRUE(connection.closed_by_peer(3000ms));
  EXPECT_GE(std::chrono::steady_clock::now() - silent_since, 900ms);
}

}  // namespace
}  // namespace servicedesk::test
