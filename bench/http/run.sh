#!/usr/bin/env bash
# HTTP load figures: homeward (release build, fresh data dir) side by side with nginx serving a small
# static file, on this machine, in the same run. 127.0.0.1 only; about 40 s in all.
#
#   bench/http/run.sh            (env: DURATION=10s CONNECTIONS=64 THREADS=2 BIN=build/homeward)
#
# Targets: GET /healthz (no session, no database); GET /api/v1/me with a session cookie (session
# lookup + user load on every request); nginx's static 15-byte file. Prints a Markdown table of req/s
# and p99 latency for docs/benchmarks.md. Needs wrk and nginx-light (scripts/setup installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BIN=${BIN:-build/homeward}

command -v wrk >/dev/null || { echo "bench: wrk missing (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "bench: nginx missing (apt-get install nginx-light)" >&2; exit 1; }
if [ ! -x "$BIN" ]; then
  echo "bench: building $BIN (release preset)"
  cmake --preset release >/dev/null && cmake --build build -j 2 --target homeward
fi
grep -q 'CMAKE_BUILD_TYPE:STRING=Release' "$(dirname "$BIN")/CMakeCache.txt" 2>/dev/null ||
  echo "bench: warning: $(dirname "$BIN") is not a Release build; figures will not be representative" >&2

TMP=$(mktemp -d /tmp/hw-bench.XXXXXX)
chmod 755 "$TMP"  # nginx workers run as nobody when started by root
HW_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$HW_PID" ] && kill "$HW_PID" 2>/dev/null && wait "$HW_PID" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'; }
wait_http() {  # URL
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "bench: $1 did not answer" >&2
  return 1
}

# --- homeward
HW_PORT=$(free_port)
PASSWORD="Bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
printf '%s\n' "$PASSWORD" >"$TMP/admin-password"
"$BIN" init --data "$TMP/data" --admin-password-file "$TMP/admin-password" >/dev/null
HOMEWARD_LOGIN_RATE_PER_ADDRESS=1000 "$BIN" serve --data "$TMP/data" --listen "127.0.0.1:$HW_PORT" \
  >"$TMP/homeward.log" 2>&1 &
HW_PID=$!
wait_http "http://127.0.0.1:$HW_PORT/healthz"
curl -fs -c "$TMP/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$HW_PORT/api/v1/session" >/dev/null
TOKEN=$(awk '$6 == "hw_session" { print $7 }' "$TMP/cookies")
[ -n "$TOKEN" ] || { echo "bench: login failed" >&2; exit 1; }
curl -fs -o /dev/null -H "Cookie: hw_session=$TOKEN" "http://127.0.0.1:$HW_PORT/api/v1/me" ||
  { echo "bench: GET /api/v1/me with the session failed" >&2; exit 1; }

# --- nginx, its own prefix and config, not daemonised
NG_PORT=$(free_port)
mkdir -p "$TMP/nginx/www" "$TMP/nginx/logs"
printf '{"status":"ok"}' >"$TMP/nginx/www/static.json"
chmod -R a+rX "$TMP/nginx"
cat >"$TMP/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  server {
    listen 127.0.0.1:$NG_PORT;
    root $TMP/nginx/www;
    default_type application/json;
  }
}
CONF
nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/logs/error.log" &
NGINX_PID=$!
wait_http "http://127.0.0.1:$NG_PORT/static.json"

# --- load
run_wrk() {  # NAME URL [HEADER]
  local out="$TMP/wrk-$(printf %s "$1" | tr -c "A-Za-z0-9" "_").txt"
  if [ -n "${3:-}" ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$3" "$2" >"$out"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" >"$out"
  fi
  local rps p99 p50 errs
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  errs=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
  printf '| %-32s | %9s | %8s | %8s | %6s |\n' "$1" "$rps" "$p50" "$p99" "$errs"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 }') GiB"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, client and servers on the same machine; $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
echo
echo "| target                           |     req/s |      p50 |      p99 | errors |"
echo "|----------------------------------|----------:|---------:|---------:|-------:|"
run_wrk "homeward GET /healthz" "http://127.0.0.1:$HW_PORT/healthz"
run_wrk "homeward GET /api/v1/me (session)" "http://127.0.0.1:$HW_PORT/api/v1/me" "Cookie: hw_session=$TOKEN"
run_wrk "nginx static file (15 bytes)" "http://127.0.0.1:$NG_PORT/static.json"

if grep -qE 'ERROR|AddressSanitizer|runtime error' "$TMP/homeward.log"; then
  echo "bench: the server logged errors:" >&2
  grep -E 'ERROR|AddressSanitizer|runtime error' "$TMP/homeward.log" | head -5 >&2
fi
