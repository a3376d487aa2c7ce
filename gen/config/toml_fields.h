// toml_fields.h: typed, range-checked reads of TOML values, shared by the profile and catalog loaders.
// Every failure throws Error(kProfile) as "<file>:<line>: key '<dotted key>' <problem>", so a bad value
// can be found from the message alone. Only the config loaders include this (and so toml++).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace seedgen::toml_fields {

// A value being read: where it came from and its dotted key, e.g. "waste.ebs_gp2" or "regions[2].code".
struct Field {
  std::string file;
  std::string key;
  const toml::node& node;
};

inline constexpr int64_t kNoLimit = std::numeric_limits<int64_t>::max();

// parse_file: the parsed document. A missing file is "<file>: cannot open file"; a syntax error is
// "<file>:<line>:<column>: <toml++ description>".
toml::table parse_file(const std::string& file);

// location: "<file>:<line>" of a parsed region.
std::string location(const std::string& file, const toml::source_region& region);

// fail: throws "<file>:<line>: key '<key>' <problem>".
[[noreturn]] void fail(const Field& field, std::string_view problem);

// fail_unknown_key: throws "<file>:<line>: unknown key '<dotted>'" plus a hint: " (did you mean
// 'accounts'?)" when `known` holds a close spelling, else the known names when they are few.
[[noreturn]] void fail_unknown_key(const std::string& file, const toml::source_region& where,
                                   const std::string& dotted_key, const std::vector<std::string_view>& known);

// read_integer: an integer in [min, max]; a float or string is refused.
int64_t read_integer(const Field& field, int64_t min, int64_t max = kNoLimit);

// read_number: an integer or float in [min, max]; NaN and infinities are refused.
double read_number(const Field& field, double min, double max);

// read_positive_number: an integer or float > 0.
double read_positive_number(const Field& field);

bool read_bool(const Field& field);
std::string read_string(const Field& field);          // non-empty
const toml::table& read_table(const Field& field);
const toml::array& read_array(const Field& field);

}  // namespace seedgen::toml_fields
