#!/usr/bin/env bash
# Case figures with many cases (issue 3): insert rate through the storage layer, then
#   GET /api/v1/cases/{id}                                      (random ids; every read audited)
#   GET /api/v1/cases?status=Active&citizenship=VN&limit=50     (filtered list)
# under wrk, as the Kuala Lumpur caseworker (view_pii), against a Release build.
#
#   bench/cases/run.sh [--db postgresql://...]
#   env: COUNT=1000000 BATCH=500 DURATION=20s CONNECTIONS=64 THREADS=2 BIN=build/homeward
#        GEN=build/bench/hw_case_gen DATA=dir (reuse a generated data dir; skips generation)
#        PG: start a cluster with scripts/dev-postgres and pass its URL with a fresh database name.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-1000000}
BATCH=${BATCH:-500}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BIN=${BIN:-build/homeward}
GEN=${GEN:-build/bench/hw_case_gen}
DB=""
[ "${1:-}" = "--db" ] && DB=${2:?--db needs a URL}

command -v wrk >/dev/null || { echo "bench: wrk missing (apt-get install wrk)" >&2; exit 1; }
for b in "$BIN" "$GEN"; do
  [ -x "$b" ] || { echo "bench: $b missing; cmake --preset release && cmake --build build" >&2; exit 1; }
done
grep -q 'CMAKE_BUILD_TYPE:STRING=Release' "$(dirname "$BIN")/CMakeCache.txt" 2>/dev/null ||
  echo "bench: warning: $BIN is not a Release build; figures will not be representative" >&2

TMP=$(mktemp -d /tmp/hw-bench-cases.XXXXXX)
HW_PID=""
cleanup() {
  [ -n "$HW_PID" ] && kill "$HW_PID" 2>/dev/null && wait "$HW_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'; }

STORE=SQLite
[ -n "$DB" ] && STORE=PostgreSQL
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 }') GiB; store: $STORE; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${DATA:-}" ] && [ -f "$DATA/master.key" ]; then
  echo "reusing $DATA (no generation)"
else
  DATA=${DATA:-$TMP/data}
  "$BIN" init --data "$DATA" ${DB:+--db "$DB"} >/dev/null
  "$BIN" demo --data "$DATA" >/dev/null
  printf '[security]\nrequire_totp = false\n' >>"$DATA/homeward.toml"
  echo "generating $COUNT cases (batch $BATCH) ..."
  "$GEN" --data "$DATA" --count "$COUNT" --batch "$BATCH"
fi
if [ -z "$DB" ] && [ -f "$DATA/homeward.db" ]; then
  echo "SQLite file: $(du -h "$DATA/homeward.db" | cut -f1)"
fi

PORT=$(free_port)
PASSWORD="Bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
printf '%s\n' "$PASSWORD" >"$TMP/pw"
"$BIN" user reset-password --data "$DATA" --username caseworker --password-file "$TMP/pw" >/dev/null
HOMEWARD_LOGIN_RATE_PER_ADDRESS=1000 "$BIN" serve --data "$DATA" --listen "127.0.0.1:$PORT" \
  >"$TMP/homeward.log" 2>&1 &
HW_PID=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
BASE="http://127.0.0.1:$PORT/api/v1"
curl -fs -c "$TMP/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"caseworker\",\"password\":\"$PASSWORD\"}" "$BASE/session" >/dev/null
TOKEN=$(awk '$6 == "hw_session" { print $7 }' "$TMP/cookies")
[ -n "$TOKEN" ] || { echo "bench: login failed" >&2; exit 1; }
COOKIE="Cookie: hw_session=$TOKEN"

# 2,000 case ids of the office, from the list API (keyset pages), for random single reads.
node - "$BASE" "$TOKEN" >"$TMP/ids.txt" <<'JS'
const [base, token] = process.argv.slice(2);
(async () => {
  let after = '', ids = [];
  while (ids.length < 2000) {
    const r = await fetch(`${base}/cases?limit=200${after ? `&after=${after}` : ''}`,
                          { headers: { Cookie: `hw_session=${token}` } });
    if (!r.ok) throw new Error(`list: ${r.status}`);
    const j = await r.json();
    ids.push(...j.items.map((c) => c.id));
    if (!j.next) break;
    after = encodeURIComponent(j.next);
  }
  console.log(ids.join('\n'));
})().catch((e) => { console.error(e.message); process.exit(1); });
JS
[ -s "$TMP/ids.txt" ] || { echo "bench: no case ids" >&2; exit 1; }
cat >"$TMP/random_case.lua" <<LUA
local ids = {}
for line in io.lines("$TMP/ids.txt") do ids[#ids + 1] = line end
math.randomseed(20261128)
request = function()
  return wrk.format("GET", "/api/v1/cases/" .. ids[math.random(#ids)])
end
LUA
curl -fs -o /dev/null -H "$COOKIE" "$BASE/cases/$(head -1 "$TMP/ids.txt")" ||
  { echo "bench: GET one case failed" >&2; exit 1; }
curl -fs -o /dev/null -H "$COOKIE" "$BASE/cases?status=Active&citizenship=VN&limit=50" ||
  { echo "bench: filtered list failed" >&2; exit 1; }

run_wrk() {  # NAME URL [SCRIPT]
  local out="$TMP/wrk.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$COOKIE" ${3:+-s "$3"} "$2" >"$out"
  local rps p50 p99 errs
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  errs=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
  printf '| %-58s | %7s | %8s | %8s | %6s |\n' "$1" "$rps" "$p50" "$p99" "$errs"
}
AUDIT_BEFORE=$("$BIN" audit verify --data "$DATA" 2>/dev/null | awk '{ print $4 }' || true)
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
echo
echo "| request                                                    |   req/s |      p50 |      p99 | errors |"
echo "|------------------------------------------------------------|--------:|---------:|---------:|-------:|"
run_wrk "GET /api/v1/cases/{id} (random of 2,000; audited)" "http://127.0.0.1:$PORT/" "$TMP/random_case.lua"
run_wrk "GET /api/v1/cases?status=Active&citizenship=VN&limit=50" "$BASE/cases?status=Active&citizenship=VN&limit=50"
kill "$HW_PID"; wait "$HW_PID" 2>/dev/null || true; HW_PID=""
"$BIN" audit verify --data "$DATA" | sed 's/^/after the run: /'
[ -n "$AUDIT_BEFORE" ] && echo "(audit entries before the run: $AUDIT_BEFORE)"
if grep -qE 'ERROR|AddressSanitizer|runtime error' "$TMP/homeward.log"; then
  echo "bench: the server logged errors:" >&2
  grep -E 'ERROR|AddressSanitizer|runtime error' "$TMP/homeward.log" | head -5 >&2
fi
