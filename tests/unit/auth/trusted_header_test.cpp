// trusted_header mode: the proxy's address AND its secret, then a plain user name.
#include "auth/trusted_header.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace servicedesk::host {
namespace {

using ::testing::HasSubstr;

TrustedHeaderSettings settings(std::vector<std::string> proxies) {
  TrustedHeaderSettings s;
  s.proxies = std::move(proxies);
  s.secret = "s3cret-from-env";
  return s;
}

TEST(TrustedHeaderGate, AllowedProxyWithSecretNamesTheUser) {
  std::string error;
  auto gate = TrustedHeaderGate::make(settings({"127.0.0.1/32", "10.1.0.0/16"}), error);
  ASSERT_TRUE(gate) << error;
  auto identity = gate->check("127.0.0.1", "s3cret-from-env", "DCoordinator");
  EXPECT_TRUE(identity.ok()) << identity.refusal;
  EXPECT_EQ(identity.username, "dcoordinator");
  EXPECT_TRUE(gate->check("10.1.200.7", "s3cret-from-env", "tuffytitan").ok());
  EXPECT_TRUE(gate->check("::ffff:10.1.2.3", "s3cret-from-env", "tuffytitan").ok());
}

TEST(TrustedHeaderGate, OtherSourcesMissingOrWrongSecretAndOddNamesAreRefused) {
  std::string error;
  auto gate = TrustedHeaderGate::make(settings({"127.0.0.1/32", "10.1.0.0/16"}), error);
  ASSERT_TRUE(gate);
  EXPECT_THAT(gate->check("10.2.0.1", "s3cret-from-env", "dana").refusal,
              HasSubstr("not a configured proxy"));
  EXPECT_THAT(gate->check("127.0.0.1", "", "dana").refusal,
              HasSubstr("without the X-Proxy-Secret"));
  EXPECT_THAT(gate->check("127.0.0.1", "s3cret-from-enw", "dana").refusal, HasSubstr("wrong"));
  EXPECT_THAT(gate->check("127.0.0.1", "s3cret", "dana").refusal, HasSubstr("wrong"));
  EXPECT_THAT(gate->check("127.0.0.1", "s3cret-from-env", "").refusal,
              HasSubstr("without the X-Remote-User"));
  EXPECT_FALSE(gate->check("127.0.0.1", "s3cret-from-env", "dana; drop").ok());
  EXPECT_FALSE(gate->check("not an address", "s3cret-from-env", "dana").ok());
}

TEST(TrustedHeaderGate, BadProxyListsAndEmptySecretsAreConfigurationErrors) {
  std::string error;
  EXPECT_FALSE(TrustedHeaderGate::make(settings({}), error));
  EXPECT_THAT(error, HasSubstr("proxies"));
  EXPECT_FALSE(TrustedHeaderGate::make(settings({"127.0.0.1/33"}), error));
  EXPECT_THAT(error, HasSubstr("127.0.0.1/33"));
  EXPECT_FALSE(TrustedHeaderGate::make(settings({"example.edu"}), error));
  auto no_secret = settings({"127.0.0.1"});
  no_secret.secret.clear();
  EXPECT_FALSE(TrustedHeaderGate::make(no_secret, error));
  EXPECT_THAT(error, HasSubstr("secret"));
  EXPECT_TRUE(TrustedHeaderGate::make(settings({"::1/128", "fd00::/8"}), error)) << error;
}

}  // namespace
}  // namespace servicedesk::host
