#!/usr/bin/env python3
"""check-missing-tags: proves sql/queries/hygiene_missing_tags.sql against the COPY files of the same
fleet. For every account, the query must return exactly the resources of the 14 resource types whose
tags lack owner or cost-center: read here from the tables' own jsonb tags column, not from resource_tags,
where a table has one; container clusters, container nodes and Lambda functions have none and keep their
tags in resource_tags only (the other 6 types without a column have no tags), with the same missing tags, region, env, name and monthly cost,
all computed here from the rows by the rules of migration 015.
Usage: check-missing-tags.py COPY_DIR DATABASE_URL QUERIES_DIR"""
import json
import os
import sys
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, getcontext

from copy_files import CopyFiles, run_query

getcontext().prec = 50
H = Decimal(730)
REQUIRED = ("owner", "cost-center")


def money(value):
    return Decimal(value or "0")


def monthly_from_daily(daily):
    return daily * H / Decimal(24)


class Fleet:
    """Fleet: every resource of the COPY files as (account, type, id, name, region, env, cost, tags)."""

    def __init__(self, files):
        self.files = files
        self.instances = {row["instance_id"]: row for row in files.rows("instances")}
        self.balancers = {row["lb_arn"]: row for row in files.rows("load_balancers")}
        self.clusters = {row["id"]: row for row in files.rows("container_clusters")}
        self.nodes = list(files.rows("container_nodes"))
        self.tag_store = defaultdict(dict)   # (type, id) -> tags, for the types without a tags column
        for t in files.rows("resource_tags"):
            if t["resource_type"] in ("container_cluster", "container_node", "lambda_function"):
                self.tag_store[(t["resource_type"], t["resource_id"])][t["key"]] = t["value"]

    def resources(self):
        yield from self.compute()
        yield from self.storage()
        yield from self.platform()

    def compute(self):
        for i in self.instances.values():
            cost = money(i["hourly_cost"]) * H if i["state"] in ("running", "pending") else Decimal(0)
            yield i["account_id"], "instance", i["instance_id"], i["name"], i["region"], i["env"], cost, tags(i)
        node_hourly = defaultdict(Decimal)
        for n in self.nodes:
            node_hourly[n["cluster_id"]] += money(n["hourly_cost"])
        for c in self.clusters.values():
            cost = (money(c["estimated_hourly_cost"]) - node_hourly[c["id"]]) * H
            yield c["account_id"], "container_cluster", c["id"], c["name"], c["region"], c["env"], cost, self.tag_store[("container_cluster", c["id"])]
        for n in self.nodes:
            c = self.clusters[n["cluster_id"]]
            cost = money(n["hourly_cost"]) * H if n["state"] == "running" else Decimal(0)
            yield c["account_id"], "container_node", n["id"], n["instance_id"], n["region"], c["env"], cost, self.tag_store[("container_node", n["id"])]
        for f in self.files.rows("lambda_functions"):
            cost = money(f["estimated_monthly_cost"])
            yield f["account_id"], "lambda_function", f["id"], f["name"], f["region"], f["env"], cost, self.tag_store[("lambda_function", f["id"])]

    def storage(self):
        for v in self.files.rows("volumes"):
            t = tags(v)
            attached = self.instances.get(v["attached_instance_id"])
            env = t["env"] if "env" in t else attached["env"] if attached else "untagged"
            yield v["account_id"], "volume", v["volume_id"], t.get("Name"), v["region"], env, money(v["monthly_cost"]), t
        for s in self.files.rows("snapshots"):
            t = tags(s)
            cost = money(s["monthly_cost"])
            yield s["account_id"], "snapshot", s["snapshot_id"], t.get("Name"), s["region"], t.get("env", "untagged"), cost, t
        as_of_charge = {u["bucket_id"]: money(u["estimated_storage_cost"]) + money(u["estimated_request_cost"])
                        for u in self.files.rows("s3_bucket_usage_daily") if u["date"] == self.files.as_of}
        for b in self.files.rows("s3_buckets"):
            cost = 30 * as_of_charge.get(b["id"], Decimal(0))
            yield b["account_id"], "s3_bucket", b["name"], b["name"], b["region"], b["env"], cost, tags(b)

    def platform(self):
        for r in self.files.rows("rds_instances"):
            compute = Decimal(0) if r["state"] == "stopped" else money(r["hourly_cost"]) * H
            cost = compute + money(r["storage_monthly_cost"])
            yield r["account_id"], "rds_instance", r["db_instance_id"], r["db_instance_id"], r["region"], r["env"], cost, {}
        for table, kind, key, name in (("cache_clusters", "cache_cluster", "cluster_id", "cluster_id"),
                                       ("load_balancers", "load_balancer", "lb_arn", "name"),
                                       ("managed_services", "managed_service", "id", "name"),
                                       ("streaming_clusters", "streaming_cluster", "id", "name")):
            for row in self.files.rows(table):
                cost = money(row["hourly_cost"]) * H
                yield row["account_id"], kind, row[key], row[name], row["region"], row["env"], cost, {}
        for e in self.files.rows("elastic_ips"):
            target = self.instances.get(e["associated_instance_id"]) or self.balancers.get(e["associated_lb_arn"])
            region, env = (target["region"], target["env"]) if target else ("unknown", "untagged")
            cost = money(e["hourly_cost"]) * H
            yield e["account_id"], "elastic_ip", e["allocation_id"], e["public_ip"], region, env, cost, {}
        yield from self.log_groups()

    def log_groups(self):
        as_of = self.files.as_of
        first_day = str(date.fromisoformat(as_of) - timedelta(days=29))
        ingestion, storage = defaultdict(list), {}
        for u in self.files.rows("log_group_usage_daily"):
            if first_day <= u["date"] <= as_of:
                ingestion[u["log_group_id"]].append(money(u["estimated_ingestion_cost"]))
            if u["date"] == as_of:
                storage[u["log_group_id"]] = money(u["estimated_storage_cost"])
        for g in self.files.rows("log_groups"):
            days = ingestion[g["id"]]
            mean = sum(days) / len(days) if days else Decimal(0)
            cost = monthly_from_daily(mean + storage.get(g["id"], Decimal(0)))
            yield g["account_id"], "log_group", g["id"], g["name"], g["region"], g["env"], cost, tags(g)


def tags(row):
    return json.loads(row["tags"]) if row.get("tags") else {}


def expected_rows(fleet):
    """expected_rows: {account: {(type, id): (missing, cost, region, env, name)}} of the untagged resources."""
    expected = defaultdict(dict)
    for account, kind, resource_id, name, region, env, cost, resource_tags in fleet.resources():
        missing = [key for key in REQUIRED if key not in resource_tags]
        if missing:
            rounded = str(cost.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
            expected[account][(kind, resource_id)] = ("{" + ",".join(missing) + "}", rounded, region, env, name or "")
    return expected


def main(copy_dir, url, queries_dir):
    query_file = os.path.join(queries_dir, "hygiene_missing_tags.sql")
    files = CopyFiles(copy_dir)
    fleet = Fleet(files)
    expected = expected_rows(fleet)
    resources = sum(1 for _ in fleet.resources())
    failures = flagged = 0
    for account in files.accounts():
        rows = run_query(url, query_file, account_id=account, as_of=files.as_of, max_lines=10**9)
        got = {(r["resource_type"], r["resource_id"]): (r["missing_tags"], r["monthly_cost"], r["region"], r["env"], r["name"])
               for r in rows}
        flagged += len(got)
        costs = [Decimal(r["monthly_cost"]) for r in rows]
        if costs != sorted(costs, reverse=True) or any(r["estimated_monthly_savings"] != "0" for r in rows):
            failures += 1
            print("account %s: not ordered by monthly_cost, or a saving is not 0" % account, file=sys.stderr)
        if got != expected[account]:
            failures += 1
            diff = sorted(set(got.items()) ^ set(expected[account].items()))[:6]
            print("account %s differs (first lines of the symmetric difference): %s" % (account, diff), file=sys.stderr)
    # Not vacuous: some resources are flagged and some tagged ones are compliant.
    if not 0 < flagged < resources:
        failures += 1
        print("flagged %d of %d resources" % (flagged, resources), file=sys.stderr)
    print("%s: %d of %d resources miss owner or cost-center; %d failures" %
          ("ok" if failures == 0 else "not ok", flagged, resources, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
