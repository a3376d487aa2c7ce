// polymorphic_rows.h: writers for the polymorphic tables that every domain feeds: one metrics_daily row and the
// resource_tags rows of one resource. Domains call these from their emitters so that both tables use the
// same resource_id convention and the same row ids everywhere.
#pragma once

#include <cstdint>
#include <string_view>

#include "config/profile.h"
#include "copy/row_writer.h"
#include "model/resource_core.h"

namespace seedgen {

// write_metrics_row: metrics_daily(id, account_id, resource_type, resource_id, date, metric_payload,
// estimated_daily_cost, created_at). The payload is a JSON object whose keys depend on the type (docs/DATA.md).
void write_metrics_row(RowWriter& out, const World& world, const AccountModel& model, ResourceType type,
                       std::string_view resource_id, int32_t day, std::string_view payload, double daily_cost_usd);

// write_tag_rows: resource_tags(id, account_id, resource_type, resource_id, key, value, created_at), one
// row per tag, mirroring the resource's tags jsonb.
void write_tag_rows(RowWriter& out, const World& world, const AccountModel& model, ResourceType type,
                    const ResourceCore& core);

}  // namespace seedgen
