// The catalog administrators' workbench through the real host binary and plugins: `test`,
// `try`, `lint --format`, `handlers`, and the guard rails against silent mistakes.
#include <fstream>

#include "api_fixture.hpp"
#include "command.hpp"

namespace servicedesk::test {
namespace {

const std::filesystem::path kCatalog = SERVICEDESK_CATALOG_DIR;

/// The 1-based line of `file` holding `text` (0 when none does).
int line_of(const std::filesystem::path& file, const std::string& text) {
  std::ifstream in(file);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number)
    if (line.find(text) != std::string::npos) return number;
  return 0;
}

/// `text` with its first `from` replaced by `to` (the test fails when `from` is absent).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// Standard output only (errors dropped), for output that is parsed.
CommandResult run_host_stdout(const std::string& arguments) {
  return run_command(std::string(SERVICEDESK_HOST_BINARY) + " " + arguments + " 2>/dev/null");
}

class WorkbenchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    // See HostCliTest.LintPassesShippedCatalogAndFailsBrokenFileWithPosition.
    ::setenv("LSAN_OPTIONS", "use_tls=0", 1);
  }
  void TearDown() override { ::unsetenv("LSAN_OPTIONS"); }
  std::string data() const { return "--data-dir " + (dir_.path() / "data").string() + " "; }
  /// A copy of the shipped catalog to break.
  std::filesystem::path copy_catalog() const {
    const auto copy = dir_.path() / "catalog";
    std::filesystem::copy(kCatalog, copy);
    return copy;
  }
  TempDir dir_;
};

TEST_F(WorkbenchCli, ShippedDuoCasesPass) {
  const auto result = run_host_command(data() + "test " + kCatalog.string());
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find(" passed, 0 failed\n"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("passed, 0 failed"), result.output.find("passed"))
      << "no failure line before the summary:\n"
      << result.output;
}

TEST_F(WorkbenchCli, RemoveWithoutItsConditionFailsTheCaseAtItsLine) {
  const auto catalog = copy_catalog();
  const auto form = catalog / "duo-account-updates.yaml";
  const std::string without_condition = replaced(
      read_file(form),
      R"({ value: remove, label: Remove, visible_when: "account.kind == 'administrative'" })",
      "{ value: remove, label: Remove }");
  std::ofstream(form, std::ios::trunc) << without_condition;
  const auto result = run_host_command(data() + "test " + catalog.string());
  EXPECT_EQ(result.exit_code, 1) << result.output;
  const auto tests = catalog / "duo-account-updates.tests.yaml";
  const int line = line_of(tests, "choices: { request_type: [add, update] }");
  ASSERT_GT(line, 0);
  EXPECT_NE(result.output.find(tests.string() + ":" + std::to_string(line) +
                               ": case 'a person's account is offered Add and Update': expected "
                               "choices at 'request_type': \"add\", \"update\", got \"add\", "
                               "\"update\", \"remove\"\n"),
            std::string::npos)
      << result.output;
  EXPECT_EQ(result.output.find(" passed, 0 failed\n"), std::string::npos) << result.output;
}

TEST_F(WorkbenchCli, CaseFileMistakesAreReportedWithTheClosestKey) {
  const auto catalog = copy_catalog();
  const auto tests = catalog / "duo-account-updates.tests.yaml";
  std::ofstream(tests, std::ios::trunc)
      << "as: dcoordinator\ncases:\n  - name: typo\n    answers: {}\n    expect:\n"
         "      avaliable: true\n";
  const auto result = run_host_command(data() + "test " + tests.string());
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(
      result.output.find(tests.string() + ":6:7: unknown key 'avaliable' in 'expect' (did you mean "
                                          "'available'?)"),
      std::string::npos)
      << result.output;
}

TEST_F(WorkbenchCli, TryShowsWhatThePortalWouldShow) {
  const auto answers = dir_.path() / "answers.json";
  std::ofstream(answers)
      << R"({"account": "newhire", "request_type": "add", "phone": "714-555-0199"})";
  const auto form = (kCatalog / "duo-account-updates.yaml").string();
  auto result = run_host_command(data() + "try " + form + " --answers " + answers.string() +
                                 " --as dcoordinator");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  for (const char* line : {"  request_type: visible, mandatory, choices \"add\", \"update\"\n",
                           "  phone: visible, mandatory\n", "  members: hidden\n", "errors: none\n",
                           "add to cart: accepted\n", "  phone: +17145550199\n"}) {
    EXPECT_NE(result.output.find(line), std::string::npos) << line << "\n" << result.output;
  }

  std::ofstream(answers, std::ios::trunc)
      << R"({"account": "newhire", "request_type": "add", "phone": "657-278-7777"})";
  result = run_host_stdout(data() + "try " + form + " --answers " + answers.string() +
                           " --as dcoordinator --format json");
  EXPECT_EQ(result.exit_code, 1) << result.output;
  const auto json = nlohmann::json::parse(result.output);
  EXPECT_FALSE(json["valid"].get<bool>());
  ASSERT_TRUE(json["errors"].contains("phone")) << result.output;
  EXPECT_FALSE(json.contains("values"));

  result = run_host_command(data() + "try " + form + " --answers " + answers.string() +
                            " --as tuffytitan");
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("not offered to tuffytitan"), std::string::npos) << result.output;
}

TEST_F(WorkbenchCli, LintAsJsonAndSarifPointsAtTheLine) {
  const auto broken = dir_.path() / "broken.yaml";
  std::ofstream(broken)
      << "id: broken\nname: Broken\ncategory: Test\nfields:\n"
         "  - { id: a, type: text, label: A, rules: [ { use: no_such_rule } ] }\n";
  auto result = run_host_stdout(data() + "lint --format json " + broken.string());
  EXPECT_EQ(result.exit_code, 1);
  const auto json = nlohmann::json::parse(result.output);
  ASSERT_FALSE(json["problems"].empty()) << result.output;
  EXPECT_EQ(json["problems"][0]["line"], 5);
  EXPECT_EQ(json["problems"][0]["severity"], "error");

  result = run_host_stdout(data() + "lint --format sarif " + broken.string());
  EXPECT_EQ(result.exit_code, 1);
  const auto sarif = nlohmann::json::parse(result.output);
  EXPECT_EQ(sarif["version"], "2.1.0");
  const auto& first = sarif["runs"][0]["results"][0];
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["region"]["startLine"], 5);
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file://" + broken.string());
}

TEST_F(WorkbenchCli, HandlerReferenceInDocsIsCurrent) {
  const auto result = run_host_stdout(data() + "handlers --format markdown");
  EXPECT_EQ(result.exit_code, 0);
  const std::string checked_in =
      read_file(std::filesystem::path(SERVICEDESK_DOCS_DIR) / "handlers.md");
  EXPECT_EQ(result.output, checked_in)
      << "docs/handlers.md is stale; regenerate it with\n"
         "  build/dev/host-sdk/host/app/servicedesk-host handlers --format markdown > "
         "docs/handlers.md";
  const auto text = run_host_command(data() + "handlers");
  EXPECT_NE(text.output.find("  off_campus_phone (field rule)\n"), std::string::npos)
      << text.output;
  EXPECT_NE(text.output.find("    campus_prefixes: a list of texts, required"), std::string::npos)
      << text.output;
}

}  // namespace
}  // namespace servicedesk::test
