#include "model/account_model.h"

namespace seedgen {

AccountModel build_account_model(const World& world, uint32_t account_index) {
  AccountModel model;
  model.account = &world.accounts.at(account_index);
  build_ec2(world, model);
  build_containers_and_lambda(world, model);
  build_storage(world, model);
  build_platform(world, model);
  build_commitments(world, model);
  evaluate_ec2_rules(world, model);
  evaluate_storage_rules(world, model);
  resolve_counts(model);
  return model;
}

}  // namespace seedgen
