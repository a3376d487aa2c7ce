-- capture_view_functions.sql: the functions the rebuilt views call that must read the staging schema $2 while
-- the views are built (view_functions.sql), for the fleet tables $1 (regclass[]).
select function_name, original, redirected from pg_temp.seedgen_view_function_overrides($1::regclass[], $2)
