#!/usr/bin/env bash
# Runs the already built tests (`make test` builds them first). When the run fails, what explains the
# failure is printed again at the very end, because CI logs are often read from their tail: the tests
# that recorded issues, and for a crash its reason and the crashed thread's first frames (the crash
# report itself ends with registers and a list of libraries, which say little).
set -uo pipefail
SWIFT=${SWIFT:-swift}
log=$(mktemp -t claret-test.XXXXXX)
trap 'rm -f "$log"' EXIT

$SWIFT test --skip-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && exit 0

echo
echo "==== why the test run failed (exit status $status) ===="
grep -E 'recorded an issue|^✘ Test .* failed|^✘ Test run' "$log" | head -40
# A crash: libmicrohttpd's and Swift's own fatal messages, the crash header, the crashed thread's frames.
grep -E '^Fatal error|^.*Fatal error in GNU libmicrohttpd|Simultaneous accesses|^\*\*\* Program crashed|exited with unexpected signal' "$log" | head -10
awk '/^Thread [0-9]+ .*crashed:$/ { show = 1; lines = 0 } show && lines < 30 { print; lines++ } show && /^$/ && lines > 2 { show = 0 }' "$log"
exit "$status"
