// Canonical strings and the HMAC-SHA512 signature of Duo's v5 scheme (libsodium primitives).
#include "duo_signing.hpp"

#include <algorithm>
#include <array>

#include <sodium.h>

#include <servicedesk/internet_date.hpp>

namespace servicedesk::duo {
namespace {

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

std::string base64(std::string_view bytes) {
  const std::size_t size = sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string out(size, '\0');
  sodium_bin2base64(out.data(), out.size(), bytes_of(bytes), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(size - 1);  // without the terminating NUL
  return out;
}

std::string hmac_sha512_hex(std::string_view key, std::string_view message) {
  crypto_auth_hmacsha512_state state;
  crypto_auth_hmacsha512_init(&state, bytes_of(key), key.size());
  crypto_auth_hmacsha512_update(&state, bytes_of(message), message.size());
  std::array<unsigned char, crypto_auth_hmacsha512_BYTES> mac{};
  crypto_auth_hmacsha512_final(&state, mac.data());
  return to_hex(mac.data(), mac.size());
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  });
  return out;
}

/// name NUL value NUL name ... (names lower-cased and sorted), hashed.
std::string x_duo_header_hash(const DuoParams& headers) {
  DuoParams sorted;
  for (const auto& [name, value] : headers) sorted.emplace_back(lower(name), value);
  std::sort(sorted.begin(), sorted.end());
  std::string joined;
  for (const auto& [name, value] : sorted) {
    if (!joined.empty()) joined.push_back('\0');
    joined += name;
    joined.push_back('\0');
    joined += value;
  }
  return sha512_hex(joined);
}

}  // namespace

std::string duo_percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const unsigned char c : text) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

std::string canonical_params(const DuoParams& params) {
  DuoParams encoded;
  encoded.reserve(params.size());
  for (const auto& [key, value] : params)
    encoded.emplace_back(duo_percent_encode(key), duo_percent_encode(value));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [key, value] : encoded) {
    if (!out.empty()) out.push_back('&');
    out += key + "=" + value;
  }
  return out;
}

std::string sha512_hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha512_BYTES> digest{};
  crypto_hash_sha512(digest.data(), bytes_of(bytes), bytes.size());
  return to_hex(digest.data(), digest.size());
}

std::string canonical_v5(const RequestToSign& request) {
  return request.date + "\n" + upper(request.method) + "\n" + lower(request.host) + "\n" +
         request.path + "\n" + canonical_params(request.query) + "\n" + sha512_hex(request.body) +
         "\n" + x_duo_header_hash(request.x_duo_headers);
}

std::string authorization_v5(const RequestToSign& request, std::string_view ikey,
                             std::string_view skey) {
  static const int initialised = sodium_init();
  (void)initialised;
  const std::string signature = hmac_sha512_hex(skey, canonical_v5(request));
  return "Basic " + base64(std::string(ikey) + ":" + signature);
}

std::string rfc2822_date(std::chrono::system_clock::time_point when) {
  return internet_date(when, "-0000");
}

}  // namespace servicedesk::duo
