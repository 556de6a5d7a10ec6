#!/usr/bin/env python3
"""Measures the payment path on a running WeBrana Cloud with the built-in Tripay simulator.

1. Payment latency: for each of N orders, open a BRIVA transaction, press "pay" in the simulator
   (which sends the signed callback), and time until the invoice is PAID and until the provider's
   create call for the droplet happened (a droplet tagged with the order exists in the DO simulator).
2. Duplicate callbacks: for one more order, send the same signed PAID callback D times from C
   threads and report throughput and latency; then check there is exactly one payment and one
   droplet (exactly-once under load).

    python3 bench/payment_callbacks.py --base http://localhost:9080 --orders 20 --duplicates 500 --threads 16

The server must run without TRIPAY_API_KEY and DO_ACCESS_TOKEN (simulators) and with
SANDBOX_TRIPAY_PRIVATE_KEY unset (the default sandbox key signs the duplicates). Only talks to
the given base URL (keep it on localhost). Bounded: N + 1 orders, D callbacks, 60 s per wait.
"""
import argparse
import hashlib
import hmac
import json
import statistics
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PLAN = "22222222-0000-0000-0000-000000000001"
IMAGE = "11111111-0000-0000-0000-000000002404"
SANDBOX_PRIVATE_KEY = b"webrana-sandbox-private-key"


def call(base, method, path, body=None, headers=None, raw=None):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            out = r.read()
            return r.status, (json.loads(out) if out else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(name, values_ms):
    print(f"{name}: n={len(values_ms)} min={min(values_ms):.0f} ms p50={pct(values_ms, 50):.0f} ms "
          f"p95={pct(values_ms, 95):.0f} ms max={max(values_ms):.0f} ms")


def wait(predicate, timeout=60, step=0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic()
        time.sleep(step)
    raise SystemExit("timed out")


def open_transaction(base, auth, i):
    status, order = call(base, "POST", "/api/v1/orders", {"planId": PLAN, "imageId": IMAGE, "period": "MONTHLY",
                                                          "hostname": f"paybench-{i}"}, auth)
    assert status == 201, (status, order)
    status, invoice = call(base, "POST", "/api/v1/billing/invoices", {"orderId": order["id"]}, auth)
    assert status == 201, (status, invoice)
    status, paying = call(base, "POST", f"/api/v1/billing/invoices/{invoice['id']}/pay", {"method": "BRIVA"}, auth)
    assert status == 200, (status, paying)
    return order["id"], invoice["id"], paying["payment"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://localhost:9080")
    ap.add_argument("--orders", type=int, default=20)
    ap.add_argument("--duplicates", type=int, default=500)
    ap.add_argument("--threads", type=int, default=16)
    args = ap.parse_args()
    base = args.base
    email = f"paybench-{time.time_ns()}@example.id"
    status, _ = call(base, "POST", "/api/v1/auth/register", {"email": email, "password": "Rahasia123",
                                                              "fullName": "Bench"})
    assert status == 201, status
    _, login = call(base, "POST", "/api/v1/auth/login", {"email": email, "password": "Rahasia123"})
    auth = {"Authorization": "Bearer " + login["accessToken"]}

    to_paid, to_create = [], []
    for i in range(args.orders):
        order_id, invoice_id, payment = open_transaction(base, auth, i)
        start = time.monotonic()
        status, _ = call(base, "POST", f"/sandbox/tripay/_control/transactions/{payment['reference']}/pay", {})
        assert status < 300, status
        paid = wait(lambda: call(base, "GET", f"/api/v1/billing/invoices/{invoice_id}", None, auth)[1]["status"]
                    == "PAID")
        created = wait(lambda: call(base, "GET", "/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-"
                                    + order_id)[1]["total"] >= 1)
        to_paid.append((paid - start) * 1000)
        to_create.append((created - start) * 1000)
    summary("simulator pay -> invoice PAID (signed callback)", to_paid)
    summary("simulator pay -> droplet create call", to_create)

    order_id, invoice_id, payment = open_transaction(base, auth, "dup")
    body = json.dumps({"reference": payment["reference"], "merchant_ref": payment["merchantRef"],
                       "payment_method": payment["methodName"], "payment_method_code": payment["method"],
                       "total_amount": payment["totalAmount"], "fee_merchant": 0, "fee_customer": payment["fee"],
                       "total_fee": payment["fee"], "amount_received": payment["amount"], "is_closed_payment": 1,
                       "status": "PAID", "paid_at": int(time.time()), "note": None}, separators=(",", ":")).encode()
    signature = hmac.new(SANDBOX_PRIVATE_KEY, body, hashlib.sha256).hexdigest()
    headers = {"X-Callback-Signature": signature, "X-Callback-Event": "payment_status"}
    latencies, failures, lock = [], [], threading.Lock()

    def deliver(_):
        t0 = time.monotonic()
        status, reply = call(base, "POST", "/internal/billing/webhooks/tripay", headers=headers, raw=body)
        with lock:
            latencies.append((time.monotonic() - t0) * 1000)
            if status != 200 or not isinstance(reply, dict) or reply.get("success") is not True:
                failures.append((status, reply))

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        list(pool.map(deliver, range(args.duplicates)))
    elapsed = time.monotonic() - start
    print(f"{args.duplicates} deliveries of one PAID callback from {args.threads} threads: "
          f"{args.duplicates / elapsed:.0f} callbacks/s, {len(failures)} not acknowledged")
    summary("duplicate callback round trip", latencies)
    wait(lambda: call(base, "GET", "/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-"
                      + order_id)[1]["total"] >= 1)
    time.sleep(2)
    _, details = call(base, "GET", f"/api/v1/billing/invoices/{invoice_id}", None, auth)
    droplets = call(base, "GET", "/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-" + order_id)[1]
    print(f"after the storm: invoice {details['status']}, payments recorded {len(details['payments'])}, "
          f"droplets {droplets['total']}")
    if failures or len(details["payments"]) != 1 or droplets["total"] != 1:
        raise SystemExit("exactly-once violated or deliveries refused: " + str(failures[:3]))


if __name__ == "__main__":
    main()
