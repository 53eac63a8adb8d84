// The DUO Account updates plugin's entry point: the only symbol the module exports.
#include "registration.hpp"
#include "servicedesk/plugin.hpp"

using servicedesk::duo::register_duo_plugin;

SERVICEDESK_PLUGIN("duo-account-updates", "1.0.0", register_duo_plugin)
