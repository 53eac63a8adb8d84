// Borrowing, opening and dropping the PostgreSQL store's connections.
#include "store/pg_pool.hpp"

#include <regex>

namespace servicedesk::host {
namespace {

/// How long a caller waits for a free connection before the request is answered 503.
constexpr auto kBorrowWait = std::chrono::seconds(5);

bool is_url(const std::string& conninfo) {
  return conninfo.rfind("postgresql://", 0) == 0 || conninfo.rfind("postgres://", 0) == 0;
}

/// libpq waits for an unreachable server as long as the OS does; a host answers 503 sooner.
std::string with_connect_timeout(std::string conninfo) {
  if (conninfo.find("connect_timeout") != std::string::npos) return conninfo;
  if (is_url(conninfo))
    return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=3";
  return conninfo + " connect_timeout=3";
}

}  // namespace

std::string redact_postgres_url(const std::string& url) {
  if (is_url(url)) {
    static const std::regex password(R"(^(postgres(?:ql)?://[^:@/?]*):[^@/?]*@)");
    std::string redacted = std::regex_replace(url, password, "$1:***@");
    static const std::regex query_password(R"(([?&]password=)[^&]*)");
    return std::regex_replace(redacted, query_password, "$1***");
  }
  static const std::regex keyword(R"((password\s*=\s*)('[^']*'|\S+))");
  return std::regex_replace(url, keyword, "$1***");
}

PgPool::PgPool(std::string conninfo, std::size_t size,
               std::vector<std::pair<std::string, std::string>> prepared)
    : conninfo_(with_connect_timeout(std::move(conninfo))),
      size_(size == 0 ? 1 : size),
      prepared_(std::move(prepared)) {}

PgPool::Lease::Lease(PgPool& pool) : pool_(pool), connection_(pool.take()) {}

PgPool::Lease::~Lease() {
  pool_.give_back(std::move(connection_));
}

std::unique_ptr<pqxx::connection> PgPool::take() {
  {
    std::unique_lock lock(mutex_);
    if (!freed_.wait_for(lock, kBorrowWait, [&] { return in_use_ < size_; }))
      throw StoreUnavailable("every database connection is busy");
    ++in_use_;
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  try {
    auto connection = std::make_unique<pqxx::connection>(conninfo_);
    for (const auto& [name, sql] : prepared_) connection->prepare(name, sql);
    return connection;
  } catch (const std::exception& e) {
    give_back(nullptr);
    // libpq's message names host and port, never the password.
    throw StoreUnavailable(std::string("cannot connect to the database: ") + e.what());
  }
}

void PgPool::give_back(std::unique_ptr<pqxx::connection> connection) {
  {
    std::lock_guard lock(mutex_);
    --in_use_;
    if (connection && connection->is_open()) idle_.push_back(std::move(connection));
  }
  freed_.notify_one();
}

bool PgPool::lost(const pqxx::sql_error& error, pqxx::connection& connection) {
  const std::string& state = error.sqlstate();
  // 08: connection exception; 57: operator intervention (shutdown, cancel); 53: resources.
  return !connection.is_open() || state.rfind("08", 0) == 0 || state.rfind("57", 0) == 0 ||
         state.rfind("53", 0) == 0;
}

}  // namespace servicedesk::host
