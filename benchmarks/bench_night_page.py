"""Time the night dashboard in headless Chromium against Voila with the checked-in config.

    .venv/bin/python benchmarks/bench_night_page.py [--loads 5] [--changes 30] [--cold-loads 3]

Prints, and writes to benchmarks/out/night_page.json:

(a) page -> interactive: navigation start to "the n_apps slider handle and the timeline
    chart's SVG are both visible", taken in the page (performance.now(), whose origin is
    the navigation start), over --loads loads, each with a preheated kernel (the script
    waits for Voila to refill its pool between loads). Reference: the same measure with
    preheating switched off (a second Voila, run afterwards so the two never compete).
(b) slider -> chart updated: ArrowRight/ArrowLeft on the n_apps handle, from the keydown
    event to the first MutationObserver callback that sees new content in the timeline's
    svg.marks, median and p95 over --changes changes. Reference: the headline label, which
    the same key press updates through the same kernel round trip but without a chart.
(c) memory: RSS and USS of each kernel process (/proc), and of Voila itself.

Targets: update p95 <= 100 ms; interactive <= 2 s with a preheated kernel. Figures from
one machine are noisy: compare runs on the same machine, and read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

from e2e_support import VoilaServer, launch_chromium  # noqa: E402

OUT = REPO / "benchmarks" / "out"
NIGHT = "/voila/render/night.ipynb"
HANDLE = ".explainer-param-n_apps .noUi-handle"
TIMELINE = ".explainer-chart-timeline"
MARKS = f"{TIMELINE} svg.marks"
HEADLINE = ".explainer-headline"
POOL_FILLED = r"Kernel pool of night\.ipynb is filled"
POOL_USED = r"Using pre-heated kernel: \S+ for night\.ipynb"

TARGET_UPDATE_P95_MS = 100
TARGET_INTERACTIVE_S = 2.0

# Resolves to performance.now() at the first animation frame where handle and chart show.
INTERACTIVE_JS = """([handleSel, marksSel]) => {
    const shown = (el) => el && el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== "hidden";
    const h = document.querySelector(handleSel);
    const m = document.querySelector(marksSel);
    return shown(h) && shown(m) && m.childElementCount > 0 ? performance.now() : false;
}"""

# Records keydown time and the first time the chart / the headline show new content.
OBSERVER_JS = """([marksSel, timelineSel, headlineSel]) => {
    const state = window.__bench = {keydown: null, chart: null, headline: null,
        chartBefore: null, headlineBefore: null};
    const marks = () => {
        const m = document.querySelector(marksSel);
        return m ? m.innerHTML : "";
    };
    const head = () => document.querySelector(headlineSel).innerText;
    document.addEventListener("keydown", () => {
        state.keydown = performance.now(); state.chart = null; state.headline = null;
        state.chartBefore = marks(); state.headlineBefore = head();
    }, true);
    const watch = (sel, key, read, before) => new MutationObserver(() => {
        if (state.keydown === null || state[key] !== null) return;
        const now = read();
        if (now && now !== state[before]) state[key] = performance.now();
    }).observe(document.querySelector(sel),
               {subtree: true, childList: true, attributes: true, characterData: true});
    watch(timelineSel, "chart", marks, "chartBefore");
    watch(headlineSel, "headline", head, "headlineBefore");
}"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "min": min(values),
        "max": max(values),
    }


def open_interactive(browser, url: str, context=None) -> tuple[object, object, float]:
    """Load ``url`` in a new page (of a new context unless one is given): (ctx, page, s)."""
    context = context or browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(url, wait_until="commit", timeout=180_000)
    handle = page.wait_for_function(
        INTERACTIVE_JS, arg=[HANDLE, MARKS], polling="raf", timeout=180_000
    )
    return context, page, handle.json_value() / 1000


def leave(context, page) -> None:
    page.goto("about:blank")  # fires Voila's unload beacon: the kernel shuts down now
    context.close()


def wait_for_pool(
    server: VoilaServer, fills: int, timeout: float = 180, filled: str = POOL_FILLED
) -> None:
    """Wait for Voila's ``fills``-th ``filled`` log line, then for the kernel to idle."""
    deadline = time.monotonic() + timeout
    while server.count_log(filled) < fills:
        if time.monotonic() > deadline:
            raise TimeoutError(f"Voila did not refill its kernel pool within {timeout:.0f} s")
        time.sleep(0.2)
    wait_for_idle_kernels(server, deadline)


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for_idle_kernels(server: VoilaServer, deadline: float) -> None:
    """The pool kernel has pre-run the notebook once its CPU use stops growing."""
    quiet = 0
    while quiet < 3 and time.monotonic() < deadline:
        before = sum(cpu_seconds(pid) for pid in server.kernel_pids())
        time.sleep(0.5)
        after = sum(cpu_seconds(pid) for pid in server.kernel_pids())
        quiet = quiet + 1 if after - before < 0.05 else 0


def page_loads(browser, server: VoilaServer, loads: int, repeat_visit: bool = False) -> list[float]:
    """``loads`` page loads, each with a kernel the pool has pre-run if Voila preheats.

    First visits get a fresh browser context (empty HTTP cache); repeat visits share one
    context, warmed by a load that is not counted.
    """
    preheated = "preheat_kernel=False" not in " ".join(server.extra_args)
    context = (
        browser.new_context(viewport={"width": 1280, "height": 1000}) if repeat_visit else None
    )
    times = []
    for i in range(-1 if repeat_visit else 0, loads):
        if preheated:
            wait_for_pool(server, fills=server.count_log(POOL_USED) + 1)
        ctx, page, seconds = open_interactive(browser, server.base_url + NIGHT, context)
        if i >= 0:
            times.append(seconds)
            print(f"  load {i + 1}: {seconds:.2f} s", flush=True)
        page.goto("about:blank")  # fires Voila's unload beacon: the kernel shuts down now
        page.close()
        if not repeat_visit:
            ctx.close()
        if not preheated:
            time.sleep(2)  # let the shut-down kernel's CPU settle
    if context is not None:
        context.close()
    return times


def update_latencies(
    page, changes: int, handle: str = HANDLE, chart: str = TIMELINE
) -> tuple[list[float], list[float]]:
    """Key presses on ``handle``: (``chart`` latencies, headline latencies) in ms."""
    page.evaluate(OBSERVER_JS, [f"{chart} svg.marks", chart, HEADLINE])
    handle = page.locator(handle)
    handle.wait_for(state="visible", timeout=30_000)
    handle.focus()
    value = float(handle.get_attribute("aria-valuenow"))
    top = float(handle.get_attribute("aria-valuemax"))
    direction = "ArrowLeft" if value >= top else "ArrowRight"
    chart, label = [], []
    for i in range(changes + 2):  # the first two warm the path up and are dropped
        page.keyboard.press(direction)
        page.wait_for_function(
            "() => window.__bench.chart !== null && window.__bench.headline !== null",
            timeout=30_000,
        )
        time.sleep(0.25)  # let trailing renders finish before the next key press
        got = page.evaluate("window.__bench")
        if i >= 2:
            chart.append(got["chart"] - got["keydown"])
            label.append(got["headline"] - got["keydown"])
        direction = "ArrowLeft" if direction == "ArrowRight" else "ArrowRight"
    return chart, label


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, USS) in MB from /proc/<pid>/smaps_rollup; (0, 0) if the process is gone."""
    rss = uss = 0
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0, 0.0
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key == "Rss":
            rss = int(rest.split()[0])
        elif key in ("Private_Clean", "Private_Dirty"):
            uss += int(rest.split()[0])
    return rss / 1024, uss / 1024


def memory(pid: int) -> dict:
    rss, uss = memory_mb(pid)
    return {"rss_mb": rss, "uss_mb": uss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--cold-loads", type=int, default=3)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--notebooks", type=Path, default=REPO / "notebooks")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict = {}

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)

        print("(a) page -> interactive, preheated kernel (voila.json)", flush=True)
        server = VoilaServer(log_path=OUT / "voila-bench.log", notebooks=args.notebooks)
        server.start(ready_timeout=180)
        try:
            interactive = page_loads(browser, server, args.loads)
            print("    repeat visits (browser cache warm)", flush=True)
            repeat = page_loads(browser, server, args.loads, repeat_visit=True)

            print(f"(b) slider -> chart updated, {args.changes} changes", flush=True)
            wait_for_pool(server, fills=server.count_log(POOL_USED) + 1)
            context, page, _ = open_interactive(browser, server.base_url + NIGHT)
            chart_ms, label_ms = update_latencies(page, args.changes)

            print("(c) memory, with one page open", flush=True)
            time.sleep(3)
            kernels = {pid: memory(pid) for pid in server.kernel_pids()}
            server_mem = memory(server.proc.pid)
            leave(context, page)
        finally:
            if server.stop():
                print("  warning: Voila needed SIGKILL to stop")

        print("    reference: page -> interactive without preheating", flush=True)
        cold_server = VoilaServer(
            log_path=OUT / "voila-bench-cold.log",
            notebooks=args.notebooks,
            extra_args=["--VoilaConfiguration.preheat_kernel=False"],
        )
        cold_server.start(ready_timeout=180)
        try:
            cold = page_loads(browser, cold_server, args.cold_loads)
        finally:
            cold_server.stop()
        browser.close()

    results = {
        "interactive_preheated_s": summary(interactive),
        "interactive_preheated_repeat_visit_s": summary(repeat),
        "interactive_cold_s": summary(cold),
        "update_chart_ms": summary(chart_ms),
        "update_headline_ms": summary(label_ms),
        "kernels": {str(pid): mem for pid, mem in kernels.items()},
        "voila_server": server_mem,
    }
    (OUT / "night_page.json").write_text(json.dumps(results, indent=2), encoding="utf-8")

    ia, ic = results["interactive_preheated_s"], results["interactive_cold_s"]
    ir = results["interactive_preheated_repeat_visit_s"]
    uc, ul = results["update_chart_ms"], results["update_headline_ms"]

    def verdict(ok: bool) -> str:
        return "meets target" if ok else "MISSES target"

    print()
    print("figure                                  median      p95    (min-max)")
    print(
        f"page -> interactive, preheated      {ia['median']:8.2f} s {ia['p95']:7.2f} s"
        f"   ({ia['min']:.2f}-{ia['max']:.2f})  n={ia['n']}"
        f"  {verdict(ia['median'] <= TARGET_INTERACTIVE_S)} <= {TARGET_INTERACTIVE_S} s"
    )
    print(
        f"  same, repeat visit (cached JS)    {ir['median']:8.2f} s {ir['p95']:7.2f} s"
        f"   ({ir['min']:.2f}-{ir['max']:.2f})  n={ir['n']}"
    )
    print(
        f"page -> interactive, cold (ref.)    {ic['median']:8.2f} s {ic['p95']:7.2f} s"
        f"   ({ic['min']:.2f}-{ic['max']:.2f})  n={ic['n']}"
    )
    print(
        f"slider -> chart updated             {uc['median']:8.1f} ms{uc['p95']:7.1f} ms"
        f"  ({uc['min']:.0f}-{uc['max']:.0f})  n={uc['n']}"
        f"  {verdict(uc['p95'] <= TARGET_UPDATE_P95_MS)} p95 <= {TARGET_UPDATE_P95_MS} ms"
    )
    print(
        f"slider -> headline updated (ref.)   {ul['median']:8.1f} ms{ul['p95']:7.1f} ms"
        f"  ({ul['min']:.0f}-{ul['max']:.0f})  n={ul['n']}"
    )
    print(f"kernels: {len(kernels)} (one serves the open page; the others wait in Voila's pools)")
    for pid, mem in kernels.items():
        print(f"kernel {pid:<8}  RSS {mem['rss_mb']:6.0f} MB   USS {mem['uss_mb']:6.0f} MB")
    print(
        f"voila server     RSS {server_mem['rss_mb']:6.0f} MB   USS {server_mem['uss_mb']:6.0f} MB"
    )
    print()
    print(f"ratio cold / preheated page load:     {ic['median'] / ia['median']:.2f}x")
    print(f"ratio chart / headline update (median): {uc['median'] / ul['median']:.2f}x")
    print(f"figures written to {OUT / 'night_page.json'}")


if __name__ == "__main__":
    main()
