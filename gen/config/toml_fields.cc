#include "config/toml_fields.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.h"

namespace seedgen::toml_fields {
namespace {

// Beyond this many known names an unknown key's message gives no list (the 27 waste ids would be noise).
constexpr size_t kMaxListedNames = 16;

// edit_distance: Levenshtein distance, for "did you mean" hints on short key names.
size_t edit_distance(std::string_view left, std::string_view right) {
  std::vector<size_t> previous(right.size() + 1), current(right.size() + 1);
  for (size_t column = 0; column <= right.size(); ++column) previous[column] = column;
  for (size_t row = 1; row <= left.size(); ++row) {
    current[0] = row;
    for (size_t column = 1; column <= right.size(); ++column) {
      const size_t substitution = previous[column - 1] + (left[row - 1] == right[column - 1] ? 0 : 1);
      current[column] = std::min({previous[column] + 1, current[column - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[right.size()];
}

// closest_name: the known name within two edits of `unknown`, or "" when none is that close.
std::string_view closest_name(std::string_view unknown, const std::vector<std::string_view>& known) {
  std::string_view best;
  size_t best_distance = 3;
  for (std::string_view candidate : known) {
    const size_t distance = edit_distance(unknown, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

toml::table parse_file(const std::string& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    throw Error(ErrorKind::kProfile, file + ": cannot open file");
  }
  try {
    return toml::parse_file(file);
  } catch (const toml::parse_error& parse_error) {
    const auto& begin = parse_error.source().begin;
    throw Error(ErrorKind::kProfile,
                fmt::format("{}:{}:{}: {}", file, begin.line, begin.column, parse_error.description()));
  }
}

std::string location(const std::string& file, const toml::source_region& region) {
  return fmt::format("{}:{}", file, region.begin.line);
}

void fail(const Field& field, std::string_view problem) {
  throw Error(ErrorKind::kProfile,
              fmt::format("{}: key '{}' {}", location(field.file, field.node.source()), field.key, problem));
}

void fail_unknown_key(const std::string& file, const toml::source_region& where, const std::string& dotted_key,
                      const std::vector<std::string_view>& known) {
  const size_t dot = dotted_key.rfind('.');
  const std::string_view leaf = std::string_view(dotted_key).substr(dot == std::string::npos ? 0 : dot + 1);
  const std::string_view suggestion = closest_name(leaf, known);
  std::string hint;
  if (!suggestion.empty()) {
    hint = fmt::format(" (did you mean '{}'?)", suggestion);
  } else if (known.size() <= kMaxListedNames) {
    hint = fmt::format(" (expected one of: {})", fmt::join(known, ", "));
  }
  throw Error(ErrorKind::kProfile, fmt::format("{}: unknown key '{}'{}", location(file, where), dotted_key, hint));
}

int64_t read_integer(const Field& field, int64_t min, int64_t max) {
  if (!field.node.is_integer()) fail(field, "must be an integer");
  const int64_t value = field.node.as_integer()->get();
  if (value < min || value > max) {
    fail(field, max == kNoLimit ? fmt::format("must be at least {} (got {})", min, value)
                                : fmt::format("must be between {} and {} (got {})", min, max, value));
  }
  return value;
}

double read_number(const Field& field, double min, double max) {
  if (!field.node.is_number()) fail(field, "must be a number");
  const double value = *field.node.value<double>();
  if (!std::isfinite(value)) fail(field, "must be a finite number");
  if (value < min || value > max) fail(field, fmt::format("must be between {} and {} (got {})", min, max, value));
  return value;
}

double read_positive_number(const Field& field) {
  if (!field.node.is_number()) fail(field, "must be a number");
  const double value = *field.node.value<double>();
  if (!std::isfinite(value)) fail(field, "must be a finite number");
  if (value <= 0) fail(field, fmt::format("must be greater than 0 (got {})", value));
  return value;
}

bool read_bool(const Field& field) {
  if (!field.node.is_boolean()) fail(field, "must be true or false");
  return field.node.as_boolean()->get();
}

std::string read_string(const Field& field) {
  if (!field.node.is_string()) fail(field, "must be a string");
  std::string value = field.node.as_string()->get();
  if (value.empty()) fail(field, "must not be empty");
  return value;
}

const toml::table& read_table(const Field& field) {
  if (!field.node.is_table()) fail(field, "must be a table");
  return *field.node.as_table();
}

const toml::array& read_array(const Field& field) {
  if (!field.node.is_array()) fail(field, "must be an array");
  return *field.node.as_array();
}

}  // namespace seedgen::toml_fields
