// The route groups of the API; each lives in its own routes_*.cpp file.
#pragma once

#include "http/router.hpp"

namespace servicedesk::host {

void add_session_routes(Router& router);
void add_catalog_routes(Router& router);
void add_directory_routes(Router& router);
void add_cart_routes(Router& router);
void add_checkout_routes(Router& router);
void add_request_routes(Router& router);
void add_fulfilment_routes(Router& router);
void add_admin_routes(Router& router);
void add_health_routes(Router& router);

}  // namespace servicedesk::host
