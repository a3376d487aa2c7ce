// commitment_tables.cc: COPY rows of commitments, commitment_utilization_daily, api_clients and
// optimization_actions for one account, in the column order of table_registry.cc.
#include <set>
#include <string_view>

#include "copy/row_writer.h"
#include "model/commitments/commitment_builders.h"

namespace seedgen {

void emit_commitments(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const Commitment& commitment : model.commitments.commitments) {
    out.uuid(commitment.id);
    out.uuid(model.account->id);
    out.text(commitment.commitment_type);
    out.text(commitment.scope);
    out.integer(commitment.term_months);
    out.decimal(commitment.hourly_commitment_amount, 4);
    out.date(commitment.start_date);
    out.date(commitment.end_date);
    out.timestamp(commitment.created_at);
    out.end_row();
  }
}

// emit_commitment_utilization_daily: one row per active day in the usage window. The usage equivalent is
// the committed rate actually used; the saving is the day's discount on that use against on-demand.
void emit_commitment_utilization_daily(const World& world, const AccountModel& model, RowWriter& out) {
  for (const Commitment& commitment : model.commitments.commitments) {
    const int32_t last = utilization_last_day(world, commitment);
    const double discount_per_committed_usd = commitment.savings_rate / (1.0 - commitment.savings_rate);
    for (int32_t day = utilization_first_day(world, commitment); day <= last; ++day) {
      const double percent = utilization_on(world, model, commitment, day);
      const double used_hourly = commitment.hourly_commitment_amount * percent / 100.0;
      out.uuid(Uuid::from_key(world.seed(), "commitment_utilization_daily",
                              mix64(commitment.key ^ static_cast<uint64_t>(static_cast<uint32_t>(day)))));
      out.uuid(commitment.id);
      out.date(day);
      out.decimal(used_hourly, 4);
      out.decimal(percent, 2);
      out.decimal(used_hourly * discount_per_committed_usd * 24.0, 4);
      out.end_row();
    }
  }
}

void emit_api_clients(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const ApiClient& client : model.commitments.api_clients) {
    out.uuid(client.id);
    out.uuid(model.account->id);
    out.text(client.name);
    out.text(client.access_key_id);
    out.text(client.secret_key_hash);
    out.json(client.scopes_json);
    out.timestamp(client.created_at);
    out.timestamp_or_null(client.last_used_at);
    out.end_row();
  }
}

// The history names no resource the answer key holds (it would point at the key): the actions are drawn
// before the rules key the account, so those on a resource keyed that day are left out.
void emit_optimization_actions(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  const auto& clients = model.commitments.api_clients;
  std::set<std::string_view> keyed;
  for (const PlantedWaste& waste : model.planted) keyed.insert(waste.resource_id);
  for (const OptimizationAction& action : model.commitments.optimization_actions) {
    if (keyed.count(action.resource_id) != 0) continue;
    out.uuid(action.id);
    out.uuid(model.account->id);
    out.text(action.resource_type);
    out.text(action.resource_id);
    out.text(action.action_type);
    out.text(action.status);
    out.decimal(action.estimated_monthly_savings, 4);
    if (action.realized_monthly_savings < 0) {
      out.null();
    } else {
      out.decimal(action.realized_monthly_savings, 4);
    }
    if (action.client_index < 0) {
      out.null();
    } else {
      out.uuid(clients[static_cast<size_t>(action.client_index)].id);
    }
    out.json(action.details_json);
    out.timestamp(action.created_at);
    out.timestamp(action.updated_at);
    out.timestamp_or_null(action.applied_at);
    out.end_row();
  }
}

}  // namespace seedgen
