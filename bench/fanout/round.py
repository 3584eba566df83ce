"""One measurement of the fan-out benchmark against a server that is already running.

    round.py LABEL N HOST PORT PATH SERVER_PGID RESULTS WORKDIR COUNT INTERVAL -- PUBLISHER…

PATH may hold ``{after}``: the sequence the publisher reports when ready. In order: start
the publisher and wait for ``ready``; open and close a few streams to warm the server up;
read the server's memory; start the client (bench/fanout/client.py, a process of its own)
and wait until all N streams are connected; read memory and open sockets per server
process; publish; wait for the client; read memory again. Appends one JSON line of
figures to RESULTS and prints a short line to stderr.

Memory is VmRSS summed over every process in the server's process group (granian's or
nginx's workers and their parent). CPU times come from /proc, in clock ticks.
"""

import json
import math
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from array import array

HERE = os.path.dirname(os.path.abspath(__file__))
HZ = os.sysconf("SC_CLK_TCK")
WARM_STREAMS = 64
PROFILE_DIR = os.environ.get("BENCH_PROFILE")  # py-spy the server's workers while publishing
# With native frames (C and Rust, the garbage collector included) py-spy must pause the process.
PROFILE_NATIVE = os.environ.get("BENCH_PROFILE_NATIVE") == "1"


# /proc ---------------------------------------------------------------------------------------

def group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                pids.append(int(entry))
    return sorted(pids)


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def sockets(pid: int) -> int:
    count = 0
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                count += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
            except OSError:
                pass
    except OSError:
        pass
    return count


def ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return 0


def machine_ticks() -> tuple[int, int]:
    """Busy and total ticks over all CPUs (steal counts as neither)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return v[0] + v[1] + v[2] + v[5] + v[6], sum(v[:7])


def snapshot(pgid: int) -> dict[int, dict]:
    return {pid: {"rss": rss_kb(pid), "sockets": sockets(pid), "ticks": ticks(pid)} for pid in group_pids(pgid)}


# Children ------------------------------------------------------------------------------------

class Child:
    """A child process whose stdout lines are read by a thread, so reads can time out."""

    def __init__(self, argv: list[str], name: str) -> None:
        self.name = name
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def line(self, timeout: float) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise SystemExit(f"{self.name}: no answer within {timeout:.0f} s") from None
        if line is None:
            raise SystemExit(f"{self.name} exited ({self.process.wait()})")
        return line

    def tell(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def warm_up(host: str, port: int, path: str, count: int) -> None:
    """Open a few streams and close them: first-use costs (threads, caches) are not per reader."""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode()
    streams = []
    for _ in range(count):
        sock = socket.create_connection((host, port), timeout=10)
        sock.sendall(request)
        streams.append(sock)
    for sock in streams:
        seen = b""
        while b"\r\n\r\n" not in seen or seen.endswith(b"\r\n\r\n"):
            data = sock.recv(65536)
            if not data:
                raise SystemExit(f"warm-up stream closed: {seen[:200]!r}")
            seen += data
        if b" 200 " not in seen.split(b"\r\n", 1)[0]:
            raise SystemExit(f"warm-up stream refused: {seen[:200]!r}")
    for sock in streams:
        sock.close()
    time.sleep(1.0)


# Figures -------------------------------------------------------------------------------------

def load(workdir: str, name: str, kind: str) -> array:
    values = array(kind)
    with open(os.path.join(workdir, f"{name}.bin"), "rb") as f:
        values.frombytes(f.read())
    return values


def percentile(ordered: list[float], q: float) -> float:
    """Nearest rank."""
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def delivery(workdir: str, published: dict[int, dict], connected: int) -> dict:
    subs, ks = load(workdir, "subs", "i"), load(workdir, "ks", "i")
    carried, arrived, sizes = load(workdir, "published_at", "d"), load(workdir, "received_at", "d"), load(workdir, "sizes", "i")
    seen: set[tuple[int, int]] = set()
    from_call, from_return, duplicates, unexpected, clock_mismatch = [], [], 0, 0, 0.0
    for sub, k, t_carried, t_arrived in zip(subs, ks, carried, arrived, strict=True):
        change = published.get(k)
        if change is None:
            unexpected += 1
            continue
        if (sub, k) in seen:
            duplicates += 1
            continue
        seen.add((sub, k))
        clock_mismatch = max(clock_mismatch, abs(t_carried - change["t0"]))
        from_call.append(t_arrived - change["t0"])
        from_return.append(t_arrived - change["t1"])
    from_call.sort()
    from_return.sort()
    publish_ms = sorted((c["t1"] - c["t0"]) * 1000 for c in published.values())
    ms = lambda v: round(v * 1000, 1)  # noqa: E731
    return {
        "expected": connected * len(published), "received": len(seen),
        "missing": connected * len(published) - len(seen), "duplicates": duplicates, "unexpected": unexpected,
        "p50_ms": ms(percentile(from_call, 0.50)), "p90_ms": ms(percentile(from_call, 0.90)),
        "p99_ms": ms(percentile(from_call, 0.99)), "max_ms": ms(from_call[-1]) if from_call else None,
        "p50_after_return_ms": ms(percentile(from_return, 0.50)),
        "p99_after_return_ms": ms(percentile(from_return, 0.99)),
        "publish_call_ms_p50": round(percentile(publish_ms, 0.5), 1),
        "publish_call_ms_max": round(publish_ms[-1], 1) if publish_ms else None,
        "event_bytes": round(sum(sizes) / len(sizes)) if sizes else None,
        # The publish time read back from the events must be the one the publisher noted.
        "carried_time_mismatch_s": clock_mismatch,
    }


def memory(before: dict, after: dict, n: int) -> dict:
    total = lambda snap: sum(p["rss"] for p in snap.values())  # noqa: E731
    return {"rss_kb": total(after), "kb_per_subscriber": round((total(after) - total(before)) / n, 2)}


def per_process(before: dict, connected: dict, after: dict) -> list[dict]:
    rows = []
    for pid, now in connected.items():
        was = before.get(pid, {"rss": 0, "sockets": 0})
        rows.append({"pid": pid, "streams": now["sockets"] - was["sockets"],
                     "rss_delta_kb": now["rss"] - was["rss"],
                     "phase_cpu_s": round((after.get(pid, now)["ticks"] - now["ticks"]) / HZ, 2)})
    return rows


def profile(pids: list[int], seconds: float, label: str) -> list[subprocess.Popen]:
    py_spy = os.path.join(os.path.dirname(sys.executable), "py-spy")
    os.makedirs(PROFILE_DIR, exist_ok=True)
    how = ["--native"] if PROFILE_NATIVE else ["--nonblocking"]
    return [subprocess.Popen([py_spy, "record", "--pid", str(pid), *how, "--rate", "100",
                              "--duration", str(math.ceil(seconds)), "--format", "raw",
                              "-o", os.path.join(PROFILE_DIR, f"{label}-{pid}.txt")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for pid in pids]


# The round -----------------------------------------------------------------------------------

def main(argv: list[str]) -> None:
    split = argv.index("--")
    label, n, host, port, path, pgid, results, workdir, count, interval = argv[:split]
    n, port, pgid, count, interval = int(n), int(port), int(pgid), int(count), float(interval)
    publisher = Child(argv[split + 1:], "publisher")
    client = None
    try:
        after = publisher.line(120).split()[1]
        path = path.replace("{after}", after)
        warm_up(host, port, path, min(WARM_STREAMS, n))
        before = snapshot(pgid)

        client = Child([sys.executable, os.path.join(HERE, "client.py"), host, str(port), path, str(n), workdir],
                       "client")
        _, ok, failed, connect_seconds = client.line(240).split()
        time.sleep(1.0)  # let the server finish its bookkeeping of the last connects
        connected = snapshot(pgid)
        client.tell(f"expect {count}")
        busy0, all0 = machine_ticks()
        pub0 = ticks(publisher.process.pid)
        profilers = []
        if PROFILE_DIR and label.startswith("bulletin"):
            workers = [pid for pid, row in connected.items() if row["sockets"] - before[pid]["sockets"] > n // 10]
            profilers = profile(workers, count * interval + 2, f"{label}-{n}")
        client.tell("go")
        started = time.time()
        publisher.tell("go")
        published = {}
        while (line := publisher.line(interval + 60)) != "done":
            change = json.loads(line)
            published[change["k"]] = change
        pub_ticks = ticks(publisher.process.pid) - pub0
        client.tell("published")
        report = json.loads(client.line(120))
        busy1, all1 = machine_ticks()
        after_events = snapshot(pgid)
        for profiler in profilers:
            profiler.wait(60)
    finally:
        publisher.stop()
        if client is not None:
            client.stop()

    server_ticks = sum(after_events[p]["ticks"] - connected[p]["ticks"] for p in connected if p in after_events)
    cpus = os.cpu_count()
    other_ticks = (busy1 - busy0) - server_ticks - pub_ticks - report["phase_cpu"] * HZ
    figures = {
        "label": label, "n": n, "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "connected": int(ok), "failed": int(failed), "connect_seconds": float(connect_seconds),
        "closed_during_run": report["closed"],
        **delivery(workdir, published, int(ok)),
        "rss_before_kb": sum(p["rss"] for p in before.values()),
        "idle": memory(before, connected, n), "after_events": memory(before, after_events, n),
        "processes": per_process(before, connected, after_events),
        "phase_seconds": round(time.time() - started, 2),
        "server_cpu_s": round(server_ticks / HZ, 2),
        "publisher_cpu_s": round(pub_ticks / HZ, 2),
        "client_cpu_s": report["phase_cpu"], "client_wall_s": report["phase_wall"],
        "client_recvs": report["recvs"],
        "machine_busy_cores": round((busy1 - busy0) / (all1 - all0) * cpus, 2),
        "other_cpu_cores": round(other_ticks / (all1 - all0) * cpus, 2),
        "loadavg": os.getloadavg()[0],
    }
    with open(results, "a") as f:
        f.write(json.dumps(figures) + "\n")
    streams = "/".join(str(p["streams"]) for p in figures["processes"] if p["streams"] > 0)
    print(f"  [{label} N={n}] connected {ok}/{n} in {connect_seconds}s; p50 {figures['p50_ms']} ms, "
          f"p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms; missing {figures['missing']}, "
          f"duplicates {figures['duplicates']}; {figures['idle']['kb_per_subscriber']} KB/subscriber; "
          f"streams per process {streams}; client CPU {report['phase_cpu']} s of {report['phase_wall']} s; "
          f"other CPU {figures['other_cpu_cores']} cores", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
