// The items and handlers plugins registered: one generic table per handler kind.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "servicedesk/handlers.hpp"

namespace servicedesk {

/// One registered handler: who registered it, what it declared, its factory.
template <class Fn>
struct RegisteredHandler {
  std::string name;
  std::string plugin;        ///< the plugin's name, for messages
  HandlerContract contract;  ///< the parameters it accepts and the fields it reads
  /// Keeps the plugin's library loaded for as long as it (or anything it made) lives.
  std::shared_ptr<const HandlerFactory<Fn>> factory;
};

/// Name -> handler for one kind. A name is registered once.
template <class Fn>
class HandlerTable {
 public:
  const RegisteredHandler<Fn>* find(std::string_view name) const {
    auto it = handlers_.find(name);
    return it == handlers_.end() ? nullptr : &it->second;
  }
  /// Why `name` cannot be added ("duplicate field rule 'x': already registered by plugin
  /// 'p'"), or "" when it can.
  std::string refusal(std::string_view name) const {
    const RegisteredHandler<Fn>* other = find(name);
    if (other == nullptr) return {};
    return std::string("duplicate ") + HandlerKind<Fn>::name + " '" + std::string(name) +
           "': already registered by plugin '" + other->plugin + "'";
  }
  /// Adds `handler` unless its name is taken; returns refusal(name).
  std::string add(RegisteredHandler<Fn> handler) {
    std::string why = refusal(handler.name);
    if (why.empty()) handlers_.emplace(handler.name, std::move(handler));
    return why;
  }
  const std::map<std::string, RegisteredHandler<Fn>, std::less<>>& entries() const {
    return handlers_;
  }

 private:
  std::map<std::string, RegisteredHandler<Fn>, std::less<>> handlers_;
};

/// A catalog item a plugin registered: its id and the YAML file its form lives in.
struct RegisteredItem {
  std::string id;
  std::string form_file;  ///< a file name in the catalog folder
  std::string plugin;
  bool fulfil_at_checkout = false;  ///< Registrar::fulfil_at_checkout (SDK 2.2)
};

namespace detail {
template <class List>
struct TablesOf;
template <class... Fns>
struct TablesOf<HandlerKindList<Fns...>> {
  using type = std::tuple<HandlerTable<Fns>...>;
};
}  // namespace detail

/// The single authority on what plugins provide: items (id and form file) and handlers of
/// every kind. The host fills it from loaded plugins; tests fill it from handlers linked in.
class HandlerCatalog {
 public:
  template <class Fn>
  const RegisteredHandler<Fn>* find(std::string_view name) const {
    return table<Fn>().find(name);
  }
  template <class Fn>
  HandlerTable<Fn>& table() {
    return std::get<HandlerTable<Fn>>(tables_);
  }
  template <class Fn>
  const HandlerTable<Fn>& table() const {
    return std::get<HandlerTable<Fn>>(tables_);
  }
  /// Calls `visit(table)` for the table of every kind, in HandlerKinds order.
  template <class Visit>
  void for_each_table(Visit&& visit) const {
    std::apply([&](const auto&... tables) { (visit(tables), ...); }, tables_);
  }

  const RegisteredItem* item(std::string_view id) const {
    for (const auto& item : items_)
      if (item.id == id) return &item;
    return nullptr;
  }
  const std::vector<RegisteredItem>& items() const { return items_; }
  /// The folders plugins were loaded from, named in "unknown handler" messages.
  const std::vector<std::string>& plugin_folders() const { return plugin_folders_; }
  void set_plugin_folders(std::vector<std::string> folders) {
    plugin_folders_ = std::move(folders);
  }
  /// Marks the registered item `id` to be fulfilled at checkout; false when there is none.
  bool set_fulfil_at_checkout(std::string_view id) {
    for (auto& item : items_) {
      if (item.id != id) continue;
      item.fulfil_at_checkout = true;
      return true;
    }
    return false;
  }
  /// Adds `item` unless its id is taken; the refusal sentence otherwise.
  std::string add_item(RegisteredItem item) {
    if (const RegisteredItem* other = this->item(item.id)) {
      return "duplicate item '" + item.id + "': already registered by plugin '" + other->plugin +
             "'";
    }
    items_.push_back(std::move(item));
    return {};
  }

 private:
  detail::TablesOf<HandlerKinds>::type tables_;
  std::vector<RegisteredItem> items_;
  std::vector<std::string> plugin_folders_;
};

}  // namespace servicedesk
