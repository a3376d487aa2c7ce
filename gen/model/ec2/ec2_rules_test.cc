// ec2_rules_test.cc: every EC2 pattern's rule, written from docs/data/ec2.md over the stored rows
// (instances, autoscaling_groups, metrics_daily, commitments), matches exactly the planted answer key, on
// several seeds; and each rule has near misses that sit just on its safe side.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "ec2_support.h"

namespace seedgen::ec2test {
namespace {

constexpr int64_t kDay = 86400;

// The facts every rule reads, from stored values only.
struct Facts {
  double cpu7 = 0, net7 = 0;
  int idle14 = 0;
  double weekend = 0, weekday = 0;
  int weekend_rows = 0, weekday_rows = 0;
};

Facts facts_of(const World& world, const StoredInstance& instance) {
  Facts facts;
  for (const StoredDay& day : instance.days) {
    if (day.day < world.as_of_day() - 13 || day.day > world.as_of_day()) continue;
    facts.idle14 += day.cpu_avg <= 10 && day.network_mb <= 5 ? 1 : 0;
    if (weekday(day.day) >= 5) {
      facts.weekend += day.cpu_avg;
      ++facts.weekend_rows;
    } else {
      facts.weekday += day.cpu_avg;
      ++facts.weekday_rows;
    }
  }
  if (facts.weekend_rows > 0) facts.weekend /= facts.weekend_rows;
  if (facts.weekday_rows > 0) facts.weekday /= facts.weekday_rows;
  return facts;
}

std::string family(const std::string& type) { return type.substr(0, type.find('.')); }
bool previous_generation(const std::string& type) {
  static const std::set<std::string> families = {"t2", "m3", "m4", "c4", "r4"};
  return families.count(family(type)) > 0;
}

struct Context {
  const World& world;
  const AccountModel& model;
  int64_t as_of;  // as_of::timestamptz, midnight UTC starting the as_of date
};

bool standalone_running(const StoredInstance& instance) { return instance.state == "running" && instance.asg_id.empty(); }
bool idle_7d(const StoredInstance& instance) { return instance.avg_cpu_7d <= 10 && instance.avg_network_7d <= 5; }

bool rule_ec2_idle(const Context&, const StoredInstance& instance, const Facts&) {
  return standalone_running(instance) && !instance.has_gpu && idle_7d(instance);
}
bool rule_idle_4_of_14(const Context&, const StoredInstance& instance, const Facts& facts) {
  return standalone_running(instance) && !instance.has_gpu && !idle_7d(instance) && facts.idle14 >= 4;
}
bool rule_oversized(const Context& context, const StoredInstance& instance, const Facts& facts) {
  return standalone_running(instance) && !instance.has_gpu && instance.instance_type[0] != 't' &&
         instance.launch_time < context.as_of - 6 * kDay && instance.avg_cpu_7d < 20 && !idle_7d(instance) &&
         facts.idle14 < 4;
}
bool rule_gpu_idle(const Context& context, const StoredInstance& instance, const Facts&) {
  const bool inactive = instance.last_active_at >= 0 && instance.last_active_at < context.as_of - kDay;
  return standalone_running(instance) && instance.has_gpu && (inactive || instance.avg_cpu_7d < 5);
}
bool rule_stopped_30d(const Context& context, const StoredInstance& instance, const Facts&) {
  return instance.state == "stopped" && instance.last_active_at >= 0 && instance.last_active_at < context.as_of - 30 * kDay;
}
bool rule_prev_gen(const Context& context, const StoredInstance& instance, const Facts& facts) {
  return standalone_running(instance) && previous_generation(instance.instance_type) &&
         !rule_ec2_idle(context, instance, facts) && !rule_idle_4_of_14(context, instance, facts) &&
         !rule_oversized(context, instance, facts);
}
bool rule_nonprod_24x7(const Context& context, const StoredInstance& instance, const Facts& facts) {
  return standalone_running(instance) && !instance.has_gpu && instance.env != "prod" &&
         !instance.tags.contains("schedule") && instance.launch_time < context.as_of - 13 * kDay &&
         !previous_generation(instance.instance_type) && instance.avg_cpu_7d >= 20 && facts.idle14 < 4 &&
         facts.weekend_rows > 0 && facts.weekday_rows > 0 && facts.weekend >= 0.8 * facts.weekday;
}
bool covered(const Context& context, const StoredInstance& instance) {
  const std::string scope = "ec2:" + family(instance.instance_type) + ":" + instance.region;
  const int32_t as_of = context.world.as_of_day();
  for (const Commitment& commitment : context.model.commitments.commitments) {
    if (commitment.scope == scope && commitment.start_date <= as_of && as_of <= commitment.end_date) return true;
  }
  return false;
}
bool steady_uncovered_candidate(const Context& context, const StoredInstance& instance, const Facts& facts) {
  return standalone_running(instance) && !instance.has_gpu && instance.env == "prod" &&
         !previous_generation(instance.instance_type) && instance.avg_cpu_7d >= 20 && instance.avg_cpu_7d <= 80 &&
         facts.idle14 < 4 && !covered(context, instance);
}
bool rule_uncommitted_steady(const Context& context, const StoredInstance& instance, const Facts& facts) {
  return steady_uncovered_candidate(context, instance, facts) && instance.launch_time < context.as_of - 90 * kDay;
}

using Rule = bool (*)(const Context&, const StoredInstance&, const Facts&);
struct NamedRule {
  const char* pattern;
  Rule rule;
};
constexpr NamedRule kInstanceRules[] = {
    {"ec2_idle", rule_ec2_idle},           {"ec2_idle_4_of_14", rule_idle_4_of_14},
    {"ec2_oversized", rule_oversized},     {"gpu_idle", rule_gpu_idle},
    {"ec2_stopped_30d", rule_stopped_30d}, {"ec2_prev_gen", rule_prev_gen},
    {"nonprod_24x7", rule_nonprod_24x7},   {"ec2_uncommitted_steady", rule_uncommitted_steady},
};

// Near misses: instances just on the safe side of a rule, by pattern.
void count_near_misses(const Context& context, const StoredInstance& instance, const Facts& facts,
                       std::map<std::string, int>& near) {
  const bool base = standalone_running(instance) && !instance.has_gpu;
  if (base && !idle_7d(instance) && facts.idle14 == 0 &&
      ((instance.avg_cpu_7d > 10 && instance.avg_cpu_7d <= 12) ||
       (instance.avg_network_7d > 5 && instance.avg_network_7d <= 6.5))) {
    ++near["ec2_idle"];
  }
  if (base && facts.idle14 == 3) ++near["ec2_idle_4_of_14"];
  if (base && instance.instance_type[0] != 't' && instance.avg_cpu_7d >= 20 && instance.avg_cpu_7d <= 21) {
    ++near["ec2_oversized"];
  }
  if (standalone_running(instance) && instance.has_gpu && !rule_gpu_idle(context, instance, facts) &&
      instance.avg_cpu_7d < 9) {
    ++near["gpu_idle"];
  }
  if (instance.state == "stopped" && !rule_stopped_30d(context, instance, facts) &&
      instance.last_active_at < context.as_of - 26 * kDay) {
    ++near["ec2_stopped_30d"];
  }
  if (base && instance.env != "prod" && !instance.tags.contains("schedule") && facts.weekday > 0 &&
      facts.weekend >= 0.7 * facts.weekday && facts.weekend < 0.8 * facts.weekday) {
    ++near["nonprod_24x7"];
  }
  if (steady_uncovered_candidate(context, instance, facts) && !rule_uncommitted_steady(context, instance, facts)) {
    ++near["ec2_uncommitted_steady"];
  }
}

// asg_overprovisioned over stored groups and members: desired > min and the running members' mean
// avg_cpu_7d < 10.
std::set<std::string> asg_rule(const std::vector<StoredGroup>& groups, const std::vector<StoredInstance>& instances,
                               int& near) {
  std::set<std::string> matched;
  for (const StoredGroup& group : groups) {
    double sum = 0;
    int members = 0;
    for (const StoredInstance& instance : instances) {
      if (instance.asg_id != group.id || instance.state != "running") continue;
      sum += instance.avg_cpu_7d;
      ++members;
    }
    if (members == 0) continue;
    const double mean = sum / members;
    if (group.desired > group.min_size && mean < 10) matched.insert(group.id);
    if ((group.desired > group.min_size && mean >= 10 && mean < 12) || (group.desired == group.min_size && mean < 10)) {
      ++near;
    }
  }
  return matched;
}

std::set<std::string> keys_of(const std::map<std::string, double>& planted) {
  std::set<std::string> keys;
  for (const auto& [id, saving] : planted) keys.insert(id);
  return keys;
}

TEST(Ec2Rules, EachRuleMatchesExactlyThePlantedResources) {
  std::map<std::string, int> plants, near;
  for (uint64_t seed : kSeeds) {
    const auto owned = ec2_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      const AccountModel model = build_account_model(owned->world, account);
      const Context context{owned->world, model, owned->world.as_of_seconds()};
      const auto instances = stored_instances(owned->world, model);
      for (const NamedRule& named : kInstanceRules) {
        std::set<std::string> matched;
        for (const StoredInstance& instance : instances) {
          if (named.rule(context, instance, facts_of(owned->world, instance))) matched.insert(instance.instance_id);
        }
        const auto key = testing::planted_savings(model, named.pattern);
        EXPECT_EQ(matched, keys_of(key)) << named.pattern << " seed " << seed << " account " << account;
        for (const auto& [id, saving] : key) EXPECT_GT(saving, 0) << named.pattern << " " << id;
        plants[named.pattern] += static_cast<int>(key.size());
      }
      for (const StoredInstance& instance : instances) {
        count_near_misses(context, instance, facts_of(owned->world, instance), near);
      }
      int asg_near = 0;
      const auto asg_matched = asg_rule(stored_groups(owned->world, model), instances, asg_near);
      EXPECT_EQ(asg_matched, keys_of(testing::planted_savings(model, "asg_overprovisioned"))) << "seed " << seed;
      plants["asg_overprovisioned"] += static_cast<int>(asg_matched.size());
      near["asg_overprovisioned"] += asg_near;
    }
  }
  for (const auto& [pattern, count] : plants) {
    EXPECT_GT(count, 0) << pattern << " never planted";
  }
  for (const char* pattern : {"ec2_idle", "ec2_idle_4_of_14", "ec2_oversized", "gpu_idle", "ec2_stopped_30d",
                              "nonprod_24x7", "ec2_uncommitted_steady", "asg_overprovisioned"}) {
    EXPECT_GT(near[pattern], 0) << pattern << " has no near miss";
  }
}

// Planted resources carry at most one per-instance pattern whose savings overlap.
TEST(Ec2Rules, InstancePatternsAreDisjoint) {
  const auto owned = ec2_world(42);
  for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
    const AccountModel model = build_account_model(owned->world, account);
    std::map<std::string, int> patterns_per_instance;
    for (const PlantedWaste& waste : model.planted) {
      if (waste.resource_type == ResourceType::kInstance && std::string(pattern_id(waste.pattern)).rfind("asg_", 0) != 0) {
        ++patterns_per_instance[waste.resource_id];
      }
    }
    for (const auto& [id, count] : patterns_per_instance) EXPECT_EQ(count, 1) << id;
  }
}

}  // namespace
}  // namespace seedgen::ec2test
