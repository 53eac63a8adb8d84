// IT staff's working queue: filters, search by number or person, oldest first, paged.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "usecases/desk.hpp"

namespace servicedesk::host {

/// The queue's filters as staff send them; each may be absent.
struct QueueInput {
  std::optional<std::string> item;   ///< a catalog item id
  std::optional<std::string> state;  ///< active (default), open, fulfilling, failed, closed, all
  std::optional<std::string> older_than_days;  ///< whole days, 0..3650
  std::optional<std::string> q;          ///< a REQ or RITM number, or a person (name or username)
  std::optional<std::string> order;      ///< oldest (default) or newest
  std::optional<std::string> page;       ///< from 1
  std::optional<std::string> page_size;  ///< 1..100, default 25
};

/// One page of the queue, or the refusal: not IT staff (forbidden), a filter that makes no
/// sense (bad_input, naming it).
struct WorkQueue {
  Outcome outcome;
  QueuePage page;
  std::size_t page_number = 1;
  std::size_t page_size = 25;
};
WorkQueue working_queue(const Desk& desk, const Requester& requester, const QueueInput& input);

}  // namespace servicedesk::host
