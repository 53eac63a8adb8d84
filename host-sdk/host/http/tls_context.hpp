// The TLS server context: certificate chain and private key from PEM files.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

namespace servicedesk::host {

/// A TLS 1.2+ server context with `cert_file` (chain) and `key_file`; nullptr with `error`
/// set when a file is missing or unusable.
std::unique_ptr<boost::asio::ssl::context> make_tls_context(const std::filesystem::path& cert_file,
                                                            const std::filesystem::path& key_file,
                                                            std::string& error);

}  // namespace servicedesk::host
