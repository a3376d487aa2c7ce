-- unlock: releases lock.sql's advisory lock.
select pg_catalog.pg_advisory_unlock(1592590337)
