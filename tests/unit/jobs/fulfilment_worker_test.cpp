// The fulfilment job worker on the real SQLite store: a handler that throws fails the item
// and reaches the host's handler-failure sink (the log and /metrics) with plugin and handler.
#include <mutex>
#include <stdexcept>

#include <gtest/gtest.h>

#include "demo_directory.hpp"
#include "in_memory_catalog.hpp"
#include "jobs/fulfilment_worker.hpp"
#include "scratch.hpp"
#include "store/sqlite_store.hpp"
#include "test_host_services.hpp"

namespace servicedesk::host {
namespace {

/// Collects reports as the host's HandlerFailureLog receives them.
class RecordingSink final : public HandlerFailureSink {
 public:
  void report(const HandlerFailure& f) const noexcept override {
    std::lock_guard lock(mutex_);
    lines.push_back(std::string(f.kind) + "|" + std::string(f.handler) + "|" +
                    std::string(f.plugin) + "|" + std::string(f.item) + "|" + std::string(f.what));
  }
  mutable std::vector<std::string> lines;

 private:
  mutable std::mutex mutex_;
};

/// One form, whose fulfilment handler `explode` throws.
class OneForm final : public ItemSource {
 public:
  explicit OneForm(std::shared_ptr<const Form> form) : form_(std::move(form)) {}
  std::vector<std::shared_ptr<const Form>> forms() const override { return {form_}; }
  std::shared_ptr<const Form> find(std::string_view id) const override {
    return id == form_->header().id ? form_ : nullptr;
  }
  nlohmann::json status() const override { return nlohmann::json::object(); }

 private:
  std::shared_ptr<const Form> form_;
};

TEST(FulfilmentWorker, AThrowingHandlerFailsTheItemAndIsReportedWithPluginAndHandler) {
  test::TempDir dir;
  std::string error;
  auto store = SqliteStore::open(dir.path() / "jobs.db", error);
  ASSERT_TRUE(store) << error;
  testing::DemoDirectory directory;
  testing::TestHostServices services(directory, dir.path());
  testing::InMemoryCatalog plugin(services, "laptop-loan");
  plugin.add_item({"laptop-loan", ""});
  plugin.add_fulfilment("explode", {}, [](const RuleParams&) {
    return [](const FulfilmentInput&) -> FulfilmentResult {
      throw std::runtime_error("inventory service: connection refused");
    };
  });
  FormLoadResult loaded = load_form_text(
      "id: laptop-loan\nname: Laptop loan\ncategory: Tests\nfields:\n  - { id: note, type: text }\n"
      "fulfilment: { use: explode }\n",
      dir.path() / "laptop-loan.yaml", plugin.catalog);
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics[0].to_string();
  OneForm items(loaded.form);

  CheckoutOrder order;
  order.opened_by = "dcoordinator";
  order.requested_for = "newhire";
  order.items.push_back({"laptop-loan", "Laptop loan", {{"note", "x"}}, "Laptop loan"});
  order.numbers = *store->reserve_numbers(1);
  ASSERT_TRUE(store->checkout(order).ok());
  const std::string ritm = order.numbers.item_numbers[0];
  ASSERT_EQ(store->start_fulfilment(ritm, "helpdesk"), StoreError::none);

  RecordingSink sink;
  JobSettings settings;
  settings.host_id = "test-host";
  FulfilmentWorker worker({*store, items, directory, {}, &sink}, settings);
  EXPECT_EQ(worker.run_once(), 1u);

  EXPECT_EQ(sink.lines, std::vector<std::string>{
                            "fulfilment handler|explode|laptop-loan|laptop-loan|inventory service: "
                            "connection refused"});
  const auto item = store->request_item(ritm);
  EXPECT_EQ(item->state, "failed");
  EXPECT_EQ(item->reason,
            "Fulfilment failed: the item's handler could not run; see the host log.")
      << "staff see a plain sentence, not the exception";
}

}  // namespace
}  // namespace servicedesk::host
