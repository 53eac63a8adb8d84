// Splits condition text into tokens for the parser.
#include <cctype>

#include "condition.hpp"

namespace servicedesk::forms {
namespace {

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

Token::Kind keyword_or_identifier(std::string_view word) {
  if (word == "and") return Token::Kind::kw_and;
  if (word == "or") return Token::Kind::kw_or;
  if (word == "not") return Token::Kind::kw_not;
  if (word == "in") return Token::Kind::kw_in;
  if (word == "true") return Token::Kind::kw_true;
  if (word == "false") return Token::Kind::kw_false;
  if (word == "empty") return Token::Kind::kw_empty;
  return Token::Kind::identifier;
}

}  // namespace

// Over 60 lines on purpose: one pass over the text with one case per token kind; split, the
// cases would share the cursor and the error through parameters for no gain in clarity.
std::vector<Token> tokenize(std::string_view text, std::string& error) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  auto push = [&](Token::Kind kind, std::size_t start, std::size_t length) {
    tokens.push_back({kind, start, text.substr(start, length)});
  };
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (is_ident_start(c)) {
      while (i < text.size() && is_ident_char(text[i])) ++i;
      push(keyword_or_identifier(text.substr(start, i - start)), start, i - start);
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '-' && i + 1 < text.size() &&
         std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
      ++i;
      while (i < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
        ++i;
      push(Token::Kind::number, start, i - start);
      continue;
    }
    if (c == '\'' || c == '"') {
      const std::size_t close = text.find(c, i + 1);
      if (close == std::string_view::npos) {
        error = std::string("unterminated text: expected a closing ") + c;
        tokens.push_back({Token::Kind::invalid, start, text.substr(start)});
        return tokens;
      }
      tokens.push_back({Token::Kind::string, start, text.substr(i + 1, close - i - 1)});
      i = close + 1;
      continue;
    }
    auto two = [&](char second) { return i + 1 < text.size() && text[i + 1] == second; };
    switch (c) {
      case '.':
        push(Token::Kind::dot, start, 1);
        ++i;
        continue;
      case ',':
        push(Token::Kind::comma, start, 1);
        ++i;
        continue;
      case '(':
        push(Token::Kind::lparen, start, 1);
        ++i;
        continue;
      case ')':
        push(Token::Kind::rparen, start, 1);
        ++i;
        continue;
      case '[':
        push(Token::Kind::lbracket, start, 1);
        ++i;
        continue;
      case ']':
        push(Token::Kind::rbracket, start, 1);
        ++i;
        continue;
      case '=':
        if (two('=')) {
          push(Token::Kind::eq, start, 2);
          i += 2;
          continue;
        }
        error = "unexpected '=': write '==' to compare";
        break;
      case '!':
        if (two('=')) {
          push(Token::Kind::ne, start, 2);
          i += 2;
          continue;
        }
        error = "unexpected '!': write '!=' to compare or 'not' to negate";
        break;
      default:
        error = std::string("unexpected character '") + c +
                "': expected a field name, a quoted text, a number, an operator or a parenthesis";
    }
    tokens.push_back({Token::Kind::invalid, start, text.substr(start, 1)});
    return tokens;
  }
  tokens.push_back({Token::Kind::end, text.size(), {}});
  return tokens;
}

std::string describe(const Token& token) {
  if (token.kind == Token::Kind::end) return "the end of the condition";
  // Appended, not "'" + string: GCC 12 warns falsely (-Wrestrict) on the latter at -O2.
  std::string quoted = "'";
  quoted.append(token.lexeme).append("'");
  return quoted;
}

}  // namespace servicedesk::forms
