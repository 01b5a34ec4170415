#include "crypto/init.h"

#include <gtest/gtest.h>

namespace hw::crypto {
namespace {

TEST(InitTest, InitCryptoSucceedsAndIsIdempotent) {
  EXPECT_TRUE(InitCrypto().ok());
  EXPECT_TRUE(InitCrypto().ok());
  EnsureSodium();  // safe to call any number of times
}

}  // namespace
}  // namespace hw::crypto
