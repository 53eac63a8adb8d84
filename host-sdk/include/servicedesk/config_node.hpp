// A plugin's configuration section as a tree, each node knowing where it was written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace servicedesk {

/// Where a configuration value was written: `host.yaml:12:7`. Line and column count from 1;
/// an empty file means the value came from no file (a default or a test).
struct ConfigLocation {
  std::string file;
  int line = 0;
  int column = 0;
  /// "host.yaml:12:7", or "" when the value came from no file.
  std::string to_string() const {
    if (file.empty()) return {};
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
  }
};

/// One node of a plugin's section (since SDK 1.1): nothing, a scalar (kept as its text),
/// a map (entries in file order, each key with its own location) or a list.
class ConfigNode {
 public:
  enum class Kind { absent, scalar, map, list };
  struct Entry;

  ConfigNode() = default;
  // Defined below, once Entry is complete (clang needs it for std::vector<Entry>).
  static ConfigNode make_scalar(std::string text, ConfigLocation where = {});
  static ConfigNode make_map(ConfigLocation where = {});
  static ConfigNode make_list(ConfigLocation where = {});

  Kind kind() const noexcept { return kind_; }
  bool is_scalar() const noexcept { return kind_ == Kind::scalar; }
  bool is_map() const noexcept { return kind_ == Kind::map; }
  const ConfigLocation& where() const noexcept { return where_; }
  /// The scalar's text ("" for other kinds).
  const std::string& scalar() const noexcept { return scalar_; }
  /// A map's entries in file order (empty for other kinds).
  const std::vector<Entry>& entries() const noexcept { return entries_; }
  /// A list's items (empty for other kinds).
  const std::vector<ConfigNode>& items() const noexcept { return items_; }
  /// The value at `key` of a map, or nullptr.
  const ConfigNode* find(std::string_view key) const;

  /// Builders: add an entry to a map, an item to a list.
  ConfigNode& add(std::string key, ConfigNode value, ConfigLocation key_where = {});
  ConfigNode& push_back(ConfigNode value);

 private:
  ConfigNode(Kind kind, ConfigLocation where);

  Kind kind_ = Kind::absent;
  ConfigLocation where_;
  std::string scalar_;
  std::vector<Entry> entries_;
  std::vector<ConfigNode> items_;
};

/// One `key: value` of a map.
struct ConfigNode::Entry {
  std::string key;
  ConfigLocation key_where;
  ConfigNode value;
};

inline ConfigNode::ConfigNode(Kind kind, ConfigLocation where)
    : kind_(kind), where_(std::move(where)) {}

inline ConfigNode ConfigNode::make_scalar(std::string text, ConfigLocation where) {
  ConfigNode node(Kind::scalar, std::move(where));
  node.scalar_ = std::move(text);
  return node;
}

inline ConfigNode ConfigNode::make_map(ConfigLocation where) {
  return ConfigNode(Kind::map, std::move(where));
}

inline ConfigNode ConfigNode::make_list(ConfigLocation where) {
  return ConfigNode(Kind::list, std::move(where));
}

inline const ConfigNode* ConfigNode::find(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

inline ConfigNode& ConfigNode::add(std::string key, ConfigNode value, ConfigLocation key_where) {
  entries_.push_back({std::move(key), std::move(key_where), std::move(value)});
  return entries_.back().value;
}

inline ConfigNode& ConfigNode::push_back(ConfigNode value) {
  items_.push_back(std::move(value));
  return items_.back();
}

}  // namespace servicedesk
