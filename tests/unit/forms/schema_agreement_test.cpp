// Schema and loader agree: shipped and golden files load; files the schema accepts,
// mutated at random, never crash the loader.
#include <random>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "catalog/catalog_files.hpp"
#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

std::vector<std::filesystem::path> yaml_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    // X.tests.yaml holds test cases of the form X.yaml, not a form.
    if (host::is_form_file_name(entry.path())) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SchemaAgreement, ShippedCatalogItemsLoad) {
  TestCatalog catalog;
  const auto files = yaml_files(SERVICEDESK_CATALOG_ITEMS);
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    FormLoadResult result = load_form_file(file, catalog);
    std::string listing;
    for (const auto& d : result.diagnostics) listing += d.to_string() + "\n";
    EXPECT_TRUE(result.ok()) << listing;
  }
}

TEST(SchemaAgreement, GoldenFilesLoad) {
  TestCatalog catalog;
  const auto files = yaml_files(data_path("golden"));
  ASSERT_FALSE(files.empty()) << "no golden files: this test would pass on nothing";
  for (const auto& file : files) {
    EXPECT_TRUE(load_form_file(file, catalog).ok()) << file;
  }
}

/// Mutations a catalog administrator could plausibly make: drop a key, replace a scalar
/// with another scalar, a list or a mapping, duplicate a list element, empty a list.
void mutate(YAML::Node node, std::mt19937& random) {
  std::vector<YAML::Node> nodes;
  std::vector<YAML::Node> stack = {node};
  while (!stack.empty()) {
    YAML::Node current = stack.back();
    stack.pop_back();
    nodes.push_back(current);
    if (current.IsMap()) {
      for (auto it = current.begin(); it != current.end(); ++it) stack.push_back(it->second);
    } else if (current.IsSequence()) {
      for (auto it = current.begin(); it != current.end(); ++it) stack.push_back(*it);
    }
  }
  YAML::Node target = nodes[random() % nodes.size()];
  static const char* scalars[] = {
      "",        "true", "-1",       "0", "x",       "account.kind ==",
      "visible", "rows", "{item.x}", "[", "members", "99999999999999999999"};
  switch (random() % 5) {
    case 0:
      if (target.IsMap() && target.size() > 0) {
        auto it = target.begin();
        std::advance(it, static_cast<long>(random() % target.size()));
        target.remove(it->first.Scalar());
        break;
      }
      [[fallthrough]];
    case 1:
      target = scalars[random() % std::size(scalars)];
      break;
    case 2:
      target = YAML::Load("[a, {use: x}]");
      break;
    case 3:
      if (target.IsSequence() && target.size() > 0) {
        target.push_back(YAML::Clone(target[0]));
        break;
      }
      target = YAML::Load("{id: a}");
      break;
    default:
      target = YAML::Node(YAML::NodeType::Sequence);
      break;
  }
}

TEST(SchemaAgreement, MutatedFilesNeverCrashTheLoader) {
  TestCatalog catalog;
  DemoDirectory directory;
  std::mt19937 random(12345);
  const auto sources = yaml_files(data_path("golden"));
  ASSERT_FALSE(sources.empty());
  std::size_t loaded = 0;
  std::size_t refused = 0;
  for (int round = 0; round < 120; ++round) {
    YAML::Node document = YAML::LoadFile(sources[round % sources.size()].string());
    for (int step = 0; step < 1 + round % 3; ++step) mutate(document, random);
    YAML::Emitter out;
    out << document;
    // Written next to the golden file so body_file still resolves.
    FormLoadResult result = load_form_text(out.c_str(), sources[round % sources.size()], catalog);
    if (result.ok()) {
      ++loaded;
      // A form that loads must also evaluate anything without throwing.
      const nlohmann::json answers = {{"account", "athletics-admin"},
                                      {"members", {{{"user", 1}}, 2}}};
      EXPECT_NO_THROW(result.form->evaluate(answers, EvalContext{&directory, "x"}));
      EXPECT_NO_THROW(result.form->validate(answers, EvalContext{&directory, "x"}));
    } else {
      ++refused;
      for (const auto& diagnostic : result.diagnostics) {
        EXPECT_GE(diagnostic.line, 1);
        EXPECT_GE(diagnostic.column, 1);
        EXPECT_FALSE(diagnostic.message.empty());
      }
    }
  }
  EXPECT_GT(refused, 0u);
  EXPECT_GT(loaded, 0u);
}

}  // namespace
}  // namespace servicedesk::forms_test
