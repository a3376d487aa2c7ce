-- session_setup.sql: every loader session checks its client's socket once a second while a statement runs, so
-- that the backend of a killed seedgen stops (and releases its locks) instead of finishing a long index build
-- for nobody. The setting exists from PostgreSQL 14 on.
select pg_catalog.set_config('client_connection_check_interval', '1000', false)
 where pg_catalog.current_setting('server_version_num')::int >= 140000
