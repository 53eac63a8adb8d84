// Host side: where a handler that threw (or answered what the host cannot use) is reported.
#pragma once

#include <string>
#include <string_view>

namespace servicedesk {

/// The sentence a requester sees when a rule could not run; it tells nothing of the cause.
inline constexpr std::string_view kAnswerNotChecked =
    "This answer could not be checked right now. Try again, or contact the IT Help Desk.";
/// The sentence a requester sees when a checkout guard could not run.
inline constexpr std::string_view kCartNotChecked =
    "Your cart could not be checked right now. Try again, or contact the IT Help Desk.";

/// Which bound handler failed, and where.
struct HandlerFailure {
  std::string_view kind;     ///< "field rule", "checkout guard", ...
  std::string_view handler;  ///< the name YAML binds it by
  std::string_view plugin;   ///< the plugin that registered it
  std::string_view item;     ///< the catalog item id
  std::string_view path;     ///< the field path ("members[1].phone"); "" for the whole form
  std::string_view what;     ///< the exception's text, or why the answer was unusable
};

/// Receives every handler failure once. Implementations are thread-safe (handlers run on
/// every request thread) and never throw.
class HandlerFailureSink {
 public:
  virtual ~HandlerFailureSink() = default;
  virtual void report(const HandlerFailure& failure) const noexcept = 0;
};

/// The name and plugin of one bound handler, for reports.
struct HandlerOrigin {
  std::string name;
  std::string plugin;
};

}  // namespace servicedesk
