// GET /api/admin/catalog: each catalog YAML file's load status and errors (staff only).
#include "http/json_io.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {

void add_admin_routes(Router& router) {
  ApiContext& context = router.context();
  router.get("/api/admin/catalog", Access::session, [&context](Call& call) {
    if (!call.session->has_role("it_staff") && !call.session->has_role("admin")) {
      send_error(call.res, 403, "Only IT staff can see the catalog status.");
      return;
    }
    send_json(call.res, 200, context.catalog.status());
  });
}

}  // namespace servicedesk::host
