// network_builder.cc: load balancers and Elastic IPs, each a life of its account (docs/data/platform.md).
// A load balancer serves its service's traffic until the service moves away (then only scanners and
// probes reach it); an address sits on one of this account's instances or network load balancers, or on
// nothing once its instance is gone. lb_idle and eip_unassociated are found by the rules.
#include <algorithm>
#include <array>
#include <limits>

#include "model/natural_ids.h"
#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr int kLbOrdinalBits = 11;   // 6-hex names: 13 bits of days since the account's creation, 11 of ordinal
constexpr int kEipOrdinalBits = 4;   // public addresses: 17 bits per account

constexpr std::array<std::string_view, 4> kLbTypes = {"application", "network", "classic", "gateway"};
constexpr std::array<double, 4> kLbTypeWeights = {60, 25, 10, 5};
constexpr std::array<std::string_view, 4> kLbNameTags = {"alb", "nlb", "clb", "gwlb"};
constexpr std::array<std::string_view, 4> kLbArnKinds = {"app/", "net/", "", "gwy/"};

// lb_arn: AWS's shapes; classic load balancers have no type segment and no id, just the name.
std::string lb_arn(const World& world, const AccountModel& model, const LoadBalancer& lb, size_t type_index,
                   uint64_t coordinate) {
  std::string arn = "arn:aws:elasticloadbalancing:" + std::string(lb.core.region) + ":" + model.account->number +
                    ":loadbalancer/" + std::string(kLbArnKinds[type_index]) + lb.name;
  if (lb.type != "classic") arn += "/" + unique_hex(world, "load_balancer", model.account->index, coordinate, 16);
  return arn;
}

void draw_lb_traffic(Rng& stream, LoadBalancer& lb) {
  const bool prod = is_prod(lb.core.env);
  const double weekend = weekend_activity(stream, lb.core.env);
  const double served = prod ? stream.lognormal(150000, 1.9) : stream.lognormal(3000, 1.7);
  lb.requests = DailyLevel{served, weekend, 0.3, 0.3, 0, 5e9, 0};
  lb.stray_requests = DailyLevel{stream.lognormal(30, 1.0), 1, 0.6, 0.3, 0, 5e9, 0};
  lb.abandoned_at = abandonment(stream, lb.life, prod ? 0.18 : 0.3, prod ? 60 : 25);
  lb.healthy_targets = static_cast<int>(std::clamp(stream.lognormal(3, 0.8), 1.0, 60.0));
  lb.kb_per_request = stream.lognormal(30, 0.8);
}

void build_load_balancer(const World& world, AccountModel& model, const PlatformBirth& birth, Rng& stream) {
  LoadBalancer lb;
  lb.life = birth.life;
  lb.core.id = Uuid::from_key(world.seed(), "load_balancers", birth.life.key);
  lb.core.region = birth.region;
  lb.core.env = birth.env;
  lb.core.created_at = birth.life.born_at;
  const std::string_view app = app_name(stream);
  const size_t type_index = stream.weighted(kLbTypeWeights);
  draw_lb_traffic(stream, lb);
  lb.updated_at = draw_updated_at(stream, world, lb.core.created_at);

  lb.type = kLbTypes[type_index];
  lb.name = std::string(app) + "-" + std::string(lb.core.env) + "-" + std::string(kLbNameTags[type_index]) + "-" +
            local_hex(world, "load_balancer", model.account->index, birth.coordinate, 6);
  lb.core.resource_id = lb_arn(world, model, lb, type_index, birth.coordinate);
  lb.hourly_cost = round4(world.catalog->price("lb." + lb.type + ".hour", lb.core.region));
  const auto requests = [&](int32_t d) { return static_cast<double>(load_balancer_day(world, lb, d).requests); };
  lb.avg_request_count_7d = mean_of_rows_7d(world, lb.life.born_at, requests);
  lb.max_requests_7d = max_of_rows_7d(world, lb.life.born_at, requests);
  const double capacity_7d = mean_of_rows_7d(world, lb.life.born_at, [&](int32_t d) { return load_balancer_day(world, lb, d).capacity_cost; });
  lb.monthly_cost = lb.hourly_cost * kHoursPerMonth + capacity_7d * kDaysPerMonth;
  add_monthly_cost(model, lb.monthly_cost);
  model.platform.load_balancers.push_back(std::move(lb));
}

// Candidates for association: instances are taken without replacement (one address each), NLBs may hold
// several addresses. Pending and terminated instances take none.
struct AssociationPools {
  std::vector<size_t> instances, network_lbs;
};

AssociationPools association_pools(const AccountModel& model) {
  AssociationPools pools;
  const auto& instances = model.ec2.instances;
  for (size_t index = 0; index < instances.size(); ++index) {
    const std::string& state = instances[index].state;
    // Autoscaling members come and go by the hour; addresses are given to servers that stay.
    if (instances[index].listed && instances[index].asg_index < 0 &&
        (state == "running" || state == "stopped" || state == "stopping")) {
      pools.instances.push_back(index);
    }
  }
  for (size_t index = 0; index < model.platform.load_balancers.size(); ++index) {
    if (model.platform.load_balancers[index].type == "network") pools.network_lbs.push_back(index);
  }
  return pools;
}

// take: removes and returns an element chosen by `draw` in [0, 1).
constexpr size_t kNone = std::numeric_limits<size_t>::max();

// take: removes from `pool` and returns the instance `draw` points at among those that existed when the
// address was allocated (stable_pick: the same one every day it is still in the pool), kNone when none did.
size_t take(std::vector<size_t>& pool, const AccountModel& model, const ElasticIp& eip, uint64_t draw) {
  const auto& instances = model.ec2.instances;
  const size_t position = stable_pick(draw, pool.size(), [&](size_t i) { return instances[pool[i]].plan.life.key; },
                                      [&](size_t i) { return instances[pool[i]].core.created_at <= eip.core.created_at; });
  if (position == pool.size()) return kNone;
  const size_t chosen = pool[position];
  pool[position] = pool.back();
  pool.pop_back();
  return chosen;
}

// associate: an address whose instance went away stays unassociated (the classic forgotten EIP); the
// others sit on a network load balancer or an instance of the account, else on nothing.
void associate(const World& world, ElasticIp& eip, const AccountModel& model, AssociationPools& pools, Rng& stream) {
  const double orphaned = stream.unit(), on_lb = stream.unit();
  stream.unit();   // was the position of the target in the day's population; kept so the draws after it stay
  const double updated = stream.unit();
  eip.state = "unassociated";
  int64_t target_created = eip.core.created_at;
  if (orphaned < 0.10) {   // Trusted Advisor finds forgotten addresses in most estates
    // its instance was terminated some time after the allocation
  } else if (on_lb < 0.15 && !pools.network_lbs.empty()) {
    const auto& lbs = model.platform.load_balancers;
    const size_t chosen = stable_pick(eip.life.key, pools.network_lbs.size(),
                                      [&](size_t i) { return lbs[pools.network_lbs[i]].life.key; });
    const LoadBalancer& lb = lbs[pools.network_lbs[chosen]];
    eip.associated_lb_arn = lb.core.resource_id;
    eip.core.region = lb.core.region;
    eip.state = "associated";
    target_created = lb.core.created_at;
  } else if (!pools.instances.empty()) {
    // Addresses are mostly given to servers that run; a parked instance keeps one half as often.
    size_t chosen = take(pools.instances, model, eip, eip.life.key);
    if (chosen != kNone && model.ec2.instances[chosen].state != "running" && updated < 0.5) {
      pools.instances.push_back(chosen);
      chosen = take(pools.instances, model, eip, mix64(eip.life.key + 1));
    }
    if (chosen != kNone) {
      const Instance& instance = model.ec2.instances[chosen];
      eip.associated_instance_id = instance.core.resource_id;
      eip.core.region = instance.core.region;
      eip.state = "associated";
      target_created = instance.core.created_at;
    }
  }
  const int64_t from = std::max(eip.core.created_at, target_created);
  eip.updated_at = std::min(world.snapshot_time() - 1,
                            from + static_cast<int64_t>(updated * 0.1 * static_cast<double>(world.snapshot_time() - from)));
}

void build_elastic_ip(const World& world, AccountModel& model, AssociationPools& pools, const PlatformBirth& birth,
                      Rng& stream) {
  ElasticIp eip;
  eip.life = birth.life;
  eip.core.id = Uuid::from_key(world.seed(), "elastic_ips", birth.life.key);
  eip.core.region = birth.region;
  eip.core.env = birth.env;
  eip.core.created_at = birth.life.born_at;
  const std::string leading_digit = aws_id(stream, "", 1);
  eip.core.resource_id = "eipalloc-" + leading_digit + unique_hex(world, "elastic_ip", model.account->index, birth.coordinate, 16);
  eip.public_ip = public_ipv4(world, model.account->index, birth.coordinate);
  associate(world, eip, model, pools, stream);
  eip.hourly_cost = round4(world.catalog->price("eip.hour", eip.core.region));
  add_monthly_cost(model, eip.hourly_cost * kHoursPerMonth);
  model.platform.elastic_ips.push_back(std::move(eip));
}

}  // namespace

void build_load_balancers(const World& world, AccountModel& model) {
  for_each_birth(world, model, ResourceType::kLoadBalancer, kLbOrdinalBits,
                 [&](const PlatformBirth& birth, Rng& stream) { build_load_balancer(world, model, birth, stream); });
}

void build_elastic_ips(const World& world, AccountModel& model) {
  AssociationPools pools = association_pools(model);
  for_each_birth(world, model, ResourceType::kElasticIp, kEipOrdinalBits, [&](const PlatformBirth& birth, Rng& stream) {
    build_elastic_ip(world, model, pools, birth, stream);
  });
}

}  // namespace seedgen
