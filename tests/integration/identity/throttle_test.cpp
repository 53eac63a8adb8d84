// Failed log-ins are throttled per user name and per client address (local mode, demo hashes).
#include <thread>

#include "identity_fixture.hpp"

namespace servicedesk::test {
namespace {

TEST(LogInThrottle, TwoHundredWrongPasswordsForOneUserAreThrottled) {
  ConfiguredHost host(
      "auth:\n  mode: local\n  throttle_per_user: { free_failures: 5, first_lock_seconds: 1, "
      "longest_lock_seconds: 2 }\n");
  ApiClient client(host.port());
  int refused = 0, throttled = 0;
  std::string retry_after;
  for (int i = 0; i < 200; ++i) {
    const Reply reply = client.log_in("dcoordinator", "guess-" + std::to_string(i));
    if (reply.status == 401) ++refused;
    if (reply.status == 429) {
      ++throttled;
      retry_after = reply.header("Retry-After");
    }
  }
  EXPECT_LE(refused, 15) << "only the free failures and one per lock are checked";
  EXPECT_GE(throttled, 185);
  EXPECT_TRUE(retry_after == "1" || retry_after == "2") << retry_after;
  EXPECT_EQ(client.log_in("dcoordinator", "demo").status, 429)
      << "even the right one, while locked";
  EXPECT_EQ(client.log_in("tuffytitan", "demo").status, 200) << "other users are not locked";
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_EQ(client.log_in("dcoordinator", "demo").status, 200) << "open again after Retry-After";
  EXPECT_EQ(client.log_in("dcoordinator", "wrong").status, 401) << "the success reset the count";
  const std::string log = host.host().log();
  EXPECT_NE(log.find("log-in: user \"dcoordinator\" locked"), std::string::npos);
  EXPECT_EQ(log.find("guess-1"), std::string::npos) << "passwords never reach the log";
}

TEST(LogInThrottle, ManyNamesFromOneAddressAreThrottled) {
  ConfiguredHost host(
      "auth:\n  throttle_per_address: { free_failures: 8, first_lock_seconds: 30, "
      "longest_lock_seconds: 60 }\n");
  ApiClient client(host.port());
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(client.log_in("user" + std::to_string(i), "x").status, 401) << i;
  // Eight failures from one address, each for another name: the address is now locked.
  const Reply locked = client.log_in("someone-else", "x");
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.header("Retry-After"), "30");
  EXPECT_EQ(client.log_in("tuffytitan", "demo").status, 429) << "the address is locked";
}

}  // namespace
}  // namespace servicedesk::test
