// GET /api/directory/search?q=&kind=person|administrative|any
#include "http/json_io.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {

void add_directory_routes(Router& router) {
  ApiContext& context = router.context();
  router.get("/api/directory/search", Access::session, [&context](Call& call) {
    const std::string query = call.req.get_param_value("q");
    const std::string kind_text =
        call.req.has_param("kind") ? call.req.get_param_value("kind") : "any";
    KindFilter kind;
    if (kind_text == "any") {
      kind = KindFilter::any;
    } else if (kind_text == "person") {
      kind = KindFilter::person;
    } else if (kind_text == "administrative") {
      kind = KindFilter::administrative;
    } else {
      send_error(call.res, 400, "\"kind\" must be person, administrative or any.");
      return;
    }
    if (query.size() > 200) {
      send_error(call.res, 400, "\"q\" is too long.");
      return;
    }
    nlohmann::json results = nlohmann::json::array();
    for (const DirectoryEntry* entry : context.directory.search(query, kind, 20)) {
      results.push_back({{"username", entry->username},
                         {"display_name", entry->display_name},
                         {"kind", std::string(to_string(entry->kind))},
                         {"department", entry->department}});
    }
    send_json(call.res, 200, {{"results", std::move(results)}});
  });
}

}  // namespace servicedesk::host
