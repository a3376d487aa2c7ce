// organization.h: the AWS Organization a fleet belongs to: one company, its organizational units and its
// accounts, with what each account runs (size, resource mix, regions, environments) and when it was
// created (docs/MODEL.md, section 2). A pure function of the profile and the catalog: every shard and job
// plans the same organization. Account names say team and environment, never a size rank.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/catalog.h"
#include "config/profile.h"
#include "core/uuid.h"

namespace seedgen {

enum class OrgUnit : uint8_t { kManagement, kSecurity, kSharedServices, kProd, kNonProd, kSandbox };

// org_unit_name: "management", "security", "shared-services", "prod", "non-prod", "sandbox".
std::string_view org_unit_name(OrgUnit unit);

struct AccountPlan {
  uint32_t index = 0;                 // 0-based: the shard and stream key
  Uuid id;
  std::string name;                   // e.g. "northwind-payments-prod", "northwind-sandbox-jdoe"
  std::string number;                 // 12-digit AWS account number, unique, used in ARNs
  OrgUnit unit = OrgUnit::kProd;
  std::string team;                   // the owning team ("payments"; "platform" for shared; the user for sandboxes)
  int64_t created_at = 0;             // seconds since epoch; no resource of the account is older
  std::vector<std::string_view> regions;             // 1-3, home region first (point into the profile)
  std::vector<double> region_weights;                // share of the account's resources per region
  std::vector<std::pair<std::string_view, double>> envs;  // env of its resources, with weights
  double size = 0;                    // expected resources at the calibration anchor
  std::array<double, kResourceTypeCount> expected{};  // expected population per resource type at the anchor
  // TRANSITIONAL: rounded `expected`, for the domains not yet on the lifecycle model.
  std::array<int64_t, kResourceTypeCount> counts{};
  int64_t total_resources() const;

  // home_region: regions.front().
  std::string_view home_region() const { return regions.front(); }
  // is_prod_account: the environment of (almost) everything it runs is prod.
  bool is_prod_account() const;
};

struct Organization {
  std::string company;                // e.g. "northwind"
  std::vector<AccountPlan> accounts;  // in index order: management, security, shared, teams, sandboxes
};

// plan_organization: the organization of `profile` (its accounts, resources, regions and envs mixes).
// The largest account is capped at max(40,000, resources / accounts) expected resources so that one
// account's model always fits in memory; the excess is spread over the others.
Organization plan_organization(const Profile& profile, const Catalog& catalog);

}  // namespace seedgen
