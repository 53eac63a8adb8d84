// Header lookup, query parsing and percent decoding for the HTTP message types.
#include "http/message.hpp"

#include <algorithm>
#include <cctype>

namespace servicedesk::host {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string Headers::get(std::string_view name, std::string_view fallback) const {
  for (const auto& [field, value] : fields_)
    if (same_name(field, name)) return value;
  return std::string(fallback);
}

bool Headers::has(std::string_view name) const {
  return std::any_of(fields_.begin(), fields_.end(),
                     [&](const auto& field) { return same_name(field.first, name); });
}

void Headers::set(std::string name, std::string value) {
  std::erase_if(fields_, [&](const auto& field) { return same_name(field.first, name); });
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

std::string Request::get_param_value(std::string_view key) const {
  for (const auto& [name, value] : params)
    if (name == key) return value;
  return {};
}

bool Request::has_param(std::string_view key) const {
  return std::any_of(params.begin(), params.end(),
                     [&](const auto& param) { return param.first == key; });
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string_view name = pair.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    params.emplace_back(percent_decode(name, true), percent_decode(value, true));
  }
  return params;
}

void set_target(Request& req, std::string_view target) {
  req.target = std::string(target);
  const auto question = target.find('?');
  req.path = percent_decode(target.substr(0, question), false);
  if (question != std::string_view::npos) req.params = parse_query(target.substr(question + 1));
}

}  // namespace servicedesk::host
