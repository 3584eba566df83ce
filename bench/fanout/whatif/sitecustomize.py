"""What-if switches for the fan-out benchmark: try a change to the reader edge without making it.

Not product code. Put this folder first on PYTHONPATH of the server (fanout.sh:
``BENCH_SERVER_ENV="PYTHONPATH=$PWD/bench/fanout/whatif WHATIF_GC_LOG=/tmp/gc.log …"``) and Python
imports it at start-up; each switch replaces one piece of Bulletin or granian as the module
is imported. Every switch is off unless its variable is set.

    WHATIF_GC_FREEZE_SECONDS=5 how often the GC freeze job runs (BULLETIN GC_FREEZE_SECONDS)
    WHATIF_GC_LOG=FILE         append every full collection, every collection over 10 ms
                               (WHATIF_GC_LOG_MS=N: over N ms),
                               and every run of the GC job, with wall-clock durations
"""

import importlib.abc
import importlib.util
import os
import sys

_patches: dict[str, list] = {}


def _after_import(name: str):
    """Register a function to call with module name right after it is first imported."""
    def register(patch):
        _patches.setdefault(name, []).append(patch)
        return patch
    return register


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in _patches:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            for patch in _patches[name]:
                patch(module)

        spec.loader.exec_module = exec_and_patch
        return spec


sys.meta_path.insert(0, _Finder())
env = os.environ.get

if env("WHATIF_GC_FREEZE_SECONDS"):
    @_after_import("bulletin.conf")
    def _freeze_seconds(conf):
        conf.DEFAULTS["GC_FREEZE_SECONDS"] = float(env("WHATIF_GC_FREEZE_SECONDS"))

if env("WHATIF_GC_LOG"):
    import gc
    import time

    def _log(line: str) -> None:
        with open(env("WHATIF_GC_LOG"), "a") as f:
            f.write(f"{time.time():.3f} {os.getpid()} {line}\n")

    _started = [0.0]

    def _collection(phase, info):
        if phase == "start":
            _started[0] = time.perf_counter()
            return
        ms = 1000 * (time.perf_counter() - _started[0])
        if info["generation"] == 2 or ms > float(env("WHATIF_GC_LOG_MS", "10")):
            _log(f"gen{info['generation']} {ms:.1f} ms")

    gc.callbacks.append(_collection)

    @_after_import("bulletin.reader.edge")
    def _timed_freeze(edge):
        inner = edge.freeze_garbage_collector

        def freeze_garbage_collector(**kwargs):
            started = time.perf_counter()
            inner(**kwargs)
            _log(f"freeze_job {kwargs} {1000 * (time.perf_counter() - started):.1f} ms, {gc.get_freeze_count()} frozen")

        edge.freeze_garbage_collector = freeze_garbage_collector
