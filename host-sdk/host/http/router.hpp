// Registers routes with their access rule; logs, counts and guards every call.
#pragma once

#include <functional>
#include <string>

#include <httplib.h>

#include "http/api_context.hpp"

namespace servicedesk::host {

/// Who may call a route.
enum class Access {
  open,          ///< anyone (log-in, liveness)
  session,       ///< a logged-in user
  session_csrf,  ///< a logged-in user sending the session's X-CSRF-Token
};

/// One call as a handler sees it.
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  const Session* session;  ///< set unless the route is open
};

using RouteHandler = std::function<void(Call&)>;

/// Wraps httplib's routing: each route has a label (its pattern, for logs and metrics)
/// and an access rule checked before the handler runs. A handler that throws answers 500
/// with a JSON error; it never takes the server down.
class Router {
 public:
  Router(httplib::Server& server, ApiContext& context) : server_(server), context_(context) {}

  void get(const std::string& pattern, Access access, RouteHandler handler);
  void post(const std::string& pattern, Access access, RouteHandler handler);
  void del(const std::string& pattern, Access access, RouteHandler handler);

  ApiContext& context() { return context_; }

 private:
  httplib::Server::Handler wrap(const std::string& pattern, Access access, RouteHandler handler);

  httplib::Server& server_;
  ApiContext& context_;
};

/// The route label and user of the call this thread is serving (for the access log).
struct CallTrace {
  std::string route;
  std::string user;
};
CallTrace& current_trace();

/// The session id from the request's cookie, or empty.
std::string session_cookie(const httplib::Request& req);
/// The cookie's name.
inline constexpr const char* kSessionCookie = "sd_session";

}  // namespace servicedesk::host
