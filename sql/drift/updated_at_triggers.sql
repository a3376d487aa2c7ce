-- updated_at_triggers.sql: the statements that switch off and back on table $1's updated_at trigger
-- (011_create_utilities.sql). A drifted row carries the updated_at the model gives it, as a load's does;
-- the trigger would stamp the wall clock instead. Both run inside the day's transaction, so no other
-- session ever sees the trigger off (ALTER TABLE ... DISABLE TRIGGER takes SHARE ROW EXCLUSIVE, which
-- readers' ACCESS SHARE does not wait for).
select format('alter table %s disable trigger %I', $1::text, t.tgname),
       format('alter table %s enable trigger %I', $1::text, t.tgname)
  from pg_trigger t
 where t.tgrelid = $1::text::regclass and not t.tgisinternal
   and t.tgfoid = 'public.update_updated_at_column()'::regprocedure
