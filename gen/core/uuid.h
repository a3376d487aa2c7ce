// uuid.h: a 128-bit identifier formatted as an RFC 4122 version-4 UUID.
// seedgen's UUIDs are drawn from the entity's own stream, so they are deterministic and unique in practice.
#pragma once

#include <array>
#include <cstdint>

#include "rng/rng.h"

namespace seedgen {

struct Uuid {
  uint64_t high = 0;
  uint64_t low = 0;

  bool operator==(const Uuid&) const = default;

  // from_key: a version-4 UUID derived from (seed, table, key), independent of any other draw.
  static Uuid from_key(uint64_t seed, std::string_view table, uint64_t key) {
    Uuid uuid;
    uuid.high = mix64(seed ^ mix64(name_hash(table) ^ key));
    uuid.low = mix64(uuid.high ^ key ^ 0x5eed5eed5eed5eedULL);
    uuid.high = (uuid.high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;   // version 4
    uuid.low = (uuid.low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;     // variant 10
    return uuid;
  }

  // format: the 36-character canonical text into `out`.
  void format(char* out) const {
    static constexpr char kHex[] = "0123456789abcdef";
    static constexpr int kDashAfterByte[16] = {0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
    int position = 0;
    for (int byte_index = 0; byte_index < 16; ++byte_index) {
      const uint64_t word = byte_index < 8 ? high : low;
      const auto byte = static_cast<uint8_t>(word >> (56 - 8 * (byte_index % 8)));
      out[position++] = kHex[byte >> 4];
      out[position++] = kHex[byte & 0xf];
      if (kDashAfterByte[byte_index] != 0) out[position++] = '-';
    }
  }
};

}  // namespace seedgen
