// GET /healthz (liveness, open) and GET /metrics (Prometheus text, IT staff or a token).
#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

/// Whether the caller may read the metrics; writes 401 or 403 when not.
bool may_read_metrics(ApiContext& context, const Request& req, Response& res) {
  const std::string authorization = req.get_header_value("Authorization");
  const std::string bearer = "Bearer ";
  if (!context.metrics_token.empty() && authorization.rfind(bearer, 0) == 0 &&
      same_token(std::string_view(authorization).substr(bearer.size()), context.metrics_token))
    return true;
  const std::string id = session_cookie(req);
  auto session = id.empty() ? std::nullopt : context.sessions.find(id);
  if (!session) {
    send_error(res, 401, "Log in first, or send the metrics token.");
    return false;
  }
  current_trace().user = session->username;
  if (!is_staff(Requester{session->username, session->roles}) && !session->has_role("admin")) {
    send_error(res, 403, "Only IT staff can read the metrics.");
    return false;
  }
  return true;
}

}  // namespace

void add_health_routes(Router& router) {
  ApiContext& context = router.context();
  router.get("/healthz", Access::open, [&context](Call& call) {
    nlohmann::json health = {{"status", "ok"}};
    // Still alive when the directory server is not: report it, keep answering 200.
    if (context.identity && context.identity->directory_health) {
      health["directory"] = context.identity->directory_health();
      if (health["directory"].value("stale", false)) health["status"] = "degraded";
    }
    // The database is reported too; without it the host answers 503 to what needs it.
    if (context.store_health) {
      std::string detail;
      const bool up = context.store_health(detail);
      health["store"] = {{"backend", detail}, {"reachable", up}};
      if (!up) health["status"] = "degraded";
    }
    send_json(call.res, 200, health);
  });
  router.get("/metrics", Access::open, [&context](Call& call) {
    if (!may_read_metrics(context, call.req, call.res)) return;
    call.res.status = 200;
    call.res.set_content(context.metrics.render(context.metric_sources),
                         "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace servicedesk::host
