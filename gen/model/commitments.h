// commitments.h: commitments (Reserved Instances, Savings Plans) with daily utilisation, IAM-style API
// clients, and the optimization_actions audit trail of one account.
// Planted patterns: commitment_underutilized, commitment_expiring (and the hygiene question of API
// clients unused for 90 days). Built after compute and platform (commitments cover steady workloads).
#pragma once

#include <vector>

#include "model/common.h"
#include "model/commitment_entities.h"

namespace seedgen {

class RowWriter;

struct CommitmentModel {
  std::vector<Commitment> commitments;
  std::vector<ApiClient> api_clients;
  std::vector<OptimizationAction> optimization_actions;
};

void build_commitments(const World& world, AccountModel& model);

void emit_commitments(const World& world, const AccountModel& model, RowWriter& out);
void emit_commitment_utilization_daily(const World& world, const AccountModel& model, RowWriter& out);
void emit_api_clients(const World& world, const AccountModel& model, RowWriter& out);
void emit_optimization_actions(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen
