// Per-person password hashes (libsodium crypto_pwhash, interactive cost) and their check.
#pragma once

#include <string>
#include <string_view>

namespace servicedesk::host {

/// crypto_pwhash_str of `password` with libsodium's interactive limits (Argon2id, 64 MiB);
/// empty when libsodium fails. What `servicedesk-host hash-password` prints.
std::string hash_password(std::string_view password);

/// Whether `password` matches `hash`. An empty `hash` (unknown person, no hash) is checked
/// against a dummy hash, so the answer takes as long as for a real person and never matches.
/// At most a few checks run at once: each takes 64 MiB for about a tenth of a second.
bool password_matches(const std::string& hash, std::string_view password);

}  // namespace servicedesk::host
