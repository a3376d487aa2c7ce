-- loaded_run: the latest completed seedgen load, whose answer key seedgen.planted_waste holds: the
-- dataset's fingerprint in a score report. seed as text: it may exceed what a double keeps exactly.
select run_id, profile, seed::text, as_of::text, seedgen_version, checksums::text
from seedgen.runs
where status = 'completed'
order by run_id desc
limit 1
