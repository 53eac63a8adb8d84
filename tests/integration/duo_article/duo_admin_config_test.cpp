// Mistakes in the plugin's duo_admin_api section stop the host at start, with file:line:col.
#include <fstream>

#include "command.hpp"
#include "duo_admin_api.hpp"

namespace servicedesk::test {
namespace {

using Started = CommandResult;

/// Runs `serve` with `config_text` as host.yaml; a correct config would start serving, so
/// every case here must end by itself with exit code 1.
Started serve_with(const TempDir& dir, const std::string& config_text) {
  const auto file = dir.path() / "host.yaml";
  std::ofstream(file) << config_text;
  return run_host_command("serve --listen 127.0.0.1:0 --data-dir " +
                          (dir.path() / "data").string() + " --config " + file.string());
}

std::string section(const std::string& body) {
  return "plugins:\n  duo-account-updates:\n    duo_admin_api:\n" + body;
}

class DuoAdminConfigTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("DUO_SKEY", kDuoSkey, 1); }
  TempDir dir_;
};

TEST_F(DuoAdminConfigTest, AMissingSecretStopsTheHostAtItsLine) {
  unsetenv("DUO_SKEY_UNSET");
  const Started started = serve_with(dir_, section("      host: api-1a2b3c4d.duosecurity.com\n"
                                                   "      ikey: DIWJ8X6AEYOR5OMC6TQ1\n"
                                                   "      skey_env: DUO_SKEY_UNSET\n"));
  EXPECT_EQ(started.exit_code, 1) << started.output;
  EXPECT_TRUE(contains(started.output, "host.yaml:6:17: the secret key is missing"))
      << started.output;
}

TEST_F(DuoAdminConfigTest, AnEmptySecretStopsTheHost) {
  setenv("DUO_SKEY_EMPTY", "", 1);
  const Started started = serve_with(dir_, section("      host: api-1a2b3c4d.duosecurity.com\n"
                                                   "      ikey: DIWJ8X6AEYOR5OMC6TQ1\n"
                                                   "      skey_env: DUO_SKEY_EMPTY\n"));
  EXPECT_EQ(started.exit_code, 1);
  EXPECT_TRUE(contains(started.output, "host.yaml:6:17: the secret key is missing"))
      << started.output;
}

TEST_F(DuoAdminConfigTest, ABadHostStopsTheHost) {
  const Started started =
      serve_with(dir_, section("      host: https://api-1a2b3c4d.duosecurity.com/\n"
                               "      ikey: DIWJ8X6AEYOR5OMC6TQ1\n"
                               "      skey_env: DUO_SKEY\n"));
  EXPECT_EQ(started.exit_code, 1);
  EXPECT_TRUE(contains(started.output, "host.yaml:4:13: `host` must be the API host name alone"))
      << started.output;
}

TEST_F(DuoAdminConfigTest, AnUnknownKeyStopsTheHostAndTheSecretIsNeverShown) {
  const Started started = serve_with(dir_, section("      host: api-1a2b3c4d.duosecurity.com\n"
                                                   "      ikey: DIWJ8X6AEYOR5OMC6TQ1\n"
                                                   "      skey_env: DUO_SKEY\n"
                                                   "      timeout: 5000\n"));
  EXPECT_EQ(started.exit_code, 1);
  EXPECT_TRUE(contains(started.output, "host.yaml:7:7: unknown key `timeout`")) << started.output;
  EXPECT_FALSE(contains(started.output, kDuoSkey));
}

TEST_F(DuoAdminConfigTest, PlainHttpToAnotherMachineIsRefused) {
  const Started started = serve_with(dir_, section("      host: api-1a2b3c4d.duosecurity.com\n"
                                                   "      endpoint: http://duo.example.com\n"
                                                   "      ikey: DIWJ8X6AEYOR5OMC6TQ1\n"
                                                   "      skey_env: DUO_SKEY\n"));
  EXPECT_EQ(started.exit_code, 1);
  EXPECT_TRUE(contains(started.output, "host.yaml:5:17: `endpoint` must be an https:// address"))
      << started.output;
}

}  // namespace
}  // namespace servicedesk::test
