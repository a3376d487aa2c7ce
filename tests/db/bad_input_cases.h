// bad_input_cases.h: the rows of bad_input_test.cc. One row per bad input: a name (letters, digits and
// underscores), the program, its arguments, the exit code it must give, a piece of text its one stderr
// line must contain, and optional environment words. Placeholders in arguments and environment:
//   {db}          the fixture database (a loaded tiny fleet), quoted
//   {tmp}         a folder holding the bad files of write_bad_input_files() below
//   {unreachable} a URL nothing listens on;   {no_such_db} a database the cluster does not have
//   {bad_user}    the fixture's URL with a role that does not exist
// seedgen drift's cases are in drift_test.cc (each needs a database of its own to prove nothing moved).
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/support/temp_folder.h"

namespace seedgen::testing {

struct BadInput {
  const char* name;
  const char* program;      // "seedgen" or "seedbench"
  const char* arguments;
  int exit_code;
  const char* names;        // the stderr line contains this
  const char* environment = "";
};

inline constexpr BadInput kBadInputs[] = {
    // ---------------------------------------------------------------- seedgen: flags (exit 2)
    {"no_arguments", "seedgen", "", 2, "no command given"},
    {"unknown_command", "seedgen", "frobnicate", 2, "unknown command 'frobnicate'"},
    {"unknown_flag", "seedgen", "--profile tiny --bogus", 2, "bogus"},
    {"unknown_flag_alone", "seedgen", "--bogus", 2, "bogus"},
    {"missing_profile", "seedgen", "--seed 3", 2, "--profile is required"},
    {"profile_without_value", "seedgen", "--profile", 2, "profile"},
    {"stray_argument", "seedgen", "--profile tiny --count-only extra", 2, "unexpected argument: extra"},
    {"seed_not_a_number", "seedgen", "--profile tiny --count-only --seed abc", 2, "--seed must be a whole number"},
    {"seed_negative", "seedgen", "--profile tiny --count-only --seed=-1", 2, "--seed must be a whole number"},
    {"seed_2_pow_63", "seedgen", "--profile tiny --count-only --seed 9223372036854775808", 2, "--seed must be a whole number from 0 to 9223372036854775807"},
    {"seed_2_pow_64_minus_1", "seedgen", "--profile tiny --seed 18446744073709551615 --db {db} --reset", 2, "--seed"},
    {"seed_fraction", "seedgen", "--profile tiny --count-only --seed 1.5", 2, "--seed"},
    {"seed_empty", "seedgen", "--profile tiny --count-only --seed ''", 2, "--seed"},
    {"seed_hex", "seedgen", "--profile tiny --count-only --seed 0x10", 2, "--seed"},
    {"accounts_zero", "seedgen", "--profile tiny --count-only --accounts 0", 2, "--accounts"},
    {"accounts_not_a_number", "seedgen", "--profile tiny --count-only --accounts many", 2, "--accounts"},
    {"accounts_too_large_for_int", "seedgen", "--profile tiny --count-only --accounts 2147483648", 2, "--accounts"},
    {"accounts_more_than_resources", "seedgen", "--profile tiny --count-only --accounts 5000", 3, "--accounts"},
    {"scale_zero", "seedgen", "--profile tiny --count-only --scale 0", 2, "--scale"},
    {"scale_negative", "seedgen", "--profile tiny --count-only --scale=-1", 2, "--scale"},
    {"scale_nan", "seedgen", "--profile tiny --count-only --scale nan", 2, "--scale"},
    {"scale_infinite", "seedgen", "--profile tiny --count-only --scale inf", 2, "--scale"},
    {"scale_overflow", "seedgen", "--profile tiny --count-only --scale 1e400", 2, "--scale"},
    {"scale_not_a_number", "seedgen", "--profile tiny --count-only --scale big", 2, "--scale"},
    {"jobs_zero", "seedgen", "--profile tiny --count-only --jobs 0", 2, "--jobs"},
    {"jobs_too_many", "seedgen", "--profile tiny --count-only --jobs 257", 2, "--jobs"},
    {"jobs_not_a_number", "seedgen", "--profile tiny --count-only --jobs x", 2, "--jobs"},
    {"jobs_fraction", "seedgen", "--profile tiny --count-only --jobs 1.5", 2, "--jobs"},
    {"shard_index_too_large", "seedgen", "--profile tiny --count-only --shard 3/3", 2, "--shard"},
    {"shard_without_slash", "seedgen", "--profile tiny --count-only --shard 1", 2, "--shard"},
    {"shard_not_numbers", "seedgen", "--profile tiny --count-only --shard a/b", 2, "--shard"},
    {"shard_negative", "seedgen", "--profile tiny --count-only --shard=-1/2", 2, "--shard"},
    {"shard_of_zero", "seedgen", "--profile tiny --count-only --shard 0/0", 2, "--shard"},
    {"out_and_count_only", "seedgen", "--profile tiny --out {tmp}/out --count-only", 2, "--out and --count-only"},
    {"count_only_and_reset", "seedgen", "--profile tiny --count-only --reset", 2, "--reset"},
    {"out_and_db", "seedgen", "--profile tiny --out {tmp}/out --db {db}", 2, "--db, --reset, --connections"},
    {"out_empty", "seedgen", "--profile tiny --out ''", 2, "--out needs a folder"},
    {"json_empty", "seedgen", "--profile tiny --count-only --json ''", 2, "--json needs"},
    // ---------------------------------------------------------------- seedgen: profiles (exit 3)
    {"unknown_profile", "seedgen", "--profile no_such_profile --count-only", 3, "unknown profile 'no_such_profile'"},
    {"profile_syntax_error", "seedgen", "--profile {tmp}/syntax.toml --count-only", 3, "syntax.toml:2"},
    {"profile_unknown_key", "seedgen", "--profile {tmp}/unknown_key.toml --count-only", 3, "colour"},
    {"profile_rate_out_of_range", "seedgen", "--profile {tmp}/bad_rate.toml --count-only", 3, "ebs_gp2"},
    {"profile_extends_cycle", "seedgen", "--profile {tmp}/cycle_a.toml --count-only", 3, "cycle"},
    {"profile_missing_parent", "seedgen", "--profile {tmp}/orphan.toml --count-only", 3, "no_such_parent"},
    {"profile_unknown_region", "seedgen", "--profile {tmp}/bad_region.toml --count-only", 3, "mars-north-1"},
    {"profile_nul_byte", "seedgen", "--profile {tmp}/nul.toml --count-only", 3, "nul.toml"},
    {"profile_wrong_type", "seedgen", "--profile {tmp}/wrong_type.toml --count-only", 3, "resources"},
    {"profile_impossible_date", "seedgen", "--profile {tmp}/bad_date.toml --count-only", 3, "bad_date.toml"},
    {"profile_negative_seed", "seedgen", "--profile {tmp}/negative_seed.toml --count-only", 3, "seed"},
    {"profile_zero_resources", "seedgen", "--profile {tmp}/zero_resources.toml --count-only", 3, "resources"},
    {"profile_is_a_device", "seedgen", "--profile /dev/zero --count-only", 3, "/dev/zero"},
    {"profile_is_a_folder", "seedgen", "--profile {tmp}/ --count-only", 3, "cannot open"},
    {"profiles_dir_empty", "seedgen", "--profile tiny --count-only", 3, "unknown profile 'tiny'",
     "SEEDGEN_PROFILES_DIR={tmp}/empty"},
    // ---------------------------------------------------------------- seedgen: database and files
    {"unreachable_server", "seedgen", "--profile tiny --db {unreachable}", 4, "cannot connect"},
    {"no_such_socket", "seedgen", "--profile tiny --db 'host=/nonexistent dbname=x connect_timeout=3'", 4, "cannot connect"},
    {"no_such_role", "seedgen", "--profile tiny --db {bad_user}", 4, "no_such_role"},
    {"no_such_database", "seedgen", "--profile tiny --db {no_such_db}", 4, "seedgen_no_such_database"},
    {"malformed_url", "seedgen", "--profile tiny --db 'postgresql://%zz@localhost/x'", 4, "cannot connect"},
    {"unknown_conninfo_keyword", "seedgen", "--profile tiny --db 'bogus_keyword=1'", 4, "bogus_keyword"},
    {"target_not_empty", "seedgen", "--profile tiny --db {db}", 5, "not empty"},
    {"target_not_empty_largest_seed", "seedgen", "--profile tiny --seed 9223372036854775807 --db {db}", 5, "not empty"},
    {"out_unwritable", "seedgen", "--profile tiny --out /proc/seedgen-cannot-write-here", 8, "/proc/seedgen-cannot-write-here"},
    {"json_unwritable", "seedgen", "--profile tiny --count-only --quiet --json /proc/nope/report.json", 8, "/proc/nope/report.json"},
    {"home_without_data", "seedgen", "--profile tiny --count-only", 8, "SEEDGEN_HOME", "SEEDGEN_HOME={tmp}/empty"},
    // ---------------------------------------------------------------- seedgen migrate and profiles
    {"migrate_unknown_flag", "seedgen", "migrate --bogus", 2, "bogus"},
    {"migrate_stray_argument", "seedgen", "migrate now", 2, "unexpected argument: now"},
    {"migrate_folder_missing", "seedgen", "migrate --migrations /nonexistent/migrations --db {db}", 8, "/nonexistent/migrations"},
    {"migrate_bad_file_name", "seedgen", "migrate --migrations {tmp}/badly_named --db {db}", 5, "create_things.sql"},
    {"migrate_duplicate_version", "seedgen", "migrate --migrations {tmp}/duplicated --db {db}", 5, "share version 1"},
    {"migrate_nul_byte", "seedgen", "migrate --migrations {tmp}/with_nul --db {db}", 6, "NUL byte"},
    {"migrate_changed_file", "seedgen", "migrate --migrations {tmp}/changed --db {db}", 5, "has changed since it was applied"},
    {"migrate_missing_applied_file", "seedgen", "migrate --migrations {tmp}/missing_applied --db {db}", 5, "is missing from the migrations folder"},
    {"migrate_status_changed_file", "seedgen", "migrate --status --migrations {tmp}/changed --db {db}", 5, "has changed"},
    {"migrate_unreachable", "seedgen", "migrate --db {unreachable}", 4, "cannot connect"},
    {"migrate_status_unreachable", "seedgen", "migrate --status --db {unreachable}", 4, "cannot connect"},
    {"migrate_no_such_role", "seedgen", "migrate --db {bad_user}", 4, "no_such_role"},
    {"migrate_home_without_data", "seedgen", "migrate --db {db}", 8, "SEEDGEN_HOME", "SEEDGEN_HOME={tmp}/empty"},
    {"profiles_stray_argument", "seedgen", "profiles tiny", 2, "unexpected argument: tiny"},
    {"profiles_unknown_flag", "seedgen", "profiles --bogus", 2, "bogus"},
    // ---------------------------------------------------------------- seedgen act
    {"act_unknown_flag", "seedgen", "act --bogus", 2, "bogus"},
    {"act_stray_argument", "seedgen", "act now --db {db}", 2, "unexpected argument: now"},
    {"act_json_empty", "seedgen", "act --json '' --db {db}", 2, "--json needs a file name"},
    {"act_lock_timeout_bad", "seedgen", "act --lock-timeout soon --db {db}", 2, "--lock-timeout"},
    {"act_json_unwritable", "seedgen", "act --json /proc/act.json --db {db}", 8, "/proc/act.json"},
    {"act_unreachable", "seedgen", "act --db {unreachable}", 4, "cannot connect"},
    // ---------------------------------------------------------------- seedgen score
    {"score_unknown_flag", "seedgen", "score --bogus", 2, "bogus"},
    {"score_findings_empty", "seedgen", "score --findings '' --db {db}", 2, "--findings needs"},
    {"score_findings_not_csv_or_json", "seedgen", "score --findings {tmp}/findings.txt --db {db}", 2, "--findings must name a .csv or .json"},
    {"score_min_f1_zero", "seedgen", "score --min-f1 0 --findings {tmp}/good.csv --db {db}", 2, "--min-f1"},
    {"score_min_f1_above_one", "seedgen", "score --min-f1 1.5 --findings {tmp}/good.csv --db {db}", 2, "--min-f1"},
    {"score_min_f1_not_a_number", "seedgen", "score --min-f1 high --findings {tmp}/good.csv --db {db}", 2, "--min-f1"},
    {"score_json_and_markdown_on_stdout", "seedgen", "score --json - --markdown - --findings {tmp}/good.csv", 2, "standard output"},
    {"score_unreachable", "seedgen", "score --findings {tmp}/good.csv --db {unreachable}", 4, "cannot connect"},
    {"score_findings_missing", "seedgen", "score --findings {tmp}/no_such.csv --db {db}", 8, "cannot read"},
    {"score_findings_folder", "seedgen", "score --findings {tmp}/folder.csv --db {db}", 8, "folder.csv"},
    {"score_csv_no_header_column", "seedgen", "score --findings {tmp}/no_pattern_column.csv --db {db}", 8, "no_pattern_column.csv:1: the header has no column pattern"},
    {"score_csv_short_line", "seedgen", "score --findings {tmp}/short_line.csv --db {db}", 8, "short_line.csv:3: 3 fields"},
    {"score_csv_unknown_pattern", "seedgen", "score --findings {tmp}/unknown_pattern.csv --db {db}", 8, "unknown_pattern.csv:2: unknown pattern 'ec2_idel'"},
    {"score_csv_bad_uuid", "seedgen", "score --findings {tmp}/bad_uuid.csv --db {db}", 8, "bad_uuid.csv:2: account_id"},
    {"score_csv_unknown_resource_type", "seedgen", "score --findings {tmp}/bad_type.csv --db {db}", 8, "bad_type.csv:2: unknown resource_type 'vm'"},
    {"score_json_invalid", "seedgen", "score --findings {tmp}/invalid.json --db {db}", 8, "invalid.json:3: not valid JSON"},
    {"score_json_unknown_pattern", "seedgen", "score --findings {tmp}/unknown_pattern.json --db {db}", 8, "unknown_pattern.json:2: unknown pattern"},
    {"score_json_unwritable", "seedgen", "score --findings {tmp}/good.csv --json /proc/nope/score.json --db {db}", 8, "/proc/nope/score.json"},
    // ---------------------------------------------------------------- seedbench
    {"bench_unknown_flag", "seedbench", "--bogus", 2, "bogus"},
    {"bench_stray_argument", "seedbench", "extra --db {db}", 2, "unexpected argument: extra"},
    {"bench_target_zero", "seedbench", "--target-ms 0", 2, "--target-ms must be a number greater than 0"},
    {"bench_target_negative", "seedbench", "--target-ms=-5", 2, "--target-ms"},
    {"bench_target_not_a_number", "seedbench", "--target-ms fast", 2, "--target-ms"},
    {"bench_budget_zero", "seedbench", "--budget-ms 0", 2, "--budget-ms"},
    {"bench_budget_not_a_number", "seedbench", "--budget-ms x", 2, "--budget-ms"},
    {"bench_min_iterations_zero", "seedbench", "--min-iterations 0", 2, "--min-iterations"},
    {"bench_min_iterations_not_a_number", "seedbench", "--min-iterations few", 2, "--min-iterations"},
    {"bench_max_below_min", "seedbench", "--min-iterations 10 --max-iterations 5", 2, "--max-iterations"},
    {"bench_explain_timeout_zero", "seedbench", "--explain-timeout-ms 0", 2, "--explain-timeout-ms"},
    {"bench_explain_timeout_fraction", "seedbench", "--explain-timeout-ms 1.5", 2, "--explain-timeout-ms"},
    {"bench_plan_cache_mode", "seedbench", "--plan-cache-mode fastest", 2, "--plan-cache-mode"},
    {"bench_unknown_query", "seedbench", "--queries ec2_idle,nat_gateway_idle --db {db}", 2, "nat_gateway_idle"},
    {"bench_unknown_benchmark_flag", "seedbench", "--benchmark_bogus=1 --db {db}", 2, "benchmark_bogus"},
    {"bench_json_and_summary_on_stdout", "seedbench", "--json - --summary -", 2, "standard output"},
    {"bench_unreachable", "seedbench", "--db {unreachable}", 4, "cannot connect"},
    {"bench_no_such_role", "seedbench", "--db {bad_user}", 4, "no_such_role"},
    {"bench_other_profile", "seedbench", "--profile large --db {db}", 5, "holds profile 'tiny'"},
    {"bench_queries_dir_missing", "seedbench", "--queries-dir /nonexistent/queries --db {db}", 8, "/nonexistent/queries"},
    {"bench_json_unwritable", "seedbench",
     "--db {db} --queries ebs_gp2 --no-analysis --budget-ms 5 --min-iterations 1 --max-iterations 2 --quiet "
     "--json /proc/nope/bench.json", 8, "/proc/nope/bench.json"},
    {"bench_home_without_data", "seedbench", "--db {db}", 8, "SEEDGEN_HOME", "SEEDGEN_HOME={tmp}/empty"},
};

// write_bad_input_files: the files the rows above name under {tmp}.
inline void write_bad_input_files(const TempFolder& folder) {
  folder.write("syntax.toml", "extends = \"tiny\"\nresources = = 3\n");
  folder.write("unknown_key.toml", "extends = \"tiny\"\ncolour = \"blue\"\n");
  folder.write("bad_rate.toml", "extends = \"tiny\"\n[waste]\nebs_gp2 = 1.5\n");
  folder.write("cycle_a.toml", "extends = \"./cycle_b.toml\"\n");
  folder.write("cycle_b.toml", "extends = \"./cycle_a.toml\"\n");
  folder.write("orphan.toml", "extends = \"no_such_parent\"\n");
  folder.write("bad_region.toml", "extends = \"tiny\"\n[regions]\nmars-north-1 = 1\n");
  folder.write("nul.toml", std::string("extends = \"tiny\"\nresources = 1") + '\0' + "00\n");
  folder.write("wrong_type.toml", "extends = \"tiny\"\nresources = \"many\"\n");
  folder.write("bad_date.toml", "extends = \"tiny\"\nas_of = 2025-02-30\n");
  folder.write("negative_seed.toml", "extends = \"tiny\"\nseed = -4\n");
  folder.write("zero_resources.toml", "extends = \"tiny\"\nresources = 0\n");
  std::filesystem::create_directories(folder.path() / "empty");
  std::filesystem::create_directories(folder.path() / "folder.csv");
  const std::string header = "account_id,resource_type,resource_id,pattern,estimated_monthly_savings\n";
  const std::string account = "00000000-0000-4000-8000-000000000001";
  folder.write("findings.txt", header);
  folder.write("good.csv", header + account + ",instance,i-1,ec2_idle,1\n");
  folder.write("no_pattern_column.csv", "account_id,resource_type,resource_id,estimated_monthly_savings\n");
  folder.write("short_line.csv", header + account + ",instance,i-1,ec2_idle,1\n" + account + ",instance,i-2\n");
  folder.write("unknown_pattern.csv", header + account + ",instance,i-1,ec2_idel,1\n");
  folder.write("bad_uuid.csv", header + "00000000-0000-4000-8000,instance,i-1,ec2_idle,1\n");
  folder.write("bad_type.csv", header + account + ",vm,i-1,ec2_idle,1\n");
  folder.write("invalid.json", "[\n  {\"account_id\": \"" + account + "\"},\n  {oops}\n]\n");
  folder.write("unknown_pattern.json", "[\n  {\"account_id\": \"" + account +
                                           "\", \"resource_type\": \"instance\", \"resource_id\": \"i-1\", "
                                           "\"pattern\": \"nope\"}\n]\n");
  const auto migrations = [&](const std::string& name) {
    std::filesystem::create_directories(folder.path() / name);
    return name + "/";
  };
  folder.write(migrations("badly_named") + "create_things.sql", "create table things (id int);");
  folder.write(migrations("duplicated") + "001_a.sql", "select 1;");
  folder.write("duplicated/1_b.sql", "select 2;");
  folder.write(migrations("with_nul") + "001_a.sql", std::string("select 1;") + '\0' + "select 2;");
  // changed: the shipped 001 with one byte more; missing_applied: only the shipped 001.
  const std::filesystem::path shipped = std::filesystem::path(SEEDGEN_SOURCE_DIR) / "sql" / "migrations";
  std::ifstream first(shipped / "001_create_cloud_accounts.sql", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(first)), std::istreambuf_iterator<char>());
  for (const auto& entry : std::filesystem::directory_iterator(shipped)) {
    std::filesystem::create_directories(folder.path() / "changed");
    std::filesystem::copy_file(entry.path(), folder.path() / "changed" / entry.path().filename());
  }
  folder.write("changed/001_create_cloud_accounts.sql", text + "\n");
  folder.write(migrations("missing_applied") + "001_create_cloud_accounts.sql", text);
}

}  // namespace seedgen::testing
