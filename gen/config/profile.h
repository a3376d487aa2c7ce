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

#include "config/waste_patterns.h"

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
  std::map<Pattern, double> waste_rates;     // every pattern -> share of its resource type (0 if not named)
  std::string layout;               // the database layout a load of this profile needs; "" = any (--layout overrides)
  // The --accounts and --scale overrides as given (applied above already): a load records them so that
  // seedgen drift regenerates the same fleet.
  std::optional<int32_t> accounts_override;
  std::optional<double> scale_override;
};

}  // namespace seedgen
