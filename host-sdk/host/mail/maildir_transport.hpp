// Delivers mail into a maildir: written under tmp/, fsynced, then renamed into new/.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>

#include "mail/mail_transport.hpp"

namespace servicedesk::host {

/// Maildir delivery (one file per message). The rename makes a message appear whole or
/// not at all; the fsyncs make a "delivered" survive a power cut.
class MaildirTransport final : public MailTransport {
 public:
  /// `root` gets tmp/, new/ and cur/ on first delivery if they are missing.
  explicit MaildirTransport(std::filesystem::path root);
  DeliveryResult deliver(const Envelope& envelope) override;
  std::string describe() const override;
  const std::filesystem::path& root() const noexcept { return root_; }

 private:
  std::string unique_name();

  std::filesystem::path root_;
  std::atomic<unsigned long> counter_{0};
};

}  // namespace servicedesk::host
