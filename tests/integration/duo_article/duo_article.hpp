// Helpers for the article tests: the DUO item's answers, errors by path, the mails of a request.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "api_fixture.hpp"

namespace servicedesk::test {

inline constexpr const char* kDuoItem = "duo-account-updates";
inline constexpr const char* kAloneInCart =
    "You are not able to submit other requests along with the Duo Account Updates request.";

inline nlohmann::json duo_line(nlohmann::json answers) {
  return {{"item", kDuoItem}, {"answers", std::move(answers)}};
}

/// The messages of a 422 body at `path`, joined, so a test can look for words in them.
inline std::string errors_at(const Reply& reply, const std::string& path) {
  std::string joined;
  const auto& errors = reply.json["errors"];
  if (!errors.is_object() || !errors.contains(path)) return joined;
  for (const auto& message : errors[path]) joined += message.get<std::string>() + "\n";
  return joined;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Article steps 9-11 for one line already valid: add to the cart, check out, and return the
/// checkout reply.
inline Reply order(ApiClient& client, const nlohmann::json& answers,
                   const std::string& requested_for, const std::string& instructions = "") {
  const Reply added = client.post("/api/cart/items", duo_line(answers));
  EXPECT_EQ(added.status, 201) << added.body;
  return client.post("/api/cart/checkout",
                     {{"requested_for", requested_for}, {"special_instructions", instructions}});
}

/// The mails in `<data>/mail/new` whose text mentions `request_number`, waiting up to 10 s
/// for `expected` of them to arrive.
inline std::vector<std::string> mails_for(const std::filesystem::path& data,
                                          const std::string& request_number, std::size_t expected) {
  std::vector<std::string> found;
  eventually([&] {
    found.clear();
    for (const auto& file : files_in(data / "mail" / "new")) {
      std::string text = read_file(file);
      if (contains(text, request_number)) found.push_back(std::move(text));
    }
    return found.size() >= expected;
  });
  return found;
}

}  // namespace servicedesk::test
