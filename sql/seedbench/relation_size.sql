-- relation_size: the on-disk size of one relation of schema public ($1: its name), in bytes.
select pg_relation_size(to_regclass('public.' || quote_ident($1)))
