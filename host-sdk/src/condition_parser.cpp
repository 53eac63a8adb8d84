// Recursive-descent parser of the condition language into Condition's flat node list.
#include <algorithm>
#include <limits>

#include "condition.hpp"
#include "servicedesk/forms/closest_name.hpp"

namespace servicedesk::forms {

/// Grammar:  or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | cmp ;
/// cmp := operand (('=='|'!=') operand | 'not'? 'in' list)? ;
/// operand := literal | ref | 'empty' '(' ref ')' | '(' or ')' ; ref := name ('.' name)?
class ConditionParser {
 public:
  ConditionParser(Condition& out, std::vector<Token> tokens, const Resolver& resolve,
                  std::vector<ConditionError>& errors)
      : out_(out), tokens_(std::move(tokens)), resolve_(resolve), errors_(errors) {}

  bool parse() {
    if (!parse_or()) return false;
    if (peek().kind != Token::Kind::end) {
      return fail("expected 'and', 'or' or the end of the condition, found " + describe(peek()));
    }
    return !resolve_failed_;
  }

 private:
  using Op = Condition::Node::Op;
  using Kind = Token::Kind;

  const Token& peek() const { return tokens_[pos_]; }
  const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool accept(Kind kind) {
    if (peek().kind != kind) return false;
    ++pos_;
    return true;
  }
  bool fail(std::string message) { return fail_at(peek().offset, std::move(message)); }
  bool fail_at(std::size_t offset, std::string message) {
    errors_.push_back({offset, std::move(message)});
    return false;
  }

  std::uint16_t add(Condition::Node node) {
    out_.nodes_.push_back(node);
    return static_cast<std::uint16_t>(out_.nodes_.size() - 1);
  }
  std::uint16_t last() const { return static_cast<std::uint16_t>(out_.nodes_.size() - 1); }

  bool binary(Op op, bool (ConditionParser::*operand)(), Kind keyword) {
    if (!(this->*operand)()) return false;
    while (accept(keyword)) {
      const std::uint16_t lhs = last();
      if (!(this->*operand)()) return false;
      Condition::Node node;
      node.op = op;
      node.lhs = lhs;
      node.rhs = last();
      add(node);
    }
    return true;
  }
  bool parse_or() { return binary(Op::or_, &ConditionParser::parse_and, Kind::kw_or); }
  bool parse_and() { return binary(Op::and_, &ConditionParser::parse_not, Kind::kw_and); }

  bool parse_not() {
    if (accept(Kind::kw_not)) {
      if (!parse_not()) return false;
      Condition::Node node;
      node.op = Op::not_;
      node.lhs = last();
      add(node);
      return true;
    }
    return parse_comparison();
  }

  bool parse_comparison() {
    if (!parse_operand()) return false;
    const std::uint16_t lhs = last();
    if (peek().kind == Kind::eq || peek().kind == Kind::ne) {
      const Op op = next().kind == Kind::eq ? Op::eq : Op::ne;
      if (!parse_operand()) return false;
      Condition::Node node;
      node.op = op;
      node.lhs = lhs;
      node.rhs = last();
      check_offered(lhs, out_.nodes_[node.rhs]);
      check_offered(node.rhs, out_.nodes_[lhs]);
      add(node);
      return true;
    }
    bool negated = false;
    if (peek().kind == Kind::kw_not && pos_ + 1 < tokens_.size() &&
        tokens_[pos_ + 1].kind == Kind::kw_in) {
      negated = true;
      ++pos_;
    }
    if (accept(Kind::kw_in)) return parse_list(negated ? Op::not_in : Op::in, lhs);
    return true;
  }

  bool parse_list(Op op, std::uint16_t lhs) {
    if (!accept(Kind::lbracket))
      return fail("expected '[' to start a list after 'in', found " + describe(peek()));
    Condition::Node node;
    node.op = op;
    node.lhs = lhs;
    node.rhs = static_cast<std::uint16_t>(out_.list_literals_.size());
    if (!accept(Kind::rbracket)) {
      do {
        Condition::Node literal;
        if (!literal_node(next(), literal)) {
          --pos_;
          return fail("expected a quoted text, a number, true or false in the list, found " +
                      describe(peek()));
        }
        out_.list_literals_.push_back(literal);
      } while (accept(Kind::comma));
      if (!accept(Kind::rbracket))
        return fail("expected ',' or ']' in the list, found " + describe(peek()));
    }
    node.count = static_cast<std::uint16_t>(out_.list_literals_.size() - node.rhs);
    for (std::size_t i = node.rhs; i < out_.list_literals_.size(); ++i)
      check_offered(lhs, out_.list_literals_[i]);
    add(node);
    return true;
  }

  bool literal_node(const Token& token, Condition::Node& node) const {
    node.op = Op::literal;
    switch (token.kind) {
      case Kind::string:
      case Kind::number:
        node.literal_kind = Value::Kind::text;
        node.text_offset = static_cast<std::uint32_t>(token.lexeme.data() - out_.text_.data());
        node.text_length = static_cast<std::uint32_t>(token.lexeme.size());
        if (token.lexeme.empty()) node.literal_kind = Value::Kind::empty;
        return true;
      case Kind::kw_true:
      case Kind::kw_false:
        node.literal_kind = Value::Kind::boolean;
        node.literal_flag = token.kind == Kind::kw_true;
        return true;
      default:
        return false;
    }
  }

  bool parse_operand() {
    const Token& token = peek();
    Condition::Node literal;
    if (literal_node(token, literal)) {
      ++pos_;
      add(literal);
      return true;
    }
    if (accept(Kind::lparen)) {
      if (!parse_or()) return false;
      if (!accept(Kind::rparen))
        return fail("expected ')' to close '(', found " + describe(peek()));
      return true;
    }
    if (accept(Kind::kw_empty)) {
      if (!accept(Kind::lparen))
        return fail("expected '(' after 'empty', found " + describe(peek()));
      if (peek().kind != Kind::identifier)
        return fail("expected a field name inside empty(...), found " + describe(peek()));
      if (!parse_reference()) return false;
      if (!accept(Kind::rparen))
        return fail("expected ')' to close empty(...), found " + describe(peek()));
      Condition::Node node;
      node.op = Op::empty;
      node.lhs = last();
      add(node);
      return true;
    }
    if (token.kind == Kind::identifier) return parse_reference();
    return fail(
        "expected a field name, a quoted text, true, false, 'not', 'empty(' or '(', found " +
        describe(token));
  }

  /// A text compared with a choice field must be one of the values it offers: a misspelt
  /// value would make the condition silently never (or always) hold.
  void check_offered(std::uint16_t ref_node, const Condition::Node& literal) {
    auto it = std::find_if(choices_.begin(), choices_.end(),
                           [ref_node](const auto& entry) { return entry.first == ref_node; });
    if (it == choices_.end() || literal.op != Op::literal ||
        literal.literal_kind != Value::Kind::text)
      return;
    const ResolveResult& field = it->second;
    const std::string_view text =
        std::string_view(out_.text_).substr(literal.text_offset, literal.text_length);
    const auto& values = field.choice_values;
    if (std::find(values.begin(), values.end(), text) != values.end()) return;
    std::string offered;
    for (const auto& value : values) offered += (offered.empty() ? "'" : ", '") + value + "'";
    const std::vector<std::string_view> known(values.begin(), values.end());
    fail_at(literal.text_offset, "'" + std::string(text) +
                                     "' is not a value of the choice field '" + field.field + "'" +
                                     did_you_mean(text, known) + "; it offers " + offered);
    resolve_failed_ = true;
  }

  bool parse_reference() {
    const Token& name = next();
    std::string_view attr;
    if (accept(Kind::dot)) {
      if (peek().kind != Kind::identifier)
        return fail("expected an attribute name after '.', found " + describe(peek()));
      attr = next().lexeme;
    }
    Condition::Node node;
    node.op = Op::ref;
    ResolveResult resolved = resolve_(name.lexeme, attr);
    if (!resolved.ref) {
      // Keep parsing so later syntax errors are found too; the condition is refused anyway.
      fail_at(name.offset, resolved.error);
      resolve_failed_ = true;
    } else {
      node.ref = *resolved.ref;
    }
    const std::uint16_t index = add(node);
    if (!resolved.choice_values.empty()) choices_.emplace_back(index, std::move(resolved));
    return true;
  }

  Condition& out_;
  std::vector<Token> tokens_;
  const Resolver& resolve_;
  std::vector<ConditionError>& errors_;
  std::size_t pos_ = 0;
  bool resolve_failed_ = false;
  /// The reference nodes to choice fields, with the values each offers.
  std::vector<std::pair<std::uint16_t, ResolveResult>> choices_;
};

Condition Condition::compile(std::string_view text, const Resolver& resolve,
                             std::vector<ConditionError>& errors) {
  Condition condition;
  condition.text_ = std::string(text);
  std::string lex_error;
  std::vector<Token> tokens = tokenize(condition.text_, lex_error);
  if (!lex_error.empty()) {
    errors.push_back({tokens.back().offset, lex_error});
    return {};
  }
  if (tokens.size() == 1) {
    errors.push_back(
        {0, "empty condition: expected an expression such as \"request_type == 'add'\""});
    return {};
  }
  if (tokens.size() > std::numeric_limits<std::uint16_t>::max() / 2) {
    errors.push_back({0, "condition too long"});
    return {};
  }
  ConditionParser parser(condition, std::move(tokens), resolve, errors);
  if (!parser.parse()) return {};
  return condition;
}

}  // namespace servicedesk::forms
