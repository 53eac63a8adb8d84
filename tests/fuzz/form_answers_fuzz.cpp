// libFuzzer target: any answers JSON through the shipped DUO form and the real DUO plugin's
// handlers (demo ledger), as `POST /evaluate` and add-to-cart see them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"
#include "shipped_plugins.hpp"

namespace {

std::shared_ptr<const servicedesk::Form> duo_form() {
  static const auto form = [] {
    const auto& plugins = servicedesk::fuzz::shipped_plugins();
    auto loaded = servicedesk::load_form_file(
        std::filesystem::path(SERVICEDESK_CATALOG_DIR) / "duo-account-updates.yaml",
        plugins.registry->catalog());
    if (!loaded.ok()) std::abort();
    return loaded.form;
  }();
  return form;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& plugins = servicedesk::fuzz::shipped_plugins();
  const nlohmann::json answers = nlohmann::json::parse(data, data + size, nullptr, false);
  if (answers.is_discarded()) return 0;
  const servicedesk::EvalContext context{plugins.directory.get(), "dcoordinator"};
  (void)duo_form()->evaluate(answers, context);
  (void)duo_form()->validate(answers, context);
  return 0;
}
