// The HTTP request and response as routes see them: the project's own types, no library's.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace servicedesk::host {

/// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  /// The first value of `name`, or `fallback`.
  std::string get(std::string_view name, std::string_view fallback = {}) const;
  bool has(std::string_view name) const;
  /// Replaces every field called `name` with one holding `value`.
  void set(std::string name, std::string value);
  void add(std::string name, std::string value);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

/// One request: method, decoded path, query parameters, headers, body.
struct Request {
  std::string method;
  std::string path;    ///< percent-decoded, without the query string
  std::string target;  ///< as sent (for nothing but diagnostics)
  Headers headers;
  std::vector<std::pair<std::string, std::string>> params;  ///< decoded query parameters
  std::string body;
  std::string remote_addr;  ///< the connection's peer address ("127.0.0.1")
  std::smatch matches;      ///< the route pattern's groups, matched against `path`

  std::string get_header_value(std::string_view name) const { return headers.get(name); }
  bool has_header(std::string_view name) const { return headers.has(name); }
  /// The first value of query parameter `key`, or empty.
  std::string get_param_value(std::string_view key) const;
  bool has_param(std::string_view key) const;
};

/// One answer: status, headers, body.
struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  void set_header(std::string name, std::string value) {
    headers.set(std::move(name), std::move(value));
  }
  bool has_header(std::string_view name) const { return headers.has(name); }
  std::string get_header_value(std::string_view name) const { return headers.get(name); }
  void set_content(std::string content, std::string content_type) {
    body = std::move(content);
    set_header("Content-Type", std::move(content_type));
  }
};

/// Decodes %XX escapes (and '+' as a space when `plus_is_space`); a broken escape stays as is.
std::string percent_decode(std::string_view text, bool plus_is_space);

/// Splits "a=1&b=two" into decoded pairs.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

/// Fills `path`, `params` and `target` of `req` from a request target "/p?q".
void set_target(Request& req, std::string_view target);

}  // namespace servicedesk::host
