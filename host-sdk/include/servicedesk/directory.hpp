// The directory of people and administrative accounts, as hosts offer it to plugins.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace servicedesk {

/// What kind of directory entry an account is.
enum class AccountKind { person, administrative };

/// "person" or "administrative": the spelling used in YAML conditions and JSON.
std::string_view to_string(AccountKind kind) noexcept;

/// One person or administrative account.
struct DirectoryEntry {
  std::string username;      ///< unique, lower case: "tuffytitan"
  std::string display_name;  ///< "Last, First" for people: "Titan, Tuffy"
  AccountKind kind = AccountKind::person;
  std::string department;
  std::string email;
};

/// Which kinds a search returns.
enum class KindFilter { any, person, administrative };

/// Read-only directory. Implementations are safe to call from several threads at once.
class Directory {
 public:
  virtual ~Directory() = default;

  /// Entries matching `query` ("Last, First", "First Last", username, or a prefix of
  /// any of those, any case), best first (exact username first), at most `limit`.
  /// The pointers stay valid as long as the directory does.
  virtual std::vector<const DirectoryEntry*> search(std::string_view query, KindFilter kind,
                                                    std::size_t limit) const = 0;

  /// The entry with exactly this username, or nullptr.
  virtual const DirectoryEntry* find(std::string_view username) const = 0;
};

inline std::string_view to_string(AccountKind kind) noexcept {
  return kind == AccountKind::administrative ? "administrative" : "person";
}

}  // namespace servicedesk
