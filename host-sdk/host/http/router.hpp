// Registers routes with their access rule; logs, counts and guards every call.
#pragma once

#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "http/api_context.hpp"
#include "http/message.hpp"

namespace servicedesk::host {

/// Who may call a route.
enum class Access {
  open,          ///< anyone (log-in, liveness)
  session,       ///< a logged-in user
  session_csrf,  ///< a logged-in user sending the session's X-CSRF-Token
};

/// One call as a handler sees it.
struct Call {
  const Request& req;
  Response& res;
  const Session* session;  ///< set unless the route is open
};

using RouteHandler = std::function<void(Call&)>;

/// The route table: each route has a method, a pattern (a literal path or a regular
/// expression whose groups land in `req.matches`), a label (for logs and metrics) and an
/// access rule checked before the handler runs. A handler that throws answers 500 with a
/// JSON error; it never takes the server down.
class Router {
 public:
  explicit Router(ApiContext& context) : context_(context) {}

  void get(const std::string& pattern, Access access, RouteHandler handler);
  void post(const std::string& pattern, Access access, RouteHandler handler);
  void del(const std::string& pattern, Access access, RouteHandler handler);

  ApiContext& context() { return context_; }

  /// Runs the route matching `req` (HEAD runs the GET route); false when none matches.
  bool dispatch(Request& req, Response& res) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::optional<std::regex> regex;  ///< unset for a literal path
    std::string literal_prefix;       ///< what a path must start with to be worth a regex
    std::function<void(const Request&, Response&)> handler;
  };
  void add(const char* method, const std::string& pattern, Access access, RouteHandler handler);
  std::function<void(const Request&, Response&)> wrap(const std::string& pattern, Access access,
                                                      RouteHandler handler);

  ApiContext& context_;
  std::vector<Route> routes_;
};

/// The route label and user of the call this thread is serving (for the access log).
struct CallTrace {
  std::string route;
  std::string user;
};
CallTrace& current_trace();

/// The session id from the request's cookie, or empty.
std::string session_cookie(const Request& req);
/// The cookie's name.
inline constexpr const char* kSessionCookie = "sd_session";

}  // namespace servicedesk::host
