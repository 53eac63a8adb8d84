// Failed log-ins: free failures, then locks that double, and a success that starts over.
#include "auth/login_throttle.hpp"

#include <gtest/gtest.h>

namespace servicedesk::host {
namespace {

using std::chrono::seconds;

TEST(FailureThrottle, FiveFailuresThenLocksThatDouble) {
  FailureThrottle throttle(ThrottleSettings{5, seconds(1), seconds(8), seconds(3600)});
  const auto t0 = FailureThrottle::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 4; ++i) {
    EXPECT_FALSE(throttle.failure("dana", t0).has_value()) << i;
    EXPECT_FALSE(throttle.locked("dana", t0).has_value());
  }
  EXPECT_EQ(throttle.failure("dana", t0), seconds(1)) << "the fifth failure starts a lock";
  EXPECT_EQ(throttle.locked("dana", t0), seconds(1));
  EXPECT_FALSE(throttle.locked("dana", t0 + seconds(1)).has_value());
  EXPECT_EQ(throttle.failure("dana", t0 + seconds(1)), seconds(2));
  EXPECT_EQ(throttle.failure("dana", t0 + seconds(3)), seconds(4));
  EXPECT_EQ(throttle.failure("dana", t0 + seconds(7)), seconds(8));
  EXPECT_EQ(throttle.failure("dana", t0 + seconds(15)), seconds(8)) << "capped at the longest";
  EXPECT_FALSE(throttle.locked("tuffy", t0).has_value()) << "keys are separate";
}

TEST(FailureThrottle, SuccessResetsAndQuietKeysAreForgotten) {
  FailureThrottle throttle(ThrottleSettings{2, seconds(1), seconds(60), seconds(100)});
  const auto t0 = FailureThrottle::Clock::time_point{} + seconds(1000);
  throttle.failure("dana", t0);
  throttle.failure("dana", t0);
  throttle.reset("dana");
  EXPECT_EQ(throttle.failures("dana"), 0);
  EXPECT_FALSE(throttle.failure("dana", t0).has_value());
  EXPECT_TRUE(throttle.failure("dana", t0).has_value());
  EXPECT_FALSE(throttle.failure("dana", t0 + seconds(500)).has_value()) << "forgotten after 100 s";
  EXPECT_EQ(throttle.failures("dana"), 1);
}

TEST(FailureThrottle, MemoryIsBoundedByMaxKeys) {
  FailureThrottle throttle(ThrottleSettings{}, 10);
  const auto t0 = FailureThrottle::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 100; ++i) throttle.failure("user" + std::to_string(i), t0 + seconds(i));
  int remembered = 0;
  for (int i = 0; i < 100; ++i) remembered += throttle.failures("user" + std::to_string(i));
  EXPECT_EQ(remembered, 10);
  EXPECT_EQ(throttle.failures("user99"), 1) << "the newest stay";
}

}  // namespace
}  // namespace servicedesk::host
