"""The browser's timeline of one slider move (issue 14, `speed`): where the time from the key
press to the cards and the first chart goes, between the browser, the websocket and the kernel.

    .venv/bin/python benchmarks/bench_unit_timeline.py [--page unit] [--changes 15]

Opens the page in headless Chromium against Voila; a script run before the page's own wraps
``WebSocket`` (its ``send`` and its incoming messages, each decoded to find what it carries)
and the page's chart module leaves ``performance`` marks. For each one-step slider move
(``ArrowRight``; the next waits for the bands and 250 ms more), times from the keydown:

* sent: the browser sends its first message (the slider's new value);
* first in: the first message from the kernel (the echo of the value, or a status);
* cards in / cards shown: the message with the new cards arrives / the cards change;
* chart in / chart shown: the first chart's new spec arrives / its marks change;
* last spec in: the last chart's spec of that move arrives.

Prints the median and p95 of each, and of the gaps between them (the kernel's share is
"cards in" less "sent", less the transport). The machine may be shared: compare runs made
close together.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_bands import PAGES, SETTLED_JS  # noqa: E402
from bench_night_page import percentile  # noqa: E402
from e2e_support import VoilaServer, launch_chromium  # noqa: E402

OUT = REPO / "benchmarks" / "out"

WRAP_JS = """
(() => {
  const t = window.__tl = {key: null, sent: null, first: null, cards: null, chartIn: null,
                           lastSpec: null};
  const text = (data) => typeof data === "string" ? data
      : new TextDecoder().decode(data instanceof ArrayBuffer ? data : new ArrayBuffer(0));
  const Orig = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Orig(...args);
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      if (t.key !== null && t.sent === null) t.sent = performance.now();
      return send(data);
    };
    ws.addEventListener("message", (ev) => {
      if (t.key === null || t.sent === null) return;
      const now = performance.now(), s = text(ev.data);
      if (t.first === null) { t.first = now; t.firstText = s.slice(0, 400); }
      if (t.cards === null && s.includes("explainer-cards")) t.cards = now;
      if (s.includes('"spec"') && s.includes("live_")) {
        if (t.chartIn === null && s.includes(window.__firstChartWord)) t.chartIn = now;
        t.lastSpec = now;
      }
    });
    return ws;
  };
  window.WebSocket.prototype = Orig.prototype;
  Object.assign(window.WebSocket, Orig);
})();
"""

ARM_JS = """([chart, word]) => {
  window.__firstChartWord = word;
  const t = window.__tl;
  const cards = () => document.querySelector(".explainer-headline .explainer-cards");
  const svg = () => document.querySelector(chart + " svg.marks");
  document.addEventListener("keydown", () => {
    Object.assign(t, {key: performance.now(), sent: null, first: null, cards: null,
                      chartIn: null, lastSpec: null, cardsShown: null, chartShown: null,
                      textBefore: cards()?.innerHTML || "", svgBefore: svg()});
  }, true);
  new MutationObserver(records => {
    if (t.key === null) return;
    const now = performance.now();
    if (t.cardsShown === null && (cards()?.innerHTML || "") !== t.textBefore) t.cardsShown = now;
    const before = t.svgBefore;
    if (t.chartShown === null && before && records.some(r => before.contains(r.target)))
      t.chartShown = now;
  }).observe(document.body, {subtree: true, childList: true, attributes: true,
                             characterData: true});
}"""

#: the first chart's spec carries this word (its dataset names differ from the others')
FIRST_CHART_WORD = {"unit": "bedtime", "night": "timeline"}
ROWS = (
    ("sent", "browser sends the value"),
    ("first", "first message back"),
    ("cards", "cards message in"),
    ("cardsShown", "cards shown"),
    ("chartIn", "first chart's spec in"),
    ("chartShown", "first chart redrawn"),
    ("lastSpec", "last chart's spec in"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", choices=sorted(PAGES), default="unit")
    parser.add_argument("--changes", type=int, default=15)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    param, chart, _ = PAGES[args.page]
    found: dict[str, list[float]] = {key: [] for key, _ in ROWS}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        OUT.mkdir(parents=True, exist_ok=True)
        server = VoilaServer(log_path=OUT / "voila-bench-timeline.log")
        server.start(ready_timeout=180)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            page.add_init_script(WRAP_JS)
            page.goto(f"{server.base_url}/voila/render/{args.page}.ipynb?lang=en")
            handle = page.locator(f".explainer-param-{param} .noUi-handle")
            handle.wait_for(state="visible", timeout=180_000)
            page.wait_for_function(SETTLED_JS, timeout=180_000)
            page.evaluate(ARM_JS, [chart, FIRST_CHART_WORD[args.page]])
            handle.focus()
            for i in range(args.changes + 2):
                page.keyboard.press("ArrowRight")
                page.wait_for_timeout(300)
                page.wait_for_function(SETTLED_JS, timeout=120_000)
                time.sleep(float(os.environ.get("TL_PAUSE", "0.25")))
                got = page.evaluate("window.__tl")
                if i >= 2:
                    for key in found:
                        if got.get(key) is not None:
                            found[key].append(got[key] - got["key"])
            context.close()
        finally:
            server.stop()
            browser.close()
    print(f"{args.page}: {args.changes} changes; ms from the keydown")
    print(f"{'':32} {'median':>7} {'p95':>7}   n")
    for key, label in ROWS:
        values = found[key]
        if values:
            print(
                f"{label:32} {statistics.median(values):7.0f} "
                f"{percentile(values, 0.95):7.0f}   {len(values)}"
            )


if __name__ == "__main__":
    main()
