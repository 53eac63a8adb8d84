// Checks a YAML document against the compiled-in catalog-item JSON Schema (valijson).
#define VALIJSON_USE_EXCEPTIONS 1
#include <memory>
#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/adapters/yaml_cpp_adapter.hpp>

namespace valijson::adapters {
// valijson 1.0's yaml-cpp iterator lacks the operator-- that the `uniqueItems` check
// instantiates. Our schema uses no `uniqueItems`, so this is never called.
[[noreturn]] inline YamlCppArrayValueIterator operator--(YamlCppArrayValueIterator&&) {
  throw std::logic_error("uniqueItems is not supported for YAML documents");
}
}  // namespace valijson::adapters

#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "load_form_parts.hpp"
#include "schema_text.hpp"

namespace servicedesk::forms {
namespace {

/// Parsed once; valijson's Schema is read-only during validation, so threads may share it.
const valijson::Schema* compiled_schema(std::string& error) {
  static std::unique_ptr<valijson::Schema> schema;
  static std::string load_error;
  static std::once_flag once;
  std::call_once(once, [] {
    try {
      const nlohmann::json document = nlohmann::json::parse(catalog_item_schema_text());
      auto parsed = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser;
      valijson::adapters::NlohmannJsonAdapter adapter(document);
      parser.populateSchema(adapter, *parsed);
      schema = std::move(parsed);
    } catch (const std::exception& e) {
      load_error = e.what();
    }
  });
  error = load_error;
  return schema.get();
}

/// Follows valijson's context ("<root>", "[fields]", "[0]") down the YAML document.
YAML::Node node_at(const YAML::Node& root, const std::vector<std::string>& context) {
  YAML::Node node = root;
  for (const std::string& step : context) {
    if (step.size() < 2 || step.front() != '[' || step.back() != ']') continue;
    const std::string key = step.substr(1, step.size() - 2);
    YAML::Node next;
    const YAML::Node& current = node;
    if (current.IsSequence()) {
      try {
        const std::size_t index = std::stoul(key);
        if (index >= current.size()) break;
        next.reset(current[index]);
      } catch (const std::exception&) {
        break;
      }
    } else if (current.IsMap()) {
      auto entry = find(current, key);
      if (!entry) break;
      next.reset(entry->value.IsNull() ? entry->key : entry->value);
    } else {
      break;
    }
    node.reset(next);
  }
  return node;
}

std::string path_text(const std::vector<std::string>& context) {
  std::string path;
  for (const std::string& step : context) {
    if (step == "<root>") continue;
    path += step;
  }
  return path.empty() ? "the item" : path;
}

}  // namespace

void check_schema(const YAML::Node& document, Reporter& reporter) {
  std::string error;
  const valijson::Schema* schema = compiled_schema(error);
  if (schema == nullptr) {
    reporter.at(YAML::Mark(), "the catalog-item schema could not be loaded: " + error);
    return;
  }
  valijson::Validator validator(valijson::Validator::kWeakTypes);
  valijson::ValidationResults results;
  valijson::adapters::YamlCppAdapter adapter(document);
  try {
    if (validator.validate(*schema, adapter, &results)) return;
  } catch (const std::exception& e) {
    // yaml-cpp throws when valijson asks a text for a number or boolean: a type mismatch.
    reporter.at(YAML::Mark(), std::string("schema check: ") + e.what());
    return;
  }
  // valijson reports each failing level; the deepest error of a path says the most.
  std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
  for (std::size_t i = 0; i < errors.size(); ++i) {
    bool has_deeper = false;
    for (std::size_t j = 0; j < errors.size() && !has_deeper; ++j) {
      if (j == i || errors[j].context.size() <= errors[i].context.size()) continue;
      has_deeper =
          std::equal(errors[i].context.begin(), errors[i].context.end(), errors[j].context.begin());
    }
    // Wrappers ("Failed to validate item #0 in array.") only repeat what a deeper error says.
    if (has_deeper && errors[i].description.rfind("Failed to validate", 0) == 0) continue;
    const std::string& description = errors[i].description;
    YAML::Node node = node_at(document, errors[i].context);
    // "... 'additionalProperties' constraints: 'fieldz'." concerns a key: point at it.
    const std::size_t quote = description.rfind(": '");
    if (description.find("additionalProperties") != std::string::npos &&
        quote != std::string::npos) {
      const std::string key = description.substr(quote + 3, description.size() - quote - 5);
      if (auto entry = find(node, key)) {
        reporter.at(entry->key, "unknown key '" + key + "' at " + path_text(errors[i].context) +
                                    " (not allowed by the schema)");
        continue;
      }
    }
    reporter.at(node, "schema: at " + path_text(errors[i].context) + ": " + description);
  }
}

}  // namespace servicedesk::forms
