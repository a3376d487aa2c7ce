// natural_ids.h: natural ids (instance, volume, snapshot, allocation ids, names) that are unique by construction, not by luck.
// Each id encodes (account index, local index) through a seeded bijection, so two resources never share
// an id in a run however large the estate, while the ids still look random. Limits are checked and
// reported as Error(kProfile).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace seedgen {

struct World;

// unique_hex: `digits` hex digits (8..17; 17 digits begin with 0, as AWS ids do) unique per (kind,
// account_index, local_index) within a seed.
// REQUIRES: account_index < 4096 and local_index < 2^(4 × digits - 12).
std::string unique_hex(const World& world, std::string_view kind, uint32_t account_index, uint64_t local_index,
                       int digits);

// local_hex: `digits` hex digits (1..8) unique per local_index within one account and kind.
std::string local_hex(const World& world, std::string_view kind, uint32_t account_index, uint64_t local_index,
                      int digits);

// public_ipv4: a public address in one of sixteen AWS-announced /8 blocks (never private, shared,
// loopback, link-local or multicast), unique per (account_index, local_index) within a seed.
// REQUIRES: account_index < 2048 and local_index < 131072.
std::string public_ipv4(const World& world, uint32_t account_index, uint64_t local_index);

}  // namespace seedgen
