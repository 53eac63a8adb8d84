// The JSON Schema on its own: it accepts every good file, and its findings point at the node.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "catalog/catalog_files.hpp"
#include "load_form_parts.hpp"
#include "schema_text.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms {
namespace {

std::vector<Diagnostic> schema_findings(const std::string& yaml) {
  Reporter reporter("mem.yaml");
  check_schema(YAML::Load(yaml), reporter);
  return reporter.diagnostics();
}

TEST(SchemaCheck, CompiledSchemaIsTheShippedFile) {
  std::ifstream in(std::filesystem::path(SERVICEDESK_CATALOG_ITEMS) / ".." / "schemas" /
                   "catalog-item.schema.json");
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_EQ(catalog_item_schema_text(), text.str());
}

TEST(SchemaCheck, AcceptsShippedAndGoldenFiles) {
  for (const auto& folder :
       {std::filesystem::path(SERVICEDESK_CATALOG_ITEMS), forms_test::data_path("golden")}) {
    std::size_t checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (!host::is_form_file_name(entry.path())) continue;  // not X.tests.yaml
      Reporter reporter(entry.path().string());
      check_schema(YAML::LoadFile(entry.path().string()), reporter);
      for (const auto& d : reporter.diagnostics()) ADD_FAILURE() << d.to_string();
      ++checked;
    }
    EXPECT_GT(checked, 0u) << folder << " holds no YAML: this test would pass on nothing";
  }
}

TEST(SchemaCheck, UnknownKeyIsReportedAtTheKey) {
  auto findings = schema_findings("id: a\nname: A\ncategory: C\nfields: []\nfieldz: []\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 5);
  EXPECT_EQ(findings[0].column, 1);
  EXPECT_NE(findings[0].message.find("unknown key 'fieldz'"), std::string::npos)
      << findings[0].message;
}

TEST(SchemaCheck, WrongValueIsReportedAtTheValue) {
  auto findings =
      schema_findings("id: a\nname: A\ncategory: C\nfields:\n  - { id: a, type: txt }\n");
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].line, 5);
  EXPECT_EQ(findings[0].column, 20);
  EXPECT_NE(findings[0].message.find("[fields][0][type]"), std::string::npos)
      << findings[0].message;
}

TEST(SchemaCheck, MissingRequiredKeyIsReportedAtItsMapping) {
  auto findings = schema_findings("id: a\nname: A\nfields:\n  - { type: text }\n");
  ASSERT_EQ(findings.size(), 2u);
  std::sort(findings.begin(), findings.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  EXPECT_EQ(findings[0].line, 1);  // category, at the item
  EXPECT_EQ(findings[1].line, 4);  // id, at the field
  EXPECT_EQ(findings[1].column, 5);
}

}  // namespace
}  // namespace servicedesk::forms
