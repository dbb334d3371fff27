"""Page weight: bytes on the wire and requests per page, and the first readable chart on a
slow network, in headless Chromium against Voila with a checkout's own config.

    .venv/bin/python benchmarks/bench_page_weight.py [--repo PATH] [--python PATH]
        [--pages night,unit,fit,reforms,landing] [--label after]

For each page, in a fresh browser context (empty cache):

- first visit: every HTTP response's encoded (on-the-wire) bytes, summed from the DevTools
  protocol's ``Network.loadingFinished`` ``encodedDataLength`` (headers included), the number
  of requests, and the kernel websocket's received bytes (separately: they are the page's
  data, not its code);
- first readable chart: navigation start to the first animation frame where the page's first
  chart has drawn marks (``svg.marks`` with children), with the network throttled through
  ``Network.emulateNetworkConditions`` to 9 Mbit/s each way and 60 ms latency;
- repeat visit: the same page again in the same context (browser cache warm), unthrottled.

"Before" is the same script pointed at another checkout and its interpreter, e.g. main:

    .venv/bin/python benchmarks/bench_page_weight.py --repo /work/main \\
        --python /work/main/.venv/bin/python --module voila --label before

Targets (issue 15, night page): first visit <= 2 MB on the wire; first readable chart <= 4 s
throttled. Figures are from one loaded machine: compare runs on the same machine.
Writes benchmarks/out/page_weight_<label>.json as well.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

from e2e_support import VoilaServer, launch_chromium  # noqa: E402

OUT = REPO / "benchmarks" / "out"
PAGES = {
    "night": "/voila/render/night.ipynb",
    "unit": "/voila/render/unit.ipynb",
    "fit": "/voila/render/fit.ipynb",
    "reforms": "/voila/render/reforms.ipynb",
    "landing": "/",
}
THROTTLE = {
    "offline": False,
    "latency": 60,  # ms
    "downloadThroughput": 9_000_000 / 8,  # bytes/s
    "uploadThroughput": 9_000_000 / 8,
}
TARGET_FIRST_VISIT_BYTES = 2_000_000
TARGET_FIRST_CHART_S = 4.0

# performance.now() (ms since navigation start) once the first chart has drawn marks.
CHART_JS = """() => {
    const m = document.querySelector("svg.marks");
    return m && m.childElementCount > 0 && m.getClientRects().length > 0
        ? performance.now() : false;
}"""


class Server(VoilaServer):
    """Voila started by a given interpreter and module (another checkout's, for "before")."""

    python: str = sys.executable
    module: str = "explainer.serve"

    def command(self) -> list[str]:
        return [self.python, "-m", self.module, *super().command()[3:]]


class Wire:
    """Bytes and requests seen by the DevTools protocol on one page."""

    def __init__(self, cdp) -> None:
        self.bytes = 0
        self.requests = 0
        self.ws_bytes = 0
        self.by_type: dict[str, int] = {}
        self._types: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _sent(self, event: dict) -> None:
        self.requests += 1
        self._types[event["requestId"]] = event.get("type", "Other")

    def _finished(self, event: dict) -> None:
        size = int(event.get("encodedDataLength", 0))
        self.bytes += size
        kind = self._types.get(event["requestId"], "Other")
        self.by_type[kind] = self.by_type.get(kind, 0) + size

    def _frame(self, event: dict) -> None:
        self.ws_bytes += len(event.get("response", {}).get("payloadData", ""))


def visit(page, cdp, url: str, throttled: bool, has_chart: bool) -> dict:
    """Load ``url`` once; wire figures, and the first chart's time if the page has one."""
    cdp.send(
        "Network.emulateNetworkConditions",
        THROTTLE
        if throttled
        else {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    wire = Wire(cdp)
    page.goto(url, wait_until="load", timeout=180_000)
    chart_ms = None
    if has_chart:
        chart_ms = page.wait_for_function(CHART_JS, polling="raf", timeout=180_000).json_value()
    page.wait_for_timeout(1500)  # late requests (widget modules, fonts) still count
    return {
        "bytes": wire.bytes,
        "requests": wire.requests,
        "ws_bytes": wire.ws_bytes,
        "by_type": wire.by_type,
        "first_chart_s": round(chart_ms / 1000, 2) if chart_ms else None,
    }


def wait_for_pool(server: VoilaServer, notebook: str, used_before: int) -> None:
    """Wait for Voila to preheat a fresh kernel for ``notebook`` after one was used."""
    name = notebook.rsplit("/", 1)[-1].replace(".", r"\.")
    deadline = time.monotonic() + 180
    while server.count_log(rf"Kernel pool of {name} is filled") < used_before + 2:
        if time.monotonic() > deadline:
            return  # no pool (preheating off): nothing to wait for
        time.sleep(0.5)


def measure(server: VoilaServer, browser, name: str, path: str) -> dict:
    has_chart = path != "/"
    url = server.base_url + path
    name_re = path.rsplit("/", 1)[-1].replace(".", r"\.")
    used = server.count_log(rf"Using pre-heated kernel: \S+ for {name_re}") if has_chart else 0
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    first = visit(page, cdp, url, throttled=True, has_chart=has_chart)
    page.goto("about:blank")
    if has_chart:
        wait_for_pool(server, path, used)
    repeat = visit(page, cdp, url, throttled=False, has_chart=has_chart)
    page.goto("about:blank")
    context.close()
    if has_chart:
        wait_for_pool(server, path, used + 1)
    return {"first": first, "repeat": repeat}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--label", default="after")
    parser.add_argument(
        "--module",
        default="explainer.serve",
        help="what `python -m` starts: explainer.serve (gzip included), or voila",
    )
    args = parser.parse_args()
    repo = args.repo.resolve()

    Server.python = args.python
    Server.module = args.module
    server = Server(
        log_path=OUT / f"page_weight_{args.label}_voila.log",
        notebooks=repo / "notebooks",
        cwd=repo,
        env={"JUPYTER_PATH": str(repo / "share" / "jupyter")},
    )
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    server.start(ready_timeout=180)
    try:
        time.sleep(20)  # let the first kernel pools fill before the first visit
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for name in args.pages.split(","):
                results[name] = measure(server, browser, name, PAGES[name])
                first, repeat = results[name]["first"], results[name]["repeat"]
                print(
                    f"{args.label:>7} {name:<8} first visit {first['bytes'] / 1e6:6.2f} MB "
                    f"in {first['requests']:3d} requests (+{first['ws_bytes'] / 1e3:.0f} kB "
                    f"websocket); repeat {repeat['bytes'] / 1e6:6.2f} MB in "
                    f"{repeat['requests']:3d} requests; first readable chart "
                    f"{first['first_chart_s'] if first['first_chart_s'] is not None else '-'} s "
                    "at 9 Mbit/s, 60 ms",
                    flush=True,
                )
            browser.close()
    finally:
        server.stop()

    night = results.get("night")
    if night:
        weight = night["first"]["bytes"]
        chart = night["first"]["first_chart_s"]
        print(
            f"night page: first visit {weight / 1e6:.2f} MB (target <= "
            f"{TARGET_FIRST_VISIT_BYTES / 1e6:.0f} MB: {'met' if weight <= TARGET_FIRST_VISIT_BYTES else 'NOT met'}); "  # noqa: E501
            f"first readable chart {chart} s (target <= {TARGET_FIRST_CHART_S} s: "
            f"{'met' if chart is not None and chart <= TARGET_FIRST_CHART_S else 'NOT met'})"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"page_weight_{args.label}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
