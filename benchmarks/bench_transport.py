"""How long a page change's messages take from the kernel to the page, with the kernel's
GIL switch interval at 0.5 ms (as the app runs, explainer.ui.kernel_tuning) and at CPython's
5 ms (``EXPLAINER_NO_SWITCH_INTERVAL=1``), in headless Chromium against Voila.

    .venv/bin/python benchmarks/bench_transport.py [--rounds 3] [--changes 40] [--page unit]

Each round starts a fresh server per mode, the two modes one after the other (the machine may
be shared: compare within a round). On the page (unit or night), the slider bench_bands.py
uses is moved one step at a time (the next press once the band has followed, as there). For
each change, from the keydown event:

* kernel → page: for each message the page receives within 60 ms of the key press, the time
  from its creation in the kernel (its header's date; kernel and browser share this
  machine's clock) to the moment the page's script receives it;
* card values and first chart redrawn: as in bench_bands.py.

Prints median and p95 of each per round and mode, and the ratio tuned / default of the p95s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_bands import MARKER, PAGES, WATCH_JS, check_room  # noqa: E402
from bench_night_page import percentile  # noqa: E402
from e2e_support import BANDS_SETTLED_JS, VoilaServer, launch_chromium  # noqa: E402

OUT = REPO / "benchmarks" / "out"
MODES = {"0.5 ms (app)": {}, "5 ms (default)": {"EXPLAINER_NO_SWITCH_INTERVAL": "1"}}
WINDOW_MS = 60

# Every message the page receives, with its kernel header date (v1 websocket protocol:
# little-endian offset count and offsets, then channel, header, parent header, ...).
HOOK_JS = r"""
window.__rx = [];
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const ws = new Native(...args);
  ws.addEventListener("message", (ev) => {
    const at = performance.timeOrigin + performance.now();
    try {
      const buf = ev.data;
      let header;
      if (typeof buf === "string") {
        header = JSON.parse(buf).header;
      } else if (buf instanceof ArrayBuffer) {
        const view = new DataView(buf);
        const start = Number(view.getBigUint64(8 + 8 * 1, true));
        const end = Number(view.getBigUint64(8 + 8 * 2, true));
        header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, start, end - start)));
      }
      if (header && header.date) window.__rx.push([at, header.date]);
    } catch (e) { /* not a kernel message */ }
  });
  return ws;
};
window.WebSocket.prototype = Native.prototype;
Object.assign(window.WebSocket, Native);
"""


def epoch_ms(date: str) -> float:
    return datetime.fromisoformat(date.replace("Z", "+00:00")).timestamp() * 1000


def measure(browser, env: dict[str, str], name: str, changes: int) -> dict[str, list[float]]:
    param, chart, _ = PAGES[name]
    server = VoilaServer(log_path=OUT / "voila-bench-transport.log", env=env)
    server.start(ready_timeout=180)
    found: dict[str, list[float]] = {"kernel_to_page": [], "card": [], "chart": []}
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        page.add_init_script(HOOK_JS)
        page.goto(f"{server.base_url}/voila/render/{name}.ipynb?lang=en", timeout=180_000)
        handle = page.locator(f".explainer-param-{param} .noUi-handle")
        handle.wait_for(state="visible", timeout=180_000)
        page.wait_for_function(BANDS_SETTLED_JS, timeout=180_000)
        page.evaluate(WATCH_JS, [MARKER, chart])
        origin = page.evaluate("performance.timeOrigin")
        handle.focus()
        for i in range(changes + 2):  # the first two warm the path up and are dropped
            page.evaluate("window.__rx = []")
            page.keyboard.press("ArrowRight")
            page.wait_for_function("() => window.__bench.band !== null", timeout=120_000)
            time.sleep(0.25)
            bench, received = page.evaluate("[window.__bench, window.__rx]")
            if i < 2:
                continue
            pressed = origin + bench["keydown"]
            found["card"].append(bench["text"] - bench["keydown"])
            found["chart"].append(bench["chart"] - bench["keydown"])
            for at, date in received:
                if at - pressed <= WINDOW_MS and epoch_ms(date) >= pressed:
                    found["kernel_to_page"].append(at - epoch_ms(date))
        context.close()
    finally:
        server.stop()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--page", choices=sorted(PAGES), default="unit")
    args = parser.parse_args()
    check_room([args.page], args.changes)
    OUT.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    print(f"{args.page} page, {args.changes} changes per run; times in ms (median / p95)")
    print(f"{'round':>5}  {'switch interval':16} {'kernel → page':>15} {'card':>13} {'chart':>13}")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for round_no in range(1, args.rounds + 1):
                p95s = {}
                for mode, env in MODES.items():
                    found = measure(browser, env, args.page, args.changes)
                    cells = []
                    for key in ("kernel_to_page", "card", "chart"):
                        values = found[key]
                        p95s[mode, key] = percentile(values, 0.95)
                        cells.append(f"{statistics.median(values):5.1f} / {p95s[mode, key]:5.1f}")
                    print(f"{round_no:>5}  {mode:16} {cells[0]:>15} {cells[1]:>13} {cells[2]:>13}")
                tuned, plain = MODES
                ratios = ", ".join(
                    f"{key} {p95s[tuned, key] / p95s[plain, key]:.2f}x"
                    for key in ("kernel_to_page", "card", "chart")
                )
                print(f"{'':>5}  p95 ratio 0.5 ms / 5 ms: {ratios}", flush=True)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
