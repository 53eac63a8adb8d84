// The IT staff desk through the real host and DUO plugin: answers by role, sensitive values
// in full only for IT staff (each view logged), the activity log, request states, the queue.
#include <chrono>

#include "../http_front/raw_connection.hpp"
#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using DeskTest = HostApiTest;

struct Submitted {
  std::string request;
  std::string item;
};

Submitted submit_duo(ApiClient& client, const std::string& phone) {
  EXPECT_EQ(client
                .post("/api/cart/items",
                      {{"item", "duo-account-updates"}, {"answers", duo_add_for_newhire(phone)}})
                .status,
            201);
  Reply done = client.post("/api/cart/checkout", {{"requested_for", "newhire"}});
  EXPECT_EQ(done.status, 201) << done.body;
  return {done.json["request"].value("number", ""),
          done.json["request"]["items"][0].value("number", "")};
}

/// The answer `id` of the request's first item, as `reader` sees it.
nlohmann::json answer(const nlohmann::json& request, const std::string& id) {
  for (const auto& entry : request["items"][0]["answers"])
    if (entry["id"] == id) return entry;
  return nullptr;
}

std::vector<std::string> kinds(const nlohmann::json& request) {
  std::vector<std::string> out;
  for (const auto& row : request["activity"]) out.push_back(row["kind"]);
  return out;
}

TEST_F(DeskTest, ItStaffSeeThePhoneInFullAndEachViewIsLogged) {
  ApiClient ditc = as("dcoordinator");
  const Submitted duo = submit_duo(ditc, "714 555 0188");

  // The opener and the Requested For person see their request with the phone masked.
  for (const std::string reader : {"dcoordinator", "newhire"}) {
    const Reply own = as(reader).get("/api/requests/" + duo.request);
    ASSERT_EQ(own.status, 200) << reader;
    const nlohmann::json& request = own.json["request"];
    EXPECT_EQ(request["state"], "open");
    const nlohmann::json phone = answer(request, "phone");
    EXPECT_EQ(phone["label"], "Off-campus phone number");
    EXPECT_EQ(phone["value"], "***-***-0188") << reader;
    EXPECT_EQ(phone["masked"], true);
    EXPECT_FALSE(request.contains("activity")) << reader;
    EXPECT_EQ(own.body.find("7145550188"), std::string::npos);
  }
  EXPECT_EQ(as("tuffytitan").get("/api/requests/" + duo.request).status, 404);

  // IT staff see every answer in form order, the phone in full, and their view is logged.
  ApiClient staff = as("helpdesk");
  const Reply full = staff.get("/api/requests/" + duo.request);
  ASSERT_EQ(full.status, 200);
  const nlohmann::json& request = full.json["request"];
  std::vector<std::string> labels;
  for (const auto& entry : request["items"][0]["answers"]) labels.push_back(entry["label"]);
  EXPECT_EQ(labels, (std::vector<std::string>{"User or account", "Request Type",
                                              "Off-campus phone number"}));
  EXPECT_EQ(answer(request, "account")["value"], "Hire, Nova (newhire)");
  EXPECT_EQ(answer(request, "request_type")["value"], "Add");
  EXPECT_EQ(answer(request, "phone")["value"], "+17145550188");
  EXPECT_EQ(answer(request, "phone")["masked"], false);
  ASSERT_FALSE(request["activity"].empty());
  const nlohmann::json& view = request["activity"][0];
  EXPECT_EQ(view["kind"], "sensitive_viewed");
  EXPECT_EQ(view["actor"], "helpdesk");
  EXPECT_EQ(view["item_number"], duo.item);
  EXPECT_EQ(view["detail"], "viewed phone (Off-campus phone number) in full");
  EXPECT_GT(view["at_ms"].get<long long>(), 0);

  // The same request by its RITM number; the second view is logged again.
  const Reply by_item = staff.get("/api/requests/" + duo.item);
  ASSERT_EQ(by_item.status, 200);
  EXPECT_EQ(by_item.json["request"]["number"], duo.request);
  const auto rows = kinds(by_item.json["request"]);
  EXPECT_EQ(std::count(rows.begin(), rows.end(), "sensitive_viewed"), 2);
  // Never in the log.
  EXPECT_EQ(host().log().find("7145550188"), std::string::npos);
}

/// A POST without a body and without Content-Length, as `curl -X POST` sends it.
std::string post_without_body(int port, const ApiClient& client, const std::string& path) {
  RawConnection raw(port, "127.0.0.1");
  EXPECT_TRUE(raw.send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + client.cookie +
                       "\r\nX-CSRF-Token: " + client.csrf_token + "\r\nConnection: close\r\n\r\n"));
  return raw.read_until_closed(std::chrono::seconds(5));
}

TEST_F(DeskTest, AFulfilWithoutABodyIsAnsweredAtOnceWithTheItemAndLogged) {
  ApiClient ditc = as("dcoordinator");
  const Submitted duo = submit_duo(ditc, "714 555 0177");
  ApiClient staff = as("helpdesk");
  const auto start = std::chrono::steady_clock::now();
  const std::string answer_text =
      post_without_body(host().port(), staff, "/api/fulfilment/" + duo.item + "/fulfil");
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(3));
  ASSERT_EQ(answer_text.rfind("HTTP/1.1 200", 0), 0u) << answer_text;
  const auto body = nlohmann::json::parse(answer_text.substr(answer_text.find("\r\n\r\n") + 4));
  EXPECT_EQ(body["item"]["number"], duo.item);
  EXPECT_EQ(body["item"]["state"], "fulfilled");
  EXPECT_EQ(body["item"]["request_number"], duo.request);

  Reply seen;
  ASSERT_TRUE(eventually([&] {
    seen = staff.get("/api/requests/" + duo.request);
    const auto rows = kinds(seen.json["request"]);
    // Two submitted mails and two fulfilled ones (to the opener and to Requested For).
    return std::count(rows.begin(), rows.end(), "mail_sent") == 4;
  })) << seen.body;
  const nlohmann::json& request = seen.json["request"];
  EXPECT_EQ(request["state"], "closed_complete");
  const auto rows = kinds(request);
  // Newest first: this view, the mails, the job's outcome, the decision, the checkout.
  EXPECT_EQ(rows.front(), "sensitive_viewed");
  EXPECT_EQ(rows.back(), "submitted");
  bool started = false, fulfilled = false;
  for (const auto& row : request["activity"]) {
    if (row["kind"] == "fulfilment_started") {
      started = true;
      EXPECT_EQ(row["actor"], "helpdesk");
    }
    if (row["kind"] == "fulfilled") {
      fulfilled = true;
      EXPECT_NE(row["detail"].get<std::string>().find("0177"), std::string::npos);
      EXPECT_EQ(row["detail"].get<std::string>().find("5550177"), std::string::npos);
    }
  }
  EXPECT_TRUE(started);
  EXPECT_TRUE(fulfilled);
  EXPECT_EQ(as("dcoordinator").get("/api/requests/" + duo.request).json["request"]["state"],
            "closed_complete");
}

TEST_F(DeskTest, ARejectionClosesTheRequestIncompleteWithItsReasonLogged) {
  ApiClient ditc = as("dcoordinator");
  const Submitted duo = submit_duo(ditc, "714 555 0166");
  ApiClient staff = as("helpdesk");
  const Reply rejected = staff.post("/api/fulfilment/" + duo.item + "/reject",
                                    {{"reason", "Nova already has a phone on file."}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json["item"]["state"], "rejected");
  EXPECT_EQ(rejected.json["item"]["number"], duo.item);
  const nlohmann::json request = staff.get("/api/requests/" + duo.request).json["request"];
  EXPECT_EQ(request["state"], "closed_incomplete");
  bool found = false;
  for (const auto& row : request["activity"]) {
    if (row["kind"] != "rejected") continue;
    found = true;
    EXPECT_EQ(row["actor"], "helpdesk");
    EXPECT_EQ(row["detail"], "Nova already has a phone on file.");
  }
  EXPECT_TRUE(found);
}

std::vector<std::string> queue_numbers(ApiClient& staff, const std::string& query) {
  const Reply reply = staff.get("/api/fulfilment/queue?" + query);
  EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
  std::vector<std::string> out;
  for (const auto& item : reply.json["items"]) out.push_back(item["number"]);
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

TEST_F(DeskTest, TheQueueFiltersSearchesAndPages) {
  ApiClient ditc = as("dcoordinator");
  const Submitted first = submit_duo(ditc, "714 555 0155");
  const Submitted second = submit_duo(ditc, "714 555 0144");
  ApiClient staff = as("helpdesk");
  ASSERT_EQ(
      staff.post("/api/fulfilment/" + second.item + "/reject", {{"reason", "Duplicate."}}).status,
      200);

  EXPECT_EQ(queue_numbers(staff, "q=" + first.item), std::vector<std::string>{first.item});
  EXPECT_EQ(queue_numbers(staff, "q=" + first.request), std::vector<std::string>{first.item});
  EXPECT_EQ(queue_numbers(staff, "q=" + second.item), std::vector<std::string>{});  // closed
  EXPECT_EQ(queue_numbers(staff, "state=closed&q=" + second.item),
            std::vector<std::string>{second.item});
  EXPECT_TRUE(contains(queue_numbers(staff, "q=Hire%2C%20Nova&page_size=100"), first.item));
  EXPECT_TRUE(contains(queue_numbers(staff, "q=dcoordinator&page_size=100"), first.item));
  EXPECT_TRUE(queue_numbers(staff, "q=tessatitan").empty());
  EXPECT_TRUE(contains(queue_numbers(staff, "item=duo-account-updates&page_size=100"), first.item));
  EXPECT_TRUE(queue_numbers(staff, "item=request-software&q=" + first.item).empty());
  EXPECT_TRUE(queue_numbers(staff, "older_than_days=1&q=" + first.item).empty());
  EXPECT_EQ(queue_numbers(staff, "older_than_days=0&q=" + first.item),
            std::vector<std::string>{first.item});

  // Oldest first by default, newest first on request; pages keep the total.
  const Reply all = staff.get("/api/fulfilment/queue?state=all&page_size=1");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json["items"].size(), 1u);
  EXPECT_GE(all.json["total"].get<int>(), 2);
  EXPECT_EQ(all.json["page_size"], 1);
  const Reply newest = staff.get("/api/fulfilment/queue?state=all&order=newest&page_size=1");
  EXPECT_EQ(newest.json["items"][0]["number"], second.item);
  const Reply page2 = staff.get("/api/fulfilment/queue?state=all&page_size=1&page=2");
  EXPECT_NE(page2.json["items"][0]["number"], all.json["items"][0]["number"]);
  EXPECT_EQ(page2.json["page"], 2);
  EXPECT_GT(all.json["items"][0]["created_at_ms"].get<long long>(), 0);

  for (const std::string& bad : std::vector<std::string>{
           "state=lost", "page_size=101", "page_size=0", "page=0", "older_than_days=-1",
           "older_than_days=x", "order=random", "q=" + std::string(201, 'a')}) {
    const Reply refused = staff.get("/api/fulfilment/queue?" + bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_FALSE(refused.error().empty()) << bad;
  }
  EXPECT_EQ(ditc.get("/api/fulfilment/queue?state=all").status, 403);
  ApiClient stranger(host().port());
  EXPECT_EQ(stranger.get("/api/fulfilment/queue").status, 401);
}

}  // namespace
}  // namespace servicedesk::test
