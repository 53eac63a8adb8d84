// Duo Admin API request signing, scheme v5 (HMAC-SHA512), as Duo's official clients do it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace servicedesk::duo {

/// Parameters as text pairs; numbers and booleans are already text.
using DuoParams = std::vector<std::pair<std::string, std::string>>;

/// Everything the v5 signature covers.
struct RequestToSign {
  std::string date;         ///< the exact bytes of the `Date` header
  std::string method;       ///< "GET", "POST", "DELETE"
  std::string host;         ///< the API host name the request is signed for
  std::string path;         ///< "/admin/v1/users"
  DuoParams query;          ///< query parameters (GET, DELETE); empty for POST
  std::string body;         ///< the exact body bytes (POST); empty otherwise
  DuoParams x_duo_headers;  ///< headers whose name starts with `x-duo` (usually none)
};

/// Percent-encodes UTF-8 bytes: only A-Z a-z 0-9 - _ . ~ stay; upper-case hex.
std::string duo_percent_encode(std::string_view text);
/// Encodes each pair, sorts by key then value (byte-wise), joins `k=v` with `&`.
std::string canonical_params(const DuoParams& params);
/// The seven `\n`-joined lines v5 signs.
std::string canonical_v5(const RequestToSign& request);
/// `Basic base64(ikey ":" hex(HMAC-SHA512(skey, canonical_v5)))`.
std::string authorization_v5(const RequestToSign& request, std::string_view ikey,
                             std::string_view skey);
/// RFC 2822 in UTC: "Tue, 21 Aug 2012 17:29:18 -0000".
std::string rfc2822_date(std::chrono::system_clock::time_point when);
/// Lower-case hex SHA-512 of `bytes`.
std::string sha512_hex(std::string_view bytes);

}  // namespace servicedesk::duo
