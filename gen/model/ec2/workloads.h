// workloads.h: what an EC2 instance runs, and what follows from it: how long it lives, how busy it is
// on weekdays and weekends, how spiky, how much it talks to the network, and which life events it is
// prone to (being stopped and forgotten, abandoned while running, resized, put on an office-hours
// schedule). Every figure here is a calibration constant with its source in docs/data/ec2.md
// ("Distributions"). Private to gen/model/ec2/.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "model/lives.h"
#include "model/organization.h"

namespace seedgen {

enum class Workload : uint8_t {
  kService,      // web and API servers ("pets")
  kWorker,       // queue consumers, long batch
  kDatabase,     // self-managed databases and stateful servers
  kDevBox,       // a developer's machine
  kExperiment,   // launched to try something, often left behind
  kCiJob,        // CI runners and short batch jobs: hours
  kGpuTraining,  // training jobs: GPU busy on some days, idle on others
  kGpuInference, // inference and notebooks: steady GPU use
  kLegacy,       // old servers on previous-generation types
  kCount,
};
inline constexpr size_t kWorkloadCount = static_cast<size_t>(Workload::kCount);

struct WorkloadSpec {
  std::string_view kind;          // the birth-process kind (stream name)
  LifeSpec life;
  double cpu_median = 10, cpu_sigma = 0.8;           // weekday daily average while active, percent
  double network_median_mb = 1000, network_sigma = 1.2;  // MB per day while active
  double weekend_prod = 0.8, weekend_nonprod = 0.4;  // activity on weekends (business_activity)
  double daily_sigma = 0.25;      // day-to-day noise (log scale)
  double peak_median = 1.5;       // median of cpu_max / cpu_avg - 1
  double stop_chance = 0, abandon_chance = 0, resize_chance = 0, schedule_chance_nonprod = 0;
  double abandon_after_days = 10; // median delay from launch to abandonment
  double prev_gen_chance = 0;     // chance of a previous-generation type on a launch today (older launches more)
  bool burstable_friendly = false;  // may run on t-family types
};

const WorkloadSpec& workload_spec(Workload workload);
std::string_view workload_name(Workload workload);   // "service", "devbox", ...
bool is_gpu_workload(Workload workload);

// standalone_share: the expected share of an account's standalone instances running `workload`.
double standalone_share(OrgUnit unit, Workload workload);
// autoscaled_share: the expected share of an account's instances that are autoscaling-group members.
double autoscaled_share(OrgUnit unit);

}  // namespace seedgen
