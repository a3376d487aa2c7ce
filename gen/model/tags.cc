// tags.cc: tag vocabularies, coverage and variants.
#include "model/tags.h"

#include <cctype>
#include <iterator>

#include "copy/json_text.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr const char* kFirstNames[] = {"maria", "james", "wei", "aisha", "david", "sofia", "raj", "elena", "tom",
                                       "priya", "lucas", "nina", "omar", "grace", "ivan", "keiko", "sam", "laura",
                                       "diego", "hannah", "yusuf", "anna", "ben", "chloe"};
constexpr const char* kLastNames[] = {"lopez", "smith", "chen", "khan", "miller", "rossi", "patel", "novak",
                                      "brown", "iyer", "martin", "berg", "hassan", "kim", "petrov", "sato",
                                      "okafor", "fischer", "silva", "wright", "demir", "nowak", "cohen", "dubois"};
constexpr const char* kProjects[] = {"atlas", "phoenix", "orion", "hermes", "apollo", "nova", "zephyr", "titan",
                                     "aurora", "delta", "falcon", "horizon"};

template <size_t N>
const char* pick(Rng& rng, const char* const (&names)[N]) {
  return names[rng.below(static_cast<uint32_t>(N))];
}

// env_value: the env as a tag value, sometimes spelled differently (prod/production, dev/development,
// staging/stage).
std::string env_value(std::string_view env, double variant) {
  if (variant < 0.12) {
    if (env == "prod") return "production";
    if (env == "dev") return "development";
    if (env == "staging") return "stage";
  }
  if (variant > 0.97) {
    std::string upper(env);
    upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
    return upper;
  }
  return std::string(env);
}

std::string_view variant_key(double draw, std::string_view usual, std::string_view second, std::string_view third) {
  if (draw < 0.12) return second;
  if (draw < 0.17) return third;
  return usual;
}

std::string normalize_key(std::string_view key) {
  std::string normalized;
  for (char character : key) {
    if (character == '-' || character == '_' || character == ':') continue;
    normalized.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(character))));
  }
  return normalized;
}

}  // namespace

double tagging_discipline(const AccountPlan& account) {
  switch (account.unit) {
    case OrgUnit::kSecurity: return 0.92;
    case OrgUnit::kProd: return 0.85;
    case OrgUnit::kSharedServices: return 0.8;
    case OrgUnit::kManagement: return 0.75;
    case OrgUnit::kNonProd: return 0.6;
    case OrgUnit::kSandbox: return 0.3;
  }
  return 0.5;
}

std::string owner_email(Rng& rng, const World& world) {
  const char* first = pick(rng, kFirstNames);
  const char* last = pick(rng, kLastNames);
  return std::string(first) + "." + last + "@" + world.company + ".com";
}

std::string cost_center(const World& world, std::string_view team) {
  return "CC-" + std::to_string(1000 + mix64(world.seed() ^ name_hash(team)) % 9000);
}

Tags draw_tags(Rng& rng, const World& world, const AccountPlan& account, const TagSubject& subject) {
  // A fixed budget of draws, whatever is kept.
  const bool stack = !subject.stack.empty();
  const double discipline = stack ? std::min(1.0, tagging_discipline(account) + 0.1) : tagging_discipline(account);
  const double has_name = rng.unit(), has_env = rng.unit(), has_team = rng.unit(), has_owner = rng.unit();
  const double has_cost = rng.unit(), has_app = rng.unit(), has_project = rng.unit();
  const double env_key = rng.unit(), env_spelling = rng.unit(), owner_key = rng.unit(), cost_key = rng.unit();
  const double cost_spelling = rng.unit(), schedule_key = rng.unit();
  const std::string owner = owner_email(rng, world);
  const char* project = pick(rng, kProjects);

  Tags tags;
  if (!subject.name.empty() && has_name < 0.5 + 0.5 * discipline) tags.emplace_back("Name", std::string(subject.name));
  if (has_env < discipline) tags.emplace_back(variant_key(env_key, "env", "Environment", "Env"), env_value(subject.env, env_spelling));
  if (has_team < 0.85 * discipline) tags.emplace_back("team", account.team);
  if (has_owner < 0.8 * discipline) tags.emplace_back(variant_key(owner_key, "owner", "Owner", "owner"), owner);
  if (has_cost < 0.75 * discipline) {
    std::string code = cost_center(world, account.team);
    if (cost_spelling < 0.08) code = "cc" + code.substr(3);
    tags.emplace_back(variant_key(cost_key, "cost-center", "CostCenter", "cost_center"), std::move(code));
  }
  if (!subject.app.empty() && has_app < 0.9 * discipline) tags.emplace_back("app", std::string(subject.app));
  if (has_project < 0.35 * discipline) tags.emplace_back("project", project);
  if (stack) tags.emplace_back("aws:cloudformation:stack-name", std::string(subject.stack));
  if (subject.scheduled) tags.emplace_back(schedule_key < 0.2 ? "Schedule" : "schedule", "office-hours");
  return tags;
}

bool has_tag(const Tags& tags, std::string_view key) {
  for (const auto& [tag_key, value] : tags) {
    if (tag_key == key) return true;
  }
  return false;
}

bool has_tag_like(const Tags& tags, std::string_view normalized_key) {
  for (const auto& [tag_key, value] : tags) {
    if (normalize_key(tag_key) == normalized_key) return true;
  }
  return false;
}

std::string tags_json(const Tags& tags) {
  JsonText json;
  for (const auto& [key, value] : tags) json.string(key, value);
  return json.finish();
}

}  // namespace seedgen
