-- leftover_schemas.sql: the schemas that loads left behind and no live load owns: seedgen_stage_<run> (a fleet
-- that was being built) and seedgen_old_<run> (a fleet that a swap replaced), whose run is not 'loading' with
-- its run lock held.
select n.nspname
  from pg_namespace n
 cross join lateral (select (regexp_match(n.nspname, '^seedgen_(?:stage|old)_([0-9]+)$'))[1]::bigint as run_id) owner
 where owner.run_id is not null
   and not exists (select 1 from pg_locks l
                    where l.locktype = 'advisory' and l.granted and l.classid = 1592590338 and l.objid = owner.run_id
                      and l.objsubid = 2 and l.database = (select oid from pg_database where datname = current_database()))
 order by owner.run_id, n.nspname
