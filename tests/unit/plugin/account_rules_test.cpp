// Account rules (article steps 5 to 8): what each request type may do to which account.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "account_rules.hpp"
#include "fake_host.hpp"

namespace servicedesk::duo {
namespace {

using nlohmann::json;
using testing::FakeHost;

class AccountRules : public ::testing::Test {
 protected:
  FakeHost host;
  std::shared_ptr<DuoContext> context = testing::open_demo_context(host);
  DuoAccountRules rules{context};
  PhoneOnAccountRule phone_on_account{context};

  std::vector<FieldError> check(const json& answers) const {
    return rules(FormInput{answers, "dcoordinator"});
  }
  /// The messages for `path`, in order.
  static std::vector<std::string> at(const std::vector<FieldError>& errors, std::string_view path) {
    std::vector<std::string> messages;
    for (const auto& error : errors) {
      if (error.path == path) messages.push_back(error.message);
    }
    return messages;
  }
  RuleVerdict last_four(const json& answers, std::string_view path, std::size_t row) const {
    const json& member = answers["members"][row];
    const std::string value = member.value("last_four", "");
    return phone_on_account(FieldInput{path, value, answers, &member});
  }
};

TEST_F(AccountRules, RemoveOnlyForAdministrativeAccounts) {
  const auto errors = check({{"account", "tuffytitan"}, {"request_type", "remove"}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "request_type");
  EXPECT_EQ(errors[0].message, "Remove is only available for administrative accounts.");

  const json admin = {{"account", "athletics-admin"},
                      {"request_type", "remove"},
                      {"members", {{{"user", "tuffytitan"}, {"last_four", "0111"}}}}};
  EXPECT_TRUE(check(admin).empty());
}

TEST_F(AccountRules, AddForNewEmployeePasses) {
  EXPECT_TRUE(
      check({{"account", "newhire"}, {"request_type", "add"}, {"phone", "+17145550199"}}).empty());
}

TEST_F(AccountRules, AddOfExistingNumberRefused) {
  for (const char* typed : {"+17145550101", "714-555-0101", "(714) 555 0101"}) {
    const auto errors =
        check({{"account", "tuffytitan"}, {"request_type", "add"}, {"phone", typed}});
    EXPECT_EQ(
        at(errors, "phone"),
        std::vector<std::string>{"This number is already on the Duo account of Titan, Tuffy."})
        << typed;
  }
}

TEST_F(AccountRules, UpdateWithoutPhoneSaysUseAdd) {
  const auto errors =
      check({{"account", "newhire"}, {"request_type", "update"}, {"phone", "+17145550199"}});
  EXPECT_EQ(at(errors, "request_type"),
            std::vector<std::string>{"Hire, Nova has no phone on Duo yet. Choose Add to add one."});
}

TEST_F(AccountRules, UpdateOfTheOnlyPhoneNeedsNoLastFour) {
  EXPECT_TRUE(
      check({{"account", "tuffytitan"}, {"request_type", "update"}, {"phone", "+17145559999"}})
          .empty());
}

TEST_F(AccountRules, UpdateToTheSameNumberRefused) {
  const auto errors =
      check({{"account", "tuffytitan"}, {"request_type", "update"}, {"phone", "714-555-0101"}});
  EXPECT_EQ(at(errors, "phone").size(), 1u);
}

TEST_F(AccountRules, UpdateOfSeveralPhonesAsksForLastFour) {
  // Give Tessa two phones through the ledger, as a fulfilled request would.
  ASSERT_TRUE(context->ledger()
                  .update("RITM-seed",
                          [](LedgerAccounts& accounts) {
                            accounts["tessatitan"]["tessatitan"] = {"+17145550121", "+17145550122"};
                            return std::string{};
                          })
                  .ok);
  const json answers = {
      {"account", "tessatitan"}, {"request_type", "update"}, {"phone", "+17145559999"}};
  EXPECT_EQ(at(check(answers), "replace_last_four"),
            std::vector<std::string>{"Titan, Tessa has several phones on Duo. Enter the last four "
                                     "digits of the one to replace."});

  json chosen = answers;
  chosen["replace_last_four"] = "0122";
  EXPECT_TRUE(check(chosen).empty());

  chosen["replace_last_four"] = "1234";
  EXPECT_EQ(
      at(check(chosen), "replace_last_four"),
      std::vector<std::string>{"No phone ending in 1234 is on this account for Titan, Tessa."});
}

TEST_F(AccountRules, LastFourMustMatchAccountPhone) {
  const json answers = {
      {"account", "athletics-admin"},
      {"request_type", "update"},
      {"members",
       {{{"user", "tuffytitan"}, {"last_four", "1234"}, {"phone", "+17145559999"}},
        {{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "+17145559998"}},
        {{"user", "tuffytitan"}, {"last_four", "0101"}, {"phone", "+17145559997"}}}}};
  const RuleVerdict wrong = last_four(answers, "members[0].last_four", 0);
  EXPECT_EQ(wrong.error, "No phone ending in 1234 is on this account for Titan, Tuffy.");
  EXPECT_TRUE(last_four(answers, "members[1].last_four", 1).ok());
  // 0101 is Tuffy's own phone, not the one on the administrative account.
  EXPECT_FALSE(last_four(answers, "members[2].last_four", 2).ok());

  const auto errors = check(answers);
  EXPECT_EQ(at(errors, "members[0].last_four").size(), 1u);
  EXPECT_TRUE(at(errors, "members[1].last_four").empty());
  EXPECT_EQ(at(errors, "members[2].last_four").size(), 1u);
}

TEST_F(AccountRules, PhoneOnAccountOutsideRowsChecksTheAccountItself) {
  const json answers = {{"account", "tuffytitan"}, {"request_type", "update"}};
  EXPECT_TRUE(phone_on_account(FieldInput{"replace_last_four", "0101", answers, nullptr}).ok());
  EXPECT_EQ(phone_on_account(FieldInput{"replace_last_four", "0111", answers, nullptr}).error,
            "No phone ending in 0111 is on this account for Titan, Tuffy.");
}

TEST_F(AccountRules, AdministrativeUpdateAndRemoveNeedLastFour) {
  const json answers = {{"account", "athletics-admin"},
                        {"request_type", "remove"},
                        {"members", {{{"user", "tuffytitan"}}}}};
  EXPECT_EQ(at(check(answers), "members[0].last_four"),
            std::vector<std::string>{
                "Enter the last four digits of the phone number to be updated/removed."});
}

TEST_F(AccountRules, AdministrativeAddOfNumberUserHasRefused) {
  const json answers = {{"account", "athletics-admin"},
                        {"request_type", "add"},
                        {"members",
                         {{{"user", "tuffytitan"}, {"phone", "714-555-0111"}},
                          {{"user", "newhire"}, {"phone", "714-555-0111"}}}}};
  const auto errors = check(answers);
  EXPECT_EQ(at(errors, "members[0].phone"),
            std::vector<std::string>{"Titan, Tuffy already has this number on this account."});
  EXPECT_TRUE(at(errors, "members[1].phone").empty());
}

TEST_F(AccountRules, RowsUniqueByUserAndLastFour) {
  const json answers = {{"account", "athletics-admin"},
                        {"request_type", "remove"},
                        {"members",
                         {{{"user", "tuffytitan"}, {"last_four", "0111"}},
                          {{"user", "dcoordinator"}, {"last_four", "0112"}},
                          {{"user", "tuffytitan"}, {"last_four", "0111"}}}}};
  const auto errors = check(answers);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "members[2].last_four");
  EXPECT_EQ(errors[0].message, "This row repeats an earlier row for Titan, Tuffy.");
}

TEST_F(AccountRules, MixedRowsReportEachBadRowOnly) {
  const json answers = {
      {"account", "athletics-admin"},
      {"request_type", "update"},
      {"members",
       {{{"user", "tuffytitan"}, {"last_four", "0111"}, {"phone", "714-555-9999"}},
        {{"user", "dcoordinator"}, {"last_four", "9999"}, {"phone", "714-555-9998"}},
        {{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "714-555-0112"}},
        {{"user", "newhire"}, {"last_four", "0113"}, {"phone", "714-555-9997"}}}}};
  const auto errors = check(answers);
  std::vector<std::string> paths;
  for (const auto& error : errors) paths.push_back(error.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"members[1].last_four", "members[2].phone",
                                             "members[3].last_four"}));
}

TEST_F(AccountRules, UnknownShapesAreNotAnError) {
  // Whatever a client sends, the rule answers without throwing; the engine reports the
  // missing or mistyped fields themselves.
  EXPECT_TRUE(check(json::array()).empty());
  EXPECT_TRUE(check({{"account", 42}, {"members", "x"}}).empty());
  EXPECT_TRUE(check({{"account", "nobody"}, {"request_type", "remove"}}).empty());
  EXPECT_NO_THROW(check({{"account", "athletics-admin"},
                         {"request_type", "update"},
                         {"members", {1, "x", nullptr, json::object()}}}));
}

}  // namespace
}  // namespace servicedesk::duo
