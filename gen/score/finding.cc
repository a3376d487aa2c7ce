#include "score/finding.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "config/profile.h"
#include "config/waste_patterns.h"

namespace seedgen::score {
namespace {

constexpr double kMoneyLimit = 1e12;

// plain_decimal: digits with at most one '.', an optional leading minus and an optional exponent, so
// that "inf", "nan", hex and spaces (which from_chars or strtod may take) are refused.
bool plain_decimal(std::string_view text) {
  size_t at = !text.empty() && text[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; at < text.size() && text[at] != 'e' && text[at] != 'E'; ++at) {
    if (text[at] == '.' && !dot) dot = true;
    else if (std::isdigit(static_cast<unsigned char>(text[at])) != 0) digits = true;
    else return false;
  }
  if (!digits || at == text.size()) return digits;
  if (++at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
  if (at == text.size()) return false;
  for (; at < text.size(); ++at) {
    if (std::isdigit(static_cast<unsigned char>(text[at])) == 0) return false;
  }
  return true;
}

bool canonical_uuid(std::string& text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (text[i] == '-')) return false;
    if (!dash && std::isxdigit(static_cast<unsigned char>(text[i])) == 0) return false;
    text[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  }
  return true;
}

// key_subject: a resource_type the answer key may name: the 14 resource types and the key's own subjects
// (container_service, data_transfer, commitment, autoscaling_group), which parse_resource_type refuses.
bool key_subject(const std::string& name) {
  for (int type = 0; type <= static_cast<int>(ResourceType::kAutoscalingGroup); ++type) {
    if (name == resource_type_name(static_cast<ResourceType>(type))) return true;
  }
  return false;
}

// quoted: a value for a message, cut to 60 characters so the message stays short.
std::string quoted(const std::string& value) {
  return "'" + (value.size() > 60 ? value.substr(0, 60) + "..." : value) + "'";
}

}  // namespace

std::string Finding::key() const {
  return account_id + '\x1f' + resource_type + '\x1f' + resource_id + '\x1f' + pattern;
}

std::optional<Money> parse_money(std::string_view text) {
  if (!plain_decimal(text)) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !(std::fabs(value) <= kMoneyLimit)) {
    return std::nullopt;
  }
  return static_cast<Money>(std::llround(value * 10000.0));
}

namespace {

Money rounded_cents(Money amount) { return (amount >= 0 ? amount + 50 : amount - 50) / 100; }

}  // namespace

std::string format_money(Money amount) {
  const Money cents = rounded_cents(amount);
  const Money whole = cents / 100;
  const Money rest = cents % 100;
  return fmt::format("{}{}.{:02}", cents < 0 ? "-" : "", whole < 0 ? -whole : whole, rest < 0 ? -rest : rest);
}

// Division is correctly rounded, so this is the double nearest the decimal cents value, printed as such.
double money_as_dollars(Money amount) { return static_cast<double>(rounded_cents(amount)) / 100.0; }

std::optional<std::string> validate_finding(Finding& finding) {
  if (!canonical_uuid(finding.account_id)) return "account_id " + quoted(finding.account_id) + " is not a uuid";
  if (!key_subject(finding.resource_type)) return "unknown resource_type " + quoted(finding.resource_type);
  if (finding.resource_id.empty()) return std::string("empty resource_id");
  if (!parse_pattern(finding.pattern)) return "unknown pattern " + quoted(finding.pattern) + " (see seedgen patterns)";
  if (finding.monthly_savings < 0) return std::string("negative estimated_monthly_savings");
  return std::nullopt;
}

}  // namespace seedgen::score
