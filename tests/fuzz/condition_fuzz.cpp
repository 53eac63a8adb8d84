// libFuzzer target: the condition language (lexer, parser, evaluation) on any text.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "condition.hpp"

namespace {

using servicedesk::forms::Condition;
using servicedesk::forms::ConditionError;
using servicedesk::forms::Ref;
using servicedesk::forms::ResolveResult;
using servicedesk::forms::Value;

/// Three fields, as a small form has: `kind` and `department` attributes on `who`.
ResolveResult resolve(std::string_view name, std::string_view attr) {
  static constexpr std::string_view kFields[] = {"request_type", "who", "send_as"};
  for (std::uint16_t i = 0; i < 3; ++i) {
    if (name != kFields[i]) continue;
    Ref ref{Ref::Scope::form, Ref::Attr::value, i};
    if (attr.empty()) return {ref, {}};
    if (i == 1 && attr == "kind") return {Ref{Ref::Scope::form, Ref::Attr::kind, i}, {}};
    if (i == 1 && attr == "department")
      return {Ref{Ref::Scope::form, Ref::Attr::department, i}, {}};
    return {std::nullopt, "no such attribute"};
  }
  return {std::nullopt, "unknown field"};
}

/// Answers that make each branch reachable: text, empty and boolean values.
class Answers final : public servicedesk::forms::ValueSource {
 public:
  Value lookup(const Ref& ref) const override {
    switch (ref.index) {
      case 0:
        return Value::of_text("add");
      case 1:
        return ref.attr == Ref::Attr::kind ? Value::of_text("person") : Value{};
      default:
        return Value::of_bool(true);
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<ConditionError> errors;
  const Condition condition = Condition::compile(text, resolve, errors);
  for (const ConditionError& error : errors) {
    if (error.offset > text.size()) __builtin_trap();  // an error must point into the text
  }
  if (errors.empty() && condition.present()) {
    const Answers answers;
    (void)condition.eval(answers, false);
  }
  return 0;
}
