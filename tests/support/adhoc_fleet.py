"""adhoc_fleet: the tables of one `seedgen --out` folder, read once into plain Python structures for the
ad-hoc question checkers (adhoc_series.py, adhoc_relations.py). Values stay as the COPY files wrote them;
numbers become Decimal (exact, like PostgreSQL's numeric), JSON columns dicts with Decimal numbers."""
import json
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 60
H = Decimal(730)


def dec(text):
    """dec: a numeric field; NULL (None) is None."""
    return None if text is None else Decimal(text)


def rounded(value, places):
    """rounded: PostgreSQL's round(numeric, places): half away from zero."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def day(text, offset=0):
    return str(date.fromisoformat(text) + timedelta(days=offset))


def as_json(text):
    return json.loads(text, parse_float=Decimal) if text else {}


class Fleet:
    """Fleet: every table the ad-hoc questions read, as lists of dicts, with the indexes they need."""

    TABLES = ("cloud_accounts", "instances", "volumes", "snapshots", "s3_buckets", "s3_bucket_usage_daily",
              "log_groups", "log_group_usage_daily", "commitments", "commitment_utilization_daily",
              "data_transfer_daily", "lambda_functions", "autoscaling_groups", "container_clusters",
              "container_nodes", "container_services", "elastic_ips", "load_balancers", "resource_tags",
              "metrics_daily")

    def __init__(self, files):
        self.as_of = files.as_of
        for table in self.TABLES:
            setattr(self, table, list(files.rows(table)))
        self.account_names = {a["id"]: a["name"] for a in self.cloud_accounts}
        self.instance_by_id = {i["instance_id"]: i for i in self.instances}
        self.volume_by_id = {v["volume_id"]: v for v in self.volumes}
        self.snapshot_by_id = {s["snapshot_id"]: s for s in self.snapshots}
        self.balancer_by_arn = {lb["lb_arn"]: lb for lb in self.load_balancers}
        self.bucket_by_name = {b["name"]: b for b in self.s3_buckets}

    def of(self, table, account):
        """of: the rows of `table` that belong to `account` (by their own account_id)."""
        return [row for row in getattr(self, table) if row["account_id"] == account]

    def children(self, table, key, parents):
        """children: the rows of `table` whose `key` is the id of one of `parents`."""
        ids = {parent["id"] for parent in parents}
        return [row for row in getattr(self, table) if row[key] in ids]

    def top_tag_pair(self, account):
        """top_tag_pair: the account's most used (key, value) pair other than Name; ties by key, value."""
        counts = defaultdict(int)
        for tag in self.of("resource_tags", account):
            if tag["key"] != "Name":
                counts[(tag["key"], tag["value"])] += 1
        if not counts:
            return None
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]


def group(rows, key):
    """group: {key(row): [rows]}, keys in first-seen order."""
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups


def total(rows, column):
    return sum((dec(row[column]) or Decimal(0) for row in rows), Decimal(0))
