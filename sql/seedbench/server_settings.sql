-- server_settings: the server's version and the settings that shape plans and memory, for the report.
select 'server_version' as name, current_setting('server_version') as setting
union all
select name, setting || coalesce(' ' || unit, '')
from pg_settings
where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost',
               'effective_io_concurrency', 'max_parallel_workers_per_gather', 'jit', 'plan_cache_mode',
               'maintenance_work_mem', 'default_statistics_target')
order by 1
