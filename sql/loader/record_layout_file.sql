-- record_layout_file.sql: records that layout $1's file $3 (version $2, sha256 $4) was applied.
insert into seedgen.layout_migrations (layout, version, name, checksum) values ($1, $2, $3, $4)
