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

TypePools make_type_pools(const Catalog& catalog) {
  TypePools pools;
  for (const InstanceType& type : catalog.instance_types) {
    if (type.gpu_count > 0) {
      add(pools.gpu, type);
    } else if (is_previous_generation_family(type.name)) {
      const InstanceType* successor = successor_type(catalog, type);
      if (successor != nullptr && successor->hourly_usd < type.hourly_usd) add(pools.previous, type);
    } else {
      add(pools.current, type);
      add(type.burstable ? pools.current_burstable : pools.current_fixed, type);
    }
  }
  return pools;
}

}  // namespace seedgen
