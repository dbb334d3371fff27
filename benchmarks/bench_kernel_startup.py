"""What a kernel spends before its dashboard is ready, phase by phase: this tree vs a commit.

    .venv/bin/python benchmarks/bench_kernel_startup.py [--page night] [--runs 3]
                                                        [--before dd1f9c2]

Each run starts a fresh ipykernel (jupyter_client, as Voila does), then executes the steps of
``notebooks/<page>.ipynb`` as separate requests and times each inside the kernel (wall and
CPU seconds of the kernel process):

    kernel start        launch -> kernel_info reply (client side; ipykernel's own imports)
    import page         explainer.ui.<page>: pandas, altair (and jsonschema), ipywidgets,
                        anywidget, pydantic, yaml, the model
    offline charts      explainer.offline.enable_offline_charts() (cached bundle)
    dashboard build     <Page>Dashboard(): YAML data, controls, the first model run, charts;
                        ipywidgets 8 opens each widget's comm (its full state) here
    first display       apply_query("") + display(dashboard)

``--before REF`` runs the same steps, interleaved, with the package as it was at commit REF
(a temporary git worktree put first on the kernel's PYTHONPATH), so that one run reports
both and their ratio. dd1f9c2 is the commit before the start-up cuts of issue #7: jsonschema's
IRI checkers no longer imported (explainer/charts/__init__.py), YAML parsed by libyaml
(explainer.spec), chart widgets created empty (explainer.ui.dashboard).

Also (issue 14): the cost of the range bands' sampler, ``scipy.stats.qmc``, measured in fresh
interpreters as the extra import time after the page's own imports (numpy and pandas already
loaded), and whether building a dashboard imports it (it must not: the bands import it in a
worker thread when they are first computed, after the page is shown).

Prints a table (median over --runs) and writes benchmarks/out/kernel_startup.json.
The machine may be shared: CPU seconds are steadier than wall seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"

PAGES = {
    "night": "NightDashboard",
    "unit": "UnitDashboard",
    "fit": "FitDashboard",
    "reforms": "ReformsDashboard",
}

# Runs first in every kernel: a timer that reports wall and CPU seconds of a phase.
TIMER = """
import json as _json, os as _os, time as _time
def _phase(name, t0, c0):
    print("PHASE " + _json.dumps([name, _time.perf_counter() - t0, _time.process_time() - c0]))
"""


def phases(page: str) -> list[tuple[str, str]]:
    cls = PAGES[page]
    return [
        ("import page", f"from explainer.ui.{page} import {cls}"),
        (
            "offline charts",
            "from explainer.offline import enable_offline_charts\nenable_offline_charts()",
        ),
        ("dashboard build", f"dashboard = {cls}()"),
        ("first display", "dashboard.apply_query('')\ndisplay(dashboard)"),
    ]


def run_once(page: str, src: Path | None) -> dict[str, dict[str, float]]:
    """One fresh kernel; ``src``: a folder put first on its PYTHONPATH (None: this tree)."""
    from jupyter_client import KernelManager

    km = KernelManager(kernel_name="python3")
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    t0 = time.perf_counter()
    km.start_kernel(cwd=str(REPO / "notebooks"), env=env)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        result = {"kernel start": {"wall": time.perf_counter() - t0, "cpu": float("nan")}}
        iopub_bytes = 0

        def hook(msg):
            nonlocal iopub_bytes
            iopub_bytes += len(json.dumps(msg["content"], default=str))
            if msg["msg_type"] == "stream":
                for line in msg["content"]["text"].splitlines():
                    if line.startswith("PHASE "):
                        name, wall, cpu = json.loads(line[6:])
                        result[name] = {"wall": wall, "cpu": cpu}
            elif msg["msg_type"] == "error":
                raise RuntimeError("\n".join(msg["content"]["traceback"]))

        kc.execute_interactive(TIMER, timeout=60, output_hook=hook)
        for name, code in phases(page):
            wrapped = (
                "_t0, _c0 = _time.perf_counter(), _time.process_time()\n"
                + code
                + f"\n_phase({name!r}, _t0, _c0)"
            )
            iopub_bytes = 0
            reply = kc.execute_interactive(wrapped, timeout=300, output_hook=hook)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"{name} failed: {reply['content']}")
            result[name]["iopub_mb"] = iopub_bytes / 1e6
        rss = []
        kc.execute_interactive(
            "print('PHASE ' + _json.dumps(['rss', int(open('/proc/self/statm').read().split()[1])"
            " * _os.sysconf('SC_PAGE_SIZE') / 2**20, 0]))",
            timeout=30,
            output_hook=lambda m: rss.append(m),
        )
        for msg in rss:
            if msg["msg_type"] == "stream" and msg["content"]["text"].startswith("PHASE "):
                result["rss_mb"] = {"wall": json.loads(msg["content"]["text"][6:])[1], "cpu": 0}
        return result
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", choices=sorted(PAGES), default="night")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", help="a commit to compare with (e.g. dd1f9c2)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sources: dict[str, Path | None] = {"this tree": None}
        if args.before:
            worktree = Path(tmp) / "before"
            git = ["git", "-C", str(REPO)]
            subprocess.run(
                [*git, "worktree", "add", "--detach", str(worktree), args.before],
                check=True,
                capture_output=True,
            )
            sources[args.before] = worktree / "src"
        try:
            runs = measure(args.page, args.runs, sources)
        finally:
            if args.before:
                subprocess.run([*git, "worktree", "remove", "--force", str(worktree)], check=True)
    report(args.page, args.runs, runs)
    sampler = sampler_cost(args.page, args.runs)
    ratio = sampler["import_sampler_s"] / sampler["import_page_s"]
    print(
        f"range bands' sampler (issue 14): import scipy.stats.qmc after the page's imports"
        f" {sampler['import_sampler_s']:.2f} s (the page's own imports:"
        f" {sampler['import_page_s']:.2f} s, ratio {ratio:.2f});"
        f" imported while the dashboard is built: {sampler['imported_at_build']}"
        " (kept lazy: imported in a worker thread when the first band is computed)"
    )
    saved = OUT / "kernel_startup.json"
    data = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    data["sampler_import"] = sampler
    saved.write_text(json.dumps(data, indent=2), encoding="utf-8")


def measure(
    page: str, n: int, sources: dict[str, Path | None]
) -> dict[str, list[dict[str, dict[str, float]]]]:
    """``n`` runs of each source, interleaved so that a busy moment hits them all."""
    for src in sources.values():  # warm the offline chart cache and the OS file cache
        run_once(page, src)
    runs: dict[str, list[dict]] = {name: [] for name in sources}
    for i in range(n):
        for name, src in sources.items():
            runs[name].append(run_once(page, src))
            print(f"  run {i + 1} {name}: done", flush=True)
    return runs


SAMPLER_JS = """
import sys, time
t0 = time.perf_counter()
from explainer.ui.{page} import {cls}
t1 = time.perf_counter()
dashboard = {cls}()
built = "scipy.stats" in sys.modules
t2 = time.perf_counter()
import scipy.stats.qmc
t3 = time.perf_counter()
print(t1 - t0, t3 - t2, built)
"""


def sampler_cost(page: str, runs: int) -> dict[str, float | bool]:
    """Median seconds to import scipy.stats.qmc after the page is built, in fresh processes."""
    import sys

    code = SAMPLER_JS.format(page=page, cls=PAGES[page])
    found = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
        ).stdout.split()
        found.append((float(out[0]), float(out[1]), out[2] == "True"))
    return {
        "import_page_s": statistics.median(f[0] for f in found),
        "import_sampler_s": statistics.median(f[1] for f in found),
        "imported_at_build": any(f[2] for f in found),
    }


def report(page: str, count: int, runs: dict[str, list[dict]]) -> None:
    variants = list(runs)
    names = ["kernel start"] + [name for name, _ in phases(page)]
    table: dict[str, dict[str, dict[str, float]]] = {}
    for variant in variants:
        table[variant] = {}
        for name in [*names, "rss_mb"]:
            table[variant][name] = {
                key: statistics.median(r[name][key] for r in runs[variant])
                for key in ("wall", "cpu")
            }
        table[variant]["iopub_mb"] = statistics.median(
            sum(r[n]["iopub_mb"] for n in names[1:]) for r in runs[variant]
        )

    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"\npage {page}, median of {count} runs, load average {' '.join(load)}")
    header = "phase".ljust(20) + "".join(f"{v + ' wall':>13}{v + ' CPU':>12}" for v in variants)
    print(header)
    for name in names:
        row = name.ljust(20)
        for variant in variants:
            cell = table[variant][name]
            cpu = "" if cell["cpu"] != cell["cpu"] else f"{cell['cpu']:.2f}"
            row += f"{cell['wall']:12.2f}s{cpu:>11}s"
        print(row)
    for variant in variants:
        total_wall = sum(table[variant][n]["wall"] for n in names)
        total_cpu = sum(table[variant][n]["cpu"] for n in names[1:])
        print(
            f"{variant}: total {total_wall:.2f} s wall (kernel start included), "
            f"{total_cpu:.2f} CPU-s after start; RSS {table[variant]['rss_mb']['wall']:.0f} MB; "
            f"widgets' state etc. sent on IOPub: {table[variant]['iopub_mb']:.2f} MB"
        )
    if len(variants) == 2:
        now, before = (sum(table[v][n]["cpu"] for n in names[1:]) for v in variants)
        walls = [sum(table[v][n]["wall"] for n in names) for v in variants]
        print(
            f"this tree / {variants[1]}: {now / before:.2f}x the CPU seconds after start, "
            f"{walls[0] / walls[1]:.2f}x the wall time"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / "kernel_startup.json"
    out.write_text(json.dumps({"page": page, "load": load, "median": table}, indent=2))
    print(f"figures written to {out}")


if __name__ == "__main__":
    main()
