#include "model/waste.h"

#include "model/world.h"

namespace seedgen {

const std::vector<std::string>& waste_pattern_ids() {
  static const std::vector<std::string> ids = {
      "ec2_idle", "ec2_idle_4_of_14", "ec2_oversized", "gpu_idle", "ec2_stopped_30d", "nonprod_24x7",
      "ec2_prev_gen", "ec2_uncommitted_steady", "asg_overprovisioned", "ebs_unattached", "ebs_gp2",
      "ebs_piops_overprovisioned", "snapshot_stale", "eip_unassociated", "lb_idle", "rds_idle", "rds_oversized",
      "cache_underutilized", "managed_service_idle", "streaming_overprovisioned", "lambda_idle_provisioned",
      "logs_no_retention", "s3_cold_no_lifecycle", "transfer_avoidable", "commitment_underutilized",
      "commitment_expiring", "container_idle"};
  return ids;
}

double waste_rate(const World& world, std::string_view pattern) {
  const auto& rates = world.profile->waste_rates;
  const auto found = rates.find(std::string(pattern));
  return found == rates.end() ? 0.0 : found->second;
}

Plant decide_plant(Rng& rng, const World& world, std::string_view pattern) {
  const double rate = waste_rate(world, pattern);
  const double draw = rng.unit();
  if (draw < rate) return Plant::kWaste;
  if (draw < rate + rate * world.profile->near_miss_rate) return Plant::kNearMiss;
  return Plant::kNone;
}

}  // namespace seedgen
