// Access checks and failure containment around every route handler.
#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include "http/json_io.hpp"
#include "http/log_escape.hpp"
#include "http/proxy_identity.hpp"

namespace servicedesk::host {

CallTrace& current_trace() {
  thread_local CallTrace trace;
  return trace;
}

std::string session_cookie(const Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string prefix = std::string(kSessionCookie) + "=";
  std::size_t pos = 0;
  while (pos < cookies.size()) {
    std::size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::size_t start = cookies.find_first_not_of(' ', pos);
    if (start != std::string::npos && start < end &&
        cookies.compare(start, prefix.size(), prefix) == 0)
      return cookies.substr(start + prefix.size(), end - start - prefix.size());
    pos = end + 1;
  }
  return {};
}

namespace {

/// "/api/requests/([^/]+)" -> "/api/requests/{}": a label with no regular expression in it.
std::string route_label(std::string pattern) {
  const std::string group = "([^/]+)";
  for (auto at = pattern.find(group); at != std::string::npos; at = pattern.find(group, at))
    pattern.replace(at, group.size(), "{}");
  return pattern;
}

/// The database is away for now: 503 with a hint to retry, rather than a 500.
void send_store_unavailable(Response& res, const std::string& label, const StoreUnavailable& e) {
  spdlog::warn("{}: store unavailable ({})", label, log_safe(e.what()));
  res.set_header("Retry-After", "2");
  send_error(res, 503, "The service desk's database is unavailable; try again shortly.");
}

}  // namespace

std::function<void(const Request&, Response&)> Router::wrap(const std::string& pattern,
                                                            Access access, RouteHandler handler) {
  return [context = &context_, label = route_label(pattern), access, handler = std::move(handler)](
             const Request& req, Response& res) {
    current_trace().route = label;
    std::optional<Session> session;
    if (access != Access::open) {
      const std::string id = session_cookie(req);
      try {
        if (!id.empty()) session = context->sessions.find(id);
      } catch (const StoreUnavailable& e) {
        send_store_unavailable(res, label, e);
        return;
      }
      if (!session) {
        send_error(res, 401, "Log in first.");
        return;
      }
      current_trace().user = session->username;
      // Behind a single sign-on proxy, each call must still come through it, as this user.
      if (const Identity* identity = context->identity; identity && identity->gate) {
        const TrustedIdentity proxied = proxy_identity(*identity->gate, req);
        if (!proxied.ok() || proxied.username != session->username) {
          send_error(res, 401, "Log in through the single sign-on proxy.");
          return;
        }
      }
      if (access == Access::session_csrf &&
          !same_token(req.get_header_value("X-CSRF-Token"), session->csrf_token)) {
        send_error(res, 403, "Missing or wrong X-CSRF-Token header.");
        return;
      }
    }
    Call call{req, res, session ? &*session : nullptr};
    try {
      handler(call);
    } catch (const nlohmann::json::exception& e) {
      // A JSON type mismatch can only come from input a handler did not check well enough.
      spdlog::warn("{} {}: rejected input ({})", log_safe(req.method), label, e.id);
      send_error(res, 400, "The request body has an unexpected shape.");
    } catch (const StoreUnavailable& e) {
      send_store_unavailable(res, label, e);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", log_safe(req.method), label, log_safe(e.what()));
      send_error(res, 500, "Internal error.");
    }
  };
}

void Router::add(const char* method, const std::string& pattern, Access access,
                 RouteHandler handler) {
  Route route{method, pattern, std::nullopt, {}, wrap(pattern, access, std::move(handler))};
  const auto special = pattern.find_first_of("()[]*+?\\|^$.{}");
  if (special != std::string::npos) {
    route.regex.emplace(pattern);
    route.literal_prefix = pattern.substr(0, special);
  }
  routes_.push_back(std::move(route));
}

void Router::get(const std::string& pattern, Access access, RouteHandler handler) {
  add("GET", pattern, access, std::move(handler));
}

void Router::post(const std::string& pattern, Access access, RouteHandler handler) {
  add("POST", pattern, access, std::move(handler));
}

void Router::del(const std::string& pattern, Access access, RouteHandler handler) {
  add("DELETE", pattern, access, std::move(handler));
}

bool Router::dispatch(Request& req, Response& res) const {
  // Both arms string_view: a `"GET" : req.method` conditional would be a temporary std::string.
  const std::string_view method =
      req.method == "HEAD" ? std::string_view{"GET"} : std::string_view{req.method};
  for (const auto& route : routes_) {
    if (route.method != method) continue;
    const bool matched = route.regex ? req.path.starts_with(route.literal_prefix) &&
                                           std::regex_match(req.path, req.matches, *route.regex)
                                     : route.pattern == req.path;
    if (matched) {
      route.handler(req, res);
      return true;
    }
  }
  return false;
}

}  // namespace servicedesk::host
