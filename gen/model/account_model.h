// account_model.h: everything generated for one account, built in a fixed order (EC2, containers
// and Lambda, storage, platform, commitments) from streams keyed by (seed, table, entity). Building it reads nothing but the
// World, so accounts can be built on any thread, in any order, one at a time (bounded memory).
#pragma once

#include <cstdint>
#include <vector>

#include "model/commitments/commitments.h"
#include "model/containers/containers.h"
#include "model/ec2/ec2.h"
#include "model/platform/platform.h"
#include "model/storage/storage.h"
#include "model/waste.h"
#include "model/world.h"

namespace seedgen {

struct AccountModel {
  const AccountPlan* account = nullptr;
  Ec2Model ec2;
  ContainerModel containers;
  StorageModel storage;
  PlatformModel platform;
  CommitmentModel commitments;
  std::vector<PlantedWaste> planted;   // the answer key of this account: every finding of the as_of day
  std::vector<Containment> containments;
  double monthly_cost = 0;             // USD/month of every resource, for the waste share
  double planted_savings = 0;          // USD/month, sum of the findings that count (resolve_counts)
};

AccountModel build_account_model(const World& world, uint32_t account_index);

}  // namespace seedgen
