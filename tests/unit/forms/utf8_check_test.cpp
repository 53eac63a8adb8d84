// The UTF-8 check that guards the loader: RFC 3629's byte ranges, nothing looser.
#include <gtest/gtest.h>

#include "utf8_check.hpp"

namespace servicedesk::forms {
namespace {

TEST(Utf8Check, WellFormedTextPasses) {
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("plain ASCII: id: duo"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"),
            std::nullopt);  // é, €, an emoji, U+10FFFF
}

TEST(Utf8Check, EachKindOfMalformedSequenceIsFoundAtItsFirstByte) {
  EXPECT_EQ(first_invalid_utf8("ab\xE9z"), 2u);               // Latin-1, a lone lead byte
  EXPECT_EQ(first_invalid_utf8("a\x80"), 1u);                 // a lone continuation byte
  EXPECT_EQ(first_invalid_utf8("\xC0\x80"), 0u);              // overlong NUL
  EXPECT_EQ(first_invalid_utf8("x\xE0\x80\xAF"), 1u);         // overlong three-byte form
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\x80"), 0u);          // a UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);      // beyond U+10FFFF
  EXPECT_EQ(first_invalid_utf8("ok\xE2\x82"), 2u);            // cut off at the end
  EXPECT_EQ(first_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);  // five-byte forms are gone
  EXPECT_EQ(first_invalid_utf8(std::string(9, '\x80')), 0u);  // the fuzzer's find
}

}  // namespace
}  // namespace servicedesk::forms
