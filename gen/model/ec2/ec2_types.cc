// ec2_types.cc: the instance-type pools of the EC2 builder and the previous-generation -> current
// generation mapping behind ec2_prev_gen's saving (same size, next family; docs/data/ec2.md).
#include <string>

#include "config/catalog.h"
#include "model/ec2/instance_model.h"

namespace seedgen {
namespace {

struct FamilySuccessor {
  std::string_view previous, current;
};
constexpr FamilySuccessor kSuccessors[] = {{"t2", "t3"}, {"m3", "m5"}, {"m4", "m5"}, {"c4", "c5"}, {"r4", "r5"}};

// Sizes the successor family lacks (there is no m5.medium): the closest current type instead.
struct TypeException {
  std::string_view previous, current;
};
constexpr TypeException kExceptions[] = {{"m3.medium", "t3.medium"}};

const InstanceType* find_type(const Catalog& catalog, std::string_view name) {
  for (const InstanceType& type : catalog.instance_types) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

std::string_view family_of(std::string_view instance_type) {
  return instance_type.substr(0, instance_type.find('.'));
}

void add(TypePool& pool, const InstanceType& type) {
  pool.types.push_back(&type);
  pool.weights.push_back(type.popularity);
}

}  // namespace

const InstanceType& TypePool::draw(Rng& rng) const {
  return *types[rng.weighted(std::span<const double>(weights.data(), weights.size()))];
}

bool is_previous_generation_family(std::string_view instance_type) {
  const std::string_view family = family_of(instance_type);
  for (const FamilySuccessor& successor : kSuccessors) {
    if (successor.previous == family) return true;
  }
  return false;
}

const InstanceType* successor_type(const Catalog& catalog, const InstanceType& type) {
  for (const TypeException& exception : kExceptions) {
    if (exception.previous == type.name) return find_type(catalog, exception.current);
  }
  const std::string_view family = family_of(type.name);
  for (const FamilySuccessor& successor : kSuccessors) {
    if (successor.previous != family) continue;
    const std::string size = type.name.substr(type.name.find('.'));
    return find_type(catalog, std::string(successor.current) + size);
  }
  return nullptr;
}

bool is_burstable_family(std::string_view instance_type) { return instance_type.starts_with("t"); }

double cpu_credit_baseline(const InstanceType& type) {
  // AWS's published baselines (percent of each vCPU) for the burstable sizes of the catalog.
  struct Baseline {
    std::string_view type;
    double percent;
  };
  static constexpr Baseline kBaselines[] = {
      {"t3.nano", 5},    {"t3.micro", 10},  {"t3.small", 20},  {"t3.medium", 20},  {"t3.large", 30},
      {"t3.xlarge", 40}, {"t3.2xlarge", 40}, {"t2.micro", 10}, {"t2.medium", 20}, {"t4g.medium", 20}};
  for (const Baseline& baseline : kBaselines) {
    if (baseline.type == type.name) return baseline.percent;
  }
  return type.burstable ? 20 : 0;
}

const InstanceType* resize_target(const Catalog& catalog, const InstanceType& type, bool up) {
  const InstanceType* best = nullptr;
  for (const InstanceType& candidate : catalog.instance_types) {
    if (family_of(candidate.name) != family_of(type.name) || candidate.name == type.name) continue;
    const bool bigger = candidate.hourly_usd > type.hourly_usd;
    if (bigger != up) continue;
    if (best == nullptr || (up ? candidate.hourly_usd < best->hourly_usd : candidate.hourly_usd > best->hourly_usd)) best = &candidate;
  }
  return best;
}

TypePools make_type_pools(const Catalog& catalog) {
  TypePools pools;
  for (const InstanceType& type : catalog.instance_types) {
    if (type.gpu_count > 0) {
      add(type.gpu_count > 1 ? pools.gpu_large : pools.gpu_small, type);
    } else if (is_previous_generation_family(type.name)) {
      const InstanceType* successor = successor_type(catalog, type);
      if (successor != nullptr && successor->hourly_usd < type.hourly_usd) add(pools.previous, type);
    } else if (type.burstable) {
      add(pools.burstable, type);
    } else if (type.name.starts_with("c")) {
      add(pools.compute, type);
    } else if (type.name.starts_with("r")) {
      add(pools.memory, type);
    } else {
      add(pools.general, type);
    }
  }
  return pools;
}

}  // namespace seedgen
