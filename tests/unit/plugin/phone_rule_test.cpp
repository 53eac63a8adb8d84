// The off-campus phone rule (article steps 6 and 7): what a DITC may enter as a Duo phone.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "phone_policy.hpp"

namespace servicedesk::duo {
namespace {

namespace m = phone_messages;

class OffCampusPhone : public ::testing::Test {
 protected:
  PhonePolicy policy{PhonePolicyOptions{{"+1657278"}, "US"}};

  std::string refusal(std::string_view text) const { return policy.check(text).error; }
};

TEST_F(OffCampusPhone, CampusNumberRefused) {
  EXPECT_EQ(refusal("657-278-2011"), m::kCampus);
  EXPECT_EQ(refusal("+1 (657) 278-4444"), m::kCampus);
}

TEST_F(OffCampusPhone, HelpDeskNumberRefused) {
  // The IT Help Desk's own number, from the article.
  EXPECT_EQ(refusal("657-278-7777"), m::kCampus);
}

TEST_F(OffCampusPhone, OtherNumbersInTheCampusAreaCodeAccepted) {
  EXPECT_EQ(policy.check("657-555-0199").normalized, "+16575550199");
}

TEST_F(OffCampusPhone, TollFreeRefused) {
  EXPECT_EQ(refusal("800-555-1234"), m::kTollFree);
  EXPECT_EQ(refusal("1 (888) 555-1234"), m::kTollFree);
}

TEST_F(OffCampusPhone, PremiumRateRefused) {
  EXPECT_EQ(refusal("900-555-1234"), m::kPremiumRate);
}

TEST_F(OffCampusPhone, SharedCostRefused) {
  EXPECT_EQ(refusal("+49 1805 123456"), m::kSharedCost);
}

TEST_F(OffCampusPhone, LettersRefusedBeforeParsing) {
  // libphonenumber would read 714-555-CALL as keypad digits 714-555-2255 and accept it.
  ASSERT_TRUE(to_e164("714-555-2255").has_value());
  EXPECT_EQ(refusal("714-555-CALL"), m::kDigitsOnly);
  EXPECT_EQ(refusal("1-800-FLOWERS"), m::kDigitsOnly);
}

TEST_F(OffCampusPhone, JunkRefusedBeforeParsing) {
  for (std::string_view junk : {"714/555/0199", "714-555-0199 ext 12", "+1 714 555 0199;",
                                "714+555+0199", "call me", "---", "(((+)))"}) {
    EXPECT_EQ(refusal(junk), m::kDigitsOnly) << junk;
  }
  EXPECT_EQ(refusal(std::string(200, '7')), m::kDigitsOnly);
}

TEST_F(OffCampusPhone, DigitCountMustBeSane) {
  EXPECT_EQ(refusal("555-0199"), m::kTooShort);
  EXPECT_EQ(refusal("+1 714 555 0199 0199 0199"), m::kTooLong);
}

TEST_F(OffCampusPhone, InvalidNumberRefused) {
  // US exchanges never start with 1.
  EXPECT_EQ(refusal("714-155-0199"), m::kInvalid);
  EXPECT_EQ(refusal("+999 1234 5678"), m::kCountryCode);
}

TEST_F(OffCampusPhone, CellphoneAcceptedAsE164) {
  for (std::string_view typed : {"714-555-0199", "(714) 555-0199", "714.555.0199",
                                 "+1 714 555 0199", "1 714 555 0199", "7145550199"}) {
    const RuleVerdict verdict = policy.check(typed);
    EXPECT_TRUE(verdict.ok()) << typed << ": " << verdict.error;
    EXPECT_EQ(verdict.normalized, "+17145550199") << typed;
  }
}

TEST_F(OffCampusPhone, InternationalNumberAccepted) {
  EXPECT_EQ(policy.check("+44 20 7946 0958").normalized, "+442079460958");
  EXPECT_EQ(policy.check("+33 6 12 34 56 78").normalized, "+33612345678");
  EXPECT_EQ(policy.check("011 33 6 12 34 56 78").normalized, "+33612345678");
}

TEST(OffCampusPhoneRegion, RegionReadsNumbersWithoutCountryCode) {
  PhonePolicy french(PhonePolicyOptions{{}, "FR"});
  EXPECT_EQ(french.check("06 12 34 56 78").normalized, "+33612345678");
}

TEST(OffCampusPhoneParams, BadParametersRefusedAtLoad) {
  EXPECT_THROW(PhonePolicy(PhonePolicyOptions{{"657278"}, "US"}), std::invalid_argument);
  EXPECT_THROW(PhonePolicy(PhonePolicyOptions{{"+1657-278"}, "US"}), std::invalid_argument);
  EXPECT_THROW(PhonePolicy(PhonePolicyOptions{{"+1657278"}, "Narnia"}), std::invalid_argument);
}

TEST_F(OffCampusPhone, CachedVerdictSameAsFreshCheck) {
  for (std::string_view typed :
       {"714-555-0199", "657-278-7777", "800-555-1234", "714-555-CALL", "+44 20 7946 0958"}) {
    const RuleVerdict fresh = policy.check_uncached(typed);
    for (int round = 0; round < 3; ++round) {
      const RuleVerdict cached = policy.check(typed);
      EXPECT_EQ(cached.error, fresh.error) << typed;
      EXPECT_EQ(cached.normalized, fresh.normalized) << typed;
    }
  }
  EXPECT_EQ(policy.cached_entries(), 5u);
}

TEST(OffCampusPhoneCache, CacheStaysBounded) {
  PhonePolicy small(PhonePolicyOptions{{"+1657278"}, "US"}, 64);
  for (int i = 0; i < 1000; ++i) {
    const std::string typed = "714-555-" + std::to_string(1000 + i);
    EXPECT_EQ(small.check(typed).normalized, "+1714555" + std::to_string(1000 + i));
  }
  EXPECT_LE(small.cached_entries(), 64u);
  EXPECT_GT(small.cached_entries(), 0u);
}

TEST(OffCampusPhoneCache, LeastRecentlyUsedLeavesFirst) {
  VerdictCache cache(16);  // one entry per shard
  cache.insert("a", RuleVerdict::pass("A"));
  for (int i = 0; i < 200; ++i) cache.insert("k" + std::to_string(i), RuleVerdict::pass("x"));
  EXPECT_FALSE(cache.find("a").has_value());
  EXPECT_LE(cache.size(), cache.capacity());

  VerdictCache roomy(1600);
  roomy.insert("kept", RuleVerdict::fail("no"));
  ASSERT_TRUE(roomy.find("kept").has_value());
  EXPECT_EQ(roomy.find("kept")->error, "no");
}

TEST(OffCampusPhoneCache, SafeAcrossThreads) {
  PhonePolicy shared(PhonePolicyOptions{{"+1657278"}, "US"}, 128);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 400; ++i) {
        const int n = 1000 + (i * 7 + t) % 300;
        const RuleVerdict verdict = shared.check("714-555-" + std::to_string(n));
        if (verdict.normalized != "+1714555" + std::to_string(n)) ++wrong[t];
        if (shared.check("657-278-7777").error != m::kCampus) ++wrong[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : wrong) EXPECT_EQ(count, 0);
  EXPECT_LE(shared.cached_entries(), 128u);
}

}  // namespace
}  // namespace servicedesk::duo
