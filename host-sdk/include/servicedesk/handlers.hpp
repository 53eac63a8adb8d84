// Rule handlers a plugin binds to catalog-item YAML by name, and what each one sees.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace servicedesk {

// ---- Parameters: what a handler accepts from YAML (`rules: [{use: x, key: value}]`) ----

/// The type of one handler parameter, as written in YAML.
enum class ParamType { boolean, integer, string, string_list };

/// One parameter a handler accepts; the form loader checks YAML against these.
struct ParamSpec {
  std::string name;
  ParamType type = ParamType::string;
  bool required = false;
  std::string description;
};

using ParamValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;

/// A form field a handler reads from the answers: its id and, for a `rows` field, the
/// columns it reads. The host checks at form load that every field a bound handler reads
/// exists (a load error at the binding's `use:` line otherwise), so renaming a field in YAML
/// cannot silently switch a rule off. An id `row.<column>` names a column of the row a
/// field rule is bound in; it is checked only where the rule is bound inside a `rows` field.
struct FieldRead {
  std::string field;                 ///< "account", "members", "row.user"
  std::vector<std::string> columns;  ///< for a rows field: "user", "last_four", ...
};

/// What a handler declares when it registers: the parameters it accepts in YAML and the
/// fields it reads. The form loader checks both against each binding.
struct HandlerContract {
  std::vector<ParamSpec> params;
  std::vector<FieldRead> reads;
};

/// The parameters of one binding, already checked against the handler's ParamSpecs.
class RuleParams {
 public:
  RuleParams() = default;
  explicit RuleParams(std::map<std::string, ParamValue, std::less<>> values)
      : values_(std::move(values)) {}

  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }
  /// The value of `name` when present and of type T, else `fallback`.
  template <class T>
  T get_or(std::string_view name, T fallback) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    if (const T* value = std::get_if<T>(&it->second)) return *value;
    return fallback;
  }
  const std::map<std::string, ParamValue, std::less<>>& values() const { return values_; }

 private:
  std::map<std::string, ParamValue, std::less<>> values_;
};

// ---- What each kind of handler sees and answers ----

/// The blanks the host trims from every text answer before checking it; plugins reading
/// answers themselves trim the same way.
inline constexpr std::string_view kAnswerBlanks = " \t\r\n\f\v";

/// `text` without leading and trailing kAnswerBlanks.
inline std::string_view trim_blanks(std::string_view text) noexcept {
  const auto first = text.find_first_not_of(kAnswerBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kAnswerBlanks) - first + 1);
}

/// A field rule's input: one answer, and the form around it.
struct FieldInput {
  std::string_view path;          ///< "phone" or "members[2].phone"
  std::string_view value;         ///< the answer as typed (trimmed)
  const nlohmann::json& answers;  ///< the whole form's answers (an object)
  const nlohmann::json* row;      ///< the row object when the field is a column, else nullptr
};

/// A field rule's answer: an error a requester understands, or a pass with an optional
/// normalized value (for instance a phone number in E.164) that replaces the answer.
struct RuleVerdict {
  std::string error;
  std::string normalized;
  bool ok() const noexcept { return error.empty(); }
  static RuleVerdict pass(std::string normalized_value = {}) {
    return {{}, std::move(normalized_value)};
  }
  static RuleVerdict fail(std::string message) { return {std::move(message), {}}; }
};

/// One error bound to a field path ("phone", "members[0].last_four"); an empty path
/// means the form as a whole.
struct FieldError {
  std::string path;
  std::string message;
};

/// A form rule's input: all answers of one item, after field checks passed.
struct FormInput {
  const nlohmann::json& answers;
  std::string_view requester;  ///< username of the person filling in the form
};

/// The cart a checkout guard judges: the item ids of every line, in order, including the
/// line being added (when adding) or all lines (at checkout).
struct CartView {
  std::span<const std::string> item_ids;
  std::string_view guarded_item;  ///< the item whose guard this is
};

/// A checkout guard's answer. The message shown on refusal comes from YAML.
struct GuardVerdict {
  bool allowed = true;
  std::string detail;  ///< for logs only
};

/// A summarizer's input: one line's answers. It returns a short plain-text summary
/// used in the cart, in requests and in mail (phone numbers masked).
struct SummaryInput {
  std::string_view item_id;
  const nlohmann::json& answers;
};

/// What staff decided about a requested item (RITM).
enum class Decision { fulfil, reject };

/// Since SDK 1.1: what a fulfilment handler can tell the host besides its result.
struct FulfilmentFeedback {
  /// Set with a failed result when trying again later may succeed (a service down, rate
  /// limited): the host keeps the job and retries it with backoff instead of failing it.
  bool temporary = false;
};

/// A fulfilment handler's input. Growth rule: members are only appended.
struct FulfilmentInput {
  std::string_view ritm_number;
  std::string_view item_id;
  const nlohmann::json& answers;
  Decision decision = Decision::fulfil;
  std::string_view reason;  ///< staff's reason, for a rejection
  /// Since SDK 1.1: where to report a temporary failure; null from a 1.0 host.
  FulfilmentFeedback* feedback = nullptr;
};

struct FulfilmentResult {
  bool ok = true;
  std::string message;  ///< what happened, or why it failed
};

// Signatures of the five handler kinds.
using FieldRuleFn = RuleVerdict(const FieldInput&);
using FormRuleFn = std::vector<FieldError>(const FormInput&);
using CheckoutGuardFn = GuardVerdict(const CartView&);
using SummarizerFn = std::string(const SummaryInput&);
using FulfilmentFn = FulfilmentResult(const FulfilmentInput&);

template <class Fn>
class Handler;

/// A handler bound to one place in one form, with its parameters. `call` never throws:
/// the plugin-side adapter catches and turns an exception into a failure result.
template <class Result, class... Args>
class Handler<Result(Args...)> {
 public:
  virtual ~Handler() = default;
  virtual Result call(Args... args) const noexcept = 0;
};

/// A factory that builds a handler from checked parameters; a plugin registers one per
/// handler name. `create` never throws.
template <class Fn>
class HandlerFactory {
 public:
  using Signature = Fn;  ///< the kind this factory makes handlers of
  struct Created {
    std::unique_ptr<const Handler<Fn>> handler;  ///< set on success
    std::string error;                           ///< why the parameters were refused
  };
  virtual ~HandlerFactory() = default;
  virtual Created create(const RuleParams& params) const noexcept = 0;
};

/// Every handler kind, in one list: the host's tables and the registrar's factory type are
/// built from it, so a new kind is added here (at the end) and nowhere else by hand.
template <class... Fns>
struct HandlerKindList {
  /// One owned factory of any of the kinds.
  using AnyFactory = std::variant<std::unique_ptr<HandlerFactory<Fns>>...>;
};
using HandlerKinds =
    HandlerKindList<FieldRuleFn, FormRuleFn, CheckoutGuardFn, SummarizerFn, FulfilmentFn>;
using AnyHandlerFactory = HandlerKinds::AnyFactory;

/// The words a kind goes by: in messages ("field rule") and in listings ("field_rule").
template <class Fn>
struct HandlerKind;
template <>
struct HandlerKind<FieldRuleFn> {
  static constexpr const char* name = "field rule";
  static constexpr const char* tag = "field_rule";
};
template <>
struct HandlerKind<FormRuleFn> {
  static constexpr const char* name = "form rule";
  static constexpr const char* tag = "form_rule";
};
template <>
struct HandlerKind<CheckoutGuardFn> {
  static constexpr const char* name = "checkout guard";
  static constexpr const char* tag = "checkout_guard";
};
template <>
struct HandlerKind<SummarizerFn> {
  static constexpr const char* name = "summarizer";
  static constexpr const char* tag = "summarizer";
};
template <>
struct HandlerKind<FulfilmentFn> {
  static constexpr const char* name = "fulfilment handler";
  static constexpr const char* tag = "fulfilment";
};

using FieldRule = Handler<FieldRuleFn>;
using FormRule = Handler<FormRuleFn>;
using CheckoutGuard = Handler<CheckoutGuardFn>;
using Summarizer = Handler<SummarizerFn>;
using Fulfilment = Handler<FulfilmentFn>;

}  // namespace servicedesk
