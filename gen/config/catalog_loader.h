// catalog_loader.h: reads the price and instance-type catalog (profiles/prices.toml) into a Catalog and
// validates it: prices and multipliers > 0, GPU counts >= 0, names unique. The Catalog lookups
// (unit_price, instance_type, region) are defined alongside. Failures throw Error(kProfile).
#pragma once

#include <string>

#include "config/catalog.h"

namespace seedgen {

// load_catalog: the catalog in `path`. Errors name the file, the line and the key, e.g.
// "prices.toml:12: key 'instance_types[3].hourly_usd' must be greater than 0 (got 0)".
Catalog load_catalog(const std::string& path);

// index_skus: fills catalog.sku_base from the parsed types, sizes and unit prices (load_catalog calls it).
void index_skus(Catalog& catalog);

// default_catalog_path: $SEEDGEN_PROFILES_DIR/prices.toml, else profiles/prices.toml of the data home.
std::string default_catalog_path();

}  // namespace seedgen
