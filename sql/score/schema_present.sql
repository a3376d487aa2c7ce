-- schema_present: which of the tables seedgen score reads exist: the run log and answer key (seedgen), and
-- the agent API's findings table (public.waste_findings, migration 020).
select to_regclass('seedgen.runs') is not null as has_runs,
       to_regclass('seedgen.planted_waste') is not null as has_answer_key,
       to_regclass('public.waste_findings') is not null as has_findings_table,
       to_regclass('seedgen.executed_actions') is not null as has_actions,
       exists (select from pg_attribute where attrelid = to_regclass('public.waste_findings') and attname = 'reported_at'
                 and not attisdropped) as has_report_times
