// profile.cc: the spec's names of the 14 resource types, both ways.
#include "config/profile.h"

#include <array>

namespace seedgen {
namespace {

// Indexed by ResourceType; the spec's resource_tags.resource_type comment lists them in this order.
// The four after them name answer-key subjects only; parse_resource_type does not accept them.
constexpr std::array<const char*, kResourceTypeCount + 4> kResourceTypeNames = {
    "instance",       "volume",          "snapshot",          "s3_bucket",      "rds_instance",
    "cache_cluster",  "load_balancer",   "elastic_ip",        "lambda_function", "container_cluster",
    "container_node", "streaming_cluster", "managed_service", "log_group",
    "container_service", "data_transfer", "commitment", "autoscaling_group",
};

}  // namespace

const char* resource_type_name(ResourceType type) {
  return kResourceTypeNames[static_cast<size_t>(type)];
}

std::optional<ResourceType> parse_resource_type(std::string_view name) {
  for (size_t index = 0; index < static_cast<size_t>(kResourceTypeCount); ++index) {
    if (name == kResourceTypeNames[index]) return static_cast<ResourceType>(index);
  }
  return std::nullopt;
}

}  // namespace seedgen
