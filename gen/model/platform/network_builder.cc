// network_builder.cc: load balancers and Elastic IPs, with the lb_idle and eip_unassociated patterns
// (rules in docs/data/platform.md). Elastic IPs attach to this account's instances (built by compute)
// and network load balancers.
#include <array>

#include "model/natural_ids.h"
#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr std::array<std::string_view, 4> kLbTypes = {"application", "network", "classic", "gateway"};
constexpr std::array<double, 4> kLbTypeWeights = {60, 25, 10, 5};
constexpr std::array<std::string_view, 4> kLbNameTags = {"alb", "nlb", "clb", "gwlb"};
constexpr std::array<std::string_view, 4> kLbArnKinds = {"app/", "net/", "", "gwy/"};

// lb_arn: AWS's shapes; classic load balancers have no type segment and no id, just the name.
std::string lb_arn(const World& world, const AccountModel& model, const LoadBalancer& lb, size_t type_index,
                   uint32_t local_index) {
  std::string arn = "arn:aws:elasticloadbalancing:" + std::string(lb.core.region) + ":" + model.account->number +
                    ":loadbalancer/" + std::string(kLbArnKinds[type_index]) + lb.name;
  if (lb.type != "classic") arn += "/" + unique_hex(world, "load_balancer", model.account->index, local_index, 16);
  return arn;
}

void build_load_balancer(const World& world, AccountModel& model, uint32_t local_index) {
  const uint32_t account_index = model.account->index;
  const uint64_t key = entity_key(account_index, "load_balancer", local_index);
  Rng rng(world.seed(), "load_balancers", key);
  LoadBalancer lb;
  lb.key = key;
  lb.core = core_for(rng, world, "load_balancers", key, "", kMinAgeDays, kMaxAgeDays);
  const std::string_view app = app_name(rng);
  const size_t type_index = rng.weighted(kLbTypeWeights);
  lb.healthy_targets = static_cast<int>(rng.between(1, 12));
  const bool no_targets = rng.chance(0.5);
  lb.kb_per_request = rng.lognormal(30, 0.6);
  const double busy_level = is_prod(lb.core.env) ? rng.lognormal(300000, 1.2) : rng.lognormal(20000, 1.2);
  const double weekend_factor = nonprod_weekend_factor(rng, lb.core.env);
  const double idle_level = rng.lognormal(12, 0.8);
  const int spike_day = static_cast<int>(rng.between(0, 6));
  const int spike_requests = static_cast<int>(rng.between(100, 150));
  lb.updated_at = draw_updated_at(rng, world, lb.core.created_at);
  const Plant plant = plant_decision(world, Pattern::kLbIdle, key);

  lb.type = kLbTypes[type_index];
  lb.name = std::string(app) + "-" + std::string(lb.core.env) + "-" + std::string(kLbNameTags[type_index]) + "-" +
            local_hex(world, "load_balancer", account_index, local_index, 6);
  lb.core.resource_id = lb_arn(world, model, lb, type_index, local_index);
  lb.hourly_cost = round4(regional_price(world, lb.core.region, world.catalog->unit_price("lb." + lb.type + ".hour")));
  if (plant == Plant::kNone) {
    lb.requests = DailyLevel{busy_level, weekend_factor, 0.25, 400, 5e9, 0};
  } else {
    lb.requests = DailyLevel{idle_level, 1, 0.5, 0, 80, 0};
    if (no_targets) lb.healthy_targets = 0;
  }
  if (plant == Plant::kNearMiss) {
    lb.spike_day = spike_day;
    lb.spike_requests = spike_requests;
  }
  lb.avg_request_count_7d = mean_last_7_days(
      world.as_of_day(), [&](int32_t day) { return static_cast<double>(load_balancer_day(world, lb, day).requests); });
  const double monthly = lb.hourly_cost * kHoursPerMonth;
  add_monthly_cost(model, monthly);
  if (plant == Plant::kWaste) record_waste(model, ResourceType::kLoadBalancer, lb.core.resource_id, Pattern::kLbIdle, monthly);
  model.platform.load_balancers.push_back(std::move(lb));
}

// Candidates for association: instances are taken without replacement, NLBs may hold several addresses.
struct AssociationPools {
  std::vector<size_t> running_instances, parked_instances, network_lbs;
};

AssociationPools association_pools(const AccountModel& model) {
  AssociationPools pools;
  const auto& instances = model.ec2.instances;
  for (size_t index = 0; index < instances.size(); ++index) {
    if (instances[index].state == "running") pools.running_instances.push_back(index);
    if (instances[index].state == "stopped" || instances[index].state == "stopping") pools.parked_instances.push_back(index);
  }
  for (size_t index = 0; index < model.platform.load_balancers.size(); ++index) {
    if (model.platform.load_balancers[index].type == "network") pools.network_lbs.push_back(index);
  }
  return pools;
}

// take: removes and returns an element chosen by `draw` in [0, 1).
size_t take(std::vector<size_t>& pool, double draw) {
  const size_t position = static_cast<size_t>(draw * static_cast<double>(pool.size()));
  const size_t chosen = pool[position];
  pool[position] = pool.back();
  pool.pop_back();
  return chosen;
}

void associate_instance(ElasticIp& eip, const Instance& instance) {
  eip.associated_instance_id = instance.core.resource_id;
  eip.core.region = instance.core.region;
  eip.state = "associated";
}

void associate_lb(ElasticIp& eip, const LoadBalancer& lb) {
  eip.associated_lb_arn = lb.core.resource_id;
  eip.core.region = lb.core.region;
  eip.state = "associated";
}

// associate: waste goes unassociated or onto a stopped instance; everything else onto a running instance
// or an NLB, falling back to unassociated only when the account has neither (then it is waste too).
// Returns true when the address ended up on a stopped (or stopping) instance.
bool associate(ElasticIp& eip, const AccountModel& model, AssociationPools& pools, Plant plant, double pick,
               bool prefer_lb, bool to_parked) {
  const auto& instances = model.ec2.instances;
  const auto& lbs = model.platform.load_balancers;
  const auto& nlbs = pools.network_lbs;
  eip.state = "unassociated";
  if (plant == Plant::kWaste) {
    if (!to_parked || pools.parked_instances.empty()) return false;
    associate_instance(eip, instances[take(pools.parked_instances, pick)]);
    return true;
  }
  if (prefer_lb && plant == Plant::kNone && !nlbs.empty()) {
    associate_lb(eip, lbs[nlbs[static_cast<size_t>(pick * static_cast<double>(nlbs.size()))]]);
  } else if (!pools.running_instances.empty()) {
    associate_instance(eip, instances[take(pools.running_instances, pick)]);
  } else if (!nlbs.empty()) {
    associate_lb(eip, lbs[nlbs[static_cast<size_t>(pick * static_cast<double>(nlbs.size()))]]);
  }
  return false;
}

void build_elastic_ip(const World& world, AccountModel& model, AssociationPools& pools, uint32_t local_index) {
  const uint32_t account_index = model.account->index;
  const uint64_t key = entity_key(account_index, "elastic_ip", local_index);
  Rng rng(world.seed(), "elastic_ips", key);
  ElasticIp eip;
  eip.key = key;
  eip.core = core_for(rng, world, "elastic_ips", key, "", kMinAgeDays, kMaxAgeDays);
  const double pick = rng.unit();
  const bool prefer_lb = rng.chance(0.2);
  const bool to_parked = rng.chance(0.35);
  eip.updated_at = draw_updated_at(rng, world, eip.core.created_at);
  const std::string leading_digit = aws_id(rng, "", 1);
  const Plant plant = plant_decision(world, Pattern::kEipUnassociated, key);

  eip.core.resource_id = "eipalloc-" + leading_digit + unique_hex(world, "elastic_ip", account_index, local_index, 16);
  eip.public_ip = public_ipv4(world, account_index, local_index);
  const bool on_parked_instance = associate(eip, model, pools, plant, pick, prefer_lb, to_parked);
  eip.hourly_cost = round4(regional_price(world, eip.core.region, world.catalog->unit_price("eip.hour")));
  const double monthly = eip.hourly_cost * kHoursPerMonth;
  add_monthly_cost(model, monthly);
  if (eip.state == "unassociated" || on_parked_instance) {
    record_waste(model, ResourceType::kElasticIp, eip.core.resource_id, Pattern::kEipUnassociated, monthly);
  }
  model.platform.elastic_ips.push_back(std::move(eip));
}

}  // namespace

void build_load_balancers(const World& world, AccountModel& model) {
  const int64_t count = resource_count(model, ResourceType::kLoadBalancer);
  for (int64_t index = 0; index < count; ++index) build_load_balancer(world, model, static_cast<uint32_t>(index));
}

void build_elastic_ips(const World& world, AccountModel& model) {
  AssociationPools pools = association_pools(model);
  const int64_t count = resource_count(model, ResourceType::kElasticIp);
  for (int64_t index = 0; index < count; ++index) build_elastic_ip(world, model, pools, static_cast<uint32_t>(index));
}

}  // namespace seedgen
