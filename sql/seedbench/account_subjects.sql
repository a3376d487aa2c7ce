-- account_subjects: what seedbench binds an ad-hoc question's subject parameters to, for one account
-- ($1): its costliest running instance, its first S3 bucket by name, and its most used tag (key, value)
-- pair other than Name. Ties go to the smallest id, so the same fleet gives the same subjects. A column
-- is NULL when the account has no such resource; the question then runs with an empty string.
select (select i.instance_id from public.instances i
         where i.account_id = $1::uuid and i.state = 'running'
         order by i.hourly_cost desc, i.instance_id limit 1)                  as instance_id,
       (select b.name from public.s3_buckets b
         where b.account_id = $1::uuid order by b.name limit 1)               as bucket_name,
       t.key                                                                  as tag_key,
       t.value                                                                as tag_value
from (select 1) one
left join lateral (
  select rt.key, rt.value from public.resource_tags rt
  where rt.account_id = $1::uuid and rt.key <> 'Name'
  group by rt.key, rt.value
  order by count(*) desc, rt.key, rt.value
  limit 1) t on true
