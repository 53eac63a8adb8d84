// Duo's answers of any shape: the documented ones read, every other one a protocol error,
// never an exception (a Duo-compatible server may send anything).
#include <gtest/gtest.h>

#include "duo_answers.hpp"

namespace servicedesk::duo {
namespace {

using nlohmann::json;

TEST(DuoAnswers, TheEnvelopeOfSuccessAndOfFailure) {
  const DuoReply ok = read_envelope(200, R"({"stat":"OK","response":[1],"metadata":{"x":1}})");
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.response, json::array({1}));
  const DuoReply refused =
      read_envelope(400, R"({"stat":"FAIL","code":40002,"message":"Invalid request parameters",
               "message_detail":"number"})");
  EXPECT_EQ(refused.error.kind, DuoError::Kind::bad_request);
  EXPECT_EQ(refused.error.code, 40002);
  EXPECT_EQ(refused.error.detail, "number");
  EXPECT_EQ(read_envelope(401, "{}").error.kind, DuoError::Kind::unauthorized);
  EXPECT_EQ(read_envelope(503, "<html>").error.kind, DuoError::Kind::server);
}

TEST(DuoAnswers, EnvelopesOfTheWrongShapeAreProtocolErrors) {
  for (const char* body : {"", "[]", R"({"stat":"OK"})", R"({"stat":1,"response":[]})",
                           R"({"stat":"FAIL","response":[]})", "\xff"}) {
    EXPECT_EQ(read_envelope(200, body).error.kind, DuoError::Kind::protocol) << body;
  }
  const DuoReply odd = read_envelope(400, R"({"code":"x","message":7,"message_detail":[]})");
  EXPECT_EQ(odd.error.kind, DuoError::Kind::bad_request);
  EXPECT_EQ(odd.error.code, 0);
  EXPECT_EQ(odd.error.message, "");
}

TEST(DuoAnswers, UsersAndPhonesOfTheDocumentedShape) {
  const UserRead user =
      read_user_answer(json::parse(R"([{"user_id":"DU1","username":"newhire"}])"), "newhire");
  ASSERT_TRUE(user.ok() && user.user);
  EXPECT_EQ(user.user->id, "DU1");
  EXPECT_FALSE(read_user_answer(json::array(), "nobody").user);
  EXPECT_TRUE(read_user_answer(json::array(), "nobody").ok());
  const auto phones = read_phones_answer(
      json::parse(R"([{"phone_id":"DP1","number":"+17145550101"},{"phone_id":"DP2"}])"));
  ASSERT_TRUE(phones);
  ASSERT_EQ(phones->size(), 2u);
  EXPECT_EQ((*phones)[0].number, "+17145550101");
  EXPECT_EQ((*phones)[1].number, "");
}

TEST(DuoAnswers, UsersAndPhonesOfAnyOtherShapeAreRefusedWithoutThrowing) {
  for (const char* response : {R"([1])", R"(["DU1"])", R"([{"user_id":5}])", R"([[]])"}) {
    const UserRead read = read_user_answer(json::parse(response), "x");
    EXPECT_FALSE(read.user) << response;
    EXPECT_EQ(read.error.kind, DuoError::Kind::protocol) << response;
  }
  for (const char* response : {R"({"phone_id":"DP1"})", R"([1])", R"([{"number":"+1714"}])",
                               R"([{"phone_id":7}])", R"("DP1")"}) {
    EXPECT_FALSE(read_phones_answer(json::parse(response))) << response;
  }
  EXPECT_EQ(phone_id_of(json::parse(R"(["DP1"])")), "");
  EXPECT_FALSE(held_by_another_user(json::parse(R"({"users":"DU2"})"), "DU1"));
  EXPECT_FALSE(held_by_another_user(json::parse(R"({"users":[{"user_id":"DU1"}]})"), "DU1"));
  EXPECT_TRUE(held_by_another_user(json::parse(R"({"users":[{"user_id":"DU1"},3]})"), "DU1"));
}

}  // namespace
}  // namespace servicedesk::duo
