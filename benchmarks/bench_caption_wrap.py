"""Time the browser's caption wrap (issue 15): ``fitChartText`` in serving/jupyterchart.js
runs on every chart update (embed, in-place update, resize), so its cost adds to each
slider move.

    .venv/bin/python benchmarks/bench_caption_wrap.py [--runs 200]

Loads the module's text-fitting functions into a blank page of headless Chromium (no Voila)
and wraps, for each page chart's title and caption paragraphs (the default scenario, both
languages), at a phone's (296 px, 12 px type), a laptop's (700 px, 13 px) and a presenter
screen's (1560 px, 24 px) room. Prints the median time per chart and per paragraph, and the
ratio to the 100 ms budget of a slider move. The machine may be shared: compare runs on one
machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from e2e_support import launch_chromium  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from explainer.charts.common import responsive  # noqa: E402
from explainer.core.spec import registry  # noqa: E402
from explainer.pages import PAGE_IDS, page_spec  # noqa: E402

MODULE = ROOT / "src" / "explainer" / "serving" / "jupyterchart.js"
ROOMS = ((296, 12, 18), (700, 13, 18), (1560, 24, 32))
BUDGET_MS = 100.0


def texts() -> list[dict[str, object]]:
    """Every page chart's title and caption paragraphs, default scenario, both languages."""
    found = []
    for page_id in PAGE_IDS:
        spec = page_spec(page_id)
        result = spec.compute(registry().default(), {})
        for chart in spec.charts:
            for lang in ("en", "zh"):
                heading = responsive(chart.spec(result, lang), lang)["title"]
                found.append({"title": heading["text"], "caption": heading["subtitle"]})
    return found


def fitting_code() -> str:
    """The module's text-fitting block (constants and functions up to fitChartText)."""
    source = MODULE.read_text(encoding="utf-8")
    start = source.index("const CHART_TEXT_PAD")
    return source[start : source.index("// `spec` (a private copy")]


TIMING_JS = """([code, charts, rooms, runs]) => {
  const wrap = new Function(code + '; return wrapChartTextNow;')();  // not its memo
  const out = [];
  for (const [room, caption, title] of rooms) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      for (const c of charts) {
        wrap(c.title, room, `bold ${title}px sans-serif`);
        for (const p of c.caption) wrap(p, room, `${caption}px sans-serif`);
      }
      times.push((performance.now() - t0) / charts.length);
    }
    times.sort((a, b) => a - b);
    out.push({room, median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)]});
  }
  return out;
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    charts = texts()
    paragraphs = statistics.mean(1 + len(c["caption"]) for c in charts)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        found = page.evaluate(TIMING_JS, [fitting_code(), charts, ROOMS, args.runs])
        browser.close()
    print(f"{len(charts)} charts, {paragraphs:.1f} paragraphs each (title included)")
    for row in found:
        print(
            f"room {row['room']:>5} px: median {row['median']:.3f} ms per chart, "
            f"p95 {row['p95']:.3f} ms; {row['median'] / paragraphs * 1000:.0f} µs per "
            f"paragraph; {row['median'] / BUDGET_MS:.4f} of a slider move's {BUDGET_MS:.0f} ms"
        )
    out = ROOT / "benchmarks" / "out"
    out.mkdir(exist_ok=True)
    (out / "caption_wrap.json").write_text(json.dumps(found, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
