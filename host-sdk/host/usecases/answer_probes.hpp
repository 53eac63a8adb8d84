// Caps how fast one person can have answers refused: rule answers such as "already on the
// account" or "last four" tell a DITC whether a number is on someone's account, so nobody may
// try thousands per minute. The log-in limiter (FailureThrottle), keyed by person.
#pragma once

#include "usecases/desk.hpp"

namespace servicedesk::host {

/// How many refused answer sets are free, and how the locks after them grow: a person filling
/// in forms rarely meets it, a script is slowed to one try every few minutes.
ThrottleSettings refused_answer_limits();

/// The refusal (throttled, 429) while the requester's refused answers are locked.
Outcome refused_answers_locked(const Desk& desk, const Requester& requester);

/// Counts one refused answer set for the requester (and logs when it starts a lock).
void count_refused_answers(const Desk& desk, const Requester& requester);

}  // namespace servicedesk::host
