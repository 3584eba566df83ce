"""The page benchmark's table: medians over rounds, and each Bulletin run against its paired nginx run.

Input: bench/pages.sh's results file, one line per wrk run:
``LABEL pair=P rps=… p50_ms=… p99_ms=… requests=… errors=… bytes=… server_ticks=… wrk_ticks=…
busy_ticks=… all_ticks=…``. Runs with the same pair were made back to back, nginx first.

Usage: pages_report.py RESULTS CLOCK_TICKS_PER_SECOND CPUS
"""

import sys
from statistics import median

GOAL = 0.5  # issue "Foundation": at least half of nginx's requests per second


def read_runs(path: str) -> list[dict]:
    runs = []
    with open(path) as results:
        for line in results:
            label, *fields = line.split()
            run = {"label": label}
            for field in fields:
                name, value = field.split("=", 1)
                run[name] = value if name == "pair" else float(value)
            runs.append(run)
    return runs


def main(path: str, hz: float, cpus: int) -> None:
    runs = read_runs(path)
    reference = {run["pair"]: run for run in runs if run["label"].startswith("nginx")}
    labels = list(dict.fromkeys(run["label"] for run in runs))
    header = ("server", "runs", "req/s", "p50 ms", "p99 ms", "bytes/resp", "errors", "CPU us/req",
              "other CPU", "vs nginx", "(range)")
    print("{:<19} {:>4} {:>8} {:>7} {:>7} {:>10} {:>6} {:>10} {:>9} {:>8} {:>11}".format(*header))
    verdicts = []
    for label in labels:
        mine = [run for run in runs if run["label"] == label]
        ratios = [run["rps"] / reference[run["pair"]]["rps"] for run in mine]
        cpu_us = [run["server_ticks"] / hz * 1e6 / run["requests"] for run in mine]
        # Busy CPU that was neither the server nor wrk, in cores: the worst run is shown.
        other = max(max(0.0, (run["busy_ticks"] - run["server_ticks"] - run["wrk_ticks"]) / run["all_ticks"] * cpus)
                    for run in mine)
        print("{:<19} {:>4} {:>8.0f} {:>7.2f} {:>7.2f} {:>10.0f} {:>6.0f} {:>10.1f} {:>9.2f} {:>8.2f} {:>11}".format(
            label, len(mine), median(run["rps"] for run in mine), median(run["p50_ms"] for run in mine),
            median(run["p99_ms"] for run in mine), sum(run["bytes"] for run in mine) / sum(run["requests"] for run in mine),
            sum(run["errors"] for run in mine), median(cpu_us), other, median(ratios),
            f"{min(ratios):.2f}-{max(ratios):.2f}"))
        if not label.startswith("nginx"):
            verdicts.append(f"  {label:<19} {median(ratios):.2f} of nginx ({'met' if median(ratios) >= GOAL else 'MISSED'})")
    print("req/s, p50, p99, CPU: medians over the runs. vs nginx: the median of each run's ratio to the nginx run"
          " made just before it (range: lowest-highest). CPU us/req: CPU time the server's processes spent per"
          " response. other CPU: cores busy with anything but the server and wrk during the worst run; near 0"
          " means undisturbed.")
    print(f"Goal: at least {GOAL} of nginx's requests per second.")
    print("\n".join(verdicts))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3]))
