// libFuzzer target: the HTTP request path as far as the project's own code goes, without
// sockets. Raw request bytes are parsed by Beast (the library the connection uses, with the
// connection's limits), converted as the connection does, and answered by the real request
// pipeline: router, access checks, JSON body reader, use cases, a real SQLite store, the
// shipped forms and plugins. The first input byte chooses whether the request carries a
// logged-in session (a DITC or IT staff) and its CSRF token.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "app/repository_item_source.hpp"
#include "catalog/form_repository.hpp"
#include "http/connection.hpp"
#include "http/request_pipeline.hpp"
#include "http/sessions.hpp"
#include "shipped_plugins.hpp"
#include "store/sqlite_store.hpp"
#include "usecases/answer_probes.hpp"

namespace {

namespace http = boost::beast::http;
using namespace servicedesk::host;

/// Everything `serve` wires for the pipeline, minus the server, workers and log-in.
struct Service {
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<FormRepository> repository;
  std::unique_ptr<RepositoryItemSource> items;
  std::unique_ptr<SessionManager> sessions;
  Metrics metrics;
  std::unique_ptr<FailureThrottle> refused_answers;
  std::unique_ptr<ApiContext> context;
  std::unique_ptr<RequestPipeline> pipeline;
  Session ditc;
  Session staff;
};

Service& service() {
  static Service* loaded = [] {
    spdlog::set_level(spdlog::level::off);  // every request logs a line; keep the fuzzer quiet
    auto* s = new Service;
    const auto& shipped = servicedesk::fuzz::shipped_plugins();
    // /dev/shm: the store's fsyncs cost nothing there.
    const auto data =
        std::filesystem::path("/dev/shm") / ("servicedesk-http-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(data);
    std::string error;
    s->store = SqliteStore::open(data / "servicedesk.db", error);
    if (!s->store) {
      std::fprintf(stderr, "fuzz set-up: %s\n", error.c_str());
      std::abort();
    }
    s->repository = std::make_unique<FormRepository>(
        std::vector<std::filesystem::path>{SERVICEDESK_CATALOG_DIR}, shipped.registry->catalog());
    s->repository->load_all();
    s->items = std::make_unique<RepositoryItemSource>(*s->repository, shipped.registry->catalog());
    const auto& directory = *shipped.directory;
    s->sessions = std::make_unique<SessionManager>(
        *s->store, directory,
        [&directory](std::string_view username) { return directory.roles(username); },
        std::chrono::minutes(30));
    s->refused_answers = std::make_unique<FailureThrottle>(refused_answer_limits());
    s->context = std::unique_ptr<ApiContext>(new ApiContext{*s->store,
                                                            *s->items,
                                                            directory,
                                                            *s->sessions,
                                                            s->metrics,
                                                            {},
                                                            {},
                                                            {},
                                                            nullptr,
                                                            false,
                                                            nullptr,
                                                            false,
                                                            {},
                                                            {}});
    s->context->refused_answers = s->refused_answers.get();
    s->pipeline = std::make_unique<RequestPipeline>(*s->context, SERVICEDESK_WEB_DIR);
    s->ditc = *s->sessions->open("dcoordinator");
    s->staff = *s->sessions->open("helpdesk");
    return s;
  }();
  return *loaded;
}

/// Whether `body` is a JSON object holding "error" or "errors", as every refusal must be.
bool json_refusal(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  return json.is_object() && (json.contains("error") || json.contains("errors"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  Service& s = service();
  const std::uint8_t flags = data[0];
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);  // the connection's defaults (ConnectionLimits)
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::system::error_code ec;
  parser.put(boost::asio::buffer(data + 1, size - 1), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;

  Request req;
  detail::from_beast(parser.release(), req);
  req.remote_addr = "127.0.0.1";
  if (flags & 1u) {
    const Session& who = (flags & 4u) ? s.staff : s.ditc;
    req.headers.add("Cookie", std::string(kSessionCookie) + "=" + who.id);
    if (flags & 2u) req.headers.add("X-CSRF-Token", who.csrf_token);
  }
  Response res;
  s.pipeline->serve(req, res);
  if (res.status < 100 || res.status > 599) std::abort();
  // A 500 is an input some route did not expect: a finding, like a crash.
  if (res.status == 500) std::abort();
  // Every refusal the routes write is a JSON sentence, whatever came in.
  if (res.status >= 400 && !json_refusal(res.body)) std::abort();
  return 0;
}
