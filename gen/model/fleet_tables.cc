#include "model/fleet_tables.h"

#include "copy/row_writer.h"
#include "model/account_model.h"

namespace seedgen {

void emit_cloud_accounts(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  const AccountPlan& account = *model.account;
  out.uuid(account.id);
  out.text(account.name);
  out.text("aws-fake");
  out.timestamp(account.created_at);
  out.end_row();
}

void emit_metrics_daily(const World& world, const AccountModel& model, RowWriter& out) {
  emit_ec2_metrics(world, model, out);
  emit_container_lambda_metrics(world, model, out);
  emit_storage_metrics(world, model, out);
  emit_platform_metrics(world, model, out);
}

void emit_resource_tags(const World& world, const AccountModel& model, RowWriter& out) {
  emit_ec2_tags(world, model, out);
  emit_container_lambda_tags(world, model, out);
  emit_storage_tags(world, model, out);
  emit_platform_tags(world, model, out);
}

void emit_planted_waste(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const auto& waste : model.planted) {
    out.uuid(model.account->id);
    out.text(resource_type_name(waste.resource_type));
    out.text(waste.resource_id);
    out.text(pattern_id(waste.pattern));
    out.decimal(waste.estimated_monthly_savings, 4);
    out.boolean(waste.counts_for_savings);
    out.end_row();
  }
}

void emit_prices(const World& world, const AccountModel& model, RowWriter& out) {
  if (model.account->index != 0) return;
  for (const PriceEntry& price : world.catalog->price_list()) {
    out.text(price.sku);
    out.text(price.region);
    out.text(price.unit);
    out.decimal(price.usd, 10);
    out.end_row();
  }
}

}  // namespace seedgen
