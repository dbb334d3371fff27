"""Websocket bytes the browser receives per slider change, this checkout against a git ref.

    .venv/bin/python benchmarks/bench_ws_bytes.py [--ref main] [--changes 10] [--pages night unit]

Each side (``--ref``, exported with ``git archive`` and put first on ``PYTHONPATH`` of its Voila
server and kernels, and this checkout) gets its own Voila server; one headless Chromium opens
each page on both, and the sides take turns, one slider step at a time (night:
``signin_min_per_app``, unit: ``n_staff``, ArrowRight: every change a scenario not seen before,
so its range bands are computed and sent too). A script run before the page's own wraps
``WebSocket`` and counts the bytes of every incoming message (text frames: their UTF-16 code
units, which for these ASCII JSON messages are bytes; binary frames: their length). For each
change, from the keydown to 1.5 s without a message (at most 8 s): bytes, messages, and the
time to the first chart's marks changing (noisy on a shared machine; read the ratio of one run).

Prints, per page and side, the median and mean bytes per change, the messages and the chart
time; writes benchmarks/out/ws_bytes.json.

Measured 2026-12-02 on the 2-core machine shared with five other jobs (8 changes per page and
side), branch ``downloads`` (CSV/YAML/JSON made on a click) against main (data: links rebuilt
on each refresh and again when the bands arrive):

    night  main  96.8 kB, 22 messages per change   downloads  46.4 kB, 20 messages  (x0.48)
    unit   main 153.6 kB, 24 messages per change   downloads  95.3 kB, 22 messages  (x0.62)

(bytes steady within 1 % from change to change; the chart times, 0.1-2.4 s, swung with the
machine's load and say nothing here). bench_refresh.py in the same session, 150 changes,
kernel CPU median per change: night 20.0 -> 16.2 ms (x0.81), 28.1 -> 10.0 kB sent; unit
64.7 -> 54.7 ms (x0.85), 86.1 -> 67.9 kB (it runs no event loop, so the bands' second rebuild
of the downloads, also gone, is not in its figures).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
sys.path.insert(0, str(REPO / "tests" / "e2e"))

#: page -> (slider, first chart's CSS class)
PAGES = {
    "night": ("signin_min_per_app", ".explainer-chart-timeline"),
    "unit": ("n_staff", ".explainer-chart-bedtimes"),
}
QUIET_S, LONGEST_S = 1.5, 8.0

COUNT_SCRIPT = """
(() => {
  window.__ws = [];
  const Orig = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Orig(...args);
    ws.addEventListener("message", (ev) => {
      const size = typeof ev.data === "string" ? ev.data.length
        : (ev.data.byteLength !== undefined ? ev.data.byteLength : ev.data.size);
      window.__ws.push([performance.now(), size]);
    });
    return ws;
  };
  window.WebSocket.prototype = Orig.prototype;
  Object.assign(window.WebSocket, Orig);
})();
"""

ARM = """(chart) => {
  window.__ws = []; window.__t0 = null; window.__chart = null;
  const marks = () => document.querySelector(chart + ' svg.marks')?.innerHTML || '';
  const before = marks();
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); },
                            {once: true, capture: true});
  if (window.__obs) window.__obs.disconnect();
  const obs = window.__obs = new MutationObserver(() => {
    if (window.__chart === null && marks() !== before) window.__chart = performance.now();
  });
  obs.observe(document.body, {subtree: true, childList: true});
}"""


def side_src(ref: str, root: Path) -> Path:
    """``ref``'s tree under ``root`` (git archive); its ``src``."""
    target = root / ref.replace("/", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "src"


def open_page(browser: Any, base_url: str, page_id: str) -> Any:
    slider, _ = PAGES[page_id]
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.add_init_script(COUNT_SCRIPT)
    page.goto(f"{base_url}/voila/render/{page_id}.ipynb?lang=en", timeout=180_000)
    handle = page.locator(f".explainer-param-{slider} .noUi-handle")
    handle.wait_for(state="visible", timeout=180_000)
    time.sleep(4)  # the first bands and anything else the page sends after loading
    handle.focus()
    return page


def one_change(page: Any, chart: str) -> dict[str, float]:
    """Bytes, messages and chart time of one ArrowRight on the focused slider."""
    page.evaluate(ARM, chart)
    page.keyboard.press("ArrowRight")
    began = time.monotonic()
    last_count, last_change = 0, time.monotonic()
    while time.monotonic() - began < LONGEST_S:
        time.sleep(0.1)
        count = page.evaluate("window.__ws.length")
        if count != last_count:
            last_count, last_change = count, time.monotonic()
        elif count and time.monotonic() - last_change >= QUIET_S:
            break
    t0, drawn, messages = page.evaluate("[window.__t0, window.__chart, window.__ws]")
    return {
        "bytes": sum(size for _, size in messages),
        "messages": len(messages),
        "chart_ms": (drawn - t0) if (drawn and t0) else float("nan"),
    }


def summary(rows: list[dict[str, float]]) -> dict[str, float]:
    size = [r["bytes"] for r in rows]
    charts = [r["chart_ms"] for r in rows if r["chart_ms"] == r["chart_ms"]]
    return {
        "changes": len(rows),
        "bytes_median": statistics.median(size),
        "bytes_mean": statistics.fmean(size),
        "messages_median": statistics.median(r["messages"] for r in rows),
        "chart_ms_median": statistics.median(charts) if charts else float("nan"),
    }


def main() -> int:
    from e2e_support import VoilaServer, launch_chromium
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="main")
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        sides = {args.ref: side_src(args.ref, Path(tmp)), "this checkout": REPO / "src"}
        servers = {}
        for name, src in sides.items():
            env = {"PYTHONPATH": str(src)}
            log = OUT / f"ws_bytes-{name.replace(' ', '_').replace('/', '_')}.log"
            servers[name] = VoilaServer(log_path=log, env=env).start(ready_timeout=180)
        browser = launch_chromium(p)
        try:
            for page_id in args.pages:
                _, chart = PAGES[page_id]
                pages = {
                    name: open_page(browser, s.base_url, page_id) for name, s in servers.items()
                }
                rows: dict[str, list[dict[str, float]]] = {name: [] for name in pages}
                for i in range(args.changes):
                    order = list(pages) if i % 2 == 0 else list(reversed(pages))
                    for name in order:
                        rows[name].append(one_change(pages[name], chart))
                for name, page in pages.items():
                    page.context.close()
                    results.setdefault(page_id, {})[name] = {
                        **summary(rows[name]),
                        "rows": rows[name],
                    }
        finally:
            browser.close()
            for server in servers.values():
                server.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "ws_bytes.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"{'page':6} {'side':15} {'bytes/change':>13} {'mean':>9} {'msgs':>5} {'chart ms':>9}")
    for page_id, sides_found in results.items():
        base = sides_found[args.ref]["bytes_median"]
        for name, found in sides_found.items():
            print(
                f"{page_id:6} {name:15} {found['bytes_median']:13,.0f} {found['bytes_mean']:9,.0f}"
                f" {found['messages_median']:5.0f} {found['chart_ms_median']:9.0f}"
                f"   x{found['bytes_median'] / base:.2f} of {args.ref}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
