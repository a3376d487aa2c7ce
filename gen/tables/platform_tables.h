// platform_tables.h: the platform domain's rows of the answer key that model.planted cannot carry.
// transfer_avoidable is planted on data-transfer flows, which are no resource type of ResourceType, so
// those rows live on the flows (TransferFlow::planted_savings) and are written here.
#pragma once

namespace seedgen {

struct World;
struct AccountModel;
class RowWriter;

// emit_transfer_planted_waste: seedgen.planted_waste rows (account_id, resource_type, resource_id,
// pattern, estimated_monthly_savings) with resource_type 'data_transfer', resource_id
// 'SOURCE->DEST:cross-region' and pattern 'transfer_avoidable', one per planted flow.
void emit_transfer_planted_waste(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen
