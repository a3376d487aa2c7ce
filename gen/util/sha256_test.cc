// Checks the OpenSSL-backed digest against the FIPS 180-2 test vectors.
#include "util/sha256.h"

#include <gtest/gtest.h>

namespace seedgen {

TEST(Sha256, MatchesFipsVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, IncrementalEqualsOneShot) {
  Sha256 hasher;
  hasher.update("ab");
  hasher.update("c");
  EXPECT_EQ(hasher.finish_hex(), sha256_hex("abc"));
}

}  // namespace seedgen
