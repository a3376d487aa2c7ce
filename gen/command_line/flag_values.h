// flag_values.h: typed values of command-line flags. cxxopts reads every value as text; these parse it
// so that a bad value is refused with a message naming the flag, the accepted range and what was given
// ("--seed must be a whole number from 0 to 9223372036854775807 (got 'abc')"), never cxxopts' anonymous
// "Argument 'abc' failed to parse". Every failure is Error(kUsage).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <cxxopts.hpp>

namespace seedgen {

// text_flag: the text given to --name, or nullopt when the flag is absent.
std::optional<std::string> text_flag(const cxxopts::ParseResult& arguments, const std::string& name);

// parse_integer_flag: `text` as a whole number in [minimum, maximum] (decimal digits, optional leading
// minus; nothing else).
int64_t parse_integer_flag(const std::string& name, const std::string& text, int64_t minimum, int64_t maximum);

// parse_number_flag: `text` as a finite decimal number greater than `above` (exclusive) and at most
// `maximum`.
double parse_number_flag(const std::string& name, const std::string& text, double above, double maximum);

// integer_flag / number_flag: the same for an optional flag; nullopt when it is absent.
std::optional<int64_t> integer_flag(const cxxopts::ParseResult& arguments, const std::string& name, int64_t minimum,
                                    int64_t maximum);
std::optional<double> number_flag(const cxxopts::ParseResult& arguments, const std::string& name, double above,
                                  double maximum);

// date_flag: the day of --name's "YYYY-MM-DD", nullopt when the flag is absent; Error(kUsage) naming the
// flag for anything but a calendar date.
std::optional<int32_t> date_flag(const cxxopts::ParseResult& arguments, const std::string& name);

// printable: `text` for an error message: control characters and bytes that are not UTF-8 text are
// written as \xNN escapes, so a message stays one line and is never cut at a NUL.
std::string printable(const std::string& text);

}  // namespace seedgen
