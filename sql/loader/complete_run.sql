-- complete_run.sql: marks run $1 'completed' with its figures, inside the swap's transaction, so that the run
-- record and the fleet it describes become visible together. $2 resources, $3 monthly cost, $4 planted
-- savings, $5 waste share, $6 row counts, $7 checksums, $8 phase seconds, $9 index seconds (jsonb texts).
update seedgen.runs
   set status = 'completed', finished_at = clock_timestamp(), resources = $2, monthly_cost = $3,
       planted_savings = $4, waste_share = $5, row_counts = $6::jsonb, checksums = $7::jsonb,
       phase_seconds = $8::jsonb, index_seconds = $9::jsonb
 where run_id = $1
