// `lint`'s findings as text, JSON or SARIF 2.1.0 (for code-review systems).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"

namespace servicedesk::host {

/// What `lint` found: every problem (errors and warnings) of the files it checked.
struct LintReport {
  std::vector<std::filesystem::path> files;
  /// Those of `files` that are drafts (a folder's `drafts/`): checked, never offered.
  std::vector<std::filesystem::path> drafts;
  std::vector<Diagnostic> problems;
  std::size_t errors() const;
  std::size_t warnings() const { return problems.size() - errors(); }
  /// 0 without errors (warnings alone pass), 1 otherwise.
  int exit_code() const { return errors() == 0 ? 0 : 1; }
};

/// `file:line:col: message` per problem and the summary line.
void write_lint_text(const LintReport& report, std::ostream& out);

/// `{files_checked, drafts:[file], errors, warnings, problems:[{file, line, column, severity,
/// message}]}`.
nlohmann::json lint_json(const LintReport& report);

/// A SARIF 2.1.0 log with one run of the tool `servicedesk-host lint`; file names are
/// given as URIs relative to the working folder when they lie under it.
nlohmann::json lint_sarif(const LintReport& report, const std::string& tool_version);

}  // namespace servicedesk::host
