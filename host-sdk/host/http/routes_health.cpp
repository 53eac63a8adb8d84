// GET /healthz (liveness, open) and GET /metrics (Prometheus text).
#include "http/json_io.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {

void add_health_routes(Router& router) {
  ApiContext& context = router.context();
  router.get("/healthz", Access::open, [&context](Call& call) {
    nlohmann::json health = {{"status", "ok"}};
    // Still alive when the directory server is not: report it, keep answering 200.
    if (context.identity && context.identity->directory_health) {
      health["directory"] = context.identity->directory_health();
      if (health["directory"].value("stale", false)) health["status"] = "degraded";
    }
    send_json(call.res, 200, health);
  });
  router.get("/metrics", Access::session, [&context](Call& call) {
    call.res.status = 200;
    call.res.set_content(context.metrics.render(context.metric_sources),
                         "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace servicedesk::host
