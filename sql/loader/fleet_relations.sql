-- fleet_relations.sql: every live relation a swap locks or moves, for naming who holds them: the fleet tables
-- ($1 regclass[]), their partitions and the views a load rebuilds. Needs fleet_objects.sql.
select array_agg(oid::regclass::text) from (
  select unnest($1::regclass[])::oid as oid
  union select v::oid from pg_temp.seedgen_fleet_views($1::regclass[]) v
  union select inhrelid from pg_inherits where inhparent = any($1::regclass[])
) relations
