#!/usr/bin/env bash
# `make bench`: measures the mock's hot paths on loopback with wrk, each run bounded in time.
#   1. a 1000-record JSON import (one request at a time) — the figure the issue asks for;
#   2. token creation; 3. an authenticated validation failure (the cheapest authenticated request).
set -euo pipefail
bin=${1:-.build/release/claret-harness}
seconds=${BENCH_SECONDS:-5}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" serve --port 0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q '^listening on ' "$work/server.log" && break; sleep 0.05; done
base=$(sed -n 's/^listening on //p' "$work/server.log" | head -n 1)
[ -n "$base" ] || { cat "$work/server.log"; exit 1; }
api="$base/demo/api/v1"
token=$(curl -s -X POST "$api/tokens/create?email=integrator@demo.test&password=demo-password" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

# 1000 distinct records over the demo tenant's master data (creates on the first request, updates after).
python3 - "$work/import1000.json" <<'PY'
import json, sys
items = ["122-16", "124", "ZAMNVCAS19", "ZAMNVCAS20"]
bins = ["SS-01", "SS-02", "SS-03", "FG-GEN-BIN", "Refrigerator"]
lots = ["RM19CASRUT.ZAM", "RM19CASSH.ZAM", "RM20CASRUT.ZAM", "FG-GEN-LOT"]
payload = []
for n in range(1000):
    payload.append({"item_name": items[n % 4], "bin_name": bins[(n // 4) % 5], "lot_name": lots[(n // 20) % 4],
                    "date_filled": "2024-%02d-%02d" % (1 + (n // 80) % 12, 1 + n % 28),
                    "quantity": "%d.%03d" % (n + 1, n % 1000), "uom": "gal"})
body = {"source": "api", "arguments": {"allow_record_creation": True, "allow_record_update": True,
        "should_continue_on_error": True}, "payload": payload}
open(sys.argv[1], "w").write(json.dumps(body))
PY
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Requested-With"] = "XMLHttpRequest"
wrk.headers["Authorization"] = "Bearer $token"
local f = io.open("$work/body.json", "rb"); wrk.body = f:read("*a"); f:close()
local statuses = {}
response = function(status) statuses[status] = (statuses[status] or 0) + 1 end
done = function() for s, n in pairs(statuses) do io.write(string.format("  status %d: %d responses\n", s, n)) end end
LUA

run() { # title, body file, connections, path
    cp "$2" "$work/body.json"
    echo "== $1"
    timeout $((seconds + 20)) wrk -t1 -c"$3" -d"${seconds}s" --latency -s "$work/post.lua" "$4" \
        | grep -E 'Latency|50%|90%|99%|Requests/sec|status'
}
curl -s -o /dev/null -w '  first 1000-record import (creates): %{time_total}s total on curl\n' -X POST \
    "$api/inventory/import/process" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H 'X-Requested-With: XMLHttpRequest' --data-binary @"$work/import1000.json"
run "1000-record JSON import, 1 connection" "$work/import1000.json" 1 "$api/inventory/import/process"
echo '{}' >"$work/empty.json"
run "validation failure (authenticated), 8 connections" "$work/empty.json" 8 "$api/inventory/import/process"
echo '{"email":"integrator@demo.test","password":"demo-password"}' >"$work/login.json"
run "token creation, 8 connections" "$work/login.json" 8 "$api/tokens/create"
