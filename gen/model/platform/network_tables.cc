// network_tables.cc: the rows of load_balancers, elastic_ips and data_transfer_daily for one account.
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/platform/platform_series.h"

namespace seedgen {

void emit_load_balancers(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const LoadBalancer& lb : model.platform.load_balancers) {
    out.uuid(lb.core.id);
    out.uuid(model.account->id);
    out.text(lb.core.resource_id);
    out.text(lb.name);
    out.text(lb.type);
    out.text(lb.core.env);
    out.text(lb.core.region);
    out.decimal(lb.hourly_cost, 4);
    out.decimal(lb.avg_request_count_7d, 2);
    out.timestamp(lb.core.created_at);
    out.timestamp(lb.updated_at);
    out.end_row();
  }
}

void emit_elastic_ips(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const ElasticIp& eip : model.platform.elastic_ips) {
    out.uuid(eip.core.id);
    out.uuid(model.account->id);
    out.text(eip.core.resource_id);
    out.text(eip.public_ip);
    out.text_or_null(eip.associated_instance_id);
    out.text_or_null(eip.associated_lb_arn);
    out.text(eip.state);
    out.decimal(eip.hourly_cost, 4);
    out.timestamp(eip.core.created_at);
    out.timestamp(eip.updated_at);
    out.end_row();
  }
}

void emit_data_transfer_daily(const World& world, const AccountModel& model, RowWriter& out) {
  for (const TransferFlow& flow : model.platform.transfer_flows) {
    for (int32_t day = world.usage_emit_from(); day <= world.as_of_day(); ++day) {
      const double gb = transfer_gb(world, flow, day);
      if (gb <= 0) continue;   // no traffic that day: no row
      out.uuid(Uuid::from_key(world.seed(), "data_transfer_daily", mix64(flow.key ^ mix64(static_cast<uint64_t>(day)))));
      out.uuid(model.account->id);
      out.date(day);
      out.text(flow.source_region);
      out.text(flow.dest_region);
      out.text(flow.direction);
      out.decimal(gb, 4);
      out.decimal(round_to(gb * flow.price_per_gb, 4), 4);
      out.end_row();
    }
  }
}

}  // namespace seedgen
