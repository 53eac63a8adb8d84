// A request as its reader may see it; IT staff's full views of sensitive answers are logged.
#include "usecases/request_view.hpp"

#include <spdlog/spdlog.h>

#include "usecases/answer_view.hpp"
#include "usecases/request_state.hpp"

namespace servicedesk::host {
namespace {

/// The fields an item's answers are read with: its recorded version, else the live form's.
nlohmann::json fields_of(const Desk& desk, const RequestItemRecord& item) {
  if (item.form_fields.is_array()) return item.form_fields;
  auto form = desk.catalog.find(item.item_id);
  return form ? form_version_fields(*form) : nlohmann::json::array();
}

/// The request a REQ number names, or the one a RITM belongs to.
std::optional<RequestRecord> find_request(const Desk& desk, std::string_view number) {
  if (number.substr(0, 4) == "RITM") {
    auto item = desk.store.request_item(number);
    if (!item) return std::nullopt;
    return desk.store.request(item->request_number);
  }
  return desk.store.request(number);
}

std::vector<nlohmann::json> read_answers(const Desk& desk, const RequestRecord& request,
                                         bool reveal, std::vector<ActivityEntry>* views,
                                         const std::string& reader) {
  std::vector<nlohmann::json> out;
  for (const auto& item : request.items) {
    std::vector<std::string> revealed;
    out.push_back(
        answers_json(fields_of(desk, item), item.answers, desk.directory, {reveal, &revealed}));
    if (views == nullptr) continue;
    for (auto& field : revealed) {
      views->push_back({0, request.number, item.number, 0, reader, "sensitive_viewed",
                        "viewed " + field + " in full"});
    }
  }
  return out;
}

}  // namespace

RequestPage show_request(const Desk& desk, const Requester& requester, std::string_view number) {
  RequestPage page;
  auto request = find_request(desk, number);
  page.staff = is_staff(requester);
  // Someone else's request is answered like a missing one: numbers are not secrets, but who
  // asked for what is.
  if (!request || (request->opened_by != requester.username &&
                   request->requested_for != requester.username && !page.staff)) {
    page.outcome = Outcome::refuse(Refusal::not_found, "No such request.");
    return page;
  }
  page.state = request_state(request->items);
  if (page.staff) {
    std::vector<ActivityEntry> views;
    page.answers = read_answers(desk, *request, true, &views, requester.username);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    for (auto& view : views) view.at_ms = now;
    if (!views.empty() && !desk.store.record_activity(views)) {
      spdlog::warn(
          "request {}: a full view of sensitive answers could not be logged; shown "
          "masked",
          request->number);
      page.answers = read_answers(desk, *request, false, nullptr, requester.username);
    }
    page.activity = desk.store.activity(request->number);
  } else {
    page.answers = read_answers(desk, *request, false, nullptr, requester.username);
  }
  page.request = std::move(request);
  return page;
}

std::vector<OwnRequest> own_requests(const Desk& desk, const Requester& requester) {
  std::vector<OwnRequest> out;
  for (auto& request : desk.store.requests_for(requester.username)) {
    std::string state = request_state(request.items);
    out.push_back({std::move(request), std::move(state)});
  }
  return out;
}

}  // namespace servicedesk::host
