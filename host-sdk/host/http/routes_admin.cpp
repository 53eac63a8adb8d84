// GET /api/admin/catalog: each catalog YAML file's load status and errors (staff only).
#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {

void add_admin_routes(Router& router) {
  ApiContext& context = router.context();
  router.get("/api/admin/catalog", Access::session, [&context](Call& call) {
    if (!is_staff(requester_of(call)) && !call.session->has_role("admin")) {
      send_error(call.res, 403, "Only IT staff can see the catalog status.");
      return;
    }
    send_json(call.res, 200, context.catalog.status());
  });
}

}  // namespace servicedesk::host
