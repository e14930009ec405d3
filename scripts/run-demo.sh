#!/usr/bin/env bash
# `make demo`: start the mock on the built-in demo tenant, walk through one integration by curl
# (token, JSON import, read-back), then keep serving until Ctrl-C. RUN_ONCE=1 stops after the walk.
set -euo pipefail
bin=${1:-.build/release/claret-harness}
port=${PORT:-8080}
log=$(mktemp)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

start() {
    "$bin" serve --port "$1" >"$log" 2>&1 &
    server=$!
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$log"; then return 0; fi
        if ! kill -0 "$server" 2>/dev/null; then return 1; fi
        sleep 0.05
    done
    return 1
}
if ! start "$port"; then
    echo "port $port is busy; picking a free one"
    start 0 || { cat "$log"; exit 1; }
fi
base=$(sed -n 's/^listening on //p' "$log" | head -n 1)
api="$base/demo/api/v1"
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

say "The mock Claret server is listening on $base (tenant: demo)"
say "1. Create a token"
echo "curl -s -X POST '$api/tokens/create?email=integrator@demo.test&password=demo-password'"
token_json=$(curl -s -X POST "$api/tokens/create?email=integrator@demo.test&password=demo-password")
echo "$token_json"
token=$(printf '%s' "$token_json" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

say "2. Forget X-Requested-With with a bad token: Claret answers with an HTML redirect, not a 401"
echo "curl -s -i -X POST $api/inventory/batch-delete -H 'Authorization: Bearer wrong'"
curl -s -i -X POST "$api/inventory/batch-delete" -H 'Authorization: Bearer wrong' | sed -n '1p;/^Location/p'

say "3. Import two records as JSON"
body='{"source":"api","arguments":{"allow_record_creation":true,"allow_record_update":true,"should_continue_on_error":true},"payload":[{"item_name":"122-16","bin_name":"FG-GEN-BIN","lot_name":"FG-GEN-LOT","date_filled":"2024-01-15","quantity":12.345,"uom":"9LE"},{"item_name":"999","bin_name":"FG-GEN-BIN","lot_name":"FG-GEN-LOT","date_filled":"2024-01-15","quantity":1,"uom":"9LE"}]}'
echo "curl -s -X POST $api/inventory/import/process -H 'Authorization: Bearer \$TOKEN' -H 'X-Requested-With: XMLHttpRequest' -H 'Content-Type: application/json' -d '$body'"
curl -s -X POST "$api/inventory/import/process" -H "Authorization: Bearer $token" \
    -H 'X-Requested-With: XMLHttpRequest' -H 'Content-Type: application/json' -d "$body"
echo

say "4. Read the tenant's inventory back (a harness endpoint, not Claret's)"
echo "curl -s $base/__harness/tenants/demo/inventory"
curl -s "$base/__harness/tenants/demo/inventory"
echo

if [ "${RUN_ONCE:-0}" = 1 ]; then exit 0; fi
say "Serving on $base until Ctrl-C. Token for your own calls: $token"
wait "$server"
