// sha256.h: SHA-256 digests as lower-case hex, over OpenSSL's EVP interface.
// Sha256 accumulates bytes incrementally so that large COPY streams can be hashed as they are written.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace seedgen {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // finish_hex: returns the digest of everything given so far; the object must not be updated after.
  std::string finish_hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// sha256_hex: the digest of one buffer.
std::string sha256_hex(std::string_view bytes);

}  // namespace seedgen
