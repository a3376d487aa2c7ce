#include "model/natural_ids.h"

#include <cstdio>

#include "core/error.h"
#include "model/world.h"
#include "rng/rng.h"

namespace seedgen {
namespace {

// First octets of the addresses: public blocks AWS announces; none is reserved or private.
constexpr uint32_t kPublicFirstOctets[16] = {3, 13, 15, 18, 23, 34, 35, 43, 44, 46, 50, 52, 54, 63, 99, 107};

// scramble: a bijection of [0, 2^bits): xor with a salt, then odd multiplications and xor-shifts.
uint64_t scramble(uint64_t value, int bits, uint64_t salt) {
  if (bits == 64) return mix64(value ^ salt);
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  value = (value ^ salt) & mask;
  value = (value * 0x9e3779b97f4a7c15ULL) & mask;
  value ^= value >> (bits / 2);
  value = (value * 0xbf58476d1ce4e5b9ULL) & mask;
  value ^= value >> (bits / 3 + 1);
  return value;
}

std::string to_hex(uint64_t value, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text(static_cast<size_t>(digits), '0');
  for (int index = digits - 1; index >= 0; --index, value >>= 4) text[static_cast<size_t>(index)] = kHex[value & 0xf];
  return text;
}

void require_below(uint64_t value, uint64_t limit, std::string_view what) {
  if (value >= limit) {
    throw Error(ErrorKind::kProfile, "too many " + std::string(what) + " for unique ids (" + std::to_string(value) +
                                         " >= " + std::to_string(limit) + ")");
  }
}

uint64_t salt_of(const World& world, std::string_view kind) { return mix64(world.seed() ^ name_hash(kind)); }

}  // namespace

std::string unique_hex(const World& world, std::string_view kind, uint32_t account_index, uint64_t local_index,
                       int digits) {
  // AWS's 17-digit ids (i-0..., vol-0...) start with 0: the other 16 digits carry the 64-bit value.
  if (digits > 16) return std::string(static_cast<size_t>(digits - 16), '0') + unique_hex(world, kind, account_index, local_index, 16);
  const int bits = 4 * digits;
  const int local_bits = bits - 12;
  require_below(account_index, 4096, "accounts");
  require_below(local_index, uint64_t{1} << local_bits, std::string(kind) + " in one account");
  const uint64_t value = static_cast<uint64_t>(account_index) << local_bits | local_index;
  return to_hex(scramble(value, bits, salt_of(world, kind)), digits);
}

std::string local_hex(const World& world, std::string_view kind, uint32_t account_index, uint64_t local_index,
                      int digits) {
  const int bits = 4 * digits;
  require_below(local_index, uint64_t{1} << bits, std::string(kind) + " in one account");
  return to_hex(scramble(local_index, bits, salt_of(world, kind) ^ account_index), digits);
}

std::string public_ipv4(const World& world, uint32_t account_index, uint64_t local_index) {
  require_below(account_index, 2048, "accounts");
  require_below(local_index, 131072, "Elastic IPs in one account");
  const uint64_t address = scramble(static_cast<uint64_t>(account_index) << 17 | local_index, 28,
                                    salt_of(world, "public_ipv4"));
  char text[16];
  std::snprintf(text, sizeof text, "%u.%u.%u.%u", kPublicFirstOctets[address >> 24],
                static_cast<unsigned>(address >> 16 & 0xff), static_cast<unsigned>(address >> 8 & 0xff),
                static_cast<unsigned>(address & 0xff));
  return text;
}

}  // namespace seedgen
