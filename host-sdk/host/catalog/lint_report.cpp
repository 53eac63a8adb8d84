// `lint`'s findings as text, JSON or SARIF 2.1.0 (for code-review systems).
#include "catalog/lint_report.hpp"

#include <algorithm>
#include <set>

#include "servicedesk/forms/form_checks.hpp"

namespace servicedesk::host {
namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// RFC 3986 percent-encoding of a path, '/' kept.
std::string uri_path(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' ||
                       c == '~' || c == '/';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

/// A relative URI when `file` lies under the working folder, else a file:// URI.
std::string artifact_uri(const std::string& file) {
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(file, ec).lexically_normal();
  const auto cwd = std::filesystem::current_path(ec);
  const auto relative = absolute.lexically_relative(cwd);
  if (!ec && !relative.empty() && *relative.begin() != "..")
    return uri_path(relative.generic_string());
  return "file://" + uri_path(absolute.generic_string());
}

/// The message without its "warning: " (SARIF and JSON carry the level apart).
std::string bare_message(const Diagnostic& problem) {
  return is_warning(problem) ? problem.message.substr(std::string_view("warning: ").size())
                             : problem.message;
}

}  // namespace

std::size_t LintReport::errors() const {
  return static_cast<std::size_t>(std::count_if(
      problems.begin(), problems.end(), [](const Diagnostic& d) { return !is_warning(d); }));
}

void write_lint_text(const LintReport& report, std::ostream& out) {
  for (const Diagnostic& problem : report.problems) out << problem.to_string() << '\n';
  for (const auto& draft : report.drafts)
    out << "lint: " << draft.string()
        << " is a draft: checked, never offered to requesters (publish it by moving it to "
        << draft.parent_path().parent_path().string() << ")\n";
  if (report.problems.empty()) {
    out << "lint: " << plural(report.files.size(), "file") << " checked, no problems found\n";
    return;
  }
  std::set<std::string> bad_files;
  for (const Diagnostic& problem : report.problems) bad_files.insert(problem.file);
  out << "lint: " << plural(report.files.size(), "file") << " checked, "
      << plural(report.errors(), "problem");
  if (report.warnings() != 0) out << " and " << plural(report.warnings(), "warning");
  out << " in " << plural(bad_files.size(), "file") << "\n";
}

nlohmann::json lint_json(const LintReport& report) {
  nlohmann::json problems = nlohmann::json::array();
  for (const Diagnostic& problem : report.problems) {
    problems.push_back({{"file", problem.file},
                        {"line", problem.line},
                        {"column", problem.column},
                        {"severity", is_warning(problem) ? "warning" : "error"},
                        {"message", bare_message(problem)}});
  }
  nlohmann::json drafts = nlohmann::json::array();
  for (const auto& draft : report.drafts) drafts.push_back(draft.string());
  return {{"files_checked", report.files.size()},
          {"drafts", std::move(drafts)},
          {"errors", report.errors()},
          {"warnings", report.warnings()},
          {"problems", std::move(problems)}};
}

nlohmann::json lint_sarif(const LintReport& report, const std::string& tool_version) {
  nlohmann::json results = nlohmann::json::array();
  for (const Diagnostic& problem : report.problems) {
    nlohmann::json region = {{"startLine", std::max(problem.line, 1)},
                             {"startColumn", std::max(problem.column, 1)}};
    results.push_back(
        {{"ruleId", "catalog-item"},
         {"level", is_warning(problem) ? "warning" : "error"},
         {"message", {{"text", bare_message(problem)}}},
         {"locations",
          nlohmann::json::array({{{"physicalLocation",
                                   {{"artifactLocation", {{"uri", artifact_uri(problem.file)}}},
                                    {"region", std::move(region)}}}}})}});
  }
  nlohmann::json rule = {
      {"id", "catalog-item"},
      {"name", "CatalogItemForm"},
      {"shortDescription",
       {{"text", "A catalog-item YAML form the host would refuse, or a likely mistake in it"}}},
      {"help", {{"text", "See docs/catalog-yaml.md of the service desk's source tree."}}}};
  nlohmann::json driver = {{"name", "servicedesk-host lint"},
                           {"version", tool_version},
                           {"rules", nlohmann::json::array({std::move(rule)})}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", nlohmann::json::array({{{"tool", {{"driver", std::move(driver)}}},
                                           {"results", std::move(results)}}})}};
}

}  // namespace servicedesk::host
