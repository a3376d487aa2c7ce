-- cluster_footprint: For each container cluster of the account, how many nodes run and what do they
--   cost, how many services does it host and how much CPU do they request?
-- Parameters: account_id (uuid).
-- Shape: a join of a parent to two kinds of children (container_nodes and container_services by cluster),
--   each summed in a lateral subquery.
-- Served by: idx_container_clusters_account_id, idx_container_nodes_cluster_id and
--   idx_container_services_cluster_id (spec).
-- Checked by: tests/support/check-adhoc.py.
select c.name,
       c.region,
       c.desired_nodes,
       nodes.running_nodes,
       nodes.node_hourly_cost,
       services.services,
       services.requested_cpu
from container_clusters c
cross join lateral (select count(*) as running_nodes, coalesce(sum(n.hourly_cost), 0) as node_hourly_cost
                      from container_nodes n
                     where n.cluster_id = c.id and n.state = 'running'
\if :{?citus}
                       and n.account_id = :'account_id'::uuid
\endif
                   ) nodes
cross join lateral (select count(*) as services, coalesce(sum(s.requested_cpu * s.replica_count), 0) as requested_cpu
                      from container_services s
                     where s.cluster_id = c.id
\if :{?citus}
                       and s.account_id = :'account_id'::uuid
\endif
                   ) services
where c.account_id = :'account_id'::uuid
order by nodes.node_hourly_cost desc, c.name, c.id;
