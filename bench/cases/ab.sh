#!/usr/bin/env bash
# Interleaved comparison of builds on one generated data dir (the steadier way to measure a change
# on a VM whose speed drifts): for each round, each build serves DATA in turn, and one URL is
# loaded under wrk. Prints req/s, p99 and the CPU time per request of the server and of
# PostgreSQL's processes (from /proc), plus a fixed single-thread loop's time (lower = faster VM).
#
#   bench/cases/ab.sh DATA BIN...
#   env: ROUNDS=2 DURATION=10s CONNECTIONS=64 URLPATH='/api/v1/cases?status=Active&citizenship=VN&limit=50'
#        SCRIPT=file.lua (a wrk script instead of URLPATH, e.g. random case ids)
set -euo pipefail
DATA=${1:?usage: ab.sh DATA BIN...}
shift
[ $# -ge 1 ] || { echo "usage: ab.sh DATA BIN..." >&2; exit 1; }
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
URLPATH=${URLPATH:-/api/v1/cases?status=Active&citizenship=VN&limit=50}
PORT=18090
TMP=$(mktemp -d /tmp/hw-ab.XXXXXX)
HW_PID=""
cleanup() {
  [ -n "$HW_PID" ] && kill "$HW_PID" 2>/dev/null && wait "$HW_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

loop_time() {
  python3 -c 'import time
t = time.perf_counter(); s = 0
for i in range(3000000): s += i * i
print(f"{time.perf_counter() - t:.2f}")'
}

# CPU seconds used so far by processes named like the server and by postgres.
cpu() {
  python3 - "$1" <<'PY'
import os, sys
name = os.path.basename(sys.argv[1])[:15]
hz = os.sysconf("SC_CLK_TCK")
srv = pg = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        s = open(f"/proc/{pid}/stat").read()
    except OSError:
        continue
    comm = s[s.index("(") + 1:s.rindex(")")]
    f = s[s.rindex(")") + 2:].split()
    t = int(f[11]) + int(f[12])
    if comm == name: srv += t
    elif comm == "postgres": pg += t
print(srv / hz, pg / hz)
PY
}

printf '%s\n' "Bench-ab-$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" >"$TMP/pw"
for round in $(seq 1 "$ROUNDS"); do
  for BIN in "$@"; do
    "$BIN" user reset-password --data "$DATA" --username caseworker --password-file "$TMP/pw" >/dev/null
    HOMEWARD_LOGIN_RATE_PER_ADDRESS=1000 "$BIN" serve --data "$DATA" --listen "127.0.0.1:$PORT" \
      >"$TMP/log" 2>&1 &
    HW_PID=$!
    for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
    curl -fs -c "$TMP/cookies" -H 'Content-Type: application/json' \
      -d "{\"username\":\"caseworker\",\"password\":\"$(cat "$TMP/pw")\"}" \
      "http://127.0.0.1:$PORT/api/v1/session" >/dev/null
    COOKIE="Cookie: hw_session=$(awk '$6 == "hw_session" { print $7 }' "$TMP/cookies")"
    TARGET=(-H "$COOKIE" "http://127.0.0.1:$PORT$URLPATH")
    [ -n "${SCRIPT:-}" ] && TARGET=(-H "$COOKIE" -s "$SCRIPT" "http://127.0.0.1:$PORT/")
    LOOP=$(loop_time)
    wrk -t2 -c"$CONNECTIONS" -d3s "${TARGET[@]}" >/dev/null  # warm-up
    read -r S0 P0 < <(cpu "$BIN")
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${TARGET[@]}" >"$TMP/wrk"
    read -r S1 P1 < <(cpu "$BIN")
    kill "$HW_PID"; wait "$HW_PID" 2>/dev/null || true; HW_PID=""
    python3 - "$BIN" "$LOOP" "$S0" "$S1" "$P0" "$P1" "$TMP/wrk" <<'PY'
import re, sys
bin_, loop, s0, s1, p0, p1, path = sys.argv[1:]
out = open(path).read()
n = int(re.search(r"(\d+) requests in", out).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p99 = re.search(r"\s99%\s+(\S+)", out).group(1)
srv = (float(s1) - float(s0)) / n * 1e3
pg = (float(p1) - float(p0)) / n * 1e3
print(f"{bin_:40} loop {loop} s  {rps:9.0f} req/s  p99 {p99:>8}  server {srv:.3f} ms/req  postgres {pg:.3f} ms/req")
PY
  done
done
