#include "crypto/hash.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace hw::crypto {
namespace {

const Key32& SequentialKey() {
  static const Key32 key =
      *Key32::FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  return key;
}

// Known answers: RFC 7693 Appendix A (BLAKE2b-512 of "abc") and Python's hashlib.blake2b.
TEST(Blake2bTest, KnownAnswers) {
  EXPECT_EQ(Blake2bHex("abc", 64),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc2"
            "52d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  EXPECT_EQ(Blake2bHex(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(Blake2bHex("The quick brown fox jumps over the lazy dog", 16),
            "249df9a49f517ddcd37f5c897620ec73");
}

TEST(Blake2bTest, KeyedKnownAnswerAndKeyMatters) {
  EXPECT_EQ(Blake2bKeyedHex(SequentialKey(), "abc"),
            "d63a32d3e44738d7907f964316c241adaba0abfeabc32349677578a15a203f7f");
  EXPECT_NE(Blake2bKeyedHex(Key32::Random(), "abc"), Blake2bKeyedHex(SequentialKey(), "abc"));
  EXPECT_NE(Blake2bKeyedHex(SequentialKey(), "abc"), Blake2bHex("abc"));
}

TEST(Blake2bTest, OutputLengthIsValidated) {
  EXPECT_EQ(Blake2bHex("x", 16).size(), 32u);
  EXPECT_EQ(Blake2bHex("x", 64).size(), 128u);
  EXPECT_THROW(Blake2bHex("x", 15), std::invalid_argument);
  EXPECT_THROW(Blake2bHex("x", 65), std::invalid_argument);
  EXPECT_THROW(Blake2bHasher(8), std::invalid_argument);
}

TEST(Blake2bHasherTest, StreamingEqualsOneShot) {
  Blake2bHasher hasher;
  hasher.Update("The quick brown fox ").Update("").Update("jumps over the lazy dog");
  EXPECT_EQ(hasher.FinalHex(), Blake2bHex("The quick brown fox jumps over the lazy dog"));

  Blake2bHasher keyed(SequentialKey(), 32);
  keyed.Update("a").Update("bc");
  EXPECT_EQ(keyed.FinalHex(), Blake2bKeyedHex(SequentialKey(), "abc"));
}

TEST(Blake2bHasherTest, FinalTwiceOrUpdateAfterFinalThrows) {
  Blake2bHasher hasher(16);
  hasher.Update("x");
  EXPECT_EQ(hasher.FinalHex(), Blake2bHex("x", 16));
  EXPECT_THROW(hasher.FinalHex(), std::logic_error);
  EXPECT_THROW(hasher.Update("y"), std::logic_error);
}

TEST(Blake2bHasherTest, IsMovable) {
  Blake2bHasher a;
  a.Update("ab");
  Blake2bHasher b = std::move(a);
  b.Update("c");
  EXPECT_EQ(b.FinalHex(), Blake2bHex("abc"));
  Blake2bHasher c(16);
  c = Blake2bHasher();
  EXPECT_EQ(c.Update("abc").FinalHex(), Blake2bHex("abc"));
}

// The audit chain: each hash covers the previous hash, so editing any entry breaks every later
// link; keyed with the audit key, the chain cannot be recomputed without the master key.
TEST(Blake2bHasherTest, HashChainDetectsAnEditedEntry) {
  const std::string entries[] = {"1|login|usr_a", "2|read|cas_b", "3|logout|usr_a"};
  auto chain = [&](const std::string* edited_second) {
    std::string prev(64, '0');
    std::string last;
    for (int i = 0; i < 3; ++i) {
      const std::string& entry = (i == 1 && edited_second) ? *edited_second : entries[i];
      prev = Blake2bHasher(SequentialKey()).Update(prev).Update(entry).FinalHex();
      last = prev;
    }
    return last;
  };
  const std::string edited = "2|read|cas_c";
  EXPECT_EQ(chain(nullptr), chain(nullptr));
  EXPECT_NE(chain(nullptr), chain(&edited));
}

}  // namespace
}  // namespace hw::crypto
