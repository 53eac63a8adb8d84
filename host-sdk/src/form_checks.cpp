// Checks beside the loader's: likely mistakes that leave a form valid, and who it is for.
#include "servicedesk/forms/form_checks.hpp"

#include <algorithm>

#include "servicedesk/forms/closest_name.hpp"
#include "text_block_check.hpp"
#include "yaml_reader.hpp"

namespace servicedesk {
namespace {

constexpr std::string_view kWarning = "warning: ";

/// The document, or an undefined node when it does not parse (the loader reports that).
YAML::Node parse(std::string_view yaml) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception&) {
    return {};
  }
}

}  // namespace

std::vector<Diagnostic> form_warnings(std::string_view yaml, const std::filesystem::path& file) {
  const YAML::Node root = parse(yaml);
  forms::Reporter reporter(file.string());
  if (root.IsDefined()) forms::check_text_blocks(yaml, root, reporter);
  for (Diagnostic& diagnostic : reporter.diagnostics())
    diagnostic.message = std::string(kWarning) + diagnostic.message;
  return std::move(reporter.diagnostics());
}

std::vector<Diagnostic> unknown_roles(std::string_view yaml, const std::filesystem::path& file,
                                      const std::vector<std::string>& known_roles) {
  forms::Reporter reporter(file.string());
  const YAML::Node root = parse(yaml);
  const auto available = forms::find(root, "available_for");
  if (known_roles.empty() || !available) return {};
  const auto roles = forms::find(available->value, "roles");
  if (!roles || !roles->value.IsSequence()) return {};
  const std::vector<std::string_view> known(known_roles.begin(), known_roles.end());
  std::string list;
  for (const auto& role : known_roles) list += (list.empty() ? "" : ", ") + role;
  for (const YAML::Node& role : roles->value) {
    if (!role.IsScalar()) continue;
    const std::string& name = role.Scalar();
    if (std::find(known_roles.begin(), known_roles.end(), name) != known_roles.end()) continue;
    YAML::Mark at = role.Mark();
    at.column = forms::content_column(role);
    reporter.at(
        at, "unknown role '" + name + "' in available_for" + did_you_mean(name, known) +
                ": nobody holds it, so nobody would be offered this item; known roles: " + list);
  }
  return std::move(reporter.diagnostics());
}

bool is_warning(const Diagnostic& diagnostic) {
  return diagnostic.message.rfind(kWarning, 0) == 0;
}

}  // namespace servicedesk
