// finding.h: one waste finding, as an agent reports it and as the answer key (seedgen.planted_waste)
// records it: (account, resource_type, resource_id, pattern) and an estimated monthly saving. Money is
// kept in whole ten-thousandths of a dollar (the key's numeric(12,4)), so sums are exact and the same on
// every machine; only the reports round it to cents.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace seedgen::score {

// Money: USD in ten-thousandths (1.5 USD is 15000).
using Money = int64_t;

struct Finding {
  std::string account_id;      // canonical lower-case uuid text
  std::string resource_type;   // one of the 14 resource types or the key's own subjects (docs/DATA.md)
  std::string resource_id;     // docs/DATA.md, "The resource_id convention"
  std::string pattern;         // a pattern id of the waste catalog
  Money monthly_savings = 0;

  // key: the identity a finding is matched on; savings are not part of it.
  std::string key() const;
};

// parse_money: a plain decimal (digits, optional '.', optional leading minus, optional exponent) rounded to
// ten-thousandths; nullopt for anything else (empty, "inf", "nan", spaces) or beyond +-1e12.
std::optional<Money> parse_money(std::string_view text);

// format_money: "1234.57": rounded half away from zero to cents.
std::string format_money(Money amount);

// money_as_dollars: the amount rounded to cents, as a double (for JSON numbers).
double money_as_dollars(Money amount);

// validate_finding: nullopt when `finding` is well formed (after lower-casing its account id in place);
// else the reason, e.g. "unknown pattern 'ec2_idel'". Savings must not be negative.
std::optional<std::string> validate_finding(Finding& finding);

}  // namespace seedgen::score
