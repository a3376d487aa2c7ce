-- read_ledger: the migrations applied (or adopted) so far, in version order. applied_by is read through
-- to_jsonb so that a ledger made before that column existed still reads (--status never alters it).
select m.version, m.name, m.checksum, to_char(m.applied_at, 'YYYY-MM-DD HH24:MI:SS TZ'),
       coalesce(to_jsonb(m) ->> 'applied_by', 'seedgen')
  from seedgen.schema_migrations m
 order by m.version
