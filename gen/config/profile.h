// profile.h: a named fleet profile (profiles/NAME.toml) after `extends` and CLI overrides are applied.
// A Profile is plain validated data: counts are positive, rates lie in 0..1, mixes are non-empty with
// positive weights. Loading and validation live in profile_loader.h.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seedgen {

// The 14 resource types of the spec's resource_tags comment, in this fixed order.
enum class ResourceType : uint8_t {
  kInstance, kVolume, kSnapshot, kS3Bucket, kRdsInstance, kCacheCluster, kLoadBalancer, kElasticIp,
  kLambdaFunction, kContainerCluster, kContainerNode, kStreamingCluster, kManagedService, kLogGroup,
  // Answer-key subjects that are not among the 14 resource types (no counts, tags or metrics of their own).
  kContainerService, kDataTransfer, kCommitment, kAutoscalingGroup,
};
inline constexpr int kResourceTypeCount = 14;

// resource_type_name: the spec's name, e.g. "instance", "s3_bucket".
const char* resource_type_name(ResourceType type);

// parse_resource_type: the type whose spec name is `name`, or nullopt when there is none.
std::optional<ResourceType> parse_resource_type(std::string_view name);

// The 27 pattern ids of the waste catalog, section 3, in its order.
inline constexpr std::array<std::string_view, 27> kWastePatternIds = {
    "ec2_idle",          "ec2_idle_4_of_14",         "ec2_oversized",       "gpu_idle",
    "ec2_stopped_30d",   "nonprod_24x7",             "ec2_prev_gen",        "ec2_uncommitted_steady",
    "asg_overprovisioned", "ebs_unattached",         "ebs_gp2",             "ebs_piops_overprovisioned",
    "snapshot_stale",    "eip_unassociated",         "lb_idle",             "rds_idle",
    "rds_oversized",     "cache_underutilized",      "managed_service_idle", "streaming_overprovisioned",
    "lambda_idle_provisioned", "logs_no_retention",  "s3_cold_no_lifecycle", "transfer_avoidable",
    "commitment_underutilized", "commitment_expiring", "container_idle",
};

struct WeightedName {
  std::string name;
  double weight = 0;
};

struct Profile {
  std::string name;                 // file stem, e.g. "small"
  std::string source_path;          // the file it came from
  uint64_t seed = 1;
  int32_t as_of_day = 0;            // days since 1970-01-01 of the profile's as_of date (default 2025-01-15)
  int64_t resources = 10000;        // total resources over the 14 types
  int32_t accounts = 20;
  double account_skew = 1.1;        // Zipf exponent of account sizes: a few large, a long tail of small
  std::vector<WeightedName> regions;         // e.g. us-east-1: 0.45
  std::vector<WeightedName> envs;            // prod / staging / dev / test
  std::map<ResourceType, double> resource_mix;  // share of resources per type (normalised on load)
  int32_t metrics_days = 14;        // history of metrics_daily
  int32_t usage_days = 30;          // history of the *_usage_daily, utilization and transfer tables
  double tag_coverage = 0.8;        // share of taggable resources that carry tags
  double near_miss_rate = 0.5;      // per planted pattern: near misses planted, relative to its plant rate
  std::map<std::string, double> waste_rates;  // pattern id (waste catalog) -> share of its resource type
  std::string layout;               // the database layout a load of this profile needs; "" = any (--layout overrides)
};

}  // namespace seedgen
