// logs_builder.cc: CloudWatch log groups, each a life of its account, named after the account's functions,
// databases and services (names unique within an account and region, as CloudWatch requires); whether a
// group ever expires is its owner's setting. logs_no_retention is found by the rules.
#include <algorithm>
#include <array>
#include <set>

#include "core/calendar.h"
#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr int kOrdinalBits = 16;

enum class LogKind { kLambda, kEcs, kRds, kApplication, kEks, kApiGateway, kVpcFlow };
constexpr std::array<double, 7> kLogKindWeights = {35, 20, 10, 20, 5, 5, 5};

// AWS's allowed retention values (days); groups with a retention favour a week to a year.
constexpr std::array<int, 21> kRetentionDays = {1,   3,   5,   7,   14,  30,   60,   90,   120,  150, 180,
                                                365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3653};
constexpr std::array<double, 21> kRetentionWeights = {3, 4, 2, 15, 15, 25, 6, 12, 2, 1, 4,
                                                      8, 1, 1, 2, 1.5, 1.5, 0.5, 0.5, 0.5, 1};
// Share of groups left at CloudWatch's default, "never expire" (docs/WASTE-CATALOG.md: 40-60 %).
constexpr double kNeverExpireProd = 0.48, kNeverExpireNonProd = 0.55;
constexpr int32_t kRetentionBenchmarkDays = 30;

struct LogNameDraws {
  LogKind kind;
  std::string_view app;
  std::string hex;
};

std::string log_group_name(const AccountModel& model, LogGroup& group, const LogNameDraws& draws) {
  const std::string service = std::string(draws.app) + "-" + std::string(group.core.env);
  const auto& lambdas = model.containers.lambda_functions;
  const auto& databases = model.platform.rds_instances;
  switch (draws.kind) {
    case LogKind::kLambda:
      {
        const size_t chosen = stable_pick(group.life.key, lambdas.size(), [&](size_t i) { return lambdas[i].life.key; },
                                          [&](size_t i) { return lambdas[i].life.born_at <= group.life.born_at; });
        if (chosen == lambdas.size()) return "/aws/lambda/" + service + "-handler";
        const auto& function = lambdas[chosen];
        group.core.region = function.core.region;
        return "/aws/lambda/" + function.name;
      }
    case LogKind::kEcs: return "/ecs/" + service;
    case LogKind::kRds:
      {
        const size_t chosen = stable_pick(group.life.key, databases.size(), [&](size_t i) { return databases[i].life.key; },
                                          [&](size_t i) { return databases[i].life.born_at <= group.life.born_at; });
        if (chosen == databases.size()) return "/aws/rds/instance/" + service + "-db/error";
        const auto& rds = databases[chosen];
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

void build_log_group(const World& world, AccountModel& model, std::set<std::string>& taken, const PlatformBirth& birth,
                     Rng& stream) {
  LogGroup group;
  group.life = birth.life;
  group.core.id = Uuid::from_key(world.seed(), "log_groups", birth.life.key);
  group.core.resource_id = uuid_text(group.core.id);
  group.core.region = birth.region;
  group.core.env = birth.env;
  group.core.created_at = birth.life.born_at;
  const bool prod = is_prod(birth.env);
  const auto kind = static_cast<LogKind>(stream.weighted(kLogKindWeights));
  const std::string_view app = app_name(stream);
  stream.unit();   // was the position of the function or database named; kept so the draws after it stay
  const LogNameDraws draws{kind, app, aws_id(stream, "", 17)};
  const double level = std::clamp(stream.lognormal(0.05, 1.6) * (prod ? 2.0 : 1.0), 0.0005, 200.0);
  const double weekend = weekend_activity(stream, birth.env);
  const double never = stream.unit();
  const int retention = kRetentionDays[stream.weighted(kRetentionWeights)];
  group.retention_days = never < (prod ? kNeverExpireProd : kNeverExpireNonProd) ? 0 : retention;
  group.name = log_group_name(model, group, draws);
  // A name already in use in the region (two databases' groups, two services of one app): the second one
  // was created with a distinguishing suffix.
  if (!taken.insert(std::string(group.core.region) + "|" + group.name).second) {
    group.name += "-" + draws.hex.substr(10, 5);
    taken.insert(std::string(group.core.region) + "|" + group.name);
  }
  group.core.tags = draw_tags(stream, world, *model.account, TagSubject{group.name, group.core.env, draws.app, "", false});

  group.ingested_gb = DailyLevel{round_to(level, 4), weekend, 0.3, 0.3, 0, 1000, 4};
  group.ingest_price_per_gb = world.catalog->price("logs.ingest.gb", group.core.region);
  group.storage_price_per_gb_month = world.catalog->price("logs.storage.gb_month", group.core.region);
  std::vector<LogDay> last_30_days;
  log_group_days(world, group, world.as_of_day() - kRetentionBenchmarkDays + 1, world.as_of_day(), last_30_days);
  // The monthly cost reads the stored rows, as the cost roll-up does (docs/MODEL.md, section 7): the mean
  // ingestion charge of the rows of the last 30 days (from the group's creation) and the as_of day's
  // storage charge, on a monthly scale.
  const int32_t created_day = static_cast<int32_t>(group.core.created_at / kSecondsPerDay);
  double ingestion = 0;
  int rows = 0;
  for (const LogDay& day : last_30_days) {
    group.ingested_gb_30d += day.ingested_gb;
    if (day.day < created_day) continue;
    ingestion += day.ingestion_cost;
    ++rows;
  }
  group.stored_gb_as_of = last_30_days.back().stored_gb;
  add_monthly_cost(model, (ingestion / std::max(1, rows) + last_30_days.back().storage_cost) * kDaysPerMonth);
  model.platform.log_groups.push_back(std::move(group));
}

}  // namespace

void build_log_groups(const World& world, AccountModel& model) {
  std::set<std::string> taken;
  for_each_birth(world, model, ResourceType::kLogGroup, kOrdinalBits,
                 [&](const PlatformBirth& birth, Rng& stream) { build_log_group(world, model, taken, birth, stream); });
}

}  // namespace seedgen
