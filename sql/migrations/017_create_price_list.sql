-- 017_create_price_list.sql: the price list every cost in the fleet derives from, as one table the agent
-- queries join instead of pasting prices. seedgen fills it from profiles/prices.toml with every load (the
-- generator and this table read the same catalog, so a query that prices a resource from here reproduces
-- the answer key's savings). It lives in schema seedgen, beside the run log, so the 26 tables of public
-- stay exactly the spec's; agents read it, nothing else of seedgen.
create schema if not exists seedgen;

create table seedgen.prices (
  sku text not null,
  region text not null,
  unit text not null,
  usd numeric(20,10) not null check (usd >= 0),
  primary key (sku, region)
);

comment on table seedgen.prices is
  'List prices by SKU and region, filled from profiles/prices.toml with every load; the agent queries join it';
comment on column seedgen.prices.sku is
  'e.g. ec2.m5.large.hour, rds.db.t3.micro.postgres.hour, ebs.gp3.gb_month, s3.standard.gb_month, eip.hour, savings.one_year';
comment on column seedgen.prices.unit is
  'the last part of the sku: hour, gb_month, iops_month, gb, gb_second, put_per_1k, ...; discounts are fractions';
comment on column seedgen.prices.usd is 'USD per unit in that region (a fraction for savings.* discounts), unrounded';

-- Prices are public knowledge: every role that may query the fleet may read them (not the answer key).
grant usage on schema seedgen to authenticated, service_role;
grant select on seedgen.prices to authenticated, service_role;
