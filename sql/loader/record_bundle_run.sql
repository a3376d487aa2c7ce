-- record_bundle_run.sql: for a bundle's load.sql (psql): the views refreshed, then the run recorded as
-- 'completed' with the bundle's manifest figures (psql variables :profile, :seed, :as_of, :seedgen_version,
-- :shard, :resources, :monthly_cost, :planted_savings, :row_counts, :checksums), so that seedbench accepts
-- the fleet as it accepts one that seedgen loaded. Needs set_aside.sql's temp table.
select format('refresh materialized view %I', table_name) from set_aside where kind = 'matview' order by ordinal \gexec
select format('analyze %I', table_name) from set_aside where kind = 'matview' order by ordinal \gexec

insert into seedgen.runs (status, profile, seed, as_of, seedgen_version, jobs, shard, backend_pid, finished_at,
                          resources, monthly_cost, planted_savings, waste_share, row_counts, checksums)
values ('completed', :'profile', :'seed', :'as_of', :'seedgen_version', 0, :'shard', pg_backend_pid(), now(),
        :'resources', :'monthly_cost', :'planted_savings',
        case when :'monthly_cost'::numeric > 0 then round(:'planted_savings'::numeric / :'monthly_cost'::numeric, 4) end,
        :'row_counts', :'checksums');
