-- index_constraint: the key or exclusion constraint an index of schema public backs, if any ($1: the
-- index's name). Hiding such an index means dropping its constraint (and the foreign keys that lean on it).
select conrelid::regclass::text as table_name, quote_ident(conname) as constraint_name
from pg_constraint
where conindid = to_regclass('public.' || quote_ident($1)) and contype in ('p', 'u', 'x')
