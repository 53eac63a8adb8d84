// Checks catalog files against the items the loaded plugins registered.
#include "catalog/item_registration.hpp"

#include <algorithm>

namespace servicedesk::host {

std::optional<Diagnostic> registration_problem(const Form& form, const std::filesystem::path& file,
                                               const HandlerCatalog& catalog) {
  const ItemHeader& header = form.header();
  const RegisteredItem* item = catalog.item(header.id);
  std::string message;
  if (header.yaml_only) {
    // A YAML-only item needs no plugin; a plugin registering the same id is a clash.
    if (item == nullptr) return std::nullopt;
    message = "item '" + header.id + "' is marked yaml_only but plugin '" + item->plugin +
              "' registers an item with this id; remove yaml_only or choose another id";
  } else if (item == nullptr) {
    message = "item id '" + header.id +
              "' is not registered by any loaded plugin; expected the id of a plugin's item "
              "(see `servicedesk-host plugins`), or `yaml_only: true` for an item served from "
              "its YAML alone";
  } else if (file.filename() != item->form_file) {
    message = "item '" + header.id + "' is registered by plugin '" + item->plugin +
              "' with the form file '" + item->form_file + "'; expected this form in that file";
  } else {
    return std::nullopt;
  }
  return Diagnostic{file.string(), header.id_line, header.id_column, std::move(message)};
}

std::vector<Diagnostic> missing_forms(const HandlerCatalog& catalog,
                                      const std::filesystem::path& folder,
                                      const std::vector<std::filesystem::path>& present) {
  std::vector<Diagnostic> out;
  for (const RegisteredItem& item : catalog.items()) {
    const bool found = std::any_of(present.begin(), present.end(), [&](const auto& path) {
      return path.filename() == item.form_file;
    });
    if (found) continue;
    out.push_back({(folder / item.form_file).string(), 1, 1,
                   "item '" + item.id + "' of plugin '" + item.plugin +
                       "' has no form: expected this file in the catalog folder"});
  }
  return out;
}

}  // namespace servicedesk::host
