// Registers the DUO Account updates item and its handlers with a host.
#pragma once

#include "servicedesk/registrar.hpp"

namespace servicedesk::duo {

/// The item this plugin provides and its form file; its name and wording live in that YAML.
ItemInfo duo_item_info();

/// The plugin's register function: opens the ledger through the host's services, then
/// registers the item and the handlers `off_campus_phone`, `phone_on_account`,
/// `duo_account_rules`, `alone_in_cart`, `duo_summary` and `duo_fulfilment`.
/// Throws when the ledger cannot be opened (the host then refuses the plugin).
void register_duo_plugin(Registrar& registrar);

}  // namespace servicedesk::duo
