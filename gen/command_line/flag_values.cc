#include "command_line/flag_values.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/error.h"

namespace seedgen {
namespace {

[[noreturn]] void refuse(const std::string& name, const std::string& wanted, const std::string& text) {
  throw Error(ErrorKind::kUsage, fmt::format("--{} must be {} (got '{}')", name, wanted, printable(text)));
}

// is_plain_number: digits with at most one '.', an optional leading minus and an optional exponent; no
// spaces, no "inf", "nan" or hex, which strtod would otherwise accept.
bool is_plain_number(const std::string& text) {
  if (text.empty()) return false;
  size_t at = text[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; at < text.size() && text[at] != 'e' && text[at] != 'E'; ++at) {
    if (text[at] == '.' && !dot) dot = true;
    else if (text[at] >= '0' && text[at] <= '9') digits = true;
    else return false;
  }
  if (!digits) return false;
  if (at == text.size()) return true;
  ++at;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
  if (at == text.size()) return false;
  for (; at < text.size(); ++at) {
    if (text[at] < '0' || text[at] > '9') return false;
  }
  return true;
}

}  // namespace

std::string printable(const std::string& text) {
  std::string out;
  for (const char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte < 0x20 || byte == 0x7f) out += fmt::format("\\x{:02x}", byte);
    else out += character;
  }
  return out;
}

std::optional<std::string> text_flag(const cxxopts::ParseResult& arguments, const std::string& name) {
  if (arguments.count(name) == 0) return std::nullopt;
  return arguments[name].as<std::string>();
}

std::optional<int32_t> date_flag(const cxxopts::ParseResult& arguments, const std::string& name) {
  const auto text = text_flag(arguments, name);
  if (!text) return std::nullopt;
  const auto day = parse_iso_date(*text);
  if (!day) throw Error(ErrorKind::kUsage, "--" + name + " must be a date YYYY-MM-DD (got '" + printable(*text) + "')");
  return day;
}

int64_t parse_integer_flag(const std::string& name, const std::string& text, int64_t minimum, int64_t maximum) {
  const std::string wanted = fmt::format("a whole number from {} to {}", minimum, maximum);
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || end != text.data() + text.size()) refuse(name, wanted, text);
  if (error == std::errc::result_out_of_range || value < minimum || value > maximum) refuse(name, wanted, text);
  if (error != std::errc()) refuse(name, wanted, text);
  return value;
}

double parse_number_flag(const std::string& name, const std::string& text, double above, double maximum) {
  const std::string wanted = fmt::format("a number greater than {} and at most {}", above, maximum);
  if (!is_plain_number(text)) refuse(name, wanted, text);
  const double value = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(value) || !(value > above) || value > maximum) refuse(name, wanted, text);
  return value;
}

std::optional<int64_t> integer_flag(const cxxopts::ParseResult& arguments, const std::string& name, int64_t minimum,
                                    int64_t maximum) {
  const auto text = text_flag(arguments, name);
  if (!text) return std::nullopt;
  return parse_integer_flag(name, *text, minimum, maximum);
}

std::optional<double> number_flag(const cxxopts::ParseResult& arguments, const std::string& name, double above,
                                  double maximum) {
  const auto text = text_flag(arguments, name);
  if (!text) return std::nullopt;
  return parse_number_flag(name, *text, above, maximum);
}

}  // namespace seedgen
