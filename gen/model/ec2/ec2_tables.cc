// ec2_tables.cc: the EC2 rows of one account: autoscaling_groups, instances, and the instances' rows of
// metrics_daily and resource_tags. Field order follows the column lists of table_registry.cc.
#include <algorithm>

#include "copy/json_text.h"
#include "copy/row_writer.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/ec2/instance_model.h"
#include "model/polymorphic_rows.h"
#include "model/tags.h"

namespace seedgen {
namespace {

void write_payload(JsonText& payload, const Instance& instance, const InstanceDay& day) {
  payload.clear();
  payload.number("cpu_avg", day.cpu_avg, 2);
  payload.number("cpu_max", day.cpu_max, 2);
  payload.number("network_mb", day.network_mb, 2);
  payload.number("hours_running", day.hours_running, 2);
  if (instance.gpu_count > 0) payload.number("gpu_util", day.gpu_util, 2);
  if (day.credit_usd > 0) payload.number("cpu_credit_usd", day.credit_usd, 4);
}

}  // namespace

void emit_autoscaling_groups(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const AutoscalingGroup& group : model.ec2.autoscaling_groups) {
    if (!group.listed) continue;
    out.uuid(group.core.id);
    out.uuid(model.account->id);
    out.text(group.name);
    out.integer(group.min_size);
    out.integer(group.max_size);
    out.integer(group.desired_capacity);
    out.text(group.instance_type);
    out.text(group.core.env);
    out.text(group.core.region);
    out.timestamp(group.core.created_at);
    out.timestamp(group.updated_at);
    out.end_row();
  }
}

void emit_instances(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  const auto& groups = model.ec2.autoscaling_groups;
  for (const Instance& instance : model.ec2.instances) {
    if (!instance.listed) continue;
    out.uuid(instance.core.id);
    out.uuid(model.account->id);
    out.text(instance.core.resource_id);
    out.text(instance.name);
    out.text(instance.instance_type);
    out.text(instance.core.env);
    out.text(instance.core.region);
    out.text(instance.state);
    if (instance.asg_index >= 0) {
      out.uuid(groups[static_cast<size_t>(instance.asg_index)].core.id);
    } else {
      out.null();
    }
    out.timestamp(instance.launch_time);
    out.decimal(instance.hourly_cost, 4);
    out.decimal(instance.gpu_hourly_cost, 4);
    out.integer(instance.gpu_count);
    out.boolean(instance.gpu_count > 0);
    out.decimal(instance.avg_cpu_7d, 2);
    out.decimal(instance.avg_network_7d, 2);
    out.timestamp_or_null(instance.last_active_at);
    out.json(tags_json(instance.core.tags));
    out.timestamp(instance.core.created_at);
    out.timestamp(instance.updated_at);
    out.end_row();
  }
}

void emit_ec2_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  JsonText payload;
  for (const Instance& instance : model.ec2.instances) {
    const int32_t launch_day = static_cast<int32_t>(instance.launch_time / kSecondsPerDay);
    for (int32_t day = std::max(world.metrics_emit_from(), launch_day); day <= world.as_of_day(); ++day) {
      const InstanceDay values = instance_day(world, instance.plan, day);
      if (!values.exists) continue;
      write_payload(payload, instance, values);
      write_metrics_row(out, world, model, ResourceType::kInstance, instance.core.resource_id, day, payload.finish(),
                        values.cost_usd);
    }
  }
}

void emit_ec2_tags(const World& world, const AccountModel& model, RowWriter& out) {
  for (const Instance& instance : model.ec2.instances) {
    if (instance.listed) write_tag_rows(out, world, model, ResourceType::kInstance, instance.core);
  }
}

}  // namespace seedgen
