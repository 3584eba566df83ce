#!/usr/bin/env bash
# SSE fan-out: N readers on one live blog's stream, 20 changes of about 1 KB published
# from another process; how late each change reaches each reader (p50/p99 over every
# reader and change, missing and duplicate events) and the server's memory per reader.
# Bulletin (1 and 2 granian workers, Redis as the broker, SQLite) against nginx + nchan
# doing the same in the same run, on loopback. See docs/benchmarks-fanout.md.
#
# At the largest N, the goal's, the scenarios run BENCH_ROUNDS times (3) and the verdict
# takes the median of each round's ratio to the nchan run of the same round.
#
# Knobs (environment): BENCH_SUBSCRIBERS ("1000 5000 10000"), BENCH_ROUNDS (3), BENCH_SCENARIOS
# ("nchan bulletin-w1 bulletin-w2"; also bulletin-w1-poll: the in-process broker, so the
# server hears of changes from its database poll), BENCH_CHANGES (20), BENCH_INTERVAL (0.5 s),
# BENCH_SETTLE (30 s of waiting for a quiet machine per round), BENCH_TIMEOUT (2400 s for
# everything), BENCH_KEEP (copy the raw JSON lines there), BENCH_PROFILE (a folder: py-spy
# Bulletin's workers while publishing, raw stacks; BENCH_PROFILE_NATIVE=1 adds C/Rust frames
# but pauses the worker), BENCH_SERVER_ENV (extra VAR=value words for Bulletin's server, e.g.
# the what-if switches in bench/fanout/whatif/) with BENCH_TAG (appended to Bulletin's labels).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=$ROOT/.venv/bin
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
NCHAN_MODULE=/usr/lib/nginx/modules/ngx_nchan_module.so
SUBSCRIBERS=${BENCH_SUBSCRIBERS:-"1000 5000 10000"}
SCENARIOS=${BENCH_SCENARIOS:-"nchan bulletin-w1 bulletin-w2"}
ROUNDS=${BENCH_ROUNDS:-3}
CHANGES=${BENCH_CHANGES:-20}
INTERVAL=${BENCH_INTERVAL:-0.5}
TIMEOUT=${BENCH_TIMEOUT:-2400}
SLUG=fanout
EVENT_BYTES=1024

case " $SCENARIOS " in *" nchan "*)
  [ -f "$NCHAN_MODULE" ] || { echo "nginx's nchan module is missing: apt-get install -y nginx-light libnginx-mod-nchan" >&2; exit 1; }
esac
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 1; }

tmp=$(mktemp -d -t bulletin-fanout.XXXXXX)

# Rounds are long; wait less for other work to settle than the page benchmark does.
: "${BENCH_SETTLE:=30}"
# shellcheck source=bench/lib.sh
. bench/lib.sh
trap cleanup EXIT
trap 'echo "fan-out benchmark stopped (interrupted, or BENCH_TIMEOUT=$TIMEOUT s passed)" >&2; exit 130' INT TERM

# A hard limit on the whole run: the watchdog TERMs this script, whose EXIT trap stops
# everything. Long steps run in the background under `wait`, which a signal interrupts.
start_group /dev/null bash -c "sleep $TIMEOUT; kill -TERM $$"


# --- Limits: one socket per reader in the server and one in the client ----------------------
most=0
for n in $SUBSCRIBERS; do if ((n > most)); then most=$n; fi; done
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
files=$(ulimit -n)
if ((files < most + 500)); then
  echo "ulimit -n is $files here (hard limit $(ulimit -Hn)); $most readers need $((most + 500))." >&2
  exit 1
fi
somaxconn=$(cat /proc/sys/net/core/somaxconn)
((somaxconn >= 1024)) || echo "net.core.somaxconn is $somaxconn: listen backlogs are cut to it" >&2
# The client keeps at most 256 connects in flight, below any of these backlogs.

# --- Redis for the broker, and a live blog in a database of its own --------------------------
redis_port=$(free_port)
start_group "$tmp/redis.log" redis-server --bind 127.0.0.1 --port "$redis_port" --save "" \
  --appendonly no --daemonize no
redis=$started
for _ in $(seq 50); do
  redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
  kill -0 "$redis" || { cat "$tmp/redis.log" >&2; exit 1; }
  sleep 0.1
done
export BULLETIN_DATA_DIR=$tmp/data DJANGO_SETTINGS_MODULE=bulletin.project.settings
"$BIN/bulletin" migrate --verbosity 0
# Sizes the post body so that one event on the wire is about EVENT_BYTES.
read -r body_chars data_bytes < <("$BIN/python" bench/fanout/publish.py seed "$SLUG" "$EVENT_BYTES" |
  "$BIN/python" -c 'import json, sys; s = json.load(sys.stdin); print(s["body_chars"], s["data_bytes"])')
[ -n "${data_bytes:-}" ] || { echo "could not seed the live blog" >&2; exit 1; }

nginx_conf() {  # DIR PORT: nchan with an EventSource subscriber and a publisher location
  local dir=$1 port=$2
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<EOF
load_module $NCHAN_MODULE;
worker_processes ${BENCH_NCHAN_WORKERS:-2};
worker_rlimit_nofile $files;
pid $dir/nginx.pid;
error_log $dir/error.log;
daemon off;
events { worker_connections $((files - 100)); }
http {
  # Debian's build keeps its temporary files under /var/lib/nginx; keep ours in the run.
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  access_log off;
  server {
    listen 127.0.0.1:$port backlog=4096;
    location = /ping { return 200; }
    location = /sub {
      nchan_subscriber eventsource;
      nchan_channel_id $SLUG;
      # Like ?after=<current>: a new reader gets only what is published after it came.
      nchan_subscriber_first_message newest;
    }
    location = /pub {
      nchan_publisher;
      nchan_channel_id $SLUG;
    }
  }
}
EOF
}

results=$tmp/results.jsonl
round() {  # round LABEL N PORT PATH PGID PUBLISHER…: one measurement, in the background under wait
  local label=$1 n=$2 port=$3 path=$4 pgid=$5; shift 5
  mkdir -p "$tmp/round"
  setsid "$BIN/python" bench/fanout/round.py "$label" "$n" 127.0.0.1 "$port" "$path" "$pgid" "$results" \
    "$tmp/round" "$CHANGES" "$INTERVAL" -- "$@" </dev/null &
  local measuring=$!
  groups+=("$measuring")
  wait "$measuring" || echo "  [$label N=$n] failed (exit $?)" >&2
  forget_group "$measuring"
  rm -rf "$tmp/round"
}

echo "SSE fan-out on $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1))," \
     "$(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg);" \
     "$CHANGES changes $INTERVAL s apart, events of ~$EVENT_BYTES bytes, ulimit -n $files" >&2

# --- Runs -------------------------------------------------------------------------------------
for n in $SUBSCRIBERS; do
  rounds=1; ((n < most)) || rounds=$ROUNDS
  for scenario in $(for _ in $(seq "$rounds"); do echo "$SCENARIOS"; done); do
    settle
    port=$(free_port)
    case $scenario in
      nchan)
        conf=$tmp/nginx-$n
        nginx_conf "$conf" "$port"
        chmod 755 "$tmp"  # nginx workers run as nobody when started by root
        "$NGINX" -t -q -e "$conf/error.log" -p "$conf" -c "$conf/nginx.conf"
        start_group "$conf/stdout.log" "$NGINX" -e "$conf/error.log" -p "$conf" -c "$conf/nginx.conf"
        server=$started
        wait_for "http://127.0.0.1:$port/ping" "$server" "$conf/error.log"
        round nchan "$n" "$port" /sub "$server" \
          "$BIN/python" bench/fanout/publish.py nchan "http://127.0.0.1:$port/pub" "$data_bytes" "$CHANGES" "$INTERVAL"
        ;;
      bulletin-w1 | bulletin-w2 | bulletin-w1-poll)
        workers=${scenario#bulletin-w}; workers=${workers%-poll}
        broker=redis://127.0.0.1:$redis_port/0
        [ "$scenario" = bulletin-w1-poll ] && broker=memory://
        # shellcheck disable=SC2086  # BENCH_SERVER_ENV is a list of VAR=value words
        start_group "$tmp/serve.log" env BULLETIN_BROKER_URL="$broker" ${BENCH_SERVER_ENV:-} "$BIN/bulletin" serve \
          --no-migrate --host 127.0.0.1 --port "$port" --workers "$workers" --max-connections 20000
        server=$started
        wait_for "http://127.0.0.1:$port/live/$SLUG/" "$server" "$tmp/serve.log"
        round "$scenario${BENCH_TAG:++$BENCH_TAG}" "$n" "$port" "/live/$SLUG/stream?after={after}" "$server" \
          env BULLETIN_BROKER_URL="$broker" "$BIN/python" bench/fanout/publish.py bulletin "$SLUG" "$body_chars" \
          "$CHANGES" "$INTERVAL"
        ;;
      *) echo "unknown scenario $scenario" >&2; exit 1 ;;
    esac
    stop_group "$server"
    forget_group "$server"
  done
done

# --- Report -----------------------------------------------------------------------------------
[ -s "$results" ] || { echo "no round finished" >&2; exit 1; }
[ -z "${BENCH_KEEP:-}" ] || cp "$results" "$BENCH_KEEP"
echo
"$BIN/python" bench/fanout/report.py "$results"
