// `servicedesk-host try`: one answer set through a form, as the portal would show it.
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/host_parts.hpp"
#include "app/repository_item_source.hpp"
#include "workbench/answer_run.hpp"
#include "workbench/try_report.hpp"

namespace servicedesk::host {
namespace {

std::optional<nlohmann::json> read_answers(const std::string& file) {
  std::ostringstream text;
  if (file == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": cannot read the answers file\n";
      return std::nullopt;
    }
    text << in.rdbuf();
  }
  try {
    nlohmann::json answers = nlohmann::json::parse(text.str());
    if (answers.is_object()) return answers;
    std::cerr << file << ": expected a JSON object of answers keyed by field id\n";
  } catch (const nlohmann::json::parse_error& e) {
    std::cerr << file << ": not JSON (" << e.what() << ")\n";
  }
  return std::nullopt;
}

}  // namespace

int run_try_command(const HostConfig& config, const TryRequest& request) {
  spdlog::set_level(spdlog::level::err);
  const auto answers = read_answers(request.answers_file);
  if (!answers) return 2;
  auto parts = load_host_parts_for_command(config, spdlog::level::err);
  if (!parts) return 1;
  spdlog::set_level(spdlog::level::off);  // the form's problems are printed below, once
  // The form's folder is loaded as `serve` would: registration checks, the other items.
  const std::filesystem::path form_file = request.form_file;
  const auto folder =
      form_file.parent_path().empty() ? std::filesystem::path(".") : form_file.parent_path();
  FormRepository forms(folder, parts->plugins->catalog());
  forms.load_all();
  std::shared_ptr<const Form> form;
  for (const auto& status : forms.status()) {
    std::error_code ec;
    if (!std::filesystem::equivalent(status.file, form_file, ec)) continue;
    for (const auto& problem : status.diagnostics) std::cerr << problem.to_string() << "\n";
    if (status.ok) form = forms.find(status.item_id);
  }
  if (!form) {
    std::cerr << form_file.string() << ": no form to try (missing or refused; see above)\n";
    return 1;
  }
  AnswerSetting setting;
  if (request.as.empty()) {
    setting.roles = form->header().roles;  // anyone the item is offered to
  } else if (parts->directory->find(request.as) == nullptr) {
    std::cerr << "--as: no person '" << request.as << "' in the directory\n";
    return 2;
  } else {
    setting.requester = request.as;
    setting.roles = parts->directory->roles(request.as);
  }
  const RepositoryItemSource items(forms, parts->plugins->catalog());
  const AnswerRun run = run_answers(*form, items, *parts->directory, setting, *answers);
  if (request.format == "json") {
    std::cout << try_report_json(*form, run, request.as).dump(2) << "\n";
  } else {
    std::cout << try_report_text(*form, run, request.as);
  }
  return run.valid() ? 0 : 1;
}

}  // namespace servicedesk::host
