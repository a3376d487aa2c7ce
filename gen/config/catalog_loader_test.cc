// The price catalog: shipped prices spot-checked against the waste catalog (typed by hand here), the
// lookups, and one error per kind of bad catalog, each naming the file, the line and the key.
#include "config/catalog_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/error.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TempFolder;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const Catalog& shipped() {
  static const Catalog catalog = load_catalog(default_catalog_path());
  return catalog;
}

double sized_price(const std::vector<SizedPrice>& sizes, const std::string& name) {
  for (const SizedPrice& size : sizes) {
    if (size.name == name) return size.hourly_usd;
  }
  return -1;
}

TEST(CatalogLoader, SpotPricesMatchTheWasteCatalog) {
  const Catalog& catalog = shipped();
  EXPECT_DOUBLE_EQ(catalog.instance_type("m5.large").hourly_usd, 0.096);
  EXPECT_DOUBLE_EQ(catalog.instance_type("t3.medium").hourly_usd, 0.0416);
  EXPECT_DOUBLE_EQ(catalog.instance_type("c7g.large").hourly_usd, 0.0725);
  EXPECT_DOUBLE_EQ(catalog.instance_type("g4dn.xlarge").hourly_usd, 0.526);
  EXPECT_DOUBLE_EQ(catalog.instance_type("p5.48xlarge").hourly_usd, 98.32);
  EXPECT_DOUBLE_EQ(catalog.unit_price("ebs.gp3.gb_month"), 0.08);
  EXPECT_DOUBLE_EQ(catalog.unit_price("ebs.gp2.gb_month"), 0.10);
  EXPECT_DOUBLE_EQ(catalog.unit_price("ebs.io1.iops_month"), 0.065);
  EXPECT_DOUBLE_EQ(catalog.unit_price("eip.hour"), 0.005);
  EXPECT_DOUBLE_EQ(catalog.unit_price("snapshot.gb_month"), 0.05);
  EXPECT_DOUBLE_EQ(catalog.unit_price("s3.standard.gb_month"), 0.023);
  // Regional prices as AWS lists them (2025): one public IPv4 price everywhere, us-east-1 <-> us-east-2
  // at $0.01/GB, Sao Paulo's transfer out at $0.138/GB to another region and $0.15 to the internet.
  EXPECT_DOUBLE_EQ(catalog.price("transfer.egress.gb", "us-east-1"), 0.09);
  EXPECT_DOUBLE_EQ(catalog.price("eip.hour", "sa-east-1"), 0.005);
  EXPECT_DOUBLE_EQ(catalog.price("transfer.to.us-east-2.gb", "us-east-1"), 0.01);
  EXPECT_DOUBLE_EQ(catalog.price("transfer.to.us-west-2.gb", "us-east-1"), 0.02);
  EXPECT_DOUBLE_EQ(catalog.price("transfer.to.us-east-1.gb", "sa-east-1"), 0.138);
  EXPECT_DOUBLE_EQ(catalog.price("transfer.egress.gb", "sa-east-1"), 0.15);
  EXPECT_NEAR(catalog.price("ec2.m5.large.hour", "sa-east-1"), 0.153, 0.0005);
  EXPECT_NEAR(catalog.price("ec2.m5.large.hour", "eu-central-1"), 0.115, 0.0005);
  EXPECT_NEAR(catalog.price("ebs.gp3.gb_month", "sa-east-1"), 0.152, 0.0005);
  EXPECT_DOUBLE_EQ(catalog.unit_price("lambda.provisioned_gb_second"), 0.0000041667);
  EXPECT_DOUBLE_EQ(sized_price(catalog.rds_classes, "db.m5.large"), 0.171);
  EXPECT_DOUBLE_EQ(sized_price(catalog.cache_node_types, "cache.r5.large"), 0.216);
  EXPECT_DOUBLE_EQ(sized_price(catalog.msk_broker_types, "kafka.m5.large"), 0.21);
  EXPECT_DOUBLE_EQ(sized_price(catalog.search_instance_types, "m5.large.search"), 0.142);
}

TEST(CatalogLoader, InstanceSpecsAndFlags) {
  const InstanceType& m5 = shipped().instance_type("m5.large");
  EXPECT_EQ(m5.family, "m5");
  EXPECT_EQ(m5.generation, 5);
  EXPECT_EQ(m5.vcpu, 2);
  EXPECT_DOUBLE_EQ(m5.memory_gib, 8);
  EXPECT_EQ(m5.gpu_count, 0);
  EXPECT_FALSE(m5.burstable);
  EXPECT_TRUE(shipped().instance_type("t3.medium").burstable);
  EXPECT_EQ(shipped().instance_type("g5.48xlarge").gpu_count, 8);
  EXPECT_EQ(shipped().instance_type("t2.micro").generation, 2);
  const std::set<std::string> old_families = {"t2", "m3", "m4", "c4", "r4"};
  for (const InstanceType& type : shipped().instance_types) {
    EXPECT_EQ(type.previous_generation, old_families.count(type.family) == 1) << type.name;
    EXPECT_EQ(type.burstable, type.family[0] == 't') << type.name;
  }
}

TEST(CatalogLoader, HasEveryRequiredInstanceType) {
  for (const char* name : {"t3.nano", "t3.2xlarge", "t2.micro", "t2.medium", "t4g.medium", "m3.medium", "m4.large",
                           "m5.4xlarge", "m6i.large", "m7i.large", "m7g.xlarge", "c4.large", "c5.2xlarge",
                           "c6i.large", "c7g.large", "r4.large", "r5.large", "r6i.2xlarge", "r6g.large",
                           "g4dn.12xlarge", "g5.12xlarge", "g6.xlarge", "p3.8xlarge", "p4d.24xlarge"}) {
    EXPECT_NO_THROW(shipped().instance_type(name)) << name;
  }
}

TEST(CatalogLoader, PopularityIsSkewed) {
  const auto& types = shipped().instance_types;
  const auto most = std::max_element(types.begin(), types.end(), [](const auto& left, const auto& right) {
    return left.popularity < right.popularity;
  });
  EXPECT_EQ(most->name, "m5.large");
  EXPECT_LT(shipped().instance_type("p5.48xlarge").popularity, shipped().instance_type("g4dn.xlarge").popularity);
  EXPECT_LT(shipped().instance_type("g4dn.xlarge").popularity, shipped().instance_type("c5.large").popularity);
}

TEST(CatalogLoader, RegionsAndUnitPriceKeys) {
  EXPECT_DOUBLE_EQ(shipped().region("us-east-1").price_multiplier, 1.0);
  EXPECT_DOUBLE_EQ(shipped().region("sa-east-1").price_multiplier, 1.594);
  EXPECT_EQ(shipped().region("eu-west-1").code, "euw1");
  EXPECT_EQ(shipped().regions.size(), 9u);
  for (const char* key : {"ebs.io1.iops_month", "s3.put_per_1k", "lb.application.hour", "lb.application.lcu_hour",
                          "rds.storage.gb_month", "logs.ingest.gb", "logs.storage.gb_month",
                          "lambda.request_per_1m", "lambda.gb_second", "kinesis.shard_hour", "savings.one_year",
                          "savings.three_year"}) {
    EXPECT_GT(shipped().unit_price(key), 0) << key;
  }
}

TEST(CatalogLoader, UnknownLookupsNameTheKey) {
  try {
    shipped().instance_type("m9.huge");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kProfile);
    EXPECT_TRUE(contains(error.what(), "'m9.huge'")) << error.what();
  }
  EXPECT_THROW(shipped().unit_price("ebs.gp9.gb_month"), Error);
  EXPECT_THROW(shipped().region("mars-1"), Error);
}

// A small valid catalog; each bad-catalog test replaces one piece of it.
const char* const kMinimalCatalog = R"(instance_types = [
  { name = "m5.large", generation = 5, vcpu = 2, memory_gib = 8, hourly_usd = 0.096, popularity = 1 },
  { name = "g5.xlarge", generation = 5, vcpu = 4, memory_gib = 16, gpu_count = 1, hourly_usd = 1.006, popularity = 1 },
]
rds_classes = [{ name = "db.t3.micro", hourly_usd = 0.017, vcpu = 2, memory_gib = 1, popularity = 1 }]
cache_node_types = [{ name = "cache.t3.micro", hourly_usd = 0.017, vcpu = 2, memory_gib = 0.5, popularity = 1 }]
search_instance_types = [{ name = "t3.small.search", hourly_usd = 0.036, vcpu = 2, memory_gib = 2, popularity = 1 }]
msk_broker_types = [{ name = "kafka.m5.large", hourly_usd = 0.21, vcpu = 2, memory_gib = 8, popularity = 1 }]
regions = [
  { name = "us-east-1", price_multiplier = 1.0, code = "use1" },
  { name = "eu-west-1", price_multiplier = 1.1, code = "euw1" },
]
transfer_regions = [
  { name = "us-east-1", cross_az = 0.01, cross_region = 0.02, egress = 0.09 },
  { name = "eu-west-1", cross_az = 0.01, cross_region = 0.02, egress = 0.09 },
]
[unit_prices]
ebs.gp3.gb_month = 0.08
)";

std::string with_change(const std::string& from, const std::string& to) {
  std::string text = kMinimalCatalog;
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// expect_catalog_error: loading `contents` fails with kProfile naming prices.toml, `line` and `key`.
void expect_catalog_error(const std::string& contents, int line, const std::string& key) {
  TempFolder folder;
  folder.write("prices.toml", contents);
  try {
    load_catalog((folder.path() / "prices.toml").string());
    ADD_FAILURE() << "expected an error for key " << key;
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.kind(), ErrorKind::kProfile) << message;
    EXPECT_TRUE(contains(message, "prices.toml:" + std::to_string(line) + ":")) << message;
    EXPECT_TRUE(contains(message, "'" + key + "'")) << message;
  }
}

TEST(CatalogLoader, MinimalCatalogLoadsWithDefaults) {
  TempFolder folder;
  folder.write("prices.toml", kMinimalCatalog);
  const Catalog catalog = load_catalog((folder.path() / "prices.toml").string());
  EXPECT_EQ(catalog.instance_types.size(), 2u);
  EXPECT_EQ(catalog.instance_type("g5.xlarge").family, "g5");
  EXPECT_FALSE(catalog.instance_type("m5.large").previous_generation);
  EXPECT_DOUBLE_EQ(catalog.unit_price("ebs.gp3.gb_month"), 0.08);
}

TEST(CatalogLoader, BadCatalogsNameFileLineAndKey) {
  expect_catalog_error(with_change("hourly_usd = 0.096", "hourly_usd = -0.096"), 2, "instance_types[0].hourly_usd");
  expect_catalog_error(with_change("gpu_count = 1", "gpu_count = -1"), 3, "instance_types[1].gpu_count");
  expect_catalog_error(with_change("\"g5.xlarge\"", "\"m5.large\""), 3, "instance_types[1].name");
  expect_catalog_error(with_change("vcpu = 4,", "vpcu = 4,"), 3, "instance_types[1].vpcu");
  expect_catalog_error(with_change("vcpu = 4,", ""), 3, "instance_types[1].vcpu");
  expect_catalog_error(with_change("price_multiplier = 1.1", "price_multiplier = 0"), 11,
                       "regions[1].price_multiplier");
  expect_catalog_error(with_change("code = \"euw1\"", "code = \"use1\""), 11, "regions[1].code");
  expect_catalog_error(with_change("= 0.08", "= 0"), 18, "unit_prices.ebs.gp3.gb_month");
  expect_catalog_error(with_change("= 0.08", "= \"cheap\""), 18, "unit_prices.ebs.gp3.gb_month");
  expect_catalog_error(with_change("[unit_prices]", "[unit_price]"), 17, "unit_price");
}

TEST(CatalogLoader, SyntaxErrorNamesFileLineAndColumn) {
  TempFolder folder;
  folder.write("prices.toml", with_change("popularity = 1 }]\nsearch", "popularity = 1 \nsearch"));
  try {
    load_catalog((folder.path() / "prices.toml").string());
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kProfile);
    EXPECT_TRUE(contains(error.what(), "prices.toml:")) << error.what();
  }
}

}  // namespace
}  // namespace seedgen
