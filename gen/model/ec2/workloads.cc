// workloads.cc: the calibration table of EC2 workloads (sources in docs/data/ec2.md, "Distributions").
#include "model/ec2/workloads.h"

#include <vector>

namespace seedgen {
namespace {

WorkloadSpec make(std::string_view kind, std::vector<LifetimeComponent> lifetimes, double max_days) {
  WorkloadSpec spec;
  spec.kind = kind;
  spec.life.kind = kind;
  spec.life.lifetimes = std::move(lifetimes);
  spec.life.max_lifetime_days = max_days;
  return spec;
}

std::array<WorkloadSpec, kWorkloadCount> build_specs() {
  std::array<WorkloadSpec, kWorkloadCount> specs;
  WorkloadSpec& service = specs[0] = make("instance.service", {{0.5, 220, 1.0}, {0.25, 25, 1.0}}, 2400);
  service.cpu_median = 9, service.cpu_sigma = 0.6, service.daily_sigma = 0.45, service.network_median_mb = 4000;
  service.weekend_prod = 0.75, service.weekend_nonprod = 0.35, service.peak_median = 1.6;
  service.stop_chance = 0.03, service.abandon_chance = 0.04, service.abandon_after_days = 90;
  service.resize_chance = 0.12, service.schedule_chance_nonprod = 0.15, service.prev_gen_chance = 0.04;
  service.burstable_friendly = true;

  WorkloadSpec& worker = specs[1] = make("instance.worker", {{0.6, 120, 1.0}, {0.3, 15, 1.2}}, 2000);
  worker.cpu_median = 12, worker.cpu_sigma = 0.7, worker.network_median_mb = 1500;
  worker.weekend_prod = 0.9, worker.weekend_nonprod = 0.6, worker.peak_median = 1.2, worker.daily_sigma = 0.45;
  worker.stop_chance = 0.03, worker.abandon_chance = 0.03, worker.abandon_after_days = 60;
  worker.resize_chance = 0.1, worker.prev_gen_chance = 0.04;

  WorkloadSpec& database = specs[2] = make("instance.database", {{0.5, 400, 0.8}}, 2800);
  database.cpu_median = 11, database.cpu_sigma = 0.6, database.network_median_mb = 2500;
  database.weekend_prod = 0.8, database.weekend_nonprod = 0.5, database.peak_median = 1.0;
  database.daily_sigma = 0.3, database.resize_chance = 0.1, database.prev_gen_chance = 0.05;

  WorkloadSpec& devbox = specs[3] = make("instance.devbox", {{0.7, 60, 1.0}, {0.2, 5, 1.0}}, 1500);
  devbox.cpu_median = 4, devbox.cpu_sigma = 0.8, devbox.network_median_mb = 250, devbox.network_sigma = 1.0;
  devbox.weekend_prod = 0.3, devbox.weekend_nonprod = 0.08, devbox.peak_median = 3.0, devbox.daily_sigma = 0.5;
  devbox.stop_chance = 0.3, devbox.abandon_chance = 0.12, devbox.abandon_after_days = 20;
  devbox.schedule_chance_nonprod = 0.3, devbox.prev_gen_chance = 0.08, devbox.burstable_friendly = true;
  devbox.life.business_hours = true;

  WorkloadSpec& experiment = specs[4] = make("instance.experiment", {{0.3, 3, 1.0}, {0.5, 45, 1.1}, {0.2, 200, 0.8}}, 1200);
  experiment.cpu_median = 8, experiment.cpu_sigma = 1.0, experiment.daily_sigma = 0.5, experiment.network_median_mb = 800;
  experiment.weekend_prod = 0.5, experiment.weekend_nonprod = 0.3, experiment.peak_median = 2.0;
  experiment.stop_chance = 0.15, experiment.abandon_chance = 0.7, experiment.abandon_after_days = 6;
  experiment.prev_gen_chance = 0.03, experiment.burstable_friendly = true;

  // CI: runner pools that live for a working day, and a minority of one-job ephemeral runners.
  WorkloadSpec& ci = specs[5] = make("instance.ci", {{0.3, 0.06, 1.0}, {0.7, 0.4, 0.6}}, 3);
  ci.cpu_median = 14, ci.cpu_sigma = 0.5, ci.network_median_mb = 3000;
  ci.weekend_prod = 0.4, ci.weekend_nonprod = 0.4, ci.peak_median = 0.8;
  ci.life.business_hours = false, ci.life.weekend_birth_factor = 0.3;

  WorkloadSpec& training = specs[6] = make("instance.gpu_training", {{0.4, 2, 1.0}, {0.45, 40, 1.0}, {0.15, 200, 0.6}}, 900);
  training.cpu_median = 10, training.cpu_sigma = 0.6, training.network_median_mb = 6000;
  training.weekend_prod = 0.8, training.weekend_nonprod = 0.6, training.peak_median = 1.5;
  training.abandon_chance = 0.25, training.abandon_after_days = 12, training.stop_chance = 0.1;

  WorkloadSpec& inference = specs[7] = make("instance.gpu_inference", {{0.6, 120, 1.0}}, 1200);
  inference.cpu_median = 7, inference.cpu_sigma = 0.6, inference.network_median_mb = 3000;
  inference.weekend_prod = 0.8, inference.weekend_nonprod = 0.4, inference.peak_median = 1.2;
  inference.abandon_chance = 0.15, inference.abandon_after_days = 30;

  WorkloadSpec& legacy = specs[8] = make("instance.legacy", {{0.3, 600, 0.7}}, 3000);
  legacy.cpu_median = 5, legacy.cpu_sigma = 0.9, legacy.daily_sigma = 0.4, legacy.network_median_mb = 1200;
  legacy.weekend_prod = 0.8, legacy.weekend_nonprod = 0.6, legacy.peak_median = 1.4;
  legacy.stop_chance = 0.05, legacy.abandon_chance = 0.1, legacy.abandon_after_days = 400;
  legacy.prev_gen_chance = 1.0, legacy.life.growth_per_year = -0.2;
  return specs;
}

// Shares of standalone instances by OU (rows: management, security, shared, prod, non-prod, sandbox),
// in Workload order.
constexpr double kShares[6][kWorkloadCount] = {
    {0.40, 0.20, 0.10, 0.05, 0.05, 0.05, 0.00, 0.00, 0.15},
    {0.40, 0.20, 0.10, 0.05, 0.05, 0.05, 0.00, 0.00, 0.15},
    {0.30, 0.10, 0.05, 0.05, 0.05, 0.35, 0.00, 0.00, 0.10},
    {0.42, 0.18, 0.10, 0.02, 0.03, 0.04, 0.01, 0.02, 0.18},
    {0.30, 0.10, 0.06, 0.22, 0.12, 0.06, 0.01, 0.01, 0.12},
    {0.05, 0.03, 0.02, 0.35, 0.45, 0.02, 0.03, 0.02, 0.03},
};

constexpr double kAutoscaled[6] = {0.10, 0.10, 0.30, 0.35, 0.25, 0.02};

}  // namespace

const WorkloadSpec& workload_spec(Workload workload) {
  static const std::array<WorkloadSpec, kWorkloadCount> specs = build_specs();
  return specs[static_cast<size_t>(workload)];
}

std::string_view workload_name(Workload workload) {
  static constexpr std::string_view kNames[kWorkloadCount] = {"service", "worker", "database", "devbox",
                                                              "experiment", "ci", "gpu-training",
                                                              "gpu-inference", "legacy"};
  return kNames[static_cast<size_t>(workload)];
}

bool is_gpu_workload(Workload workload) {
  return workload == Workload::kGpuTraining || workload == Workload::kGpuInference;
}

double standalone_share(OrgUnit unit, Workload workload) {
  return kShares[static_cast<size_t>(unit)][static_cast<size_t>(workload)];
}

double autoscaled_share(OrgUnit unit) { return kAutoscaled[static_cast<size_t>(unit)]; }

}  // namespace seedgen
