// libldap calls behind LdapConnection: TLS set-up, binds, paged and base searches.
#include "directory/ldap_connection.hpp"

#include <ldap.h>

#include <algorithm>
#include <cctype>

namespace servicedesk::host {

struct LdapConnection::Handle {
  LDAP* ld = nullptr;
  int timeout_seconds = 10;
  int page_size = 1000;
  ~Handle() {
    if (ld != nullptr) ldap_unbind_ext_s(ld, nullptr, nullptr);
  }
};

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string describe(LDAP* ld, int code) {
  std::string message = ldap_err2string(code);
  char* detail = nullptr;
  if (ld != nullptr && ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &detail) == 0 &&
      detail != nullptr) {
    if (*detail != '\0') message += std::string(" (") + detail + ")";
    ldap_memfree(detail);
  }
  return message;
}

std::optional<std::string> configure(LDAP* ld, const LdapSettings& settings) {
  const int version = LDAP_VERSION3;
  ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
  ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
  const timeval timeout{static_cast<time_t>(settings.timeout.count()), 0};
  ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
  ldap_set_option(ld, LDAP_OPT_TIMEOUT, &timeout);
  const bool tls = settings.starttls || settings.url.rfind("ldaps://", 0) == 0;
  if (!tls) return std::nullopt;
  const int demand = LDAP_OPT_X_TLS_DEMAND;
  ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
  if (!settings.ca_file.empty() &&
      ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE, settings.ca_file.c_str()) != LDAP_OPT_SUCCESS)
    return "cannot use the CA file " + settings.ca_file;
  const int is_server = 0;  // a fresh TLS context picks up the options above
  if (ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &is_server) != LDAP_OPT_SUCCESS)
    return "cannot set up TLS with the CA file " + settings.ca_file;
  return std::nullopt;
}

LdapEntry read_entry(LDAP* ld, LDAPMessage* message) {
  LdapEntry entry;
  if (char* dn = ldap_get_dn(ld, message)) {
    entry.dn = dn;
    ldap_memfree(dn);
  }
  BerElement* ber = nullptr;
  for (char* attribute = ldap_first_attribute(ld, message, &ber); attribute != nullptr;
       attribute = ldap_next_attribute(ld, message, ber)) {
    auto& values = entry.values[lower(attribute)];
    if (berval** found = ldap_get_values_len(ld, message, attribute)) {
      for (berval** value = found; *value != nullptr; ++value)
        values.emplace_back((*value)->bv_val, (*value)->bv_len);
      ldap_value_free_len(found);
    }
    ldap_memfree(attribute);
  }
  if (ber != nullptr) ber_free(ber, 0);
  return entry;
}

std::vector<char*> attribute_list(const std::vector<std::string>& attributes) {
  std::vector<char*> list;
  for (const auto& attribute : attributes) list.push_back(const_cast<char*>(attribute.c_str()));
  list.push_back(nullptr);
  return list;
}

}  // namespace

std::string LdapEntry::first(const std::string& attribute) const {
  const auto it = values.find(lower(attribute));
  return it == values.end() || it->second.empty() ? std::string() : it->second.front();
}

LdapConnection::LdapConnection(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
LdapConnection::~LdapConnection() = default;

std::unique_ptr<LdapConnection> LdapConnection::open(const LdapSettings& settings,
                                                     std::string& error) {
  auto handle = std::make_unique<Handle>();
  handle->timeout_seconds = static_cast<int>(settings.timeout.count());
  handle->page_size = settings.page_size > 0 ? settings.page_size : 1000;
  int code = ldap_initialize(&handle->ld, settings.url.c_str());
  if (code != LDAP_SUCCESS) {
    error = "bad LDAP URL " + settings.url + ": " + ldap_err2string(code);
    return nullptr;
  }
  if (auto problem = configure(handle->ld, settings)) {
    error = *problem;
    return nullptr;
  }
  if (settings.starttls && settings.url.rfind("ldaps://", 0) != 0) {
    code = ldap_start_tls_s(handle->ld, nullptr, nullptr);
    if (code != LDAP_SUCCESS) {
      error = "StartTLS with " + settings.url + " failed: " + describe(handle->ld, code);
      return nullptr;
    }
  }
  return std::unique_ptr<LdapConnection>(new LdapConnection(std::move(handle)));
}

std::optional<std::string> LdapConnection::bind(const std::string& dn, std::string_view password) {
  // An empty password would be an anonymous ("unauthenticated") bind that servers accept.
  if (password.empty()) return "empty password";
  berval credentials{static_cast<ber_len_t>(password.size()), const_cast<char*>(password.data())};
  const int code = ldap_sasl_bind_s(handle_->ld, dn.c_str(), LDAP_SASL_SIMPLE, &credentials,
                                    nullptr, nullptr, nullptr);
  if (code != LDAP_SUCCESS) return describe(handle_->ld, code);
  return std::nullopt;
}

std::optional<std::string> LdapConnection::search_paged(
    const std::string& base, const std::string& filter, const std::vector<std::string>& attributes,
    const std::function<void(LdapEntry&&)>& take) {
  LDAP* ld = handle_->ld;
  auto list = attribute_list(attributes);
  berval* cookie = nullptr;
  timeval timeout{handle_->timeout_seconds, 0};
  std::optional<std::string> error;
  do {
    LDAPControl* page = nullptr;
    int code = ldap_create_page_control(ld, handle_->page_size, cookie, 1, &page);
    if (cookie != nullptr) ber_bvfree(cookie);
    cookie = nullptr;
    if (code != LDAP_SUCCESS) return "cannot create the paged-results control";
    LDAPControl* controls[] = {page, nullptr};
    LDAPMessage* result = nullptr;
    code = ldap_search_ext_s(ld, base.c_str(), LDAP_SCOPE_SUBTREE, filter.c_str(), list.data(), 0,
                             controls, nullptr, &timeout, LDAP_NO_LIMIT, &result);
    ldap_control_free(page);
    if (code != LDAP_SUCCESS) {
      if (result != nullptr) ldap_msgfree(result);
      return "search " + filter + " under " + base + ": " + describe(ld, code);
    }
    for (LDAPMessage* entry = ldap_first_entry(ld, result); entry != nullptr;
         entry = ldap_next_entry(ld, entry))
      take(read_entry(ld, entry));
    LDAPControl** returned = nullptr;
    int result_code = LDAP_SUCCESS;
    ldap_parse_result(ld, result, &result_code, nullptr, nullptr, nullptr, &returned, 0);
    ldap_msgfree(result);
    if (result_code != LDAP_SUCCESS)
      error = "search " + filter + ": " + ldap_err2string(result_code);
    LDAPControl* response =
        returned ? ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, returned, nullptr) : nullptr;
    ber_int_t estimate = 0;
    berval next{0, nullptr};
    if (!error && response != nullptr &&
        ldap_parse_pageresponse_control(ld, response, &estimate, &next) == LDAP_SUCCESS &&
        next.bv_len > 0) {
      cookie = ber_bvdup(&next);
    }
    if (next.bv_val != nullptr) ber_memfree(next.bv_val);
    if (returned != nullptr) ldap_controls_free(returned);
  } while (cookie != nullptr && !error);
  return error;
}

std::optional<std::string> LdapConnection::read(const std::string& dn,
                                                const std::vector<std::string>& attributes,
                                                LdapEntry& out) {
  LDAP* ld = handle_->ld;
  auto list = attribute_list(attributes);
  timeval timeout{handle_->timeout_seconds, 0};
  LDAPMessage* result = nullptr;
  const int code = ldap_search_ext_s(ld, dn.c_str(), LDAP_SCOPE_BASE, "(objectClass=*)",
                                     list.data(), 0, nullptr, nullptr, &timeout, 1, &result);
  if (code != LDAP_SUCCESS) {
    if (result != nullptr) ldap_msgfree(result);
    return "read " + dn + ": " + describe(ld, code);
  }
  LDAPMessage* entry = ldap_first_entry(ld, result);
  if (entry != nullptr) out = read_entry(ld, entry);
  ldap_msgfree(result);
  if (entry == nullptr) return "read " + dn + ": no such entry";
  return std::nullopt;
}

std::string escape_filter_value(std::string_view value) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (const char c : value) {
    if (c == '*' || c == '(' || c == ')' || c == '\\' || c == '\0') {
      const auto byte = static_cast<unsigned char>(c);
      out += '\\';
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::string normalize_dn(std::string_view dn) {
  std::string out;
  out.reserve(dn.size());
  for (std::size_t i = 0; i < dn.size(); ++i) {
    const char c = dn[i];
    if (c == ' ' && (out.empty() || out.back() == ',' || out.back() == '=')) continue;
    if (c == ',' || c == '=') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace servicedesk::host
