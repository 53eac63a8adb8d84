// kill -9 of the real host at random moments under a checkout load, and during Duo fulfilment
// jobs (`fulfil: automatic`), ten rounds each, on SQLite and on PostgreSQL.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

#include "fake_duo.hpp"
#include "reliability_fixture.hpp"

namespace servicedesk::test {
namespace {

constexpr int kRounds = 10;
const std::vector<std::string> kBuyers = {"tuffytitan", "tessatitan", "newhire", "titanfan"};

/// What the clients were told: the numbers answered 201 and every status seen.
struct Ledger {
  std::mutex mutex;
  std::vector<std::string> requests;
  std::vector<std::string> items;
  std::map<std::string, std::string> phone_of_item;  ///< Duo orders: RITM -> phone typed
  std::map<int, int> statuses;
  std::size_t answered() {
    std::lock_guard lock(mutex);
    return requests.size();
  }
  void record(const Reply& reply, const std::string& phone = "") {
    std::lock_guard lock(mutex);
    statuses[reply.status]++;
    if (reply.status != 201) return;
    requests.push_back(reply.json["request"].value("number", ""));
    for (const auto& item : reply.json["request"]["items"]) {
      items.push_back(item.value("number", ""));
      if (!phone.empty()) phone_of_item[items.back()] = phone;
    }
  }
};

ClientOptions crash_client() {
  ClientOptions options;
  options.throw_when_unanswered = false;
  options.read_timeout_seconds = 10;
  return options;
}

/// Empties the cart; false when the host no longer answers.
bool empty_cart(ApiClient& client) {
  const Reply cart = client.get("/api/cart");
  if (cart.status == 0) return false;
  if (cart.status == 200)
    for (const auto& line : cart.json["lines"])
      client.del("/api/cart/items/" + std::to_string(line["id"].get<long long>()));
  return true;
}

/// `person` orders two software items per request until the host stops answering.
void order_software(int port, const std::string& person, Ledger& ledger) {
  ApiClient client(port, crash_client());
  if (client.log_in(person).status != 200) return;
  for (;;) {
    if (!empty_cart(client)) return;
    for (const char* name : {"Matlab", "Mathematica"}) {
      const Reply added = client.post(
          "/api/cart/items", {{"item", "request-software"},
                              {"answers", {{"software", name + std::string(" ") + person}}}});
      if (added.status == 0) return;
    }
    const Reply done = client.post("/api/cart/checkout", {{"requested_for", person}});
    if (done.status == 0) return;
    ledger.record(done);
  }
}

/// A DITC orders Duo Adds (a new phone each) for `account` until the host stops answering.
void order_duo_adds(int port, const std::string& ditc, const std::string& account,
                    std::atomic<int>& next_phone, Ledger& ledger) {
  ApiClient client(port, crash_client());
  if (client.log_in(ditc).status != 200) return;
  for (;;) {
    if (!empty_cart(client)) return;
    const std::string phone = "714 555 " + std::to_string(next_phone++);
    const Reply added = client.post(
        "/api/cart/items",
        {{"item", "duo-account-updates"},
         {"answers", {{"account", account}, {"request_type", "add"}, {"phone", phone}}}});
    if (added.status == 0) return;
    if (added.status != 201) {
      ledger.record(added);
      continue;
    }
    const Reply done = client.post("/api/cart/checkout", {{"requested_for", account}});
    if (done.status == 0) return;
    ledger.record(done, phone);
    // A few orders per second: the jobs, not the checkouts, are what a kill should hit.
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

/// Kills the host `delay` after the load has seen its first 201 of this round.
void kill_after(HostProcess& host, Ledger& ledger, std::size_t before,
                std::chrono::milliseconds delay) {
  eventually([&] { return ledger.answered() > before; }, 10.0);
  std::this_thread::sleep_for(delay);
  host.kill_hard();
}

template <class Container>
std::size_t duplicates(const Container& values) {
  std::set<std::string> unique(values.begin(), values.end());
  return values.size() - unique.size();
}

class CrashTest : public ReliabilityTest {
 protected:
  /// Every outbox row delivered (at least once) and nothing else; returns the raw duplicates
  /// (a mail handed to SMTP whose acknowledgement died with the host: same Message-ID).
  int check_mail(const std::string& where = "1 = 1") {
    EXPECT_TRUE(eventually(
        [&] { return db().count("SELECT COUNT(*) FROM outbox WHERE NOT sent") == 0; }, 30.0))
        << "the outbox did not drain";
    const std::set<std::string> expected = outbox_message_ids(where);
    const std::set<std::string> all_rows = outbox_message_ids();
    std::map<std::string, int> times;
    // The sink stores a message a moment after acknowledging it; give the last ones a moment.
    eventually([&] {
      times.clear();
      for (const auto& mail : delivered_mails(inbox())) times[mail.message_id]++;
      return std::all_of(expected.begin(), expected.end(),
                         [&](const std::string& id) { return times.count(id) > 0; });
    });
    int extra = 0;
    for (const auto& id : expected) EXPECT_GE(times[id], 1) << "mail " << id << " never delivered";
    for (const auto& [id, n] : times) {
      EXPECT_TRUE(all_rows.count(id)) << "a mail that is in no outbox row: " << id;
      extra += n - 1;
    }
    return extra;
  }

  /// The request-level invariants after a restart.
  void check_requests(Ledger& ledger, std::size_t items_per_request) {
    std::lock_guard lock(ledger.mutex);
    EXPECT_EQ(duplicates(ledger.requests), 0u) << "a REQ number answered twice";
    EXPECT_EQ(duplicates(ledger.items), 0u) << "a RITM number answered twice";
    std::set<std::string> stored;
    for (const auto& row : db().rows("SELECT number FROM requests")) stored.insert(row[0]);
    for (const auto& number : ledger.requests)
      EXPECT_TRUE(stored.count(number)) << number << " was answered 201 and is gone";
    std::set<std::string> stored_items;
    for (const auto& row : db().rows("SELECT number FROM request_items"))
      stored_items.insert(row[0]);
    for (const auto& number : ledger.items)
      EXPECT_TRUE(stored_items.count(number)) << number << " was answered 201 and is gone";
    EXPECT_EQ(db().count("SELECT COUNT(*) FROM requests r WHERE (SELECT COUNT(*) FROM "
                         "request_items i WHERE i.request_number = r.number) <> " +
                         std::to_string(items_per_request)),
              0)
        << "a request with part of its items";
    // Answers lost with the host: at most one checkout in flight per client per kill.
    EXPECT_LE(stored.size(), ledger.requests.size() + kRounds * kBuyers.size());
  }
};

TEST_P(CrashTest, KillNineUnderCheckoutLoadLosesNothingAndRepeatsNoNumber) {
  const auto config = write_config();
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> delay_ms(0, 600);
  Ledger ledger;
  auto host = start_host(config);
  int duplicate_mails = 0;
  for (int round = 0; round < kRounds; ++round) {
    const std::size_t before = ledger.answered();
    std::vector<std::thread> buyers;
    for (const auto& person : kBuyers)
      buyers.emplace_back(order_software, host->port(), person, std::ref(ledger));
    kill_after(*host, ledger, before, std::chrono::milliseconds(delay_ms(random)));
    for (auto& buyer : buyers) buyer.join();
    host = start_host(config);
    check_requests(ledger, 2);
    if (HasFailure()) FAIL() << "round " << round;
  }
  duplicate_mails = check_mail();
  // Each request's submitted mails exist once, however often the host died meanwhile.
  const std::string per_request =
      "SELECT COUNT(*) FROM (SELECT request_number, item_number, to_address, COUNT(*) AS n FROM "
      "outbox GROUP BY request_number, item_number, to_address) c WHERE n <> 1";
  EXPECT_EQ(db().count(per_request), 0);
  EXPECT_EQ(db().count("SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM outbox o "
                       "WHERE o.request_number = r.number)"),
            0);
  EXPECT_LE(duplicate_mails, kRounds) << "more than the one mail in flight per kill came twice";
  const long long stored = db().count("SELECT COUNT(*) FROM requests");
  std::cout << "crash rounds: " << kRounds << ", orders answered 201: " << ledger.requests.size()
            << ", stored: " << stored
            << ", mails queued: " << db().count("SELECT COUNT(*) FROM outbox")
            << ", delivered: " << delivered_mails(inbox()).size()
            << " (same Message-ID twice: " << duplicate_mails << ")\n";
}

/// The fake's call log: successful POSTs to /admin/v1/phones (a phone created).
int phones_created(int port) {
  httplib::Client control("127.0.0.1", port);
  auto result = control.Get("/__fake/log");
  if (!result || result->status != 200) return -1;
  const nlohmann::json log = nlohmann::json::parse(result->body);  // outlives the loop
  int created = 0;
  for (const auto& call : log["calls"])
    created +=
        call["method"] == "POST" && call["path"] == "/admin/v1/phones" && call["status"] == 200;
  return created;
}

nlohmann::json duo_state(int port) {
  httplib::Client control("127.0.0.1", port);
  auto result = control.Get("/__fake/state");
  return result && result->status == 200 ? nlohmann::json::parse(result->body) : nlohmann::json();
}

TEST_P(CrashTest, KillNineDuringDuoJobsFulfilsEachOnceAndDuoEndsRight) {
  write_duo_seed(dir_.path() / "duo");
  FakeDuo duo(dir_.path() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY");
  {  // Every phone creation answers 300 ms late: a kill often lands inside a job.
    httplib::Client control("127.0.0.1", duo.port());
    auto delayed = control.Post("/__fake/delay",
                                R"({"ms": 300, "times": 100000, "method": "POST",
                                    "path_prefix": "/admin/v1/phones"})",
                                "application/json");
    ASSERT_TRUE(delayed && delayed->status == 200);
  }
  const auto config = write_config(automatic_duo_config(duo.port()));
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> delay_ms(0, 900);
  std::atomic<int> next_phone{2000};
  Ledger ledger;
  auto host = start_host(config);
  for (int round = 0; round < kRounds; ++round) {
    const std::size_t before = ledger.answered();
    std::thread dana(order_duo_adds, host->port(), "dcoordinator", "newhire", std::ref(next_phone),
                     std::ref(ledger));
    std::thread priya(order_duo_adds, host->port(), "ppatel", "tessatitan", std::ref(next_phone),
                      std::ref(ledger));
    kill_after(*host, ledger, before, std::chrono::milliseconds(delay_ms(random)));
    dana.join();
    priya.join();
    host = start_host(config);
    check_requests(ledger, 1);
    ASSERT_TRUE(eventually(
        [&] {
          return db().count("SELECT COUNT(*) FROM request_items WHERE state <> 'fulfilled'") == 0;
        },
        30.0))
        << "round " << round << ": a job did not finish after the restart: " << [&] {
             std::string unfinished;
             for (const auto& row : db().rows(
                      "SELECT i.number, i.state, i.reason, COALESCE(j.state, ''), "
                      "COALESCE(j.attempts, 0), COALESCE(j.last_error, '') FROM request_items i "
                      "LEFT JOIN fulfilment_jobs j ON j.item_number = i.number WHERE i.state <> "
                      "'fulfilled'"))
               for (const auto& column : row)
                 unfinished += column + (&column == &row.back() ? "\n" : " | ");
             return unfinished +
                    host->log().substr(host->log().size() > 3000 ? host->log().size() - 3000 : 0);
           }();
    if (HasFailure()) FAIL() << "round " << round;
  }
  // Duo holds exactly the phones of the stored items (and the seed's), each created once.
  const auto stored =
      db().rows("SELECT r.requested_for, " + db().json_member("i.answers", "phone") +
                " FROM request_items i JOIN requests r ON r.number = "
                "i.request_number");
  std::map<std::string, std::set<std::string>> expected{{"newhire", {}},
                                                        {"tessatitan", {"+17145550177"}}};
  for (const auto& row : stored) expected[row[0]].insert(e164(row[1]));
  const nlohmann::json state = duo_state(duo.port());
  for (const auto& [user, phones] : expected) {
    const auto on_duo = state["users"].value(user, std::vector<std::string>{});
    EXPECT_EQ(std::set<std::string>(on_duo.begin(), on_duo.end()), phones) << user;
    EXPECT_EQ(on_duo.size(), phones.size()) << user << " has a phone twice";
  }
  EXPECT_EQ(phones_created(duo.port()), static_cast<int>(stored.size()))
      << "a phone was created twice on Duo";
  {
    std::lock_guard lock(ledger.mutex);
    for (const auto& [item, phone] : ledger.phone_of_item)
      EXPECT_EQ(db().count("SELECT COUNT(*) FROM request_items WHERE number = '" + item + "' AND " +
                           db().json_member("answers", "phone") + " = '" + e164(phone) + "'"),
                1)
          << item;
  }
  // The 'fulfilled' mail: one per item and recipient, never written twice.
  EXPECT_EQ(db().count("SELECT COUNT(*) FROM (SELECT item_number, to_address, COUNT(*) AS n FROM "
                       "outbox WHERE event = 'fulfilled' GROUP BY item_number, to_address) c "
                       "WHERE n <> 1"),
            0);
  EXPECT_EQ(db().count("SELECT COUNT(*) FROM request_items i WHERE NOT EXISTS (SELECT 1 FROM "
                       "outbox o WHERE o.item_number = i.number AND o.event = 'fulfilled')"),
            0);
  const int duplicate_mails = check_mail("event = 'fulfilled'");
  EXPECT_LE(duplicate_mails, kRounds) << "more than the one mail in flight per kill came twice";
  std::cout << "Duo crash rounds: " << kRounds
            << ", orders answered 201: " << ledger.requests.size()
            << ", items stored and fulfilled: " << stored.size()
            << ", phones created on Duo: " << phones_created(duo.port())
            << ", mails queued: " << db().count("SELECT COUNT(*) FROM outbox")
            << ", delivered: " << delivered_mails(inbox()).size()
            << " (same Message-ID twice: " << duplicate_mails << ")\n";
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashTest, testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace servicedesk::test
