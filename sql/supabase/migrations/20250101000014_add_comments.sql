-- Comments on the tables that lack one and on the columns whose meaning or unit is not obvious from the
-- name. Money is always USD; "_7d" columns are averages or totals over the trailing 7 days as of the last
-- metrics rollup; CPU and memory utilisation are percent, 0-100.

-- Compute
comment on table autoscaling_groups is 'Auto Scaling groups: desired/min/max capacity of a fleet of instances';
comment on table instances is 'EC2-style virtual machines, standalone or launched by an autoscaling group';
comment on column instances.instance_id is 'Provider-style id, e.g. i-0123456789abcdef0; referenced by volumes.attached_instance_id and elastic_ips.associated_instance_id';
comment on column instances.hourly_cost is 'On-demand compute price in USD/hour, excluding GPU (see gpu_hourly_cost)';
comment on column instances.gpu_hourly_cost is 'GPU surcharge in USD/hour; 0 without GPUs';
comment on column instances.avg_cpu_7d is 'Average CPU utilisation over the trailing 7 days, percent 0-100';
comment on column instances.avg_network_7d is 'Mean daily network traffic (in + out) over the trailing 7 days, MB per day; equals the mean of metrics_daily network_mb';
comment on column instances.last_active_at is 'Last time the instance showed meaningful activity; null if never observed';
comment on column instances.tags is 'Provider tags as a flat JSON object of string keys to string values, e.g. {"team": "ml", "owner": "alice"}';
comment on column instances.autoscaling_group_id is 'Owning autoscaling group; null for standalone instances or after the group is deleted';

comment on table container_clusters is 'ECS/EKS/Kubernetes clusters; their nodes and services are in container_nodes and container_services';
comment on column container_clusters.estimated_hourly_cost is 'Estimated cost of the whole cluster in USD/hour';

comment on table container_nodes is 'Worker nodes (VMs) inside a container cluster';
comment on column container_nodes.instance_id is 'Provider-style id of the VM backing the node; not unique across clusters';
comment on column container_nodes.hourly_cost is 'Node compute price in USD/hour, excluding GPU';
comment on column container_nodes.gpu_hourly_cost is 'GPU surcharge in USD/hour; 0 without GPUs';
comment on column container_nodes.avg_cpu_7d is 'Average CPU utilisation over the trailing 7 days, percent 0-100';
comment on column container_nodes.avg_memory_7d is 'Average memory utilisation over the trailing 7 days, percent 0-100';

comment on table lambda_functions is 'Serverless functions (AWS Lambda)';
comment on column lambda_functions.memory_mb is 'Configured memory in MB';
comment on column lambda_functions.timeout_seconds is 'Configured timeout in seconds';
comment on column lambda_functions.provisioned_concurrency is 'Provisioned (always-warm) concurrent executions; billed even when idle';
comment on column lambda_functions.invocations_7d is 'Total invocations over the trailing 7 days';
comment on column lambda_functions.avg_duration_ms_7d is 'Average invocation duration over the trailing 7 days, milliseconds';
comment on column lambda_functions.estimated_monthly_cost is 'Estimated cost in USD/month (requests, duration and provisioned concurrency)';

-- Storage
comment on table volumes is 'EBS-style block storage volumes';
comment on column volumes.size_gib is 'Provisioned size in GiB';
comment on column volumes.volume_type is 'EBS volume type, e.g. gp2, gp3, io1, io2, st1, sc1';
comment on column volumes.attached_instance_id is 'instances.instance_id of the instance the volume is attached to (text, not a foreign key); null when unattached';
comment on column volumes.monthly_cost is 'Storage cost in USD/month';
comment on column volumes.last_used_at is 'Last time the volume saw I/O; null if never observed';
comment on column volumes.tags is 'Provider tags as a flat JSON object of string keys to string values';

comment on table snapshots is 'EBS-style snapshots (point-in-time backups of volumes)';
comment on column snapshots.source_volume_id is 'volumes.volume_id the snapshot was taken from (text, not a foreign key); may name a volume that no longer exists';
comment on column snapshots.size_gib is 'Snapshot size in GiB';
comment on column snapshots.retention_policy is 'Free-form retention rule, e.g. "30d" or "keep-last-7"; null when none applies';
comment on column snapshots.monthly_cost is 'Storage cost in USD/month';
comment on column snapshots.tags is 'Provider tags as a flat JSON object of string keys to string values';

comment on table s3_buckets is 'S3-style object storage buckets; daily usage is in s3_bucket_usage_daily';
comment on column s3_buckets.name is 'Globally unique bucket name';
comment on column s3_buckets.lifecycle_policy is 'S3 lifecycle configuration as JSON (transitions to IA/Glacier, expirations); {} means no lifecycle rules';
comment on column s3_buckets.tags is 'Provider tags as a flat JSON object of string keys to string values';

comment on table s3_bucket_usage_daily is 'Per-bucket daily storage and request usage, one row per bucket and date';
comment on column s3_bucket_usage_daily.storage_gb_standard is 'Data stored in the Standard class that day, GB';
comment on column s3_bucket_usage_daily.storage_gb_ia is 'Data stored in the Infrequent Access class that day, GB';
comment on column s3_bucket_usage_daily.storage_gb_glacier is 'Data stored in the Glacier classes that day, GB';
comment on column s3_bucket_usage_daily.requests_count is 'Number of requests that day';
comment on column s3_bucket_usage_daily.estimated_storage_cost is 'Storage cost for that day, USD';
comment on column s3_bucket_usage_daily.estimated_request_cost is 'Request cost for that day, USD';

-- Databases and caches
comment on table rds_instances is 'RDS-style managed database instances';
comment on column rds_instances.allocated_storage_gib is 'Allocated storage in GiB';
comment on column rds_instances.hourly_cost is 'Instance price in USD/hour, excluding storage';
comment on column rds_instances.storage_monthly_cost is 'Storage cost in USD/month';
comment on column rds_instances.avg_cpu_7d is 'Average CPU utilisation over the trailing 7 days, percent 0-100';
comment on column rds_instances.avg_connections_7d is 'Average number of open database connections over the trailing 7 days';

comment on table cache_clusters is 'ElastiCache-style Redis/Memcached clusters';
comment on column cache_clusters.hourly_cost is 'Price of the whole cluster (all nodes) in USD/hour';
comment on column cache_clusters.avg_cpu_7d is 'Average CPU utilisation over the trailing 7 days, percent 0-100';
comment on column cache_clusters.avg_memory_7d is 'Average memory utilisation over the trailing 7 days, percent 0-100';

-- Networking
comment on table load_balancers is 'Elastic load balancers (application, network, gateway, classic)';
comment on column load_balancers.lb_arn is 'Provider-style ARN; referenced by elastic_ips.associated_lb_arn';
comment on column load_balancers.hourly_cost is 'Price in USD/hour';
comment on column load_balancers.avg_request_count_7d is 'Average requests per day over the trailing 7 days';

comment on table elastic_ips is 'Static public IPv4 addresses; unassociated addresses still cost money';
comment on column elastic_ips.associated_instance_id is 'instances.instance_id the address is associated with (text, not a foreign key); null when not associated with an instance';
comment on column elastic_ips.associated_lb_arn is 'load_balancers.lb_arn the address is associated with (text, not a foreign key); null when not associated with a load balancer';
comment on column elastic_ips.hourly_cost is 'Price in USD/hour';

comment on table data_transfer_daily is 'Daily network transfer volume and cost per account, region pair and direction';
comment on column data_transfer_daily.gb_transferred is 'Data transferred that day, GB';
comment on column data_transfer_daily.estimated_transfer_cost is 'Transfer cost for that day, USD';

-- Managed services
comment on table managed_services is 'Other managed services billed per node (OpenSearch, feature stores, ...); service_type names the service';
comment on column managed_services.hourly_cost is 'Price of all nodes together in USD/hour';
comment on column managed_services.avg_cpu_7d is 'Average CPU utilisation over the trailing 7 days, percent 0-100';
comment on column managed_services.avg_memory_7d is 'Average memory utilisation over the trailing 7 days, percent 0-100';

comment on table streaming_clusters is 'Kinesis streams and Kafka/MSK clusters';
comment on column streaming_clusters.retention_hours is 'Data retention in hours';
comment on column streaming_clusters.provisioned_throughput_mbps is 'Provisioned throughput in MB/s';
comment on column streaming_clusters.avg_usage_mbps_7d is 'Average used throughput over the trailing 7 days, MB/s';
comment on column streaming_clusters.hourly_cost is 'Price in USD/hour';

-- Observability
comment on table log_groups is 'CloudWatch-style log groups; daily usage is in log_group_usage_daily';
comment on column log_groups.retention_days is 'Retention in days; null means logs never expire';
comment on column log_groups.tags is 'Provider tags as a flat JSON object of string keys to string values';

comment on table log_group_usage_daily is 'Per-log-group daily ingestion and storage, one row per log group and date';
comment on column log_group_usage_daily.ingested_gb is 'Data ingested that day, GB';
comment on column log_group_usage_daily.stored_gb is 'Data stored at the end of that day, GB';
comment on column log_group_usage_daily.estimated_ingestion_cost is 'Ingestion cost for that day, USD';
comment on column log_group_usage_daily.estimated_storage_cost is 'Storage cost for that day, USD';

-- Commitments
comment on table commitments is 'Reserved Instances, Savings Plans and enterprise discount (EDP) commitments';
comment on column commitments.scope is 'What the commitment covers, e.g. an instance family and region ("m5/us-east-1") or "compute"';
comment on column commitments.term_months is 'Term length in months: 12 or 36';
comment on column commitments.hourly_commitment_amount is 'Committed spend in USD/hour, paid whether used or not';

comment on table commitment_utilization_daily is 'Per-commitment daily utilisation, one row per commitment and date';
comment on column commitment_utilization_daily.actual_hourly_usage_equivalent is 'Eligible usage that day expressed in USD/hour, comparable to commitments.hourly_commitment_amount';
comment on column commitment_utilization_daily.utilization_percent is 'Share of the commitment used that day, percent 0-100';
comment on column commitment_utilization_daily.estimated_savings_vs_ondemand is 'Savings that day compared with on-demand prices, USD';

-- Governance and metrics
comment on table resource_tags is 'Tags of any resource as key/value rows (polymorphic: resource_type + resource_id name the resource)';
comment on column resource_tags.resource_id is 'Provider-style id of the tagged resource (e.g. instances.instance_id, volumes.volume_id, s3_buckets.name); not a foreign key';

comment on table metrics_daily is 'Generic daily metric rollup for any resource, one row per resource and date';
comment on column metrics_daily.resource_type is 'Kind of resource, same vocabulary as resource_tags.resource_type';
comment on column metrics_daily.resource_id is 'Provider-style id of the resource (e.g. instances.instance_id); not a foreign key';
comment on column metrics_daily.metric_payload is 'Metrics for that day as a JSON object; keys depend on resource_type; see docs/DATA.md and docs/data/';
comment on column metrics_daily.estimated_daily_cost is 'Cost of the resource for that day, USD';

-- Container services and API access
comment on table container_services is 'Logical services/deployments running on a container cluster';
comment on column container_services.requested_cpu is 'CPU requested per replica, vCPU';
comment on column container_services.requested_memory_mb is 'Memory requested per replica, MB';
comment on column container_services.avg_cpu_7d is 'Average CPU utilisation over the trailing 7 days, percent 0-100';
comment on column container_services.avg_memory_7d is 'Average memory utilisation over the trailing 7 days, percent 0-100';

comment on table api_clients is 'IAM-style API clients (access keys) for external access to an account';
comment on column api_clients.access_key_id is 'Public access key id, e.g. AKIA...; unique';
comment on column api_clients.secret_key_hash is 'Hash of the secret key; the secret itself is never stored';
comment on column api_clients.scopes is 'Granted scopes as a JSON array of "action:resource" strings, e.g. ["read:*"] or ["read:instances", "write:optimization_actions"]';
comment on column api_clients.last_used_at is 'Last successful authentication; null if never used';
