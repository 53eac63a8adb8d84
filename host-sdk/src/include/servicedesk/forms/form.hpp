// Host side: a compiled catalog-item form and the engine that evaluates and checks answers.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "servicedesk/directory.hpp"
#include "servicedesk/forms/calendar.hpp"
#include "servicedesk/forms/handler_catalog.hpp"
#include "servicedesk/forms/handler_failures.hpp"
#include "servicedesk/handlers.hpp"

namespace servicedesk {

/// One problem in a YAML file, reported as `file:line:col: message` (1-based).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string to_string() const;
};

/// The item header from YAML: the only source of an item's name, category and description.
struct ItemHeader {
  std::string id;
  int id_line = 1;  ///< where `id` is written, for messages about the item as a whole
  int id_column = 1;
  std::string name;
  std::string category;
  std::string description;
  std::vector<std::string> roles;  ///< `available_for.roles`; empty means everyone
  std::filesystem::path source_file;
};

/// What the engine needs from the world while evaluating.
struct EvalContext {
  const Directory* directory = nullptr;  ///< resolves person/account answers
  std::string_view requester;            ///< the person filling in the form
  /// Where handler failures are reported (logged, counted); null: not reported.
  const HandlerFailureSink* failures = nullptr;
  /// Today's date for relative date bounds; null: system_calendar(). Read once per call.
  const Calendar* calendar = nullptr;
};

/// The state of one field path ("members[2].last_four") for the answers given.
struct FieldState {
  bool visible = true;
  bool mandatory = false;
  bool read_only = false;
  std::vector<std::pair<std::string, std::string>> options;  ///< choices offered: value, label
  std::vector<std::string> errors;
  bool has_options = false;  ///< a choice field: `options` is sent even when empty
  std::string min;           ///< a date field: the earliest date accepted today, or ""
  std::string max;           ///< a date field: the latest date accepted today, or ""
};

/// The answer to `POST /evaluate`: every field path's state, in form order.
struct Evaluation {
  std::vector<std::pair<std::string, FieldState>> fields;
  bool valid = true;
  /// `{fields:{PATH:{visible,mandatory,read_only,options?,errors}}, valid}`.
  nlohmann::json to_json() const;
};

/// The result of validating answers for submission.
struct Submission {
  bool ok = false;
  std::map<std::string, std::vector<std::string>> errors;  ///< by path; "" = the whole form
  /// Answers to visible fields only, with normalized values (E.164 phones); set when ok.
  std::unique_ptr<nlohmann::json> answers;
  nlohmann::json errors_json() const;  ///< `{PATH:[msg,...]}`
};

/// A checkout guard bound in YAML, with the message shown when it refuses.
struct GuardBinding {
  std::string name;
  std::string plugin;  ///< the plugin that registered the guard, for logs
  std::string message;
  std::shared_ptr<const CheckoutGuard> guard;  ///< keeps its plugin loaded
};

/// A notification from YAML; templates use `{placeholder}` (see docs/catalog-yaml.md).
struct NotificationSpec {
  std::string on;                       ///< "submitted", "fulfilled", "rejected"
  std::vector<std::string> recipients;  ///< "opened_by", "requested_for"
  std::string subject_template;
  std::string body_template;  ///< the text of `body_file`, read at load
};

/// An immutable compiled form. Share it as `std::shared_ptr<const Form>`; a hot reload
/// swaps in a new one while requests in flight finish on the old.
class Form {
 public:
  virtual ~Form() = default;
  virtual const ItemHeader& header() const = 0;
  /// The form as JSON for clients (`GET /api/catalog/items/{id}`), built once at load.
  virtual const nlohmann::json& client_json() const = 0;
  /// Field states for the portal as the user types. Never throws on bad answers.
  virtual Evaluation evaluate(const nlohmann::json& answers, const EvalContext& context) const = 0;
  /// The server's check on add-to-cart and checkout: hidden answers dropped, mandatory
  /// visible fields required, patterns, rules, rows, form rules.
  virtual Submission validate(const nlohmann::json& answers, const EvalContext& context) const = 0;
  /// Checks `{requested_for, special_instructions}` against the item's checkout fields.
  virtual Submission validate_checkout(const nlohmann::json& answers,
                                       const EvalContext& context) const = 0;
  virtual const std::vector<GuardBinding>& checkout_guards() const = 0;
  virtual const std::vector<NotificationSpec>& notifications() const = 0;
  /// The item's summarizer (`summary: {use: ...}`), or nullptr for the generic summary.
  virtual const Summarizer* summarizer() const = 0;
  /// The item's fulfilment handler (`fulfilment: {use: ...}`), or nullptr.
  virtual const Fulfilment* fulfilment() const = 0;
  /// The names and plugins of the summarizer and fulfilment handler, for failure reports.
  virtual const HandlerOrigin& summarizer_origin() const = 0;
  virtual const HandlerOrigin& fulfilment_origin() const = 0;
};

/// A form, or every problem found in its file.
struct FormLoadResult {
  std::shared_ptr<const Form> form;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return form != nullptr; }
};

/// Loads, schema-checks and compiles one catalog-item YAML file. Handler names, their
/// parameters and the fields they read are checked against `handlers`. Never throws; every
/// problem becomes a Diagnostic. Whether a plugin registered the item is the catalog's
/// check (host/catalog/item_registration.hpp), not the loader's.
FormLoadResult load_form_file(const std::filesystem::path& file, const HandlerCatalog& handlers);

/// Like load_form_file for YAML already in memory; `file` names it in diagnostics and
/// `body_file`s are read relative to its folder.
FormLoadResult load_form_text(std::string_view yaml, const std::filesystem::path& file,
                              const HandlerCatalog& handlers);

/// Replaces `{name}` placeholders with `values`; unknown names are left as written.
std::string render_template(std::string_view text,
                            const std::map<std::string, std::string>& values);

}  // namespace servicedesk
