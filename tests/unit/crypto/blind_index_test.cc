#include "crypto/blind_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "crypto/keyring.h"

namespace hw::crypto {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

bool IsAsciiLowerWords(const std::string& s) {
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ')) return false;
  }
  return true;
}

TEST(NormalizeNameTest, VietnameseDiacriticsAndCaseFold) {
  EXPECT_EQ(NormalizeName("Nguyễn"), "nguyen");
  EXPECT_EQ(NormalizeName("NGUYEN"), "nguyen");
  EXPECT_EQ(NormalizeName("nguyen"), "nguyen");
  EXPECT_EQ(NormalizeName("Nguyễn Thị Hương"), "nguyen thi huong");
}

TEST(NormalizeNameTest, DecomposedAndComposedFormsAgree) {
  EXPECT_EQ(NormalizeName("Jose\xCC\x81"), NormalizeName("José"));  // e + combining acute
  EXPECT_EQ(NormalizeName("José"), "jose");
}

TEST(NormalizeNameTest, CyrillicGreekArabicAndHanBecomeAscii) {
  const std::string maria = NormalizeName("Мария");
  EXPECT_TRUE(maria == "maria" || maria == "mariia" || maria == "mariya") << maria;
  EXPECT_EQ(NormalizeName("МАРИЯ"), maria);
  EXPECT_EQ(NormalizeName("Μαρία"), "maria");
  const std::string arabic = NormalizeName("محمد عبد الله");
  EXPECT_FALSE(arabic.empty());
  EXPECT_TRUE(IsAsciiLowerWords(arabic)) << arabic;
  EXPECT_EQ(NameTokens("محمد عبد الله").size(), 3u);
  const std::string han = NormalizeName("王芳");
  EXPECT_FALSE(han.empty());
  EXPECT_TRUE(IsAsciiLowerWords(han)) << han;
}

TEST(NormalizeNameTest, CompatibilityFormsAndSpecialLetters) {
  EXPECT_EQ(NormalizeName("ＮＧＵＹＥＮ"), "nguyen");  // full-width
  EXPECT_EQ(NormalizeName("Straße"), "strasse");
  EXPECT_EQ(NormalizeName("İlknur Çelik"), "ilknur celik");
  EXPECT_EQ(NormalizeName("Łukasz Ørsted"), "lukasz orsted");
}

TEST(NormalizeNameTest, PunctuationAndWhitespaceCollapse) {
  EXPECT_EQ(NormalizeName("  Thị\t\n Hương  "), "thi huong");
  EXPECT_EQ(NormalizeName("Jean-Pierre,  DUPONT."), "jean pierre dupont");
  EXPECT_EQ(NormalizeName("O'Brien"), "obrien");
  EXPECT_EQ(NormalizeName("O’Brien"), "obrien");
  EXPECT_EQ(NormalizeName("N'Diaye-Sy"), "ndiaye sy");
  EXPECT_EQ(NormalizeName("Agent 007"), "agent 007");
}

TEST(NormalizeNameTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(NormalizeName(""), "");
  EXPECT_EQ(NormalizeName("   "), "");
  EXPECT_EQ(NormalizeName("-- ,. !?"), "");
}

TEST(NormalizeNameTest, InvalidUtf8ActsAsSeparator) {
  EXPECT_EQ(NormalizeName("Ann\xff"
                          "a"),
            "ann a");
  EXPECT_EQ(NormalizeName("\xc3"), "");
}

TEST(NameTokensTest, SplitsDedupesAndDropsEmpty) {
  EXPECT_THAT(NameTokens("Thị Hương"), ElementsAre("thi", "huong"));
  EXPECT_THAT(NameTokens("Maria  MARIA maría"), ElementsAre("maria"));
  EXPECT_THAT(NameTokens("Nguyễn Thị, Nguyen"), ElementsAre("nguyen", "thi"));
  EXPECT_THAT(NameTokens(""), IsEmpty());
  EXPECT_THAT(NameTokens(" - "), IsEmpty());
}

TEST(NormalizeNameTest, IsThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        if (NormalizeName("Nguyễn Thị Hương") != "nguyen thi huong") ++failures[t];
        if (NormalizeName("Μαρία") != "maria") ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

TEST(BlindIndexTest, IsKeyedBlake2b128Hex) {
  const Key32 key =
      *Key32::FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  // Python: hashlib.blake2b(b"nguyen", digest_size=16, key=bytes(range(32))).hexdigest()
  EXPECT_EQ(BlindIndex(key, "nguyen"), "18dda85a2dad1df6983ea57473c67044");
}

TEST(BlindIndexTest, SpellingVariantsMatchTheSameIndex) {
  const Key32 key = Keyring::FromBytes(Key32::Random()).index_key();
  const auto a = NameBlindIndexes(key, "Nguyễn");
  const auto b = NameBlindIndexes(key, "NGUYEN");
  const auto c = NameBlindIndexes(key, "nguyen");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(b, c);
  EXPECT_EQ(a[0].size(), 32u);
  EXPECT_EQ(a[0], BlindIndex(key, "nguyen"));
}

TEST(BlindIndexTest, DifferentKeysOrTokensGiveDifferentIndexes) {
  const Key32 k1 = Key32::Random();
  const Key32 k2 = Key32::Random();
  EXPECT_NE(BlindIndex(k1, "huong"), BlindIndex(k2, "huong"));
  EXPECT_NE(BlindIndex(k1, "huong"), BlindIndex(k1, "hung"));
  EXPECT_EQ(BlindIndex(k1, "huong"), BlindIndex(k1, "huong"));
  EXPECT_THAT(NameBlindIndexes(k1, ""), IsEmpty());
}

TEST(BlindIndexTest, InitReportsOk) { EXPECT_TRUE(InitNameNormalizer().ok()); }

}  // namespace
}  // namespace hw::crypto
