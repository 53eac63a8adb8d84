// SQLite only: a data file that cannot be read any more is "unavailable" (503), not a bug.
#include <fstream>

#include <gtest/gtest.h>

#include "scratch.hpp"
#include "store/session_store.hpp"
#include "store/sqlite_store.hpp"

namespace servicedesk::test {
namespace {

namespace fs = std::filesystem;

/// The message of the StoreUnavailable `read` throws, or "" when it throws nothing or
/// something else.
template <class Read>
std::string unavailable_reason(Read&& read) {
  try {
    read();
  } catch (const host::StoreUnavailable& e) {
    return e.what();
  } catch (...) {
  }
  return "";
}

class SqliteStoreFailure : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    store_ = host::SqliteStore::open(file_, error);
    ASSERT_TRUE(store_) << error;
    host::CartLine line;
    line.item_id = "software";
    line.answers = {{"software", "Matlab"}};
    line.summary = "Matlab";
    host::StoreError failure = host::StoreError::none;
    ASSERT_TRUE(store_->add_cart_line("dcoordinator", line, {}, failure));
  }
  /// Moves the database and its WAL files aside: the writer keeps its open handles, and
  /// any new reader sees what is at the path now.
  void move_database_aside() { move_files(file_, aside_.path() / "db"); }
  void move_database_back() { move_files(aside_.path() / "db", file_); }
  static void move_files(const fs::path& from, const fs::path& to) {
    for (const char* suffix : {"", "-wal", "-shm"})
      if (fs::exists(from.string() + suffix))
        fs::rename(from.string() + suffix, to.string() + suffix);
  }

  TempDir folder_;
  TempDir aside_;
  fs::path file_ = folder_.path() / "servicedesk.db";
  std::unique_ptr<host::SqliteStore> store_;
};

TEST_F(SqliteStoreFailure, AFileGoneFromItsFolderIsUnavailableAndNeverRecreatedByAReader) {
  move_database_aside();
  const std::string reason = unavailable_reason([&] { store_->cart("dcoordinator"); });
  EXPECT_NE(reason.find("the database cannot be read"), std::string::npos) << reason;
  EXPECT_FALSE(fs::exists(file_)) << "a reader created an empty database in its place";
  EXPECT_NE(unavailable_reason([&] { store_->request("REQ0000001"); }), "");
  std::string detail;
  EXPECT_FALSE(store_->healthy(detail));
}

TEST_F(SqliteStoreFailure, AFileThatIsNoDatabaseAnyMoreIsUnavailable) {
  move_database_aside();
  std::ofstream(file_, std::ios::binary) << std::string(8192, 'x');
  const std::string reason = unavailable_reason([&] { store_->open_items(); });
  EXPECT_NE(reason.find("the database file is damaged"), std::string::npos) << reason;
  EXPECT_NE(unavailable_reason([&] { store_->find_session("key", 0); }), "");
}

TEST_F(SqliteStoreFailure, ReadsWorkAgainOnceTheFileIsBack) {
  move_database_aside();
  std::ofstream(file_, std::ios::binary) << std::string(8192, 'x');
  EXPECT_NE(unavailable_reason([&] { store_->cart("dcoordinator"); }), "");
  fs::remove(file_);
  move_database_back();
  EXPECT_EQ(store_->cart("dcoordinator").size(), 1u);
}

}  // namespace
}  // namespace servicedesk::test
