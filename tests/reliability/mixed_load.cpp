// The mixed load's clients: each a thread with its own session, each call checked.
#include "mixed_load.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include "api_client.hpp"
#include "scratch.hpp"

namespace servicedesk::test {
namespace {

ClientOptions load_client() {
  ClientOptions options;
  options.keep_alive = true;
  options.tcp_nodelay = true;
  options.throw_when_unanswered = false;
  options.read_timeout_seconds = 30;
  return options;
}

}  // namespace

MixedLoad::MixedLoad(MixedLoadSetup setup) : setup_(std::move(setup)) {}

MixedLoad::~MixedLoad() {
  stop();
}

void MixedLoad::start() {
  stopping_ = false;
  threads_.emplace_back([this] { searcher(); });
  threads_.emplace_back([this] { buyer("tessatitan"); });
  threads_.emplace_back([this] { buyer("titanfan"); });
  threads_.emplace_back([this] { fulfiller(); });
  threads_.emplace_back([this] { session_churner(); });
  if (!setup_.reload_file.empty()) threads_.emplace_back([this] { reloader(); });
  if (setup_.duo_orders) threads_.emplace_back([this] { duo_orderer(); });
}

void MixedLoad::stop() {
  stopping_ = true;
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
  threads_.clear();
}

LoadFigures MixedLoad::figures() const {
  std::lock_guard lock(mutex_);
  return figures_;
}

void MixedLoad::count(const std::string& kind) {
  std::lock_guard lock(mutex_);
  figures_.done[kind]++;
}

void MixedLoad::error(const std::string& kind, int status, const std::string& body) {
  std::lock_guard lock(mutex_);
  figures_.errors++;
  if (figures_.first_errors.size() < 20)
    figures_.first_errors.push_back(kind + ": " + std::to_string(status) + " " +
                                    body.substr(0, 300));
}

void MixedLoad::pause() const {
  if (setup_.pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(setup_.pause_ms));
}

void MixedLoad::searcher() {
  ApiClient dana(setup_.port, load_client());
  if (const Reply in = dana.log_in("dcoordinator"); in.status != 200)
    return error("log in", in.status, in.body);
  const char* queries[] = {"tit", "smith", "Garcia", "admin", "tu"};
  for (long n = 0; running(); ++n) {
    const Reply found = dana.get(std::string("/api/directory/search?kind=any&q=") + queries[n % 5]);
    found.status == 200 ? count("search") : error("search", found.status, found.body);
    const Reply evaluated =
        dana.post("/api/catalog/items/duo-account-updates/evaluate",
                  {{"answers",
                    {{"account", n % 2 ? "newhire" : "athletics-admin"},
                     {"request_type", n % 3 ? "add" : "update"},
                     {"phone", "714 555 " + std::to_string(1000 + n % 9000)}}}});
    evaluated.status == 200 ? count("evaluation")
                            : error("evaluation", evaluated.status, evaluated.body);
    pause();
  }
}

void MixedLoad::buyer(const std::string& person) {
  ApiClient client(setup_.port, load_client());
  if (const Reply in = client.log_in(person); in.status != 200)
    return error("log in", in.status, in.body);
  for (long n = 0; running(); ++n) {
    const Reply added = client.post(
        "/api/cart/items",
        {{"item", "request-software"}, {"answers", {{"software", "Tool " + std::to_string(n)}}}});
    if (added.status != 201) {
      error("add to cart", added.status, added.body);
      client.get("/api/cart");
      pause();
      continue;
    }
    const Reply done = client.post("/api/cart/checkout", {{"requested_for", person}});
    done.status == 201 ? count("order") : error("order", done.status, done.body);
    pause();
  }
}

void MixedLoad::duo_orderer() {
  ApiClient dana(setup_.port, load_client());
  if (const Reply in = dana.log_in("ppatel"); in.status != 200)
    return error("log in", in.status, in.body);
  for (long n = 0; running(); ++n) {
    const Reply added =
        dana.post("/api/cart/items", {{"item", "duo-account-updates"},
                                      {"answers",
                                       {{"account", "newhire"},
                                        {"request_type", "add"},
                                        {"phone", "657 555 " + std::to_string(1000 + n % 9000)}}}});
    if (added.status != 201) {
      error("duo add to cart", added.status, added.body);
      Reply cart = dana.get("/api/cart");
      for (const auto& line : cart.json["lines"])
        dana.del("/api/cart/items/" + std::to_string(line["id"].get<long long>()));
      pause();
      continue;
    }
    const Reply done = dana.post("/api/cart/checkout", {{"requested_for", "newhire"}});
    done.status == 201 ? count("duo order") : error("duo order", done.status, done.body);
    // A Duo order changes a real account: one every half second at most.
    std::this_thread::sleep_for(std::chrono::milliseconds(500 + setup_.pause_ms));
  }
}

void MixedLoad::fulfiller() {
  ApiClient staff(setup_.port, load_client());
  if (const Reply in = staff.log_in("helpdesk"); in.status != 200)
    return error("log in", in.status, in.body);
  while (running()) {
    Reply queue = staff.get("/api/fulfilment/queue");
    if (queue.status != 200) {
      error("queue", queue.status, queue.body);
      pause();
      continue;
    }
    count("queue");
    int decided = 0;
    for (const auto& item : queue.json["items"]) {
      if (item.value("state", "") != "open" || item.value("item", "") != "request-software")
        continue;
      const Reply done =
          staff.post("/api/fulfilment/" + item["number"].get<std::string>() + "/fulfil",
                     nlohmann::json::object());
      done.status == 200 ? count("fulfilment") : error("fulfilment", done.status, done.body);
      if (++decided == 5 || !running()) break;
    }
    const Reply metrics = staff.get("/metrics");
    metrics.status == 200 ? count("metrics") : error("metrics", metrics.status, metrics.body);
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + setup_.pause_ms));
  }
}

void MixedLoad::session_churner() {
  while (running()) {
    ApiClient client(setup_.port, load_client());
    const Reply in = client.log_in("jsmith");
    if (in.status != 200) {
      error("log in", in.status, in.body);
    } else {
      const Reply cart = client.get("/api/cart");
      cart.status == 200 ? count("session") : error("session", cart.status, cart.body);
      const Reply out = client.del("/api/session");
      out.status == 204 ? count("log out") : error("log out", out.status, out.body);
      const Reply after = client.get("/api/cart");
      if (after.status != 401) error("after log out", after.status, after.body);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250 + setup_.pause_ms));
  }
}

void MixedLoad::reloader() {
  const std::string original = read_file(setup_.reload_file);
  const std::string marker = "description: ";
  const auto at = original.find(marker);
  // Written beside the catalog folder, then renamed in: the watcher never sees half a file.
  const auto temporary = setup_.reload_file.parent_path().parent_path() / "reload.yaml.tmp";
  auto replace = [&](const std::string& text) {
    std::ofstream(temporary) << text;
    std::filesystem::rename(temporary, setup_.reload_file);
  };
  for (long n = 0; running(); ++n) {
    std::string edited = original;
    if (at != std::string::npos)
      edited.insert(at + marker.size(), "(edit " + std::to_string(n) + ") ");
    replace(edited);
    count("reload");
    // The watcher polls about once a second; edit a little faster than that.
    for (int i = 0; i < 7 && running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  replace(original);
}

}  // namespace servicedesk::test
