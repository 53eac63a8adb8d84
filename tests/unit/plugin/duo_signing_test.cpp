// The v5 signer against the Authorization values Duo's official client computed (test data).
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "duo_signing.hpp"

namespace servicedesk::duo {
namespace {

/// One vector read from tests/data/duo/expected-signatures.txt.
struct Vector {
  std::string name;
  RequestToSign request;
  std::string authorization;
  std::string canonical;  ///< only where the file gives it
};

struct VectorFile {
  std::string ikey, skey, host;
  std::vector<Vector> vectors;
};

constexpr const char* kV5Authorization = "v5 (HMAC-SHA512) Authorization: ";

std::string json_string(const std::string& quoted) {
  return nlohmann::json::parse(quoted).get<std::string>();
}

DuoParams split_query(const std::string& query) {
  DuoParams params;
  std::istringstream in(query);
  std::string pair;
  while (std::getline(in, pair, '&')) {
    const auto equals = pair.find('=');
    params.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
  }
  return params;
}

void set_path_and_query(RequestToSign& request, const std::string& target) {
  const auto question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = split_query(target.substr(question + 1));
}

/// Reads the file's three kinds of blocks: "=== METHOD PATH {params}", the apiCall JSON
/// dumps ("-- sigVersion 5"), and the duo_hmac-style blocks with an x-duo-date header.
VectorFile read_vectors() {
  std::ifstream in(std::string(DUO_TEST_DATA_DIR) + "/expected-signatures.txt");
  EXPECT_TRUE(in) << "test data missing";
  VectorFile file;
  const std::regex inputs(R"(ikey (\w+), skey (\w+))"), host(R"(host ([\w.-]+), )");
  const std::regex block(R"(^=== (GET|POST) (\S+) (\{.*\})$)"),
      api_call(R"(^-- sigVersion 5 (.*)$)"), hmac_style(R"(^--- duo_hmac-style v5 (.*)$)");
  std::string line;
  std::smatch m;
  Vector* current = nullptr;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, inputs)) file.ikey = m[1], file.skey = m[2];
    if (std::regex_search(line, m, host)) file.host = m[1];
    if (std::regex_match(line, m, block)) {
      current = &file.vectors.emplace_back();
      current->name = "direct " + std::string(m[1]) + " " + std::string(m[2]);
      current->request.method = m[1];
      current->request.path = m[2];
      if (current->request.method == "GET") {
        const nlohmann::json params = nlohmann::json::parse(std::string(m[3]));
        for (const auto& [key, value] : params.items())
          current->request.query.emplace_back(key, value.get<std::string>());
      }
    } else if (current && line.rfind("Date: ", 0) == 0) {
      current->request.date = line.substr(6);
    } else if (current && line.rfind("v5 body: ", 0) == 0) {
      current->request.body = json_string(line.substr(9));
    } else if (current && line.rfind(kV5Authorization, 0) == 0) {
      current->authorization = line.substr(std::string_view(kV5Authorization).size());
      current = nullptr;
    } else if (std::regex_match(line, m, api_call)) {
      std::string dump, next;
      while (std::getline(in, next)) {
        dump += next + "\n";
        if (next == "}") break;
      }
      const auto call = nlohmann::json::parse(dump);
      Vector& v = file.vectors.emplace_back();
      v.name = "apiCall " + std::string(m[1]);
      v.request.method = call["method"];
      set_path_and_query(v.request, call["path"]);
      v.request.date = call["headers"]["Date"];
      v.request.body = call["body"];
      v.authorization = call["headers"]["Authorization"];
    } else if (std::regex_match(line, m, hmac_style)) {
      current = &file.vectors.emplace_back();
      current->name = "duo_hmac " + std::string(m[1]);
      current->request.method = std::string(m[1]).substr(0, std::string(m[1]).find(' '));
    } else if (current && line.rfind(" canon: ", 0) == 0) {
      current->canonical = json_string(line.substr(8));
      std::vector<std::string> lines;
      std::istringstream canon(current->canonical);
      for (std::string part; std::getline(canon, part);) lines.push_back(part);
      current->request.date = lines.at(0);
      current->request.path = lines.at(3);
      current->request.query = lines.at(4).empty() ? DuoParams{} : split_query(lines.at(4));
    } else if (current && line.rfind(" body: ", 0) == 0) {
      const std::string body = line.substr(7);
      current->request.body = body == "undefined" ? "" : json_string(body);
    } else if (current && line.rfind(" headers: ", 0) == 0) {
      const auto headers = nlohmann::json::parse(line.substr(10));
      current->request.x_duo_headers = {{"x-duo-date", headers["x-duo-date"]}};
      current->authorization = headers["Authorization"];
      current = nullptr;
    }
  }
  for (Vector& v : file.vectors) v.request.host = file.host;
  return file;
}

TEST(DuoSigningTest, TheFileHoldsEveryV5Vector) {
  const VectorFile file = read_vectors();
  EXPECT_EQ(file.ikey, "DIWJ8X6AEYOR5OMC6TQ1");
  EXPECT_EQ(file.host, "api-xxxxxxxx.duosecurity.com");
  EXPECT_EQ(file.vectors.size(), 6u);  // 2 direct, 2 apiCall, 2 duo_hmac-style
}

TEST(DuoSigningTest, AuthorizationMatchesTheOfficialClientForEveryVector) {
  const VectorFile file = read_vectors();
  for (const Vector& v : file.vectors) {
    EXPECT_EQ(authorization_v5(v.request, file.ikey, file.skey), v.authorization) << v.name;
  }
}

TEST(DuoSigningTest, CanonicalStringMatchesWhereTheFileGivesIt) {
  const VectorFile file = read_vectors();
  int compared = 0;
  for (const Vector& v : file.vectors) {
    if (v.canonical.empty()) continue;
    EXPECT_EQ(canonical_v5(v.request), v.canonical) << v.name;
    ++compared;
  }
  EXPECT_EQ(compared, 2);
}

TEST(DuoSigningTest, PercentEncodingFollowsDuosRule) {
  EXPECT_EQ(duo_percent_encode("+1 657/x!'()*~-_.Az9"), "%2B1%20657%2Fx%21%27%28%29%2A~-_.Az9");
  EXPECT_EQ(duo_percent_encode("\xc3\xa9"), "%C3%A9");
}

TEST(DuoSigningTest, ParametersSortByEncodedKeyAndAPrefixComesFirst) {
  EXPECT_EQ(canonical_params({{"foo_bar", "2"}, {"foo", "1"}, {"a", "z"}, {"a", "b"}}),
            "a=b&a=z&foo=1&foo_bar=2");
  EXPECT_EQ(canonical_params({}), "");
}

TEST(DuoSigningTest, DateIsRfc2822InUtc) {
  // 2012-08-21 17:29:18 UTC, the vectors' date.
  const auto when = std::chrono::system_clock::from_time_t(1345570158);
  EXPECT_EQ(rfc2822_date(when), "Tue, 21 Aug 2012 17:29:18 -0000");
}

}  // namespace
}  // namespace servicedesk::duo
