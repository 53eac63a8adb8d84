// Routes the audit line of each Duo call to the fulfilment that made it (by its RITM tag).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace servicedesk::duo {

/// While a fulfilment of one RITM runs, the Duo calls tagged with that RITM are copied into
/// its sink (FulfilmentFeedback::activity), which the host writes to the request's activity
/// log. Lines hold method, path and status only, never a phone. Thread-safe.
class CallJournal {
 public:
  /// Collects the calls tagged `tag` into `sink` for as long as it lives.
  class Scope {
   public:
    Scope(CallJournal& journal, std::string tag, std::vector<std::string>* sink);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    CallJournal& journal_;
    std::string tag_;
    bool open_ = false;
  };

  /// Adds `line` to the sink of `tag`, if a scope collects it.
  void note(std::string_view tag, const std::string& line);

 private:
  std::mutex mutex_;
  std::map<std::string, std::vector<std::string>*, std::less<>> sinks_;
};

}  // namespace servicedesk::duo
