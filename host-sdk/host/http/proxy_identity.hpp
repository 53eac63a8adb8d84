// trusted_header mode on an HTTP request: the proxy's word on who is calling, or a refusal.
#pragma once

#include "http/identity.hpp"
#include "http/message.hpp"

namespace servicedesk::host {

/// Runs the gate over the request's peer address and headers; logs every refusal.
TrustedIdentity proxy_identity(const TrustedHeaderGate& gate, const Request& req);

}  // namespace servicedesk::host
