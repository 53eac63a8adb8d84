// Formats plugin load reports for `servicedesk-host plugins`.
#include <sstream>

#include "plugins/plugin_registry.hpp"

namespace servicedesk::host {

std::string format_plugin_reports(
    const std::vector<PluginReport>& reports,
    const std::function<std::string(const RegisteredItem&)>& describe_item) {
  std::ostringstream out;
  std::size_t loaded = 0;
  for (const auto& report : reports) {
    out << report.file.filename().string() << "\n";
    if (!report.loaded) {
      out << "  REFUSED: " << report.refusal << "\n";
      continue;
    }
    ++loaded;
    out << "  plugin   " << report.name << " " << report.version << " (SDK API " << report.api_major
        << "." << report.api_minor << ")\n";
    out << "  file     " << report.file.string() << "\n";
    for (const auto& item : report.items) {
      out << "  item     [" << item.id << "] form " << item.form_file;
      if (describe_item) out << ": " << describe_item(item);
      out << "\n";
    }
    for (const auto& handler : report.handlers) out << "  handler  " << handler << "\n";
  }
  out << loaded << " plugin(s) loaded, " << reports.size() - loaded << " refused\n";
  return out.str();
}

}  // namespace servicedesk::host
