// logs_builder.cc: CloudWatch log groups named after the account's functions, databases and services,
// with the logs_no_retention pattern (rule in docs/data/platform.md).
#include <algorithm>
#include <array>

#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

enum class LogKind { kLambda, kEcs, kRds, kApplication, kEks, kApiGateway, kVpcFlow };
constexpr std::array<double, 7> kLogKindWeights = {35, 20, 10, 20, 5, 5, 5};

// AWS's allowed retention values (days); ordinary groups favour a week to a year.
constexpr std::array<int, 15> kRetentionDays = {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731};
constexpr std::array<double, 15> kRetentionWeights = {3, 4, 2, 15, 15, 25, 6, 12, 2, 1, 4, 8, 1, 1, 1};
// Near misses keep logs for years, but do expire them.
constexpr std::array<int, 6> kLongRetentionDays = {1827, 2192, 2557, 2922, 3288, 3653};

// Groups are old enough to hold more than 30 days of logs, so logs_no_retention always saves something.
constexpr int kMinLogAgeDays = 45;
constexpr int32_t kRetentionBenchmarkDays = 30;

struct LogNameDraws {
  LogKind kind;
  std::string_view app;
  double pick;
  std::string hex;
};

std::string log_group_name(const AccountModel& model, LogGroup& group, const LogNameDraws& draws) {
  const std::string service = std::string(draws.app) + "-" + std::string(group.core.env);
  const auto& lambdas = model.containers.lambda_functions;
  const auto& databases = model.platform.rds_instances;
  switch (draws.kind) {
    case LogKind::kLambda:
      if (lambdas.empty()) return "/aws/lambda/" + service + "-handler";
      {
        const auto& function = lambdas[static_cast<size_t>(draws.pick * static_cast<double>(lambdas.size()))];
        group.core.region = function.core.region;
        return "/aws/lambda/" + function.name;
      }
    case LogKind::kEcs: return "/ecs/" + service;
    case LogKind::kRds:
      if (databases.empty()) return "/aws/rds/instance/" + service + "-db/error";
      {
        const auto& rds = databases[static_cast<size_t>(draws.pick * static_cast<double>(databases.size()))];
        group.core.region = rds.core.region;
        const bool postgres = rds.engine.find("postgres") != std::string::npos;
        return "/aws/rds/instance/" + rds.core.resource_id + (postgres ? "/postgresql" : "/error");
      }
    case LogKind::kApplication: return "/" + std::string(draws.app) + "/" + std::string(group.core.env) + "/application";
    case LogKind::kEks: return "/aws/eks/" + service + "/cluster";
    case LogKind::kApiGateway: return "API-Gateway-Execution-Logs_" + draws.hex.substr(0, 10) + "/" + std::string(group.core.env);
    case LogKind::kVpcFlow: return "/vpc/flow-logs/vpc-" + draws.hex;
  }
  return service;
}

// retention_for: NULL (0) when planted; years when a near miss; else a common value.
int retention_for(Plant plant, Rng& rng) {
  const int common = kRetentionDays[rng.weighted(kRetentionWeights)];
  const int long_term = kLongRetentionDays[rng.below(kLongRetentionDays.size())];
  if (plant == Plant::kWaste) return 0;
  return plant == Plant::kNearMiss ? long_term : common;
}

void build_log_group(const World& world, AccountModel& model, uint32_t local_index) {
  const uint64_t key = entity_key(model.account->index, "log_group", local_index);
  Rng rng(world.seed(), "log_groups", key);
  LogGroup group;
  group.key = key;
  group.core = core_for(rng, world, "log_groups", key, "", kMinLogAgeDays, kMaxAgeDays);
  const LogNameDraws draws{static_cast<LogKind>(rng.weighted(kLogKindWeights)), app_name(rng), rng.unit(),
                           aws_id(rng, "", 17)};
  const double level = std::clamp(rng.lognormal(0.05, 1.6) * (is_prod(group.core.env) ? 2.0 : 1.0), 0.0005, 200.0);
  const double weekend_factor = nonprod_weekend_factor(rng, group.core.env);
  const Plant plant = plant_decision(world, Pattern::kLogsNoRetention, key);
  group.retention_days = retention_for(plant, rng);
  group.name = log_group_name(model, group, draws);
  group.core.tags = draw_tags(rng, world, group.core.env, group.name);

  group.ingested_gb = DailyLevel{round_to(level, 4), weekend_factor, 0.3, 0, 1000, 4};
  group.ingest_price_per_gb = regional_price(world, group.core.region, world.catalog->unit_price("logs.ingest.gb"));
  group.storage_price_per_gb_month =
      regional_price(world, group.core.region, world.catalog->unit_price("logs.storage.gb_month"));
  std::vector<LogDay> last_30_days;
  log_group_days(world, group, world.as_of_day() - kRetentionBenchmarkDays + 1, world.as_of_day(), last_30_days);
  double ingested_30_days = 0;
  for (const LogDay& day : last_30_days) ingested_30_days += day.ingested_gb;
  const double stored_gb = last_30_days.back().stored_gb;
  add_monthly_cost(model, group.ingested_gb.base * kDaysPerMonth * group.ingest_price_per_gb +
                              stored_gb * group.storage_price_per_gb_month);
  if (plant == Plant::kWaste) {
    record_waste(model, ResourceType::kLogGroup, group.core.resource_id, Pattern::kLogsNoRetention,
                 std::max(0.0, stored_gb - ingested_30_days) * group.storage_price_per_gb_month);
  }
  model.platform.log_groups.push_back(std::move(group));
}

}  // namespace

void build_log_groups(const World& world, AccountModel& model) {
  const int64_t count = resource_count(model, ResourceType::kLogGroup);
  for (int64_t index = 0; index < count; ++index) build_log_group(world, model, static_cast<uint32_t>(index));
}

}  // namespace seedgen
