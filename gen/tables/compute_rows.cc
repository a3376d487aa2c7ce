// compute_rows.cc: the compute domain's rows of the shared daily tables (metrics_daily, resource_tags):
// the EC2 half's, then the containers-and-Lambda half's.
#include "model/account_model.h"
#include "model/compute_parts.h"

namespace seedgen {

void emit_compute_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  emit_ec2_metrics(world, model, out);
  emit_container_lambda_metrics(world, model, out);
}

void emit_compute_tags(const World& world, const AccountModel& model, RowWriter& out) {
  emit_ec2_tags(world, model, out);
  emit_container_lambda_tags(world, model, out);
}

}  // namespace seedgen
