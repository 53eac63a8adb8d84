// Per-person counting of refused answers.
#include "usecases/answer_probes.hpp"

#include <spdlog/spdlog.h>

namespace servicedesk::host {

ThrottleSettings refused_answer_limits() {
  // Typing a phone number digit by digit is refused about ten times ("too short"), so the
  // free allowance covers a busy person; a script gets 200 tries, then one per 5 minutes.
  return ThrottleSettings{200, std::chrono::seconds(1), std::chrono::seconds(300),
                          std::chrono::seconds(300)};
}

Outcome refused_answers_locked(const Desk& desk, const Requester& requester) {
  if (desk.refused_answers == nullptr) return {};
  const auto wait = desk.refused_answers->locked(requester.username);
  if (!wait) return {};
  Outcome outcome = Outcome::refuse(Refusal::throttled,
                                    "Too many refused answers in a short time. Try again in " +
                                        std::to_string(wait->count()) + " seconds.");
  outcome.retry_after = *wait;
  return outcome;
}

void count_refused_answers(const Desk& desk, const Requester& requester) {
  if (desk.refused_answers == nullptr) return;
  if (const auto lock = desk.refused_answers->failure(requester.username))
    spdlog::warn("answers: {} had {} answer sets refused; locked for {} s", requester.username,
                 desk.refused_answers->failures(requester.username), lock->count());
}

}  // namespace servicedesk::host
