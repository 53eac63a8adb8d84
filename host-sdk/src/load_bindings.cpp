// Binds `{use: name, param: value}` YAML entries to handlers the loaded plugins registered.
#include "load_bindings.hpp"

#include <algorithm>
#include <charconv>

namespace servicedesk::forms {
namespace {

std::optional<ParamValue> read_param(const YAML::Node& value, ParamType type) {
  switch (type) {
    case ParamType::boolean:
      if (value.IsScalar() && (value.Scalar() == "true" || value.Scalar() == "false")) {
        return ParamValue(value.Scalar() == "true");
      }
      return std::nullopt;
    case ParamType::integer: {
      if (!value.IsScalar()) return std::nullopt;
      const std::string& s = value.Scalar();
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
      return ParamValue(n);
    }
    case ParamType::string:
    case ParamType::field:
    case ParamType::date_field:
      if (!value.IsScalar()) return std::nullopt;
      return ParamValue(value.Scalar());
    case ParamType::string_list: {
      if (!value.IsSequence()) return std::nullopt;
      std::vector<std::string> items;
      for (const YAML::Node& item : value) {
        if (!item.IsScalar()) return std::nullopt;
        items.push_back(item.Scalar());
      }
      return ParamValue(std::move(items));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Entry> binding_name(const YAML::Node& node, std::string_view kind,
                                  Reporter& reporter) {
  if (!expect_map(node, "a " + std::string(kind) + " binding such as {use: name}", reporter)) {
    return std::nullopt;
  }
  auto use = find(node, "use");
  if (!use) {
    reporter.at(node, "missing 'use' in the " + std::string(kind) +
                          " binding; expected the handler's name");
    return std::nullopt;
  }
  if (!read_text(*use, reporter)) return std::nullopt;
  return use;
}

RuleParams read_params(const YAML::Node& node, std::string_view kind, const std::string& name,
                       const std::vector<ParamSpec>& specs,
                       const std::vector<std::string_view>& extra_keys, Reporter& reporter,
                       std::vector<FieldParam>& field_params) {
  std::map<std::string, ParamValue, std::less<>> values;
  std::map<std::string, ParamType, std::less<>> declared;
  for (const ParamSpec& spec : specs) declared.emplace(spec.name, spec.type);
  std::vector<std::string_view> accepted;
  for (const ParamSpec& spec : specs) accepted.push_back(spec.name);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    if (key == "use" || std::find(extra_keys.begin(), extra_keys.end(), key) != extra_keys.end())
      continue;
    auto spec = std::find_if(specs.begin(), specs.end(),
                             [&](const ParamSpec& candidate) { return candidate.name == key; });
    if (spec == specs.end()) {
      std::string expected =
          accepted.empty() ? "it takes no parameters" : "expected " + join_choices(accepted);
      reporter.at(it->first, "unknown parameter '" + key + "' for " + std::string(kind) + " '" +
                                 name + "'; " + expected);
      continue;
    }
    std::optional<ParamValue> value = read_param(it->second, spec->type);
    if (!value) {
      reporter.at(it->second.IsNull() ? it->first : it->second,
                  "parameter '" + key + "' of " + std::string(kind) + " '" + name + "': expected " +
                      std::string(param_type_words(spec->type)) + ", found " +
                      describe(it->second));
      continue;
    }
    if (spec->type == ParamType::field || spec->type == ParamType::date_field) {
      field_params.push_back({key, std::get<std::string>(*value), it->second.Mark(),
                              spec->type == ParamType::date_field});
    }
    values.emplace(key, std::move(*value));
  }
  for (const ParamSpec& spec : specs) {
    if (spec.required && !find(node, spec.name)) {
      reporter.at(node, "missing parameter '" + spec.name + "' for " + std::string(kind) + " '" +
                            name + "' (" + std::string(param_type_words(spec.type)) + ")");
    }
  }
  return RuleParams(std::move(values), std::move(declared));
}

}  // namespace servicedesk::forms

namespace servicedesk::forms {
namespace {

/// Levenshtein distance, for suggesting the closest known names.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string unknown_handler_message(std::string_view kind, const std::string& name,
                                    const std::vector<std::string>& known,
                                    const std::vector<std::string>& folders) {
  std::string message = "unknown " + std::string(kind) + " '" + name + "'";
  std::vector<std::pair<std::size_t, std::string_view>> ranked;
  for (const std::string& candidate : known)
    ranked.emplace_back(edit_distance(name, candidate), candidate);
  std::sort(ranked.begin(), ranked.end());
  const std::size_t near = std::max<std::size_t>(2, name.size() / 3);
  std::vector<std::string_view> closest;
  for (const auto& [distance, candidate] : ranked) {
    if (distance <= near && closest.size() < 3) closest.push_back(candidate);
  }
  if (known.empty()) {
    message += "; no loaded plugin registers a " + std::string(kind);
  } else if (!closest.empty()) {
    message += "; did you mean " + join_choices(closest) + "?";
  } else {
    std::vector<std::string_view> names(known.begin(), known.end());
    if (names.size() > 12) names.resize(12);
    message += "; expected one of " + join_choices(names);
  }
  if (!folders.empty()) {
    std::string searched;
    for (const std::string& folder : folders) searched += (searched.empty() ? "" : ", ") + folder;
    message += " (plugin folders searched: " + searched + ")";
  }
  return message;
}

}  // namespace servicedesk::forms
