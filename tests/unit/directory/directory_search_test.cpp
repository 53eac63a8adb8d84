// Directory search as the article's step 4 uses it: names, usernames, prefixes, kinds, ranking.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "directory/directory_loader.hpp"
#include "directory_test_support.hpp"

namespace servicedesk::host {
namespace {

using ::testing::ElementsAre;
using testing::usernames;

class DemoDirectory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = load_directory_file(SERVICEDESK_DEMO_DIRECTORY);
    ASSERT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].message);
    directory_ = loaded.directory.release();
  }
  static void TearDownTestSuite() { delete directory_; }

  static std::vector<std::string> search(std::string_view query, KindFilter kind = KindFilter::any,
                                         std::size_t limit = 20) {
    return usernames(directory_->search(query, kind, limit));
  }

  static IndexedDirectory* directory_;
};

IndexedDirectory* DemoDirectory::directory_ = nullptr;

TEST_F(DemoDirectory, FindsTuffyByLastCommaFirst) {
  const auto found = search("Titan, Tuffy");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front(), "tuffytitan");
  EXPECT_EQ(found.size(), 1u);
}

TEST_F(DemoDirectory, FindsTuffyByUsername) {
  EXPECT_THAT(search("tuffytitan"), ElementsAre("tuffytitan"));
}

TEST_F(DemoDirectory, FindsTuffyByFirstLast) {
  EXPECT_THAT(search("Tuffy Titan"), ElementsAre("tuffytitan"));
}

TEST_F(DemoDirectory, LastNameFindsBothTitans) {
  const auto found = search("titan");
  EXPECT_NE(std::find(found.begin(), found.end(), "tuffytitan"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "tessatitan"), found.end());
  EXPECT_EQ(std::find(found.begin(), found.end(), "dcoordinator"), found.end());
}

TEST_F(DemoDirectory, UpperCaseLastNameAndInitialFindsOnlyTheTitans) {
  EXPECT_THAT(search("TITAN, T"), ElementsAre("tessatitan", "tuffytitan"));
}

TEST_F(DemoDirectory, PrefixTufFindsEveryTuf) {
  EXPECT_THAT(search("tuf"), ElementsAre("tuffyt", "tuffytitan"));
}

TEST_F(DemoDirectory, ExactUsernameComesBeforeLongerMatches) {
  const auto found = search("tuffyt");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found.front(), "tuffyt");
}

TEST_F(DemoDirectory, KindFilterSeparatesPeopleFromAdministrativeAccounts) {
  EXPECT_THAT(search("athletics"), ElementsAre("athletics-admin"));
  EXPECT_TRUE(search("athletics", KindFilter::person).empty());
  EXPECT_THAT(search("athletics", KindFilter::administrative), ElementsAre("athletics-admin"));
  EXPECT_TRUE(search("Titan, Tuffy", KindFilter::administrative).empty());
  EXPECT_THAT(search("tuffytitan", KindFilter::person), ElementsAre("tuffytitan"));
  for (const auto* entry : directory_->search("a", KindFilter::administrative, 20)) {
    EXPECT_EQ(entry->kind, AccountKind::administrative) << entry->username;
  }
}

TEST_F(DemoDirectory, UnknownNameFindsNothing) {
  EXPECT_TRUE(search("Nobody, Here").empty());
  EXPECT_TRUE(search("zzz").empty());
  EXPECT_TRUE(search("").empty());
  EXPECT_TRUE(search("  ,  ").empty());
}

TEST_F(DemoDirectory, LimitCapsTheResults) {
  EXPECT_EQ(search("t", KindFilter::any, 2).size(), 2u);
  EXPECT_TRUE(search("tuffytitan", KindFilter::any, 0).empty());
}

TEST_F(DemoDirectory, DemoEntriesAreExactlyAsDesigned) {
  struct Expected {
    const char* username;
    const char* display_name;
    AccountKind kind;
    std::vector<std::string> roles;
  };
  const std::vector<Expected> expected = {
      {"tuffytitan", "Titan, Tuffy", AccountKind::person, {}},
      {"tessatitan", "Titan, Tessa", AccountKind::person, {}},
      {"dcoordinator", "Coordinator, Dana", AccountKind::person, {"ditc"}},
      {"newhire", "Hire, Nova", AccountKind::person, {}},
      {"athletics-admin", "Athletics Administrative Account", AccountKind::administrative, {}},
      {"helpdesk", "Desk, Help", AccountKind::person, {"it_staff"}},
  };
  for (const auto& want : expected) {
    const auto* entry = directory_->find(want.username);
    ASSERT_NE(entry, nullptr) << want.username;
    EXPECT_EQ(entry->display_name, want.display_name);
    EXPECT_EQ(entry->kind, want.kind);
    EXPECT_EQ(entry->email, std::string(want.username) + "@example.edu");
    EXPECT_FALSE(entry->department.empty());
    EXPECT_EQ(directory_->roles(want.username), want.roles) << want.username;
  }
}

TEST_F(DemoDirectory, RolesOfUnknownUserAreEmpty) {
  EXPECT_TRUE(directory_->roles("nobody").empty());
  EXPECT_TRUE(directory_->has_role("dcoordinator", "ditc"));
  EXPECT_FALSE(directory_->has_role("tuffytitan", "ditc"));
  EXPECT_EQ(directory_->find("TuffyTitan"), nullptr);
}

DirectoryRecord person(std::string username, std::string display_name,
                       AccountKind kind = AccountKind::person) {
  DirectoryRecord record;
  record.entry.username = std::move(username);
  record.entry.display_name = std::move(display_name);
  record.entry.kind = kind;
  return record;
}

TEST(DirectoryRanking, ExactUsernameThenExactNameThenPrefixes) {
  // "admin-lee" sorts before "lee", and the account is *named* "Lee": the exact username
  // must still win, then the exact name, then names that merely start with "lee".
  IndexedDirectory directory({person("aleeds", "Leeds, Amy"), person("lee", "Park, Min"),
                              person("admin-lee", "Lee", AccountKind::administrative)});
  EXPECT_THAT(usernames(directory.search("lee", KindFilter::any, 20)),
              ElementsAre("lee", "admin-lee", "aleeds"));
  EXPECT_THAT(usernames(directory.search("LEE", KindFilter::any, 1)), ElementsAre("lee"));
}

TEST(DirectoryRanking, ExactNameBeforeLongerName) {
  IndexedDirectory directory({person("jsmith3", "Smith, Johnny"), person("zsmith", "Smith, John")});
  EXPECT_THAT(usernames(directory.search("Smith, John", KindFilter::any, 20)),
              ElementsAre("zsmith", "jsmith3"));
}

TEST(DirectoryRanking, LaterDuplicateUsernameIsIgnored) {
  IndexedDirectory directory({person("lee", "Lee, Sam"), person("lee", "Other, Person")});
  EXPECT_EQ(directory.size(), 1u);
  EXPECT_EQ(directory.find("lee")->display_name, "Lee, Sam");
  EXPECT_TRUE(directory.search("other", KindFilter::any, 20).empty());
}

}  // namespace
}  // namespace servicedesk::host
