-- fleet_counts: accounts and answer-key rows; a fleet without either is not benchmarkable.
select (select count(*) from public.cloud_accounts) as accounts,
       (select count(*) from seedgen.planted_waste) as findings
