// libFuzzer target: a whole catalog-item YAML file through the loader (YAML, schema,
// conditions, handler bindings against the real plugins), then one evaluation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"
#include "shipped_plugins.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& plugins = servicedesk::fuzz::shipped_plugins();
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  // In the catalog folder, so `body_file` references resolve as they would when shipped.
  const auto loaded = servicedesk::load_form_text(
      yaml, std::filesystem::path(SERVICEDESK_CATALOG_DIR) / "fuzz.yaml",
      plugins.registry->catalog());
  if (!loaded.ok()) return 0;
  const servicedesk::EvalContext context{plugins.directory.get(), "dcoordinator"};
  (void)loaded.form->evaluate(nlohmann::json::object(), context);
  return 0;
}
