// commitments.h: commitments (Reserved Instances, Savings Plans) with daily utilisation, IAM-style API
// clients, and the optimization_actions audit trail of one account.
// Planted patterns: commitment_underutilized, commitment_expiring (and the hygiene question of API
// clients unused for 90 days). Built after compute and platform (commitments cover steady workloads).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/resource_core.h"

namespace seedgen {


// A Reserved Instance, Savings Plan or EDP. Its daily utilisation is a pure function of
// (world, key, day) (commitment_utilization.h), so the builder and the emitter always agree.
struct Commitment {
  Uuid id;
  std::string resource_id;          // uuid text: the planted_waste / optimization_actions resource_id
  uint64_t key = 0;                 // entity key, seeds the per-day utilisation streams
  std::string commitment_type;      // reserved_instance, savings_plan, edp
  std::string scope;                // 'ec2:<family>:<region>', 'compute', 'rds:<class>:<region>', ...
  int term_months = 12;             // 12 or 36
  double hourly_commitment_amount = 0;  // USD/hour, rounded to 4 decimals as stored
  int32_t start_date = 0;
  int32_t end_date = 0;             // start_date + 365 days per year of term
  int64_t created_at = 0;           // <= start_date
  double savings_rate = 0.3;        // discount against on-demand (catalog savings.one_year/three_year)
  double utilization_level = 90;    // typical daily utilisation, percent
  double utilization_spread = 3;    // daily utilisation lies within level +- spread (clamped to 0..100)
  std::optional<Pattern> planted_pattern;  // the pattern recorded for it, if any (mirrors planted_waste)
  double planted_savings = 0;       // USD/month recorded with it
};

// An IAM-style API client. The secret is drawn, hashed and forgotten; only its hash is kept.
struct ApiClient {
  Uuid id;
  std::string name;
  std::string access_key_id;        // "AKSY" + 16 of [A-Z2-7] (shaped like an AWS key id, but no secret scanner's prefix), unique across the run
  std::string secret_key_hash;      // "sha256$" + 64 hex digits
  std::string scopes_json;          // e.g. ["read:*"]
  int64_t created_at = 0;
  int64_t last_used_at = 0;         // 0 = NULL (never used)
};

// One entry of the optimization_actions audit trail, aimed at a real resource of the account.
struct OptimizationAction {
  Uuid id;
  std::string resource_type;        // resource_tags vocabulary (instance, volume, ...)
  std::string resource_id;          // the resource_id convention
  std::string action_type;          // a value of the action_type CHECK list
  std::string status;               // history only: completed, rolled_back or failed
  double estimated_monthly_savings = 0;
  double realized_monthly_savings = -1;  // < 0 = NULL
  int client_index = -1;            // index into CommitmentModel::api_clients, or -1 (NULL)
  std::string details_json;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t applied_at = 0;           // 0 = NULL
};

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
