#include "score/findings_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace seedgen::score {
namespace {

constexpr std::array<std::string_view, 5> kColumns = {"account_id", "resource_type", "resource_id", "pattern",
                                                      "estimated_monthly_savings"};

[[noreturn]] void refuse(const std::string& source, size_t line, const std::string& reason) {
  throw Error(ErrorKind::kIo, fmt::format("{}:{}: {}", source, line, reason));
}

// split_csv_line: the fields of one CSV line (RFC 4180 quoting), or nullopt when a quote is unbalanced
// or text follows a closing quote.
std::optional<std::vector<std::string>> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  size_t at = 0;
  while (at <= line.size()) {
    std::string& field = fields.back();
    if (at < line.size() && line[at] == '"') {
      for (++at;; ++at) {
        if (at >= line.size()) return std::nullopt;
        if (line[at] != '"') field += line[at];
        else if (at + 1 < line.size() && line[at + 1] == '"') field += line[++at];
        else break;
      }
      ++at;
      if (at < line.size() && line[at] != ',') return std::nullopt;
    } else {
      while (at < line.size() && line[at] != ',') field += line[at++];
    }
    if (at >= line.size()) break;
    fields.emplace_back();
    ++at;   // the comma
  }
  return fields;
}

// checked: `finding` validated, or the reason thrown against its line.
Finding checked(Finding finding, const std::string& source, size_t line) {
  if (auto problem = validate_finding(finding)) refuse(source, line, *problem);
  return finding;
}

Money money_field(std::string_view text, const std::string& source, size_t line) {
  if (text.empty()) return 0;
  const auto money = parse_money(text);
  if (!money) refuse(source, line, fmt::format("estimated_monthly_savings '{}' is not a number", text.substr(0, 40)));
  return *money;
}

// column_positions: where each of kColumns is in the header.
std::array<size_t, 5> column_positions(const std::vector<std::string>& header, const std::string& source) {
  std::array<size_t, 5> positions{};
  for (size_t i = 0; i < kColumns.size(); ++i) {
    const auto found = std::find(header.begin(), header.end(), kColumns[i]);
    if (found == header.end()) {
      refuse(source, 1, fmt::format("the header has no column {} (expected {})", kColumns[i], fmt::join(kColumns, ",")));
    }
    positions[i] = static_cast<size_t>(found - header.begin());
  }
  return positions;
}

// lines: the text's lines without their "\n" or "\r\n", and without a UTF-8 byte order mark.
std::vector<std::string_view> lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> result;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    result.push_back(line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return result;
}

// element_lines: the line on which each element of the top-level JSON array starts (for messages; the
// parse itself is nlohmann's). Tracks strings and nesting only.
std::vector<size_t> element_lines(std::string_view text) {
  std::vector<size_t> starts;
  size_t line = 1;
  int depth = 0;
  bool in_string = false, escaped = false, expecting = false;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c)) != 0) continue;
    if (expecting && c != ']') starts.push_back(line);
    expecting = false;
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') expecting = ++depth == 1;
    else if (c == ']' || c == '}') --depth;
    else if (c == ',') expecting = depth == 1;
  }
  return starts;
}

std::string string_member(const nlohmann::json& element, std::string_view key, const std::string& source,
                          size_t line) {
  const auto found = element.find(std::string(key));
  if (found == element.end() || !found->is_string()) refuse(source, line, fmt::format("{} must be a string", key));
  return found->get<std::string>();
}

Money money_member(const nlohmann::json& element, const std::string& source, size_t line) {
  const auto found = element.find("estimated_monthly_savings");
  if (found == element.end() || found->is_null()) return 0;
  if (found->is_string()) return money_field(found->get<std::string>(), source, line);
  if (!found->is_number()) refuse(source, line, "estimated_monthly_savings must be a number");
  return money_field(found->dump(), source, line);
}

}  // namespace

std::vector<Finding> parse_findings_csv(std::string_view text, const std::string& source) {
  const auto all = lines(text);
  if (all.empty()) refuse(source, 1, "empty file: expected a header line");
  const auto header = split_csv_line(all[0]);
  if (!header) refuse(source, 1, "unbalanced quotes in the header");
  const auto at = column_positions(*header, source);
  std::vector<Finding> findings;
  for (size_t index = 1; index < all.size(); ++index) {
    const size_t line = index + 1;
    if (all[index].find_first_not_of(" \t") == std::string_view::npos) continue;
    const auto fields = split_csv_line(all[index]);
    if (!fields) refuse(source, line, "unbalanced quotes (a field may not span lines)");
    if (fields->size() != header->size()) {
      refuse(source, line, fmt::format("{} fields where the header has {}", fields->size(), header->size()));
    }
    const auto& f = *fields;
    findings.push_back(checked({f[at[0]], f[at[1]], f[at[2]], f[at[3]], money_field(f[at[4]], source, line)},
                               source, line));
  }
  return findings;
}

std::vector<Finding> parse_findings_json(std::string_view text, const std::string& source) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    const size_t line = static_cast<size_t>(std::count(text.begin(), text.begin() + std::min(error.byte, text.size()), '\n')) + 1;
    refuse(source, line, "not valid JSON");
  }
  if (!document.is_array()) refuse(source, 1, "expected a JSON array of findings");
  const auto starts = element_lines(text);
  std::vector<Finding> findings;
  for (size_t index = 0; index < document.size(); ++index) {
    const size_t line = index < starts.size() ? starts[index] : 1;
    const auto& element = document[index];
    if (!element.is_object()) refuse(source, line, fmt::format("element {} is not an object", index + 1));
    findings.push_back(checked({string_member(element, kColumns[0], source, line),
                                string_member(element, kColumns[1], source, line),
                                string_member(element, kColumns[2], source, line),
                                string_member(element, kColumns[3], source, line), money_member(element, source, line)},
                               source, line));
  }
  return findings;
}

std::vector<Finding> parse_findings_file(std::string_view text, const std::string& path) {
  std::string extension = path.substr(std::min(path.rfind('.'), path.size()));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".csv") return parse_findings_csv(text, path);
  if (extension == ".json") return parse_findings_json(text, path);
  throw Error(ErrorKind::kUsage, "--findings must name a .csv or .json file (got '" + path + "')");
}

}  // namespace seedgen::score
