// Rule handlers a plugin binds to catalog-item YAML by name, and what each one sees.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace servicedesk {

// ---- Parameters: what a handler accepts from YAML (`rules: [{use: x, key: value}]`) ----

/// The type of one handler parameter, as written in YAML. `field` is the id of a field of
/// the form the handler is bound in (read as a std::string); the form loader and `lint`
/// report an id the form does not have at the parameter's line. Since SDK 3.1,
/// `date_field` is a `field` that must also be of type `date` (its answers are always
/// `YYYY-MM-DD`).
enum class ParamType { boolean, integer, string, string_list, field, date_field };

/// One parameter a handler accepts; the form loader checks YAML against these. The type is
/// required: `{"max_days", ParamType::integer, true, "longest loan in days"}`.
struct ParamSpec {
  ParamSpec(std::string name_, ParamType type_, bool required_ = false,
            std::string description_ = {})
      : name(std::move(name_)),
        type(type_),
        required(required_),
        description(std::move(description_)) {}
  std::string name;
  ParamType type;
  bool required = false;
  std::string description;
};

using ParamValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;

/// A form field a handler reads from the answers: its id and, for a `rows` field, the
/// columns it reads. The host checks at form load that every field a bound handler reads
/// exists (a load error at the binding's `use:` line otherwise), so renaming a field in YAML
/// cannot silently switch a rule off. An id `row.<column>` names a column of the row a
/// field rule is bound in; it is checked only where the rule is bound inside a `rows` field.
/// A field rule sees only the fields above it, so what it reads must be declared above.
struct FieldRead {
  std::string field;                 ///< "account", "members", "row.user"
  std::vector<std::string> columns;  ///< for a rows field: "user", "last_four", ...
};

/// Whether a form rule may run while the requester types (`POST .../evaluate`).
enum class Cost {
  cheap,   ///< runs live once the fields it reads are valid, and on add to cart
  costly,  ///< calls something slow or remote: runs on add to cart and checkout only
};

/// What a handler declares when it registers: the parameters it accepts in YAML, the
/// fields it reads, and (for a form rule) whether it is too costly to run live.
struct HandlerContract {
  std::vector<ParamSpec> params;
  std::vector<FieldRead> reads;
  Cost cost = Cost::cheap;
};

namespace detail {
template <class T>
inline constexpr bool is_param_type =
    std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t> || std::is_same_v<T, std::string> ||
    std::is_same_v<T, std::vector<std::string>>;
}  // namespace detail

/// How a ParamType reads in messages: "a whole number", "a field id", ...
inline std::string_view param_type_words(ParamType type) noexcept {
  switch (type) {
    case ParamType::boolean:
      return "true or false";
    case ParamType::integer:
      return "a whole number";
    case ParamType::string:
      return "text";
    case ParamType::string_list:
      return "a list of texts";
    case ParamType::field:
      return "a field id";
    case ParamType::date_field:
      return "the id of a date field";
  }
  return "a value";
}

/// The parameters of one binding, already checked against the handler's ParamSpecs. A
/// getter whose C++ type does not match the declared ParamType, or that names a parameter
/// the handler did not declare, throws std::invalid_argument: called from a factory, that
/// refuses the binding at form load (`lint` prints it at the binding's line).
class RuleParams {
 public:
  RuleParams() = default;
  RuleParams(std::map<std::string, ParamValue, std::less<>> values,
             std::map<std::string, ParamType, std::less<>> declared)
      : values_(std::move(values)), declared_(std::move(declared)) {}

  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }
  /// The value of `name` when given in YAML, else `fallback`. T is the C++ type of the
  /// declared ParamType: bool, std::int64_t, std::string (string, field, date_field) or
  /// std::vector<std::string>.
  template <class T>
  T get_or(std::string_view name, T fallback) const {
    static_assert(detail::is_param_type<T>,
                  "RuleParams::get_or<T>: T must be bool, std::int64_t, std::string or "
                  "std::vector<std::string> (ParamType boolean, integer, string or field, "
                  "string_list); read an `integer` as std::int64_t, then narrow it yourself");
    check_declared<T>(name);
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    return std::get<T>(it->second);
  }
  /// The value of a required parameter (the loader refuses a binding without it).
  template <class T>
  T get(std::string_view name) const {
    static_assert(detail::is_param_type<T>,
                  "RuleParams::get<T>: T must be bool, std::int64_t, std::string or "
                  "std::vector<std::string> (ParamType boolean, integer, string or field, "
                  "string_list)");
    check_declared<T>(name);
    auto it = values_.find(name);
    if (it == values_.end())
      throw std::invalid_argument("parameter '" + std::string(name) + "' is missing");
    return std::get<T>(it->second);
  }
  const std::map<std::string, ParamValue, std::less<>>& values() const { return values_; }

 private:
  template <class T>
  static constexpr bool fits(ParamType type) {
    switch (type) {
      case ParamType::boolean:
        return std::is_same_v<T, bool>;
      case ParamType::integer:
        return std::is_same_v<T, std::int64_t>;
      case ParamType::string:
      case ParamType::field:
      case ParamType::date_field:
        return std::is_same_v<T, std::string>;
      case ParamType::string_list:
        return std::is_same_v<T, std::vector<std::string>>;
    }
    return false;
  }
  template <class T>
  void check_declared(std::string_view name) const {
    auto it = declared_.find(name);
    if (it == declared_.end()) {
      throw std::invalid_argument("the handler reads parameter '" + std::string(name) +
                                  "', which it did not declare in its ParamSpecs");
    }
    if (!fits<T>(it->second)) {
      throw std::invalid_argument("the handler reads parameter '" + std::string(name) +
                                  "' with a getter of another type than the declared " +
                                  std::string(param_type_words(it->second)));
    }
  }
  std::map<std::string, ParamValue, std::less<>> values_;
  std::map<std::string, ParamType, std::less<>> declared_;
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

/// A field rule's input: one answer, and the validated answers above it. Nothing here is
/// the request body as sent: `answers` holds only the fields above this one (in form order)
/// that are visible and passed their checks, trimmed and typed as they will be stored
/// (a checkbox is a JSON boolean, a date "YYYY-MM-DD", a phone normalized by its rules);
/// hidden fields are absent. Read a field below this one from a form rule instead.
struct FieldInput {
  std::string_view path;          ///< "phone" or "members[2].phone"
  std::string_view value;         ///< this answer, trimmed (after earlier rules normalized it)
  const nlohmann::json& answers;  ///< the validated answers of the fields above (an object)
  const nlohmann::json* row;      ///< the row's validated columns to the left, or nullptr
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

/// A form rule's input: the validated answers of one item (visible fields only, trimmed,
/// typed, normalized: exactly what will be stored), once the fields it reads are valid.
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

/// What calling a handler gave: its result, or the text of the exception it threw (which
/// the host logs with the plugin, handler, item and field path; the requester sees only a
/// plain sentence).
template <class Result>
struct HandlerOutcome {
  std::optional<Result> result;  ///< unset when the handler threw
  std::string failure;           ///< the exception's text when it threw
  bool ok() const noexcept { return result.has_value(); }
};

/// A handler bound to one place in one form, with its parameters. `call` never throws:
/// the plugin-side adapter catches an exception and returns its text as the failure.
template <class Result, class... Args>
class Handler<Result(Args...)> {
 public:
  virtual ~Handler() = default;
  virtual HandlerOutcome<Result> call(Args... args) const noexcept = 0;
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
