// logs_tables.cc: the rows of log_groups and log_group_usage_daily for one account.
#include <vector>

#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/platform/platform_series.h"

namespace seedgen {

void emit_log_groups(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const LogGroup& group : model.platform.log_groups) {
    out.uuid(group.core.id);
    out.uuid(model.account->id);
    out.text(group.name);
    out.text(group.core.env);
    out.text(group.core.region);
    if (group.retention_days == 0) out.null(); else out.integer(group.retention_days);
    out.json(tags_json(group.core.tags));
    out.timestamp(group.core.created_at);
    out.end_row();
  }
}

void emit_log_group_usage_daily(const World& world, const AccountModel& model, RowWriter& out) {
  std::vector<LogDay> days;
  for (const LogGroup& group : model.platform.log_groups) {
    log_group_days(world, group, first_daily_day(world.usage_emit_from(), group.core.created_at), world.as_of_day(), days);
    for (const LogDay& day : days) {
      out.uuid(Uuid::from_key(world.seed(), "log_group_usage_daily", mix64(group.life.key ^ mix64(static_cast<uint64_t>(day.day)))));
      out.uuid(group.core.id);
      out.date(day.day);
      out.decimal(day.ingested_gb, 4);
      out.decimal(day.stored_gb, 4);
      out.decimal(day.ingestion_cost, 4);
      out.decimal(day.storage_cost, 4);
      out.end_row();
    }
  }
}

}  // namespace seedgen
