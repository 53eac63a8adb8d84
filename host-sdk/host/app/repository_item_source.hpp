// Adapts the hot-reloading FormRepository to the API's ItemSource.
#pragma once

#include "catalog/form_repository.hpp"
#include "usecases/item_source.hpp"

namespace servicedesk::host {

/// The live forms of a FormRepository, as the HTTP API asks for them.
class RepositoryItemSource final : public ItemSource {
 public:
  RepositoryItemSource(FormRepository& repository, const HandlerCatalog& catalog)
      : repository_(repository), catalog_(catalog) {}
  std::vector<std::shared_ptr<const Form>> forms() const override { return repository_.forms(); }
  std::shared_ptr<const Form> find(std::string_view item_id) const override {
    return repository_.find(item_id);
  }
  nlohmann::json status() const override;
  std::shared_ptr<const Form> find_draft(std::string_view item_id) const override;
  std::int64_t loaded_at_ms(std::string_view item_id) const override;
  bool fulfils_at_checkout(std::string_view item_id) const override {
    const RegisteredItem* item = catalog_.item(item_id);
    return item != nullptr && item->fulfil_at_checkout;
  }

 private:
  FormRepository& repository_;
  const HandlerCatalog& catalog_;
};

}  // namespace servicedesk::host
