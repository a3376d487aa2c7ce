// organization_vocabulary.h: the words an organization is named with (company, teams, sandbox users) and
// how an organizational unit shifts the profile's resource mix. Private to organization.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/profile.h"
#include "model/organization.h"
#include "rng/rng.h"

namespace seedgen {

std::string_view draw_company(Rng& rng);
// draw_teams / draw_sandbox_users: `count` distinct names, in a seeded order (the first team is the
// largest, whatever its name).
std::vector<std::string> draw_teams(Rng& rng, int count);
std::vector<std::string> draw_sandbox_users(Rng& rng, int count);
// ou_type_multiplier: how much more (or less) of `type` an account of `unit` runs than the profile's mix
// says: security accounts hold buckets and log groups, shared services load balancers and addresses,
// sandboxes instances and little else.
double ou_type_multiplier(OrgUnit unit, ResourceType type);

}  // namespace seedgen
