#!/usr/bin/env python3
"""check-adhoc: proves every ad-hoc question of sql/queries/adhoc/ against the COPY files of the same fleet.
For each question, the expected rows (values and order) are computed here from the generator's own files
(adhoc_series.py, adhoc_relations.py), never from the database, and compared with what the query returns
from psql: for every account (account questions), for several subjects of each account (one resource's
history, tag slices; also subjects that match nothing) or once (fleet-wide questions). A question file
without a checker here fails, and so does a question that returns nothing for every account.
Usage: check-adhoc.py COPY_DIR DATABASE_URL QUERIES_DIR"""
import os
import sys
from decimal import Decimal, InvalidOperation

import adhoc_relations as relations
import adhoc_series as series
from adhoc_fleet import Fleet, day, dec
from copy_files import CopyFiles, run_query

# name -> (expected rows function, what it takes)
CHECKS = {
    "instance_cpu_daily": (series.instance_cpu_daily, "account"),
    "s3_storage_daily": (series.s3_storage_daily, "account"),
    "log_ingestion_daily": (series.log_ingestion_daily, "account"),
    "commitment_utilization_trend": (series.commitment_utilization_trend, "account"),
    "transfer_cost_daily": (series.transfer_cost_daily, "account"),
    "global_egress_daily": (series.global_egress_daily, "global"),
    "instance_history": (series.instance_history, "instance"),
    "bucket_history": (series.bucket_history, "bucket"),
    "top_costly_instances": (relations.top_costly_instances, "account"),
    "top_buckets_by_size": (relations.top_buckets_by_size, "account"),
    "top_lambdas_by_cost": (relations.top_lambdas_by_cost, "account"),
    "global_top_instances": (relations.global_top_instances, "global"),
    "tag_value_breakdown": (relations.tag_value_breakdown, "tag_key"),
    "instances_with_tag": (relations.instances_with_tag, "tag_pair"),
    "tagged_storage_cost": (relations.tagged_storage_cost, "tag_pair"),
    "instance_storage": (relations.instance_storage, "account"),
    "asg_fleet": (relations.asg_fleet, "account"),
    "cluster_footprint": (relations.cluster_footprint, "account"),
    "eip_attachments": (relations.eip_attachments, "account"),
    "snapshot_lineage": (relations.snapshot_lineage, "account"),
    "global_gpu_accounts": (relations.global_gpu_accounts, "global"),
    "global_expiring_commitments": (relations.global_expiring_commitments, "global_window"),
    "global_running_by_region": (relations.global_running_by_region, "global"),
}


def normal(value):
    """normal: a value as psql --csv prints it: NULL '', booleans t/f, numbers as Decimal."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    return value


def same(expected, got):
    want = normal(expected)
    if isinstance(want, Decimal):
        try:
            return got != "" and Decimal(got) == want
        except InvalidOperation:
            return False
    return got == want


def differences(expected, got):
    """differences: the first few ways `got` (psql rows) differs from `expected`, as text."""
    problems = []
    if len(expected) != len(got):
        problems.append("%d rows, expected %d" % (len(got), len(expected)))
    for index, (want, have) in enumerate(zip(expected, got)):
        if set(want) != set(have):
            problems.append("row %d columns %s, expected %s" % (index, sorted(have), sorted(want)))
            break
        wrong = [column for column in want if not same(want[column], have[column])]
        if wrong:
            problems.append("row %d: %s" % (index, ", ".join("%s=%r (expected %r)" % (c, have[c], want[c]) for c in wrong)))
        if len(problems) >= 3:
            break
    return problems


def subjects(fleet, account, kind):
    """subjects: the runs of one account for a question taking `kind`: (psql variables, function arguments)."""
    if kind == "account":
        return [({"account_id": account}, (account,))]
    if kind == "instance":
        owned = sorted(fleet.of("instances", account), key=lambda i: (-dec(i["hourly_cost"]), i["instance_id"]))
        stopped = [i for i in owned if i["state"] != "running"]
        chosen = {i["instance_id"] for i in owned[:1] + stopped[:1]} | {"i-doesnotexist"}
        return [({"account_id": account, "instance_id": name}, (name,)) for name in sorted(chosen)]
    if kind == "bucket":
        names = sorted(b["name"] for b in fleet.of("s3_buckets", account))
        chosen = set(names[:1] + names[-1:]) | {"no-such-bucket"}
        return [({"account_id": account, "bucket_name": name}, (name,)) for name in sorted(chosen)]
    pair = fleet.top_tag_pair(account)
    pairs = ([pair] if pair else []) + [("team", "nobody")]
    if kind == "tag_key":
        keys = sorted({p[0] for p in pairs} | {"owner"})
        return [({"account_id": account, "tag_key": key}, (account, key)) for key in keys]
    return [({"account_id": account, "tag_key": key, "tag_value": value}, (account, key, value)) for key, value in pairs]


def check_question(name, fleet, url, query_file):
    function, kind = CHECKS[name]
    if kind == "global_window":
        # A window question can be empty at as_of on a small fleet; its as_of is a parameter like any
        # other, so it is also asked 4 and 8 months later, where the one-year commitments end.
        runs = [({"as_of": on}, (on,)) for on in (fleet.as_of, day(fleet.as_of, 120), day(fleet.as_of, 240))]
    else:
        runs = [({}, ())] if kind == "global" else [run for account in sorted(fleet.account_names)
                                                      for run in subjects(fleet, account, kind)]
    failures, returned = 0, 0
    for variables, arguments in runs:
        got = run_query(url, query_file, **({"as_of": fleet.as_of} | variables))
        returned += len(got)
        problems = differences(function(fleet, *arguments), got)
        if problems:
            failures += 1
            print("%s %s: %s" % (name, variables, "; ".join(problems)), file=sys.stderr)
    if returned == 0:
        failures += 1
        print("%s: no rows for any account or subject; the check would prove nothing" % name, file=sys.stderr)
    print("%s %s (%d runs, %d rows)" % ("ok" if failures == 0 else "not ok", name, len(runs), returned))
    return failures


def main(copy_dir, url, queries_dir):
    folder = os.path.join(queries_dir, "adhoc")
    names = sorted(file[:-4] for file in os.listdir(folder) if file.endswith(".sql"))
    unchecked = [name for name in names if name not in CHECKS]
    fleet = Fleet(CopyFiles(copy_dir))
    failures = len(unchecked)
    for name in unchecked:
        print("not ok %s: no checker in check-adhoc.py" % name)
    for name in names:
        if name in CHECKS:
            failures += check_question(name, fleet, url, os.path.join(folder, name + ".sql"))
    print("%d questions, %d failures" % (len(names), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
