// waste_patterns.h: the 27 waste patterns of the waste catalog (docs/WASTE-CATALOG.md, section 3) as one
// enum, the only list of them in the code. Profiles name them by id (their [waste] keys), the answer key
// stores the id, and query files are named after it; `seedgen patterns` prints the list for scripts.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace seedgen {

// In the catalog's order; kCount is not a pattern.
enum class Pattern : uint8_t {
  kEc2Idle, kEc2Idle4of14, kEc2Oversized, kGpuIdle, kEc2Stopped30d, kNonprod24x7, kEc2PrevGen,
  kEc2UncommittedSteady, kAsgOverprovisioned, kEbsUnattached, kEbsGp2, kEbsPiopsOverprovisioned,
  kSnapshotStale, kEipUnassociated, kLbIdle, kRdsIdle, kRdsOversized, kCacheUnderutilized,
  kManagedServiceIdle, kStreamingOverprovisioned, kLambdaIdleProvisioned, kLogsNoRetention,
  kS3ColdNoLifecycle, kTransferAvoidable, kCommitmentUnderutilized, kCommitmentExpiring, kContainerIdle,
  kCount,
};
inline constexpr size_t kPatternCount = static_cast<size_t>(Pattern::kCount);

// pattern_id: the catalog's id, e.g. "ebs_gp2". REQUIRES: pattern != kCount.
std::string_view pattern_id(Pattern pattern);

// parse_pattern: the pattern whose id is `id`, or nullopt.
std::optional<Pattern> parse_pattern(std::string_view id);

// all_patterns: every pattern, in the catalog's order.
const std::array<Pattern, kPatternCount>& all_patterns();

}  // namespace seedgen
