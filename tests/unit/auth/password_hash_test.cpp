// Per-person hashes: interactive cost, right and wrong passwords, no hash never matches.
#include "auth/password_hash.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace servicedesk::host {
namespace {

TEST(PasswordHash, HashesAtInteractiveCostAndChecks) {
  const std::string hash = hash_password("tuffy's own");
  ASSERT_FALSE(hash.empty());
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(hash.find("m=65536"), std::string::npos) << "64 MiB: libsodium's interactive limit";
  EXPECT_EQ(crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_TRUE(password_matches(hash, "tuffy's own"));
  EXPECT_FALSE(password_matches(hash, "tuffy's owN"));
  EXPECT_NE(hash_password("tuffy's own"), hash) << "salted";
}

TEST(PasswordHash, NoHashNeverMatches) {
  EXPECT_FALSE(password_matches("", ""));
  EXPECT_FALSE(password_matches("", "no person has this password"));
}

}  // namespace
}  // namespace servicedesk::host
