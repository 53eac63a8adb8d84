// The directory's prefix index: sorted normalized keys, searched by binary search.
#include "directory/indexed_directory.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "directory/name_keys.hpp"

namespace servicedesk::host {

/// One name form of one record: its text lives in the directory's arena.
struct IndexedDirectory::Key {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::uint32_t record = 0;
};

/// Keys of one kind filter, sorted by text (ties by username, so results are stable).
class IndexedDirectory::Index {
 public:
  explicit Index(const std::string& arena) : arena_(arena) {}

  void add(const Key& key) { keys_.push_back(key); }

  void sort(const std::vector<DirectoryRecord>& records) {
    std::sort(keys_.begin(), keys_.end(), [&](const Key& a, const Key& b) {
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
    auto it = std::lower_bound(keys_.begin(), keys_.end(), prefix,
                               [&](const Key& key, std::string_view p) { return text(key) < p; });
    for (; it != keys_.end(); ++it) {
      if (!text(*it).starts_with(prefix)) return;
      if (!take(it->record)) return;
    }
  }

 private:
  const std::string& arena_;
  std::vector<Key> keys_;
};

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
  // Later duplicates are dropped (the loader reports them with their position first).
  records_.reserve(records.size());
  {
    std::unordered_set<std::string> seen;
    seen.reserve(records.size());
    for (auto& record : records) {
      if (record.entry.username.empty()) continue;
      if (seen.insert(record.entry.username).second) records_.push_back(std::move(record));
    }
  }
  // Key offsets are 32-bit; four billion characters of names is far beyond any campus.
  if (records_.size() > std::numeric_limits<std::uint32_t>::max() / 4) records_.clear();

  by_username_.reserve(records_.size());
  for (std::uint32_t i = 0; i < records_.size(); ++i) {
    by_username_.emplace(records_[i].entry.username, i);
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
    const Key key{static_cast<std::uint32_t>(arena_.size()),
                  static_cast<std::uint32_t>(text.size()), record};
    arena_ += text;
    all_->add(key);
    (records_[record].entry.kind == AccountKind::person ? people_ : administrative_)->add(key);
  }
  all_->sort(records_);
  people_->sort(records_);
  administrative_->sort(records_);
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

bool IndexedDirectory::has_role(std::string_view username, std::string_view role) const {
  const auto& held = roles(username);
  return std::find(held.begin(), held.end(), role) != held.end();
}

}  // namespace servicedesk::host
