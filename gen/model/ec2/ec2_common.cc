// ec2_common.cc: the pieces the standalone and autoscaling-group builders share: names, tags, prices
// and the root volume of an instance.
#include <cmath>

#include "config/catalog.h"
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/ec2/instance_model.h"

namespace seedgen {
namespace {

constexpr const char* kApps[] = {"api", "web", "worker", "etl", "batch", "cache", "gateway", "scheduler",
                                 "indexer", "reports", "ingest", "auth", "search", "billing", "ml-train", "render"};

constexpr int kRootSizes[] = {8, 16, 20, 30, 50, 100, 200};
constexpr double kRootWeights[] = {15, 10, 15, 20, 20, 15, 5};

}  // namespace


const char* draw_app(Rng& rng) { return kApps[rng.below(static_cast<uint32_t>(std::size(kApps)))]; }

void apply_type(const World& world, Instance& instance, const InstanceType& type) {
  instance.instance_type = type.name;
  instance.hourly_cost = round4(regional_price(world, instance.core.region, type.hourly_usd));
  instance.gpu_count = type.gpu_count;
  instance.gpu_hourly_cost = type.gpu_count > 0 ? round4(instance.hourly_cost * kGpuCostShare) : 0.0;
}

void name_and_tag(Rng& rng, const World& world, Instance& instance, std::string_view app, int number) {
  instance.name = std::string(app) + "-" + std::string(instance.core.env) + "-" + std::to_string(number);
  instance.core.tags = draw_tags(rng, world, instance.core.env, instance.name);
  for (auto& [key, value] : instance.core.tags) {
    if (key == "app") value = app;
  }
}

int draw_root_volume_gib(Rng& rng) { return kRootSizes[rng.weighted(kRootWeights)]; }

void add_instance_cost(AccountModel& model, const Instance& instance) {
  if (instance.state == "running" || instance.state == "pending") {
    add_monthly_cost(model, instance.hourly_cost * kHoursPerMonth);
  }
}

}  // namespace seedgen
