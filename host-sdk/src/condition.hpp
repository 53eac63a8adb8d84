// The condition language of catalog-item YAML: parsed once at load, evaluated per answer set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace servicedesk::forms {

/// A value seen by a condition. Text views point into the answers or the form; they
/// live only as long as one evaluation.
struct Value {
  enum class Kind : std::uint8_t { empty, text, boolean };
  Kind kind = Kind::empty;
  bool flag = false;
  std::string_view text;

  static Value of_text(std::string_view t) {
    return t.empty() ? Value{} : Value{Kind::text, false, t};
  }
  static Value of_bool(bool b) { return {Kind::boolean, b, {}}; }
  bool is_empty() const { return kind == Kind::empty; }
  /// A condition's result: true, or any non-empty text.
  bool truthy() const { return kind == Kind::boolean ? flag : kind == Kind::text; }
};

/// What a name in a condition refers to; resolved at load, so evaluation does no lookup.
struct Ref {
  enum class Scope : std::uint8_t { form, row, self_visible };
  enum class Attr : std::uint8_t { value, kind, department };
  Scope scope = Scope::form;
  Attr attr = Attr::value;
  std::uint16_t index = 0;  ///< field index in the form, or column index in the row
};

/// Supplies reference values during one evaluation.
class ValueSource {
 public:
  virtual Value lookup(const Ref& ref) const = 0;

 protected:
  ~ValueSource() = default;
};

/// A reference the parser could not resolve, or a syntax error; `offset` is 0-based
/// inside the expression text.
struct ConditionError {
  std::size_t offset = 0;
  std::string message;
};

/// Maps `name` or `name.attr` to a Ref, or explains why it cannot.
struct ResolveResult {
  ResolveResult() = default;
  ResolveResult(std::optional<Ref> ref_, std::string error_)
      : ref(ref_), error(std::move(error_)) {}
  std::optional<Ref> ref;
  std::string error;
  std::string field;  ///< the field's id, for messages
  /// The values a choice field offers: a text compared with it must be one of them.
  std::vector<std::string> choice_values;
};
using Resolver = std::function<ResolveResult(std::string_view name, std::string_view attr)>;

/// One compiled condition. An absent condition (default) is "not written".
class Condition {
 public:
  Condition() = default;
  /// Parses `text`; every error is appended to `errors` (syntax stops at the first).
  static Condition compile(std::string_view text, const Resolver& resolve,
                           std::vector<ConditionError>& errors);

  bool present() const { return !nodes_.empty(); }
  const std::string& text() const { return text_; }
  /// Evaluates the condition; an absent condition is `fallback`.
  bool eval(const ValueSource& source, bool fallback) const;

  struct Node {
    enum class Op : std::uint8_t { literal, ref, eq, ne, in, not_in, and_, or_, not_, empty };
    Op op = Op::literal;
    std::uint16_t lhs = 0;
    std::uint16_t rhs = 0;  ///< for in/not_in: first literal; count in `count`
    std::uint16_t count = 0;
    Ref ref;
    Value::Kind literal_kind = Value::Kind::empty;
    bool literal_flag = false;
    std::uint32_t text_offset = 0;  ///< a text literal is a slice of the condition's text
    std::uint32_t text_length = 0;
  };

 private:
  Value eval_node(std::size_t index, const ValueSource& source) const;
  Value literal_of(const Node& node) const;
  friend class ConditionParser;

  std::string text_;
  std::vector<Node> nodes_;          // root is the last node
  std::vector<Node> list_literals_;  // literals of `in [...]`
};

// ---- the lexer, shared by the parser and tests ----

struct Token {
  enum class Kind : std::uint8_t {
    end,
    identifier,
    string,
    number,
    dot,
    comma,
    lparen,
    rparen,
    lbracket,
    rbracket,
    eq,
    ne,
    kw_and,
    kw_or,
    kw_not,
    kw_in,
    kw_true,
    kw_false,
    kw_empty,
    invalid
  };
  Kind kind = Kind::end;
  std::size_t offset = 0;
  std::string_view lexeme;  ///< for strings: the content without quotes
};

/// Splits a condition into tokens; stops at the first invalid one (kind `invalid`,
/// with `error` set) or at the end.
std::vector<Token> tokenize(std::string_view text, std::string& error);

/// How a token reads in an error message: "')'", "the end of the condition".
std::string describe(const Token& token);

}  // namespace servicedesk::forms
