"""adhoc_relations: the expected answers of the ad-hoc top-N, tag-slicing, join and fleet-wide questions
of sql/queries/adhoc/, computed from the COPY files (adhoc_fleet). Each function returns the rows, in the
query's order, as dicts keyed by the query's column names."""
from collections import defaultdict
from decimal import Decimal

from adhoc_fleet import H, as_json, day, dec, group, rounded, total

ZERO = Decimal(0)


def running(instances):
    return [i for i in instances if i["state"] == "running"]


def top_costly_instances(fleet, account):
    chosen = sorted(running(fleet.of("instances", account)), key=lambda i: (-dec(i["hourly_cost"]), i["instance_id"]))
    return [{"instance_id": i["instance_id"], "name": i["name"], "instance_type": i["instance_type"],
             "region": i["region"], "env": i["env"], "monthly_cost": rounded(dec(i["hourly_cost"]) * H, 2),
             "avg_cpu_7d": dec(i["avg_cpu_7d"]), "avg_network_7d": dec(i["avg_network_7d"])} for i in chosen[:10]]


def top_buckets_by_size(fleet, account):
    on_day = {u["bucket_id"]: u for u in fleet.s3_bucket_usage_daily if u["date"] == fleet.as_of}
    rows = []
    for b in fleet.of("s3_buckets", account):
        u = on_day.get(b["id"])
        if u is None:
            continue
        parts = [dec(u["storage_gb_standard"]), dec(u["storage_gb_ia"]), dec(u["storage_gb_glacier"])]
        rows.append({"name": b["name"], "region": b["region"], "env": b["env"], "total_gb": sum(parts),
                     "storage_gb_standard": parts[0], "storage_gb_ia": parts[1], "storage_gb_glacier": parts[2],
                     "has_lifecycle": as_json(b["lifecycle_policy"]) != {}})
    return sorted(rows, key=lambda r: (-r["total_gb"], r["name"]))[:10]


def top_lambdas_by_cost(fleet, account):
    chosen = sorted(fleet.of("lambda_functions", account), key=lambda f: (-dec(f["estimated_monthly_cost"]), f["id"]))
    columns = ("id", "name", "region", "env", "memory_mb", "provisioned_concurrency", "invocations_7d",
               "estimated_monthly_cost")
    return [{column: f[column] for column in columns} for f in chosen[:10]]


def global_top_instances(fleet, _account=None):
    chosen = sorted(running(fleet.instances), key=lambda i: (-dec(i["hourly_cost"]), i["instance_id"]))
    return [{"instance_id": i["instance_id"], "account_name": fleet.account_names[i["account_id"]],
             "instance_type": i["instance_type"], "region": i["region"], "hourly_cost": dec(i["hourly_cost"]),
             "gpu_count": i["gpu_count"]} for i in chosen[:20]]


def tag_value_breakdown(fleet, account, tag_key):
    tags = [t for t in fleet.of("resource_tags", account) if t["key"] == tag_key]
    counts = group(tags, lambda t: (t["value"], t["resource_type"]))
    rows = [{"value": value, "resource_type": kind, "resources": len(found)} for (value, kind), found in counts.items()]
    return sorted(rows, key=lambda r: (-r["resources"], r["value"], r["resource_type"]))


def instances_with_tag(fleet, account, tag_key, tag_value):
    chosen = [i for i in running(fleet.of("instances", account)) if as_json(i["tags"]).get(tag_key) == tag_value]
    rows = [{"instance_id": i["instance_id"], "name": i["name"], "instance_type": i["instance_type"],
             "region": i["region"], "monthly_cost": rounded(dec(i["hourly_cost"]) * H, 2)} for i in chosen]
    return sorted(rows, key=lambda r: (-r["monthly_cost"], r["instance_id"]))


def tagged_storage_cost(fleet, account, tag_key, tag_value):
    groups = defaultdict(list)
    for t in fleet.of("resource_tags", account):
        if t["key"] != tag_key or t["value"] != tag_value or t["resource_type"] not in ("volume", "snapshot"):
            continue
        found = (fleet.volume_by_id if t["resource_type"] == "volume" else fleet.snapshot_by_id).get(t["resource_id"])
        groups[(t["resource_type"], found["region"] if found else None)].append(dec(found["monthly_cost"]) if found else None)
    rows = [{"resource_type": kind, "region": region, "resources": len(costs),
             "monthly_cost": sum((c for c in costs if c is not None), ZERO) if any(c is not None for c in costs) else None}
            for (kind, region), costs in groups.items()]
    return sorted(rows, key=lambda r: (r["resource_type"], r["region"] is None, r["region"] or ""))


def instance_storage(fleet, account):
    snapshots = group(fleet.of("snapshots", account), lambda s: s["source_volume_id"])
    per_instance = group([v for v in fleet.of("volumes", account) if v["attached_instance_id"] is not None],
                         lambda v: v["attached_instance_id"])
    rows = []
    for i in running(fleet.of("instances", account)):
        volumes = per_instance.get(i["instance_id"])
        if not volumes:
            continue
        taken = [s for v in volumes for s in snapshots.get(v["volume_id"], [])]
        volume_cost, snapshot_cost = total(volumes, "monthly_cost"), total(taken, "monthly_cost")
        rows.append({"instance_id": i["instance_id"], "name": i["name"], "volumes": len(volumes),
                     "volume_gib": sum(int(v["size_gib"]) for v in volumes), "volume_cost": volume_cost,
                     "snapshots": len(taken), "snapshot_cost": snapshot_cost, "storage_cost": volume_cost + snapshot_cost})
    return sorted(rows, key=lambda r: (-r["storage_cost"], r["instance_id"]))[:50]


def asg_fleet(fleet, account):
    members = group(fleet.instances, lambda i: i["autoscaling_group_id"])
    rows = []
    for g in fleet.of("autoscaling_groups", account):
        found = members.get(g["id"], [])
        live = running(found)
        rows.append({"name": g["name"], "instance_type": g["instance_type"], "desired_capacity": g["desired_capacity"],
                     "members": len(found), "running": len(live), "running_hourly_cost": total(live, "hourly_cost"),
                     "running_avg_cpu": rounded(total(live, "avg_cpu_7d") / len(live), 2) if live else None,
                     "_id": g["id"]})
    rows.sort(key=lambda r: (-r["running_hourly_cost"], r["name"], r["_id"]))
    return [{k: v for k, v in r.items() if k != "_id"} for r in rows]


def cluster_footprint(fleet, account):
    nodes = group(fleet.container_nodes, lambda n: n["cluster_id"])
    services = group(fleet.container_services, lambda s: s["cluster_id"])
    rows = []
    for c in fleet.of("container_clusters", account):
        live = [n for n in nodes.get(c["id"], []) if n["state"] == "running"]
        hosted = services.get(c["id"], [])
        rows.append({"name": c["name"], "region": c["region"], "desired_nodes": c["desired_nodes"],
                     "running_nodes": len(live), "node_hourly_cost": total(live, "hourly_cost"),
                     "services": len(hosted),
                     "requested_cpu": sum((dec(s["requested_cpu"]) * int(s["replica_count"]) for s in hosted), ZERO),
                     "_id": c["id"]})
    rows.sort(key=lambda r: (-r["node_hourly_cost"], r["name"], r["_id"]))
    return [{k: v for k, v in r.items() if k != "_id"} for r in rows]


def eip_attachments(fleet, account):
    rows = []
    for e in fleet.of("elastic_ips", account):
        instance = fleet.instance_by_id.get(e["associated_instance_id"])
        balancer = fleet.balancer_by_arn.get(e["associated_lb_arn"])
        attached = "instance" if instance else "load_balancer" if balancer else "nothing"
        name = instance["name"] if instance and instance["name"] is not None else (balancer["name"] if balancer else None)
        rows.append({"allocation_id": e["allocation_id"], "public_ip": e["public_ip"], "attached_to": attached,
                     "attached_name": name, "instance_state": instance["state"] if instance else None,
                     "monthly_cost": rounded(dec(e["hourly_cost"]) * H, 2)})
    return sorted(rows, key=lambda r: (r["attached_to"], -r["monthly_cost"], r["allocation_id"]))


def snapshot_lineage(fleet, account):
    rows = []
    for s in fleet.of("snapshots", account):
        volume = fleet.volume_by_id.get(s["source_volume_id"]) if s["source_volume_id"] is not None else None
        if volume is not None and volume["state"] == "in-use":
            continue
        state = ("no source recorded" if s["source_volume_id"] is None else
                 "volume deleted" if volume is None else "volume " + volume["state"])
        instance = fleet.instance_by_id.get(volume["attached_instance_id"]) if volume else None
        rows.append({"snapshot_id": s["snapshot_id"], "source_volume_id": s["source_volume_id"], "source_state": state,
                     "source_instance": instance["instance_id"] if instance else None, "size_gib": s["size_gib"],
                     "monthly_cost": dec(s["monthly_cost"])})
    return sorted(rows, key=lambda r: (-r["monthly_cost"], r["snapshot_id"]))[:100]


def global_gpu_accounts(fleet, _account=None):
    chosen = [i for i in running(fleet.instances) if i["has_gpu"] == "t"]
    rows = [{"account_name": fleet.account_names[account], "account_id": account, "gpu_instances": len(found),
             "gpus": sum(int(i["gpu_count"]) for i in found), "monthly_cost": total(found, "hourly_cost") * H}
            for account, found in group(chosen, lambda i: i["account_id"]).items()]
    return sorted(rows, key=lambda r: (-r["monthly_cost"], r["account_id"]))[:10]


def global_expiring_commitments(fleet, as_of=None):
    as_of = as_of or fleet.as_of
    chosen = [c for c in fleet.commitments if as_of <= c["end_date"] <= day(as_of, 60)]
    rows = [{"account_id": account, "account_name": fleet.account_names[account], "commitments": len(found),
             "hourly_commitment": total(found, "hourly_commitment_amount"),
             "first_end_date": min(c["end_date"] for c in found)}
            for account, found in group(chosen, lambda c: c["account_id"]).items()]
    return sorted(rows, key=lambda r: (-r["hourly_commitment"], r["account_id"]))


def global_running_by_region(fleet, _account=None):
    rows = [{"region": region, "running_instances": len(found), "monthly_cost": total(found, "hourly_cost") * H}
            for region, found in group(running(fleet.instances), lambda i: i["region"]).items()]
    return sorted(rows, key=lambda r: (-r["monthly_cost"], r["region"]))
