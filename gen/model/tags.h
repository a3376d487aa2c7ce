// tags.h: resource tags as real estates have them: partial coverage that depends on the account's
// tagging discipline and on how a resource was created (CloudFormation stacks tag consistently, console
// launches do not), realistic vocabularies (owners' e-mail addresses at the company's domain, one
// cost-center code per team, projects, apps), AWS-managed keys (aws:cloudformation:stack-name,
// aws:autoscaling:groupName, kubernetes.io/cluster/<name>) where they belong, and a small rate of
// spelling and case variants that agents must cope with (Environment/Env/env, prod/production,
// CostCenter/cost-center). How each rule reads tags is in docs/DATA.md ("Tags").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/organization.h"
#include "rng/rng.h"

namespace seedgen {

struct World;

using Tags = std::vector<std::pair<std::string, std::string>>;

// What a resource's tags describe.
struct TagSubject {
  std::string_view name;              // the Name tag (empty: none)
  std::string_view env;               // the resource's env column
  std::string_view app;               // the workload, e.g. "api"
  std::string_view stack;             // CloudFormation stack name, empty when not stack-managed
  bool scheduled = false;             // carries an office-hours schedule tag
};

// draw_tags: the tags of one resource of `account`. A fixed budget of draws whatever the outcome.
Tags draw_tags(Rng& rng, const World& world, const AccountPlan& account, const TagSubject& subject);

// tagging_discipline: the share of an account's resources that follow its tagging policy (0..1).
double tagging_discipline(const AccountPlan& account);

bool has_tag(const Tags& tags, std::string_view key);
// has_tag_like: a tag whose key, lower-cased with '-', '_' and ':' removed, equals `normalized_key`
// (e.g. "owner", "costcenter", "schedule"): how the hygiene questions and rules read tag keys.
bool has_tag_like(const Tags& tags, std::string_view normalized_key);
// tags_json: the tags as a JSON object, keys in insertion order (values escaped).
std::string tags_json(const Tags& tags);

// owner_email: a plausible owner of the team's resources, e.g. "maria.lopez@northwind.com".
std::string owner_email(Rng& rng, const World& world);
// cost_center: the team's cost-center code (one per team), e.g. "CC-1042".
std::string cost_center(const World& world, std::string_view team);

}  // namespace seedgen
