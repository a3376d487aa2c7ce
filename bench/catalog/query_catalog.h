// query_catalog.h: the agent questions of sql/queries/ (the catalog) and sql/queries/adhoc/ (questions
// written as agents write them, outside the catalog), turned into prepared-statement form.
// Each file is written for psql (`:'account_id'`, `:'as_of'`, subject variables such as `:'instance_id'`,
// threshold variables with `\set` defaults); parse_query_file rewrites it into one statement with $1..$n
// and records what each parameter is bound to, so seedbench issues exactly the SQL psql would run, as an
// agent's driver would.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace seedgen::bench {

// kSubjectParameters: the text variables a question may take besides account_id and as_of; seedbench binds
// them per account from the fleet (sql/seedbench/account_subjects.sql names the same columns).
inline constexpr std::array<std::string_view, 4> kSubjectParameters{"instance_id", "bucket_name", "tag_key",
                                                                    "tag_value"};

// QueryParameter: $position is bound to the account's id ("account_id"), the dataset's as_of ("as_of"),
// one of the account's subjects (kSubjectParameters) or a threshold's default (then default_value holds
// the literal from the file's \set line).
struct QueryParameter {
  std::string name;
  std::string default_value;
};

struct CatalogQuery {
  std::string name;        // the file's stem, e.g. "ec2_idle"; "adhoc/<stem>" for sql/queries/adhoc/
  std::string question;    // the header's first line, without the "stem:" prefix
  std::string sql;         // one statement, parameters as $1..$n, no trailing semicolon
  std::vector<QueryParameter> parameters;   // parameters[i] is $(i+1)
  bool account_scoped = false;              // takes an account_id or a subject; otherwise a global question
  bool adhoc = false;                       // from sql/queries/adhoc/
};

// parse_query_file: the prepared form of one file's text. Throws Error(kUsage) naming the query when a
// variable has no default or the file uses psql features beyond the catalog's conventions.
// `variables` are the psql variables the file's multi-line `\if :{?NAME}` blocks see as set (psql -v).
CatalogQuery parse_query_file(std::string_view name, std::string_view text, const std::set<std::string>& variables = {});

// load_query_catalog: every *.sql in `directory` and in its adhoc/ folder (named "adhoc/<stem>") whose
// name matches one of `selectors` (fnmatch globs; empty selects all), the catalog's sorted by name, then
// the ad-hoc ones. Throws Error(kUsage) for a selector that matches nothing, naming the known queries, and
// Error(kIo) when the directory cannot be read (a missing adhoc/ folder is not an error).
std::vector<CatalogQuery> load_query_catalog(const std::string& directory, const std::vector<std::string>& selectors,
                                             const std::set<std::string>& variables = {});

// bind_parameters: the text values of $1..$n for one run: the account's id, the dataset's as_of, the
// account's `subjects` (by parameter name; a missing one binds as an empty string, which matches nothing),
// then each threshold's default.
std::vector<std::string> bind_parameters(const CatalogQuery& query, const std::string& account_id,
                                         const std::string& as_of,
                                         const std::map<std::string, std::string>& subjects = {});

}  // namespace seedgen::bench
