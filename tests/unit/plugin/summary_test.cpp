// Summaries (cart, requests, mail): what was asked, with phones masked to the last four.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "fake_host.hpp"
#include "phone_format.hpp"
#include "summary.hpp"

namespace servicedesk::duo {
namespace {

using nlohmann::json;

/// True when `text` holds a run of five or more digits, i.e. more than a last four.
bool shows_more_than_last_four(const std::string& text) {
  return std::regex_search(text, std::regex("[0-9][-. ()]*[0-9][-. ()]*[0-9][-. ()]*[0-9][-. ()]*"
                                            "[0-9]"));
}

class Summary : public ::testing::Test {
 protected:
  testing::FakeHost host;
  DuoSummary summary{testing::open_demo_context(host)};
  std::string of(const json& answers) const {
    return summary(SummaryInput{"duo-account-updates", answers});
  }
};

TEST_F(Summary, SummaryMasksPhones) {
  const std::string add =
      of({{"account", "newhire"}, {"request_type", "add"}, {"phone", "+17145550199"}});
  EXPECT_EQ(add, "Add +1 ***-***-0199 to Hire, Nova (newhire)");

  const std::string typed =
      of({{"account", "newhire"}, {"request_type", "add"}, {"phone", "714-555-0199"}});
  EXPECT_EQ(typed, add);

  const json members =
      json::array({{{"user", "tuffytitan"}, {"last_four", "0111"}, {"phone", "+17145559999"}},
                   {{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "+442079460958"}}});
  const std::string admin =
      of({{"account", "athletics-admin"}, {"request_type", "update"}, {"members", members}});
  EXPECT_EQ(admin,
            "Update Athletics Administrative Account (athletics-admin): Titan, Tuffy: phone ending "
            "0111 → +1 ***-***-9999; Coordinator, Dana: phone ending 0112 → +44 ******0958");
  for (const std::string& text : {add, typed, admin}) {
    EXPECT_FALSE(shows_more_than_last_four(text)) << text;
  }
}

TEST_F(Summary, PersonUpdateAndAdministrativeRemove) {
  EXPECT_EQ(of({{"account", "tuffytitan"}, {"request_type", "update"}, {"phone", "+17145559999"}}),
            "Update Titan, Tuffy (tuffytitan): phone → +1 ***-***-9999");
  EXPECT_EQ(of({{"account", "athletics-admin"},
                {"request_type", "remove"},
                {"members", {{{"user", "tuffytitan"}, {"last_four", "0111"}}}}}),
            "Remove Athletics Administrative Account (athletics-admin): Titan, Tuffy: remove phone "
            "ending 0111");
}

TEST(PhoneMasking, OnlyLastFourDigitsRemain) {
  EXPECT_EQ(mask_phone("+17145550199"), "+1 ***-***-0199");
  EXPECT_EQ(mask_phone("+33612345678"), "+33 *****5678");
  EXPECT_EQ(mask_phone("714 555 0199"), "***0199");
  EXPECT_EQ(mask_phone(""), "***");
  EXPECT_EQ(last_four("(714) 555-0199"), "0199");
}

}  // namespace
}  // namespace servicedesk::duo
