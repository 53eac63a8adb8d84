// Routes the audit line of each Duo call to the fulfilment that made it.
#include "call_journal.hpp"

namespace servicedesk::duo {

CallJournal::Scope::Scope(CallJournal& journal, std::string tag, std::vector<std::string>* sink)
    : journal_(journal), tag_(std::move(tag)) {
  if (sink == nullptr) return;
  std::lock_guard lock(journal_.mutex_);
  open_ = journal_.sinks_.emplace(tag_, sink).second;  // one fulfilment per RITM at a time
}

CallJournal::Scope::~Scope() {
  if (!open_) return;
  std::lock_guard lock(journal_.mutex_);
  journal_.sinks_.erase(tag_);
}

void CallJournal::note(std::string_view tag, const std::string& line) {
  std::lock_guard lock(mutex_);
  auto it = sinks_.find(tag);
  if (it != sinks_.end()) it->second->push_back(line);
}

}  // namespace servicedesk::duo
