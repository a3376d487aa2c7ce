// container_lambda_tables.h: the per-type metrics_daily writers of the containers-and-Lambda half of the
// compute domain, shared by container_tables.cc (which emits both through emit_container_lambda_metrics).
#pragma once

namespace seedgen {

struct World;
struct AccountModel;
class RowWriter;

// emit_lambda_metrics: one metrics_daily row per function per day of the metrics window.
void emit_lambda_metrics(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen
