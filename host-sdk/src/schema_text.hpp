// The catalog-item JSON Schema text, compiled into the library.
#pragma once

#include <string_view>

namespace servicedesk::forms {

/// The text of schemas/catalog-item.schema.json as it was at build time.
std::string_view catalog_item_schema_text() noexcept;

}  // namespace servicedesk::forms
