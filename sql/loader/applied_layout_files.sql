-- applied_layout_files.sql: the files of layout $1 the database applied: version, name, checksum.
select version, name, checksum from seedgen.layout_migrations where layout = $1 order by version
