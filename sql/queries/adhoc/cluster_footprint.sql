-- cluster_footprint: For each container cluster of the account, how many nodes run and what do they
--   cost, how many services does it host and how much CPU do they request?
-- Parameters: account_id (uuid).
-- Shape: a join of a parent to two kinds of children (container_nodes and container_services by cluster).
-- Served by: idx_container_clusters_account_id, idx_container_nodes_cluster_id and
--   idx_container_services_cluster_id (spec).
-- Checked by: tests/support/check-adhoc.py.
select c.name,
       c.region,
       c.desired_nodes,
       (select count(*) from container_nodes n where n.cluster_id = c.id and n.state = 'running')        as running_nodes,
       (select coalesce(sum(n.hourly_cost), 0) from container_nodes n
         where n.cluster_id = c.id and n.state = 'running')                                              as node_hourly_cost,
       (select count(*) from container_services s where s.cluster_id = c.id)                             as services,
       (select coalesce(sum(s.requested_cpu * s.replica_count), 0) from container_services s
         where s.cluster_id = c.id)                                                                      as requested_cpu
from container_clusters c
where c.account_id = :'account_id'::uuid
order by node_hourly_cost desc, c.name, c.id;
