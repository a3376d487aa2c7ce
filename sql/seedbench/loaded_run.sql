-- loaded_run: the latest completed seedgen load, the fingerprint of the fleet seedbench measures.
-- index_seconds is read through to_jsonb, so a fleet loaded by a seedgen older than that column still reads.
select run_id, profile, seed, as_of::text, seedgen_version, coalesce(resources, 0) as resources,
       row_counts::text, checksums::text, coalesce(to_jsonb(r) -> 'index_seconds', '{}')::text as index_seconds
from seedgen.runs r
where status = 'completed'
order by run_id desc
limit 1
