#include "config/catalog_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "config/toml_fields.h"
#include "core/error.h"
#include "util/data_home.h"

namespace seedgen {
namespace {

using toml_fields::Field;

Field member(const Field& entry, std::string_view name, const toml::node& node) {
  return Field{entry.file, entry.key + "." + std::string(name), node};
}

// refuse_unknown_fields: fails on the first field of the entry's table that is not in `known`.
void refuse_unknown_fields(const Field& entry, const std::vector<std::string_view>& known) {
  for (auto&& [key, node] : toml_fields::read_table(entry)) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      toml_fields::fail_unknown_key(entry.file, key.source(), entry.key + "." + std::string(key.str()), known);
    }
  }
}

Field required(const Field& entry, std::string_view name) {
  const toml::node* node = entry.node.as_table()->get(name);
  if (node == nullptr) toml_fields::fail(member(entry, name, entry.node), "is missing");
  return member(entry, name, *node);
}

const toml::node* optional(const Field& entry, std::string_view name) { return entry.node.as_table()->get(name); }

InstanceType read_instance_type(const Field& entry) {
  refuse_unknown_fields(entry, {"name", "generation", "vcpu", "memory_gib", "gpu_count", "hourly_usd", "burstable",
                                "previous_generation", "popularity"});
  InstanceType type;
  const Field name = required(entry, "name");
  type.name = toml_fields::read_string(name);
  const size_t dot = type.name.find('.');
  if (dot == 0 || dot == std::string::npos) toml_fields::fail(name, "must look like family.size, e.g. m5.large");
  type.family = type.name.substr(0, dot);
  type.generation = static_cast<int>(toml_fields::read_integer(required(entry, "generation"), 1, 99));
  type.vcpu = static_cast<int>(toml_fields::read_integer(required(entry, "vcpu"), 1, 4096));
  type.memory_gib = toml_fields::read_positive_number(required(entry, "memory_gib"));
  type.hourly_usd = toml_fields::read_positive_number(required(entry, "hourly_usd"));
  type.popularity = toml_fields::read_positive_number(required(entry, "popularity"));
  if (const toml::node* gpus = optional(entry, "gpu_count")) {
    type.gpu_count = static_cast<int>(toml_fields::read_integer(member(entry, "gpu_count", *gpus), 0, 64));
  }
  if (const toml::node* burstable = optional(entry, "burstable")) {
    type.burstable = toml_fields::read_bool(member(entry, "burstable", *burstable));
  }
  if (const toml::node* previous = optional(entry, "previous_generation")) {
    type.previous_generation = toml_fields::read_bool(member(entry, "previous_generation", *previous));
  }
  return type;
}

SizedPrice read_sized_price(const Field& entry) {
  refuse_unknown_fields(entry, {"name", "hourly_usd", "vcpu", "memory_gib", "popularity"});
  SizedPrice size;
  size.name = toml_fields::read_string(required(entry, "name"));
  size.hourly_usd = toml_fields::read_positive_number(required(entry, "hourly_usd"));
  size.vcpu = static_cast<int>(toml_fields::read_integer(required(entry, "vcpu"), 1, 4096));
  size.memory_gib = toml_fields::read_positive_number(required(entry, "memory_gib"));
  size.popularity = toml_fields::read_positive_number(required(entry, "popularity"));
  return size;
}

// The services a region may price with a multiplier of its own (the first part of their SKUs).
const std::vector<std::string_view> kRegionalServices = {"ec2", "ebs", "snapshot", "s3", "rds", "elasticache", "opensearch",
                                                         "msk", "kinesis", "lambda", "logs", "lb", "eks"};

Region read_region(const Field& entry) {
  std::vector<std::string_view> known = {"name", "price_multiplier", "code"};
  known.insert(known.end(), kRegionalServices.begin(), kRegionalServices.end());
  refuse_unknown_fields(entry, known);
  Region region;
  region.name = toml_fields::read_string(required(entry, "name"));
  region.price_multiplier = toml_fields::read_positive_number(required(entry, "price_multiplier"));
  region.code = toml_fields::read_string(required(entry, "code"));
  for (std::string_view service : kRegionalServices) {
    if (const toml::node* node = optional(entry, service)) {
      region.service_multipliers[std::string(service)] = toml_fields::read_positive_number(member(entry, service, *node));
    }
  }
  return region;
}

struct TransferEntry {
  std::string name;
  TransferPrices prices;
};

TransferEntry read_transfer_region(const Field& entry) {
  refuse_unknown_fields(entry, {"name", "cross_az", "cross_region", "egress"});
  TransferEntry transfer;
  transfer.name = toml_fields::read_string(required(entry, "name"));
  transfer.prices.cross_az = toml_fields::read_positive_number(required(entry, "cross_az"));
  transfer.prices.cross_region = toml_fields::read_positive_number(required(entry, "cross_region"));
  transfer.prices.egress = toml_fields::read_positive_number(required(entry, "egress"));
  return transfer;
}

struct TransferPair {
  std::string name;   // "from->to", so that duplicates are refused like names
  std::string from, to;
  double gb = 0;
};

TransferPair read_transfer_pair(const Field& entry) {
  refuse_unknown_fields(entry, {"from", "to", "gb"});
  TransferPair pair;
  pair.from = toml_fields::read_string(required(entry, "from"));
  pair.to = toml_fields::read_string(required(entry, "to"));
  pair.gb = toml_fields::read_positive_number(required(entry, "gb"));
  pair.name = pair.from + "->" + pair.to;
  return pair;
}

// refuse_duplicates: fails at the second of two entries whose `field` (name or code) is equal.
template <typename T>
void refuse_duplicates(const Field& array_field, const std::vector<T>& entries, std::string_view field,
                       std::string (*value_of)(const T&)) {
  std::map<std::string, size_t> first_index;
  for (size_t index = 0; index < entries.size(); ++index) {
    const auto [first, inserted] = first_index.emplace(value_of(entries[index]), index);
    if (inserted) continue;
    const toml::node& element = *array_field.node.as_array()->get(index);
    const Field duplicate{array_field.file, fmt::format("{}[{}].{}", array_field.key, index, field), element};
    toml_fields::fail(duplicate, fmt::format("repeats '{}' of {}[{}]", first->first, array_field.key, first->second));
  }
}

template <typename T>
std::string name_of(const T& entry) { return entry.name; }

std::string code_of(const Region& region) { return region.code; }

// read_entries: the non-empty array `key` of `document`, each element read by `reader`, names unique.
template <typename T>
std::vector<T> read_entries(const std::string& file, const toml::table& document, std::string_view key,
                            T (*reader)(const Field&)) {
  const toml::node* node = document.get(key);
  if (node == nullptr) throw Error(ErrorKind::kProfile, fmt::format("{}: key '{}' is missing", file, key));
  const Field array_field{file, std::string(key), *node};
  const toml::array& array = toml_fields::read_array(array_field);
  if (array.empty()) toml_fields::fail(array_field, "must list at least one entry");
  std::vector<T> entries;
  for (size_t index = 0; index < array.size(); ++index) {
    const Field entry{file, fmt::format("{}[{}]", key, index), *array.get(index)};
    toml_fields::read_table(entry);
    entries.push_back(reader(entry));
  }
  refuse_duplicates<T>(array_field, entries, "name", name_of<T>);
  return entries;
}

// read_unit_prices: flattens nested tables into dotted keys, e.g. [unit_prices.ebs] gp3.gb_month.
void read_unit_prices(const Field& table_field, const std::string& prefix,
                      std::map<std::string, double, std::less<>>& prices) {
  for (auto&& [key, node] : toml_fields::read_table(table_field)) {
    const Field child = member(table_field, key.str(), node);
    const std::string dotted = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (node.is_table()) {
      read_unit_prices(child, dotted, prices);
    } else {
      prices[dotted] = toml_fields::read_positive_number(child);
    }
  }
}

void refuse_unknown_sections(const std::string& file, const toml::table& document) {
  const std::vector<std::string_view> known = {"instance_types",       "rds_classes",      "cache_node_types",
                                               "search_instance_types", "msk_broker_types", "regions",
                                               "unit_prices", "transfer_regions", "transfer_pairs",
                                               "same_in_every_region"};
  for (auto&& [key, node] : document) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      toml_fields::fail_unknown_key(file, key.source(), std::string(key.str()), known);
    }
  }
}

[[noreturn]] void fail_unknown(std::string_view what, std::string_view name) {
  throw Error(ErrorKind::kProfile, fmt::format("unknown {} '{}' (not in the price catalog)", what, name));
}

}  // namespace

Catalog load_catalog(const std::string& path) {
  const toml::table document = toml_fields::parse_file(path);
  refuse_unknown_sections(path, document);
  Catalog catalog;
  catalog.instance_types = read_entries(path, document, "instance_types", read_instance_type);
  catalog.rds_classes = read_entries(path, document, "rds_classes", read_sized_price);
  catalog.cache_node_types = read_entries(path, document, "cache_node_types", read_sized_price);
  catalog.search_instance_types = read_entries(path, document, "search_instance_types", read_sized_price);
  catalog.msk_broker_types = read_entries(path, document, "msk_broker_types", read_sized_price);
  catalog.regions = read_entries(path, document, "regions", read_region);
  refuse_duplicates<Region>(Field{path, "regions", *document.get("regions")}, catalog.regions, "code", code_of);
  const toml::node* unit_prices = document.get("unit_prices");
  if (unit_prices == nullptr) throw Error(ErrorKind::kProfile, path + ": key 'unit_prices' is missing");
  read_unit_prices(Field{path, "unit_prices", *unit_prices}, "", catalog.unit_prices);
  for (const TransferEntry& entry : read_entries(path, document, "transfer_regions", read_transfer_region)) {
    catalog.transfer[entry.name] = entry.prices;
  }
  if (document.get("transfer_pairs") != nullptr) {
    for (const TransferPair& pair : read_entries(path, document, "transfer_pairs", read_transfer_pair)) {
      catalog.transfer_pairs[{pair.from, pair.to}] = pair.gb;
    }
  }
  if (const toml::node* same = document.get("same_in_every_region")) {
    const Field field{path, "same_in_every_region", *same};
    for (const toml::node& element : toml_fields::read_array(field)) {
      catalog.same_in_every_region.push_back(toml_fields::read_string(Field{path, "same_in_every_region[]", element}));
    }
  }
  index_skus(catalog);
  return catalog;
}

std::string default_catalog_path() {
  if (const char* folder = std::getenv("SEEDGEN_PROFILES_DIR"); folder != nullptr && *folder != '\0') {
    return (std::filesystem::path(folder) / "prices.toml").string();
  }
  return (data_home() / "profiles" / "prices.toml").string();
}

double Catalog::unit_price(std::string_view key) const {
  const auto price = unit_prices.find(key);
  if (price == unit_prices.end()) fail_unknown("unit price", key);
  return price->second;
}

const InstanceType& Catalog::instance_type(std::string_view name) const {
  const auto type = std::find_if(instance_types.begin(), instance_types.end(),
                                 [&](const InstanceType& candidate) { return candidate.name == name; });
  if (type == instance_types.end()) fail_unknown("instance type", name);
  return *type;
}

const Region& Catalog::region(std::string_view name) const {
  const auto found = std::find_if(regions.begin(), regions.end(),
                                  [&](const Region& candidate) { return candidate.name == name; });
  if (found == regions.end()) fail_unknown("region", name);
  return *found;
}

}  // namespace seedgen
