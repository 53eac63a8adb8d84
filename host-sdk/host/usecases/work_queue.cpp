// IT staff's working queue: filters checked and turned into one store query.
#include "usecases/work_queue.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace servicedesk::host {
namespace {

constexpr std::size_t kMaxPageSize = 100;
constexpr std::size_t kMaxQuery = 200;
constexpr std::size_t kMaxPeople = 20;

/// A whole number in [low, high], or nothing.
std::optional<long long> whole(const std::string& text, long long low, long long high) {
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  const long long value = std::stoll(text);
  if (value < low || value > high) return std::nullopt;
  return value;
}

std::optional<std::vector<std::string>> states_of(const std::string& name) {
  if (name == "active") return std::vector<std::string>{"open", "fulfilling", "failed"};
  if (name == "closed") return std::vector<std::string>{"fulfilled", "rejected"};
  if (name == "all")
    return std::vector<std::string>{"open", "fulfilling", "failed", "fulfilled", "rejected"};
  if (name == "open" || name == "fulfilling" || name == "failed" || name == "fulfilled" ||
      name == "rejected")
    return std::vector<std::string>{name};
  return std::nullopt;
}

/// "REQ0000001" or "RITM0000001" in any case, else nothing.
std::optional<std::string> number_in(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string prefix : {"REQ", "RITM"}) {
    if (text.size() == prefix.size() + 7 && text.compare(0, prefix.size(), prefix) == 0 &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(prefix.size()), text.end(),
                    [](unsigned char c) { return std::isdigit(c); }))
      return text;
  }
  return std::nullopt;
}

Outcome bad(std::string message) {
  return Outcome::refuse(Refusal::bad_input, std::move(message));
}

}  // namespace

WorkQueue working_queue(const Desk& desk, const Requester& requester, const QueueInput& input) {
  WorkQueue out;
  if (!is_staff(requester)) {
    out.outcome =
        Outcome::refuse(Refusal::forbidden, "Only IT staff can see the fulfilment queue.");
    return out;
  }
  QueueQuery query;
  if (input.state) {
    auto states = states_of(*input.state);
    if (!states) {
      out.outcome = bad("Unknown state '" + input.state->substr(0, 40) +
                        "'; expected active, open, fulfilling, failed, fulfilled, rejected, "
                        "closed or all.");
      return out;
    }
    query.states = std::move(*states);
  }
  if (input.item) {
    if (input.item->size() > kMaxQuery) {
      out.outcome = bad("The item filter is too long.");
      return out;
    }
    query.item_id = *input.item;
  }
  if (input.older_than_days) {
    auto days = whole(*input.older_than_days, 0, 3650);
    if (!days) {
      out.outcome = bad("older_than_days must be a whole number of days from 0 to 3650.");
      return out;
    }
    const auto cutoff = std::chrono::system_clock::now() - std::chrono::hours(24 * *days);
    query.created_before_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(cutoff.time_since_epoch()).count();
  }
  if (input.q && !input.q->empty()) {
    if (input.q->size() > kMaxQuery) {
      out.outcome = bad("The search is too long.");
      return out;
    }
    if (auto number = number_in(*input.q)) {
      query.number = *number;
    } else {
      for (const DirectoryEntry* entry :
           desk.directory.search(*input.q, KindFilter::any, kMaxPeople))
        query.people.push_back(entry->username);
      if (query.people.empty()) query.people.push_back(*input.q);  // matches nobody, or a gone user
    }
  }
  if (input.order) {
    if (*input.order != "oldest" && *input.order != "newest") {
      out.outcome = bad("order must be oldest or newest.");
      return out;
    }
    query.newest_first = *input.order == "newest";
  }
  if (input.page_size) {
    auto size = whole(*input.page_size, 1, static_cast<long long>(kMaxPageSize));
    if (!size) {
      out.outcome = bad("page_size must be a whole number from 1 to 100.");
      return out;
    }
    out.page_size = static_cast<std::size_t>(*size);
  }
  if (input.page) {
    auto page = whole(*input.page, 1, 100000);
    if (!page) {
      out.outcome = bad("page must be a whole number from 1.");
      return out;
    }
    out.page_number = static_cast<std::size_t>(*page);
  }
  query.limit = out.page_size;
  query.offset = (out.page_number - 1) * out.page_size;
  try {
    out.page = desk.store.queue(query);
  } catch (const std::exception&) {
    out.outcome = Outcome::refuse(Refusal::unavailable, "The queue cannot be read now; try again.");
  }
  return out;
}

}  // namespace servicedesk::host
