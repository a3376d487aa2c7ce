// lambda_builder.cc: the account's Lambda functions, their daily series (invocations, duration, errors,
// throttles, provisioned-concurrency utilisation) and costs from the catalog's Lambda unit prices.
// Plants lambda_idle_provisioned: functions paying for provisioned concurrency that nobody uses.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

constexpr int kMemorySizes[] = {128, 256, 512, 1024, 1536, 2048, 3008, 4096, 10240};
constexpr double kMemoryWeights[] = {30, 20, 18, 15, 5, 6, 4, 1.5, 0.5};
constexpr int kTimeouts[] = {3, 10, 30, 60, 300, 900};
constexpr double kTimeoutWeights[] = {20, 10, 25, 15, 15, 15};
constexpr const char* kTeams[] = {"payments", "search", "platform", "data", "ml", "checkout", "identity",
                                  "growth", "ops", "analytics", "mobile", "billing"};
constexpr const char* kPurposes[] = {"ingest", "resize-image", "webhook", "authorizer", "etl", "notify",
                                     "cleanup", "export", "thumbnail", "sync", "scheduler", "stream-handler"};

// Share of functions with provisioned concurrency (waste catalog: ~5 %, a quarter of them idle): the
// profile's lambda_idle_provisioned rate is the idle quarter, so provisioned = 4 x that rate.
constexpr double kProvisionedPerIdle = 4.0;
constexpr double kSecondsPerMonth = 2628000;   // 730 hours
constexpr double kProvisionedMaxDurationMs = 3000;


template <size_t N>
size_t pick(Rng& rng, const double (&weights)[N]) {
  return rng.weighted(std::span<const double>(weights, N));
}

double gigabytes(const LambdaFunction& function) { return function.memory_mb / 1024.0; }

// provisioned_hour_cost: the us-east-1 price of one function's provisioned concurrency for a second.
double provisioned_second_price(const World& world, const LambdaFunction& function) {
  return function.provisioned_concurrency * gigabytes(function) * world.catalog->unit_price("lambda.provisioned_gb_second");
}

double seven_day_utilization(const World& world, const LambdaFunction& function) {
  double sum = 0;
  for (int32_t day = world.as_of_day() - 6; day <= world.as_of_day(); ++day) {
    sum += lambda_on(world, function, day).provisioned_utilization;
  }
  return sum / 7.0;
}

// invocations_for: the weekday invocations that keep `concurrency` functions busy `percent` of the day.
double invocations_for(double percent, int concurrency, double duration_ms) {
  return percent / 100.0 * concurrency * kSecondsPerDay * 1000.0 / duration_ms;
}

// shape_provisioning: provisioned concurrency and traffic for the plant decision. Idle: a trickle of
// invocations (utilisation ~0 %); near miss: 5.3-7 % utilised; busy provisioned: 15-95 %.
void shape_provisioning(const World& world, LambdaFunction& function, Plant plant, bool busy_provisioned, Rng& rng) {
  const int concurrency = static_cast<int>(std::clamp<long>(std::lround(rng.lognormal(5.0, 0.9)), 1, 200));
  const double trickle = rng.uniform(0.0, 30.0);
  const double near_target = rng.uniform(5.5, 6.8);
  const double busy_target = std::clamp(rng.lognormal(40.0, 0.4), 15.0, 95.0);
  if (plant == Plant::kNone && !busy_provisioned) return;
  function.provisioned_concurrency = concurrency;
  // Provisioned concurrency serves latency-sensitive, steady traffic: short calls, little weekend dip.
  function.duration_ms = std::min(function.duration_ms, kProvisionedMaxDurationMs);
  function.usage.weekend_factor = std::max(function.usage.weekend_factor, 0.8);
  if (plant == Plant::kWaste) {
    function.daily_invocations = std::min(trickle, invocations_for(0.5, concurrency, function.duration_ms));
    return;
  }
  const double target = plant == Plant::kNearMiss ? near_target : busy_target;
  const double floor = plant == Plant::kNearMiss ? 5.3 : 12.0;
  if (plant == Plant::kNearMiss) function.usage.noise = 0.06;
  function.daily_invocations = invocations_for(target, concurrency, function.duration_ms);
  while (seven_day_utilization(world, function) < floor) {
    function.daily_invocations *= 1.08;
  }
}

// seven_day_totals: invocations_7d and the invocation-weighted mean duration, from the stored daily values
// in exact hundredths of a millisecond (rounded half up, like numeric's round).
void seven_day_totals(const World& world, LambdaFunction& function) {
  int64_t invocations = 0, weighted_hundredths = 0;
  for (int32_t day = world.as_of_day() - 6; day <= world.as_of_day(); ++day) {
    const LambdaDay daily = lambda_on(world, function, day);
    invocations += daily.invocations;
    weighted_hundredths += daily.invocations * std::llround(daily.avg_duration_ms * 100.0);
  }
  function.invocations_7d = invocations;
  const int64_t mean_hundredths = invocations == 0 ? 0 : (2 * weighted_hundredths + invocations) / (2 * invocations);
  function.avg_duration_ms_7d = static_cast<double>(mean_hundredths) / 100.0;
}

double monthly_cost(const World& world, const LambdaFunction& function) {
  const Catalog& catalog = *world.catalog;
  const double monthly_invocations = static_cast<double>(function.invocations_7d) * kHoursPerMonth / (7.0 * 24.0);
  const double requests = monthly_invocations / 1e6 * catalog.unit_price("lambda.request_per_1m");
  const double compute = monthly_invocations * function.avg_duration_ms_7d / 1000.0 * gigabytes(function) *
                         catalog.unit_price("lambda.gb_second");
  const double provisioned = provisioned_second_price(world, function) * kSecondsPerMonth;
  return regional_price(world, function.core.region, requests + compute + provisioned);
}

LambdaFunction make_function(const World& world, uint32_t account_index, size_t index, double busy_provisioned_rate,
                             Plant& plant) {
  const uint64_t key = entity_key(account_index, "lambda_function", index);
  Rng rng(world.seed(), "lambda_functions", key);
  LambdaFunction function;
  function.core = core_for(rng, world, "lambda_functions", key, "", world.profile->metrics_days + 1, 1500);
  function.updated_at =
      function.core.created_at + static_cast<int64_t>(rng.unit() * static_cast<double>(world.as_of_seconds() - function.core.created_at));
  function.name = std::string(kTeams[rng.below(std::size(kTeams))]) + "-" + kPurposes[rng.below(std::size(kPurposes))] +
                  "-" + std::string(function.core.env) + "-" + std::to_string(index + 1);
  function.memory_mb = kMemorySizes[pick(rng, kMemoryWeights)];
  function.timeout_seconds = kTimeouts[pick(rng, kTimeoutWeights)];
  // Durations sit far below the timeout, as Thrifty finds in real estates; never above 60 % of it.
  function.duration_ms = std::clamp(rng.lognormal(120.0, 1.0), 2.0, function.timeout_seconds * 1000.0 * 0.6);
  function.daily_invocations = std::clamp(rng.lognormal(1500.0, 2.0), 1.0, 5e6);
  function.error_rate = std::clamp(rng.lognormal(0.004, 1.0), 0.0, 0.2);
  const bool throttled = rng.chance(0.1);
  const double throttle_rate = rng.uniform(0.0, 0.01);
  function.throttle_rate = throttled ? throttle_rate : 0.0;
  const double prod_weekend = rng.uniform(0.7, 1.0);
  const double nonprod_weekend = rng.uniform(0.3, 0.6);
  function.usage.key = key;
  function.usage.weekend_factor = is_prod(function.core.env) ? prod_weekend : nonprod_weekend;
  function.usage.noise = 0.2;
  function.usage.trend_per_day = rng.uniform(-0.002, 0.004);

  Rng plant_rng(world.seed(), pattern_id(Pattern::kLambdaIdleProvisioned), key);
  plant = decide_plant(plant_rng, world, Pattern::kLambdaIdleProvisioned);
  const bool busy_provisioned = plant_rng.chance(busy_provisioned_rate);
  shape_provisioning(world, function, plant, busy_provisioned, rng);
  seven_day_totals(world, function);
  function.estimated_monthly_cost = round4(monthly_cost(world, function));
  return function;
}

}  // namespace

double eks_control_plane_hourly(const World& world) { return world.catalog->unit_price("eks.cluster_hour"); }

LambdaDay lambda_on(const World& world, const LambdaFunction& function, int32_t day) {
  Rng rng = day_rng(world, kLambdaSeries, function.usage.key, day);
  // A fixed budget of draws per day: two normals and two uniforms.
  const double traffic_noise = std::clamp(1.0 + function.usage.noise * rng.normal(0, 1), 0.3, 2.0);
  const double duration_noise = std::clamp(1.0 + 0.1 * rng.normal(0, 1), 0.7, 1.4);
  const double error_jitter = rng.uniform(0.5, 1.5);
  const double throttle_jitter = rng.uniform(0.5, 1.5);

  const bool weekend = weekday(day) >= 5;
  const double seasonal = weekend ? function.usage.weekend_factor : 1.0;
  const double trend = 1.0 + function.usage.trend_per_day * static_cast<double>(day - world.as_of_day());
  LambdaDay daily;
  daily.invocations = std::llround(std::max(0.0, function.daily_invocations * seasonal * trend * traffic_noise));
  daily.avg_duration_ms = daily.invocations == 0 ? 0.0 : round2(function.duration_ms * duration_noise);
  daily.errors = std::min(daily.invocations,
                          static_cast<int64_t>(std::llround(daily.invocations * function.error_rate * error_jitter)));
  daily.throttles = std::llround(daily.invocations * function.throttle_rate * throttle_jitter);
  const double busy_seconds = static_cast<double>(daily.invocations) * daily.avg_duration_ms / 1000.0;
  if (function.provisioned_concurrency > 0) {
    const double capacity_seconds = function.provisioned_concurrency * static_cast<double>(kSecondsPerDay);
    daily.provisioned_utilization = round2(std::min(100.0, 100.0 * busy_seconds / capacity_seconds));
  }
  const Catalog& catalog = *world.catalog;
  const double usd = static_cast<double>(daily.invocations) / 1e6 * catalog.unit_price("lambda.request_per_1m") +
                     busy_seconds * gigabytes(function) * catalog.unit_price("lambda.gb_second") +
                     provisioned_second_price(world, function) * kSecondsPerDay;
  daily.cost_usd = regional_price(world, function.core.region, usd);
  return daily;
}

void build_lambda(const World& world, AccountModel& model) {
  const int64_t count = resource_count(model, ResourceType::kLambdaFunction);
  const double idle_rate = waste_rate(world, Pattern::kLambdaIdleProvisioned);
  const double near_rate = idle_rate * world.profile->near_miss_rate;
  const double rest = 1.0 - idle_rate - near_rate;
  const double busy_rate = rest <= 0 ? 0.0 : std::clamp((kProvisionedPerIdle * idle_rate - idle_rate - near_rate) / rest, 0.0, 1.0);
  auto& functions = model.containers.lambda_functions;
  functions.reserve(static_cast<size_t>(count));
  for (int64_t index = 0; index < count; ++index) {
    Plant plant = Plant::kNone;
    LambdaFunction function = make_function(world, model.account->index, static_cast<size_t>(index), busy_rate, plant);
    add_monthly_cost(model, function.estimated_monthly_cost);
    if (plant == Plant::kWaste) {
      // The saving is the provisioned concurrency itself: switching it off leaves on-demand capacity.
      record_waste(model, ResourceType::kLambdaFunction, function.core.resource_id, Pattern::kLambdaIdleProvisioned,
                   round4(regional_price(world, function.core.region, provisioned_second_price(world, function) * kSecondsPerMonth)));
    }
    functions.push_back(std::move(function));
  }
}

}  // namespace seedgen
