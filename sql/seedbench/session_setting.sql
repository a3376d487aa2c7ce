-- session_setting: sets one setting ($1) to a value ($2) for the rest of the session (plan_cache_mode of
-- the timed sessions).
select set_config($1, $2, false)
