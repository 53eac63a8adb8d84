// Start-up and orderly shutdown of the running host.
#include "app/serve.hpp"

#include <csignal>
#include <cstdlib>
#include <thread>

#include <unistd.h>

#include <spdlog/spdlog.h>

#include "app/data_folder.hpp"
#include "app/host_parts.hpp"
#include "app/identity.hpp"
#include "app/memory_trim.hpp"
#include "app/open_store.hpp"
#include "app/repository_item_source.hpp"
#include "catalog/form_repository.hpp"
#include "http/server.hpp"
#include "jobs/fulfilment_worker.hpp"
#include "mail/delivery_worker.hpp"
#include "mail/maildir_transport.hpp"
#include "mail/smtp_transport.hpp"
#include "usecases/answer_probes.hpp"

namespace servicedesk::host {
namespace {

std::unique_ptr<MailTransport> make_transport(const HostConfig& config) {
  if (!config.mail.smtp_url.empty()) {
    SmtpSettings settings;
    settings.url = config.mail.smtp_url;
    settings.starttls = config.mail.starttls;
    settings.username = config.mail.user;
    if (!config.mail.password_env.empty()) {
      if (const char* password = std::getenv(config.mail.password_env.c_str()))
        settings.password = password;
    }
    return std::make_unique<SmtpTransport>(settings);
  }
  return std::make_unique<MaildirTransport>(config.mail.maildir.empty() ? config.data_dir / "mail"
                                                                        : config.mail.maildir);
}

void announce_demo(const IndexedDirectory& directory, AuthMode mode) {
  std::string users;
  for (const auto& record : directory.records()) {
    if (record.entry.kind != AccountKind::person) continue;
    users += "\n    " + record.entry.username;
    if (!record.roles.empty()) {
      users += " (";
      for (std::size_t i = 0; i < record.roles.size(); ++i)
        users += (i ? ", " : "") + record.roles[i];
      users += ")";
    }
  }
  spdlog::warn(
      "\n================================ DEMO MODE ================================\n"
      "  Demo directory and demo data: NOT FOR PRODUCTION.\n"
      "  Log-in mode: {}. Every demo person has a password hash of their own in the demo\n"
      "  directory file; in the demo they all hash the same password, \"demo\":{}\n"
      "  Administrative accounts cannot log in.\n"
      "===========================================================================",
      to_string(mode), users);
}

void warn_people_without_hash(const IndexedDirectory& directory) {
  std::size_t without = 0;
  for (const auto& record : directory.records())
    if (record.entry.kind == AccountKind::person && record.password_hash.empty()) ++without;
  if (without > 0)
    spdlog::warn("{} people in the directory file have no password_hash and cannot log in",
                 without);
}

void add_directory_metrics(const LiveDirectory& directory, MetricSources& sources) {
  sources.directory_entries = [&] { return std::uint64_t{directory.health().entries}; };
  sources.directory_stale = [&] { return std::uint64_t{directory.health().stale ? 1u : 0u}; };
  sources.directory_refresh_failures = [&] { return directory.health().failures; };
  sources.directory_age_seconds = [&] {
    return static_cast<std::uint64_t>(directory.health().age_seconds);
  };
}

ServerOptions server_options(const HostConfig& config) {
  ServerOptions options;
  options.host = config.listen_host;
  options.port = config.listen_port;
  options.threads = config.threads;
  options.worker_threads = config.http.worker_threads;
  options.web_dir = config.web_dir;
  options.limits = config.http.limits;
  options.max_connections = config.http.max_connections;
  options.max_connections_per_client = config.http.max_connections_per_client;
  options.tls = {config.tls_cert_file, config.tls_key_file};
  return options;
}

/// Waits for SIGINT/SIGTERM, or for the server to stop on its own; trims the heap meanwhile.
void wait_for_stop(const std::atomic<bool>& server_done) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  const timespec tick{0, 200 * 1000 * 1000};
  MemoryTrimmer trimmer;
  while (!server_done.load()) {
    trimmer.tick();
    const int signal = sigtimedwait(&signals, nullptr, &tick);
    if (signal == SIGINT || signal == SIGTERM) {
      spdlog::info("{} received: stopping", signal == SIGINT ? "SIGINT" : "SIGTERM");
      return;
    }
  }
}

DeliveryOptions delivery_options(const HostConfig& config) {
  DeliveryOptions delivery;
  delivery.from_address = config.mail.from_address;
  delivery.poll_interval = std::chrono::milliseconds(config.mail.poll_interval_ms);
  delivery.initial_backoff = std::chrono::milliseconds(config.mail.initial_backoff_ms);
  delivery.max_backoff = std::chrono::milliseconds(config.mail.max_backoff_ms);
  return delivery;
}

/// The token for /metrics from the configured environment variable; empty when unset.
std::string metrics_token(const HostConfig& config) {
  std::string token;
  if (config.metrics_token_env.empty()) return token;
  if (const char* value = std::getenv(config.metrics_token_env.c_str())) token = value;
  if (token.empty())
    spdlog::warn("metrics.token_env: {} is not set; /metrics is for IT staff only",
                 config.metrics_token_env);
  return token;
}

/// The configured job settings, with the host id defaulting to `<hostname>:<port>`.
JobSettings job_settings(const HostConfig& config) {
  JobSettings settings = config.jobs;
  if (settings.host_id.empty()) {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) name[0] = '\0';
    settings.host_id =
        std::string(name[0] ? name : "host") + ":" + std::to_string(config.listen_port);
  }
  return settings;
}

/// The running parts the API context and its metrics refer to; all outlive the server.
struct RunningParts {
  HostParts& parts;
  Store& store;
  DeliveryWorker& worker;
  SessionManager& sessions;
  FulfilmentWorker& jobs;
};

void add_job_metrics(Store& store, MetricSources& sources) {
  Store* jobs = &store;
  sources.fulfilment_waiting = [jobs] { return std::uint64_t{jobs->job_counts().waiting}; };
  sources.fulfilment_retry_queue = [jobs] { return std::uint64_t{jobs->job_counts().retrying}; };
  sources.fulfilment_failed = [jobs] { return std::uint64_t{jobs->job_counts().failed}; };
}

void add_running_metrics(const RunningParts& running, ApiContext& context) {
  auto& sources = context.metric_sources;
  Store* store = &running.store;
  DeliveryWorker* worker = &running.worker;
  SessionManager* sessions = &running.sessions;
  HostParts* parts = &running.parts;
  add_directory_metrics(*parts->directory, sources);
  sources.checkouts = [store] { return store->checkout_count(); };
  sources.outbox_depth = [store] { return std::uint64_t{store->depth()}; };
  sources.delivery_failures = [worker] { return worker->failures(); };
  sources.deliveries = [worker] { return worker->delivered(); };
  sources.sessions = [sessions] { return std::uint64_t{sessions->size()}; };
  sources.store_commits = [store] { return store->commits(); };
  sources.store_write_jobs = [store] { return store->write_jobs(); };
  sources.extra = [parts] {
    return parts->plugin_counters.render() + parts->handler_failures.render();
  };
  context.handler_failures = &parts->handler_failures;
  context.mail_queued = [worker] { worker->wake(); };
  context.store_health = [store](std::string& detail) { return store->healthy(detail); };
  add_job_metrics(running.store, sources);
  context.jobs = &running.jobs;
}

/// Logs the log-in mode and who can log in, once the server is bound.
void announce_login(const HostConfig& config, const HostParts& parts) {
  if (parts.demo_directory) announce_demo(*parts.directory->current(), config.auth.mode);
  spdlog::info("log-in mode: {}", to_string(config.auth.mode));
  if (config.auth.mode == AuthMode::local) warn_people_without_hash(*parts.directory->current());
}

/// Serves on a thread of its own until a signal arrives or the server stops, then stops it
/// and lets requests in flight finish.
void serve_until_stopped(ApiServer& server) {
  std::atomic<bool> server_done{false};
  std::thread serving([&] {
    if (!server.run()) spdlog::error("the HTTP server stopped unexpectedly");
    server_done = true;
  });
  wait_for_stop(server_done);
  server.stop();
  serving.join();
}

void load_catalog(FormRepository& repository) {
  if (const std::size_t refused = repository.load_all())
    spdlog::error("catalog: {} file(s) refused; see the errors above or GET /api/admin/catalog",
                  refused);
  repository.start_watching();
}

/// The context's settings that come straight from the configuration.
void apply_context_settings(const HostConfig& config, ApiContext& context) {
  context.ditc_scope_department = config.ditc_scope == "department";
  context.secure_cookies = !config.tls_cert_file.empty() || config.behind_tls_proxy;
  context.metrics_token = metrics_token(config);
}

/// Once the server has stopped and its requests have finished: the background parts, then
/// a last pass over mail queued by the final requests, then the store.
void stop_background_parts(HostParts& parts, FormRepository& repository, FulfilmentWorker& jobs,
                           DeliveryWorker& worker, Store& store) {
  if (parts.refresher) parts.refresher->stop();
  jobs.stop();
  repository.stop();
  worker.stop();
  worker.run_once();
  store.close();
  spdlog::info("stopped cleanly");
}

/// Serves with the host's parts loaded; the background workers start and stop here.
int serve_with(const HostConfig& config, HostParts& parts, Store& store) {
  std::string error;
  FormRepository repository(config.catalog_dirs, parts.plugins->catalog());
  load_catalog(repository);
  RepositoryItemSource items(repository, parts.plugins->catalog());

  auto transport = make_transport(config);
  DeliveryWorker worker(store, *transport, delivery_options(config));
  worker.start();
  FulfilmentWorker jobs(
      {store, items, *parts.directory, [&worker] { worker.wake(); }, &parts.handler_failures},
      job_settings(config));
  jobs.start();
  auto stop_workers = [&] {
    jobs.stop();
    worker.stop();
    repository.stop();
  };

  auto identity = make_identity(config, *parts.directory, error);
  if (!identity) {
    spdlog::critical("{}", error);
    stop_workers();
    return 1;
  }
  SessionManager sessions(
      store, *parts.directory,
      [directory = parts.directory.get()](std::string_view username) {
        return directory->roles(username);
      },
      std::chrono::minutes(config.session_idle_minutes));
  Metrics metrics;
  ApiContext context{store,   items, *parts.directory, sessions, metrics, {}, {}, {},
                     nullptr, false, nullptr,          false,    {},      {}};
  context.identity = &identity->identity;
  FailureThrottle refused_answers(refused_answer_limits());
  context.refused_answers = &refused_answers;
  apply_context_settings(config, context);
  add_running_metrics({parts, store, worker, sessions, jobs}, context);

  ApiServer server(context, server_options(config));
  if (!server.bind(error)) {
    spdlog::critical("{}", error);
    stop_workers();
    return 1;
  }
  announce_login(config, parts);
  if (parts.refresher) parts.refresher->start();
  spdlog::info("mail goes to {}", transport->describe());
  spdlog::info("ready on {}://{}:{}", config.tls_cert_file.empty() ? "http" : "https",
               config.listen_host, server.port());
  serve_until_stopped(server);
  stop_background_parts(parts, repository, jobs, worker, store);
  return 0;
}

}  // namespace

int serve(const HostConfig& config) {
  std::string error;
  if (!prepare_data_folder(config.data_dir, error)) {
    spdlog::critical("{}", error);
    return 1;
  }
  auto parts = load_host_parts(config, error);
  if (!parts) {
    spdlog::critical("{}", error);
    return 1;
  }
  auto store = open_store(config, error);
  if (!store) {
    spdlog::critical("{}", error);
    return 1;
  }
  parts->mail.attach(store.get());
  return serve_with(config, *parts, *store);
}

}  // namespace servicedesk::host
