// HostServices for plugins: spdlog logger, outbox-backed notifier, config tree, data folder.
#include "app/plugin_services.hpp"

#include <spdlog/spdlog.h>

#include "http/log_escape.hpp"
#include "usecases/notifications.hpp"

namespace servicedesk::host {
namespace {

class PluginLogger final : public Logger {
 public:
  explicit PluginLogger(std::string plugin) : plugin_(std::move(plugin)) {}
  // A plugin's message may carry what a user typed: one line each, control characters escaped.
  void info(std::string_view message) override {
    spdlog::info("[{}] {}", plugin_, log_safe(message));
  }
  void warn(std::string_view message) override {
    spdlog::warn("[{}] {}", plugin_, log_safe(message));
  }
  void error(std::string_view message) override {
    spdlog::error("[{}] {}", plugin_, log_safe(message));
  }

 private:
  std::string plugin_;
};

class OutboxNotifier final : public Notifier {
 public:
  OutboxNotifier(std::string plugin, const Directory& directory, MailSink& mail)
      : plugin_(std::move(plugin)), directory_(directory), mail_(mail) {}
  void send(const OutgoingMail& outgoing) override {
    const DirectoryEntry* entry = directory_.find(outgoing.to_username);
    Store* store = mail_.store();
    if (entry == nullptr || entry->email.empty() || store == nullptr) {
      spdlog::warn("[{}] mail to an unknown user or without an outbox was dropped", plugin_);
      return;
    }
    NewMail mail{"",           "plugin",          entry->username,
                 entry->email, mail_name(*entry), outgoing.subject,
                 outgoing.body};
    if (!store->enqueue_mail(mail)) spdlog::error("[{}] mail could not be queued", plugin_);
  }

 private:
  std::string plugin_;
  const Directory& directory_;
  MailSink& mail_;
};

class TreeConfig final : public PluginConfig {
 public:
  explicit TreeConfig(ConfigNode root) : root_(std::move(root)) {}
  std::optional<std::string> get(std::string_view key) const override {
    const ConfigNode* value = root_.find(key);
    if (value == nullptr || !value->is_scalar()) return std::nullopt;
    return value->scalar();
  }
  const ConfigNode& section() const override { return root_; }

 private:
  ConfigNode root_;
};

class PluginServices final : public HostServices {
 public:
  PluginServices(std::string plugin, const Directory& directory, MailSink& mail, ConfigNode config,
                 std::filesystem::path data_dir, ConfigProblems& problems, PluginCounters& counters)
      : plugin_(plugin),
        problems_(problems),
        counters_(counters),
        directory_(directory),
        logger_(plugin),
        notifier_(plugin, directory, mail),
        config_(std::move(config)),
        data_dir_(std::move(data_dir)) {}
  const Directory& directory() const override { return directory_; }
  Logger& logger() override { return logger_; }
  Notifier& notifier() override { return notifier_; }
  const PluginConfig& config() const override { return config_; }
  std::filesystem::path data_dir() const override { return data_dir_; }
  void config_problem(const ConfigLocation& where, std::string_view message) override {
    const std::string place = where.to_string();
    problems_.add((place.empty() ? "plugin " + plugin_ : place) + ": " + std::string(message));
  }
  void count(std::string_view name, std::string_view outcome) override {
    counters_.add(plugin_, name, outcome);
  }

 private:
  std::string plugin_;
  ConfigProblems& problems_;
  PluginCounters& counters_;
  const Directory& directory_;
  PluginLogger logger_;
  OutboxNotifier notifier_;
  TreeConfig config_;
  std::filesystem::path data_dir_;
};

/// Plugin names become folder names: keep them to a safe alphabet.
std::string folder_name(std::string_view plugin) {
  std::string name;
  for (char c : plugin) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    name.push_back(safe ? c : '_');
  }
  if (name.empty() || name == "." || name == "..")
    name.assign(1, '_');  // assign(1, c): GCC 12 warns falsely on = "_" at -O2
  return name;
}

}  // namespace

void ConfigProblems::add(std::string line) {
  std::lock_guard lock(mutex_);
  lines_.push_back(std::move(line));
}

std::vector<std::string> ConfigProblems::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

namespace {

/// Counter labels come from plugins: keep them to a safe alphabet.
std::string counter_label(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 64))
    out.push_back((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ? c
                                                                                           : '_');
  return out;
}

}  // namespace

void PluginCounters::add(std::string_view plugin, std::string_view name, std::string_view outcome) {
  std::lock_guard lock(mutex_);
  ++counts_[{counter_label(plugin), counter_label(name), counter_label(outcome)}];
}

std::string PluginCounters::render() const {
  std::string out =
      "# HELP servicedesk_plugin_events_total Events plugins count, such as Duo calls by "
      "outcome.\n# TYPE servicedesk_plugin_events_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : counts_) {
    const auto& [plugin, name, outcome] = key;
    out += "servicedesk_plugin_events_total{plugin=\"" + plugin + "\",name=\"" + name +
           "\",outcome=\"" + outcome + "\"} " + std::to_string(count) + "\n";
  }
  return out;
}

std::shared_ptr<HostServices> make_plugin_services(
    std::string_view plugin, const Directory& directory, MailSink& mail, ConfigNode config,
    const std::filesystem::path& data_root, ConfigProblems& problems, PluginCounters& counters) {
  std::filesystem::path data_dir = data_root / "plugins" / folder_name(plugin);
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) spdlog::warn("cannot create {}: {}", data_dir.string(), ec.message());
  return std::make_shared<PluginServices>(std::string(plugin), directory, mail, std::move(config),
                                          std::move(data_dir), problems, counters);
}

}  // namespace servicedesk::host
