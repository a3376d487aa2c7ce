// waste_patterns.cc: the ids of the 27 patterns, indexed by Pattern.
#include "config/waste_patterns.h"

namespace seedgen {
namespace {

constexpr std::array<std::string_view, kPatternCount> kIds = {
    "ec2_idle",          "ec2_idle_4_of_14",         "ec2_oversized",       "gpu_idle",
    "ec2_stopped_30d",   "nonprod_24x7",             "ec2_prev_gen",        "ec2_uncommitted_steady",
    "asg_overprovisioned", "ebs_unattached",         "ebs_gp2",             "ebs_piops_overprovisioned",
    "snapshot_stale",    "eip_unassociated",         "lb_idle",             "rds_idle",
    "rds_oversized",     "cache_underutilized",      "managed_service_idle", "streaming_overprovisioned",
    "lambda_idle_provisioned", "logs_no_retention",  "s3_cold_no_lifecycle", "transfer_avoidable",
    "commitment_underutilized", "commitment_expiring", "container_idle",
};

constexpr std::array<Pattern, kPatternCount> make_all() {
  std::array<Pattern, kPatternCount> patterns{};
  for (size_t index = 0; index < kPatternCount; ++index) patterns[index] = static_cast<Pattern>(index);
  return patterns;
}

}  // namespace

std::string_view pattern_id(Pattern pattern) { return kIds.at(static_cast<size_t>(pattern)); }

std::optional<Pattern> parse_pattern(std::string_view id) {
  for (size_t index = 0; index < kPatternCount; ++index) {
    if (kIds[index] == id) return static_cast<Pattern>(index);
  }
  return std::nullopt;
}

const std::array<Pattern, kPatternCount>& all_patterns() {
  static constexpr std::array<Pattern, kPatternCount> patterns = make_all();
  return patterns;
}

}  // namespace seedgen
