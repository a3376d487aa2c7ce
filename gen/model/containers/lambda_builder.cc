// lambda_builder.cc: the account's Lambda functions, each a life of its account, their daily series
// (invocations, duration, errors, throttles, provisioned-concurrency utilisation) and costs from the
// catalog's Lambda unit prices. Traffic is heavy-tailed (most functions are called a few times a day, a
// few carry most calls), follows the week and the holidays, and stops for functions whose callers went
// away; a minority of latency-sensitive functions have provisioned concurrency, sized for a utilisation
// they may or may not reach. lambda_idle_provisioned is found by the rules (container_rules.cc).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/calendar_effects.h"
#include "model/containers/container_builders.h"
#include "model/daily_noise.h"
#include "model/natural_ids.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

constexpr int kOrdinalBits = 16;
constexpr int kMemorySizes[] = {128, 256, 512, 1024, 1536, 2048, 3008, 4096, 10240};
constexpr double kMemoryWeights[] = {30, 20, 18, 15, 5, 6, 4, 1.5, 0.5};
constexpr int kTimeouts[] = {3, 10, 30, 60, 300, 900};
constexpr double kTimeoutWeights[] = {20, 10, 25, 15, 15, 15};
constexpr double kCronPerDay[] = {1, 4, 24, 48, 96, 288, 1440};
constexpr const char* kPurposes[] = {"ingest", "resize-image", "webhook", "authorizer", "etl", "notify",
                                     "cleanup", "export", "thumbnail", "sync", "scheduler", "stream-handler"};
constexpr double kSecondsPerMonth = 2628000;   // 730 hours
constexpr double kProvisionedMaxDurationMs = 3000;
constexpr double kCronShare = 0.2;

const LifeSpec& lambda_life_spec() {
  static const LifeSpec spec = make_life_spec("lambda_function", {{0.25, 60, 1.2}, {0.35, 500, 0.9}}, 3000);
  return spec;
}

template <size_t N>
size_t pick(Rng& rng, const double (&weights)[N]) {
  return rng.weighted(std::span<const double>(weights, N));
}

double gigabytes(const LambdaFunction& function) { return function.memory_mb / 1024.0; }

double provisioned_second_price(const World& world, const LambdaFunction& function) {
  return function.provisioned_concurrency * gigabytes(function) * world.catalog->unit_price("lambda.provisioned_gb_second");
}

// draw_traffic: the weekday level of calls (heavy-tailed, or a cron schedule) and, for a minority, the
// provisioned concurrency sized for a target utilisation of it.
void draw_traffic(Rng& rng, LambdaFunction& function) {
  const bool prod = is_prod(function.core.env);
  const double level = rng.lognormal(30.0, 2.5), kind = rng.unit(), cron = kCronPerDay[rng.below(std::size(kCronPerDay))];
  const double provisioned = rng.unit(), concurrency = rng.lognormal(4.0, 1.0), target = rng.lognormal(0.15, 1.3);
  const double weekend = prod ? rng.uniform(0.7, 1.0) : rng.uniform(0.3, 0.6);
  const double abandons = rng.unit(), delay = rng.lognormal(150.0, 1.0);
  function.weekend = weekend;
  function.daily_invocations = std::clamp(level, 0.05, 5e7);
  function.scheduled = kind < kCronShare;
  if (function.scheduled) function.daily_invocations = cron;
  if (!function.scheduled && provisioned < (prod ? 0.07 : 0.03)) {
    function.provisioned_concurrency = static_cast<int>(std::clamp(std::lround(concurrency), 1L, 200L));
    function.duration_ms = std::min(function.duration_ms, kProvisionedMaxDurationMs);
    function.weekend = std::max(weekend, 0.8);   // latency-sensitive, steady traffic
    const double busy_share = std::min(0.95, target);
    function.daily_invocations = busy_share * function.provisioned_concurrency * kSecondsPerDay * 1000.0 / function.duration_ms;
  }
  if (abandons < (prod ? 0.1 : 0.25)) function.abandoned_at = function.life.born_at + static_cast<int64_t>(delay * kSecondsPerDay);
}

// seven_day_totals: invocations_7d and the invocation-weighted mean duration over the rows dated as_of-6 ..
// as_of, from the stored daily values in exact hundredths of a millisecond (rounded half up, like numeric).
void seven_day_totals(const World& world, LambdaFunction& function) {
  int64_t invocations = 0, weighted_hundredths = 0;
  for (int32_t day = std::max(world.as_of_day() - 6, function.life.birth_day); day <= world.as_of_day(); ++day) {
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

std::string upper(std::string text) {
  for (char& character : text) character = static_cast<char>(std::toupper(static_cast<unsigned char>(character)));
  return text;
}

void build_function(const World& world, AccountModel& model, const ContainerBirth& birth, Rng& stream) {
  const AccountPlan& account = *model.account;
  LambdaFunction function;
  function.life = birth.life;
  function.core.id = Uuid::from_key(world.seed(), "lambda_functions", birth.life.key);
  function.core.resource_id = uuid_text(function.core.id);
  function.core.region = birth.region;
  function.core.env = birth.env;
  function.core.created_at = birth.life.born_at;
  const std::string purpose = kPurposes[stream.below(std::size(kPurposes))];
  const bool stack = stream.chance(is_prod(birth.env) ? 0.6 : 0.35);
  const std::string suffix = local_hex(world, "lambda_function", account.index, birth.coordinate, 8);
  const std::string stack_name = account.team + "-" + purpose + "-" + std::string(birth.env);
  // CloudFormation names a function <stack>-<logical id>-<random>; people name theirs by hand.
  function.name = stack ? stack_name + "-Function-" + upper(suffix) : account.team + "-" + purpose + "-" + std::string(birth.env) + "-" + suffix;
  function.memory_mb = kMemorySizes[pick(stream, kMemoryWeights)];
  function.timeout_seconds = kTimeouts[pick(stream, kTimeoutWeights)];
  // Durations sit far below the timeout, as Thrifty finds in real estates; never above 60 % of it.
  function.duration_ms = std::clamp(stream.lognormal(100.0, 1.1), 1.0, function.timeout_seconds * 1000.0 * 0.6);
  function.error_rate = std::clamp(stream.lognormal(0.002, 1.3), 0.0, 0.3);
  const bool throttled = stream.chance(0.1);
  const double throttle_rate = stream.uniform(0.0, 0.01);
  function.throttle_rate = throttled ? throttle_rate : 0.0;
  draw_traffic(stream, function);
  const double update = stream.unit();
  function.updated_at = std::min(world.snapshot_time() - 1, function.core.created_at + static_cast<int64_t>(
                                     update * static_cast<double>(world.snapshot_time() - function.core.created_at)));
  function.core.tags = draw_tags(stream, world, account, TagSubject{function.name, birth.env, purpose, stack ? stack_name : "", false});
  seven_day_totals(world, function);
  function.estimated_monthly_cost = round4(monthly_cost(world, function));
  add_monthly_cost(model, function.estimated_monthly_cost);
  model.containers.lambda_functions.push_back(std::move(function));
}

}  // namespace

double provisioned_monthly(const World& world, const LambdaFunction& function) {
  return round4(regional_price(world, function.core.region, provisioned_second_price(world, function) * kSecondsPerMonth));
}

LambdaDay lambda_on(const World& world, const LambdaFunction& function, int32_t day) {
  LambdaDay daily;
  if (day < function.life.birth_day) return daily;
  Rng rng = day_rng(world, kLambdaSeries, function.life.key, day);
  const double traffic_noise = rng.normal(0, 1), duration_noise = rng.normal(0, 1);
  const double error_jitter = rng.uniform(0.5, 1.5), throttle_jitter = rng.uniform(0.5, 1.5);
  const bool abandoned = function.abandoned_at != kNever && static_cast<int64_t>(day) * kSecondsPerDay + kSecondsPerDay / 2 >= function.abandoned_at;
  double mean = function.daily_invocations;
  if (!function.scheduled) {
    const double slow = smooth_noise(world.seed(), kLambdaSeries, function.life.key, day, 10);
    mean *= business_activity(day, function.weekend) * std::exp(0.3 * slow + 0.25 * traffic_noise);
  }
  if (abandoned) mean *= 0.002;
  // Rare calls arrive one by one: a Poisson count (the last draw of the day's stream, its length varies).
  daily.invocations = function.scheduled && !abandoned ? std::llround(mean) : mean < 1000 ? rng.poisson(mean) : std::llround(mean);
  daily.avg_duration_ms = daily.invocations == 0 ? 0.0 : round2(function.duration_ms * std::exp(0.1 * duration_noise));
  daily.errors = std::min(daily.invocations, static_cast<int64_t>(std::llround(daily.invocations * function.error_rate * error_jitter)));
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
  for_each_container_birth(world, model, ResourceType::kLambdaFunction, lambda_life_spec(), kOrdinalBits,
                           [&](const ContainerBirth& birth, Rng& stream) { build_function(world, model, birth, stream); });
}

}  // namespace seedgen
