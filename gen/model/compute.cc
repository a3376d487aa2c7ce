// compute.cc: the compute domain of one account, built in two halves with their own streams: EC2
// (autoscaling groups and instances) first, then containers and Lambda.
#include "model/compute.h"

#include "model/account_model.h"
#include "model/compute_parts.h"

namespace seedgen {

void build_compute(const World& world, AccountModel& model) {
  build_ec2(world, model);
  build_containers_and_lambda(world, model);
}

}  // namespace seedgen
