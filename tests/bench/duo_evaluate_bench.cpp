// What Duo adds to an evaluate: the shipped DUO form with one administrative row, evaluated
// through the real plugin against the demo ledger, and against the fake Duo Admin API with
// the rules' cache hit and missed (every read then costs two users' reads, four calls).
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "directory/directory_loader.hpp"
#include "fake_duo.hpp"
#include "plugins/plugin_registry.hpp"
#include "scratch.hpp"
#include "servicedesk/forms/form.hpp"
#include "test_host_services.hpp"

namespace servicedesk::bench {
namespace {

namespace fs = std::filesystem;

/// The fake Duo (tests/support's FakeDuo) on a free port, seeded with the demo phones, for the
/// whole run.
class SeededFakeDuo {
 public:
  SeededFakeDuo() {
    std::ofstream(folder_.path() / "seed.json")
        << R"({"users": {"dcoordinator": ["+17145550102", "+17145550112"],
                          "athletics-admin": ["+17145550111", "+17145550112"]}})";
    setenv("DUO_BENCH_SKEY", "bench-secret", 1);
    fake_ = std::make_unique<test::FakeDuo>(folder_.path(), "api-bench.duosecurity.com", "DIBENCH",
                                            "DUO_BENCH_SKEY");
  }
  int port() const { return fake_->port(); }

 private:
  test::TempDir folder_;
  std::unique_ptr<test::FakeDuo> fake_;
};

/// Test services whose plugin section is `duo_admin_api` pointing at the fake (or empty).
class ConfiguredServices final : public HostServices {
 public:
  class Section final : public PluginConfig {
   public:
    explicit Section(ConfigNode root) : root_(std::move(root)) {}
    std::optional<std::string> get(std::string_view) const override { return std::nullopt; }
    const ConfigNode& section() const override { return root_; }
    ConfigNode root_;
  };
  ConfiguredServices(const Directory& directory, fs::path data, ConfigNode section)
      : directory_(directory), data_(std::move(data)), config_(std::move(section)) {
    fs::create_directories(data_);
  }
  const Directory& directory() const override { return directory_; }
  Logger& logger() override { return logger_; }
  Notifier& notifier() override { return notifier_; }
  const PluginConfig& config() const override { return config_; }
  fs::path data_dir() const override { return data_; }

 private:
  const Directory& directory_;
  fs::path data_;
  testing::SilentLogger logger_;
  testing::DroppingNotifier notifier_;
  Section config_;
};

ConfigNode duo_section(int port, int cache_ttl_ms) {
  ConfigNode api = ConfigNode::make_map();
  api.add("host", ConfigNode::make_scalar("api-bench.duosecurity.com"));
  api.add("endpoint", ConfigNode::make_scalar("http://127.0.0.1:" + std::to_string(port)));
  api.add("ikey", ConfigNode::make_scalar("DIBENCH"));
  api.add("skey_env", ConfigNode::make_scalar("DUO_BENCH_SKEY"));
  api.add("cache_ttl_ms", ConfigNode::make_scalar(std::to_string(cache_ttl_ms)));
  ConfigNode root = ConfigNode::make_map();
  root.add("duo_admin_api", std::move(api));
  return root;
}

/// The real plugin and the shipped form over one configuration.
struct LoadedForm {
  std::unique_ptr<host::IndexedDirectory> directory;
  std::unique_ptr<host::PluginRegistry> registry;
  std::shared_ptr<const Form> form;

  explicit LoadedForm(ConfigNode section) {
    directory = std::make_unique<host::IndexedDirectory>(
        host::read_directory_records(SERVICEDESK_DEMO_DIRECTORY).records);
    const fs::path data =
        fs::temp_directory_path() / ("duo-bench-data-" + std::to_string(getpid()));
    registry = std::make_unique<host::PluginRegistry>([&, data](std::string_view plugin) {
      return std::make_shared<ConfiguredServices>(*directory, data / std::string(plugin), section);
    });
    if (!registry->load_file(DUO_PLUGIN).loaded) throw std::runtime_error("DUO plugin refused");
    auto loaded = load_form_file(DUO_FORM, registry->catalog());
    if (!loaded.ok()) throw std::runtime_error(loaded.diagnostics.front().to_string());
    form = loaded.form;
  }
};

const nlohmann::json& update_row() {
  static const nlohmann::json answers = {
      {"account", "athletics-admin"},
      {"request_type", "update"},
      {"members", {{{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "714 555 0166"}}}}};
  return answers;
}

void run(benchmark::State& state, const LoadedForm& loaded) {
  const EvalContext context{loaded.directory.get(), "dcoordinator"};
  for (auto _ : state) {
    Evaluation evaluation = loaded.form->evaluate(update_row(), context);
    if (!evaluation.valid) state.SkipWithError("the row should be valid");
    benchmark::DoNotOptimize(evaluation);
  }
}

SeededFakeDuo& fake() {
  static SeededFakeDuo process;
  return process;
}

void BM_EvaluateDemoLedger(benchmark::State& state) {
  static const LoadedForm loaded(ConfigNode{});
  run(state, loaded);
}
void BM_EvaluateDuoCacheHit(benchmark::State& state) {
  static const LoadedForm loaded(duo_section(fake().port(), 300000));
  run(state, loaded);
}
void BM_EvaluateDuoCacheMiss(benchmark::State& state) {
  static const LoadedForm loaded(duo_section(fake().port(), 0));
  run(state, loaded);
}

BENCHMARK(BM_EvaluateDemoLedger)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EvaluateDuoCacheHit)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EvaluateDuoCacheMiss)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace servicedesk::bench

BENCHMARK_MAIN();
