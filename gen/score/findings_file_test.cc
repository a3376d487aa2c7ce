#include "score/findings_file.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace seedgen::score {
namespace {

const std::string kAccount = "00000000-0000-4000-8000-000000000001";

// error_of: the kind and message `parse` throws.
template <typename Parse>
std::pair<ErrorKind, std::string> error_of(Parse parse) {
  try {
    parse();
  } catch (const Error& error) {
    return {error.kind(), error.what()};
  }
  return {ErrorKind::kUsage, "no error"};
}

TEST(FindingsCsv, ReadsQuotedFieldsAnyColumnOrderExtraColumnsAndCrlf) {
  const std::string text =
      "\xEF\xBB\xBFpattern,account_id,resource_type,resource_id,estimated_monthly_savings,note\r\n"
      "lb_idle," + kAccount + ",load_balancer,\"arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a,b\",16.425,\"say \"\"hi\"\"\"\r\n"
      "\r\n"
      "ebs_gp2," + kAccount + ",volume,vol-1,,\n";
  const auto findings = parse_findings_csv(text, "f.csv");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].pattern, "lb_idle");
  EXPECT_EQ(findings[0].account_id, kAccount);
  EXPECT_EQ(findings[0].resource_type, "load_balancer");
  EXPECT_EQ(findings[0].resource_id, "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a,b");
  EXPECT_EQ(findings[0].monthly_savings, 164250);
  EXPECT_EQ(findings[1].resource_id, "vol-1");
  EXPECT_EQ(findings[1].monthly_savings, 0);   // empty: no estimate
}

TEST(FindingsCsv, NamesFileAndLineOfTheFirstProblem) {
  const std::string header = "account_id,resource_type,resource_id,pattern,estimated_monthly_savings\n";
  const std::string good = kAccount + ",instance,i-1,ec2_idle,1\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "f.csv:1: empty file: expected a header line"},
      {"account_id,resource_type,resource_id,pattern\n",
       "f.csv:1: the header has no column estimated_monthly_savings (expected "
       "account_id,resource_type,resource_id,pattern,estimated_monthly_savings)"},
      {header + good + kAccount + ",instance,i-2,ec2_idel,1\n",
       "f.csv:3: unknown pattern 'ec2_idel' (see seedgen patterns)"},
      {header + "not-a-uuid,instance,i-1,ec2_idle,1\n", "f.csv:2: account_id 'not-a-uuid' is not a uuid"},
      {header + good + good + kAccount + ",instance,i-1\n", "f.csv:4: 3 fields where the header has 5"},
      {header + kAccount + ",instance,\"i-1,ec2_idle,1\n", "f.csv:2: unbalanced quotes (a field may not span lines)"},
      {header + kAccount + ",instance,i-1,ec2_idle,ten\n", "f.csv:2: estimated_monthly_savings 'ten' is not a number"},
      {header + kAccount + ",instance,i-1,ec2_idle,-1\n", "f.csv:2: negative estimated_monthly_savings"},
  };
  for (const auto& [text, message] : cases) {
    const std::string& input = text;   // clang 14 cannot capture a structured binding in a lambda
    const auto [kind, what] = error_of([&] { parse_findings_csv(input, "f.csv"); });
    EXPECT_EQ(kind, ErrorKind::kIo) << message;
    EXPECT_EQ(what, message);
  }
}

TEST(FindingsJson, ReadsAnArrayOfObjects) {
  const std::string text = "[\n  {\"account_id\": \"" + kAccount +
                           "\", \"resource_type\": \"instance\", \"resource_id\": \"i-1\", \"pattern\": \"ec2_idle\", "
                           "\"estimated_monthly_savings\": 12.3456},\n"
                           "  {\"account_id\": \"" + kAccount +
                           "\", \"resource_type\": \"volume\", \"resource_id\": \"vol-1\", \"pattern\": \"ebs_gp2\", "
                           "\"estimated_monthly_savings\": \"2.5\"},\n"
                           "  {\"account_id\": \"" + kAccount +
                           "\", \"resource_type\": \"volume\", \"resource_id\": \"vol-2\", \"pattern\": \"ebs_gp2\"}\n]\n";
  const auto findings = parse_findings_json(text, "f.json");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].monthly_savings, 123456);
  EXPECT_EQ(findings[1].monthly_savings, 25000);
  EXPECT_EQ(findings[2].monthly_savings, 0);
  EXPECT_TRUE(parse_findings_json("[]", "f.json").empty());
}

TEST(FindingsJson, NamesFileAndLineOfTheFirstProblem) {
  const std::string good = "{\"account_id\": \"" + kAccount +
                           "\", \"resource_type\": \"instance\", \"resource_id\": \"i-1\", \"pattern\": \"ec2_idle\"}";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{}", "f.json:1: expected a JSON array of findings"},
      {"[\n" + good + ",\n" + good + ",\n]", "f.json:4: not valid JSON"},
      {"[\n" + good + ",\n  [1]\n]", "f.json:3: element 2 is not an object"},
      {"[\n" + good + ",\n" + good + ",\n{\"account_id\": \"" + kAccount + "\", \"resource_type\": \"instance\", "
       "\"resource_id\": \"i-1\", \"pattern\": 7}\n]", "f.json:4: pattern must be a string"},
      {"[\n  \"{[\\\"\",\n" + good + "\n]", "f.json:2: element 1 is not an object"},
      {"[" + good + ", {\"account_id\": \"x\", \"resource_type\": \"instance\", \"resource_id\": \"i-1\", "
       "\"pattern\": \"ec2_idle\"}]", "f.json:1: account_id 'x' is not a uuid"},
  };
  for (const auto& [text, message] : cases) {
    const std::string& input = text;   // clang 14 cannot capture a structured binding in a lambda
    const auto [kind, what] = error_of([&] { parse_findings_json(input, "f.json"); });
    EXPECT_EQ(kind, ErrorKind::kIo) << message;
    EXPECT_EQ(what, message);
  }
}

TEST(FindingsFile, ChoosesTheParserByExtension) {
  EXPECT_EQ(parse_findings_file("[]", "A.JSON").size(), 0u);
  EXPECT_EQ(parse_findings_file("account_id,resource_type,resource_id,pattern,estimated_monthly_savings\n", "a.csv").size(), 0u);
  const auto [kind, what] = error_of([] { parse_findings_file("", "findings.txt"); });
  EXPECT_EQ(kind, ErrorKind::kUsage);
  EXPECT_EQ(what, "--findings must name a .csv or .json file (got 'findings.txt')");
}

}  // namespace
}  // namespace seedgen::score
