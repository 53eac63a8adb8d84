// A mixed load on one real host: searches, evaluations, orders, staff fulfilments, Duo
// orders fulfilled by jobs, log-ins and log-outs, and form reloads by rewriting a YAML file.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace servicedesk::test {

/// Where the load goes and what it may touch.
struct MixedLoadSetup {
  int port = 0;
  /// A copy of request-software.yaml in the host's catalog folder, rewritten to force reloads.
  std::filesystem::path reload_file;
  /// Order Duo Adds (a new phone each) for newhire as dcoordinator; needs `fulfil: automatic`.
  bool duo_orders = true;
  /// Pause between one client's calls: 0 for a stress test, more for a long soak.
  int pause_ms = 0;
};

/// Counts of the calls that got their expected answer, by kind, and the unexpected ones.
struct LoadFigures {
  std::map<std::string, long> done;
  long errors = 0;
  std::vector<std::string> first_errors;  ///< up to 20: "kind: status body"
};

/// Runs one thread per kind of client until stop(). Thread-safe figures at any time.
class MixedLoad {
 public:
  explicit MixedLoad(MixedLoadSetup setup);
  ~MixedLoad();
  MixedLoad(const MixedLoad&) = delete;
  MixedLoad& operator=(const MixedLoad&) = delete;

  void start();
  void stop();
  LoadFigures figures() const;

 private:
  void count(const std::string& kind);
  void error(const std::string& kind, int status, const std::string& body);
  bool running() const { return !stopping_.load(); }
  void pause() const;

  void searcher();
  void buyer(const std::string& person);
  void duo_orderer();
  void fulfiller();
  void session_churner();
  void reloader();

  MixedLoadSetup setup_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  LoadFigures figures_;
  std::vector<std::thread> threads_;
};

}  // namespace servicedesk::test
