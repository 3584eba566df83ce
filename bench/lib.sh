# Shared by the benchmarks in bench/: process groups we start and stop, free ports,
# waiting for a server, and how busy the machine is. Source it after setting BIN and tmp.

groups=()  # process groups we started, each led by a `setsid` child

stop_group() {  # TERM the whole group (granian's workers too), KILL it after 10 s
  local pgid=$1
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.2
  done
  echo "process group $pgid ignored TERM for 10 s; killing it" >&2
  kill -KILL -- "-$pgid" 2>/dev/null || true
}
forget_group() {  # no longer ours to stop: its ID may be reused later
  local keep=() pgid
  for pgid in "${groups[@]}"; do [ "$pgid" = "$1" ] || keep+=("$pgid"); done
  groups=("${keep[@]}")
}
cleanup() {
  local pgid
  for pgid in "${groups[@]}"; do stop_group "$pgid"; done
  rm -rf "$tmp"
}
start_group() {  # start_group LOG CMD…: run CMD as the leader of a new process group
  local log=$1; shift
  # Our background children are never group leaders (no job control), so setsid execs
  # in place instead of forking: $! is then both the PID and the group ID.
  setsid "$@" >"$log" 2>&1 </dev/null &
  started=$!
  groups+=("$started")
}

wait_for() {  # wait_for URL PID LOG: until URL answers 200, for at most 60 s
  for _ in $(seq 120); do
    curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null && break
    if ! kill -0 "$2" 2>/dev/null; then cat "$3" >&2; echo "server exited" >&2; exit 1; fi
    sleep 0.5
  done
  curl -fsS -m 2 -o /dev/null "$1" || { cat "$3" >&2; echo "no answer from $1" >&2; exit 1; }
  # Only now is setsid certainly done; never signal a group that might be our own.
  [ "$(ps -o pgid= -p "$2" | tr -d ' ')" = "$2" ] || { echo "pid $2 leads no group" >&2; exit 1; }
}

free_port() {
  "$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

machine_ticks() {  # busy and total ticks over all CPUs (steal counts as neither)
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat
}

cpu_busy_percent() {  # over the next 2 s, all CPUs
  local b0 t0 b1 t1
  read -r b0 t0 < <(machine_ticks); sleep 2; read -r b1 t1 < <(machine_ticks)
  echo $(((b1 - b0) * 100 / (t1 - t0)))
}
settle() {  # wait up to BENCH_SETTLE seconds for other work to finish, then go on anyway
  local end=$((SECONDS + ${BENCH_SETTLE:-60})) busy
  while busy=$(cpu_busy_percent); [ "$busy" -ge 15 ] && [ "$SECONDS" -lt "$end" ]; do :; done
  [ "$busy" -lt 15 ] || echo "  (the CPUs are $busy% busy with other work; figures will be worse)" >&2
}
