"""Python's garbage collector in a page's kernel (issue 14, `speed`): what its full
collections cost a slider change, with and without the heap frozen after start-up
(``explainer.ui.kernel_tuning.freeze_heap_once``).

    .venv/bin/python benchmarks/bench_heap.py [--page unit] [--changes 40] [--rounds 2]

Each round runs two fresh processes one after the other, one per mode ("frozen": as the
app runs; "not frozen": ``EXPLAINER_NO_HEAP_FREEZE=1``). Each builds the page's dashboard and
then, ``--changes`` times, moves the slider bench_bands.py moves one step (the point update,
timed) and computes that scenario's bands to the end (``BandRunner.run_now``, as the kernel
does between two changes: it allocates most of what the collector later scans). Prints, per
mode, the objects the collector tracks, the point update's median / p95 / max (ms), and the
number, total and longest of the collector's pauses in each generation (``gc.callbacks``),
and the ratio frozen / not frozen of the point update's p95 and max. The machine may be
shared: the modes alternate, so compare them within a round.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time

SLIDERS = {"unit": "n_staff", "night": "signin_min_per_app"}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(page_id: str, changes: int) -> dict:
    """One process's figures (run in a child: the heap must be this page's alone)."""
    from explainer.ui.dashboard import Dashboard

    page = Dashboard("en", page=page_id)
    control = page.panel.control(SLIDERS[page_id]).widget
    pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    began: list[float] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            began.append(time.perf_counter())
        elif began:
            pauses[info["generation"]].append((time.perf_counter() - began.pop()) * 1000)

    gc.callbacks.append(watch)
    step, start, point = control.step or 1, control.value, []
    for i in range(changes):
        value = start + (i + 1) * step
        if value > control.max:
            value = start - (i + 1 - int((control.max - start) / step)) * step
        began_change = time.perf_counter()
        control.value = value
        point.append((time.perf_counter() - began_change) * 1000)
        page.bands.run_now()
    gc.callbacks.remove(watch)
    return {
        "tracked": len(gc.get_objects()),
        "point": point,
        "pauses": {str(k): v for k, v in pauses.items()},
    }


def run_child(page_id: str, changes: int, frozen: bool) -> dict:
    env = dict(os.environ)
    env.pop("EXPLAINER_NO_HEAP_FREEZE", None)
    if not frozen:
        env["EXPLAINER_NO_HEAP_FREEZE"] = "1"
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--page", page_id, "--changes", str(changes)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", choices=sorted(SLIDERS), default="unit")
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.page, args.changes)))
        return
    print(f"{args.page}: {args.changes} changes, each followed by its bands; ms")
    for round_no in range(1, args.rounds + 1):
        found = {}
        for label, frozen in (("not frozen", False), ("frozen", True)):
            got = found[label] = run_child(args.page, args.changes, frozen)
            point = got["point"]
            print(
                f"round {round_no} {label:10}  tracked {got['tracked']:>7,}  point update "
                f"median {statistics.median(point):5.1f}  p95 {p95(point):5.1f}  "
                f"max {max(point):6.1f}"
            )
            for gen, pauses in got["pauses"].items():
                if pauses:
                    print(
                        f"{'':22} gen {gen}: {len(pauses):4} pauses, {sum(pauses):7.1f} in all, "
                        f"longest {max(pauses):5.1f}"
                    )
        a, b = found["frozen"]["point"], found["not frozen"]["point"]
        print(
            f"round {round_no} ratio frozen / not frozen: point p95 {p95(a) / p95(b):.2f}x, "
            f"max {max(a) / max(b):.2f}x"
        )


if __name__ == "__main__":
    main()
