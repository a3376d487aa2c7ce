-- record: one migration in the ledger, as applied by seedgen or adopted from a schema that already had
-- it ($4: 'seedgen' or 'adopted').
insert into seedgen.schema_migrations (version, name, checksum, applied_by) values ($1, $2, $3, $4)
