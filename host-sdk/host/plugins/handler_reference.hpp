// The handler reference: every handler the loaded plugins offer, for `servicedesk-host handlers`.
#pragma once

#include <string>

#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk::host {

/// Per plugin, each handler: its kind, where YAML binds it, its parameters (type,
/// required, description) and the form fields it reads. Plain text for a terminal.
std::string handler_reference_text(const HandlerCatalog& catalog);

/// The same as Markdown, the text of docs/handlers.md.
std::string handler_reference_markdown(const HandlerCatalog& catalog);

}  // namespace servicedesk::host
