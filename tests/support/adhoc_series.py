"""adhoc_series: the expected answers of the ad-hoc time-series and history questions
(sql/queries/adhoc/*_daily.sql, *_trend.sql, *_history.sql), computed from the COPY files (adhoc_fleet).
Each function returns the rows, in the query's order, as dicts keyed by the query's column names."""
from decimal import Decimal

from adhoc_fleet import as_json, day, dec, group, rounded, total


def instance_cpu_daily(fleet, account):
    first = day(fleet.as_of, -13)
    rows = [m for m in fleet.metrics_daily if m["account_id"] == account and m["resource_type"] == "instance"
            and first <= m["date"] <= fleet.as_of]
    out = []
    for date, days in sorted(group(rows, lambda m: m["date"]).items()):
        payloads = [as_json(m["metric_payload"]) for m in days]
        out.append({"date": date, "instances": len(days),
                    "avg_cpu": rounded(sum(p["cpu_avg"] for p in payloads) / len(days), 2),
                    "peak_cpu": max(p["cpu_max"] for p in payloads),
                    "network_mb": rounded(sum(p["network_mb"] for p in payloads), 2),
                    "daily_cost": total(days, "estimated_daily_cost")})
    return out


def s3_storage_daily(fleet, account):
    usage = [u for u in fleet.children("s3_bucket_usage_daily", "bucket_id", fleet.of("s3_buckets", account))
             if u["date"] > day(fleet.as_of, -30)]
    return [{"date": date, "buckets": len(days),
             "standard_gb": total(days, "storage_gb_standard"), "ia_gb": total(days, "storage_gb_ia"),
             "glacier_gb": total(days, "storage_gb_glacier"), "requests": total(days, "requests_count"),
             "daily_cost": total(days, "estimated_storage_cost") + total(days, "estimated_request_cost")}
            for date, days in sorted(group(usage, lambda u: u["date"]).items())]


def log_ingestion_daily(fleet, account):
    groups = {g["id"]: g for g in fleet.of("log_groups", account)}
    usage = [u for u in fleet.log_group_usage_daily if u["log_group_id"] in groups and u["date"] > day(fleet.as_of, -30)]
    by_day_env = group(usage, lambda u: (u["date"], groups[u["log_group_id"]]["env"]))
    return [{"date": date, "env": env, "log_groups": len(days),
             "ingested_gb": total(days, "ingested_gb"), "stored_gb": total(days, "stored_gb"),
             "daily_cost": total(days, "estimated_ingestion_cost") + total(days, "estimated_storage_cost")}
            for (date, env), days in sorted(by_day_env.items())]


def commitment_utilization_trend(fleet, account):
    commitments = {c["id"]: c for c in fleet.of("commitments", account)}
    daily = [d for d in fleet.commitment_utilization_daily
             if d["commitment_id"] in commitments and d["date"] > day(fleet.as_of, -30)]
    out = []
    for date, days in sorted(group(daily, lambda d: d["date"]).items()):
        committed = sum(dec(commitments[d["commitment_id"]]["hourly_commitment_amount"]) for d in days)
        used = total(days, "actual_hourly_usage_equivalent")
        out.append({"date": date, "commitments": len(days), "committed_hourly": committed, "used_hourly": used,
                    "utilization_percent": rounded(100 * used / committed, 2) if committed else None,
                    "savings": total(days, "estimated_savings_vs_ondemand")})
    return out


def transfer_cost_daily(fleet, account):
    rows = [t for t in fleet.of("data_transfer_daily", account) if t["date"] > day(fleet.as_of, -30)]
    return [{"date": date, "direction": direction, "flows": len(flows), "gb": total(flows, "gb_transferred"),
             "cost": total(flows, "estimated_transfer_cost")}
            for (date, direction), flows in sorted(group(rows, lambda t: (t["date"], t["direction"])).items())]


def global_egress_daily(fleet, _account=None):
    rows = [t for t in fleet.data_transfer_daily if t["direction"] == "egress" and t["date"] > day(fleet.as_of, -7)]
    return [{"date": date, "source_region": region, "flows": len(flows), "gb": total(flows, "gb_transferred"),
             "cost": total(flows, "estimated_transfer_cost")}
            for (date, region), flows in sorted(group(rows, lambda t: (t["date"], t["source_region"])).items())]


def instance_history(fleet, instance_id):
    first = day(fleet.as_of, -13)
    rows = sorted((m for m in fleet.metrics_daily if m["resource_type"] == "instance" and m["resource_id"] == instance_id
                   and first <= m["date"] <= fleet.as_of), key=lambda m: m["date"])
    out = []
    for m in rows:
        payload = as_json(m["metric_payload"])
        out.append({"date": m["date"], "cpu_avg": payload.get("cpu_avg"), "cpu_max": payload.get("cpu_max"),
                    "network_mb": payload.get("network_mb"), "estimated_daily_cost": dec(m["estimated_daily_cost"])})
    return out


def bucket_history(fleet, bucket_name):
    bucket = fleet.bucket_by_name.get(bucket_name)
    if bucket is None:
        return []
    rows = sorted((u for u in fleet.s3_bucket_usage_daily
                   if u["bucket_id"] == bucket["id"] and u["date"] > day(fleet.as_of, -30)), key=lambda u: u["date"])
    return [{"date": u["date"], "storage_gb_standard": dec(u["storage_gb_standard"]),
             "storage_gb_ia": dec(u["storage_gb_ia"]), "storage_gb_glacier": dec(u["storage_gb_glacier"]),
             "requests_count": dec(u["requests_count"]),
             "daily_cost": dec(u["estimated_storage_cost"]) + dec(u["estimated_request_cost"])} for u in rows]

