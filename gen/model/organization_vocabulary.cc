// organization_vocabulary.cc: fictional names and the per-OU resource mix.
#include "model/organization_vocabulary.h"

#include <array>
#include <iterator>

namespace seedgen {
namespace {

constexpr const char* kCompanies[] = {"northwind", "contoso", "fabrikam", "tailspin", "wingtip", "litware",
                                      "proseware", "lucerne", "adatum", "woodgrove", "blueyonder", "coho"};
constexpr const char* kTeams[] = {
    "payments", "checkout", "search", "catalog", "identity", "billing", "fraud", "pricing", "inventory", "orders",
    "shipping", "notifications", "recommendations", "analytics", "data", "ml", "mobile", "web", "media",
    "messaging", "maps", "ads", "growth", "marketing", "support", "reporting", "ledger", "risk", "onboarding",
    "partners", "content", "video", "audio", "auth", "gateway", "observability", "ingest", "etl", "warehouse",
    "experiments", "personalization", "loyalty", "reviews", "subscriptions", "invoicing", "tax", "compliance",
    "travel"};
constexpr const char* kFirstInitials = "abcdefghjklmnprstvw";
constexpr const char* kLastNames[] = {"smith", "jones", "garcia", "miller", "davis", "lopez", "wilson", "moore",
                                      "taylor", "lee", "walker", "hall", "young", "king", "wright", "scott",
                                      "green", "baker", "adams", "nelson", "hill", "campbell", "mitchell",
                                      "roberts", "carter", "phillips", "evans", "turner", "torres", "parker"};

// Rows indexed by OrgUnit, columns by ResourceType (instance, volume, snapshot, s3_bucket, rds_instance,
// cache_cluster, load_balancer, elastic_ip, lambda_function, container_cluster, container_node,
// streaming_cluster, managed_service, log_group).
constexpr double kMultipliers[6][kResourceTypeCount] = {
    {0.05, 0.05, 0.05, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 4},                    // management
    {0.2, 0.2, 0.2, 6, 0, 0, 0.1, 0.2, 2, 0, 0, 1.5, 2, 6},                 // security
    {1.0, 0.9, 0.6, 1, 0.3, 0.5, 4, 4, 1, 2, 2, 0.5, 0.5, 1.5},             // shared services
    {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},                             // prod
    {1, 1, 1, 1, 1, 1, 0.8, 0.8, 1, 0.8, 0.8, 0.6, 0.8, 1},                 // non-prod
    {1.6, 1.4, 0.8, 1, 0.4, 0.2, 0.4, 1.2, 1.2, 0, 0, 0.1, 0.2, 0.8},       // sandbox
};

// permutation: 0..count-1 in a seeded order (Fisher-Yates over Rng::below).
std::vector<size_t> permutation(Rng& rng, size_t count) {
  std::vector<size_t> order(count);
  for (size_t index = 0; index < count; ++index) order[index] = index;
  for (size_t index = count; index > 1; --index) std::swap(order[index - 1], order[rng.below(static_cast<uint32_t>(index))]);
  return order;
}

}  // namespace

std::string_view draw_company(Rng& rng) { return kCompanies[rng.below(std::size(kCompanies))]; }

std::vector<std::string> draw_teams(Rng& rng, int count) {
  const auto order = permutation(rng, std::size(kTeams));
  std::vector<std::string> teams;
  for (int index = 0; index < count; ++index) {
    const size_t round = static_cast<size_t>(index) / std::size(kTeams);
    std::string name = kTeams[order[static_cast<size_t>(index) % std::size(kTeams)]];
    if (round > 0) name += "-" + std::to_string(round + 1);
    teams.push_back(std::move(name));
  }
  return teams;
}

std::vector<std::string> draw_sandbox_users(Rng& rng, int count) {
  const size_t initials = std::string_view(kFirstInitials).size();
  const auto order = permutation(rng, initials * std::size(kLastNames));
  std::vector<std::string> users;
  for (int index = 0; index < count; ++index) {
    const size_t round = static_cast<size_t>(index) / order.size();
    const size_t pick = order[static_cast<size_t>(index) % order.size()];
    std::string user = std::string(1, kFirstInitials[pick % initials]) + kLastNames[pick / initials];
    if (round > 0) user += std::to_string(round + 1);
    users.push_back(std::move(user));
  }
  return users;
}

double ou_type_multiplier(OrgUnit unit, ResourceType type) {
  return kMultipliers[static_cast<size_t>(unit)][static_cast<size_t>(type)];
}

}  // namespace seedgen
