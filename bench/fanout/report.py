"""Print the fan-out benchmark's table from round.py's JSON lines, and the goal at the largest N.

    report.py RESULTS.jsonl [MORE.jsonl …]

Goal (issue "Live delivery"): at 10,000 readers, Bulletin's p99 at most 1.5x nchan's and at
most 20 KB of server memory per reader. Each Bulletin row is compared with the nchan row
before it with the same N (fanout.sh runs nchan first in every round); with several rounds
the verdict takes the medians.
"""

import json
import sys
from statistics import median

P99_VS_NCHAN = 1.5
KB_PER_READER = 20.0


def rows(paths: list[str]) -> list[dict]:
    found = []
    for path in paths:
        with open(path) as f:
            found += [json.loads(line) for line in f if line.strip()]
    return found


def table(results: list[dict]) -> None:
    print(f"{'server':<22} {'N':>6} {'conn':>6} {'conn s':>6} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'miss':>5} "
          f"{'dup':>4} {'KB/rdr':>7} {'+events':>7} {'streams/process':>15} {'us/evt':>6} {'cli CPU':>11} {'other':>5}")
    for r in results:
        streams = "/".join(str(p["streams"]) for p in r["processes"] if p["streams"] > 0) or "-"
        per_event = r["server_cpu_s"] / r["received"] * 1e6 if r["received"] else float("nan")
        print(f"{r['label']:<22} {r['n']:>6} {r['connected']:>6} {r['connect_seconds']:>6.1f} {r['p50_ms']:>7.0f} "
              f"{r['p99_ms']:>7.0f} {r['max_ms']:>7.0f} {r['missing']:>5} {r['duplicates']:>4} "
              f"{r['idle']['kb_per_subscriber']:>7.1f} {r['after_events']['kb_per_subscriber']:>7.1f} "
              f"{streams:>15} {per_event:>6.1f} {r['client_cpu_s']:>4.1f}s/{r['client_wall_s']:>4.1f}s "
              f"{r['other_cpu_cores']:>5.2f}")
    print("conn s: time to open all N streams (first bytes of each). p50/p99/max: from the publisher's clock"
          " right before the publish call to the reader's receipt, over every (reader, change)."
          " KB/rdr: server RSS (all its processes) once all readers are connected minus before, per reader;"
          " +events: the same after the changes. us/evt: the server's CPU time while publishing per event"
          " delivered. cli CPU: the client's CPU time / wall time in that phase. other: cores busy with"
          " other work meanwhile (the machine is shared).")
    events = sorted({r["event_bytes"] for r in results if r.get("event_bytes")})
    calls = [r["publish_call_ms_p50"] for r in results if r["label"].startswith("bulletin")]
    nchan = [r["publish_call_ms_p50"] for r in results if r["label"] == "nchan"]
    if events:
        print(f"Events on the wire: {events[0]}-{events[-1]} bytes.")
    if calls:
        print(f"Publish call, median per round: Bulletin (services.publish_post, commit and announce)"
              f" {min(calls):.0f}-{max(calls):.0f} ms", end="")
        print(f"; nchan (POST to its publisher) {min(nchan):.0f}-{max(nchan):.0f} ms." if nchan else ".")


def goal(results: list[dict]) -> None:
    largest = max(r["n"] for r in results)
    print(f"\nGoal at N={largest}: p99 <= {P99_VS_NCHAN}x nchan's and <= {KB_PER_READER:.0f} KB per reader.")
    ratios: dict[str, list[float]] = {}
    rows_of: dict[str, list[dict]] = {}
    reference = None
    for r in results:
        if r["n"] != largest:
            continue
        if r["label"] == "nchan":
            reference = r
        elif r["label"].startswith("bulletin"):
            rows_of.setdefault(r["label"], []).append(r)
            if reference and reference["p99_ms"]:
                ratios.setdefault(r["label"], []).append(r["p99_ms"] / reference["p99_ms"])
    for label, rows_here in rows_of.items():
        p99 = median(r["p99_ms"] for r in rows_here)
        memory = median(r["idle"]["kb_per_subscriber"] for r in rows_here)
        mine = ratios.get(label, [])
        ok_latency = bool(mine) and median(mine) <= P99_VS_NCHAN
        ratio = (f"{median(mine):.2f}x nchan (rounds {', '.join(f'{x:.2f}' for x in mine)})"
                 if mine else "no nchan figure")
        complete = all(r["missing"] == 0 and r["duplicates"] == 0 for r in rows_here)
        print(f"  {label:<17} p99 {p99:.0f} ms = {ratio} ({'met' if ok_latency else 'MISSED'}); "
              f"{memory:.1f} KB per reader ({'met' if memory <= KB_PER_READER else 'MISSED'}); "
              f"{'no' if complete else 'SOME'} missing or duplicate events")


def main(paths: list[str]) -> None:
    results = rows(paths)
    if not results:
        raise SystemExit("no results")
    table(results)
    goal(results)


if __name__ == "__main__":
    main(sys.argv[1:])
