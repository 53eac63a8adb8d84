// `duo_summary`: the one-line description of a request shown in the cart, requests and mail.
#pragma once

#include <memory>
#include <string>

#include "duo_context.hpp"
#include "servicedesk/handlers.hpp"

namespace servicedesk::duo {

/// Summarizes a DUO request, showing phones only as their last four digits:
/// "Add +1 ***-***-0199 to Hire, Nova (newhire)",
/// "Update Athletics Administrative Account (athletics-admin): Titan, Tuffy: phone ending
/// 0111 → +1 ***-***-9999".
class DuoSummary {
 public:
  explicit DuoSummary(std::shared_ptr<const DuoContext> context);
  std::string operator()(const SummaryInput& input) const;

 private:
  std::shared_ptr<const DuoContext> context_;
};

}  // namespace servicedesk::duo
