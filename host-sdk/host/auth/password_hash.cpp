// libsodium's Argon2id behind the host's local log-in.
#include "auth/password_hash.hpp"

#include <semaphore>

#include <sodium.h>

namespace servicedesk::host {
namespace {

// Bounds the memory a burst of log-ins can take: 4 x 64 MiB.
std::counting_semaphore<4> checks_at_once(4);

const std::string& dummy_hash() {
  static const std::string hash = hash_password("no person has this password");
  return hash;
}

}  // namespace

std::string hash_password(std::string_view password) {
  if (sodium_init() < 0) return {};
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return {};
  return hash;
}

bool password_matches(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  const std::string& checked = hash.empty() ? dummy_hash() : hash;
  checks_at_once.acquire();
  const bool same =
      crypto_pwhash_str_verify(checked.c_str(), password.data(), password.size()) == 0;
  checks_at_once.release();
  return same && !hash.empty();
}

}  // namespace servicedesk::host
