#include "model/polymorphic_rows.h"

#include "core/calendar.h"
#include "model/account_model.h"

namespace seedgen {

void write_metrics_row(RowWriter& out, const World& world, const AccountModel& model, ResourceType type,
                       std::string_view resource_id, int32_t day, std::string_view payload, double daily_cost_usd) {
  const uint64_t key = mix64(name_hash(resource_id) ^ static_cast<uint64_t>(static_cast<uint32_t>(day)));
  out.uuid(Uuid::from_key(world.seed(), "metrics_daily", key ^ static_cast<uint64_t>(type)));
  out.uuid(model.account->id);
  out.text(resource_type_name(type));
  out.text(resource_id);
  out.date(day);
  out.json(payload);
  out.decimal(daily_cost_usd, 4);
  // The rollup is written late on its own day, so that no timestamp lies after the as_of day.
  out.timestamp(static_cast<int64_t>(day) * kSecondsPerDay + 23 * 3600 + 30 * 60);
  out.end_row();
}

void write_tag_rows(RowWriter& out, const World& world, const AccountModel& model, ResourceType type,
                    const ResourceCore& core) {
  for (const auto& [key, value] : core.tags) {
    out.uuid(Uuid::from_key(world.seed(), "resource_tags", mix64(name_hash(core.resource_id) ^ name_hash(key))));
    out.uuid(model.account->id);
    out.text(resource_type_name(type));
    out.text(core.resource_id);
    out.text(key);
    out.text(value);
    out.timestamp(core.created_at);
    out.end_row();
  }
}

}  // namespace seedgen
