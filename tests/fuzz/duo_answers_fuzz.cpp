// libFuzzer target: any answer from a Duo-compatible server (status and body) through the
// plugin's readers of Duo's envelope, users, phones and phone holders.
#include <cstddef>
#include <cstdint>
#include <string>

#include "duo_answers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace servicedesk::duo;
  static constexpr long kStatuses[] = {200, 200, 200, 200, 400, 401, 403, 404, 429, 500, 503, 302};
  if (size == 0) return 0;
  const long status = kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])];
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const DuoReply reply = read_envelope(status, body);
  if (!reply.ok()) {
    (void)reply.error.describe();
    return 0;
  }
  const UserRead user = read_user_answer(reply.response, "newhire");
  if (user.user && user.user->id.empty()) __builtin_trap();  // a user always has an id
  if (const auto phones = read_phones_answer(reply.response)) {
    for (const DuoPhone& phone : *phones) {
      if (phone.id.empty()) __builtin_trap();
    }
  }
  (void)phone_id_of(reply.response);
  (void)held_by_another_user(reply.response, "DU1");
  return 0;
}
