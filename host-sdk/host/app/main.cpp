// servicedesk-host: `serve`, `plugins`, `lint`/`test`/`try` catalog YAML, `migrate`,
// `hash-password`.
#include <sys/stat.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <optional>

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/host_config.hpp"
#include "app/host_parts.hpp"
#include "app/memory_trim.hpp"
#include "app/open_store.hpp"
#include "app/serve.hpp"
#include "auth/password_hash.hpp"
#include "catalog/form_repository.hpp"

namespace {

using servicedesk::host::HostConfig;

/// Flags given on the command line; they win over the config file.
struct Flags {
  std::string config_file;
  std::string listen;
  std::string data_dir;
  std::vector<std::string> plugin_dirs;
  std::vector<std::string> catalog_dirs;
  std::string web_dir;
  std::string directory_file;
  std::size_t threads = 0;
  std::vector<std::string> lint_paths;
  std::string lint_format = "text";
  std::string handlers_format = "text";
  std::vector<std::string> test_paths;
  servicedesk::host::TryRequest try_request;
};

std::optional<HostConfig> resolve(const Flags& flags) {
  HostConfig config = servicedesk::host::default_config();
  if (!flags.config_file.empty()) {
    auto problems = servicedesk::host::apply_config_file(flags.config_file, config);
    for (const auto& problem : problems) std::cerr << problem << "\n";
    if (!problems.empty()) return std::nullopt;
  }
  if (!flags.listen.empty() && !servicedesk::host::apply_listen(flags.listen, config)) {
    std::cerr << "--listen: expected HOST:PORT, got \"" << flags.listen << "\"\n";
    return std::nullopt;
  }
  if (!flags.data_dir.empty()) config.data_dir = flags.data_dir;
  if (!flags.plugin_dirs.empty())
    config.plugin_dirs.assign(flags.plugin_dirs.begin(), flags.plugin_dirs.end());
  if (!flags.catalog_dirs.empty())
    config.catalog_dirs.assign(flags.catalog_dirs.begin(), flags.catalog_dirs.end());
  if (!flags.web_dir.empty()) config.web_dir = flags.web_dir;
  if (!flags.directory_file.empty()) config.directory_file = flags.directory_file;
  if (flags.threads != 0) config.threads = flags.threads;
  auto problems = servicedesk::host::finish_identity_settings(config);
  for (const auto& problem : problems) std::cerr << problem << "\n";
  if (!problems.empty()) return std::nullopt;
  return config;
}

int list_plugins(const HostConfig& config) {
  // The listing below says what was loaded or refused, once; the log would repeat it.
  spdlog::set_level(spdlog::level::err);
  std::string error;
  auto parts = servicedesk::host::load_host_parts(config, error);
  if (!parts) {
    std::cerr << error << "\n";
    return 1;
  }
  // Each item's form, as the catalog folder holds it: its name, or why it is not served.
  servicedesk::host::FormRepository forms(config.catalog_dirs, parts->plugins->catalog());
  forms.load_all();
  std::string folders;
  for (const auto& folder : config.plugin_dirs)
    folders += (folders.empty() ? "" : ", ") + folder.string();
  std::cout << "plugins in " << folders << "\n"
            << servicedesk::host::format_plugin_reports(
                   parts->plugins->reports(), [&forms](const servicedesk::RegisteredItem& item) {
                     return forms.describe(item);
                   });
  // A refused plugin is an error: scripts and CI see it in the exit code.
  const auto& reports = parts->plugins->reports();
  const bool refused = std::any_of(reports.begin(), reports.end(),
                                   [](const auto& report) { return !report.loaded; });
  return refused ? 1 : 0;
}

/// Reads a password (without echo on a terminal) and prints its hash for a directory file.
int print_password_hash() {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::cerr << "Password: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (password.empty()) {
    std::cerr << "no password given\n";
    return 1;
  }
  const std::string hash = servicedesk::host::hash_password(password);
  sodium_memzero(password.data(), password.size());
  if (hash.empty()) {
    std::cerr << "libsodium could not hash the password\n";
    return 1;
  }
  std::cout << hash << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Blocked before any thread starts, so every thread inherits the mask and `serve` alone
  // receives the signals (with sigtimedwait) and shuts down in order.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  servicedesk::host::use_few_heap_arenas();
  // Whatever the host or a plugin writes (database, WAL, mail, ledgers) is private to this
  // user: files 0600, folders 0700.
  ::umask(077);

  CLI::App app{"servicedesk-host: the reference service desk that loads catalog plugins"};
  app.require_subcommand(1);
  app.fallthrough();
  Flags flags;
  app.add_option("--config", flags.config_file, "YAML configuration file")
      ->check(CLI::ExistingFile);
  app.add_option("--data-dir", flags.data_dir,
                 "data folder (database, mail, plugin data); default ./var");
  // One folder per flag: `lint --plugin-dir a --plugin-dir b ./catalog` must not take the
  // file to check as a third plugin folder.
  app.add_option("--plugin-dir", flags.plugin_dirs,
                 "folder of plugin *.so files; repeat for several folders")
      ->allow_extra_args(false);
  app.add_option("--catalog-dir", flags.catalog_dirs,
                 "folder of catalog-item YAML files; repeat for several folders")
      ->allow_extra_args(false);
  app.add_option("--directory-file", flags.directory_file,
                 "directory of people and accounts (YAML or CSV); default: the demo directory");

  auto* serve_cmd = app.add_subcommand("serve", "run the service desk");
  serve_cmd->add_option("--listen", flags.listen, "HOST:PORT to listen on; default 127.0.0.1:8080");
  serve_cmd->add_option("--threads", flags.threads,
                        "HTTP event-loop threads; default: one per core");
  serve_cmd->add_option("--web-dir", flags.web_dir, "folder of the portal's static files");

  app.add_subcommand("plugins", "list plugins, their versions, items and handlers");

  auto* handlers_cmd = app.add_subcommand(
      "handlers", "list every handler of the loaded plugins: kind, parameters, fields read");
  handlers_cmd->add_option("--format", flags.handlers_format, "text (default) or markdown")
      ->check(CLI::IsMember({"text", "markdown"}));

  app.add_subcommand("migrate",
                     "apply the schema steps the store (SQLite, or store.postgres) lacks");

  auto* lint_cmd = app.add_subcommand("lint", "check catalog-item YAML files; exit 1 on errors");
  lint_cmd->add_option("paths", flags.lint_paths, "files or folders (default: the catalog folder)");
  lint_cmd->add_option("--format", flags.lint_format, "text (default), json or sarif (SARIF 2.1.0)")
      ->check(CLI::IsMember({"text", "json", "sarif"}));

  auto* test_cmd = app.add_subcommand(
      "test", "run the form test cases (X.tests.yaml beside X.yaml); exit 1 on a failure");
  test_cmd->add_option("paths", flags.test_paths,
                       "tests files, forms or folders (default: the catalog folder)");

  auto* try_cmd =
      app.add_subcommand("try", "show what the portal makes of one answer set for a form");
  try_cmd->add_option("form", flags.try_request.form_file, "the form's YAML file")->required();
  try_cmd
      ->add_option("--answers", flags.try_request.answers_file,
                   "JSON object of answers keyed by field id; - for standard input")
      ->required();
  try_cmd->add_option("--as", flags.try_request.as,
                      "username of the person filling it in; default: anyone it is offered to");
  try_cmd->add_option("--format", flags.try_request.format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));

  app.add_subcommand("hash-password",
                     "read a password on standard input and print its hash for the directory "
                     "file's password_hash");

  CLI11_PARSE(app, argc, argv);
  if (app.got_subcommand("hash-password")) return print_password_hash();

  auto config = resolve(flags);
  if (!config) return 2;
  if (app.got_subcommand("serve")) return servicedesk::host::serve(*config);
  if (app.got_subcommand("migrate")) return servicedesk::host::migrate_store(*config);
  if (app.got_subcommand("handlers"))
    return servicedesk::host::run_handlers_command(*config, flags.handlers_format);
  if (app.got_subcommand("test"))
    return servicedesk::host::run_test_command(*config, flags.test_paths);
  if (app.got_subcommand("try"))
    return servicedesk::host::run_try_command(*config, flags.try_request);
  if (app.got_subcommand("plugins")) {
    spdlog::set_level(spdlog::level::warn);
    return list_plugins(*config);
  }
  return servicedesk::host::run_lint_command(*config, flags.lint_paths, flags.lint_format);
}
