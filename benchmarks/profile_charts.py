"""Where the browser's main thread goes during slider moves: a Chromium CPU profile.

    .venv/bin/python benchmarks/profile_charts.py [night|unit] [--changes 15]

Opens the page in headless Chromium against Voila, moves one slider a step at a time
(``--changes`` moves, 250 ms apart, after three unprofiled ones), and prints the sampled
main-thread time: in total, by function (self time) and by script file (inclusive), and the
chart module's (``jupyterchart.js``: vega, vega-lite, vega-embed) per change, the figure
issue 14's in-place chart updates (explainer.charts.live) bring down. The machine may be
shared: compare runs made close together.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

from e2e_support import VoilaServer, launch_chromium  # noqa: E402

SLIDERS = {"night": "signin_min_per_app", "unit": "n_staff"}
OUT = REPO / "benchmarks" / "out"


def profile(page_name: str, changes: int) -> dict:
    """The CPU profile (Chrome DevTools Protocol ``Profiler``) of ``changes`` slider moves."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        OUT.mkdir(parents=True, exist_ok=True)
        server = VoilaServer(log_path=OUT / "voila-profile-charts.log")
        server.start(ready_timeout=180)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            url = f"{server.base_url}/voila/render/{page_name}.ipynb?lang=en"
            page.goto(url, timeout=180_000)
            handle = page.locator(f".explainer-param-{SLIDERS[page_name]} .noUi-handle")
            handle.wait_for(state="visible", timeout=180_000)
            time.sleep(4)
            handle.focus()
            for _ in range(3):
                page.keyboard.press("ArrowRight")
                time.sleep(1)
            cdp = context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
            for _ in range(changes):
                page.keyboard.press("ArrowRight")
                time.sleep(0.25)
            time.sleep(1)  # the last change's redraw
            return cdp.send("Profiler.stop")["profile"]
        finally:
            server.stop()
            browser.close()


def report(prof: dict, changes: int) -> None:
    nodes = {n["id"]: n for n in prof["nodes"]}
    parent = {c: n["id"] for n in prof["nodes"] for c in n.get("children", [])}
    spent: collections.Counter[int] = collections.Counter()
    for sample, delta in zip(prof["samples"], prof["timeDeltas"], strict=False):
        spent[sample] += delta
    by_self: collections.Counter[str] = collections.Counter()
    by_file: collections.Counter[str] = collections.Counter()
    for sample, us in spent.items():
        frame = nodes[sample]["callFrame"]
        name = frame["functionName"] or "(anonymous)"
        by_self[f"{name} {frame['url'].split('/')[-1][:40]}:{frame['lineNumber']}"] += us
        seen, node = set(), sample
        while node is not None and node in nodes:
            f = nodes[node]["callFrame"]
            key = f["url"].split("/")[-1].split("?")[0][:50] or f["functionName"]
            if key not in seen:
                by_file[key] += us
                seen.add(key)
            node = parent.get(node)
    total = sum(spent.values())
    idle = by_self.get("(idle) :-1", 0)
    print(f"profiled {total / 1000:.0f} ms over {changes} changes ({idle / 1000:.0f} ms idle)")
    for key, us in by_self.most_common(15):
        print(f"{us / 1000:8.1f} ms  {key}")
    print("--- inclusive, by script file")
    for key, us in by_file.most_common(10):
        print(f"{us / 1000:8.1f} ms  {key}")
    chart = by_file.get("jupyterchart.js", 0) / 1000
    print(f"\njupyterchart.js: {chart:.0f} ms in all, {chart / changes:.1f} ms per change")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", default="night", choices=sorted(SLIDERS))
    parser.add_argument("--changes", type=int, default=15)
    args = parser.parse_args()
    report(profile(args.page, args.changes), args.changes)


if __name__ == "__main__":
    main()
