// query_catalog.h: the agent questions of sql/queries/, turned into prepared-statement form.
// Each file is written for psql (`:'account_id'`, `:'as_of'`, threshold variables with `\set` defaults);
// parse_query_file rewrites it into one statement with $1..$n and records what each parameter is bound
// to, so seedbench issues exactly the SQL psql would run, as an agent's driver would.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seedgen::bench {

// QueryParameter: $position is bound to the account's id ("account_id"), the dataset's as_of ("as_of")
// or a threshold's default (then default_value holds the literal from the file's \set line).
struct QueryParameter {
  std::string name;
  std::string default_value;
};

struct CatalogQuery {
  std::string name;        // the file's stem, e.g. "ec2_idle"
  std::string question;    // the header's first line, without the "name:" prefix
  std::string sql;         // one statement, parameters as $1..$n, no trailing semicolon
  std::vector<QueryParameter> parameters;   // parameters[i] is $(i+1)
  bool account_scoped = false;              // takes an account_id; otherwise a global question
};

// parse_query_file: the prepared form of one file's text. Throws Error(kUsage) naming the query when a
// variable has no default or the file uses psql features beyond the catalog's conventions.
CatalogQuery parse_query_file(std::string_view name, std::string_view text);

// load_query_catalog: every *.sql in `directory` whose stem matches one of `selectors` (fnmatch globs;
// empty selects all), sorted by name. Throws Error(kUsage) for a selector that matches nothing, naming
// the known queries, and Error(kIo) when the directory cannot be read.
std::vector<CatalogQuery> load_query_catalog(const std::string& directory,
                                             const std::vector<std::string>& selectors);

// bind_parameters: the text values of $1..$n for one run: the account's id, the dataset's as_of, then
// each threshold's default.
std::vector<std::string> bind_parameters(const CatalogQuery& query, const std::string& account_id,
                                         const std::string& as_of);

}  // namespace seedgen::bench
