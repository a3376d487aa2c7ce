// lambda_tables.cc: COPY rows of lambda_functions and their metrics_daily rows (payload: invocations,
// avg_duration_ms, errors, throttles, provisioned_concurrency_utilization), from the same daily series
// that gives invocations_7d and avg_duration_ms_7d.
#include <algorithm>

#include "copy/json_text.h"
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/polymorphic_rows.h"

namespace seedgen {

void emit_lambda_functions(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const LambdaFunction& function : model.containers.lambda_functions) {
    out.uuid(function.core.id);
    out.uuid(model.account->id);
    out.text(function.name);
    out.text(function.core.env);
    out.text(function.core.region);
    out.integer(function.memory_mb);
    out.integer(function.timeout_seconds);
    out.integer(function.provisioned_concurrency);
    out.integer(function.invocations_7d);
    out.decimal(function.avg_duration_ms_7d, 2);
    out.decimal(function.estimated_monthly_cost, 4);
    out.timestamp(function.core.created_at);
    out.timestamp(function.updated_at);
    out.end_row();
  }
}

void emit_lambda_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  JsonText payload;
  for (const LambdaFunction& function : model.containers.lambda_functions) {
    for (int32_t day = std::max(world.metrics_emit_from(), function.life.birth_day); day <= world.as_of_day(); ++day) {
      const LambdaDay daily = lambda_on(world, function, day);
      payload.clear();
      payload.integer("invocations", daily.invocations)
          .number("avg_duration_ms", daily.avg_duration_ms, 2)
          .integer("errors", daily.errors)
          .integer("throttles", daily.throttles)
          .number("provisioned_concurrency_utilization", daily.provisioned_utilization, 2);
      write_metrics_row(out, world, model, ResourceType::kLambdaFunction, function.core.resource_id, day,
                        payload.finish(), daily.cost_usd);
    }
  }
}

}  // namespace seedgen
