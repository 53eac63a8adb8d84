// `servicedesk-host handlers`: the reference of every handler the loaded plugins offer.
#include <algorithm>
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/host_parts.hpp"
#include "plugins/handler_reference.hpp"

namespace servicedesk::host {

int run_handlers_command(const HostConfig& config, const std::string& format) {
  auto parts = load_host_parts_for_command(config, spdlog::level::err);
  if (!parts) return 1;
  const HandlerCatalog& catalog = parts->plugins->catalog();
  std::cout << (format == "markdown" ? handler_reference_markdown(catalog)
                                     : handler_reference_text(catalog));
  const auto& reports = parts->plugins->reports();
  const bool refused = std::any_of(reports.begin(), reports.end(),
                                   [](const auto& report) { return !report.loaded; });
  if (refused) std::cerr << "some plugins were refused; `servicedesk-host plugins` says why\n";
  return refused ? 1 : 0;
}

}  // namespace servicedesk::host
