-- hypopg_extension: hypopg in the index advisor's own transaction, which is always rolled back: the
-- advisor's hypothetical indexes live in its session's memory, and the database keeps no trace of them
-- or of the extension (unless it was installed before). Never part of a migration.
create extension if not exists hypopg
