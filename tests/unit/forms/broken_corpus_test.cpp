// The corpus of broken catalog-item files: each file lists the diagnostics it must produce
// in trailing comments `# expect: LINE:COL: message` (or `# expect: other-file:LINE:COL: ...`
// for a problem found in a body_file). Every expected line must appear, and nothing else.
#include <fstream>

#include <gtest/gtest.h>

#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

std::vector<std::string> expectations(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  const std::string marker = "# expect: ";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(marker, 0) != 0) continue;
    std::string expected = line.substr(marker.size());
    // "7:18: ..." concerns the YAML file itself; "name.txt:3:1: ..." a file next to it.
    const std::string prefix = std::isdigit(static_cast<unsigned char>(expected[0]))
                                   ? file.string()
                                   : (file.parent_path() / "").string();
    out.push_back(std::isdigit(static_cast<unsigned char>(expected[0])) ? prefix + ":" + expected
                                                                        : prefix + expected);
  }
  return out;
}

TEST(BrokenCorpus, EveryFileReportsExactlyItsExpectedLineColumnAndMessage) {
  TestCatalog catalog;
  std::size_t files = 0;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(data_path("broken"))) {
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    SCOPED_TRACE(path.filename().string());
    const std::vector<std::string> expected = expectations(path);
    ASSERT_FALSE(expected.empty()) << path << " has no '# expect:' line";
    FormLoadResult result = load_form_file(path, catalog);
    EXPECT_FALSE(result.ok());
    std::vector<std::string> actual;
    for (const Diagnostic& diagnostic : result.diagnostics)
      actual.push_back(diagnostic.to_string());
    std::string listing;
    for (const auto& line : actual) listing += "  " + line + "\n";
    for (const auto& line : expected) {
      EXPECT_NE(std::find(actual.begin(), actual.end(), line), actual.end())
          << "missing: " << line << "\nactual:\n"
          << listing;
    }
    EXPECT_EQ(actual.size(), expected.size()) << "actual:\n" << listing;
    ++files;
  }
  EXPECT_GE(files, 20u);
}

}  // namespace
}  // namespace servicedesk::forms_test
