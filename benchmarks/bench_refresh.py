"""Kernel-side cost of one slider change, this checkout against earlier commits, in one run.

    .venv/bin/python benchmarks/bench_refresh.py [--ref 874b033 --ref cf30b26]
        [--changes 200] [--block 10] [--pages night unit] [--profile N]

Each side (every ``--ref``, exported with ``git archive``, and this checkout's ``src/``) runs in
its own Python process (``PYTHONPATH`` pointing at its ``src``) with the same installed
packages. The parent interleaves them: blocks of ``--block`` changes, the order of the sides
rotating each round, so that the load other processes put on the machine falls on every side
alike. No browser and no kernel: the widgets' comm is replaced by one that serialises each
message as ipykernel's session does (``json_packer``) and counts its bytes, so the figure
includes the cost of what is sent to the browser, not its transport.

One change: the page's slider is set to its other value (night: ``n_apps`` 3 <-> 5; unit,
with 1,000 staff: ``free_sd_night_min`` 45 <-> 50, as in bench_unit_page.py) and everything the
page redraws on that change, timed from the widget's value being set to the callback
returning. Prints, per page and side, the median and p95 (ms) over --changes changes (after
20 warm-up changes), the messages and kilobytes sent per change, and each side's ratio to
the first ``--ref``. ``--profile N`` instead runs N changes of this checkout under cProfile.

Measured 2026-12-02 on the 2-core machine shared with other jobs (one run, 150 changes per
side and page, blocks of 10; ratios to 874b033, wall median / wall p95 / CPU median / CPU p95):

    night  cf30b26 (architecture)   0.83 1.07 0.97 1.04   (CPU median 26.9 ms vs 27.8)
    night  21d9514 (main + ranges)  0.85 1.08 0.95 1.05
    night  branch perf              0.58 0.68 0.58 0.65   (CPU median 16.0 ms)
    unit   cf30b26                  1.04 0.90 0.98 1.08   (CPU median 54.2 ms vs 55.2)
    unit   21d9514                  0.84 0.77 0.82 0.92
    unit   branch perf              0.72 0.70 0.73 0.81   (CPU median 40.0 ms)

The architecture change (cf30b26) runs the same calls as 874b033 (cProfile: 11.76 M vs 11.73 M
function calls per 100 night changes, the same messages); the 1.25-1.5x seen before came from
runs made one after the other on a loaded machine. The branch ``perf`` is faster through the
YAML export (libyaml), the caption re-wrap (linear) and the per-app chart data built once.
Wall times swing with the load (the night median of 874b033 was 41-76 ms across runs); read the
ratios of one run. Each run writes its figures to benchmarks/out/refresh.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
WARMUP = 20
#: (dashboard class, URL query applied first, slider, its two values) for each page.
PAGES: dict[str, tuple[str, str, str, tuple[Any, Any]]] = {
    "night": ("explainer.ui.night:NightDashboard", "", "n_apps", (3, 5)),
    "unit": ("explainer.ui.unit:UnitDashboard", "n_staff=1000", "free_sd_night_min", (45, 50)),
}


# ---------------------------------------------------------------------- the worker (one side)
class Sent:
    """What the widgets sent: message count and bytes (as ipykernel would pack them)."""

    messages = 0
    size = 0


def _install_counting_comm() -> None:
    import comm
    from jupyter_client.session import json_packer

    class CountingComm(comm.DummyComm):  # type: ignore[misc,name-defined]
        def publish_msg(self, msg_type: str, data: Any = None, *args: Any, **kw: Any) -> None:
            Sent.messages += 1
            Sent.size += len(json_packer(data or {}))
            Sent.size += sum(len(memoryview(b).cast("B")) for b in kw.get("buffers") or ())

    comm.create_comm = CountingComm


def _page(name: str) -> tuple[Any, Any, tuple[Any, Any]]:
    import importlib

    target, query, slider, values = PAGES[name]
    module, cls = target.split(":")
    page = getattr(importlib.import_module(module), cls)("en")
    if query:
        page.apply_query(query)
    return page, page.panel.control(slider).widget, values


def _changes(widget: Any, values: tuple[Any, Any], count: int, start: int) -> list[list[float]]:
    """``count`` changes: for each, [wall ms, this thread's CPU ms]."""
    times = []
    for i in range(start, start + count):
        wall, cpu = time.perf_counter(), time.thread_time()
        widget.value = values[i % 2 == 0]
        times.append([(time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000])
    return times


def worker(name: str) -> None:
    """Build the page, warm up, then answer each line ``n`` with n timed changes (JSON)."""
    _install_counting_comm()
    page, widget, values = _page(name)
    import explainer.data

    _changes(widget, values, WARMUP, 0)
    done = WARMUP
    where = {"code": explainer.__file__, "data": list(explainer.data.__path__)[0]}
    print(json.dumps({"ready": where}))
    sys.stdout.flush()
    for line in sys.stdin:
        count = int(line)
        Sent.messages = Sent.size = 0
        times = _changes(widget, values, count, done)
        done += count
        record = {"times": times, "messages": Sent.messages, "bytes": Sent.size}
        print(json.dumps(record), flush=True)
    del page


def profile(name: str, count: int) -> None:
    """``count`` changes of this checkout's page under cProfile; the top of the profile."""
    import cProfile
    import pstats

    _install_counting_comm()
    page, widget, values = _page(name)
    _changes(widget, values, WARMUP, 0)
    profiler = cProfile.Profile()
    profiler.enable()
    _changes(widget, values, count, WARMUP)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    del page


# ---------------------------------------------------------------------- the parent
def export(ref: str, root: Path) -> Path:
    """``ref``'s tree under ``root`` (git archive); its ``src``."""
    target = root / ref
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    package_data = target / "src" / "explainer" / "data"
    if not package_data.exists():  # data/ is mapped to explainer.data by pyproject (editable)
        package_data.symlink_to(target / "data")
    return target / "src"


class Side:
    """One side's worker process for one page."""

    def __init__(self, label: str, src: Path, page: str) -> None:
        self.label = label
        env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker", page],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        ready = json.loads(self._read())["ready"]
        for module in ready.values():  # the code and its data both from this side's tree
            if not module.startswith(str(src.parent)):
                raise SystemExit(f"{label}: imported {module}, not from {src.parent}")
        self.times: list[list[float]] = []  # [wall ms, CPU ms] per change
        self.messages = self.bytes = self.count = 0

    def _read(self) -> str:
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise SystemExit(f"{self.label}: the worker stopped")
        return line

    def run(self, count: int) -> None:
        self.process.stdin.write(f"{count}\n")  # type: ignore[union-attr]
        self.process.stdin.flush()  # type: ignore[union-attr]
        record = json.loads(self._read())
        self.times += record["times"]
        self.messages += record["messages"]
        self.bytes += record["bytes"]
        self.count += count

    def close(self) -> None:
        self.process.stdin.close()  # type: ignore[union-attr]
        self.process.wait()


def p95(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * 0.95))]


def measure(page: str, sides: list[tuple[str, Path]], changes: int, block: int) -> list[dict]:
    """Interleaved blocks of changes on every side; one summary per side."""
    workers = [Side(label, src, page) for label, src in sides]
    try:
        for round_ in range(max(1, changes // block)):
            shift = round_ % len(workers)
            for side in workers[shift:] + workers[:shift]:
                side.run(block)
    finally:
        for side in workers:
            side.close()
    return [summary(page, side) for side in workers]


def summary(page: str, side: Side) -> dict[str, Any]:
    wall, cpu = [t[0] for t in side.times], [t[1] for t in side.times]
    return {
        "page": page,
        "side": side.label,
        "changes": side.count,
        "median_ms": statistics.median(wall),
        "p95_ms": p95(wall),
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": p95(cpu),
        "messages_per_change": side.messages / side.count,
        "kb_per_change": side.bytes / side.count / 1024,
    }


RATIOS = ("median_ms", "p95_ms", "cpu_median_ms", "cpu_p95_ms")


def report(rows: list[dict]) -> None:
    """Each side's figures and its ratios to the first side of the same page."""
    base: dict[str, dict] = {}
    print(
        f"{'page':6} {'side':14} {'wall med':>8} {'p95':>7} {'cpu med':>8} {'p95':>7}"
        f" {'msgs':>5} {'kB':>6}  ratios wall med/p95, cpu med/p95"
    )
    for row in rows:
        first = base.setdefault(row["page"], row)
        for key in RATIOS:
            row[f"ratio_{key}"] = row[key] / first[key]
        ratios = " ".join(f"{row[f'ratio_{key}']:.2f}" for key in RATIOS)
        print(
            f"{row['page']:6} {row['side']:14} {row['median_ms']:8.1f} {row['p95_ms']:7.1f}"
            f" {row['cpu_median_ms']:8.1f} {row['cpu_p95_ms']:7.1f}"
            f" {row['messages_per_change']:5.1f} {row['kb_per_change']:6.1f}  {ratios}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", action="append", help="commits to compare (default 874b033)")
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--block", type=int, default=10)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--profile", type=int, default=0, help="profile N changes instead")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker)
    if args.profile:
        return profile(args.pages[0], args.profile)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-refresh-") as tmp:
        sides = [(ref, export(ref, Path(tmp))) for ref in args.ref or ["874b033"]]
        sides.append(("this checkout", REPO / "src"))
        for page in args.pages:
            rows += measure(page, sides, args.changes, args.block)
    report(rows)
    OUT.mkdir(exist_ok=True)
    (OUT / "refresh.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
