// query_catalog.cc: rewrites psql-variable SQL into $n parameters and selects files by glob.
#include "bench/catalog/query_catalog.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"

namespace seedgen::bench {
namespace {

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_subject(std::string_view name) {
  return std::find(kSubjectParameters.begin(), kSubjectParameters.end(), name) != kSubjectParameters.end();
}

// select_branches: the file with its multi-line psql conditionals resolved as psql would with `-v NAME=...`
// for each of `variables`: a line `\if :{?NAME}` alone opens a block whose lines are kept when NAME is one of
// them, `\else` alone turns to the other branch and `\endif` alone closes it (sql/queries uses
// `\if :{?citus}` for the joins only the citus layout can make). The one-line defaults stay for read_defaults.
std::string select_branches(std::string_view name, std::string_view text, const std::set<std::string>& variables) {
  static const std::regex opening(R"(\\if :\{\?([A-Za-z_][A-Za-z0-9_]*)\}\s*)");
  std::string kept;
  std::vector<bool> branches;   // per open block: whether its current branch is kept
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_match(line, match, opening)) {
      branches.push_back(variables.count(match[1]) != 0);
    } else if (line == "\\else" || line == "\\endif") {
      if (branches.empty()) throw Error(ErrorKind::kUsage, fmt::format("query {}: {} without \\if", name, line));
      if (line == "\\else") branches.back() = !branches.back();
      else branches.pop_back();
    } else if (std::all_of(branches.begin(), branches.end(), [](bool kept_branch) { return kept_branch; })) {
      kept += line + "\n";
    }
  }
  if (!branches.empty()) throw Error(ErrorKind::kUsage, fmt::format("query {}: an \\if without \\endif", name));
  return kept;
}

// Defaults: the `\set name value` commands of the file's meta-command lines.
std::map<std::string, std::string> read_defaults(std::string_view name, std::string_view text) {
  static const std::regex set_command(R"(\\set\s+([A-Za-z_][A-Za-z0-9_]*)\s+([-+]?[0-9]+(\.[0-9]+)?)\b)");
  std::map<std::string, std::string> defaults;
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() != '\\') continue;
    std::smatch match;
    if (line.rfind("\\if :{?", 0) != 0 || !std::regex_search(line, match, set_command)) {
      throw Error(ErrorKind::kUsage, fmt::format("query {}: unsupported psql command: {}", name, line));
    }
    defaults[match[1]] = match[2];
  }
  return defaults;
}

// The first header line, e.g. "-- ec2_idle: Which ...?" gives "Which ...?".
std::string read_question(std::string_view name, std::string_view text) {
  const std::string prefix = fmt::format("-- {}:", name);
  if (text.substr(0, prefix.size()) != prefix) return "";
  const auto end = text.find('\n');
  std::string question(text.substr(prefix.size(), end == std::string_view::npos ? text.npos : end - prefix.size()));
  question.erase(0, question.find_first_not_of(' '));
  return question;
}

// Rewriter: one pass over the SQL that drops comments, copies quoted text verbatim, keeps `::` casts and
// replaces each psql variable with its parameter's position.
class Rewriter {
 public:
  Rewriter(std::string_view name, const std::map<std::string, std::string>& defaults)
      : name_(name), defaults_(defaults) {}

  CatalogQuery rewrite(std::string_view text) {
    // account_id and as_of come first whenever they are used, so every catalog query binds alike.
    for (const char* fixed : {"account_id", "as_of"}) {
      if (text.find(fmt::format(":'{}'", fixed)) != text.npos) position_of(fixed);
    }
    std::string sql;
    for (size_t at = 0; at < text.size();) at = copy_token(text, at, sql);
    trim_statement(sql);
    CatalogQuery query;
    query.name = std::string(name_);
    query.sql = std::move(sql);
    query.parameters = std::move(parameters_);
    query.account_scoped = std::any_of(query.parameters.begin(), query.parameters.end(), [](const QueryParameter& p) {
      return p.name == "account_id" || is_subject(p.name);
    });
    return query;
  }

 private:
  size_t copy_token(std::string_view text, size_t at, std::string& out) {
    const char c = text[at];
    if (c == '\\' && (at == 0 || text[at - 1] == '\n')) return skip_line(text, at);   // meta-command
    if (c == '-' && text.substr(at, 2) == "--") return skip_until(text, at, "\n");
    if (c == '/' && text.substr(at, 2) == "/*") return skip_until(text, at, "*/");
    if (c == '\'' || c == '"') return copy_quoted(text, at, c, out);
    if (c != ':') { out += c; return at + 1; }
    if (text.substr(at, 2) == "::") { out += "::"; return at + 2; }
    return replace_variable(text, at, out);
  }

  static size_t skip_line(std::string_view text, size_t at) {
    const auto end = text.find('\n', at);
    return end == text.npos ? text.size() : end + 1;
  }

  // skip_until: drops a comment; a line comment keeps its newline.
  static size_t skip_until(std::string_view text, size_t at, std::string_view terminator) {
    const auto end = text.find(terminator, at + 2);
    if (end == text.npos) return text.size();
    return terminator == "\n" ? end : end + terminator.size();
  }

  static size_t copy_quoted(std::string_view text, size_t at, char quote, std::string& out) {
    size_t end = at + 1;
    while (end < text.size()) {
      if (text[end] == quote && (end + 1 >= text.size() || text[end + 1] != quote)) break;
      end += text[end] == quote ? 2 : 1;   // a doubled quote is an escaped one
    }
    end = std::min(end + 1, text.size());
    out.append(text.substr(at, end - at));
    return end;
  }

  size_t replace_variable(std::string_view text, size_t at, std::string& out) {
    const bool quoted = text.substr(at, 2) == ":'";
    const size_t start = at + (quoted ? 2 : 1);
    size_t end = start;
    while (end < text.size() && is_identifier_char(text[end])) ++end;
    if (end == start) { out += ':'; return at + 1; }   // a lone colon, e.g. inside an array slice
    const std::string variable(text.substr(start, end - start));
    if (quoted) {
      if (end >= text.size() || text[end] != '\'') fail(fmt::format("unterminated :'{}", variable));
      out += fmt::format("${}", position_of(variable));
      return end + 1;
    }
    const auto found = defaults_.find(variable);
    if (found == defaults_.end()) fail(fmt::format(":{} has no \\set default", variable));
    // A typed parameter behaves as psql's inlined literal would: `date - $n::int` stays date arithmetic.
    const bool integral = found->second.find('.') == std::string::npos;
    out += fmt::format("${}::{}", position_of(variable, found->second), integral ? "int" : "numeric");
    return end;
  }

  size_t position_of(const std::string& variable, const std::string& default_value = "") {
    for (size_t index = 0; index < parameters_.size(); ++index) {
      if (parameters_[index].name == variable) return index + 1;
    }
    if (variable != "account_id" && variable != "as_of" && !is_subject(variable) && default_value.empty()) {
      fail(fmt::format(":'{}' is neither account_id, as_of nor a subject ({})", variable,
                       fmt::join(kSubjectParameters, ", ")));
    }
    parameters_.push_back({variable, default_value});
    return parameters_.size();
  }

  static void trim_statement(std::string& sql) {
    while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';')) sql.pop_back();
    sql.erase(0, sql.find_first_not_of(" \t\r\n"));
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(ErrorKind::kUsage, fmt::format("query {}: {}", name_, what));
  }

  std::string_view name_;
  const std::map<std::string, std::string>& defaults_;
  std::vector<QueryParameter> parameters_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kIo, fmt::format("cannot read {}", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char* kAdhocFolder = "adhoc";
constexpr const char* kAdhocPrefix = "adhoc/";

struct QueryFile {
  std::string name;   // the stem, prefixed for the ad-hoc folder
  std::filesystem::path path;
};

// list_sql_files: the *.sql files of `directory`, sorted; a missing directory is an error only if `required`.
std::vector<QueryFile> list_sql_files(const std::string& directory, const std::string& prefix, bool required) {
  std::error_code error;
  std::vector<QueryFile> files;
  if (!required && !std::filesystem::is_directory(directory, error)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".sql") files.push_back({prefix + entry.path().stem().string(), entry.path()});
  }
  if (error) throw Error(ErrorKind::kIo, fmt::format("cannot read the query catalog {}: {}", directory, error.message()));
  std::sort(files.begin(), files.end(), [](const QueryFile& a, const QueryFile& b) { return a.name < b.name; });
  return files;
}

bool matches(const std::string& name, const std::vector<std::string>& selectors) {
  if (selectors.empty()) return true;
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& glob) { return fnmatch(glob.c_str(), name.c_str(), 0) == 0; });
}

}  // namespace

CatalogQuery parse_query_file(std::string_view name, std::string_view file_text,
                              const std::set<std::string>& variables) {
  const std::string text = select_branches(name, file_text, variables);
  const auto defaults = read_defaults(name, text);
  CatalogQuery query = Rewriter(name, defaults).rewrite(text);
  query.question = read_question(name.substr(name.rfind('/') + 1), text);
  if (query.sql.empty()) throw Error(ErrorKind::kUsage, fmt::format("query {}: the file has no statement", name));
  return query;
}

std::vector<std::string> bind_parameters(const CatalogQuery& query, const std::string& account_id,
                                         const std::string& as_of, const std::map<std::string, std::string>& subjects) {
  std::vector<std::string> values;
  for (const auto& parameter : query.parameters) {
    if (parameter.name == "account_id") {
      values.push_back(account_id);
    } else if (parameter.name == "as_of") {
      values.push_back(as_of);
    } else if (is_subject(parameter.name)) {
      const auto found = subjects.find(parameter.name);
      values.push_back(found == subjects.end() ? "" : found->second);
    } else {
      values.push_back(parameter.default_value);
    }
  }
  return values;
}

std::vector<CatalogQuery> load_query_catalog(const std::string& directory, const std::vector<std::string>& selectors,
                                             const std::set<std::string>& variables) {
  std::vector<QueryFile> files = list_sql_files(directory, "", true);
  const auto adhoc = list_sql_files((std::filesystem::path(directory) / kAdhocFolder).string(), kAdhocPrefix, false);
  files.insert(files.end(), adhoc.begin(), adhoc.end());
  std::vector<std::string> known;
  for (const auto& file : files) known.push_back(file.name);
  for (const auto& selector : selectors) {
    if (std::none_of(known.begin(), known.end(), [&](const std::string& name) { return matches(name, {selector}); })) {
      throw Error(ErrorKind::kUsage, fmt::format("unknown query '{}' (known: {})", selector, fmt::join(known, ", ")));
    }
  }
  std::vector<CatalogQuery> catalog;
  for (const auto& file : files) {
    if (!matches(file.name, selectors)) continue;
    catalog.push_back(parse_query_file(file.name, read_file(file.path), variables));
    catalog.back().adhoc = file.name.rfind(kAdhocPrefix, 0) == 0;
  }
  return catalog;
}

}  // namespace seedgen::bench
