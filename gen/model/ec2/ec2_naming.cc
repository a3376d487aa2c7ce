// ec2_naming.cc: what standalone instances are called and which stack owns them, and when an
// instance's row last changed.
#include <algorithm>
#include <iterator>

#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/ec2/instance_model.h"
#include "model/natural_ids.h"
#include "model/world.h"

namespace seedgen {
namespace {

struct AppNames {
  Workload workload;
  const char* names[5];
};
constexpr AppNames kApps[] = {
    {Workload::kService, {"api", "web", "gateway", "frontend", "graphql"}},
    {Workload::kWorker, {"worker", "consumer", "scheduler", "etl", "indexer"}},
    {Workload::kDatabase, {"postgres", "mysql", "redis", "mongo", "elastic"}},
    {Workload::kDevBox, {"devbox", "workstation", "devbox", "cloud9", "bastion"}},
    {Workload::kExperiment, {"poc", "test", "demo", "spike", "tmp"}},
    {Workload::kCiJob, {"ci-runner", "build-agent", "ci-runner", "gitlab-runner", "jenkins-agent"}},
    {Workload::kGpuTraining, {"trainer", "finetune", "training", "ml-batch", "trainer"}},
    {Workload::kGpuInference, {"inference", "notebook", "embeddings", "inference", "jupyter"}},
    {Workload::kLegacy, {"legacy-app", "ftp", "jenkins", "crm", "reporting"}},
};

// Stack-managed share: teams deploy services with CloudFormation (or CDK); people launch dev boxes and
// experiments by hand.
double stack_share(Workload workload, bool prod) {
  switch (workload) {
    case Workload::kService:
    case Workload::kWorker:
    case Workload::kDatabase: return prod ? 0.6 : 0.4;
    case Workload::kCiJob: return 0.7;
    case Workload::kGpuInference: return 0.3;
    default: return 0.05;
  }
}

}  // namespace

InstanceName standalone_name(const World& world, const AccountPlan& account, const InstancePlan& plan, Rng& stream) {
  const auto& names = std::find_if(std::begin(kApps), std::end(kApps), [&](const AppNames& apps) { return apps.workload == plan.workload; })->names;
  const double app_draw = stream.unit(), stack_draw = stream.unit();
  InstanceName naming;
  naming.app = names[static_cast<size_t>(app_draw * 5)];
  // Names need not be unique (AWS does not require it): the suffix is the low 24 bits of the life's key.
  naming.name = naming.app + "-" + std::string(plan.env) + "-" +
                local_hex(world, "instance_name", account.index, plan.life.key & 0xffffffu, 6);
  if (stack_draw < stack_share(plan.workload, plan.env == "prod")) {
    naming.stack = account.team + "-" + naming.app + "-" + std::string(plan.env);
  }
  return naming;
}

int64_t instance_updated_at(const World& world, const InstancePlan& plan) {
  const int64_t now = std::min(world.snapshot_time(), plan.life.died_at);
  int64_t updated = plan.life.born_at;
  if (plan.resized_at <= now) updated = std::max(updated, plan.resized_at);
  if (plan.stopped_at <= now) updated = std::max(updated, plan.stopped_at);
  if (plan.life.died_at <= world.snapshot_time()) updated = std::max(updated, plan.life.died_at);
  if (plan.scheduled && plan.stopped_at > now) {
    // The latest start or stop of the schedule: 08:00 or 20:00 local on the last workdays.
    for (int32_t day = static_cast<int32_t>(now / kSecondsPerDay) + 1; day >= static_cast<int32_t>(now / kSecondsPerDay) - 10; --day) {
      if (is_weekend(day) || is_holiday(day)) continue;
      const int64_t open = static_cast<int64_t>(day) * kSecondsPerDay + (8 - plan.utc_offset) * 3600;
      const int64_t close = open + 12 * 3600;
      const int64_t latest = close <= now ? close : (open <= now ? open : 0);
      if (latest > 0) {
        updated = std::max(updated, latest);
        break;
      }
    }
  }
  return updated;
}

}  // namespace seedgen
