// Evaluating the shipped DUO form through the real engine and the real plugin's handlers,
// as the portal does on every keystroke.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "directory/directory_loader.hpp"
#include "directory/people_generator.hpp"
#include "plugins/plugin_registry.hpp"
#include "servicedesk/forms/form.hpp"
#include "test_host_services.hpp"

namespace servicedesk::bench {
namespace {

namespace fs = std::filesystem;

constexpr int kRows = 20;

/// The demo directory plus generated people to fill the administrative rows, the real DUO
/// plugin loaded through the real loader, and the shipped YAML compiled against it.
struct DuoForm {
  std::unique_ptr<host::IndexedDirectory> directory;
  std::unique_ptr<host::PluginRegistry> registry;
  std::shared_ptr<const Form> form;

  DuoForm() {
    auto records = host::read_directory_records(SERVICEDESK_DEMO_DIRECTORY).records;
    host::add_generated_people(records, kRows);
    directory = std::make_unique<host::IndexedDirectory>(std::move(records));
    const fs::path data = fs::temp_directory_path() / "form-bench";
    registry = std::make_unique<host::PluginRegistry>([this, data](std::string_view plugin) {
      return std::make_shared<testing::TestHostServices>(*directory, data / std::string(plugin));
    });
    if (!registry->load_file(DUO_PLUGIN).loaded) throw std::runtime_error("DUO plugin refused");
    auto loaded = load_form_file(DUO_FORM, registry->catalog());
    if (!loaded.ok()) throw std::runtime_error(loaded.diagnostics.front().to_string());
    form = loaded.form;
  }

  EvalContext context() const { return {directory.get(), "dcoordinator"}; }

  /// Usernames of the generated people, for the rows.
  std::vector<std::string> row_users() const {
    std::vector<std::string> users;
    const auto& records = directory->records();
    for (std::size_t i = records.size() - kRows; i < records.size(); ++i) {
      users.push_back(records[i].entry.username);
    }
    return users;
  }
};

const DuoForm& duo_form() {
  static const DuoForm loaded;
  return loaded;
}

/// A valid off-campus number, different for every `n` (area codes and exchanges vary).
std::string phone_number(std::size_t n) {
  static const char* area_codes[] = {"714", "949", "562", "213", "310", "818", "626", "909"};
  const std::size_t exchange = 200 + (n / 10000) % 700;
  char text[32];
  std::snprintf(text, sizeof text, "%s-%03zu-%04zu", area_codes[(n / 7000000) % 8], exchange,
                n % 10000);
  return text;
}

nlohmann::json administrative_answers(const std::vector<std::string>& users, std::size_t first) {
  nlohmann::json rows = nlohmann::json::array();
  for (int i = 0; i < kRows; ++i) {
    rows.push_back({{"user", users[static_cast<std::size_t>(i)]},
                    {"phone", phone_number(first + static_cast<std::size_t>(i))}});
  }
  return {{"account", "athletics-admin"}, {"request_type", "add"}, {"members", rows}};
}

/// A benchmark of answers the form refuses would measure the wrong path: stop it loudly.
void report(benchmark::State& state, const Evaluation& evaluation) {
  if (evaluation.valid) return;
  static std::string why;
  why = "the answers should be valid: " + evaluation.to_json().dump();
  state.SkipWithError(why.c_str());
}

/// Evaluates the same answers again and again, as the portal does while a person types.
void evaluate_repeatedly(benchmark::State& state, const nlohmann::json& answers) {
  const DuoForm& duo = duo_form();
  const EvalContext context = duo.context();
  Evaluation evaluation;
  for (auto _ : state) {
    evaluation = duo.form->evaluate(answers, context);
    benchmark::DoNotOptimize(evaluation);
  }
  report(state, evaluation);
}

// (a) A person account, request type Add, a valid phone.
void BM_EvaluatePersonAdd(benchmark::State& state) {
  evaluate_repeatedly(state,
                      {{"account", "newhire"}, {"request_type", "add"}, {"phone", "714-555-0199"}});
}
BENCHMARK(BM_EvaluatePersonAdd);

// (b) An administrative account with 20 rows, the same answers again and again.
void BM_EvaluateAdministrative20RowsSameAnswers(benchmark::State& state) {
  evaluate_repeatedly(state, administrative_answers(duo_form().row_users(), 0));
}
BENCHMARK(BM_EvaluateAdministrative20RowsSameAnswers);

// (c) The same with 20 numbers never seen before on every iteration.
void BM_EvaluateAdministrative20RowsNewPhones(benchmark::State& state) {
  const DuoForm& duo = duo_form();
  const auto users = duo.row_users();
  const EvalContext context = duo.context();
  std::size_t next = 1'000'000;
  Evaluation evaluation;
  for (auto _ : state) {
    state.PauseTiming();
    const nlohmann::json answers = administrative_answers(users, next);
    next += kRows;
    state.ResumeTiming();
    evaluation = duo.form->evaluate(answers, context);
    benchmark::DoNotOptimize(evaluation);
  }
  report(state, evaluation);
}
BENCHMARK(BM_EvaluateAdministrative20RowsNewPhones)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace servicedesk::bench

BENCHMARK_MAIN();
