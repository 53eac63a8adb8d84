// Hot-reload latency: from writing an edited YAML file to the host serving the new version.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "scenarios.hpp"
#include "timed_clients.hpp"

namespace servicedesk::bench {

double measure_reload_ms(int port, const std::string& user, const std::filesystem::path& yaml_file,
                         const std::string& item) {
  ApiClient api(port, load_client_options());
  if (api.log_in(user).status != 200 || api.csrf_token.empty())
    throw std::runtime_error("reload: cannot log in as " + user);

  std::stringstream original;
  original << std::ifstream(yaml_file).rdbuf();
  static int edits = 0;  // each measurement writes a name the host has not served yet
  const std::string new_name = "Request software (edit " + std::to_string(++edits) + ")";
  std::string edited = original.str();
  const auto line = edited.find("\nname: ");
  if (line == std::string::npos) throw std::runtime_error("reload: no `name:` line to edit");
  const auto value = line + 7;
  edited.replace(value, edited.find('\n', value) - value, new_name);

  const auto written = std::chrono::steady_clock::now();
  {
    // Write beside and rename, as an editor does, so the watcher never sees half a file.
    const auto temporary = yaml_file.string() + ".tmp";
    std::ofstream(temporary) << edited;
    std::filesystem::rename(temporary, yaml_file);
  }
  const auto deadline = written + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    const Reply form = api.get("/api/catalog/items/" + item);
    if (form.status == 200 && read_json(form).value("name", "") == new_name) {
      return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - written)
          .count();
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  throw std::runtime_error("reload: the edit did not show within 5 s");
}

}  // namespace servicedesk::bench
