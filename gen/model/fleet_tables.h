// fleet_tables.h: the emitters that span domains: cloud_accounts, the polymorphic metrics_daily and
// resource_tags (each domain contributes its resources, in a fixed domain order), and the answer key
// seedgen.planted_waste.
#pragma once

namespace seedgen {

struct World;
struct AccountModel;
class RowWriter;

void emit_cloud_accounts(const World& world, const AccountModel& model, RowWriter& out);
void emit_metrics_daily(const World& world, const AccountModel& model, RowWriter& out);
void emit_resource_tags(const World& world, const AccountModel& model, RowWriter& out);
void emit_planted_waste(const World& world, const AccountModel& model, RowWriter& out);
// emit_prices: seedgen.prices, the catalog's price list. A table of the fleet, not of an account: only the
// first account (index 0) writes it, so every shard union and job count holds it exactly once.
void emit_prices(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen
