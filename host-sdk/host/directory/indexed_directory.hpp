// The host's directory: people and administrative accounts, searchable through a prefix index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "servicedesk/directory.hpp"

namespace servicedesk::host {

/// One directory entry with the host-only attributes plugins never see.
struct DirectoryRecord {
  DirectoryEntry entry;
  std::vector<std::string> roles;  ///< e.g. "ditc", "it_staff"
  /// libsodium crypto_pwhash_str hash for `auth.mode: local`; empty: cannot log in locally.
  std::string password_hash;
};

/// A Directory over a fixed set of records. Search never scans: every name form is indexed
/// once at construction (sorted keys, binary-searched prefix ranges), so a keystroke costs a
/// few microseconds even at 100,000 entries. Immutable after construction, hence thread-safe.
class IndexedDirectory final : public Directory {
 public:
  /// Builds the index. Usernames must be unique (the loader reports duplicates with their
  /// position); a later duplicate is ignored here rather than corrupting the index.
  explicit IndexedDirectory(std::vector<DirectoryRecord> records);
  IndexedDirectory(const IndexedDirectory&) = delete;
  IndexedDirectory& operator=(const IndexedDirectory&) = delete;
  ~IndexedDirectory() override;

  std::vector<const DirectoryEntry*> search(std::string_view query, KindFilter kind,
                                            std::size_t limit) const override;
  const DirectoryEntry* find(std::string_view username) const override;

  /// The roles of `username`; empty for unknown users and for users without roles.
  const std::vector<std::string>& roles(std::string_view username) const;
  /// The password hash of `username`; empty for unknown users and users without one.
  const std::string& password_hash(std::string_view username) const;
  /// Whether `username` exists and holds `role`.
  bool has_role(std::string_view username, std::string_view role) const;
  /// Number of entries.
  std::size_t size() const noexcept { return records_.size(); }
  /// All records, in load order (for listings and for exporting the demo data).
  const std::vector<DirectoryRecord>& records() const noexcept { return records_; }

 private:
  struct Key;  // one indexed name form of one record
  class Index;

  const DirectoryRecord* record(std::string_view username) const;
  static std::uint64_t head_of(std::string_view text);

  std::vector<DirectoryRecord> records_;
  std::string arena_;  // every key's text, back to back; keys refer to it by offset
  std::unordered_map<std::string_view, std::uint32_t> by_username_;
  std::unique_ptr<Index> all_;
  std::unique_ptr<Index> people_;
  std::unique_ptr<Index> administrative_;
};

}  // namespace servicedesk::host
