// Loading the certificate and key into an Asio SSL context.
#include "http/tls_context.hpp"

namespace servicedesk::host {

std::unique_ptr<boost::asio::ssl::context> make_tls_context(const std::filesystem::path& cert_file,
                                                            const std::filesystem::path& key_file,
                                                            std::string& error) {
  namespace ssl = boost::asio::ssl;
  if (cert_file.empty() || key_file.empty()) {
    error = "tls: both cert_file and key_file are needed";
    return nullptr;
  }
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                       ssl::context::single_dh_use);
  boost::system::error_code ec;
  context->use_certificate_chain_file(cert_file.string(), ec);
  if (ec) {
    error = "tls: cannot use the certificate " + cert_file.string() + ": " + ec.message();
    return nullptr;
  }
  context->use_private_key_file(key_file.string(), ssl::context::pem, ec);
  if (ec) {
    error = "tls: cannot use the private key " + key_file.string() + ": " + ec.message();
    return nullptr;
  }
  return context;
}

}  // namespace servicedesk::host
