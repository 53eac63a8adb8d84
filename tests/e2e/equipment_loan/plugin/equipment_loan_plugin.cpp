// The e2e tests' "Equipment loan" item: date fields, a checkbox and the host's date_range, so
// the portal's native date input and checkbox are driven in a browser. No C++ rules: the
// form is YAML alone (tests/e2e/equipment_loan/catalog/equipment-loan.yaml).
#include <servicedesk/plugin.hpp>

namespace {
void register_equipment_loan(servicedesk::Registrar& registrar) {
  registrar.add_item({.id = "equipment-loan", .form_file = "equipment-loan.yaml"});
}
}  // namespace

SERVICEDESK_PLUGIN("equipment-loan", "1.0.0", register_equipment_loan)
