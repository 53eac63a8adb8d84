// The test cases of one form, read from `X.tests.yaml`.
#include "workbench/form_cases.hpp"

#include <yaml-cpp/yaml.h>

#include "servicedesk/forms/closest_name.hpp"

namespace servicedesk::host {
namespace {

class Reader {
 public:
  explicit Reader(FormCaseFile& out) : out_(out) {}

  void problem(const YAML::Node& node, std::string message) {
    const YAML::Mark mark = node.Mark();
    out_.problems.push_back({out_.file.string(), mark.line >= 0 ? mark.line + 1 : 1,
                             mark.column >= 0 ? mark.column + 1 : 1, std::move(message)});
  }

  /// Reports keys of `map` not in `known`; returns false when `map` is no mapping.
  bool keys(const YAML::Node& map, const std::vector<std::string_view>& known,
            const std::string& where) {
    if (!map.IsMap()) {
      problem(map, "expected " + where + " as a mapping of keys");
      return false;
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string key = it->first.Scalar();
      bool found = false;
      for (std::string_view name : known) found = found || name == key;
      if (found) continue;
      std::string list;
      for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
      problem(it->first, "unknown key '" + key + "' in " + where + did_you_mean(key, known) +
                             "; expected one of " + list);
    }
    return true;
  }

  std::optional<bool> boolean(const YAML::Node& node, const std::string& key) {
    if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false"))
      return node.Scalar() == "true";
    problem(node, "expected true or false for '" + key + "'");
    return std::nullopt;
  }

  std::optional<std::string> text(const YAML::Node& node, const std::string& key) {
    if (node.IsScalar() && !node.Scalar().empty()) return node.Scalar();
    problem(node, "expected text for '" + key + "'");
    return std::nullopt;
  }

  std::vector<std::string> texts(const YAML::Node& node, const std::string& key) {
    std::vector<std::string> out;
    if (node.IsScalar()) return {node.Scalar()};
    if (!node.IsSequence()) {
      problem(node, "expected a list of texts for '" + key + "'");
      return out;
    }
    for (const YAML::Node& item : node) {
      if (item.IsScalar()) {
        out.push_back(item.Scalar());
      } else {
        problem(item, "expected text in '" + key + "'");
      }
    }
    return out;
  }

 private:
  FormCaseFile& out_;
};

int line_of(const YAML::Node& node) {
  return node.Mark().line >= 0 ? node.Mark().line + 1 : 1;
}

/// Answers as the portal sends them: texts, plain true/false as booleans, lists, objects.
nlohmann::json to_json(const YAML::Node& node) {
  if (node.IsMap()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = node.begin(); it != node.end(); ++it)
      out[it->first.Scalar()] = to_json(it->second);
    return out;
  }
  if (node.IsSequence()) {
    nlohmann::json out = nlohmann::json::array();
    for (const YAML::Node& item : node) out.push_back(to_json(item));
    return out;
  }
  if (!node.IsDefined() || node.IsNull()) return nullptr;
  // yaml-cpp tags a quoted scalar "!": "true" in quotes stays text.
  if (node.Tag() != "!" && (node.Scalar() == "true" || node.Scalar() == "false"))
    return node.Scalar() == "true";
  return node.Scalar();
}

/// `{path: x}` entries of an expectation, each with its line.
std::vector<PathExpectation> by_path(const YAML::Node& node, const std::string& key, Reader& reader,
                                     bool as_list) {
  std::vector<PathExpectation> out;
  if (!node.IsMap()) {
    reader.problem(node,
                   "expected '" + key + "' as a mapping of field paths, such as {phone: ...}");
    return out;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    nlohmann::json expected = to_json(it->second);
    if (as_list && !expected.is_array()) expected = nlohmann::json::array({expected});
    out.push_back({it->first.Scalar(), std::move(expected), line_of(it->first)});
  }
  return out;
}

void read_paths(const YAML::Node& node, bool visible, CaseExpectations& expect, Reader& reader,
                const std::string& key) {
  if (!node.IsSequence()) {
    reader.problem(node, "expected '" + key + "' as a list of field paths, such as [phone]");
    return;
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      reader.problem(item, "expected a field path in '" + key + "'");
      continue;
    }
    expect.visible.push_back({item.Scalar(), visible, line_of(item)});
  }
}

CaseExpectations read_expectations(const YAML::Node& node, Reader& reader) {
  CaseExpectations expect;
  if (!reader.keys(
          node,
          {"valid", "available", "refused", "errors", "choices", "visible", "hidden", "values"},
          "'expect'"))
    return expect;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.Scalar();
    const YAML::Node value = it->second;  // a handle: it->second is a temporary's member
    const int line = line_of(it->first);
    if (key == "valid") {
      expect.valid = reader.boolean(value, key);
      expect.valid_line = line;
    } else if (key == "available") {
      expect.available = reader.boolean(value, key);
      expect.available_line = line;
    } else if (key == "refused") {
      expect.refused = reader.text(value, key);
      expect.refused_line = line;
    } else if (key == "errors") {
      expect.errors_given = true;
      expect.errors_line = line;
      if (!value.IsNull()) expect.errors = by_path(value, key, reader, true);
    } else if (key == "choices") {
      expect.choices = by_path(value, key, reader, true);
    } else if (key == "visible" || key == "hidden") {
      read_paths(value, key == "visible", expect, reader, key);
    } else if (key == "values") {
      expect.values = by_path(value, key, reader, false);
    }
  }
  return expect;
}

void read_case(const YAML::Node& node, const std::string& default_as, Reader& reader,
               FormCaseFile& out) {
  if (!reader.keys(node, {"name", "as", "answers", "cart", "checkout", "expect"}, "a case")) return;
  FormCase test;
  test.line = line_of(node);
  test.as = default_as;
  bool has_expect = false;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.Scalar();
    const YAML::Node value = it->second;  // a handle: it->second is a temporary's member
    if (key == "name") {
      test.name = reader.text(value, key).value_or("");
    } else if (key == "as") {
      test.as = reader.text(value, key).value_or("");
      test.as_line = line_of(it->first);
    } else if (key == "answers") {
      if (value.IsMap() || value.IsNull()) {
        if (value.IsMap()) test.answers = to_json(value);
      } else {
        reader.problem(value, "expected 'answers' as a mapping of field ids to answers");
      }
    } else if (key == "cart") {
      test.cart = reader.texts(value, key);
    } else if (key == "checkout") {
      if (value.IsMap()) {
        test.checkout = to_json(value);
      } else {
        reader.problem(value,
                       "expected 'checkout' as {requested_for: ..., special_instructions: ...}");
      }
    } else if (key == "expect") {
      has_expect = true;
      test.expect = read_expectations(value, reader);
    }
  }
  if (test.name.empty()) reader.problem(node, "missing 'name' in this case; expected text");
  if (!has_expect) reader.problem(node, "missing 'expect' in case '" + test.name + "'");
  if (test.as.empty())
    reader.problem(node, "missing 'as' in case '" + test.name +
                             "'; expected the username of the person who fills the form in");
  if (test.as_line == 0) test.as_line = test.line;
  out.cases.push_back(std::move(test));
}

}  // namespace

FormCaseFile read_form_cases(const std::filesystem::path& file) {
  FormCaseFile out;
  out.file = file;
  Reader reader(out);
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    out.problems.push_back({file.string(), 1, 1, "cannot read this file"});
    return out;
  } catch (const YAML::Exception& e) {
    out.problems.push_back(
        {file.string(), e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg});
    return out;
  }
  if (!reader.keys(root, {"as", "cases"}, "the tests file")) return out;
  const YAML::Node& document = root;  // const: a missing key is not added
  std::string default_as;
  if (document["as"]) default_as = reader.text(document["as"], "as").value_or("");
  const YAML::Node cases = document["cases"];
  if (!cases || !cases.IsSequence() || cases.size() == 0) {
    reader.problem(cases ? cases : root,
                   "expected 'cases' as a list of cases, such as "
                   "[{name: ..., as: dcoordinator, answers: {...}, "
                   "expect: {valid: true}}]");
    return out;
  }
  for (const YAML::Node& node : cases) read_case(node, default_as, reader, out);
  return out;
}

}  // namespace servicedesk::host
