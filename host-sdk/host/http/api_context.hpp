// Everything the HTTP routes reach: store, catalog, directory, sessions, metrics.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "http/identity.hpp"
#include "http/metrics.hpp"
#include "http/sessions.hpp"
#include "servicedesk/directory.hpp"
#include "servicedesk/forms/handler_failures.hpp"
#include "store/store.hpp"
#include "usecases/item_source.hpp"

namespace servicedesk::host {

/// Services the routes share. Owned by the app; outlives the server.
struct ApiContext {
  Store& store;
  ItemSource& catalog;
  const Directory& directory;
  SessionManager& sessions;
  Metrics& metrics;
  MetricSources metric_sources;
  /// Called after a write queued mail, so delivery need not wait for the next poll.
  std::function<void()> mail_queued;
  /// Serializes staff decisions, so a fulfilment handler never runs twice for one RITM.
  std::mutex decisions;
  /// Log-in mode, log-in use case and proxy gate; null only in tests of other parts.
  const Identity* identity = nullptr;
  /// `ditc_scope: department` (see Desk).
  bool ditc_scope_department = false;
  /// Each person's refused answers (see usecases/answer_probes.hpp).
  FailureThrottle* refused_answers = nullptr;
  /// The session cookie carries `Secure` (the host serves TLS, or sits behind a TLS proxy).
  bool secure_cookies = false;
  /// A scraper sending `Authorization: Bearer <token>` may read /metrics; empty: staff only.
  std::string metrics_token;
  /// Whether the store's database answers, with a sentence (for /healthz); unset in tests.
  std::function<bool(std::string&)> store_health;
  /// Where handler failures are logged and counted (see Desk); null only in tests.
  const HandlerFailureSink* handler_failures = nullptr;
  /// The fulfilment job worker (see Desk::jobs).
  JobRunner* jobs = nullptr;
};

}  // namespace servicedesk::host
