// servicedesk-soak: the mixed load on one real host for MINUTES, with the floor and peak of
// the host's resident memory and its open file descriptors each minute; exits 1 on any error
// or on growth of the floors beyond the bounds (run by scripts/soak.sh).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "fake_duo.hpp"
#include "host_process.hpp"
#include "mixed_load.hpp"
#include "reliability_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using namespace servicedesk::test;

/// Open file descriptors of `pid` (entries of /proc/PID/fd); -1 when it cannot be read.
long open_fds(pid_t pid) {
  std::error_code ec;
  long count = 0;
  for (fs::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec), end; !ec && it != end;
       it.increment(ec))
    ++count;
  return ec ? -1 : count;
}

long total(const LoadFigures& figures) {
  long sum = 0;
  for (const auto& [kind, done] : figures.done) sum += done;
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"servicedesk-soak: a mixed load on the real host, memory and fds per minute"};
  int minutes = 30;
  fs::path host_bin;
  fs::path catalog_dir;
  int pause_ms = 20;
  long rss_bound_mib = 32;
  long fd_bound = 16;
  app.add_option("--minutes", minutes, "how long to run")->check(CLI::PositiveNumber);
  app.add_option("--host-bin", host_bin, "the servicedesk-host to soak")->required();
  app.add_option("--catalog-dir", catalog_dir, "the shipped catalog-items folder")->required();
  app.add_option("--pause-ms", pause_ms, "each client's pause between calls");
  app.add_option("--rss-bound-mib", rss_bound_mib,
                 "allowed growth of resident memory after the first minute (MiB)");
  app.add_option("--fd-bound", fd_bound, "allowed growth of open fds after the first minute");
  CLI11_PARSE(app, argc, argv);

  TempDir dir;
  write_duo_seed(dir.path() / "duo");
  FakeDuo duo(dir.path() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY");
  const auto catalog = dir.path() / "catalog";
  fs::create_directories(catalog);
  for (const auto& file : fs::directory_iterator(catalog_dir))
    fs::copy_file(file.path(), catalog / file.path().filename());
  SmtpSink sink(free_port(), dir.path() / "inbox");
  const auto config = dir.path() / "host.yaml";
  std::ofstream(config) << "mail:\n  smtp: smtp://127.0.0.1:" << sink.port()
                        << "\n  poll_interval_ms: 200\n"
                        << automatic_duo_config(duo.port());
  HostOptions options;
  options.binary = host_bin;
  options.extra_args = {"--config", config.string(), "--catalog-dir", catalog.string()};
  options.threads = 0;
  HostProcess host(dir.path() / "data", options);
  std::cout << "soak: " << minutes << " min against " << host_bin.string() << " (pid " << host.pid()
            << ")\n";
  std::printf("%6s %14s %13s %8s %10s %8s  %s\n", "minute", "rss_floor_kib", "rss_peak_kib", "fds",
              "calls", "errors", "calls by kind");

  MixedLoad load({host.port(), catalog / "request-software.yaml", true, pause_ms});
  load.start();
  long first_rss = -1, first_fds = -1, last_rss = -1, last_fds = -1, previous_calls = 0;
  long peak_rss = 0;
  for (int minute = 1; minute <= minutes; ++minute) {
    // Sampled each second; growth is judged on each minute's floor. A log-in's password check
    // (Argon2id) holds 64 MiB while it runs, so one sample swings by 64 MiB per log-in in
    // flight; the floor is what the host keeps.
    long floor_rss = -1, floor_fds = -1, minute_peak = 0;
    for (int second = 0; second < 60; ++second) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      const long rss = host.rss_kib();
      const long fds = open_fds(host.pid());
      if (rss < 0) break;  // the host is gone
      floor_rss = floor_rss < 0 ? rss : std::min(floor_rss, rss);
      floor_fds = floor_fds < 0 ? fds : std::min(floor_fds, fds);
      minute_peak = std::max(minute_peak, rss);
    }
    const LoadFigures figures = load.figures();
    last_rss = floor_rss;
    last_fds = floor_fds;
    peak_rss = std::max(peak_rss, minute_peak);
    if (minute == 1) {
      first_rss = last_rss;
      first_fds = last_fds;
    }
    std::string kinds;
    for (const auto& [kind, done] : figures.done) kinds += kind + "=" + std::to_string(done) + " ";
    const long calls = total(figures);
    std::printf("%6d %14ld %13ld %8ld %10ld %8ld  %s\n", minute, last_rss, minute_peak, last_fds,
                calls - previous_calls, figures.errors, kinds.c_str());
    std::fflush(stdout);
    previous_calls = calls;
    if (last_rss < 0) break;  // the host is gone
  }
  load.stop();
  const LoadFigures figures = load.figures();
  for (const auto& message : figures.first_errors) std::cout << "error: " << message << '\n';
  const bool alive = host.rss_kib() > 0;
  const int exit_code = host.stop();
  const long rss_growth = last_rss - first_rss;
  const long fd_growth = last_fds - first_fds;
  std::cout << "rss floor in minute 1: " << first_rss << " KiB, in the last: " << last_rss
            << " KiB (growth " << rss_growth << " KiB, bound " << rss_bound_mib * 1024 << "), peak "
            << peak_rss << " KiB\nfds floor in minute 1: " << first_fds
            << ", in the last: " << last_fds << " (growth " << fd_growth << ", bound " << fd_bound
            << ")\ncalls: " << total(figures) << ", errors: " << figures.errors
            << ", host exit code: " << exit_code << '\n';
  const std::string log = host.log();
  const bool refused_reload = log.find("catalog: refused") != std::string::npos;
  if (refused_reload) std::cout << "a form reload was refused (see the host log)\n";
  const bool ok = alive && exit_code == 0 && figures.errors == 0 && !refused_reload &&
                  rss_growth <= rss_bound_mib * 1024 && fd_growth <= fd_bound;
  std::cout << (ok ? "soak: PASS\n" : "soak: FAIL\n");
  if (!ok)
    std::cout << "host log (last 4000 bytes):\n"
              << host.log().substr(host.log().size() > 4000 ? host.log().size() - 4000 : 0) << '\n';
  return ok ? 0 : 1;
}
