// Reads the trusted headers off a request and logs refusals.
#include "http/proxy_identity.hpp"

#include <spdlog/spdlog.h>

namespace servicedesk::host {

TrustedIdentity proxy_identity(const TrustedHeaderGate& gate, const Request& req) {
  const auto& settings = gate.settings();
  TrustedIdentity identity =
      gate.check(req.remote_addr, req.get_header_value(settings.secret_header),
                 req.get_header_value(settings.header));
  if (!identity.ok())
    spdlog::warn("trusted_header: refused {} {}: {}", req.method, loggable(req.path),
                 identity.refusal);
  return identity;
}

}  // namespace servicedesk::host
