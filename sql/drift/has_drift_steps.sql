-- has_drift_steps.sql: whether the database has the table of trickled days' steps (seedgen.drift_steps, added
-- after the first drift release: a load by then has it once seedgen drift ran there).
select to_regclass('seedgen.drift_steps') is not null
