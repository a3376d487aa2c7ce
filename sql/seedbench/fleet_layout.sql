-- fleet_layout.sql: the database's layout (seedgen migrate --layout): the layout of its ledger's files, or
-- 'spec' when it has none. A catalog query's `\if :{?<layout>}` lines apply on that layout.
select coalesce(min(layout), 'spec') from seedgen.layout_migrations
