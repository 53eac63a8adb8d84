// Parallel timed clients for the load scenarios.
#include "timed_clients.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "../latency_percentiles.hpp"

namespace servicedesk::bench {

test::ClientOptions load_client_options() {
  test::ClientOptions options;
  options.keep_alive = true;
  options.tcp_nodelay = true;
  options.parse_json = false;
  options.throw_when_unanswered = false;
  options.read_timeout_seconds = 10;
  return options;
}

nlohmann::json read_json(const Reply& reply) {
  return nlohmann::json::parse(reply.body, nullptr, false);
}

std::string numbered_user(const std::string& prefix, int n) {
  return prefix + (n < 10 ? "0" : "") + std::to_string(n);
}

LoadFigures run_timed_clients(int port, int clients, const std::string& user_prefix,
                              std::chrono::seconds duration, const TimedOperation& operation,
                              int first_user) {
  using Clock = std::chrono::steady_clock;
  std::mutex mutex;
  std::vector<double> latencies;
  std::atomic<std::size_t> completed{0}, errors{0};
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};

  std::vector<std::thread> threads;
  for (int c = first_user; c < first_user + clients; ++c) {
    threads.emplace_back([&, c] {
      ApiClient api(port, load_client_options());
      const bool logged_in =
          api.log_in(numbered_user(user_prefix, c)).status == 200 && !api.csrf_token.empty();
      if (!logged_in) ++errors;
      ++ready;
      while (!go) std::this_thread::yield();
      if (!logged_in) return;
      std::vector<double> mine;
      const auto deadline = Clock::now() + duration;
      while (Clock::now() < deadline) {
        const auto start = Clock::now();
        if (!operation(api, c)) {
          ++errors;
          continue;
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
      completed += mine.size();
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  while (ready < clients) std::this_thread::yield();
  const auto start = Clock::now();
  go = true;
  for (auto& thread : threads) thread.join();

  LoadFigures figures;
  figures.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  figures.completed = completed;
  figures.errors = errors;
  figures.p50_ms = percentile(latencies, 0.50);
  figures.p99_ms = percentile(latencies, 0.99);
  return figures;
}

}  // namespace servicedesk::bench
