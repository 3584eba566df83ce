#!/usr/bin/env bash
# Cached live page throughput: `bulletin serve` against nginx serving the very same bytes
# as a static file, in the same run, on loopback. nginx is the ceiling (DESIGN.md); the
# goal is at least half of it. Also prints the lite page's weight against its visible text.
#
# Each Bulletin run is paired with an nginx run right before it, and the pairs are repeated
# (BENCH_ROUNDS); the report gives medians, so a machine whose speed drifts during the
# run (a shared one does) compares like with like.
#
# Knobs (environment): BENCH_DURATION (10s), BENCH_CONNECTIONS (64), BENCH_WORKERS ("1 2"),
# BENCH_ROUNDS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/.venv/bin
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WORKERS=${BENCH_WORKERS:-"1 2"}
ROUNDS=${BENCH_ROUNDS:-3}

tmp=$(mktemp -d -t bulletin-bench.XXXXXX)

stop_started() {  # stop a group we started and forget it: its ID may be reused later
  stop_group "$1"
  forget_group "$1"
}
# shellcheck source=bench/lib.sh
. bench/lib.sh
trap cleanup EXIT
trap 'exit 130' INT TERM  # turn a signal into an exit, so the EXIT trap cleans up

# CPU accounting from /proc, in clock ticks: what the server spent per request is steadier
# than req/s on a shared machine, and what *other* processes spent says whether a run
# was disturbed (DESIGN.md figures assume an otherwise idle machine).
group_ticks() {  # user+system ticks used so far by every process in group $1
  local pid
  for pid in $(pgrep -g "$1"); do cat "/proc/$pid/stat" 2>/dev/null || true; done |
    awk '{ sub(/.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}
results=$tmp/results
measure() {  # measure LABEL PAIR PGID URL [wrk options…]: warm up, then one bounded wrk run
  local label=$1 pair=$2 pgid=$3 url=$4; shift 4
  settle
  # The warm-up fills every worker's memory cache and opens the connections.
  timeout 30 wrk -t2 -c"$CONNECTIONS" -d2s "$@" "$url" >/dev/null
  local out s0 s1 b0 b1 t0 t1
  s0=$(group_ticks "$pgid"); read -r b0 t0 < <(machine_ticks)
  out=$(timeout 60 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency \
          -s bench/report.lua "$@" "$url"
        # wrk's own CPU, from this subshell's count of its waited-for children.
        awk '{ sub(/.*\) /, ""); print "WRK", $14 + $15 }' "/proc/$BASHPID/stat")
  s1=$(group_ticks "$pgid"); read -r b1 t1 < <(machine_ticks)
  echo "$out" | grep -E '^ +(Latency|Req/Sec) ' | sed "s/^/  [$label] /" >&2
  echo "$label pair=$pair $(echo "$out" | grep '^RESULT' | cut -d' ' -f2-)" \
       "server_ticks=$((s1 - s0)) wrk_ticks=$(echo "$out" | awk '/^WRK/ { print $2 }')" \
       "busy_ticks=$((b1 - b0)) all_ticks=$((t1 - t0))" >>"$results"
}

# --- A story to serve, in a database of its own -----------------------------------------
export BULLETIN_DATA_DIR=$tmp/data DJANGO_SETTINGS_MODULE=bulletin.project.settings
"$BIN/bulletin" migrate --verbosity 0
# The demo's story: the page people see in `make demo`, with images, key points and a pin.
slug=$("$BIN/bulletin" demo_seed | tail -n 1)
page=/live/$slug/
echo "Seeded live blog '$slug'." >&2

# --- nginx: the same bytes as a static file ----------------------------------------------
www=$tmp/www
mkdir -p "$www" "$tmp/nginx"
chmod 755 "$tmp" "$www"  # nginx workers run as nobody when started by root

fetch_pages() {  # save exactly what bulletin sends: plain, gzipped, headers, lite page
  local base=$1
  curl -fsS -m 10 -D "$tmp/headers" -o "$www/live.html" "$base$page"
  curl -fsS -m 10 -H 'Accept-Encoding: gzip' -o "$www/live.html.gz" "$base$page"
  curl -fsS -m 10 -o "$tmp/lite.html" "$base${page}lite/"
  chmod 644 "$www"/*
  gzip -t "$www/live.html.gz"
}

nginx_conf() {  # PORT: worker_processes 2, static file, bulletin's own response headers
  local port=$1 header name value
  # Send the headers bulletin sends, so both answers weigh about the same on the wire;
  # nginx makes its own content-type, length, etag, date and server headers.
  for name in cache-control content-security-policy x-content-type-options referrer-policy vary; do
    value=$(grep -i "^$name:" "$tmp/headers" | cut -d' ' -f2- | tr -d '\r') || continue
    header+="      add_header $name \"$value\";"$'\n'
  done
  cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  # Debian's build keeps its temporary files under /var/lib/nginx; keep ours in the run.
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  types { text/html html; }
  access_log off;
  sendfile on;
  tcp_nopush on;
  server {
    listen 127.0.0.1:$port backlog=4096;
    root $www;
    location = /live.html {
      # Serves live.html.gz to clients that accept gzip, as bulletin does.
      gzip_static on;
$header    }
  }
}
EOF
}

same_bytes() {  # URL: fail unless URL sends exactly the saved page
  cmp -s "$www/live.html" <(curl -fsS -m 10 "$1") || { echo "$1 sent other bytes than measured" >&2; exit 1; }
}

# --- Runs -------------------------------------------------------------------------------
nginx_port=""
for workers in $WORKERS; do
  port=$(free_port)
  start_group "$tmp/serve-$workers.log" "$BIN/bulletin" serve --no-migrate --host 127.0.0.1 \
    --port "$port" --workers "$workers"
  server=$started
  wait_for "http://127.0.0.1:$port$page" "$server" "$tmp/serve-$workers.log"

  if [ -z "$nginx_port" ]; then
    fetch_pages "http://127.0.0.1:$port"
    nginx_port=$(free_port)
    nginx_conf "$nginx_port"
    "$NGINX" -t -q -e "$tmp/nginx/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf"
    start_group "$tmp/nginx/stdout.log" "$NGINX" -e "$tmp/nginx/error.log" -p "$tmp/nginx" \
      -c "$tmp/nginx/nginx.conf"
    nginx=$started
    wait_for "http://127.0.0.1:$nginx_port/live.html" "$nginx" "$tmp/nginx/error.log"
    same_bytes "http://127.0.0.1:$nginx_port/live.html"
  fi
  # Same bytes from both: a page that changed under us would make the comparison void.
  same_bytes "http://127.0.0.1:$port$page"
  for round in $(seq "$ROUNDS"); do
    for gz in "" "+gzip"; do
      accept=(); [ -z "$gz" ] || accept=(-H 'Accept-Encoding: gzip')
      pair="w$workers$gz-$round"
      measure "nginx$gz" "$pair" "$nginx" "http://127.0.0.1:$nginx_port/live.html" "${accept[@]}"
      measure "bulletin-w$workers$gz" "$pair" "$server" "http://127.0.0.1:$port$page" "${accept[@]}"
    done
  done
  stop_started "$server"
done

# --- Report -----------------------------------------------------------------------------
read -r lite_bytes lite_text lite_ratio < <("$BIN/python" bench/visible_text.py "$tmp/lite.html")
echo
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain -- src 2>/dev/null)" ] || commit="$commit + uncommitted changes in src/"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
echo "Bulletin $commit; $cpu; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Cached live page $page: $(wc -c <"$www/live.html") bytes, $(wc -c <"$www/live.html.gz") gzipped;" \
     "wrk -t2 -c$CONNECTIONS -d$DURATION, loopback, $(nproc) CPUs, $ROUNDS rounds"
"$BIN/python" bench/pages_report.py "$results" "$(getconf CLK_TCK)" "$(nproc)"
echo
echo "Lite page ${page}lite/: $lite_bytes bytes, $lite_text bytes of visible text ($lite_ratio bytes per text byte)"
