// The compiled form model behind servicedesk::Form: fields, conditions, bound handlers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "condition.hpp"
#include "servicedesk/forms/calendar.hpp"
#include "servicedesk/forms/form.hpp"

namespace servicedesk::forms {

enum class FieldType : std::uint8_t {
  text,
  multiline_text,
  choice,
  phone,
  person,
  directory_account,
  rows,
  date,     ///< ISO 8601 `YYYY-MM-DD`, between optional `min` and `max`
  checkbox  ///< a JSON boolean; a visible checkbox always has one (unchecked: false)
};

/// "text", "choice", ...: the YAML spelling.
std::string_view to_string(FieldType type) noexcept;

struct ChoiceDef {
  std::string value;
  std::string label;
  Condition visible_when;
};

struct FieldRuleBinding {
  std::string name;
  std::string plugin;
  std::shared_ptr<const FieldRule> rule;
};

struct FieldDef {
  std::string id;
  FieldType type = FieldType::text;
  std::string label;
  std::string help;
  bool mandatory = false;
  bool read_only = false;
  Condition visible_when;
  Condition mandatory_when;
  Condition read_only_when;
  std::optional<std::regex> pattern;
  std::string pattern_text;
  std::string pattern_message;
  std::vector<ChoiceDef> choices;
  std::vector<FieldRuleBinding> rules;
  // date only
  std::optional<DateBound> min_date;
  std::optional<DateBound> max_date;
  // rows only
  std::vector<FieldDef> columns;
  std::optional<std::int64_t> min_rows;
  std::optional<std::int64_t> max_rows;
  std::vector<std::uint16_t> unique_columns;
  std::string add_label;
};

struct FormRuleBinding {
  std::string name;
  std::string plugin;
  std::shared_ptr<const FormRule> rule;
  std::vector<FieldRead> reads;  ///< what it declared it reads: live runs wait for these
  Cost cost = Cost::cheap;       ///< costly: never run live in /evaluate
};

/// The compiled form. Immutable after load.
class CompiledForm final : public Form {
 public:
  ItemHeader header_;
  std::vector<FieldDef> fields_;
  std::vector<FieldDef> checkout_fields_;
  std::vector<GuardBinding> guards_;
  std::vector<FormRuleBinding> validators_;
  std::shared_ptr<const Summarizer> summarizer_;
  HandlerOrigin summarizer_origin_;
  std::shared_ptr<const Fulfilment> fulfilment_;
  HandlerOrigin fulfilment_origin_;
  std::vector<NotificationSpec> notifications_;
  nlohmann::json client_json_;

  const ItemHeader& header() const override { return header_; }
  const nlohmann::json& client_json() const override { return client_json_; }
  Evaluation evaluate(const nlohmann::json& answers, const EvalContext& context) const override;
  Submission validate(const nlohmann::json& answers, const EvalContext& context) const override;
  Submission validate_checkout(const nlohmann::json& answers,
                               const EvalContext& context) const override;
  const std::vector<GuardBinding>& checkout_guards() const override { return guards_; }
  const std::vector<NotificationSpec>& notifications() const override { return notifications_; }
  const Summarizer* summarizer() const override { return summarizer_.get(); }
  const Fulfilment* fulfilment() const override { return fulfilment_.get(); }
  const HandlerOrigin& summarizer_origin() const override { return summarizer_origin_; }
  const HandlerOrigin& fulfilment_origin() const override { return fulfilment_origin_; }

  /// Builds `client_json_` from the model; called once at the end of loading.
  void build_client_json();
};

}  // namespace servicedesk::forms
