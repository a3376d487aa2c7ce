#!/usr/bin/env python3
"""check-api-clients-unused: proves sql/queries/hygiene_api_clients_unused.sql. The generator records no
answer key for this hygiene question, so the expected clients are computed here from the api_clients COPY
file of the same fleet, with the rule of docs/data/commitments.md: last use (or creation, when never used)
before midnight UTC of as_of - unused_days. Checked for every account, at the default 90 days and at 30.
Usage: check-api-clients-unused.py COPY_DIR DATABASE_URL QUERIES_DIR"""
import os
import sys
from datetime import datetime, timedelta, timezone

from copy_files import CopyFiles, parse_timestamp, run_query


def expected_clients(clients, as_of, unused_days):
    """expected_clients: {id: (never_used, days_unused)} of the clients the rule flags."""
    as_of_start = datetime.strptime(as_of, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    cutoff = as_of_start - timedelta(days=unused_days)
    flagged = {}
    for client in clients:
        last_seen = parse_timestamp(client["last_used_at"] or client["created_at"])
        if last_seen < cutoff:
            days_unused = (as_of_start.date() - last_seen.date()).days
            flagged[client["id"]] = ("t" if client["last_used_at"] is None else "f", str(days_unused))
    return flagged


def main(copy_dir, url, queries_dir):
    query_file = os.path.join(queries_dir, "hygiene_api_clients_unused.sql")
    files = CopyFiles(copy_dir)
    clients = list(files.rows("api_clients"))
    failures, flagged_total = 0, {}
    for unused_days in (90, 30):
        flagged_total[unused_days] = 0
        for account in files.accounts():
            expected = expected_clients([c for c in clients if c["account_id"] == account], files.as_of, unused_days)
            rows = run_query(url, query_file, account_id=account, as_of=files.as_of, unused_days=unused_days)
            got = {row["resource_id"]: (row["never_used"], row["days_unused"]) for row in rows}
            flagged_total[unused_days] += len(expected)
            if any(row["resource_type"] != "api_client" or row["estimated_monthly_savings"] != "0" for row in rows):
                failures += 1
                print("account %s: resource_type or saving is wrong" % account, file=sys.stderr)
            if got != expected:
                failures += 1
                print("account %s, %d days: query %s, expected %s" % (account, unused_days, sorted(got.items()),
                                                                     sorted(expected.items())), file=sys.stderr)
    # Not vacuous: the rule flags some clients, but not all of them, and a shorter window flags more.
    if not 0 < flagged_total[90] < len(clients) or flagged_total[30] <= flagged_total[90]:
        failures += 1
        print("unexpected totals: %s of %d clients" % (flagged_total, len(clients)), file=sys.stderr)
    print("%s: %d of %d clients unused for 90 days, %d for 30; %d failures" %
          ("ok" if failures == 0 else "not ok", flagged_total[90], len(clients), flagged_total[30], failures))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
