// Loading the directory file: YAML and CSV, and file:line:col errors for what is wrong.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "directory/directory_loader.hpp"
#include "directory_test_support.hpp"

namespace servicedesk::host {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempFile;
using testing::usernames;

TEST(DirectoryYaml, LoadsEntriesWithDefaultEmail) {
  TempFile file("people.yaml", R"(email_domain: campus.test
entries:
  - { username: tuffytitan, display_name: "Titan, Tuffy", kind: person, department: Athletics }
  - username: ops
    display_name: Operations Account
    kind: administrative
    roles: [ditc, it_staff]
    email: ops-team@campus.test
)");
  auto loaded = load_directory_file(file.path());
  ASSERT_TRUE(loaded.ok());
  const auto* tuffy = loaded.directory->find("tuffytitan");
  ASSERT_NE(tuffy, nullptr);
  EXPECT_EQ(tuffy->email, "tuffytitan@campus.test");
  EXPECT_EQ(tuffy->department, "Athletics");
  EXPECT_EQ(loaded.directory->find("ops")->email, "ops-team@campus.test");
  EXPECT_THAT(loaded.directory->roles("ops"), ElementsAre("ditc", "it_staff"));
}

TEST(DirectoryYaml, SyntaxErrorHasLineAndColumn) {
  TempFile file("bad.yaml", "entries:\n  - { username: a, display_name: [unclosed\n");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  ASSERT_FALSE(loaded.diagnostics.empty());
  EXPECT_EQ(loaded.diagnostics[0].file, file.path().string());
  EXPECT_GE(loaded.diagnostics[0].line, 2);
  EXPECT_GT(loaded.diagnostics[0].column, 0);
}

TEST(DirectoryYaml, UnknownKindNamesTheEntryLine) {
  TempFile file("kind.yaml", R"(entries:
  - { username: a, display_name: "A, B", kind: person }
  - { username: robot, display_name: Robot, kind: service }
)");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].line, 3);
  EXPECT_EQ(loaded.diagnostics[0].column, 5);
  EXPECT_THAT(loaded.diagnostics[0].message, HasSubstr("'person' or 'administrative'"));
}

TEST(DirectoryYaml, PasswordsAreRefused) {
  TempFile file("pw.yaml", R"(entries:
  - { username: a, display_name: "A, B", kind: person, password: demo }
)");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.diagnostics[0].message, HasSubstr("passwords do not belong"));
  EXPECT_EQ(loaded.diagnostics[0].line, 2);
}

TEST(DirectoryYaml, DuplicateUsernameNamesTheFirstLine) {
  TempFile file("dup.yaml", R"(entries:
  - { username: a, display_name: "A, B", kind: person }
  - { username: a, display_name: "A, C", kind: person }
)");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].line, 3);
  EXPECT_THAT(loaded.diagnostics[0].message, HasSubstr("first defined on line 2"));
}

TEST(DirectoryYaml, UpperCaseUsernameIsRefused) {
  TempFile file("case.yaml", "entries:\n  - { username: Tuffy, display_name: T, kind: person }\n");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.diagnostics[0].message, HasSubstr("lower-case"));
}

TEST(DirectoryCsv, LoadsQuotedNamesAndRoles) {
  TempFile file("people.csv",
                "username,display_name,kind,department,roles\n"
                "tuffytitan,\"Titan, Tuffy\",person,Athletics,\n"
                "dcoordinator,\"Coordinator, Dana\",person,Athletics,ditc;it_staff\r\n"
                "# administrative accounts\n"
                "athletics-admin,Athletics Administrative Account,administrative,Athletics,\n");
  auto loaded = load_directory_file(file.path());
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics[0].message;
  EXPECT_EQ(loaded.directory->size(), 3u);
  EXPECT_THAT(loaded.directory->roles("dcoordinator"), ElementsAre("ditc", "it_staff"));
  EXPECT_THAT(usernames(loaded.directory->search("Titan, Tuffy", KindFilter::any, 20)),
              ElementsAre("tuffytitan"));
  EXPECT_EQ(loaded.directory->find("athletics-admin")->kind, AccountKind::administrative);
  EXPECT_EQ(loaded.directory->find("tuffytitan")->email, "tuffytitan@example.edu");
}

TEST(DirectoryCsv, PasswordColumnIsRefused) {
  TempFile file("pw.csv", "username,display_name,kind,password\na,\"A, B\",person,demo\n");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.diagnostics[0].line, 1);
  EXPECT_EQ(loaded.diagnostics[0].column, 28);  // the "password" header cell
  EXPECT_THAT(loaded.diagnostics[0].message, HasSubstr("passwords do not belong"));
}

TEST(DirectoryCsv, UnterminatedQuoteHasPosition) {
  TempFile file("q.csv", "username,display_name,kind\na,\"A, B,person\n");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.diagnostics[0].line, 2);
  EXPECT_EQ(loaded.diagnostics[0].column, 3);
}

TEST(DirectoryCsv, WrongFieldCountNamesTheRow) {
  TempFile file("n.csv", "username,display_name,kind\na,\"A, B\",person\nb,B\n");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.diagnostics[0].line, 3);
}

TEST(DirectoryFile, MissingFileAndUnknownTypeAreErrors) {
  EXPECT_FALSE(load_directory_file("/nonexistent/people.yaml").ok());
  TempFile file("people.txt", "x");
  auto loaded = load_directory_file(file.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.diagnostics[0].message, HasSubstr(".yaml, .yml or .csv"));
}

}  // namespace
}  // namespace servicedesk::host
