// trusted_header mode on an HTTP request: the proxy's word on who is calling, or a refusal.
#pragma once

#include <httplib.h>

#include "http/identity.hpp"

namespace servicedesk::host {

/// Runs the gate over the request's peer address and headers; logs every refusal.
TrustedIdentity proxy_identity(const TrustedHeaderGate& gate, const httplib::Request& req);

}  // namespace servicedesk::host
