// PostgreSQL only: mail leases between hosts, schema versions, the database going away and
// coming back, and passwords kept out of every message.
#include <set>
#include <thread>

#include "store/migrations.hpp"
#include "store_backends.hpp"
#include "store_orders.hpp"

namespace servicedesk::test {
namespace {

host::PgSettings settings_for(const std::string& url, bool migrate = true) {
  host::PgSettings settings;
  settings.url = url;
  settings.pool_size = 2;
  settings.migrate_on_start = migrate;
  return settings;
}

TEST(PgStore, EachMailIsClaimedByOneHostUntilItsLeaseRunsOut) {
  StoreUnderTest store(Backend::postgres);
  auto host_a = store.another(std::chrono::seconds(1));
  auto host_b = store.another(std::chrono::seconds(1));
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(store->enqueue_mail(mail_to("p" + std::to_string(i))));

  std::vector<host::OutboxMessage> claimed[2];
  std::thread a([&] { claimed[0] = host_a->due(std::chrono::system_clock::now(), 30); });
  std::thread b([&] { claimed[1] = host_b->due(std::chrono::system_clock::now(), 30); });
  a.join();
  b.join();
  std::set<std::int64_t> ids;
  for (const auto& list : claimed)
    for (const auto& message : list) EXPECT_TRUE(ids.insert(message.id).second) << message.id;
  EXPECT_EQ(ids.size(), 40u);

  // Host A dies holding its claims: nobody else sends them until the lease runs out.
  for (const auto& message : claimed[1]) host_b->mark_sent(message.id, {});
  EXPECT_TRUE(host_b->due(std::chrono::system_clock::now(), 100).empty());
  host_a.reset();
  const auto later = std::chrono::system_clock::now() + std::chrono::milliseconds(1500);
  EXPECT_EQ(host_b->due(later, 100).size(), claimed[0].size());
}

TEST(PgStore, RefusesASchemaNewerThanThisBuildAndAnOlderOneWithoutMigrating) {
  const std::string url = SharedPostgres::fresh_database("store_test");
  std::string error;
  EXPECT_FALSE(host::PgStore::open(settings_for(url, false), error));
  EXPECT_NE(error.find("servicedesk-host migrate"), std::string::npos) << error;

  int version = 0;
  ASSERT_TRUE(host::PgStore::migrate_database(settings_for(url), version, error)) << error;
  EXPECT_GE(version, 1);
  EXPECT_TRUE(host::PgStore::open(settings_for(url, false), error)) << error;

  const std::string name = url.substr(url.rfind('/') + 1);
  SharedPostgres::server().sql("INSERT INTO schema_version VALUES (999)", name);
  EXPECT_FALSE(host::PgStore::open(settings_for(url), error));
  EXPECT_NE(error.find("newer than this build knows"), std::string::npos) << error;
}

TEST(PgStore, WhileTheDatabaseIsAwayCallsFailAsUnavailableThenResume) {
  StoreUnderTest store(Backend::postgres);
  host::StoreError error = host::StoreError::none;
  host::CartLine line;
  line.item_id = "duo";
  line.answers = nlohmann::json::object();
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line, {}, error));

  SharedPostgres::server().stop();
  EXPECT_THROW(store->cart("dcoordinator"), host::StoreUnavailable);
  EXPECT_FALSE(store->add_cart_line("dcoordinator", line, {}, error));
  EXPECT_EQ(error, host::StoreError::failed);
  EXPECT_FALSE(store->reserve_numbers(1));
  EXPECT_TRUE(store->due(std::chrono::system_clock::now(), 10).empty());
  std::string detail;
  EXPECT_FALSE(store->healthy(detail));
  SharedPostgres::server().start();

  EXPECT_TRUE(store->healthy(detail)) << detail;
  EXPECT_EQ(store->cart("dcoordinator").size(), 1u);
}

TEST(PgStore, PasswordsNeverAppearInErrorsOrHealth) {
  const std::string secret = "not-the-password-xyz";
  const std::string url = "postgresql://servicedesk:" + secret +
                          "@127.0.0.1:" + std::to_string(SharedPostgres::server().port()) +
                          "/postgres";
  std::string error;
  EXPECT_FALSE(host::PgStore::open(settings_for(url), error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(error.find(secret), std::string::npos) << error;
  EXPECT_EQ(host::redact_postgres_url(url).find(secret), std::string::npos);
  EXPECT_EQ(host::redact_postgres_url("host=x password=" + secret).find(secret), std::string::npos);
}

TEST(SqliteStore, RefusesASchemaNewerThanThisBuild) {
  TempDir folder;
  const auto file = folder.path() / "servicedesk.db";
  std::string error;
  ASSERT_TRUE(host::SqliteStore::open(file, error)) << error;
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO schema_version(version) VALUES (999)");
  }
  EXPECT_FALSE(host::SqliteStore::open(file, error));
  EXPECT_NE(error.find("newer than this build knows"), std::string::npos) << error;
}

}  // namespace
}  // namespace servicedesk::test
