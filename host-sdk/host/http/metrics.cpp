// Prometheus text exposition of the host's counters.
#include "http/metrics.hpp"

#include <sstream>

namespace servicedesk::host {
namespace {

void gauge(std::ostringstream& out, const char* name, const char* type, const char* help,
           const std::function<std::uint64_t()>& source) {
  if (!source) return;
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
      << name << ' ' << source() << '\n';
}

}  // namespace

void Metrics::count_request(const std::string& route, const std::string& method, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, method, status}];
}

std::string Metrics::render(const MetricSources& sources) {
  std::ostringstream out;
  out << "# HELP servicedesk_http_requests_total HTTP requests by route pattern, method and "
         "status.\n# TYPE servicedesk_http_requests_total counter\n";
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, count] : requests_) {
      const auto& [route, method, status] = key;
      out << "servicedesk_http_requests_total{route=\"" << route << "\",method=\"" << method
          << "\",status=\"" << status << "\"} " << count << '\n';
    }
  }
  gauge(out, "servicedesk_checkouts_total", "counter", "Checkouts written since start.",
        sources.checkouts);
  gauge(out, "servicedesk_outbox_depth", "gauge", "Notifications not yet delivered.",
        sources.outbox_depth);
  gauge(out, "servicedesk_delivery_failures_total", "counter",
        "Failed mail delivery attempts since start.", sources.delivery_failures);
  gauge(out, "servicedesk_deliveries_total", "counter", "Mails delivered since start.",
        sources.deliveries);
  gauge(out, "servicedesk_sessions", "gauge", "Live sessions.", sources.sessions);
  gauge(out, "servicedesk_store_commits_total", "counter",
        "Store transactions committed (each one fsync).", sources.store_commits);
  gauge(out, "servicedesk_store_write_jobs_total", "counter",
        "Writes carried by those commits; jobs/commits is the group-commit factor.",
        sources.store_write_jobs);
  gauge(out, "servicedesk_directory_entries", "gauge", "People and accounts in the directory.",
        sources.directory_entries);
  gauge(out, "servicedesk_directory_stale", "gauge",
        "1 while the last directory refresh failed and the last good copy is served.",
        sources.directory_stale);
  gauge(out, "servicedesk_directory_refresh_failures_total", "counter",
        "Failed directory refreshes since start.", sources.directory_refresh_failures);
  gauge(out, "servicedesk_directory_age_seconds", "gauge",
        "Seconds since the directory was last loaded successfully.", sources.directory_age_seconds);
  gauge(out, "servicedesk_fulfilment_jobs_waiting", "gauge",
        "Fulfilment jobs queued or running that have not failed yet.", sources.fulfilment_waiting);
  gauge(out, "servicedesk_fulfilment_retry_queue", "gauge",
        "Fulfilment jobs waiting to be retried after a temporary failure.",
        sources.fulfilment_retry_queue);
  gauge(out, "servicedesk_fulfilment_failed", "gauge",
        "Requested items whose fulfilment failed, waiting for IT staff to retry or reject.",
        sources.fulfilment_failed);
  if (sources.extra) out << sources.extra();
  return out.str();
}

}  // namespace servicedesk::host
