// candidate_indexes.cc: a small reader of PostgreSQL's deparsed conditions, and the candidate rules.
#include "bench/advisor/candidate_indexes.h"

#include <algorithm>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace seedgen::bench {
namespace {

using nlohmann::json;

constexpr const char* kConditionKeys[] = {"Filter", "Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond",
                                          "Join Filter"};

// Scanner: walks condition text at parenthesis depth 0, skipping quoted literals and identifiers.
bool at_top(std::string_view text, size_t at, int& depth, char& quote) {
  const char c = text[at];
  if (quote != 0) {
    if (c == quote) quote = 0;
    return false;
  }
  if (c == '\'' || c == '"') { quote = c; return false; }
  if (c == '(') { ++depth; return false; }
  if (c == ')') { --depth; return false; }
  return depth == 0;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// strip_parens: removes parentheses that enclose the whole of `text`.
std::string_view strip_parens(std::string_view text) {
  for (text = trim(text); text.size() >= 2 && text.front() == '(' && text.back() == ')';) {
    int depth = 0;
    char quote = 0;
    bool encloses = true;
    for (size_t at = 0; at + 1 < text.size(); ++at) {
      at_top(text, at, depth, quote);
      if (depth == 0) { encloses = false; break; }
    }
    if (!encloses) break;
    text = trim(text.substr(1, text.size() - 2));
  }
  return text;
}

struct Comparison {
  std::string left, op, right;
};

// top_comparison: the first comparison operator at depth 0, if any.
bool top_comparison(std::string_view text, Comparison& out) {
  static constexpr std::string_view kOperators[] = {" <= ", " >= ", " <> ", " = ", " < ", " > "};
  int depth = 0;
  char quote = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if (!at_top(text, at, depth, quote) || text[at] != ' ') continue;
    for (std::string_view op : kOperators) {
      if (text.substr(at, op.size()) != op) continue;
      out = Comparison{std::string(text.substr(0, at)), std::string(trim(op)), std::string(text.substr(at + op.size()))};
      return true;
    }
  }
  return false;
}

// column_of: "alias.column" when `side` is a plain (possibly cast) column reference.
bool column_of(std::string_view side, std::string& alias, std::string& column) {
  static const std::regex plain(R"re(^\(?"?([A-Za-z_][A-Za-z0-9_$]*)"?\."?([A-Za-z_][A-Za-z0-9_$]*)"?\)?(::[a-z ]+(\[\])?)*$)re");
  std::cmatch match;
  const std::string text(strip_parens(side));
  if (!std::regex_match(text.c_str(), match, plain)) return false;
  alias = match[1];
  column = match[2];
  return true;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

void walk(const json& node, std::map<std::string, std::string>& tables, std::vector<std::string>& conditions) {
  if (node.contains("Relation Name") && node.contains("Alias")) {
    tables[node["Alias"].get<std::string>()] = node.value("Schema", "public") + "." + node["Relation Name"].get<std::string>();
  }
  for (const char* key : kConditionKeys) {
    if (node.contains(key)) conditions.push_back(node[key].get<std::string>());
  }
  if (node.contains("Plans")) for (const auto& child : node["Plans"]) walk(child, tables, conditions);
}

void record(const Comparison& comparison, const std::map<std::string, std::string>& tables,
            std::map<std::string, ColumnUse>& uses) {
  const bool equality = comparison.op == "=";
  const bool range = comparison.op == "<" || comparison.op == "<=" || comparison.op == ">" || comparison.op == ">=";
  if (!equality && !range) return;
  std::string aliases[2], columns[2];
  const bool is_column[2] = {column_of(comparison.left, aliases[0], columns[0]),
                             column_of(comparison.right, aliases[1], columns[1])};
  const bool join = is_column[0] && is_column[1];
  for (int side = 0; side < 2; ++side) {
    const auto table = tables.find(aliases[side]);
    if (!is_column[side] || table == tables.end()) continue;
    ColumnUse& use = uses[table->second];
    add_unique(join ? (equality ? use.join : use.range) : (equality ? use.equality : use.range), columns[side]);
  }
}

bool already_indexed(const std::string& table, const std::vector<std::string>& columns, const std::vector<IndexFacts>& existing) {
  const std::string relname = table.substr(table.find('.') + 1);
  return std::any_of(existing.begin(), existing.end(), [&](const IndexFacts& index) {
    return index.table == relname && index.predicate.empty() && index.columns.size() >= columns.size() &&
           std::equal(columns.begin(), columns.end(), index.columns.begin());
  });
}

std::vector<std::vector<std::string>> shapes(const ColumnUse& use) {
  std::vector<std::vector<std::string>> out;
  if (!use.equality.empty()) out.push_back(use.equality);
  for (const auto& range : use.range) {
    if (use.equality.empty() || std::find(use.equality.begin(), use.equality.end(), range) != use.equality.end()) continue;
    auto columns = use.equality;
    columns.push_back(range);
    out.push_back(columns);
  }
  if (use.equality.size() > 1) for (const auto& column : use.equality) out.push_back({column});
  if (use.equality.empty()) for (const auto& column : use.range) out.push_back({column});
  for (const auto& column : use.join) out.push_back({column});
  return out;
}

}  // namespace

std::vector<std::string> split_conjuncts(std::string_view condition) {
  std::vector<std::string> terms;
  const std::string_view text = strip_parens(condition);
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if (!at_top(text, at, depth, quote) || text.substr(at, 5) != " AND ") continue;
    terms.emplace_back(strip_parens(text.substr(start, at - start)));
    start = at + 5;
    at += 4;
  }
  terms.emplace_back(strip_parens(text.substr(start)));
  return terms;
}

std::map<std::string, ColumnUse> column_uses(std::string_view plan_json) {
  json document;
  try {
    document = json::parse(plan_json);
  } catch (const json::exception& error) {
    throw Error(ErrorKind::kTarget, std::string("EXPLAIN returned text that is not JSON: ") + error.what());
  }
  const json& top = document.is_array() && !document.empty() ? document[0] : document;
  if (!top.is_object() || !top.contains("Plan")) throw Error(ErrorKind::kTarget, "EXPLAIN returned no plan");
  std::map<std::string, std::string> tables;
  std::vector<std::string> conditions;
  walk(top["Plan"], tables, conditions);
  std::map<std::string, ColumnUse> uses;
  for (const auto& condition : conditions) {
    for (const auto& term : split_conjuncts(condition)) {
      Comparison comparison;
      if (top_comparison(term, comparison)) record(comparison, tables, uses);
    }
  }
  return uses;
}

std::vector<IndexCandidate> propose_candidates(const std::map<std::string, ColumnUse>& uses,
                                               const std::vector<IndexFacts>& existing,
                                               const std::map<std::string, int64_t>& table_rows,
                                               int64_t min_table_rows, size_t limit) {
  std::vector<IndexCandidate> candidates;
  for (const auto& [table_key, use] : uses) {
    const std::string& table = table_key;   // clang 14 cannot capture a structured binding in a lambda
    const auto rows = table_rows.find(table.substr(table.find('.') + 1));
    if (rows == table_rows.end() || rows->second < min_table_rows) continue;
    for (const auto& columns : shapes(use)) {
      if (candidates.size() >= limit) return candidates;
      if (already_indexed(table, columns, existing)) continue;
      if (std::any_of(candidates.begin(), candidates.end(),
                      [&](const IndexCandidate& c) { return c.table == table && c.columns == columns; })) continue;
      candidates.push_back({table, columns, fmt::format("CREATE INDEX ON {} USING btree ({})", table, fmt::join(columns, ", "))});
    }
  }
  return candidates;
}

}  // namespace seedgen::bench
