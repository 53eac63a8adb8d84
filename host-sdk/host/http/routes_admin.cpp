// The catalog as its administrators see it: GET /api/admin/catalog (each file's status),
// GET /api/admin/catalog/{id}/versions, GET /api/catalog/drafts and /api/catalog/drafts/{id}.
#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"
#include "usecases/catalog_admin.hpp"
#include "usecases/drafts.hpp"

namespace servicedesk::host {
namespace {

void send_read(Response& res, const CatalogRead& read) {
  if (!read.outcome.ok()) {
    send_refusal(res, read.outcome);
    return;
  }
  send_json(res, 200, read.body);
}

}  // namespace

void add_admin_routes(Router& router) {
  ApiContext& context = router.context();
  router.get("/api/admin/catalog", Access::session, [&context](Call& call) {
    send_read(call.res, catalog_status(desk_of(context), requester_of(call)));
  });
  router.get(R"(/api/admin/catalog/([^/]+)/versions)", Access::session, [&context](Call& call) {
    std::optional<std::string> limit;
    if (call.req.has_param("limit")) limit = call.req.get_param_value("limit");
    send_read(call.res, form_versions(desk_of(context), requester_of(call),
                                      call.req.matches[1].str(), limit));
  });
  router.get("/api/catalog/drafts", Access::session, [&context](Call& call) {
    send_read(call.res, list_drafts(desk_of(context), requester_of(call)));
  });
  router.get(R"(/api/catalog/drafts/([^/]+))", Access::session, [&context](Call& call) {
    send_read(call.res,
              draft_view(desk_of(context), requester_of(call), call.req.matches[1].str()));
  });
}

}  // namespace servicedesk::host
