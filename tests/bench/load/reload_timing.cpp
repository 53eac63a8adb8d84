// Hot-reload latency: from writing an edited YAML file to the host serving the new version.
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "api_client.hpp"
#include "scenarios.hpp"

namespace servicedesk::bench {

double measure_reload_ms(const std::string& host, int port, const std::string& user,
                         const std::filesystem::path& yaml_file, const std::string& item) {
  ApiClient api(host, port);
  if (!api.login(user, "demo")) throw std::runtime_error("reload: cannot log in as " + user);

  std::stringstream original;
  original << std::ifstream(yaml_file).rdbuf();
  const std::string new_name = "Request software (edited)";
  const std::string edited =
      std::regex_replace(original.str(), std::regex("^name: .*$", std::regex::multiline),
                         "name: " + new_name, std::regex_constants::format_first_only);
  if (edited == original.str()) throw std::runtime_error("reload: no `name:` line to edit");

  const auto written = std::chrono::steady_clock::now();
  {
    // Write beside and rename, as an editor does, so the watcher never sees half a file.
    const auto temporary = yaml_file.string() + ".tmp";
    std::ofstream(temporary) << edited;
    std::filesystem::rename(temporary, yaml_file);
  }
  const auto deadline = written + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    nlohmann::json form;
    if (api.get("/api/catalog/items/" + item, &form) == 200 && form.value("name", "") == new_name) {
      return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - written)
          .count();
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  throw std::runtime_error("reload: the edit did not show within 5 s");
}

}  // namespace servicedesk::bench
