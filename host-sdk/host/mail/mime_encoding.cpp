// Encoders for mail headers and bodies: RFC 2047 encoded words, quoted-printable, base64.
#include "mail/mime_encoding.hpp"

#include <vector>

namespace servicedesk::host::mime {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";
// Longest quoted-printable line including the soft-break '=' (RFC 2045 allows 76).
constexpr std::size_t kQpLineLimit = 76;
// Raw bytes per encoded word: 45 bytes -> 60 base64 chars + 12 chars of "=?UTF-8?B??=" = 72.
constexpr std::size_t kWordBytes = 45;
// Plain header text longer than this is encoded so that it gets folded.
constexpr std::size_t kPlainHeaderLimit = 900;

std::string hex_escape(unsigned char byte) {
  return {'=', kHex[byte >> 4], kHex[byte & 0x0F]};
}

std::string without_line_breaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out.push_back(c == '\r' || c == '\n' ? ' ' : c);
  return out;
}

bool printable_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// Quoted-printable tokens of one logical line (no line break inside).
std::vector<std::string> qp_tokens(std::string_view line) {
  std::vector<std::string> tokens;
  tokens.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    if ((c == ' ' || c == '\t') && !last) {
      tokens.emplace_back(1, static_cast<char>(c));
    } else if (c >= 33 && c <= 126 && c != '=') {
      tokens.emplace_back(1, static_cast<char>(c));
    } else {
      tokens.push_back(hex_escape(c));
    }
  }
  return tokens;
}

}  // namespace

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63],
            kAlphabet[n & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned n =
        static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  bool first_line = true;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool final_piece = end == text.size();
    // A text ending in a line break does not get an extra empty line.
    if (final_piece && line.empty() && !first_line) break;
    if (!first_line) out += "\r\n";
    first_line = false;

    std::size_t width = 0;
    for (auto& token : qp_tokens(line)) {
      if (width + token.size() > kQpLineLimit - 1) {
        out += "=\r\n";
        width = 0;
      }
      // No physical line may start with a dot (SMTP end-of-data, maildir readers).
      if (width == 0 && token == ".") token = "=2E";
      out += token;
      width += token.size();
    }
    if (final_piece) break;
    start = end + 1;
  }
  return out;
}

std::string header_text(std::string_view text) {
  const std::string clean = without_line_breaks(text);
  if (printable_ascii(clean) && clean.size() <= kPlainHeaderLimit &&
      clean.find("=?") == std::string::npos) {
    return clean;
  }
  std::string out;
  std::size_t i = 0;
  while (i < clean.size()) {
    std::size_t n = std::min(kWordBytes, clean.size() - i);
    // Never split a UTF-8 character between two words (RFC 2047 section 5).
    while (n > 1 && i + n < clean.size() &&
           (static_cast<unsigned char>(clean[i + n]) & 0xC0) == 0x80) {
      --n;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(clean).substr(i, n)) + "?=";
    i += n;
  }
  return out;
}

std::string display_name(std::string_view name) {
  const std::string clean = without_line_breaks(name);
  if (!printable_ascii(clean) || clean.find("=?") != std::string::npos) return header_text(clean);
  if (clean.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) return clean;
  std::string quoted = "\"";
  for (char c : clean) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

}  // namespace servicedesk::host::mime
