#!/usr/bin/env python3
"""Measures how fast a confirmed payment reaches the cloud provider, on a running WeBrana Cloud.

For each of N orders: register/login once, place an order, approve it through /internal with the
API key, then poll the DigitalOcean simulator's control API until a droplet tagged with the order
exists (that is: the create call has reached the provider), and then until the order is ACTIVE.
Prints min/p50/p95/max of approve->create and approve->ACTIVE.

    python3 bench/provisioning_latency.py --base http://localhost:9080 --api-key KEY --orders 20

The server must run with INTERNAL_API_KEY=KEY and without DO_ACCESS_TOKEN (simulator). Only
talks to the given base URL (keep it on localhost). Bounded: N orders, 60 s per order at most.
"""
import argparse
import json
import statistics
import time
import urllib.error
import urllib.request

PLAN = "22222222-0000-0000-0000-000000000001"
IMAGE = "11111111-0000-0000-0000-000000002404"


def call(base, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://localhost:9080")
    ap.add_argument("--api-key", required=True)
    ap.add_argument("--orders", type=int, default=20)
    args = ap.parse_args()
    base = args.base
    email = f"bench-{time.time_ns()}@example.id"
    status, _ = call(base, "POST", "/api/v1/auth/register",
                     {"email": email, "password": "Rahasia123", "fullName": "Bench"})
    assert status == 201, status
    _, login = call(base, "POST", "/api/v1/auth/login", {"email": email, "password": "Rahasia123"})
    auth = {"Authorization": "Bearer " + login["accessToken"]}
    to_create, to_active = [], []
    for i in range(args.orders):
        status, order = call(base, "POST", "/api/v1/orders", {"planId": PLAN, "imageId": IMAGE, "period": "DAILY",
                                                              "hostname": f"bench-{i}"}, auth)
        assert status == 201, order
        oid = order["id"]
        t0 = time.perf_counter()
        status, body = call(base, "POST", f"/internal/orders/{oid}/payment-status",
                            {"decision": "APPROVE", "reason": "bench"}, {"X-API-Key": args.api_key})
        assert status == 200, body
        created = None
        deadline = t0 + 60
        while time.perf_counter() < deadline:
            if created is None:
                _, d = call(base, "GET", f"/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-{oid}")
                if d["total"] >= 1:
                    created = time.perf_counter() - t0
            _, o = call(base, "GET", f"/api/v1/orders/{oid}", headers=auth)
            if o["status"] == "ACTIVE":
                to_active.append(time.perf_counter() - t0)
                break
            time.sleep(0.01 if created is None else 0.1)
        to_create.append(created if created is not None else float("nan"))
        print(f"order {i + 1:3d}: approve->create {to_create[-1] * 1000:8.1f} ms"
              + (f", approve->ACTIVE {to_active[-1] * 1000:8.1f} ms" if len(to_active) == i + 1 else ", not ACTIVE"))
    for name, values in (("approve->create call", to_create), ("approve->ACTIVE", to_active)):
        ms = [v * 1000 for v in values if v == v]
        if ms:
            print(f"{name:22s} n={len(ms)} min={min(ms):.1f} p50={statistics.median(ms):.1f} "
                  f"p95={pct(ms, 95):.1f} max={max(ms):.1f} ms")


if __name__ == "__main__":
    main()
