-- fleet_schema: whether the database holds a seedgen fleet at all: the run log, the answer key and the
-- spec's first table. seedbench refuses a database without them before reading anything else.
select to_regclass('seedgen.runs') is not null          as has_runs,
       to_regclass('seedgen.planted_waste') is not null as has_answer_key,
       to_regclass('public.cloud_accounts') is not null  as has_fleet
