-- hypopg_create: one hypothetical index ($1: a CREATE INDEX statement); the planner of this session sees
-- it, nothing is built. Its name (e.g. "<13541>btree_volumes_account_id") is how a plan shows it was used.
select indexname from hypopg_create_index($1)
