// The directory's prefix index: sorted normalized keys, searched by binary search.
#include "directory/indexed_directory.hpp"

#include <algorithm>
#include <limits>

#include "directory/name_keys.hpp"

namespace servicedesk::host {

/// One name form of one record: its text lives in the directory's arena.
struct IndexedDirectory::Key {
  std::uint64_t head = 0;  // first eight bytes, big-endian: most comparisons end here
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::uint32_t record = 0;
};

/// Keys of one kind filter, sorted by text (ties by username, so results are stable).
class IndexedDirectory::Index {
 public:
  explicit Index(const std::string& arena) : arena_(arena) {}

  void add(const Key& key) { keys_.push_back(key); }
  void reserve(std::size_t count) { keys_.reserve(count); }
  const std::vector<Key>& keys() const noexcept { return keys_; }

  void sort(const std::vector<DirectoryRecord>& records) {
    std::sort(keys_.begin(), keys_.end(), [&](const Key& a, const Key& b) {
      if (a.head != b.head) return a.head < b.head;
      const auto ta = text(a);
      const auto tb = text(b);
      if (ta != tb) return ta < tb;
      return records[a.record].entry.username < records[b.record].entry.username;
    });
  }

  std::string_view text(const Key& key) const {
    return std::string_view(arena_).substr(key.offset, key.length);
  }

  /// Calls `take(record)` for every key starting with `prefix`, in key order, until it
  /// returns false. Keys equal to `prefix` come first, so exact names outrank prefixes.
  template <class Take>
  void walk_prefix(std::string_view prefix, Take&& take) const {
    const std::uint64_t head = head_of(prefix);
    auto it = std::lower_bound(keys_.begin(), keys_.end(), prefix,
                               [&](const Key& key, std::string_view p) {
                                 if (key.head != head) return key.head < head;
                                 return text(key) < p;
                               });
    for (; it != keys_.end(); ++it) {
      if (!text(*it).starts_with(prefix)) return;
      if (!take(it->record)) return;
    }
  }

 private:
  const std::string& arena_;
  std::vector<Key> keys_;
};

std::uint64_t IndexedDirectory::head_of(std::string_view text) {
  std::uint64_t head = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    head = head << 8 | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
  }
  return head;
}

namespace {

// Queries longer than any plausible name cannot match; refusing them bounds the work.
constexpr std::size_t kMaxQueryLength = 256;

bool kind_matches(AccountKind kind, KindFilter filter) {
  switch (filter) {
    case KindFilter::any:
      return true;
    case KindFilter::person:
      return kind == AccountKind::person;
    case KindFilter::administrative:
      return kind == AccountKind::administrative;
  }
  return false;
}

}  // namespace

IndexedDirectory::IndexedDirectory(std::vector<DirectoryRecord> records)
    : all_(std::make_unique<Index>(arena_)),
      people_(std::make_unique<Index>(arena_)),
      administrative_(std::make_unique<Index>(arena_)) {
  // Later duplicates are dropped (the loader reports them with their position first). The
  // map's keys view usernames inside records_, which never reallocates after this reserve.
  records_.reserve(records.size());
  by_username_.reserve(records.size());
  for (auto& record : records) {
    if (record.entry.username.empty() || by_username_.count(record.entry.username)) continue;
    // Key offsets and record numbers are 32-bit; no campus comes near four billion.
    if (records_.size() >= std::numeric_limits<std::uint32_t>::max() / 4) break;
    records_.push_back(std::move(record));
    by_username_.emplace(records_.back().entry.username,
                         static_cast<std::uint32_t>(records_.size() - 1));
  }

  std::vector<std::pair<std::string, std::uint32_t>> texts;
  texts.reserve(records_.size() * 3);
  for (std::uint32_t i = 0; i < records_.size(); ++i) {
    const auto& entry = records_[i].entry;
    texts.emplace_back(normalize_name(entry.username), i);
    for (auto& form : name_forms(entry)) texts.emplace_back(std::move(form), i);
  }
  std::size_t total = 0;
  for (const auto& [text, record] : texts) total += text.size();
  arena_.reserve(total);
  for (const auto& [text, record] : texts) {
    const Key key{head_of(text), static_cast<std::uint32_t>(arena_.size()),
                  static_cast<std::uint32_t>(text.size()), record};
    arena_ += text;
    all_->add(key);
  }
  // Sort once; the per-kind indexes are filtered copies, already in order.
  all_->sort(records_);
  people_->reserve(all_->keys().size());
  for (const auto& key : all_->keys()) {
    (records_[key.record].entry.kind == AccountKind::person ? people_ : administrative_)->add(key);
  }
}

IndexedDirectory::~IndexedDirectory() = default;

std::vector<const DirectoryEntry*> IndexedDirectory::search(std::string_view query, KindFilter kind,
                                                            std::size_t limit) const {
  std::vector<const DirectoryEntry*> results;
  if (limit == 0 || query.size() > kMaxQueryLength) return results;
  const std::string needle = normalize_name(query);
  if (needle.empty()) return results;

  if (const auto* exact = record(needle); exact && kind_matches(exact->entry.kind, kind)) {
    results.push_back(&exact->entry);
  }
  if (results.size() >= limit) return results;
  const Index& index = kind == KindFilter::person           ? *people_
                       : kind == KindFilter::administrative ? *administrative_
                                                            : *all_;
  index.walk_prefix(needle, [&](std::uint32_t i) {
    const DirectoryEntry* entry = &records_[i].entry;
    // A record is reachable through up to three keys; limit is small, so a scan is cheapest.
    if (std::find(results.begin(), results.end(), entry) == results.end()) {
      results.push_back(entry);
    }
    return results.size() < limit;
  });
  return results;
}

const DirectoryEntry* IndexedDirectory::find(std::string_view username) const {
  const auto* found = record(username);
  return found ? &found->entry : nullptr;
}

const DirectoryRecord* IndexedDirectory::record(std::string_view username) const {
  const auto it = by_username_.find(username);
  return it == by_username_.end() ? nullptr : &records_[it->second];
}

const std::vector<std::string>& IndexedDirectory::roles(std::string_view username) const {
  static const std::vector<std::string> none;
  const auto* found = record(username);
  return found ? found->roles : none;
}

const std::string& IndexedDirectory::password_hash(std::string_view username) const {
  static const std::string none;
  const auto* found = record(username);
  return found ? found->password_hash : none;
}

bool IndexedDirectory::has_role(std::string_view username, std::string_view role) const {
  const auto& held = roles(username);
  return std::find(held.begin(), held.end(), role) != held.end();
}

}  // namespace servicedesk::host
