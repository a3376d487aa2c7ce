#!/usr/bin/env python3
"""check-rollups: proves the three roll-up queries of sql/queries on one loaded fleet.
- rollup_global_cost: its resources add up to seedgen.runs.resources exactly, and its cost to
  seedgen.runs.monthly_cost (the generator's own figure) within the documented gap: the generator prices
  six services at unrounded hourly rates (at most 730 x $0.00005 a resource) and log ingestion at a level
  the tables do not keep (10 % of the log-group lines allowed), and it adds load balancers' capacity-unit
  charges, which the roll-up leaves out (docs/data/platform.md); they are computed here from the
  balancers' metrics_daily rows. tests/db/cost_rollup_test.cc proves the other domains to the cent.
- rollup_account_cost, run for every account, returns exactly the global lines of that account.
- rollup_global_top_accounts agrees with the global lines: totals, ranks, top service and shares.
- Both global queries return nothing for a day the view was not refreshed for.
Usage: check-rollups.py COPY_DIR DATABASE_URL QUERIES_DIR"""
import os
import sys
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from copy_files import CopyFiles, run_query, run_sql

HOURLY_PRICED = ("rds_instances", "cache_clusters", "load_balancers", "elastic_ips", "managed_services",
                 "streaming_clusters")


class Checker:
    def __init__(self):
        self.failures = 0

    def expect(self, condition, message):
        if not condition:
            self.failures += 1
            print("not ok: " + message, file=sys.stderr)


def capacity_charges(files):
    """capacity_charges: the balancers' capacity-unit charges a month: the mean over their metrics_daily
    rows of the last 7 days of estimated_daily_cost less 24 fixed hours, x 730 / 24."""
    hourly = {lb["lb_arn"]: Decimal(lb["hourly_cost"]) for lb in files.rows("load_balancers")}
    first_day = str(date.fromisoformat(files.as_of) - timedelta(days=6))
    days = defaultdict(list)
    for m in files.rows("metrics_daily"):
        if m["resource_type"] == "load_balancer" and m["resource_id"] in hourly and first_day <= m["date"] <= files.as_of:
            days[m["resource_id"]].append(Decimal(m["estimated_daily_cost"]) - 24 * hourly[m["resource_id"]])
    return sum(sum(d) / len(d) for d in days.values()) * 730 / 24


def check_totals(check, files, run, lines):
    resources = sum(int(line["resources"]) for line in lines)
    check.expect(resources == int(run["resources"]), "resources %d, run %s" % (resources, run["resources"]))
    total = sum(Decimal(line["monthly_cost"]) for line in lines)
    logs = sum(Decimal(line["monthly_cost"]) for line in lines if line["resource_type"] == "log_group")
    hourly_priced = sum(files.tables["public." + table]["rows"] for table in HOURLY_PRICED)
    bound = Decimal("0.0365") * hourly_priced + logs / 10
    gap = total + capacity_charges(files) - Decimal(run["monthly_cost"])
    check.expect(abs(gap) <= bound, "monthly cost %s, run %s: gap %s over %s" % (total, run["monthly_cost"], gap, bound))
    print("global: %d lines, %d resources, $%s a month; the run says $%s (gap %s, allowed %s)" %
          (len(lines), resources, total, run["monthly_cost"], gap.quantize(Decimal("0.01")), bound.quantize(Decimal("0.01"))))
    costs = [Decimal(line["monthly_cost"]) for line in lines]
    check.expect(costs == sorted(costs, reverse=True), "global lines are not ordered by cost")


def check_accounts(check, url, queries, as_of, accounts, lines):
    global_lines = {(l["account_id"], l["resource_type"], l["region"], l["env"]): (l["monthly_cost"], l["resources"])
                    for l in lines}
    check.expect(len(global_lines) == len(lines), "global lines repeat a group")
    account_lines = {}
    for account in accounts:
        for l in run_query(url, os.path.join(queries, "rollup_account_cost.sql"), account_id=account, as_of=as_of):
            check.expect(l["resource_id"] == l["region"] + "/" + l["env"], "bad group key " + l["resource_id"])
            account_lines[(account, l["resource_type"], l["region"], l["env"])] = (l["monthly_cost"], l["resources"])
    differ = set(global_lines.items()) ^ set(account_lines.items())
    check.expect(not differ, "account lines differ from the global ones: %s" % sorted(differ)[:6])
    print("accounts: %d lines over %d accounts equal the global lines" % (len(account_lines), len(accounts)))


def check_top_accounts(check, url, queries, as_of, lines):
    by_account, by_service = defaultdict(Decimal), defaultdict(Decimal)
    resources = defaultdict(int)
    for l in lines:
        by_account[l["account_id"]] += Decimal(l["monthly_cost"])
        by_service[(l["account_id"], l["resource_type"])] += Decimal(l["monthly_cost"])
        resources[l["account_id"]] += int(l["resources"])
    estate = sum(by_account.values())
    top = run_query(url, os.path.join(queries, "rollup_global_top_accounts.sql"), as_of=as_of)
    check.expect(sorted(t["resource_id"] for t in top) == sorted(by_account), "top accounts list other accounts")
    for position, t in enumerate(top):
        account = t["resource_id"]
        services = sorted((-cost, service) for (a, service), cost in by_service.items() if a == account)
        share = (100 * by_account[account] / estate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        check.expect(Decimal(t["monthly_cost"]) == by_account[account], "account %s total" % account)
        check.expect(int(t["resources"]) == resources[account], "account %s resources" % account)
        check.expect(t["top_service"] == services[0][1], "account %s top service %s" % (account, t["top_service"]))
        check.expect(Decimal(t["share_of_estate_percent"]) == share, "account %s share %s" % (account, share))
        check.expect(int(t["cost_rank"]) == position + 1, "account %s rank %s" % (account, t["cost_rank"]))
    print("top accounts: %d ranked, shares add up to %s %%" % (len(top), sum(Decimal(t["share_of_estate_percent"]) for t in top)))


def main(copy_dir, url, queries):
    check = Checker()
    files = CopyFiles(copy_dir)
    run = run_sql(url, "select resources, monthly_cost, as_of from seedgen.runs order by run_id desc limit 1")[0]
    check.expect(run["as_of"] == files.as_of, "run as_of %s, files %s" % (run["as_of"], files.as_of))
    lines = run_query(url, os.path.join(queries, "rollup_global_cost.sql"), as_of=files.as_of, max_lines=10**9)
    check.expect(len(lines) > 0, "no global lines")
    check_totals(check, files, run, lines)
    check_accounts(check, url, queries, files.as_of, files.accounts(), lines)
    check_top_accounts(check, url, queries, files.as_of, lines)
    next_day = str(date.fromisoformat(files.as_of) + timedelta(days=1))
    for name in ("rollup_global_cost.sql", "rollup_global_top_accounts.sql"):
        check.expect(not run_query(url, os.path.join(queries, name), as_of=next_day), name + " answers another day")
    print("%s: %d failures" % ("ok" if check.failures == 0 else "not ok", check.failures))
    return 1 if check.failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
