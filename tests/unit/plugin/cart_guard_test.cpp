// The alone-in-the-cart guard (article step 9).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cart_guard.hpp"

namespace servicedesk::duo {
namespace {

constexpr std::string_view kDuo = "duo-account-updates";

GuardVerdict judge(const std::vector<std::string>& cart, std::string_view guarded = kDuo) {
  return alone_in_cart(CartView{cart, guarded});
}

TEST(AloneInCart, DuoRequestAloneMayCheckOut) {
  EXPECT_TRUE(judge({"duo-account-updates"}).allowed);
}

TEST(AloneInCart, CannotCheckOutWithOtherRequests) {
  // DUO added to a cart already holding software, and software added after DUO.
  EXPECT_FALSE(judge({"request-software", "duo-account-updates"}).allowed);
  EXPECT_FALSE(judge({"duo-account-updates", "request-software"}).allowed);
  EXPECT_FALSE(judge({"request-software", "duo-account-updates", "request-software"}).allowed);
}

TEST(AloneInCart, SecondDuoRequestRefused) {
  const GuardVerdict verdict = judge({"duo-account-updates", "duo-account-updates"});
  EXPECT_FALSE(verdict.allowed);
  EXPECT_NE(verdict.detail.find("2 lines"), std::string::npos);
}

TEST(AloneInCart, CartsWithoutTheGuardedItemAreNotItsBusiness) {
  EXPECT_TRUE(judge({"request-software", "request-software"}).allowed);
  EXPECT_TRUE(judge({}).allowed);
}

}  // namespace
}  // namespace servicedesk::duo
