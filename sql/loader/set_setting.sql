-- set_setting.sql: one setting of the session ($1 name, $2 value; $3 true: until the transaction ends).
select pg_catalog.set_config($1, $2, $3::boolean)
