-- add_phase_seconds.sql: adds the phases timed after the swap committed ($2 jsonb text) to run $1's record.
update seedgen.runs set phase_seconds = phase_seconds || $2::jsonb where run_id = $1
